"""The clause classifier's TF-IDF features, exactly as scikit-learn computes them, with less Python per token.

    features = FastFeatures.for_pipeline(pipeline)   # None when the pipeline is not the shape below
    features.transform(texts) == pipeline[:-1].transform(texts)   # the same sparse matrix, bit for bit

The shipped pipeline is ``FeatureUnion([word TfidfVectorizer (1-2 grams), char_wb TfidfVectorizer
(3-5 grams)]) -> model``. sklearn builds every n-gram of every occurrence in Python and looks each one
up in the vocabulary (most of the tagger's time on a long contract). Only the raw counts are computed
differently here; each vectorizer's own fitted tf-idf step then turns them into features, and the two
blocks are joined the way ``FeatureUnion`` joins them.

Why the counts are the same:

* ``char_wb``: sklearn lower-cases the text, splits it on whitespace and takes the n-grams of each word
  (padded with one space either side) independently of its neighbours (``_char_wb_ngrams``; its
  whitespace folding only replaces whitespace by a space, so the split is unchanged). A document's
  counts are therefore the sum over its words of each word's counts: ``counts = D @ W`` with ``D``
  (documents x distinct words) holding how often each word occurs and ``W`` (distinct words x
  vocabulary) each word's n-gram counts. A word's row comes from the vectorizer's own analyzer run on
  that word alone (``str.lower`` is idempotent and never yields whitespace, so analysing the lower-cased
  word gives the n-grams sklearn takes from it), and is memoised, so each distinct word is analysed
  once, not once per occurrence.
* ``word``: the vectorizer's own preprocessor and tokenizer, then unigrams and space-joined bigrams
  (what ``_word_ngrams`` makes for ngram_range (1, 2) without stop words), counted in one sparse build.

Counts are small integers, exact in float32, so summing them in a different order changes nothing; the
matrices are put in canonical form (sorted indices) as sklearn's are, so the tf-idf step (log, idf,
l2 norm) sees identical input. ``tests/nlp/test_fast_paths.py`` checks the equality on real texts.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from functools import lru_cache
from itertools import chain, repeat
from typing import Any

import numpy as np
import scipy.sparse as sp

#: Distinct words whose char n-gram row is remembered (about 150 bytes each).
WORD_CACHE_SIZE = 1 << 15


def _plain_tfidf(vectorizer: Any, analyzer: str, ngram_range: tuple[int, int]) -> bool:
    """Whether a fitted TfidfVectorizer uses only the options this module reproduces."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    return (
        type(vectorizer) is TfidfVectorizer
        and vectorizer.analyzer == analyzer
        and tuple(vectorizer.ngram_range) == ngram_range
        and vectorizer.input == "content"
        and vectorizer.lowercase
        and vectorizer.preprocessor is None
        and vectorizer.tokenizer is None
        and vectorizer.stop_words is None
        and not vectorizer.binary
        and hasattr(vectorizer, "vocabulary_")
        and hasattr(vectorizer, "_tfidf")
    )


