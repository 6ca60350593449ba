"""Clause kinds for a segmented document: rules and the learned classifier, fused in one spaCy component.

    Tagger(cues, thresholds, classifier=None).tag(text, clauses) -> {clause_id: [KindTag, ...]}

Each clause's own text (its text minus its children's) becomes one Doc in a blank English pipeline
whose only component is ``clause_kinds`` (``nlp/components.py``). Texts with no anchor word of any cue
skip tokenisation (a one-token Doc), so boilerplate costs one regex search. Evidence offsets are
mapped back to the document.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import spacy
from spacy.language import Language
from spacy.tokens import Doc

import nlp.components  # noqa: F401  (registers the clause_kinds factory)
from nlp.components import ClauseClassifier
from nlp.cues import (
    DEFINITION_DAMPING,
    DEFINITION_START_RE,
    DEFINITIONS_HEADING_RE,
    CueHit,
    CueMatcher,
    CuePattern,
    FoldedText,
)
from nlp.document import Clause, KindTag
from nlp.segment import own_text_ends

__all__ = [
    "ClauseClassifier",
    "ClauseDecision",
    "ClauseLocator",
    "CueHit",
    "CuePattern",
    "FoldedText",
    "Tagger",
    "innermost_clause",
    "make_nlp",
]


@dataclass(frozen=True)
class ClauseDecision:
    """How one clause's kinds were decided: the inputs of the fusion and its result (before lifting)."""

    rule_tags: list[KindTag] = field(default_factory=list)
    model_probabilities: dict[str, float] | None = None  # None: no model, or nothing asked (a caption)
    tags: list[KindTag] = field(default_factory=list)


def make_nlp() -> Language:
    """A blank English pipeline (tokenizer only, no downloaded model) plus the clause_kinds component."""
    nlp = spacy.blank("en")
    nlp.add_pipe("clause_kinds")
    return nlp


@dataclass
class Tagger:
    """Tags clauses with kinds. Build once per process; ``tag`` keeps no state between calls."""

    cues: Sequence[CuePattern]
    thresholds: Mapping[str, float] = field(default_factory=dict)
    classifier: ClauseClassifier | None = None
    nlp: Language = field(default_factory=make_nlp)

    def __post_init__(self) -> None:
        self.matcher = CueMatcher(self.nlp, self.cues)
        self.nlp.get_pipe("clause_kinds").configure(self.matcher, self.thresholds, self.classifier)

    def find_cues(self, text: str, offset: int = 0) -> list[CueHit]:
        """All cue matches in ``text`` (offsets into ``text`` shifted by ``offset``)."""
        if not self.matcher.needs_scan(text):
            return []
        folded = FoldedText(text)
        hits = self.matcher.hits(self.nlp.make_doc(folded.text), folded.text)
        return [_unfold(hit, folded, text, offset) for hit in hits]

    def tag(self, text: str, clauses: Sequence[Clause]) -> dict[str, list[KindTag]]:
        """Kinds per clause id, decided from each clause's own text."""
        own_ends = own_text_ends(clauses)
        tags = {cid: d.tags for cid, d in self.decisions(text, clauses, own_ends).items()}
        return lift_list_items(text, clauses, tags, own_ends)

    def decisions(
        self, text: str, clauses: Sequence[Clause], own_ends: Mapping[str, int] | None = None
    ) -> dict[str, ClauseDecision]:
        """Per clause id: the rule tags and model probabilities that were fused, and the fused tags, before
        lead-ins take their list items' kinds (``tag`` = this + :func:`lift_list_items`). The study of the
        decision thresholds (models/decision_study.py) fuses the same inputs again under other settings."""
        own_ends = own_text_ends(clauses) if own_ends is None else own_ends
        decided: dict[str, ClauseDecision] = {}
        docs: list[Doc] = []
        tagged: list[Clause] = []
        for clause in clauses:
            own_body = text[clause.body_start:own_ends[clause.id]]
            if not own_body.strip():
                decided[clause.id] = ClauseDecision()  # a caption over sub-clauses: its children carry the substance
                continue
            own = text[clause.start:own_ends[clause.id]]
            folded = FoldedText(own)
            scan = self.matcher.needs_scan(own)
            doc = self.nlp.make_doc(folded.text) if scan else Doc(self.nlp.vocab, words=[folded.text], spaces=[False])
            defines = DEFINITION_START_RE.match(own_body.lstrip()) or (
                clause.heading is not None and DEFINITIONS_HEADING_RE.search(clause.heading)
            )
            doc.user_data.update({
                "text": folded.text,  # == doc.text, which a Doc rebuilds from its tokens on each access
                "scan": scan,
                "body_offset": _folded_offset(folded, clause.body_start - clause.start),
                "damping": DEFINITION_DAMPING if defines else 1.0,
            })
            docs.append(doc)
            tagged.append(clause)
        for clause, doc in zip(tagged, self.nlp.pipe(docs), strict=True):
            decided[clause.id] = ClauseDecision(
                list(doc.user_data.get("rule_tags", ())), doc.user_data.get("model_probabilities"), doc._.kind_tags
            )
        return {clause.id: decided[clause.id] for clause in clauses}


