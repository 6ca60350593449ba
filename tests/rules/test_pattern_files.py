"""Every pattern file proves itself: its examples are tagged with its kind, its counter-examples are not."""

from __future__ import annotations

import pytest

from nlp.extract import extract_document
from nlp.segment import segment
from nlp.tagger import Tagger
from rules.registry import cue_patterns, pattern_files, tag_thresholds

CASES = [
    pytest.param(spec.kind, text, positive, id=f"{spec.kind}-{'ex' if positive else 'counter'}{i}")
    for spec in pattern_files()
    for positive, texts in ((True, spec.examples), (False, spec.counter_examples))
    for i, text in enumerate(texts)
]


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger(cue_patterns(), tag_thresholds())


def kinds_in(tagger: Tagger, text: str) -> set[str]:
    document = extract_document(text.encode(), "example.txt")
    tags = tagger.tag(document.text, segment(document))
    return {tag.kind for clause_tags in tags.values() for tag in clause_tags}


@pytest.mark.parametrize("kind, text, positive", CASES)
def test_pattern_file_examples(tagger, kind, text, positive):
    assert (kind in kinds_in(tagger, text)) is positive


def test_pattern_files_token_patterns_validate():
    """Building the tagger validates every spaCy pattern (Matcher(validate=True))."""
    Tagger(cue_patterns(), tag_thresholds())


def test_pattern_files_evidence_names_the_cues(tagger):
    document = extract_document(b"Physician shall pay liquidated damages of $100,000, which is not a penalty.", "x.txt")
    tags = tagger.tag(document.text, segment(document))
    tag = next(t for ts in tags.values() for t in ts if t.kind == "liquidated_damages")
    assert tag.source == "rule"
    assert "ld.named" in tag.pattern_ids and "liquidated damages" in tag.evidence
