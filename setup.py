# Kept for tools that still call setup.py; pyproject.toml is the source of truth.
from setuptools import find_packages, setup

from cluster_brand import __version__

setup(
	name="cluster_brand",
	version=__version__,
	description="MIIT industrial-cluster regional-brand pilot programme on Frappe",
	packages=find_packages(exclude=["tests", "tests.*"]),
	include_package_data=True,
	zip_safe=False,
	install_requires=[],
)
