"""The spaCy component where rule cues and the learned classifier meet: ``clause_kinds``.

    nlp = spacy.blank("en"); nlp.add_pipe("clause_kinds").configure(cue_matcher, thresholds, classifier)

Each Doc is one clause's own text (whitespace folded). The component reads the cue hits, scores
them (``nlp.cues.score_hits``), asks the classifier for probabilities (batched in ``pipe``), fuses
both with :func:`fuse` and writes the decision to ``doc._.kind_tags``, each kind with its source
("rule", "model" or "both") and evidence. Per-Doc context comes in ``doc.user_data``:
``text`` (the Doc's text, optional: a Doc rebuilds it on each access), ``scan`` (tokenised for cues), ``body_offset`` (heading-only cues must match before it), ``damping``
(definitions), ``captions_only`` (no own body: no kinds).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Protocol

from spacy.language import Language
from spacy.tokens import Doc

from nlp.cues import DEFAULT_THRESHOLD, CueMatcher, score_hits
from nlp.document import KindTag

#: A rule tag at least this confident (a specific phrase such as "covenant not to compete") is vetoed only
#: by its kind's *strong veto* (the card's ``strong_vetoes``, 0 when absent: never): a model probability
#: that low says the phrase is a cross-reference or a title ("the non-competition obligations under this
#: Agreement"), not the covenant itself.
STRONG_RULE = 0.85

if not Doc.has_extension("kind_tags"):
    Doc.set_extension("kind_tags", default=None)


class ClauseClassifier(Protocol):
    """The learned half of the tagger: probabilities per kind for each clause text."""

    thresholds: Mapping[str, float]
    vetoes: Mapping[str, float]
    strong_vetoes: Mapping[str, float]

    def predict_proba(self, texts: list[str]) -> list[dict[str, float]]: ...


def fuse(
    rule_tags: list[KindTag],
    probabilities: Mapping[str, float],
    thresholds: Mapping[str, float],
    vetoes: Mapping[str, float] | None = None,
    strong_vetoes: Mapping[str, float] | None = None,
) -> list[KindTag]:
    """Combine rule tags with model probabilities (the policy ``models/train.py`` chose thresholds for).

    A kind is kept when the rules tag it and the model's probability is at least the kind's *veto* (for a
    weak tag) or *strong veto* (for a tag with confidence >= STRONG_RULE), or when the probability alone
    reaches the kind's *threshold*. ``source`` says which side decided: "rule", "model" or "both".
    """
    vetoes = vetoes or {}
    strong_vetoes = strong_vetoes or {}
    merged: dict[str, KindTag] = {}
    for tag in rule_tags:
        probability = probabilities.get(tag.kind)
        floor = (strong_vetoes if tag.confidence >= STRONG_RULE else vetoes).get(tag.kind, 0.0)
        if probability is not None and probability < floor:
            continue  # a rule tag the model all but rules out (see the card's vetoes and strong vetoes)
        both = probability is not None and probability >= thresholds.get(tag.kind, DEFAULT_THRESHOLD)
        confidence = round(max(tag.confidence, probability or 0.0), 3)
        evidence = tag.evidence + ((f"model p={probability:.2f}",) if both else ())
        merged[tag.kind] = KindTag(tag.kind, confidence, "both" if both else "rule", evidence, tag.pattern_ids)
    for kind, probability in probabilities.items():
        if kind not in merged and probability >= thresholds.get(kind, DEFAULT_THRESHOLD):
            merged[kind] = KindTag(kind, round(probability, 3), "model", (f"model p={probability:.2f}",))
    return sorted(merged.values(), key=lambda t: -t.confidence)


class ClauseKinds:
    """Rules + model for clause kinds, as one pipeline component."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.cues: CueMatcher | None = None
        self.rule_thresholds: Mapping[str, float] = {}
        self.classifier: ClauseClassifier | None = None

    def configure(
        self,
        cues: CueMatcher,
        rule_thresholds: Mapping[str, float],
        classifier: ClauseClassifier | None = None,
    ) -> ClauseKinds:
        self.cues, self.rule_thresholds, self.classifier = cues, rule_thresholds, classifier
        return self

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 256) -> Iterator[Doc]:
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._decide(batch)
                batch = []
        if batch:
            yield from self._decide(batch)

    def _decide(self, docs: list[Doc]) -> list[Doc]:
        if self.cues is None:
            raise RuntimeError("clause_kinds is not configured: call .configure(...) after add_pipe")
        texts = [d.user_data["text"] if "text" in d.user_data else d.text for d in docs]
        # A caption over sub-clauses gets no kinds (its children carry the substance): nothing to ask the model.
        asked = [i for i, d in enumerate(docs) if not d.user_data.get("captions_only")]
        answers = self.classifier.predict_proba([texts[i] for i in asked]) if self.classifier and asked else []
        probabilities = dict(zip(asked, answers, strict=True)) if self.classifier else None
        for index, doc in enumerate(docs):
            context = doc.user_data
            if context.get("captions_only"):
                doc._.kind_tags = []
                continue
            hits = self.cues.hits(doc, texts[index]) if context.get("scan", True) else []
            body = context.get("body_offset", 0)
            hits = [h for h in hits if not h.cue.heading_only or h.start < body]
            tags = score_hits(hits, self.rule_thresholds, context.get("damping", 1.0))
            context["rule_tags"] = tags  # the fusion's inputs, for models/decision_study.py
            if probabilities is not None:
                model = {k: p * context.get("damping", 1.0) for k, p in probabilities[index].items()}
                context["model_probabilities"] = model
                tags = fuse(tags, model, self.classifier.thresholds, self.classifier.vetoes,
                            self.classifier.strong_vetoes)
            doc._.kind_tags = tags
        return docs


@Language.factory("clause_kinds")
def make_clause_kinds(nlp: Language, name: str) -> ClauseKinds:
    return ClauseKinds(nlp, name)
