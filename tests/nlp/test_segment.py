"""Segmentation follows the contract's own numbering: table-driven over drafting styles."""

from __future__ import annotations

import pytest

from nlp.definitions import definitions_used, find_definitions
from nlp.enumerators import read_marker, roman_to_int
from nlp.extract import extract_document
from nlp.segment import segment


def clauses_of(text: str):
    document = extract_document(text.encode(), "contract.txt")
    return document, segment(document)


def outline(text: str) -> list[tuple[str | None, str | None, str | None]]:
    """(number, heading, parent number) for every clause."""
    _, clauses = clauses_of(text)
    by_id = {c.id: c for c in clauses}
    return [(c.number, c.heading, by_id[c.parent_id].number if c.parent_id else None) for c in clauses]


ARTICLE_STYLE = """ARTICLE IV
COMPENSATION
Section 4.01 Base Salary. Employer shall pay an annual salary.
Section 4.02 Productivity. Physician earns a bonus.
ARTICLE V - TERMINATION
Section 5.01 Without Cause. Either party may terminate on notice.
"""
DECIMAL_STYLE = """1. Definitions.
1.1 "Practice Site" means the clinic.
1.2 "Term" means three years.
2. Duties.
2.1 Clinical Services. Physician shall see patients.
2.1.1 Physician shall keep records.
3. Compensation.
"""
SECTION_PARENS_STYLE = """Section 7.2 Covenant Not to Compete. Physician shall not:
(a) practice medicine within the Restricted Area;
(b) solicit patients, including:
(i) current patients; and
(ii) former patients;
(c) hire any employee.
Section 7.3 Remedies. Employer may seek an injunction.
"""
LETTER_AFTER_H = """Section 9.1 Duties. Physician shall:
(g) attend meetings;
(h) complete charts; and
(i) teach residents.
"""
EXHIBIT_STYLE = """10. Entire Agreement. This is the whole agreement.
EXHIBIT A
COMPENSATION SCHEDULE
1. Base Salary. $300,000 per year.
2. Productivity. $55 per wRVU.
Schedule 1 - Call Schedule
Physician takes call one in four nights.
"""
PROSE_STYLE = """Dear Dr. Rivera,
We are pleased to offer you a position as a staff hospitalist.
Compensation
Your annual salary will be $290,000.
Call Coverage
You will share call equally with the other hospitalists.
"""
SECTION_SIGN_STYLE = """§ 1 Employment. Employer employs Physician.
§ 2 Compensation. Employer pays Physician.
§ 2.1 Bonus. A bonus may be paid.
"""


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param(ARTICLE_STYLE, [
            ("Article IV", "COMPENSATION", None), ("4.01", "Base Salary", "Article IV"),
            ("4.02", "Productivity", "Article IV"), ("Article V", "TERMINATION", None),
            ("5.01", "Without Cause", "Article V"),
        ], id="article-section"),
        pytest.param(DECIMAL_STYLE, [
            ("1", "Definitions", None), ("1.1", None, "1"), ("1.2", None, "1"), ("2", "Duties", None),
            ("2.1", "Clinical Services", "2"), ("2.1.1", None, "2.1"), ("3", "Compensation", None),
        ], id="decimal-nested"),
        pytest.param(SECTION_PARENS_STYLE, [
            ("7.2", "Covenant Not to Compete", None), ("7.2(a)", None, "7.2"), ("7.2(b)", None, "7.2"),
            ("7.2(b)(i)", None, "7.2(b)"), ("7.2(b)(ii)", None, "7.2(b)"), ("7.2(c)", None, "7.2"),
            ("7.3", "Remedies", None),
        ], id="section-letters-romans"),
        pytest.param(LETTER_AFTER_H, [
            ("9.1", "Duties", None), ("9.1(g)", None, "9.1"), ("9.1(h)", None, "9.1"), ("9.1(i)", None, "9.1"),
        ], id="i-after-h-is-a-letter"),
        pytest.param(EXHIBIT_STYLE, [
            ("10", "Entire Agreement", None), ("Exhibit A", "COMPENSATION SCHEDULE", None),
            ("1", "Base Salary", "Exhibit A"), ("2", "Productivity", "Exhibit A"),
            ("Schedule 1", "Call Schedule", None),
        ], id="exhibits"),
        pytest.param(PROSE_STYLE, [
            (None, None, None), (None, "Compensation", None), (None, "Call Coverage", None),
        ], id="offer-letter-headings"),
        pytest.param(SECTION_SIGN_STYLE, [
            ("1", "Employment", None), ("2", "Compensation", None), ("2.1", "Bonus", "2"),
        ], id="section-sign"),
    ],
)
def test_segment_follows_numbering(text, expected):
    assert outline(text) == expected


