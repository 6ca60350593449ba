"""models.train.with_table_headers: an authored corpus's table rows are read with their table's header row.

The product reads a table whole, inside one clause; the authored corpora give each table line its own row, and
"Pediatrics | $238,000 | 4,950 | $50.10" alone cannot say it is a wRVU threshold and a conversion factor.
"""

from __future__ import annotations

import json

import pytest

from models import train
from models.train import Row, is_table_row, with_table_headers

HEADER = "Specialty | Base | wRVU Threshold | Conversion Factor"


def _rows(*specs: tuple[str, str]) -> list[Row]:
    return [Row(f"r{n}", doc, text, frozenset({"rvu_compensation"}), "corpus.jsonl") for n, (doc, text) in enumerate(specs)]


@pytest.mark.parametrize(("text", "expected"), [
    (HEADER, True),
    ("Tier 1 | $46.00 per wRVU | quarterly", True),
    ("Base | $300,000", False),  # two cells: a label and a value, as prose uses a bar
    ("Line one | a | b\nLine two | c | d", False),  # several lines: already a whole table or a clause
    ("Physician shall be paid $50 per wRVU.", False),
    ("a|b|c", False),  # cells are separated by " | "
])
def test_what_counts_as_a_table_row(text, expected):
    assert is_table_row(text) is expected


@pytest.mark.parametrize(("specs", "expected_texts"), [
    # the header row is unchanged, the rows under it carry it
    ([("d1", HEADER), ("d1", "Pediatrics | $238,000 | 4,950 | $50.10"), ("d1", "Surgery | $398,000 | 7,600 | $54.10")],
     [HEADER, f"{HEADER}\nPediatrics | $238,000 | 4,950 | $50.10", f"{HEADER}\nSurgery | $398,000 | 7,600 | $54.10"]),
    # prose between two tables: the second starts a new header
    ([("d1", "A | B | C"), ("d1", "1 | 2 | 3"), ("d1", "Prose clause."), ("d1", "X | Y | Z"), ("d1", "7 | 8 | 9")],
     ["A | B | C", "A | B | C\n1 | 2 | 3", "Prose clause.", "X | Y | Z", "X | Y | Z\n7 | 8 | 9"]),
    # a new document starts a new table even when both end and begin with table rows
    ([("d1", "A | B | C"), ("d2", "1 | 2 | 3"), ("d2", "4 | 5 | 6")],
     ["A | B | C", "1 | 2 | 3", "1 | 2 | 3\n4 | 5 | 6"]),
    # no table: nothing changes
    ([("d1", "First."), ("d1", "Second.")], ["First.", "Second."]),
])
def test_table_rows_carry_their_header(specs, expected_texts):
    rows = _rows(*specs)
    out = with_table_headers(rows)
    assert [r.text for r in out] == expected_texts
    assert [(r.id, r.doc, r.kinds, r.source_file) for r in out] == [(r.id, r.doc, r.kinds, r.source_file) for r in rows]


@pytest.mark.parametrize(("name", "prefixed"), [
    ("corpus.jsonl", True),  # an authored corpus: one row per table line
    (train.SAMPLE_FILE, False),  # clauses as the product cut them: a table is already inside one clause
])
def test_only_authored_corpora_are_given_headers(tmp_path, name, prefixed):
    lines = [{"id": "a", "doc": "d", "text": "A | B | C", "kinds": []},
             {"id": "b", "doc": "d", "text": "1 | 2 | 3", "kinds": ["rvu_compensation"]}]
    (tmp_path / name).write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    rows = train.load_file(name, tmp_path)
    assert rows[1].text == ("A | B | C\n1 | 2 | 3" if prefixed else "1 | 2 | 3")
    assert train.load_file(name, tmp_path, table_headers=False)[1].text == "1 | 2 | 3"
    assert train.CUAD_FILE in train.PRODUCT_SEGMENTED_FILES


def test_the_held_out_scorer_reads_rows_as_the_trainer_does(tmp_path):
    from models.score_rows import read_rows

    path = tmp_path / "fresh.jsonl"
    path.write_text(json.dumps({"id": "a", "doc": "d", "text": HEADER, "kinds": []}) + "\n"
                    + json.dumps({"id": "b", "doc": "d", "text": "Peds | 1 | 2 | 3", "kinds": ["rvu_compensation"]}) + "\n",
                    encoding="utf-8")
    assert [r.text for r in read_rows(path)] == [HEADER, f"{HEADER}\nPeds | 1 | 2 | 3"]