#: A lead-in clause covering its list items is tagged as one unit only up to this many words.
LIFT_MAX_WORDS = 400
_LEAD_IN_END_RE = re.compile(r"[:\u2014\u2013-]\s*$")


def lift_list_items(
    text: str, clauses: Sequence[Clause], tags: dict[str, list[KindTag]], own_ends: Mapping[str, int]
) -> dict[str, list[KindTag]]:
    """Give a kind found in list items to the lead-in clause that introduces them ("shall not: (a) ...").

    The provision is the lead-in with its items; the items alone are fragments. When a clause's own
    text ends in a colon or dash, its whole text is at most LIFT_MAX_WORDS words, and some descendant
    carries a kind, the clause takes that kind (the strongest descendant's confidence, evidence
    merged) and the descendants drop it.
    """
    children: dict[str, list[Clause]] = {}
    for clause in clauses:
        if clause.parent_id is not None:
            children.setdefault(clause.parent_id, []).append(clause)

    def descendants(clause: Clause) -> list[Clause]:
        out = []
        for child in children.get(clause.id, []):
            out.append(child)
            out.extend(descendants(child))
        return out

    lifted = {cid: list(ts) for cid, ts in tags.items()}
    for clause in sorted(clauses, key=lambda c: -c.level):  # deepest lead-ins first
        own = text[clause.body_start:own_ends[clause.id]]
        if clause.id not in children or not own.strip() or not _LEAD_IN_END_RE.search(own):
            continue
        if len(clause.text.split()) > LIFT_MAX_WORDS:
            continue
        below = descendants(clause)
        for kind in {t.kind for d in below for t in lifted.get(d.id, [])}:
            found = [t for d in below for t in lifted.get(d.id, []) if t.kind == kind]
            own_tag = next((t for t in lifted.get(clause.id, []) if t.kind == kind), None)
            strongest = max(found + ([own_tag] if own_tag else []), key=lambda t: t.confidence)
            evidence = tuple(dict.fromkeys(e for t in ([own_tag] if own_tag else []) + found for e in t.evidence))
            pattern_ids = tuple(dict.fromkeys(p for t in ([own_tag] if own_tag else []) + found for p in t.pattern_ids))
            sources = {t.source for t in found + ([own_tag] if own_tag else [])}
            source = "both" if "both" in sources or {"rule", "model"} <= sources else strongest.source
            merged = KindTag(kind, strongest.confidence, source, evidence, pattern_ids)
            lifted[clause.id] = [t for t in lifted.get(clause.id, []) if t.kind != kind] + [merged]
            lifted[clause.id].sort(key=lambda t: -t.confidence)
            for d in below:
                lifted[d.id] = [t for t in lifted.get(d.id, []) if t.kind != kind]
    return lifted


def _folded_offset(folded: FoldedText, original: int) -> int:
    """The folded offset of an original offset (the first folded position at or after it)."""
    low, high = 0, len(folded.text)
    while low < high:
        middle = (low + high) // 2
        if folded.original(middle) < original:
            low = middle + 1
        else:
            high = middle
    return low


def _unfold(hit: CueHit, folded: FoldedText, text: str, offset: int) -> CueHit:
    begin, finish = folded.original(hit.start), folded.original(hit.end - 1) + 1
    return CueHit(hit.cue, offset + begin, offset + finish, text[begin:finish])


def innermost_clause(clauses: Sequence[Clause], offset: int) -> Clause | None:
    """The deepest clause whose span holds ``offset``."""
    return ClauseLocator(clauses).innermost(offset)


class ClauseLocator:
    """:func:`innermost_clause` for many offsets: the start list and the id map are built once.

    Callers that look up one offset per defined term (``nlp.definitions``) rebuilt both per lookup,
    which was quadratic in the number of clauses; the lookup itself is unchanged.
    """

    def __init__(self, clauses: Sequence[Clause]) -> None:
        self.clauses = clauses
        self.starts = [c.start for c in clauses]
        self.by_id = {c.id: c for c in clauses}

    def innermost(self, offset: int) -> Clause | None:
        """The deepest clause whose span holds ``offset``."""
        clauses, by_id = self.clauses, self.by_id
        index = bisect.bisect_right(self.starts, offset) - 1
        while index >= 0:
            clause = clauses[index]
            node: Clause | None = clause
            while node is not None and not (node.start <= offset < node.end):
                node = by_id.get(node.parent_id) if node.parent_id else None
            if node is not None:
                return node
            index -= 1
        return None
