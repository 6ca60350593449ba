"""The clause classifier at run time: scikit-learn's arithmetic redone with numpy and scipy.sparse only.

    arrays = export_inference_arrays(pipeline, labels)   # training side: the fitted numbers (sklearn needed)
    write_inference_file(arrays, path)                   # models/clause_classifier.npz (no pickle inside)
    model = ClauseModel.load(path)                       # run time: numpy + scipy.sparse, never sklearn
    model.predict_proba(texts) == pipeline.predict_proba(texts)   # bit for bit

The canonical model is the skops file (``models/clause_classifier.skops``): a ``Pipeline`` of
``FeatureUnion([word TfidfVectorizer, char_wb TfidfVectorizer])`` and
``OneVsRestClassifier(CalibratedClassifierCV(LogisticRegression, method="sigmoid", ensemble=False))``.
Importing scikit-learn and unpacking skops costs about 170 MB of memory, yet inference needs only two
vocabularies, two idf vectors, one coefficient matrix and two numbers per label. ``export_inference_arrays``
takes exactly those out of the fitted pipeline (with the settings they depend on, checked here when
loaded); the ``.npz`` holds plain arrays read with ``allow_pickle=False``, so loading it runs no code.

Why the numbers are sklearn's, step by step (sklearn 1.9: ``feature_extraction/text.py``,
``preprocessing/_data.py``, ``utils/sparsefuncs_fast.pyx``, ``linear_model/_base.py``,
``calibration.py``, ``multiclass.py``):

1. Raw counts (``CountVectorizer._count_vocab``): a CSR matrix of n-gram counts in the vectorizer's
   dtype (float32), duplicates summed, column indices sorted.

   * ``word``: the text lower-cased (``str.lower``; no accent stripping), tokens are
     ``re.findall(r"(?u)\\b\\w\\w+\\b")``, n-grams are runs of n tokens joined by one space
     (``_word_ngrams`` without stop words).
   * ``char_wb``: the lower-cased text's whitespace runs become one space and the text is split on
     whitespace (``re``'s ``\\s`` and ``str.split`` use the same Unicode whitespace, so splitting the
     lower-cased text gives the same words); each word padded with one space either side gives its
     n-grams for n = min..max, where a padded word no longer than n yields itself once and ends the
     loop over n (``_char_wb_ngrams``' short-word rule, copied in :func:`char_wb_ngrams`). A document's
     counts are the sum of its words' counts, so each distinct word is analysed once and memoised.

   Counts are small integers, exact in float32, so summing them in another order changes nothing.
2. tf-idf (``TfidfTransformer.transform`` on the float32 counts, in place): ``np.log`` then ``+= 1.0``
   (sublinear tf), ``*= idf_[indices]`` (idf_ is float32 too), then each row divided by its l2 norm as
   ``_inplace_csr_row_normalize_l2`` does it: the float32 squares ``x * x`` summed one after another
   in a double from 0.0 in index order, ``sqrt``, and each float32 entry divided in double and rounded
   back to float32; rows whose sum is 0.0 are left alone. The sequential double sum is a
   ``csr_matvec`` of the squares (converted to float64, exactly) with a vector of ones: multiplying by
   1.0 is exact, and ``csr_matvec`` adds a row's products in index order from 0.0.
3. ``FeatureUnion``: ``scipy.sparse.hstack([word, char]).tocsr()``, so each row holds its word entries,
   then its char entries shifted by the word vocabulary size.
4. ``LogisticRegression.decision_function``: ``X @ coef_.T + intercept_`` with float32 ``X`` and float64
   ``coef_``: scipy upcasts ``X`` to float64 and adds the products of a row in index order from 0.0, one
   label at a time (``csr_matvec``). Here ``X @ W`` with ``W`` the stacked coefficients
   (features x labels, float64) runs ``csr_matvecs``, which does the same multiply-adds in the same
   order for every label column at once; then ``+ intercept``.
5. ``_SigmoidCalibration.predict``: ``expit(-(a_ * decision + b_))`` in float64 with
   ``scipy.special.expit``. With ``ensemble=False`` there is one calibrated classifier per label, so
   ``CalibratedClassifierCV`` averages one array (``0 + p``, then ``/ 1``: exact); its clip of values in
   (1, 1 + 1e-5] never applies to an ``expit``. ``OneVsRestClassifier`` (multilabel) stacks the positive
   class column of each label without normalising.

``tests/nlp/test_fast_paths.py`` checks the feature matrix and the probabilities bit for bit against the
skops pipeline on real clauses and edge texts; ``tests/models/test_classifier_artifact.py`` checks that
the shipped ``.npz`` is exactly what exporting the shipped skops file gives.
"""

