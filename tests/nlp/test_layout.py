"""Layout clean-up on positioned lines: running headers/footers, page numbers, reflow, hyphenation."""

from __future__ import annotations

import pytest

from nlp.extract.layout import (
    Line,
    PageLines,
    clean_pages,
    drop_running_lines,
    is_page_number,
    join_hyphenated,
    page_number_value,
)

WIDTH, HEIGHT = 612.0, 792.0


def body(text: str, top: float, right: float = 540.0) -> Line:
    return Line(text, 72.0, right, top - 10.0, top)


def page(number: int, *lines: Line) -> PageLines:
    return PageLines(number, WIDTH, HEIGHT, tuple(lines))


def header(text: str) -> Line:
    return Line(text, 72.0, 300.0, 760.0, 770.0)


def footer(text: str) -> Line:
    return Line(text, 280.0, 330.0, 30.0, 40.0)


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("3", True, id="bare"),
        pytest.param("- 3 -", True, id="dashes"),
        pytest.param("Page 3 of 12", True, id="page-of"),
        pytest.param("[3]", True, id="brackets"),
        pytest.param("iv", True, id="roman"),
        pytest.param("3. Compensation", False, id="clause-number"),
        pytest.param("Physician shall work 3 days", False, id="prose"),
    ],
)
def test_layout_is_page_number(text, expected):
    assert is_page_number(text) is expected


@pytest.mark.parametrize(
    "text, value",
    [("7", 7), ("- 12 -", 12), ("Page 4 of 9", 4), ("(5)", 5), ("Section 5", None), ("5 days", None)],
)
def test_layout_page_number_value(text, value):
    assert page_number_value(text) == value


def test_layout_drops_running_header_footer_with_varying_numbers():
    pages = [
        page(n, header("CONFIDENTIAL - Physician Employment Agreement"), body(f"Clause text on page {n}.", 700),
             footer(f"Page {n} of 3"), footer("Initials: ____"))
        for n in (1, 2, 3)
    ]
    cleaned, removed = drop_running_lines(pages)
    assert removed == 9
    assert [[line.text for line in p.lines] for p in cleaned] == [[f"Clause text on page {n}."] for n in (1, 2, 3)]


def test_layout_keeps_body_lines_that_repeat_outside_the_margins():
    pages = [page(n, body("IN WITNESS WHEREOF", 400)) for n in (1, 2)]
    cleaned, removed = drop_running_lines(pages)
    assert removed == 0


def test_layout_drops_page_numbers_printed_mid_page():
    """Documents converted from HTML print the page number right after the last paragraph."""
    pages = [page(n, body(f"Text {n}.", 700), body(str(n + 1), 450)) for n in range(1, 6)]
    cleaned, removed = drop_running_lines(pages)
    assert removed == 5
    assert all(len(p.lines) == 1 for p in cleaned)


@pytest.mark.parametrize(
    "left, right, joined",
    [
        pytest.param("employ-", "ment begins", "employment begins", id="typeset-break"),
        pytest.param("non-", "compete", "non-compete", id="keeps-prefix-hyphen"),
        pytest.param("twenty-", "five (25) miles", "twenty-five (25) miles", id="keeps-number-hyphen"),
        pytest.param("self-", "referral", "self-referral", id="keeps-self"),
        pytest.param("Section 7-", "B applies", "Section 7-B applies", id="capital-next"),
    ],
)
def test_layout_join_hyphenated(left, right, joined):
    assert join_hyphenated(left, right) == joined


def test_layout_reflow_joins_wrapped_lines_and_keeps_clause_starts():
    lines = [
        body("7.2 Covenant Not to Compete. During the term and for two (2) years after it ends, the", 700),
        body("Physician shall not practise medicine within twenty-five (25) miles of any office of", 688),
        body("the Employer, including:", 676, right=200),
        body("(a) the main hospital; and", 664, right=260),
        body("(b) each clinic.", 652, right=180),
        body("7.3 Buyout", 630, right=150),
    ]
    text, _ = clean_pages([page(1, *lines)])
    assert text[0].split("\n") == [
        "7.2 Covenant Not to Compete. During the term and for two (2) years after it ends, the Physician shall "
        "not practise medicine within twenty-five (25) miles of any office of the Employer, including:",
        "(a) the main hospital; and",
        "(b) each clinic.",
        "7.3 Buyout",
    ]


def test_layout_reflow_glues_a_wrapped_cross_reference():
    """A full line that does not end a sentence continues, even if the next line looks like a number."""
    lines = [
        body("Employer may assign this Agreement as permitted under Section", 700),
        body("3.3 hereof without the consent of Physician.", 688, right=300),
    ]
    text, _ = clean_pages([page(1, *lines)])
    assert text[0] == "Employer may assign this Agreement as permitted under Section 3.3 hereof without the consent of Physician."
