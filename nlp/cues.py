"""Rule cues: spaCy Matcher / PhraseMatcher patterns per clause kind, and how their hits score.

Cue patterns are data (``rules/patterns/<kind>.yaml``, loaded by ``rules.registry``) handed in as
:class:`CuePattern` values. Every cue has an id (which appears in the evidence), a weight in
(-1, 1) and either phrases (matched on lower-cased tokens) or spaCy token patterns. A cue may
``require`` other cues of its kind in the same clause, and may apply to the clause heading only.

Scoring, per clause and kind, over the distinct cues matched in the clause's own text:
``p = 1 - prod(1 - w)`` over positive weights, then ``p *= prod(1 + w)`` over negative weights.

Speed: text is tokenised only when it holds an *anchor* word of some cue, and each token pattern
runs only when its gate (``nlp/cue_gates.py``) admits the clause: a word it requires is present
(wildcard quantifiers after common words are costly, and so is each Matcher call).
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from nlp.cue_gates import ClauseView, GateIndex, PatternGate
from nlp.document import KindTag

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


class CueMatcher:
    """All cue patterns compiled once for one pipeline's vocabulary."""

    def __init__(self, nlp: Language, cues: Sequence[CuePattern]) -> None:
        self.by_id: dict[str, CuePattern] = {}
        self._vocab = nlp.vocab
        self._phrase = PhraseMatcher(nlp.vocab, attr="LOWER", validate=True)
        self._gated: list[tuple[PatternGate, Matcher]] = []
        anchors: set[str] = set()
        for cue in cues:
            if cue.id in self.by_id:
                raise ValueError(f"duplicate cue id {cue.id!r}")
            self.by_id[cue.id] = cue
            if cue.phrases:
                self._phrase.add(cue.id, [nlp.make_doc(p) for p in cue.phrases])
            for pattern in cue.tokens:
                matcher = Matcher(nlp.vocab, validate=True)
                matcher.add(cue.id, [list(pattern)])
                self._gated.append((PatternGate.for_pattern(pattern, nlp.vocab.strings), matcher))
            anchors |= _anchor_words(cue)
        self._gate_index = GateIndex([gate for gate, _ in self._gated])
        self._scan_all = "" in anchors
        words = sorted((a for a in anchors if a), key=len, reverse=True)
        self._anchor_re = re.compile(r"(?<![a-z0-9])(?:" + "|".join(map(re.escape, words)) + ")", re.IGNORECASE)

    def needs_scan(self, text: str) -> bool:
        """Whether ``text`` holds any word some cue needs (else no cue can match: skip tokenising)."""
        return bool(text.strip()) and (self._scan_all or bool(self._anchor_re.search(text)))

    def hits(self, doc: Doc, text: str | None = None) -> list[CueHit]:
        """Cue matches in ``doc``, with offsets into ``doc.text`` (pass ``text`` when it is at hand:
        a Doc rebuilds its text from the tokens on every access)."""
        strings = self._vocab.strings
        clause = ClauseView(doc.text if text is None else text, doc)
        matches = list(self._phrase(doc))
        for index in self._gate_index.admitted(clause):  # the gates that admit the clause, in order
            matches.extend(self._gated[index][1](doc))
        out = []
        for match_id, start, end in matches:
            span = doc[start:end]
            out.append(CueHit(self.by_id[strings[match_id]], span.start_char, span.end_char, span.text))
        return out


def score_hits(hits: Sequence[CueHit], thresholds: Mapping[str, float], damping: float = 1.0) -> list[KindTag]:
    """Rule tags from cue hits: ``p = 1 - prod(1 - w)`` over positive cues, times ``prod(1 + w)`` over negative ones."""
    by_kind: dict[str, dict[str, CueHit]] = defaultdict(dict)
    for hit in hits:
        by_kind[hit.cue.kind].setdefault(hit.cue.id, hit)
    result = []
    for kind, matched in by_kind.items():
        positive = 1.0
        negative = 1.0
        used: list[CueHit] = []
        for hit in matched.values():
            cue = hit.cue
            if cue.requires and not any(r in matched for r in cue.requires):
                continue
            if cue.weight >= 0:
                positive *= 1.0 - cue.weight
                used.append(hit)
            else:
                negative *= 1.0 + cue.weight
        confidence = round((1.0 - positive) * negative * damping, 3)
        if confidence >= thresholds.get(kind, DEFAULT_THRESHOLD) and used:
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