from __future__ import annotations

import io
import re
import zipfile
from array import array
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache
from itertools import chain, repeat
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp

#: Bumped when the arrays' names or meaning change; the loader refuses other versions.
FORMAT_VERSION = 1
#: scikit-learn's default ``token_pattern``, the only one the word analyzer below implements.
TOKEN_PATTERN = r"(?u)\b\w\w+\b"
#: Joins a vocabulary's terms (ordered by index) into one unicode string. No term holds it (char_wb
#: n-grams are cut from whitespace-split words, word n-grams join ``\w`` tokens with spaces); export
#: checks. One string, not an array of terms: numpy pads every element of a string array to the longest
#: term (161 characters here), which would make 30,000 terms 19 MB instead of 1.6 MB.
TERM_SEPARATOR = "\n"
#: Distinct words whose char n-gram row is remembered (about 150 bytes each).
WORD_CACHE_SIZE = 1 << 15
#: Fixed zip member timestamp, so exporting the same model twice writes the same bytes.
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)


class InferenceFormatError(ValueError):
    """The arrays are not a model this module computes exactly (missing, mismatched or other settings)."""


# --- export (training side: reads a fitted sklearn pipeline) -------------------------------------------


def export_inference_arrays(pipeline: Any, labels: Sequence[str]) -> dict[str, np.ndarray]:
    """The fitted numbers and settings inference needs, as plain arrays (no object arrays).

    ``labels`` names the model's outputs in order (the card's labels). Raises
    :class:`InferenceFormatError` when the pipeline uses options the run-time code does not reproduce.
    """
    from sklearn.calibration import CalibratedClassifierCV, _SigmoidCalibration
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.multiclass import OneVsRestClassifier
    from sklearn.pipeline import FeatureUnion, Pipeline

    def require(condition: bool, what: str) -> None:
        if not condition:
            raise InferenceFormatError(f"cannot export the pipeline: {what}")

    require(isinstance(pipeline, Pipeline) and len(pipeline.steps) == 2, "not a two-step Pipeline")
    union, model = pipeline.steps[0][1], pipeline.steps[1][1]
    require(
        isinstance(union, FeatureUnion) and not union.transformer_weights,
        "step 1 is not a plain FeatureUnion",
    )
    arrays: dict[str, np.ndarray] = {"format_version": np.array(FORMAT_VERSION), "labels": _strings(labels)}
    names = []
    for name, vectorizer in union.transformer_list:
        require(type(vectorizer) is TfidfVectorizer, f"{name} is not a TfidfVectorizer")
        require(
            vectorizer.analyzer in ("word", "char_wb")
            and vectorizer.input == "content"
            and vectorizer.lowercase
            and vectorizer.strip_accents is None
            and vectorizer.preprocessor is None
            and vectorizer.tokenizer is None
            and vectorizer.stop_words is None
            and not vectorizer.binary
            and vectorizer.use_idf
            and vectorizer.norm == "l2"
            and (vectorizer.analyzer != "word" or vectorizer.token_pattern == TOKEN_PATTERN),
            f"{name} uses options the run-time features do not reproduce",
        )
        terms = sorted(vectorizer.vocabulary_, key=vectorizer.vocabulary_.__getitem__)
        require(
            [vectorizer.vocabulary_[t] for t in terms] == list(range(len(terms))),
            f"{name}: vocabulary indices not 0..n-1",
        )
        require(not any(TERM_SEPARATOR in t for t in terms), f"{name}: a term holds the separator")
        term_array = np.array(TERM_SEPARATOR.join(terms), dtype=np.str_)
        require(_split_terms(term_array) == terms, f"{name}: the terms do not survive a numpy string")
        require(
            vectorizer.idf_.dtype == np.dtype(vectorizer.dtype),
            f"{name}: idf_ dtype is not the vectorizer's dtype",
        )
        names.append(name)
        arrays |= {
            f"{name}_analyzer": np.array(vectorizer.analyzer),
            f"{name}_ngram_range": np.array(vectorizer.ngram_range, dtype=np.int64),
            f"{name}_token_pattern": np.array(vectorizer.token_pattern),
            f"{name}_lowercase": np.array(bool(vectorizer.lowercase)),
            f"{name}_sublinear_tf": np.array(bool(vectorizer.sublinear_tf)),
            f"{name}_norm": np.array(vectorizer.norm),
            f"{name}_dtype": np.array(np.dtype(vectorizer.dtype).name),
            f"{name}_terms": term_array,
            f"{name}_idf": np.array(vectorizer.idf_, copy=True),
        }
    arrays["blocks"] = _strings(names)

    require(
        isinstance(model, OneVsRestClassifier) and model.multilabel_,
        "step 2 is not a multilabel OneVsRestClassifier",
    )
    require(len(model.estimators_) == len(labels), "one estimator per label")
    coefficients, intercepts, slopes, offsets = [], [], [], []
    for estimator in model.estimators_:
        require(
            isinstance(estimator, CalibratedClassifierCV) and estimator.method == "sigmoid",
            "sigmoid calibration",
        )
        require(
            list(estimator.classes_) == [0, 1] and len(estimator.calibrated_classifiers_) == 1,
            "one binary calibrated model",
        )
        [calibrated] = estimator.calibrated_classifiers_
        linear = calibrated.estimator
        require(
            type(linear) is LogisticRegression and list(linear.classes_) == [0, 1],
            "a binary LogisticRegression",
        )
        require(list(calibrated.classes) == [0, 1] and len(calibrated.calibrators) == 1, "one calibrator")
        [calibrator] = calibrated.calibrators
        require(type(calibrator) is _SigmoidCalibration, "a sigmoid calibrator")
        require(
            linear.coef_.shape == (1, sum(len(arrays[f"{n}_idf"]) for n in names)),
            "coefficients span both blocks",
        )
        coefficients.append(np.asarray(linear.coef_, dtype=np.float64)[0])
        intercepts.append(float(np.asarray(linear.intercept_, dtype=np.float64)[0]))
        slopes.append(float(calibrator.a_))
        offsets.append(float(calibrator.b_))
    arrays |= {
        "coef": np.ascontiguousarray(np.stack(coefficients, axis=1)),  # n_features x n_labels
        "intercept": np.array(intercepts, dtype=np.float64),
        "calibration_a": np.array(slopes, dtype=np.float64),
        "calibration_b": np.array(offsets, dtype=np.float64),
    }
    return arrays