def test_segment_offsets_and_text_agree():
    document, clauses = clauses_of(SECTION_PARENS_STYLE)
    for clause in clauses:
        assert document.text[clause.start:clause.end] == clause.text
        assert clause.start <= clause.body_start <= clause.end
    parent = clauses[0]
    assert parent.end == clauses[5].end  # 7.2 covers its children up to the end of (c)


def test_segment_preamble_is_kept():
    _, clauses = clauses_of("This Agreement is made between the parties.\n1. Term. Three years.\n")
    assert clauses[0].number is None and clauses[0].heading is None
    assert clauses[0].text.startswith("This Agreement")


def test_segment_pages_follow_form_feeds():
    document, clauses = clauses_of("1. First. Text.\n2. Second. More text.\x0c3. Third. On page two.\n")
    assert [(c.number, c.page_start) for c in clauses] == [("1", 1), ("2", 1), ("3", 2)]


@pytest.mark.parametrize(
    "line, number",
    [
        pytest.param("Section 4.2 of this Agreement shall survive.", None, id="cross-reference"),
        pytest.param("Schedule 2.1 hereto lists the sites.", None, id="schedule-reference"),
        pytest.param("30 days after notice, the term ends.", None, id="number-in-prose"),
        pytest.param("2026. The parties agree.", None, id="year"),
        pytest.param("Tier 1 | 0 - 4,500 | $45.00", None, id="table-row"),
        pytest.param("Section 4.2 Duties.", "4.2", id="section"),
        pytest.param("4.2. Duties.", "4.2", id="decimal-dot"),
        pytest.param("(iv) nurses", "(iv)", id="roman"),
        pytest.param("ARTICLE XII MISCELLANEOUS", "Article XII", id="article"),
    ],
)
def test_segment_read_marker(line, number):
    marker = read_marker(line)
    assert (marker.number if marker else None) == number


@pytest.mark.parametrize("text, value", [("iv", 4), ("IX", 9), ("xii", 12), ("c", 100), ("abc", None)])
def test_segment_roman_to_int(text, value):
    assert roman_to_int(text) == value


def test_definitions_resolve_across_sections():
    text = (
        "1. Definitions.\n"
        '1.1 "Restricted Area" means the area within twenty (20) miles of the Practice.\n'
        "1.2 Restricted Period shall mean eighteen (18) months after termination.\n"
        "2. Services. Physician shall provide services (the \u201cServices\u201d) to patients.\n"
        "9. Covenant. Physician shall not practice in the Restricted Area during the Restricted Period.\n"
    )
    document, clauses = clauses_of(text)
    definitions = find_definitions(document.text, clauses)
    assert {d.term for d in definitions} >= {"Restricted Area", "Restricted Period", "Services"}
    covenant = next(c for c in clauses if c.number == "9")
    used = {d.term for d in definitions_used(covenant.text, definitions, exclude_clause=covenant.id)}
    assert used == {"Restricted Area", "Restricted Period"}
    area = next(d for d in definitions if d.term == "Restricted Area")
    assert "twenty (20) miles" in area.text
    assert document.text[area.start:area.end].strip() == area.text
