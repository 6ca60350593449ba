"""``find_specialty``'s str.find counting gives what the per-alias regex search gave.

The old code counted ``re.findall(rf"(?<![a-z]){re.escape(alias)}(?![a-z])", text.lower())`` for every
alias; the reference below is that code, kept verbatim, and each case must agree on the counts and on
the chosen key.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from nlp.extract import extract_document
from rules.reference import benchmarks, count_whole_word, find_specialty

ROOT = Path(__file__).resolve().parents[2]


def _regex_count(lowered: str, word: str) -> int:
    return len(re.findall(rf"(?<![a-z]){re.escape(word)}(?![a-z])", lowered))


def _regex_find_specialty(text: str) -> str | None:
    """The implementation before the speed work."""
    counts: dict[str, int] = {}
    lowered = text.lower()
    for key, row in benchmarks().specialties.items():
        for alias in row.aliases:
            if len(alias) < 4:
                continue
            hits = _regex_count(lowered, alias.lower())
            if hits:
                counts[key] = counts.get(key, 0) + hits
    return max(counts, key=counts.__getitem__) if counts else None


WORD_CASES = [
    ("", "cardiology"),
    ("cardiology", "cardiology"),
    ("cardiologyx", "cardiology"),
    ("xcardiology", "cardiology"),
    ("1cardiology2", "cardiology"),
    ("cardiology cardiology,cardiology.", "cardiology"),
    ("cardiologycardiology cardiology", "cardiology"),
    ("interventional cardiology", "cardiology"),
    ("ob/gyn ob/gynob/gyn ob/gyn-", "ob/gyn"),
    ("ob-gyn ob-gyn ob-gyn", "ob-gyn"),
    ("abab abab", "abab"),
    ("ababab", "abab"),
    ("aaaa aaaaa aaaa", "aaaa"),
    ("a b a b a", "a b a"),  # overlapping candidates: findall resumes after a match
    ("x a b a b a", "a b a"),
    ("é cardiology é", "cardiology"),
    ("écardiologyé", "cardiology"),
    ("_cardiology_", "cardiology"),
    ("\ncardiology\n", "cardiology"),
    ("family  medicine family medicine", "family medicine"),
]


@pytest.mark.parametrize(("text", "word"), WORD_CASES)
def test_count_whole_word_equals_regex(text: str, word: str) -> None:
    assert count_whole_word(text, word) == _regex_count(text, word)


def test_count_whole_word_refuses_an_empty_word() -> None:
    with pytest.raises(ValueError):
        count_whole_word("text", "")


SPECIALTY_TEXTS = [
    "",
    "No specialty here at all.",
    "Physician shall practise cardiology and interventional cardiology.",
    "The Hospitalist shall work in hospital medicine. Cardiology consults are separate.",
    "OB/GYN services; obstetrics and gynecology; the obstetrician; GI lab.",
    "gastroenterology GI GI GI gastroenterologist",
    "Radiology radiologist. Urology urologist.",  # a tie: the first in benchmark order wins
    "Urology urologist. Radiology radiologist.",
    "orthopaedic surgery, orthopedic surgeon; ORTHOPAEDICS; Orthopedics",
    "anesthesiologyanesthesia anesthesia, anaesthesiology",
    "pediatrics/paediatrics general pediatrics pediatrician",
    "emergency medicine emergency physician neurosurgery neurological surgery neurosurgeon",
    "İnternal medicine; internist; family physician; FAMILY PRACTICE",
    "dermatology-dermatologist neurology neurologist",
]


@pytest.mark.parametrize("text", SPECIALTY_TEXTS)
def test_find_specialty_equals_regex_on_texts(text: str) -> None:
    assert find_specialty(text) == _regex_find_specialty(text)


def _sample_texts() -> list[tuple[str, str]]:
    files = sorted((ROOT / "sample_contracts").glob("*.pdf"))
    files += sorted((ROOT / "sample_contracts").glob("*.docx"))
    return [(path.name, extract_document(path).text) for path in files]


def test_find_specialty_and_counts_equal_regex_on_sample_contracts() -> None:
    texts = _sample_texts()
    assert texts
    aliases = [a.lower() for row in benchmarks().specialties.values() for a in row.aliases if len(a) >= 4]
    for name, text in texts:
        lowered = text.lower()
        assert find_specialty(text) == _regex_find_specialty(text), name
        for alias in aliases:
            assert count_whole_word(lowered, alias) == _regex_count(lowered, alias), (name, alias)
