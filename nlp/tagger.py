"""Clause kinds from rule cues (spaCy Matcher / PhraseMatcher), with a seam for a learned classifier.

Cue patterns are data (``rules/patterns/<kind>.yaml``, loaded by ``rules.registry``) handed in as
:class:`CuePattern` values. Every cue has an id (which appears in the evidence), a weight in
(-1, 1) and either phrases (matched on lower-cased tokens) or a spaCy token pattern. A cue may
``require`` other cues of its kind in the same clause, and may apply to the clause heading only.

Scoring, per clause and kind, over the distinct cues matched in the clause's own text (its text
minus its children):  ``p = 1 - prod(1 - w)`` over positive weights, then ``p *= prod(1 + w)`` over
negative weights. A kind is tagged when ``p >= threshold`` (per kind, default 0.5).

Speed: spaCy tokenises only clauses whose text holds an *anchor* word of some cue (a literal word
taken automatically from each pattern), so boilerplate clauses cost one regex search.

A learned classifier plugs in through :class:`ClauseClassifier`; :func:`fuse` combines its
probabilities with the rule scores (source "rule", "model" or "both").
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import spacy
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher

from nlp.document import Clause, KindTag

DEFAULT_THRESHOLD = 0.5
#: A clause that defines a term ("'Restricted Area' means ...") is not the clause that uses it.
DEFINITION_DAMPING = 0.5
_MEANS = r"(?:shall\s+mean|means|shall\s+refer\s+to|refers\s+to|shall\s+have\s+the\s+meaning|has\s+the\s+meaning|is\s+defined\s+as)"
DEFINITION_START_RE = re.compile(
    rf"^(?:[\"“'][^\n]{{1,100}}?|[A-Z][\w/&'’ -]{{0,60}}?)[\"”']?,?\s+{_MEANS}\b"
)
DEFINITIONS_HEADING_RE = re.compile(r"\b(?:definitions?|defined terms|meaning of terms|interpretation)\b", re.IGNORECASE)


@dataclass(frozen=True)
class CuePattern:
    """One rule cue for one clause kind."""

    kind: str
    id: str
    weight: float
    phrases: tuple[str, ...] = ()
    tokens: tuple[tuple[dict[str, Any], ...], ...] = ()  # one or more spaCy token patterns
    requires: tuple[str, ...] = ()  # ids of cues (same kind) of which one must also match
    heading_only: bool = False


@dataclass(frozen=True)
class CueHit:
    cue: CuePattern
    start: int  # document offsets
    end: int
    text: str


class ClauseClassifier(Protocol):
    """The learned half of the tagger (issue 3): probabilities per kind for each clause text."""

    def predict_proba(self, texts: Sequence[str]) -> list[dict[str, float]]: ...


_WHITESPACE_RUN_RE = re.compile(r"\s{2,}|[\n\t\r\f\v]")


class FoldedText:
    """``text`` with every whitespace run folded to one space, and the map back to ``text`` offsets."""

    def __init__(self, text: str) -> None:
        pieces: list[str] = []
        self._folded_starts: list[int] = [0]
        self._original_starts: list[int] = [0]
        cursor = folded = 0
        for match in _WHITESPACE_RUN_RE.finditer(text):
            pieces.append(text[cursor:match.start()])
            pieces.append(" ")
            folded += match.start() - cursor + 1
            cursor = match.end()
            self._folded_starts.append(folded)
            self._original_starts.append(cursor)
        pieces.append(text[cursor:])
        self.text = "".join(pieces)

    def original(self, position: int) -> int:
        """The offset in the original text of folded offset ``position``."""
        index = bisect.bisect_right(self._folded_starts, position) - 1
        return self._original_starts[index] + (position - self._folded_starts[index])


def make_nlp() -> Language:
    """A blank English pipeline: tokenizer only, no downloaded model."""
    return spacy.blank("en")


def _anchor_words(cue: CuePattern) -> set[str]:
    words: set[str] = set()
    for phrase in cue.phrases:
        first = re.findall(r"[a-z0-9$]+", phrase.lower())
        if first:
            words.add(max(first, key=len))
    for pattern in cue.tokens:
        literal = None
        for token in pattern:
            value = token.get("LOWER")
            if isinstance(value, str):
                literal = {value}
            elif isinstance(value, dict) and "IN" in value:
                literal = {str(v) for v in value["IN"]}
            if literal:
                break
        if literal is None:
            return {""}  # no literal: this cue can match anywhere, never skip a clause
        words |= literal
    return words


def _literal_words(token: dict[str, Any]) -> set[str] | None:
    """The lower-cased words a token spec accepts, when it is a literal list (else None)."""
    for key in ("LOWER", "ORTH", "TEXT"):
        value = token.get(key)
        if isinstance(value, str):
            return {value.lower()}
        if isinstance(value, dict) and "IN" in value:
            return {str(v).lower() for v in value["IN"]}
    return None


def _required_word_gate(pattern: Sequence[dict[str, Any]]) -> re.Pattern[str] | None:
    """A regex for one word the pattern must contain: its last non-optional literal token."""
    for token in reversed(pattern):
        if token.get("OP") in ("?", "*") or (isinstance(token.get("OP"), str) and token["OP"].startswith("{0")):
            continue
        words = _literal_words(token)
        if words:
            alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
            return re.compile(rf"(?<![A-Za-z0-9])(?:{alternatives})(?![A-Za-z])", re.IGNORECASE)
        regex = token.get("TEXT", {}).get("REGEX") if isinstance(token.get("TEXT"), dict) else None
        if regex:
            return re.compile(regex.strip("^$").replace("$|^", "|"))
    return None


@dataclass
class Tagger:
    """Tags clauses with kinds. Build once per process; ``tag`` is thread-safe (no shared state)."""

    cues: Sequence[CuePattern]
    thresholds: Mapping[str, float] = field(default_factory=dict)
    classifier: ClauseClassifier | None = None
    nlp: Language = field(default_factory=make_nlp)

    def __post_init__(self) -> None:
        self._by_id: dict[str, CuePattern] = {}
        self._phrase = PhraseMatcher(self.nlp.vocab, attr="LOWER", validate=True)
        # One Matcher per token pattern, behind a regex gate on a word the pattern cannot match without:
        # wildcard quantifiers after common words ("provide ... within ... miles") are costly, so a
        # pattern only runs on text that holds its required word.
        self._gated: list[tuple[re.Pattern[str] | None, Matcher]] = []
        anchors: set[str] = set()
        for cue in self.cues:
            if cue.id in self._by_id:
                raise ValueError(f"duplicate cue id {cue.id!r}")
            self._by_id[cue.id] = cue
            if cue.phrases:
                self._phrase.add(cue.id, [self.nlp.make_doc(p) for p in cue.phrases])
            for pattern in cue.tokens:
                matcher = Matcher(self.nlp.vocab, validate=True)
                matcher.add(cue.id, [list(pattern)])
                self._gated.append((_required_word_gate(pattern), matcher))
            anchors |= _anchor_words(cue)
        self._scan_all = "" in anchors
        words = sorted((a for a in anchors if a), key=len, reverse=True)
        self._anchor_re = re.compile(r"(?<![a-z0-9])(?:" + "|".join(map(re.escape, words)) + ")", re.IGNORECASE)

    # -- matching ------------------------------------------------------------------------------
    def _needs_scan(self, text: str) -> bool:
        return self._scan_all or bool(self._anchor_re.search(text))

    def find_cues(self, text: str, offset: int = 0) -> list[CueHit]:
        """All cue matches in ``text`` (offsets shifted by ``offset``).

        Matching runs on the text with whitespace runs folded to one space (a line break inside
        "liquidated\ndamages" must not hide the phrase); offsets are mapped back to ``text``.
        """
        if not text.strip() or not self._needs_scan(text):
            return []
        folded = FoldedText(text)
        doc = self.nlp.make_doc(folded.text)
        hits = []
        strings = self.nlp.vocab.strings
        matches = list(self._phrase(doc))
        for gate, matcher in self._gated:
            if gate is None or gate.search(folded.text):
                matches.extend(matcher(doc))
        for match_id, start, end in matches:
            span = doc[start:end]
            cue = self._by_id[strings[match_id]]
            begin, finish = folded.original(span.start_char), folded.original(span.end_char - 1) + 1
            hits.append(CueHit(cue, offset + begin, offset + finish, text[begin:finish]))
        return hits

    # -- tagging ---------------------------------------------------------------------------------
    def tag(self, text: str, clauses: Sequence[Clause]) -> dict[str, list[KindTag]]:
        """Kinds per clause id, from cues in each clause's own text (and heading-only cues)."""
        own_ends = _own_text_ends(clauses)
        hits_by_clause: dict[str, list[CueHit]] = defaultdict(list)
        for clause in clauses:
            end = own_ends[clause.id]
            for hit in self.find_cues(text[clause.start:end], clause.start):
                in_heading = hit.start < clause.body_start
                if hit.cue.heading_only and not in_heading:
                    continue
                hits_by_clause[clause.id].append(hit)

        tags: dict[str, list[KindTag]] = {}
        for clause in clauses:
            own_body = text[clause.body_start:own_ends[clause.id]]
            if not own_body.strip():
                tags[clause.id] = []  # a caption over sub-clauses: the children carry the substance
                continue
            defines = DEFINITION_START_RE.match(own_body.lstrip()) or (
                clause.heading is not None and DEFINITIONS_HEADING_RE.search(clause.heading)
            )
            damping = DEFINITION_DAMPING if defines else 1.0
            tags[clause.id] = self._score(hits_by_clause.get(clause.id, []), damping)
        if self.classifier is not None:
            texts = [text[c.start:own_ends[c.id]] for c in clauses]
            probabilities = self.classifier.predict_proba(texts)
            for clause, probs in zip(clauses, probabilities, strict=True):
                tags[clause.id] = fuse(tags[clause.id], probs, self.thresholds)
        return tags

    def _score(self, hits: list[CueHit], damping: float = 1.0) -> list[KindTag]:
        by_kind: dict[str, dict[str, CueHit]] = defaultdict(dict)
        for hit in hits:
            by_kind[hit.cue.kind].setdefault(hit.cue.id, hit)
        result = []
        for kind, matched in by_kind.items():
            positive = 1.0
            negative = 1.0
            used: list[CueHit] = []
            for cue_id, hit in matched.items():
                cue = hit.cue
                if cue.requires and not any(r in matched for r in cue.requires):
                    continue
                if cue.weight >= 0:
                    positive *= 1.0 - cue.weight
                    used.append(hit)
                else:
                    negative *= 1.0 + cue.weight
            confidence = round((1.0 - positive) * negative * damping, 3)
            if confidence >= self.thresholds.get(kind, DEFAULT_THRESHOLD) and used:
                used.sort(key=lambda h: (-h.cue.weight, h.start))
                result.append(
                    KindTag(
                        kind=kind,
                        confidence=confidence,
                        source="rule",
                        evidence=tuple(dict.fromkeys(h.text for h in used)),
                        pattern_ids=tuple(h.cue.id for h in used),
                    )
                )
        result.sort(key=lambda t: -t.confidence)
        return result


