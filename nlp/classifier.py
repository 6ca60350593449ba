"""The learned half of the clause tagger: a scikit-learn model, run without scikit-learn.

    load_classifier(path=None) -> LoadedClassifier | None     loaded once per process; None when absent
    load_sklearn_pipeline(path=None) -> sklearn Pipeline      training, export and tests only

The canonical model is ``models/clause_classifier.skops`` (a scikit-learn pipeline persisted with skops,
never pickle), beside its card ``models/clause_classifier.json`` (labels, per-kind thresholds chosen on
a validation split, the reviewed list of trusted types, data hashes, held-out scores). Loading skops
refuses any type outside that list, so it never runs code; but importing scikit-learn and unpacking the
pipeline costs about 170 MB per process. The analyzer therefore loads ``models/clause_classifier.npz``:
the same fitted numbers exported from the skops file by ``contract-risk train`` (``python -m models.train
--export-only`` re-exports without retraining), plain arrays read with ``allow_pickle=False``, whose
sha256 the card records and this loader checks. ``nlp.clause_model`` computes sklearn's probabilities
from them with numpy and scipy.sparse, bit for bit (its docstring says why; the tests check it).
Text goes through :func:`prepare` in training and at run time alike.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from nlp.clause_model import ClauseModel, InferenceFormatError
from nlp.errors import ContractRiskError

MODELS_DIR = Path(__file__).resolve().parent.parent / "models"
MODEL_PATH = MODELS_DIR / "clause_classifier.skops"
INFERENCE_PATH = MODELS_DIR / "clause_classifier.npz"
CARD_PATH = MODELS_DIR / "clause_classifier.json"

_DIGITS_RE = re.compile(r"\d")
#: Characters of a clause the model reads (long clauses are judged by their opening).
MAX_CHARS = 3000


class ModelArtifactError(ContractRiskError):
    """The model file or its card is missing pieces, mismatched, or holds untrusted types."""

    code = "model_artifact_invalid"


def prepare(text: str) -> str:
    """The text the model sees: whitespace folded, digits masked (numbers vary; their shape matters).

    Whitespace runs become one space and the ends are stripped (``str.split`` splits on exactly the
    characters ``\\s`` matches); masking digits neither makes nor removes whitespace, so the order of
    the two steps does not matter.
    """
    return _DIGITS_RE.sub("0", " ".join(text[:MAX_CHARS].split()))


@dataclass(frozen=True)
class LoadedClassifier:
    """The exported model plus its card; implements ``nlp.tagger.ClauseClassifier``."""

    model: ClauseModel
    labels: tuple[str, ...]
    thresholds: dict[str, float]
    vetoes: dict[str, float]
    card: dict
    strong_vetoes: dict[str, float] = field(default_factory=dict)

    def predict_proba(self, texts: Sequence[str]) -> list[dict[str, float]]:
        if not texts:
            return []
        matrix = self.model.predict_proba([prepare(t) for t in texts])
        return [{label: float(row[i]) for i, label in enumerate(self.labels)} for row in matrix]


def read_card(card_path: Path = CARD_PATH) -> dict:
    try:
        return json.loads(card_path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise ModelArtifactError(f"{card_path.name}: cannot read the model card: {error}") from error


def load_classifier(path: Path | None = None) -> LoadedClassifier | None:
    """The shipped classifier (``path``: its ``.npz``), or None when there is no model at all (the tagger
    then runs on rules alone). A skops model without its exported ``.npz`` is an error, not a silent
    fallback to rules."""
    inference_path = path or INFERENCE_PATH
    if not inference_path.is_file():
        if inference_path.with_suffix(".skops").is_file():
            raise ModelArtifactError(
                f"{inference_path.name} is missing beside {inference_path.with_suffix('.skops').name}: "
                "run `python -m models.train --export-only`"
            )
        return None
    return _load(str(inference_path))


@lru_cache(maxsize=4)
def _load(inference_path: str) -> LoadedClassifier:
    path = Path(inference_path)
    card = read_card(path.with_suffix(".json"))
    raw = path.read_bytes()
    if card.get("inference_sha256") != hashlib.sha256(raw).hexdigest():
        raise ModelArtifactError(f"{path.name} does not match the sha256 its card records")
    try:
        model = ClauseModel.load(raw)
    except (InferenceFormatError, ValueError, OSError) as error:
        raise ModelArtifactError(f"{path.name}: {error}") from error
    labels = tuple(card["labels"])
    if model.labels != labels:
        raise ModelArtifactError(f"{path.name} has labels {model.labels}, its card {labels}")
    thresholds = {k: float(v) for k, v in card["thresholds"].items()}
    vetoes = {k: float(v) for k, v in card.get("vetoes", {}).items()}
    strong_vetoes = {k: float(v) for k, v in card.get("strong_vetoes", {}).items()}
    return LoadedClassifier(model, labels, thresholds, vetoes, card, strong_vetoes)


def load_sklearn_pipeline(path: Path | None = None) -> Any:
    """The canonical scikit-learn pipeline from its skops file, with the card's trusted types only.

    Imports skops and scikit-learn (about 170 MB): for training, exporting and tests, never the analyzer.
    """
    import skops.io as sio

    model_path = path or MODEL_PATH
    card = read_card(model_path.with_suffix(".json"))
    trusted = list(card.get("trusted_types", []))
    untrusted = sio.get_untrusted_types(file=model_path)
    unknown = sorted(set(untrusted) - set(trusted))
    if unknown:
        raise ModelArtifactError(f"{model_path.name} holds types not in the card's trusted list: {unknown}")
    return sio.load(model_path, trusted=trusted)
