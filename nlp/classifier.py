"""The learned half of the clause tagger: a scikit-learn pipeline persisted with skops (never pickle).

    load_classifier(path=None) -> LoadedClassifier | None     loaded once per process; None when absent

The model file ``models/clause_classifier.skops`` sits beside its card ``models/clause_classifier.json``
(labels, per-kind thresholds chosen on a validation split, the reviewed list of trusted types, data
hashes and held-out scores). Loading refuses any type outside that list, so loading never runs code.
Text goes through :func:`prepare` in training and at run time alike.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from nlp.errors import ContractRiskError
from nlp.fast_tfidf import FastFeatures

MODELS_DIR = Path(__file__).resolve().parent.parent / "models"
MODEL_PATH = MODELS_DIR / "clause_classifier.skops"
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
    """A fitted pipeline plus its card; implements ``nlp.tagger.ClauseClassifier``."""

    pipeline: object
    labels: tuple[str, ...]
    thresholds: dict[str, float]
    vetoes: dict[str, float]
    card: dict
    #: The pipeline's features computed faster (same matrix); None: the pipeline computes them.
    features: FastFeatures | None = None

    def predict_proba(self, texts: Sequence[str]) -> list[dict[str, float]]:
        if not texts:
            return []
        prepared = [prepare(t) for t in texts]
        if self.features is None:
            matrix = self.pipeline.predict_proba(prepared)  # type: ignore[attr-defined]
        else:
            model = self.pipeline.steps[-1][1]  # type: ignore[attr-defined]
            matrix = model.predict_proba(self.features.transform(prepared))
        return [{label: float(row[i]) for i, label in enumerate(self.labels)} for row in matrix]


def read_card(card_path: Path = CARD_PATH) -> dict:
    try:
        return json.loads(card_path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise ModelArtifactError(f"{card_path.name}: cannot read the model card: {error}") from error


def load_classifier(path: Path | None = None) -> LoadedClassifier | None:
    """The shipped classifier, or None when no model file exists (the tagger then runs on rules alone)."""
    model_path = path or MODEL_PATH
    if not model_path.is_file():
        return None
    return _load(str(model_path))


@lru_cache(maxsize=4)
def _load(model_path: str) -> LoadedClassifier:
    import skops.io as sio

    path = Path(model_path)
    card = read_card(path.with_suffix(".json"))
    trusted = list(card.get("trusted_types", []))
    untrusted = sio.get_untrusted_types(file=path)
    unknown = sorted(set(untrusted) - set(trusted))
    if unknown:
        raise ModelArtifactError(f"{path.name} holds types not in the card's trusted list: {unknown}")
    pipeline = sio.load(path, trusted=trusted)
    labels = tuple(card["labels"])
    thresholds = {k: float(v) for k, v in card["thresholds"].items()}
    vetoes = {k: float(v) for k, v in card.get("vetoes", {}).items()}
    return LoadedClassifier(pipeline, labels, thresholds, vetoes, card, FastFeatures.for_pipeline(pipeline))
