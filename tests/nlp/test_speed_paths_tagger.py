"""The tagger's gate index admits exactly the patterns the per-gate ``admits`` calls admitted.

``nlp.cue_gates.GateIndex.admitted`` replaces a loop of ``PatternGate.admits`` over every token pattern
and clause, and skips a words regex when the folded text lacks all of its words. Both must change
nothing: the same pattern indices on every clause of the sample contracts, of CUAD train-split
contracts (every 40th, when ../shared/data is there) and of edge texts, and the same cue hits.
"""

from __future__ import annotations

import csv
import re
import string
import sys
from pathlib import Path

import pytest

from nlp.cue_gates import _ASCII_FOLD, _NON_ASCII_FOLDED, ClauseView, GateIndex, fold_ascii, gate_words
from nlp.cues import CueMatcher, FoldedText
from nlp.extract import extract_document
from nlp.segment import own_text_ends, segment
from nlp.tagger import make_nlp
from rules.registry import cue_patterns

ROOT = Path(__file__).resolve().parents[2]
CUAD = ROOT.parent / "shared" / "data" / "cuad"

EDGE_TEXTS = [
    "",
    " ",
    "$",
    "$5,000 salary",
    "salary of US$200,000",
    "a$ b $a 5$",
    "within a 10 mile-radius",
    "within a 10 MILE-RADIUS; Mile-Radius",
    "mile-radiusx xmile-radius 1mile-radius",
    "İstanbul ſalary KELVIN \u212am 1:3 call 1:12 coverage",
    "one in three nights; 1 in 4 weekends of call",
    "The Physician shall not, within ten (10) miles, practice medicine.",
    "back-up call coverage is paid per shift",
    "x-ray imaging revenue and laboratory income",
]


def _documents() -> list[Path]:
    files = sorted((ROOT / "sample_contracts").glob("*.pdf"))
    if (CUAD / "contracts_index.csv").is_file():
        with (CUAD / "splits.csv").open() as handle:
            splits = {row["doc_id"]: row["split"] for row in csv.DictReader(handle)}
        with (CUAD / "contracts_index.csv").open() as handle:
            rows = list(csv.DictReader(handle))
        files += [CUAD / row["pdf_path"] for row in rows if splits.get(row["doc_id"]) == "train"][::40]
    return files


@pytest.fixture(scope="module")
def matcher_and_nlp():
    nlp = make_nlp()
    return CueMatcher(nlp, cue_patterns()), nlp


@pytest.fixture(scope="module")
def clause_texts() -> list[str]:
    texts = list(EDGE_TEXTS)
    for path in _documents():
        document = extract_document(path)
        clauses = segment(document)
        ends = own_text_ends(clauses)
        texts += [FoldedText(document.text[c.start:ends[c.id]]).text for c in clauses]
    return texts


def _old_hits(matcher: CueMatcher, doc, text: str) -> list[tuple[str, int, int, str]]:
    """``CueMatcher.hits`` as it was: every gate asked in turn."""
    view = ClauseView(text, doc)
    matches = list(matcher._phrase(doc))
    for gate, pattern_matcher in matcher._gated:
        if gate.admits(view):
            matches.extend(pattern_matcher(doc))
    strings = doc.vocab.strings
    return [(strings[m], doc[s:e].start_char, doc[s:e].end_char, doc[s:e].text) for m, s, e in matches]


def test_gate_index_admits_what_each_gate_admits(matcher_and_nlp, clause_texts) -> None:
    matcher, nlp = matcher_and_nlp
    gates = [gate for gate, _ in matcher._gated]
    index = GateIndex(gates)
    admitted_somewhere = set()
    for text in clause_texts:
        doc = nlp.make_doc(text)
        expected = [i for i, gate in enumerate(gates) if gate.admits(ClauseView(text, doc))]
        assert index.admitted(ClauseView(text, doc)) == expected, text[:80]
        admitted_somewhere.update(expected)
    assert len(admitted_somewhere) > len(gates) // 2  # the texts exercise most patterns


def test_cue_hits_are_the_per_gate_hits(matcher_and_nlp, clause_texts) -> None:
    matcher, nlp = matcher_and_nlp
    found = 0
    for text in clause_texts:
        doc = nlp.make_doc(text)
        hits = [(h.cue.id, h.start, h.end, h.text) for h in matcher.hits(doc, text)]
        assert hits == _old_hits(matcher, doc, text), text[:80]
        found += len(hits)
    assert found > 0


def test_regex_words_are_ascii_and_found_by_the_words_regex(matcher_and_nlp) -> None:
    matcher, _ = matcher_and_nlp
    with_words = [gate for gate, _ in matcher._gated if gate.regex_words is not None]
    assert with_words  # "$" and "mile-radius" today
    for gate in with_words:
        for word in gate.regex_words:
            assert word.isascii() and word == word.lower()
            assert gate.regex.search(f" {word} ") and gate.regex.search(f" {word.upper()} ")


def test_fold_ascii_maps_every_ignorecase_match_of_an_ascii_character_to_it() -> None:
    """Where ``re.IGNORECASE`` matches an ASCII character, the folded text holds that very character."""
    everything = "".join(chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code <= 0xDFFF)
    for char in string.printable:
        expected = char.lower()
        for match in re.finditer(re.escape(char), everything, re.IGNORECASE):
            assert fold_ascii(match.group()) == expected, (char, hex(ord(match.group())))
    # Folding a text folds each character on its own, so a match found in the text is found folded.
    assert fold_ascii("Aİ\u212aſ$-") == "".join(fold_ascii(c) for c in "Aİ\u212aſ$-")


def test_lower_turns_every_other_non_ascii_character_into_non_ascii_characters() -> None:
    """The premise of ``fold_ascii``'s ``str.lower`` path, on every code point."""
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if char.isascii() or char in _NON_ASCII_FOLDED or 0xD800 <= code <= 0xDFFF:
            continue
        lowered = char.lower()
        assert lowered and not any(c.isascii() for c in lowered), hex(code)


_ASCII_RUNS_RE = re.compile(r"[\x00-\x7f]+")


def test_fold_ascii_keeps_the_ascii_runs_of_the_table_fold(clause_texts) -> None:
    texts = clause_texts + [
        "Émile ÉCOLE Σίσυφος ΣΊΣΥΦΟΣ café naïve “quoted” — Straße ß ǅ ǲ",
        "İstanbul and KELVIN K with ſ and ı",
        "ΑΣ ΑΣ. Σ",
    ]
    for text in texts:
        table = text.translate(_ASCII_FOLD)
        assert _ASCII_RUNS_RE.findall(fold_ascii(text)) == _ASCII_RUNS_RE.findall(table), text[:80]
        assert gate_words(text) == set(re.findall(r"(?<![a-z0-9])[a-z]+", table)), text[:80]