class _CharWordCounts:
    """Raw char_wb n-gram counts of a fitted vectorizer, one distinct word at a time."""

    def __init__(self, vectorizer: Any) -> None:
        self._vectorizer = vectorizer
        self._vocabulary: dict[str, int] = vectorizer.vocabulary_
        self._analyze = vectorizer.build_analyzer()
        self._row = lru_cache(maxsize=WORD_CACHE_SIZE)(self._word_row)

    def _word_row(self, word: str) -> bytes:
        """The vocabulary indices of ``word``'s n-grams (with repeats), as int32 bytes."""
        vocabulary = self._vocabulary
        return array("i", [vocabulary[g] for g in self._analyze(word) if g in vocabulary]).tobytes()

    def counts(self, texts: Sequence[str]) -> sp.csr_matrix:
        words_by_text = [text.lower().split() for text in texts]
        words = list(chain.from_iterable(words_by_text))
        distinct = dict.fromkeys(words)
        column = dict(zip(distinct, range(len(distinct)), strict=True))
        occurrences = sp.csr_matrix(
            (
                np.ones(len(words), dtype=np.float32),
                np.fromiter(map(column.__getitem__, words), dtype=np.int32, count=len(words)),
                _offsets([len(w) for w in words_by_text]),
            ),
            shape=(len(texts), len(distinct)),
        )  # one entry per occurrence; repeated entries add up in the product
        word_rows = list(map(self._row, distinct))
        indices = np.frombuffer(b"".join(word_rows), dtype=np.int32)
        grams = sp.csr_matrix(
            (np.ones(len(indices), dtype=np.float32), indices, _offsets([len(r) // 4 for r in word_rows])),
            shape=(len(distinct), len(self._vocabulary)),
        )
        # The product has no repeated entries but unsorted rows; a round trip through CSC sorts them
        # (a counting sort by column, cheaper than sorting each row).
        counts = (occurrences @ grams).tocsc().tocsr()
        return counts.astype(self._vectorizer.dtype, copy=False)


class _WordCounts:
    """Raw unigram + bigram counts of a fitted word vectorizer."""

    def __init__(self, vectorizer: Any) -> None:
        self._vectorizer = vectorizer
        self._vocabulary: dict[str, int] = vectorizer.vocabulary_
        self._preprocess = vectorizer.build_preprocessor()
        self._tokenize = vectorizer.build_tokenizer()
        # Tokens never hold a space, so a bigram "a b" is the pair ("a", "b"): looked up without joining.
        self._pairs = {tuple(g.split(" ")): i for g, i in self._vocabulary.items() if " " in g}

    def counts(self, texts: Sequence[str]) -> sp.csr_matrix:
        tokens_by_text = [self._tokenize(self._preprocess(text)) for text in texts]
        lengths = [2 * len(tokens) - 1 if tokens else 0 for tokens in tokens_by_text]  # unigrams + bigrams
        unigram, bigram = self._vocabulary.get, self._pairs.get
        found = np.fromiter(
            chain.from_iterable(
                chain(map(unigram, tokens, repeat(-1)), map(bigram, zip(tokens, tokens[1:], strict=False), repeat(-1)))
                for tokens in tokens_by_text
            ),
            dtype=np.int32,
            count=sum(lengths),
        )
        rows = np.repeat(np.arange(len(texts), dtype=np.int32), lengths)
        known = found >= 0
        counts = sp.csr_matrix(
            (np.ones(int(known.sum()), dtype=np.float32), (rows[known], found[known])),
            shape=(len(texts), len(self._vocabulary)),
        )  # built from coordinates: repeated entries summed, indices sorted
        return counts.astype(self._vectorizer.dtype, copy=False)


def _offsets(lengths: list[int]) -> np.ndarray:
    """CSR row pointers for rows of the given lengths."""
    offsets = np.zeros(len(lengths) + 1, dtype=np.int64)
    np.cumsum(lengths, out=offsets[1:])
    return offsets


class FastFeatures:
    """``pipeline[:-1].transform`` for the shipped classifier's feature union, computed faster."""

    def __init__(self, word: Any, char: Any) -> None:
        self._word, self._char = word, char
        self._word_counts = _WordCounts(word)
        self._char_counts = _CharWordCounts(char)

    @classmethod
    def for_pipeline(cls, pipeline: Any) -> FastFeatures | None:
        """Fast features for ``pipeline``, or None when it is not FeatureUnion([word, char_wb]) -> model."""
        from sklearn.pipeline import FeatureUnion, Pipeline

        if not isinstance(pipeline, Pipeline) or len(pipeline.steps) != 2:
            return None
        union = pipeline.steps[0][1]
        if not isinstance(union, FeatureUnion) or union.transformer_weights or len(union.transformer_list) != 2:
            return None
        (_, word), (_, char) = union.transformer_list
        if not (_plain_tfidf(word, "word", (1, 2)) and _plain_tfidf(char, "char_wb", tuple(char.ngram_range))):
            return None
        return cls(word, char)

    def transform(self, texts: Sequence[str]) -> sp.csr_matrix:
        word = self._word._tfidf.transform(self._word_counts.counts(texts), copy=False)
        char = self._char._tfidf.transform(self._char_counts.counts(texts), copy=False)
        return sp.hstack([word, char]).tocsr()  # as FeatureUnion joins sparse blocks
