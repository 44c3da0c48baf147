import sys
from pathlib import Path

# The tier without Frappe imports cluster_brand.rules straight from the checkout.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
