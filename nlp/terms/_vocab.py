"""Shared vocabulary of the quantity extractors: number words, unit spellings and regex pieces.

Every regex piece here is written for *case-folded* text (see :func:`fold_case`) and is compiled
without ``re.IGNORECASE``: folding the text once is cheaper than asking the regex engine to fold
every character of every pattern, and it lets ``re`` use its first-character fast paths.
Folding never changes the length of the text, so offsets found in the folded copy are offsets into
the original.

The pieces contain no capturing groups, so they can be embedded several times in one pattern;
each extractor adds the named groups it needs around them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

# --- number words -------------------------------------------------------------------------------

#: 0-19, the words that stand alone or follow a tens word ("twenty-five").
SMALL_NUMBERS: Final[dict[str, int]] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}

TENS: Final[dict[str, int]] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fourty": 40,  # a common misspelling in signed contracts
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}

SCALES: Final[dict[str, int]] = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
}

#: Fraction words after a numerator word: "one-half", "two-thirds", "three-quarters".
FRACTION_DENOMINATORS: Final[dict[str, int]] = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fourth": 4,
    "fourths": 4,
}

#: Ordinals of "every fourth night"; "every other night" is one in two.
ORDINALS: Final[dict[str, int]] = {
    "other": 2,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "fourteenth": 14,
    "fifteenth": 15,
    "twentieth": 20,
    "thirtieth": 30,
}

#: Unicode vulgar fractions that drafters paste into "1½ years".
UNICODE_FRACTIONS: Final[dict[str, tuple[int, int]]] = {"½": (1, 2), "¼": (1, 4), "¾": (3, 4), "⅓": (1, 3)}

# --- units ----------------------------------------------------------------------------------------

#: Distance spellings (folded) -> raw unit, and miles per raw unit.
DISTANCE_UNITS: Final[dict[str, str]] = {
    "mile": "mile",
    "miles": "mile",
    "mi": "mile",
    "km": "km",
    "kms": "km",
    "kilometer": "km",
    "kilometers": "km",
    "kilometre": "km",
    "kilometres": "km",
}
MILES_PER: Final[dict[str, str]] = {"mile": "1", "km": "0.621371"}

#: Duration spellings (folded, without a trailing dot) -> raw unit.
DURATION_UNITS: Final[dict[str, str]] = {
    "day": "day",
    "days": "day",
    "week": "week",
    "weeks": "week",
    "wk": "week",
    "wks": "week",
    "month": "month",
    "months": "month",
    "mo": "month",
    "mos": "month",
    "mth": "month",
    "mths": "month",
    "year": "year",
    "years": "year",
    "yr": "year",
    "yrs": "year",
}

#: Rate denominators (the head noun after "per" / "/" / "for each"), folded -> canonical ``per``.
PER_UNITS: Final[dict[str, str]] = {
    "diem": "day",
    "day": "day",
    "days": "day",
    "night": "night",
    "nights": "night",
    "shift": "shift",
    "shifts": "shift",
    "weekend": "weekend",
    "weekends": "weekend",
    "weeknight": "weeknight",
    "weeknights": "weeknight",
    "weekday": "weekday",
    "weekdays": "weekday",
    "holiday": "holiday",
    "holidays": "holiday",
    "week": "week",
    "weeks": "week",
    "month": "month",
    "months": "month",
    "quarter": "quarter",
    "quarters": "quarter",
    "year": "year",
    "years": "year",
    "annum": "year",
    "yr": "year",
    "mo": "month",
    "wk": "week",
    "hour": "hour",
    "hours": "hour",
    "hr": "hour",
    "visit": "visit",
    "visits": "visit",
    "encounter": "encounter",
    "encounters": "encounter",
    "call": "call",
    "calls": "call",
    "consult": "consult",
    "consults": "consult",
    "consultation": "consult",
    "consultations": "consult",
    "procedure": "procedure",
    "procedures": "procedure",
    "patient": "patient",
    "patients": "patient",
}

#: One-word rate adverbs after an amount: "$300,000 annually".
PER_ADVERBS: Final[dict[str, str]] = {
    "annually": "year",
    "yearly": "year",
    "monthly": "month",
    "quarterly": "quarter",
    "weekly": "week",
    "daily": "day",
    "hourly": "hour",
    "nightly": "night",
}

#: Periods a "one in N" frequency counts ("1 in 5 weekends"), folded -> canonical ``per``.
FREQUENCY_PERIODS: Final[dict[str, str]] = {
    key: value
    for key, value in PER_UNITS.items()
    if value in {"night", "weekend", "weeknight", "weekday", "holiday", "day", "week", "shift"}
}

#: Words that introduce a reference, not a quantity ("Section 7", "Tier 2", "page 3").
REFERENCE_WORDS: Final[frozenset[str]] = frozenset(
    {
        "section",
        "sections",
        "sec",
        "article",
        "articles",
        "paragraph",
        "paragraphs",
        "para",
        "exhibit",
        "schedule",
        "appendix",
        "attachment",
        "tier",
        "level",
        "page",
        "pages",
        "clause",
        "item",
        "no",
        "number",
        "part",
        "title",
        "chapter",
        "rule",
        "step",
        "phase",
        "option",
        "line",
        "code",
    }
)


def alternation(words: Iterable[str]) -> str:
    """A non-capturing regex alternation of literal words, longest first (so "sixteen" beats "six")."""
    ordered = sorted(set(words), key=lambda word: (-len(word), word))
    return "(?:" + "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in ordered) + ")"


def literal_trie(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, factored by prefix ("t(?:en|w(?:o|elve))") so it fails fast.

    Branches are tried longest first where one word is a prefix of another ("seventeen" before "seven").
    """
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(tree)