def _own_text_ends(clauses: Sequence[Clause]) -> dict[str, int]:
    ends = {c.id: c.end for c in clauses}
    for clause in clauses:
        if clause.parent_id is not None and clause.start < ends.get(clause.parent_id, clause.start):
            ends[clause.parent_id] = min(ends[clause.parent_id], clause.start)
    return ends


def fuse(rule_tags: list[KindTag], probabilities: Mapping[str, float], thresholds: Mapping[str, float]) -> list[KindTag]:
    """Combine rule tags with model probabilities: a kind is kept if either side is confident."""
    merged: dict[str, KindTag] = {t.kind: t for t in rule_tags}
    for kind, probability in probabilities.items():
        threshold = thresholds.get(f"model:{kind}", DEFAULT_THRESHOLD)
        rule = merged.get(kind)
        if rule is not None:
            confidence = round(max(rule.confidence, probability), 3)
            source = "both" if probability >= threshold else "rule"
            merged[kind] = KindTag(kind, confidence, source, rule.evidence, rule.pattern_ids)
        elif probability >= threshold:
            merged[kind] = KindTag(kind, round(probability, 3), "model", (f"model p={probability:.2f}",))
    return sorted(merged.values(), key=lambda t: -t.confidence)


def innermost_clause(clauses: Sequence[Clause], offset: int) -> Clause | None:
    """The deepest clause whose span holds ``offset``."""
    starts = [c.start for c in clauses]
    index = bisect.bisect_right(starts, offset) - 1
    by_id = {c.id: c for c in clauses}
    while index >= 0:
        clause = clauses[index]
        node: Clause | None = clause
        while node is not None and not (node.start <= offset < node.end):
            node = by_id.get(node.parent_id) if node.parent_id else None
        if node is not None:
            return node
        index -= 1
    return None
