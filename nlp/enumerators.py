"""Clause enumerators at the start of a line: "ARTICLE IV", "Exhibit A", "Section 7.2", "7.2", "(b)", "(iii)".

One definition, used by layout reflow (never glue a line that starts a clause onto the line above)
and by segmentation (where clauses begin and how they nest).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ROMAN = r"[IVXLC]{1,7}"
_ARTICLE_RE = re.compile(
    rf"^(?P<word>ARTICLE|Article)\s+(?P<label>{_ROMAN}|\d{{1,3}}|[A-Z][A-Za-z]+(?:-[A-Za-z]+)?)\b\.?"
)
_ATTACHMENT_RE = re.compile(
    r"^(?P<word>EXHIBIT|Exhibit|SCHEDULE|Schedule|APPENDIX|Appendix|ATTACHMENT|Attachment|ADDENDUM|Addendum)"
    r"(?:\s+(?P<label>[A-Z]{1,2}(?:-\d{1,2})?|\d{1,2}(?:\.\d{1,2})?|[IVX]{1,5}))?\b\.?"
)
_SECTION_RE = re.compile(
    r"^(?:SECTION|Section|Sec\.|SEC\.|§§?)\s*(?P<label>\d{1,3}(?:\.\d{1,3}){0,4}[A-Za-z]?)"
    r"(?P<parens>(?:\([a-zA-Z0-9]{1,4}\))*)\.?"
)
_DECIMAL_RE = re.compile(r"^(?P<label>\d{1,3}(?:\.\d{1,3}){0,4})(?P<close>\.|\))?(?=\s)")
_PAREN_RE = re.compile(r"^\((?P<label>[a-z]{1,2}|[ivxlc]{1,7}|\d{1,3}|[A-Z]{1,2}|[IVXLC]{1,7})\)(?=\s)")
_HALF_PAREN_RE = re.compile(r"^(?P<label>[a-z]|[ivx]{1,5})\)(?=\s)")
_LETTER_DOT_RE = re.compile(r"^(?P<label>[a-z]|[A-Z])\.(?=\s+[A-Z“\"(])")

_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def roman_to_int(text: str) -> int | None:
    """Value of a roman numeral, or None when ``text`` is not one."""
    text = text.lower()
    if not text or any(ch not in _ROMAN_VALUES for ch in text):
        return None
    total = 0
    for current, following in zip(text, text[1:] + " ", strict=True):
        value = _ROMAN_VALUES[current]
        total += -value if following != " " and _ROMAN_VALUES[following] > value else value
    return total


@dataclass(frozen=True)
class Marker:
    """An enumerator at the start of a line: its style, label and where the caption/body begin."""

    style: str  # "article" | "attachment" | "decimal" | "paren-lower" | "paren-roman" | ... | "heading"
    label: str  # normalised label: "IV", "A", "7.2", "b", "iii"
    number: str | None  # the clause number as reported, before parent prefixes for paren styles
    end: int  # offset in the line after the marker
    depth: int = 0  # decimal depth ("7" = 1, "7.2" = 2)


def _paren_style(label: str, open_letter: str | None) -> str:
    """Style of a parenthesised label; ``open_letter`` is the nearest open "(x)" letter clause."""
    if label.isdigit():
        return "paren-digit"
    if label.islower():
        if roman_to_int(label) is not None:
            follows_letter = (
                open_letter is not None
                and len(label) == 1
                and len(open_letter) == 1
                and ord(label) == ord(open_letter) + 1
            )
            return "paren-lower" if follows_letter else "paren-roman"
        return "paren-lower"
    if roman_to_int(label) is not None and len(label) > 1:
        return "paren-upper-roman"
    return "paren-upper"


_REFERENCE_CONTINUATION = re.compile(
    r"(?:of|hereof|herein|hereto|thereof|above|below|and|or|through|to|in|shall|will|is|are|as|which|that|"
    r"applies|apply|provides|et seq)\b"
)
#: Lines that close the body of the agreement: the testimonium and signature-page notes.
CLOSING_RE = re.compile(
    r"^\[?\s*(?:IN WITNESS WHEREOF|In Witness Whereof|In witness whereof|"
    r"(?:The|Each of the) parties (?:hereto )?have (?:signed|executed|caused)|"
    r"The undersigned (?:have|has) (?:signed|executed)|Each party has (?:signed|executed)|"
    r"Executed (?:as of|on|at)|AGREED (?:AND|&) ACCEPTED|ACCEPTED (?:AND|&) AGREED|Agreed and [Aa]ccepted|"
    r"Accepted and [Aa]greed|Signature [Pp]age [Ff]ollows|SIGNATURE PAGE FOLLOWS|"
    r"\(?Signature [Pp]age (?:to|follows)|SIGNATURES?\s*$|Signatures?\s*$)"
)


def _continues_sentence(line: str, end: int) -> bool:
    """True when the words after a marker run on in lower case ("Section 4 hereof", "Exhibit A attached")."""
    rest = line[end:].lstrip()
    return bool(rest) and (rest[0].islower() or rest[:2] in (", ", "; "))


_BULLET_RE = re.compile(r"^[•·▪●◦‣]\s")


def starts_clause(line: str) -> bool:
    """Whether ``line`` opens a clause or list item (used by reflow: never glue it to the line above)."""
    stripped = line.lstrip()
    return bool(_BULLET_RE.match(stripped)) or read_marker(stripped) is not None


def read_marker(line: str, open_letter: str | None = None) -> Marker | None:
    """The enumerator starting ``line``, if any. ``open_letter``: see :func:`_paren_style`."""
    if "|" in line[:60]:
        return None  # a table row
    if match := _ARTICLE_RE.match(line):
        if _continues_sentence(line, match.end()):
            return None  # "Article 4 hereof ..." is a cross-reference wrapped onto a new line
        label = match.group("label")
        label = label.upper() if roman_to_int(label) is not None else label
        return Marker("article", label, f"Article {label}", match.end())
    if match := _ATTACHMENT_RE.match(line):
        word = match.group("word").capitalize()
        label = match.group("label")
        if label is None:
            return None  # a bare "Schedule" or "Exhibit" line is a caption, not an attachment
        if _continues_sentence(line, match.end()):
            return None  # "Schedule 2.1 hereto; ..." in running text
        number = f"{word} {label}" if label else word
        return Marker("attachment", number, number, match.end())
    if match := _SECTION_RE.match(line):
        if _continues_sentence(line, match.end()):
            return None  # "Section 7.2 of this Agreement ..." in running text
        label = match.group("label")
        parens = match.group("parens") or ""
        return Marker("decimal", label + parens, label + parens, match.end(), label.count(".") + 1)
    if match := _DECIMAL_RE.match(line):
        label = match.group("label")
        head = label.split(".")[0]
        if int(head) == 0 or int(head) > 200:
            return None
        if "." not in label and match.group("close") is None:
            return None  # "30 days after ..." is not a clause number
        rest = line[match.end():].lstrip()
        if rest[:1].isdigit() and "." not in label:
            return None
        if rest[:1].islower() and ("." not in label or _REFERENCE_CONTINUATION.match(rest)):
            return None  # "7 days", "5.2.1 of this Agreement": running text, not a clause
        return Marker("decimal", label, label, match.end(), label.count(".") + 1)
    match = _PAREN_RE.match(line) or _HALF_PAREN_RE.match(line)
    if match:
        label = match.group("label")
        style = _paren_style(label, open_letter)
        return Marker(style, label, f"({label})", match.end())
    if match := _LETTER_DOT_RE.match(line):
        label = match.group("label")
        style = "dot-lower" if label.islower() else "dot-upper"
        return Marker(style, label, f"({label})", match.end())
    return None