def _trie_pattern(node: dict[str, dict]) -> str:
    branches = [re.escape(char) + _trie_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def fold_case(text: str) -> str:
    """Lower-case ``text`` without changing its length (so offsets stay valid).

    ``str.lower`` is length-preserving for almost all text; for the rare characters it expands
    (e.g. "İ"), fall back to folding ASCII letters only.
    """
    folded = text.lower()
    if len(folded) == len(text):
        return folded
    return text.translate(_ASCII_LOWER)


_ASCII_LOWER: Final[dict[int, int]] = {code: code + 32 for code in range(ord("A"), ord("Z") + 1)}

# --- regex pieces (for folded text, no capturing groups) -----------------------------------------

#: A hyphen inside a word ("twenty-five", "15-mile"), including the Unicode hyphens PDFs produce.
HYPHEN: Final[str] = "[-\u2010\u2011]"
#: A hyphen or dash between the ends of a range ("4,501 - 7,000", "$45–$55").
DASH: Final[str] = "[-\u2010\u2011\u2012\u2013\u2014]"
#: Between number words: "twenty-five", "twenty five", "one hundred".
WORD_SEP: Final[str] = rf"(?:\s*{HYPHEN}\s*|\s+)"

_SMALL = alternation(SMALL_NUMBERS)
_ONE_TO_NINE = alternation(word for word, value in SMALL_NUMBERS.items() if 1 <= value <= 9)
_TENS = alternation(TENS)
_SCALE = alternation(SCALES)
_UNDER_HUNDRED = rf"(?:{_TENS}(?:{WORD_SEP}{_ONE_TO_NINE})?|{_SMALL})"
_WHOLE_WORDS = rf"{_UNDER_HUNDRED}(?:{WORD_SEP}{_SCALE}(?:(?:{WORD_SEP}and)?{WORD_SEP}{_UNDER_HUNDRED})?)*"
FRACTION_WORDS: Final[str] = (
    rf"(?:(?:one|a){WORD_SEP}(?:half|third|quarter|fourth)"
    rf"|two{WORD_SEP}thirds|three{WORD_SEP}(?:quarters|fourths))"
)

#: Number words: "twenty-five", "one hundred and eighty", "one and one-half", "four and 95/100",
#: "two hundred thousand and no/100".
WORD_NUMBER: Final[str] = (
    rf"\b(?:{FRACTION_WORDS}"
    rf"|{_WHOLE_WORDS}(?:{WORD_SEP}and{WORD_SEP}(?:{FRACTION_WORDS}|(?:[0-9]{{1,2}}|no)/100))?)\b"
)

#: Not inside another number, word, date, section number or money amount.
DIGIT_START: Final[str] = r"(?<![\w.,/:$§#])"
#: "1,200", "1200", "12.5"; no trailing comma or dot.
PLAIN_DIGITS: Final[str] = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?(?![0-9])"
_FRACTION_TAIL = r"(?:\s+[1-9]/[1-9][0-9]?(?![0-9/])|\s?[½¼¾⅓])"
#: Digits as written in prose, with an optional fraction: "18", "1,200.50", "1 1/2", "1½".
DIGIT_NUMBER: Final[str] = rf"(?:{PLAIN_DIGITS}{_FRACTION_TAIL}?(?![,.]?[0-9]))"

#: One amount as contracts write it: words, digits, or both ("twenty-five (25)", "25 (twenty-five)").
AMOUNT: Final[str] = (
    rf"(?:{WORD_NUMBER}(?:\s*\(\s*{DIGIT_NUMBER}\s*\))?"
    rf"|{DIGIT_START}{DIGIT_NUMBER}(?:\s*\(\s*{WORD_NUMBER}\s*\))?)"
)

#: The optional link between an amount and its unit: "15 miles", "15-mile", "40km", "thirty (30)-day".
UNIT_LINK: Final[str] = rf"(?:\s*{HYPHEN}\s*|\s*)"

#: Between the two ends of a range: "10 to 15", "4,501 - 7,000", "10% - 15%", "$150K-$200K".
#: Dashes only separate a range after digits, "%", ")" or a k/m scale, so "twenty-five" is never a range.
RANGE_TO: Final[str] = rf"(?:\s+(?:to|through|thru)\s+|(?<=[0-9%)km])\s*{DASH}\s*)"
#: Between the two ends of "between 10 and 15".
RANGE_AND: Final[str] = r"\s+and\s+"

#: What may follow the low end of a range: "to", "through", "and", or a dash.
RANGE_FOLLOWERS: Final[frozenset[str]] = frozenset(
    {"to", "through", "thru", "and", "-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014"}
)

#: wRVU spellings: "wRVU", "w-RVUs", "work RVUs", "work relative value units", "RVUs".
WRVU: Final[str] = (
    r"(?:w\s?-?\s?rvu|work\s+rvu|rvu|work\s+relative\s+value\s+unit)(?:s|['’]s)?\b"
)
