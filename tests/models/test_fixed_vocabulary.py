"""models.train.fix_vocabularies: the vectorizers' max_features cut made the same way on every machine.

scikit-learn breaks ties at the cut with an unstable sort that numpy runs with CPU-specific SIMD code, so a
model retrained on an AVX2 machine kept other tied terms than the one trained on an AVX-512 machine. The
trainer now chooses the vocabulary itself: most frequent first, ties broken by the term.
"""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion, Pipeline

from models.train import fix_vocabularies


def _pipeline(max_features: int | None, min_df: int = 1) -> Pipeline:
    vectorizer = TfidfVectorizer(lowercase=True, ngram_range=(1, 1), min_df=min_df, max_features=max_features,
                                 sublinear_tf=True, dtype=np.float32)
    return Pipeline([("features", FeatureUnion([("word", vectorizer)]))])


@pytest.mark.parametrize(("texts", "max_features", "min_df", "expected"), [
    # counts: aa 3, bb 2, cc 2, dd 2, ee 1 -> top 3 = aa, then the tie bb/cc/dd broken alphabetically
    (["aa aa bb cc", "aa bb cc dd dd", "ee"], 3, 1, ["aa", "bb", "cc"]),
    # ties where the alphabetical winner comes last in the texts
    (["zz yy xx", "zz yy xx", "ww"], 2, 1, ["xx", "yy"]),
    # min_df applies before the cut
    (["qq rr ss", "qq rr", "tt tt tt tt"], 5, 2, ["qq", "rr"]),
    # no cut: every term
    (["kk ll", "mm"], None, 1, ["kk", "ll", "mm"]),
])
def test_the_vocabulary_is_the_most_frequent_terms_ties_by_term(texts, max_features, min_df, expected):
    pipeline = _pipeline(max_features, min_df)
    fix_vocabularies(pipeline, texts)
    vectorizer = pipeline.named_steps["features"].transformer_list[0][1]
    assert vectorizer.vocabulary == expected
    vectorizer.fit(texts)
    assert vectorizer.vocabulary_ == {term: i for i, term in enumerate(expected)}


def test_without_ties_it_keeps_what_sklearn_keeps_with_the_same_idf():
    texts = ["alpha alpha alpha beta beta gamma", "alpha beta delta", "alpha epsilon epsilon epsilon epsilon"]
    ours = _pipeline(3)
    fix_vocabularies(ours, texts)
    ours.fit(texts)
    theirs = _pipeline(3).fit(texts)
    a = ours.named_steps["features"].transformer_list[0][1]
    b = theirs.named_steps["features"].transformer_list[0][1]
    assert a.vocabulary_ == b.vocabulary_
    assert np.array_equal(a.idf_, b.idf_)
    assert (ours.transform(texts) != theirs.transform(texts)).nnz == 0
