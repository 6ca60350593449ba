"""The tagger's fast paths change speed, never results.

* ``nlp.clause_model.ClauseModel`` (numpy + scipy.sparse, loaded from the exported ``.npz``) must give the
  shipped skops pipeline's feature matrix and probabilities bit for bit, and its char_wb n-grams and
  whitespace split must be sklearn's;
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

from nlp.classifier import load_classifier, load_sklearn_pipeline, prepare
from nlp.clause_model import ClauseModel, InferenceFormatError, char_wb_ngrams, export_inference_arrays
from nlp.cue_gates import _ASCII_FOLD, ClauseView, PatternGate, required_word_regex
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

#: More texts for the model only: lower-casing that changes length or hits final sigma, control and
#: zero-width characters, words shorter than the n-grams, a text past MAX_CHARS.
MODEL_EDGE_TEXTS = [
    "İstanbul ſ K",
    "tab\tseparated\tcolumns\tof\tterms",
    "ΟΔΟΣ ΣΑΣ ὈΔΥΣΣΕΎΣ",
    "a b c d e f g h",
    "ab cd ef",
    "nul\x00byte and zero\u200bwidth and soft\u00adhyphen",
    "ﬁnal ﬂoor Straße ǅ",
    "naïve naïve",  # composed and decomposed accents
    "physician shall not compete " * 400,
    "Employer may terminate this Agreement without cause upon ninety (90) days' written notice. " * 60,
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


@pytest.fixture(scope="module")
def pipeline():
    """The canonical skops pipeline (scikit-learn), to compare the run-time model with."""
    return load_sklearn_pipeline()


@pytest.fixture(scope="module")
def model_texts() -> list[str]:
    """About 800 real clauses and the edge texts, prepared as the model sees them."""
    return [prepare(t) for t in _real_texts(800) + EDGE_TEXTS + MODEL_EDGE_TEXTS]


@pytest.fixture(scope="module")
def model() -> ClauseModel:
    classifier = load_classifier()
    assert classifier is not None
    return classifier.model


def test_runtime_features_equal_the_pipelines_matrix(model, pipeline, model_texts):
    expected = pipeline[:-1].transform(model_texts).tocsr()
    got = model.features(model_texts)
    assert got.shape == expected.shape
    assert got.dtype == expected.dtype
    assert np.array_equal(got.indptr, expected.indptr)
    assert np.array_equal(got.indices, expected.indices)
    assert np.array_equal(got.data, expected.data), "bit for bit, not approximately"


def test_runtime_probabilities_equal_the_pipelines(model, pipeline, model_texts):
    expected = pipeline.predict_proba(model_texts)
    got = model.predict_proba(model_texts)
    assert got.shape == expected.shape == (len(model_texts), len(model.labels))
    assert got.dtype == expected.dtype == np.float64
    assert np.array_equal(got, expected), f"bit for bit; largest difference {np.abs(got - expected).max():g}"


def test_runtime_probabilities_do_not_depend_on_the_batch(model, model_texts):
    together = model.predict_proba(model_texts[:50])
    alone = np.vstack([model.predict_proba([text]) for text in model_texts[:50]])
    assert np.array_equal(together, alone)


def test_loaded_classifier_gives_the_pipelines_probabilities_by_label(pipeline):
    classifier = load_classifier()
    texts = ["Physician shall pay liquidated damages of $100,000 upon breach.", "", "Tail coverage\tis paid."]
    expected = pipeline.predict_proba([prepare(t) for t in texts])
    got = classifier.predict_proba(texts)
    assert got == [dict(zip(classifier.labels, map(float, row), strict=True)) for row in expected]
    assert classifier.predict_proba([]) == []


WORDS = ["a", "ab", "abc", "abcd", "abcdef", "i̇stanbul", "ſ", "k", "ǆ", "\x00", "a\u200bb", "x" * 40]


@pytest.mark.parametrize("word", WORDS)
@pytest.mark.parametrize("ngram_range", [(1, 1), (1, 3), (2, 4), (3, 5), (5, 5), (6, 8)])
def test_char_wb_ngrams_are_sklearns(word, ngram_range):
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=ngram_range)
    assert char_wb_ngrams(word, *ngram_range) == vectorizer._char_wb_ngrams(word)


def test_regex_whitespace_is_str_split_whitespace():
    """sklearn's char_wb folds ``\\s\\s+`` before ``str.split()``; splitting alone gives the same words
    only because both use the same whitespace. Checked over every code point."""
    space = re.compile(r"\s")
    chars = map(chr, range(sys.maxunicode + 1))
    differ = [c for c in chars if bool(space.fullmatch(c)) != (len(f"a{c}b".split()) == 2)]
    assert differ == []


def _fitted_pipeline(**word_options):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import FeatureUnion, Pipeline

    texts = ["the physician shall not compete", "the employer may terminate", "call pay per shift"] * 4
    word, char = TfidfVectorizer(**word_options), TfidfVectorizer(analyzer="char_wb")
    union = FeatureUnion([("word", word), ("char", char)])
    return Pipeline([("features", union.fit(texts)), ("model", None)])


@pytest.mark.parametrize(
    "options",
    [
        {"binary": True},
        {"norm": "l1"},
        {"norm": None},
        {"use_idf": False},
        {"lowercase": False},
        {"strip_accents": "unicode"},
        {"stop_words": ["the"]},
        {"analyzer": "char"},
        {"token_pattern": r"\b\w+\b"},
    ],
    ids=repr,
)
def test_export_refuses_features_the_runtime_does_not_compute(options):
    with pytest.raises(InferenceFormatError, match="options the run-time features do not reproduce"):
        export_inference_arrays(_fitted_pipeline(**options), ["a"])


def test_export_accepts_the_default_features_then_checks_the_model():
    """The control for the table above: default vectorizers pass, the missing model is what is refused."""
    with pytest.raises(InferenceFormatError, match="step 2"):
        export_inference_arrays(_fitted_pipeline(), ["a"])


def test_export_refuses_other_pipelines():
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline

    with pytest.raises(InferenceFormatError):
        pipeline = Pipeline([("tfidf", TfidfVectorizer()), ("model", LogisticRegression())])
        export_inference_arrays(pipeline, ["a"])


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("format_version", np.array(2)),
        ("word_norm", np.array("l1")),
        ("char_analyzer", np.array("char")),
        ("word_token_pattern", np.array(r"\b\w+\b")),
        ("word_lowercase", np.array(False)),
        ("char_dtype", np.array("float64")),
        ("word_idf", np.ones(3, dtype=np.float32)),
        ("coef", np.zeros((3, 11))),
        ("intercept", np.zeros(10)),
        ("calibration_a", np.zeros(11, dtype=np.float32)),
        ("labels", np.array(["one"])),
        ("coef", None),
    ],
)
def test_runtime_refuses_arrays_it_does_not_compute(model_arrays, key, value):
    arrays = dict(model_arrays)
    if value is None:
        del arrays[key]
    else:
        arrays[key] = value
    with pytest.raises(InferenceFormatError):
        ClauseModel(arrays)


@pytest.fixture(scope="module")
def model_arrays() -> dict[str, np.ndarray]:
    from nlp.classifier import INFERENCE_PATH
    from nlp.clause_model import read_inference_arrays

    arrays = read_inference_arrays(INFERENCE_PATH)
    ClauseModel(arrays)  # the unchanged arrays load
    return arrays


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
