"""How many of CUAD's train-split Non-Compete spans speak of a period after the contract ends.

    .venv/bin/python scripts/cuad_noncompete_periods.py

The project's labelling guide (models/data/labelling_guide.md, decision 9) counts a restriction as a
non-compete only "after, or during and after" the engagement; CUAD's label has no such condition. This
counts, by wording, the spans that mention a period after the end, those that speak only of the term, and
those that name no period. Train split only: the test split is for evaluation.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from models import cuad  # noqa: E402

AFTER = re.compile(r"\b(after|following|thereafter|post-termination|expir\w*|termination of (this|the) agreement)")
DURING = re.compile(r"during the (term|period)|term of this agreement|while")


def main() -> None:
    if not cuad.available():
        sys.exit(f"CUAD not found at {cuad.CUAD_DIR}")
    total = after = during = 0
    for doc_id, _ in cuad.documents("train"):
        for span in cuad.spans(doc_id):
            if span.category != "Non-Compete":
                continue
            total += 1
            text = span.text.lower()
            if AFTER.search(text):
                after += 1
            elif DURING.search(text):
                during += 1
    print(f"Non-Compete spans in the CUAD train split: {total}")
    print(f"  mention a period after the end:  {after}")
    print(f"  speak only of the term:          {during}")
    print(f"  name no period:                  {total - after - during}")


if __name__ == "__main__":
    main()
