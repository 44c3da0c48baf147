"""A printed PDF read back as text (poppler's pdftotext), and text folded for comparing with it."""

import re
import shutil
import subprocess
import tempfile
from pathlib import Path


def fold(text: str) -> str:
	"""Text as compared: the characters as they are, without whitespace (PDF lines break anywhere)."""
	return re.sub(r"\s+", "", text)


def pdf_text(pdf: bytes) -> str:
	pdftotext = shutil.which("pdftotext")
	if not pdftotext:
		raise AssertionError("pdftotext (poppler-utils) is needed to read the printed PDF back")
	with tempfile.TemporaryDirectory() as tmp:
		path = Path(tmp) / "application.pdf"
		path.write_bytes(pdf)
		# -raw keeps the order in which the page was drawn, so a vertical label reads as one word
		subprocess.run(
			[pdftotext, "-raw", "-enc", "UTF-8", str(path), str(path.with_suffix(".txt"))], check=True
		)
		return path.with_suffix(".txt").read_text(encoding="utf-8")
