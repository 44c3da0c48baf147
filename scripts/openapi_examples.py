#!/usr/bin/env python3
"""Writes the README's REST examples from the OpenAPI document built from this checkout (no Frappe needed):
the curl lines between <!-- openapi-examples:start --> and <!-- openapi-examples:end -->.
tests/openapi/test_readme_examples.py fails when the README differs from what this writes.

    python3 scripts/openapi_examples.py            # rewrite README.md
    python3 scripts/openapi_examples.py --check    # exit 1 if README.md is not current
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cluster_brand.openapi.build import build_from_files  # noqa: E402
from cluster_brand.openapi.readme import README, with_examples  # noqa: E402


def main() -> int:
	current = README.read_text(encoding="utf-8")
	wanted = with_examples(current, build_from_files())
	if "--check" in sys.argv[1:]:
		if current != wanted:
			print(
				"README.md's REST examples differ from the OpenAPI document: run scripts/openapi_examples.py"
			)
			return 1
		return 0
	README.write_text(wanted, encoding="utf-8")
	return 0


if __name__ == "__main__":
	sys.exit(main())