def write_inference_file(arrays: Mapping[str, np.ndarray], path: Path) -> None:
    """``np.savez_compressed``'s format (a zip of ``.npy`` members), with fixed timestamps and order.

    ``np.savez_compressed`` stamps each member with the current time, so the same arrays would give a
    different file (and sha256) on every export; this writes the same members the same way, minus the clock.
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name in sorted(arrays):
            info = zipfile.ZipInfo(f"{name}.npy", date_time=_ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            with archive.open(info, "w", force_zip64=True) as member:
                np.lib.format.write_array(member, np.asanyarray(arrays[name]), allow_pickle=False)
    path.write_bytes(buffer.getvalue())


def read_inference_arrays(source: Path | bytes) -> dict[str, np.ndarray]:
    """Every array of an inference file (``allow_pickle=False``: object arrays are refused, no code runs)."""
    handle = io.BytesIO(source) if isinstance(source, bytes) else source
    with np.load(handle, allow_pickle=False) as archive:
        return {name: archive[name] for name in archive.files}


def _split_terms(joined: np.ndarray) -> list[str]:
    text = str(joined)
    return text.split(TERM_SEPARATOR) if text else []


def _strings(values: Sequence[str]) -> np.ndarray:
    return np.array(list(values), dtype=np.str_) if len(values) else np.array([], dtype="<U1")


# --- run time -----------------------------------------------------------------------------------------


def char_wb_ngrams(word: str, min_n: int, max_n: int) -> list[str]:
    """sklearn's ``_char_wb_ngrams`` for one whitespace-free word (already lower-cased).

    The word is padded with one space either side. For each n, every n-gram of the padded word; when
    the padded word is no longer than n it is taken once, whole, and larger n are not tried.
    """
    padded = f" {word} "
    length = len(padded)
    grams: list[str] = []
    for n in range(min_n, max_n + 1):
        if length <= n:
            grams.append(padded)
            break
        grams.extend(padded[i : i + n] for i in range(length - n + 1))
    return grams


def _word_ngrams(tokens: list[str], min_n: int, max_n: int) -> Iterable[str]:
    """The n-grams ``_word_ngrams`` makes (stop words none): runs of n tokens joined by one space."""
    return chain.from_iterable(
        tokens if n == 1 else map(" ".join, zip(*(tokens[i:] for i in range(n)), strict=False))
        for n in range(min_n, max_n + 1)
    )


def _offsets(lengths: Sequence[int]) -> np.ndarray:
    """CSR row pointers for rows of the given lengths."""
    offsets = np.zeros(len(lengths) + 1, dtype=np.int64)
    np.cumsum(lengths, out=offsets[1:])
    return offsets


class _Block:
    """One TfidfVectorizer's vocabulary, idf and settings; :meth:`tfidf` gives its block of features."""

    def __init__(self, arrays: Mapping[str, np.ndarray], name: str) -> None:
        def get(key: str) -> np.ndarray:
            try:
                return arrays[f"{name}_{key}"]
            except KeyError as error:
                raise InferenceFormatError(f"missing array {name}_{key}") from error

        self.analyzer = str(get("analyzer"))
        self.min_n, self.max_n = (int(n) for n in get("ngram_range"))
        self.sublinear_tf = bool(get("sublinear_tf"))
        self.dtype = np.dtype(str(get("dtype")))
        self.idf = get("idf")
        terms = _split_terms(get("terms"))
        if (
            self.analyzer not in ("word", "char_wb")
            or not bool(get("lowercase"))
            or str(get("norm")) != "l2"
            or (self.analyzer == "word" and str(get("token_pattern")) != TOKEN_PATTERN)
            or not 1 <= self.min_n <= self.max_n
            or self.dtype not in (np.float32, np.float64)
            or self.idf.dtype != self.dtype
            or self.idf.shape != (len(terms),)
        ):
            raise InferenceFormatError(f"{name}: settings this module does not compute")
        self.size = len(terms)
        self.vocabulary: dict[str, int] = dict(zip(terms, range(len(terms)), strict=True))
        self._tokens = re.compile(TOKEN_PATTERN).findall
        self._word_row: Callable[[str], bytes] = lru_cache(maxsize=WORD_CACHE_SIZE)(self._char_row)

    # raw counts --------------------------------------------------------------------------------------

    def counts(self, texts: Sequence[str]) -> sp.csr_matrix:
        """CountVectorizer's raw counts: float32 (the vectorizer's dtype), no duplicates, sorted indices."""
        lowered = [text.lower() for text in texts]
        return self._word_counts(lowered) if self.analyzer == "word" else self._char_counts(lowered)

    def _word_counts(self, lowered: list[str]) -> sp.csr_matrix:
        get, min_n, max_n = self.vocabulary.get, self.min_n, self.max_n
        per_text = [
            array(
                "i",
                [i for i in map(get, _word_ngrams(self._tokens(text), min_n, max_n), repeat(-1)) if i >= 0],
            )
            for text in lowered
        ]
        found = np.frombuffer(b"".join(a.tobytes() for a in per_text), dtype=np.int32)
        rows = np.repeat(np.arange(len(lowered), dtype=np.int32), [len(a) for a in per_text])
        return sp.csr_matrix(
            (np.ones(len(found), dtype=self.dtype), (rows, found)), shape=(len(lowered), self.size)
        )  # built from coordinates: repeated entries summed, indices sorted

    def _char_row(self, word: str) -> bytes:
        """The vocabulary indices of ``word``'s char_wb n-grams (with repeats), as int32 bytes."""
        vocabulary = self.vocabulary
        return array(
            "i", [vocabulary[g] for g in char_wb_ngrams(word, self.min_n, self.max_n) if g in vocabulary]
        ).tobytes()

    def _char_counts(self, lowered: list[str]) -> sp.csr_matrix:
        words_by_text = [text.split() for text in lowered]
        words = list(chain.from_iterable(words_by_text))
        distinct = dict.fromkeys(words)
        column = dict(zip(distinct, range(len(distinct)), strict=True))
        occurrences = sp.csr_matrix(
            (
                np.ones(len(words), dtype=np.float32),
                np.fromiter(map(column.__getitem__, words), dtype=np.int32, count=len(words)),
                _offsets([len(w) for w in words_by_text]),
            ),
            shape=(len(lowered), len(distinct)),
        )  # one entry per occurrence; repeated entries add up in the product
        word_rows = list(map(self._word_row, distinct))
        indices = np.frombuffer(b"".join(word_rows), dtype=np.int32)
        grams = sp.csr_matrix(
            (np.ones(len(indices), dtype=np.float32), indices, _offsets([len(r) // 4 for r in word_rows])),
            shape=(len(distinct), self.size),
        )
        # The product has no repeated entries but unsorted rows; a round trip through CSC sorts them
        # (a counting sort by column, cheaper than sorting each row).
        counts = (occurrences @ grams).tocsc().tocsr()
        return counts.astype(self.dtype, copy=False)

    # tf-idf ------------------------------------------------------------------------------------------

    def tfidf(self, texts: Sequence[str]) -> sp.csr_matrix:
        """``TfidfTransformer.transform(counts)``: sublinear tf, idf, l2 rows (module docstring, step 2)."""
        matrix = self.counts(texts)
        data = matrix.data
        if self.sublinear_tf:
            np.log(data, data)
            data += 1.0
        data *= self.idf[matrix.indices]
        _normalize_rows_l2(matrix)
        return matrix


def _normalize_rows_l2(matrix: sp.csr_matrix) -> None:
    """sklearn's ``_inplace_csr_row_normalize_l2``, in place, with its rounding.

    Cython there: ``sum_ += X_data[j] * X_data[j]`` (a float32 product when the data are float32, added
    to a double from 0.0 in index order), ``sum_ = sqrt(sum_)``, ``X_data[j] /= sum_`` (double division,
    rounded back to the data's dtype), rows with ``sum_ == 0.0`` skipped.
    """
    data = matrix.data
    squares = sp.csr_matrix(
        ((data * data).astype(np.float64), matrix.indices, matrix.indptr), shape=matrix.shape
    )
    sums = squares @ np.ones(matrix.shape[1], dtype=np.float64)  # csr_matvec: sequential, from 0.0
    norms = np.repeat(np.sqrt(sums), np.diff(matrix.indptr))
    values = data.astype(np.float64)
    np.divide(values, norms, out=values, where=norms != 0.0)
    data[:] = values  # rounded to the data's dtype, as the C assignment does


class ClauseModel:
    """The exported classifier: TF-IDF features and calibrated one-vs-rest logistic regression."""

    def __init__(self, arrays: Mapping[str, np.ndarray]) -> None:
        try:
            version = int(arrays["format_version"])
            block_names = arrays["blocks"].tolist()
            labels = tuple(arrays["labels"].tolist())
            coef, intercept = arrays["coef"], arrays["intercept"]
            slope, offset = arrays["calibration_a"], arrays["calibration_b"]
        except (KeyError, TypeError, ValueError) as error:
            raise InferenceFormatError(f"missing or malformed array: {error}") from error
        if version != FORMAT_VERSION:
            raise InferenceFormatError(f"format version {version}, this code reads {FORMAT_VERSION}")
        self.labels = labels
        self.blocks = [_Block(arrays, name) for name in block_names]
        n_features, n_labels = sum(b.size for b in self.blocks), len(labels)
        if (
            coef.dtype != np.float64
            or coef.shape != (n_features, n_labels)
            or any(a.dtype != np.float64 or a.shape != (n_labels,) for a in (intercept, slope, offset))
        ):
            raise InferenceFormatError(
                "coefficients, intercepts and calibrators do not fit the labels and features"
            )
        self.coef = np.ascontiguousarray(coef)
        self.intercept, self.calibration_a, self.calibration_b = intercept, slope, offset
        # sklearn's own sigmoid (numpy's exp differs from it in the last bit now and then). Imported here,
        # not with the module, so importing the analyzer stays lean (scipy.special: ~5 MB, ~0.1 s).
        from scipy.special import expit

        self._expit = expit

    @classmethod
    def load(cls, source: Path | bytes) -> ClauseModel:
        return cls(read_inference_arrays(source))

    def features(self, texts: Sequence[str]) -> sp.csr_matrix:
        """``pipeline[:-1].transform(texts)``: each block's tf-idf, joined as ``FeatureUnion`` joins them."""
        return sp.hstack([block.tfidf(texts) for block in self.blocks]).tocsr()

    def decision_function(self, features: sp.csr_matrix) -> np.ndarray:
        """Each label's ``LogisticRegression.decision_function`` (n_texts x n_labels, float64)."""
        return features @ self.coef + self.intercept

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """``pipeline.predict_proba(texts)``: each label's sigmoid-calibrated probability (float64)."""
        decision = self.decision_function(self.features(texts))
        return self._expit(-(self.calibration_a * decision + self.calibration_b))
