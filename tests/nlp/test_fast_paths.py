"""The tagger's fast paths change speed, never results.

* ``nlp.fast_tfidf.FastFeatures`` must give the shipped pipeline's feature matrix bit for bit;
* ``nlp.cue_gates.PatternGate`` may skip a Matcher call only where the Matcher finds nothing and
  where the old required-word regex would have skipped it too;
* ``nlp.classifier.prepare``'s whitespace folding equals the regex it replaced.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from pathlib import Path

import numpy as np
import pytest
from spacy.matcher import Matcher

from nlp.classifier import load_classifier, prepare
from nlp.cue_gates import _ASCII_FOLD, ClauseView, PatternGate, required_word_regex
from nlp.fast_tfidf import FastFeatures
from nlp.tagger import make_nlp
from rules.registry import cue_patterns

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "models" / "data"

#: Texts that stress tokenisation and case folding, besides the real clauses below.
EDGE_TEXTS = [
    "",
    " ",
    "a",
    "İstanbul ſtraße KELVIN K ı",
    "Non-competition; non-solicitation.  $55.00/wRVU\tper\nwRVU",
    "0 00 000 0000 (a)(b)(c) 1.1.1 ARTICLE IV",
    "tail-coverage tail coverage TAIL   Coverage",
    "Ωmega café naïve résumé — “quoted” ‘single’",
    "x" * 500,
    "the the the the the the the the",
]


def _real_texts(limit: int = 600) -> list[str]:
    with (DATA / "physician_clauses.jsonl").open(encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle]
    with gzip.open(DATA / "cuad_clauses.jsonl.gz", "rt", encoding="utf-8") as handle:
        for index, line in enumerate(handle):
            if index % 7 == 0:
                texts.append(json.loads(line)["text"])
            if len(texts) >= limit:
                break
    return texts


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return _real_texts() + EDGE_TEXTS


def test_fast_features_equal_the_pipelines_matrix(texts):
    classifier = load_classifier()
    assert classifier is not None and classifier.features is not None, "the shipped model takes the fast path"
    prepared = [prepare(t) for t in texts]
    expected = classifier.pipeline[:-1].transform(prepared).tocsr()
    got = classifier.features.transform(prepared)
    assert got.shape == expected.shape
    assert got.dtype == expected.dtype
    assert np.array_equal(got.indptr, expected.indptr)
    assert np.array_equal(got.indices, expected.indices)
    assert np.array_equal(got.data, expected.data), "bit for bit, not approximately"


def test_fast_features_are_declined_for_other_pipelines():
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline

    pipeline = Pipeline([("tfidf", TfidfVectorizer()), ("model", LogisticRegression())])
    assert FastFeatures.for_pipeline(pipeline) is None


@pytest.mark.parametrize("text", ["a\u00a0b", "  lead and trail  ", "tab\tnew\nline\r\x0bvt\x0cff", "\u2003em\u2028ls", "x\u3000y"])
def test_prepare_folds_whitespace_like_the_regex(text):
    assert prepare(text) == re.sub(r"\d", "0", re.sub(r"\s+", " ", text)).strip()


def test_ascii_fold_table_is_what_re_ignorecase_folds():
    letters = re.compile("[a-z]", re.IGNORECASE)
    folded = {chr(c) for c in range(sys.maxunicode + 1) if letters.fullmatch(chr(c))}
    assert folded == {ch for ch in map(chr, _ASCII_FOLD)} | {chr(c) for c in range(ord("a"), ord("z") + 1)}


def test_pattern_gates_never_lose_a_match_and_keep_the_required_word_rule(texts):
    nlp = make_nlp()
    patterns = [pattern for cue in cue_patterns() for pattern in cue.tokens]
    assert patterns, "the cue data has token patterns"
    gates = [PatternGate.for_pattern(p, nlp.vocab.strings) for p in patterns]
    regexes = [required_word_regex(p) for p in patterns]
    matchers = []
    for pattern in patterns:
        matcher = Matcher(nlp.vocab)
        matcher.add("p", [list(pattern)])
        matchers.append(matcher)
    admitted = skipped = 0
    for text in texts:
        folded = " ".join(text.split())
        doc = nlp.make_doc(folded)
        view = ClauseView(folded, doc)
        for gate, regex, matcher in zip(gates, regexes, matchers, strict=True):
            old_gate = regex is None or bool(regex.search(folded))
            if gate.admits(view):
                admitted += 1
                assert old_gate, "the new gate admits nothing the old one refused"
            else:
                skipped += 1
                assert not (old_gate and matcher(doc)), f"a skipped pattern would have matched: {folded[:80]!r}"
    assert admitted and skipped, "both branches were exercised"
