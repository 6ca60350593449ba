"""Document -> clauses, following the contract's own numbering and headings.

Each line of ``Document.text`` is a paragraph (extraction re-joined wrapped lines). A line starts a
clause when it begins with an enumerator the contract uses:

    ARTICLE IV / Article 4          -> "Article IV"            (top level)
    EXHIBIT A / Schedule 1          -> "Exhibit A"             (top level; numbering inside restarts)
    Section 7.2 / Sec. 7.2 / § 7.2  -> "7.2"
    7. / 7) / 7.2 / 7.2.1.          -> "7", "7.2", "7.2.1"
    (a) / a)  (iii)  (3)  (A)       -> "7.2(a)", "7.2(a)(iii)": the parent's number plus the label
    a short Title-Case or CAPS line with no number -> a headed clause (offer-letter style)

Nesting is decided by a stack: a decimal number closes open clauses of the same or deeper depth;
a parenthesised label closes open clauses of the same label style deeper than its parent; an
Article, Exhibit or unnumbered heading closes everything below the top level of its kind. "(i)" is
a letter when it follows "(h)" and a roman numeral otherwise (likewise "(v)", "(x)").

A clause's ``[start, end)`` covers its own text and its children's; ``body_start`` is where its text
begins after the number and heading. The caption is taken from the same line ("7.2 Covenant Not to
Compete. During ...") or from a short line right after a bare number ("ARTICLE IV" / "COMPENSATION").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from nlp.document import Clause, Document
from nlp.enumerators import CLOSING_RE, Marker, read_marker

_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’&-]*")
_SMALL_WORDS = frozenset(
    "a an and as at by for from in of on or the to with without not upon under into per vs via".split()
)
_NOT_HEADINGS = re.compile(
    r"^(?:by|name|title|date|its|address|attn|attention|telephone|phone|fax|email|e-mail|npi|dea|"
    r"signature|witness|print(?:ed)? name)\b\s*:?",
    re.IGNORECASE,
)
def _looks_like_heading(line: str) -> bool:
    """A short caption line: Title Case or CAPS, few words, no closing sentence punctuation."""
    text = line.strip()
    if not text or len(text) > 90 or "|" in text or text[-1] in ".,;" or not text[0].isupper():
        return False
    if _NOT_HEADINGS.match(text):
        return False
    words = _WORD_RE.findall(text)
    if not words or len(words) > 10:
        return False
    letters = [c for c in text if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) / len(letters) > 0.8:
        return True
    significant = [w for w in words if w.lower() not in _SMALL_WORDS]
    return bool(significant) and all(w[0].isupper() for w in significant)


_CAPTION_RE = re.compile(
    r"^\s*[-–—:.]?\s*(?P<caption>[A-Z“\"][^.:\n]{1,80}?)\s*(?:[.:]\s+|[-–—]\s+|[.:]$|$)"
)


def _split_caption(rest: str) -> tuple[str | None, int]:
    """The caption at the start of ``rest`` ("Covenant Not to Compete. During ...") and its length."""
    match = _CAPTION_RE.match(rest)
    if not match:
        return None, 0
    caption = match.group("caption").strip().strip("“”\"")
    body = rest[match.end():]
    # A caption is short Title Case / CAPS, followed by a body or the end of the line.
    if not _looks_like_heading(caption) or len(caption.split()) > 10:
        return None, 0
    if body and not match.group(0).rstrip().endswith((".", ":", "-", "–", "—")) and body[:1].islower():
        return None, 0
    return caption, match.end()


@dataclass
class _Open:
    """A clause being built while segmenting."""

    index: int
    marker: Marker
    number: str | None
    heading: str | None
    start: int
    body_start: int
    parent: _Open | None
    level: int
    children: list[_Open] = field(default_factory=list)
    end: int = 0


_TOP_STYLES = ("attachment", "article", "heading")


def _lines(text: str) -> Iterator[tuple[int, str]]:
    offset = 0
    for line in text.split("\n"):
        yield offset, line
        offset += len(line) + 1


def _close_until(stack: list[_Open], marker: Marker) -> None:
    """Pop the stack until the top may be the parent of a clause with ``marker``."""
    style = marker.style
    if style == "closing":
        stack.clear()
        return
    while stack:
        top = stack[-1]
        top_style = top.marker.style
        if style == "attachment":
            stack.pop()
            continue
        if style == "article":
            if top_style in ("attachment",):
                return
            stack.pop()
            continue
        if style == "heading":
            if top_style in ("attachment", "article"):
                return
            stack.pop()
            continue
        if style == "decimal":
            if top_style == "decimal" and top.marker.depth >= marker.depth:
                stack.pop()
                continue
            if top_style.startswith(("paren", "dot")):
                stack.pop()
                continue
            if top_style == "decimal" and top.marker.depth < marker.depth:
                prefix = top.marker.label.split("(")[0]
                if not marker.label.startswith(prefix + "."):
                    stack.pop()  # "8.1" does not belong under "7"
                    continue
            return
        # parenthesised and dotted labels: close siblings of the same style and anything deeper
        same_style_at = next(
            (i for i in range(len(stack) - 1, -1, -1) if stack[i].marker.style == style), None
        )
        if same_style_at is not None and all(
            s.marker.style.startswith(("paren", "dot")) for s in stack[same_style_at:]
        ):
            del stack[same_style_at:]
        return


def _full_number(marker: Marker, parent: _Open | None) -> str | None:
    if marker.style.startswith(("paren", "dot")):
        base = parent.number if parent is not None and parent.number else None
        if base and not base.startswith(("Article", "Exhibit", "Schedule", "Appendix", "Attachment", "Addendum")):
            return f"{base}({marker.label})"
        return f"({marker.label})"
    return marker.number


def segment(document: Document) -> list[Clause]:
    """Split the document into clauses (document order; parents before their children)."""
    text = document.text
    opened: list[_Open] = []
    stack: list[_Open] = []
    lines = list(_lines(text))
    pending_caption_for: _Open | None = None
    in_closing = False

    for index, (offset, line) in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        lead = len(line) - len(line.lstrip())
        # A caption on the line after a bare number ("ARTICLE IV" / "COMPENSATION").
        if pending_caption_for is not None:
            owner = pending_caption_for
            pending_caption_for = None
            if _looks_like_heading(stripped) and read_marker(stripped, _open_letter(stack)) is None:
                owner.heading = stripped
                owner.body_start = offset + len(line)
                while owner.body_start < len(text) and text[owner.body_start].isspace():
                    owner.body_start += 1
                continue
        if CLOSING_RE.match(stripped) and not in_closing:
            marker = Marker("closing", "", None, 0)
            in_closing = True
        else:
            marker = read_marker(stripped, _open_letter(stack))
            if marker is None and not in_closing and _is_heading_line(lines, index):
                marker = Marker("heading", stripped, None, len(stripped))
            if in_closing and marker is not None and marker.style not in ("attachment", "article"):
                marker = None  # inside the signature block only an exhibit restarts the structure
            elif marker is not None and marker.style in ("attachment", "article"):
                in_closing = False
        if marker is None:
            continue
        _close_until(stack, marker)
        parent = stack[-1] if stack else None
        number = _full_number(marker, parent)
        rest = stripped[marker.end:]
        if marker.style == "closing":
            heading, body_offset = None, 0
        elif marker.style == "heading":
            heading, body_offset = stripped, len(stripped)
        else:
            heading, caption_len = _split_caption(rest)
            body_offset = marker.end + caption_len if heading else marker.end
        body_start = offset + lead + body_offset
        while body_start < len(text) and text[body_start].isspace():
            body_start += 1
        clause = _Open(
            index=len(opened),
            marker=marker,
            number=number,
            heading=heading,
            start=offset + lead,
            body_start=body_start,
            parent=parent,
            level=(parent.level + 1) if parent else 0,
        )
        if parent is not None:
            parent.children.append(clause)
        opened.append(clause)
        stack.append(clause)
        if marker.style in ("article", "attachment", "decimal") and not rest.strip():
            pending_caption_for = clause

    return _finish(document, opened)


def _open_letter(stack: list[_Open]) -> str | None:
    return next((s.marker.label for s in reversed(stack) if s.marker.style == "paren-lower"), None)


def _is_heading_line(lines: list[tuple[int, str]], index: int) -> bool:
    """An unnumbered caption line followed by body text."""
    line = lines[index][1].strip()
    if not _looks_like_heading(line):
        return False
    # Walks forward from ``index`` without copying the rest of the list (a copy per line was quadratic).
    return any(lines[later][1].strip() for later in range(index + 1, len(lines)))


def _finish(document: Document, opened: list[_Open]) -> list[Clause]:
    text = document.text
    first_start = opened[0].start if opened else len(text)
    clauses: list[Clause] = []
    preamble_end = _rstrip_end(text, 0, first_start)
    if preamble_end > 0 and text[:preamble_end].strip():
        clauses.append(_make_clause(document, "c0", None, None, 0, None, 0, preamble_end, 0))

    # Each clause ends where the next clause that is not its descendant starts.
    ends: dict[int, int] = {}
    for position, clause in enumerate(opened):
        end = len(text)
        for later_position in range(position + 1, len(opened)):  # no copy of the tail per clause
            later = opened[later_position]
            if not _is_descendant(later, clause):
                end = later.start
                break
        ends[clause.index] = _rstrip_end(text, clause.start, end)

    for clause in opened:
        parent_id = f"c{clause.parent.index + 1}" if clause.parent else None
        clauses.append(
            _make_clause(
                document,
                f"c{clause.index + 1}",
                clause.number,
                clause.heading,
                clause.level,
                parent_id,
                clause.start,
                ends[clause.index],
                min(clause.body_start, ends[clause.index]),
            )
        )
    return clauses


def _is_descendant(candidate: _Open, ancestor: _Open) -> bool:
    node = candidate.parent
    while node is not None:
        if node is ancestor:
            return True
        node = node.parent
    return False


def _rstrip_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _make_clause(
    document: Document,
    clause_id: str,
    number: str | None,
    heading: str | None,
    level: int,
    parent_id: str | None,
    start: int,
    end: int,
    body_start: int,
) -> Clause:
    return Clause(
        id=clause_id,
        number=number,
        heading=heading,
        level=level,
        parent_id=parent_id,
        start=start,
        end=end,
        body_start=body_start,
        page_start=document.page_at(start),
        page_end=document.page_at(max(start, end - 1)),
        text=document.text[start:end],
    )


def own_text_ends(clauses: Sequence[Clause]) -> dict[str, int]:
    """Where each clause's own text stops: at its first child, or at its end."""
    ends = {c.id: c.end for c in clauses}
    for clause in clauses:
        if clause.parent_id is not None and clause.start < ends.get(clause.parent_id, clause.start):
            ends[clause.parent_id] = min(ends[clause.parent_id], clause.start)
    return ends
