"""From a :class:`Contract` to a flat list of printable blocks, with clause numbers and positions.

Both renderers (PDF and DOCX) print the same blocks, so the clause numbers, captions and the
"first words after the caption" recorded in the truth are exactly what gets printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .model import Contract, Node, Piece, Table
from .numwords import alpha, roman

Seg = tuple[str, str]  # (text, format): format is "" or a combination of "b", "i", "u"


@dataclass
class Block:
    kind: str  # "para" | "table" | "pagebreak" | "signatures"
    style: str = "body"
    segs: list[Seg] = field(default_factory=list)
    track: tuple[str, ...] = ()  # ids of the clauses (and their ancestors) this block belongs to
    keep_with_next: bool = False
    table: Table | None = None
    columns: list[list[str]] | None = None  # signature columns

    @property
    def plain(self) -> str:
        return "".join(text for text, _ in self.segs)


@dataclass
class ClauseInfo:
    """Where a clause is in the block list and how it is labelled."""

    nid: str
    node: Node
    number: str | None  # normalised, as the truth records it
    printed: str | None  # the label as printed ("Section 4.01", "ARTICLE IV", "(b)")
    depth: int
    body_pos: tuple[int, int] | None = None  # (block index, character offset) where the body starts
    heading: str | None = None  # the caption with placeholders filled, as the truth records it


@dataclass
class Layout:
    contract: Contract
    blocks: list[Block]
    clauses: list[ClauseInfo]  # document order

    def starts_with(self, info: ClauseInfo, n_words: int = 8) -> str:
        """The first ``n_words`` words printed after the clause's number and caption."""
        block_index, offset = info.body_pos
        words: list[str] = []
        for block in self.blocks[block_index:]:
            if block.kind != "para":
                break
            text = block.plain[offset:]
            offset = 0
            words.extend(text.split())
            if len(words) >= n_words:
                break
        if len(words) < 5:
            raise ValueError(f"{self.contract.stem}: clause {info.number!r} has too few words before a break")
        return " ".join(words[:n_words])


    def ends_with(self, info: ClauseInfo, n_words: int = 6) -> str | None:
        """The last words of the clause (its own text or its last sub-clause's), if it ends in a paragraph."""
        last = None
        for block in self.blocks:
            if info.nid in block.track:
                last = block
        if last is None or last.kind != "para":
            return None
        return " ".join(last.plain.split()[-n_words:])


_PLACEHOLDER = re.compile(r"\{(\w+)(?::([\w.\-]+))?\}")
_BOLD = re.compile(r"\*\*(.+?)\*\*")


def fill(text: str, ctx: dict, refs: dict[str, str]) -> str:
    def sub(match: re.Match) -> str:
        name, arg = match.group(1), match.group(2)
        if name == "ref":
            if arg not in refs:
                raise KeyError(f"unknown cross-reference {arg!r}")
            return refs[arg]
        if name not in ctx:
            raise KeyError(f"unknown placeholder {name!r} in {text[:60]!r}")
        return str(ctx[name])

    return _PLACEHOLDER.sub(sub, text)


def segments(text: str, base: str = "") -> list[Seg]:
    """Split ``**bold**`` markup into segments."""
    out: list[Seg] = []
    pos = 0
    for match in _BOLD.finditer(text):
        if match.start() > pos:
            out.append((text[pos : match.start()], base))
        out.append((match.group(1), base + "b"))
        pos = match.end()
    if pos < len(text):
        out.append((text[pos:], base))
    return out


def _caption(heading: str) -> str:
    return heading if heading.endswith((".", "?", ":")) else heading + "."


class _Numberer:
    """Labels for each depth in each numbering style."""

    def __init__(self, style: str):
        self.style = style

    def label(self, path: tuple[int, ...]) -> tuple[str | None, str | None, str | None]:
        """(printed label, normalised number, cross-reference text) for a clause at ``path``."""
        s = self.style
        depth = len(path)
        if s == "prose":
            return None, None, None
        top = path[0]
        if depth == 1:
            if s == "article":
                return f"ARTICLE {roman(top)}", f"Article {roman(top)}", f"Article {roman(top)}"
            if s == "decimal":
                return f"{top}.", str(top), f"Section {top}"
            if s == "section":
                return f"SECTION {top}.", str(top), f"Section {top}"
            if s == "sign":
                return f"§ {top}", str(top), f"§ {top}"
        second = f"{top}.{path[1]:02d}" if s == "article" else f"{top}.{path[1]}"
        if depth == 2:
            printed = {"article": f"Section {second}", "decimal": second, "section": f"Section {second}",
                       "sign": f"§ {second}"}[s]
            return printed, second, ("§ " if s == "sign" else "Section ") + second
        if s == "decimal":
            third = f"{second}.{path[2]}"
            if depth == 3:
                return third, third, f"Section {third}"
            number = f"{third}({alpha(path[3])})"
            return f"({alpha(path[3])})", number, f"Section {number}"
        number = f"{second}({alpha(path[2])})"
        printed = f"({alpha(path[2])})"
        if depth == 4:
            number += f"({roman(path[3]).lower()})"
            printed = f"({roman(path[3]).lower()})"
        prefix = "§ " if s == "sign" else "Section "
        return printed, number, prefix + number


def exhibit_label(contract: Contract, index: int) -> str:
    if contract.exhibit_word == "Schedule":
        return f"Schedule {index}"
    return f"{contract.exhibit_word} {alpha(index).upper()}"


def build(contract: Contract) -> Layout:
    numberer = _Numberer(contract.style)
    clauses: list[ClauseInfo] = []
    by_node: dict[int, ClauseInfo] = {}
    refs: dict[str, str] = {}
    counter = iter(range(10_000))

    ctx = dict(contract.ctx)

    def register(node: Node, path: tuple[int, ...]) -> None:
        printed, number, xref = numberer.label(path)
        info = ClauseInfo(f"c{next(counter)}", node, number, printed, len(path))
        if node.heading is not None:
            heading = fill(node.heading, ctx, {})
            upper = len(path) == 1 and contract.style in ("article", "decimal", "section")
            info.heading = heading.upper() if upper else heading
        clauses.append(info)
        by_node[id(node)] = info
        if node.key:
            refs[node.key] = xref if xref else f"the section titled “{info.heading}”"
        if contract.style != "prose":
            for i, child in enumerate(node.children, 1):
                register(child, path + (i,))

    for i, top in enumerate(contract.body, 1):
        register(top, (i,))
    for i, exhibit in enumerate(contract.exhibits, 1):
        label = exhibit_label(contract, i)
        info = ClauseInfo(f"c{next(counter)}", exhibit, label, label.upper(), 1)
        info.heading = fill(exhibit.heading, ctx, {})
        clauses.append(info)
        by_node[id(exhibit)] = info
        if exhibit.key:
            refs[exhibit.key] = label

    blocks: list[Block] = []

    def add(block: Block) -> int:
        blocks.append(block)
        return len(blocks) - 1

    def para(piece: Piece, style: str, track, lead: list[Seg] | None = None) -> int:
        segs = list(lead or []) + segments(fill(piece.text, ctx, refs))
        return add(Block("para", style, segs, track))

    def emit_body(node: Node, style: str, track, info: ClauseInfo | None, lead: list[Seg] | None) -> None:
        """The node's own paragraphs and tables; the first paragraph carries the run-in caption."""
        first = True
        for item in node.body:
            if isinstance(item, Table):
                if first and lead:
                    index = add(Block("para", style, list(lead), track, keep_with_next=True))
                    if info:
                        info.body_pos = (index + 1, 0)
                    first = False
                add(Block("table", style, [], track + (f"t{len(blocks)}",), table=item))
                continue
            index = para(item, style, track, lead if first else None)
            if first and info is not None and info.body_pos is None:
                info.body_pos = (index, sum(len(t) for t, _ in (lead or [])))
            first = False
        if first and lead:  # caption only: the body starts with the next block
            index = add(Block("para", style, list(lead), track, keep_with_next=True))
            if info:
                info.body_pos = (index + 1, 0)

    def emit(node: Node, track: tuple[str, ...], depth: int) -> None:
        info = by_node.get(id(node))
        if info is not None:
            track = track + (info.nid,)
        if contract.style == "prose":
            if depth == 1:
                add(Block("para", "prose_head", [(info.heading, "b")], track, keep_with_next=True))
                info.body_pos = (len(blocks), 0)
            emit_body(node, "body", track, None, None)
            for child in node.children:
                emit(child, track, depth + 1)
            return
        if depth == 1:
            if contract.style == "article":
                add(Block("para", "art_num", [(info.printed, "b")], track, keep_with_next=True))
                add(Block("para", "art_head", [(info.heading, "b")], track, keep_with_next=True))
            else:
                text = f"{info.printed} {info.heading}"
                add(Block("para", "h1", [(text, "b")], track, keep_with_next=True))
            info.body_pos = (len(blocks), 0)
            emit_body(node, "body", track, None, None)
        else:
            style = {2: "body", 3: "item1", 4: "item2"}[depth]
            lead: list[Seg] = [(info.printed + " ", "b" if depth == 2 else "")]
            if info.heading:
                fmt = ("b" if contract.run_in == "bold" else "u") if depth == 2 else "i"
                lead.append((_caption(info.heading), fmt))
                lead.append((" ", ""))
            emit_body(node, style, track, info, lead)
        for child in node.children:
            emit(child, track, depth + 1)

    for line in contract.title:
        add(Block("para", "title", [(line, "b")]))
    for piece in contract.front:
        para(piece, "front", ())
    for top in contract.body:
        emit(top, (), 1)
    if contract.signature_new_page:
        add(Block("para", "front", [("[Signature page follows.]", "i")]))
        add(Block("pagebreak"))
    for piece in contract.closing:
        para(piece, "front", ())
    add(Block("signatures", columns=contract.signatures))
    for exhibit in contract.exhibits:
        info = by_node[id(exhibit)]
        track = (info.nid,)
        add(Block("pagebreak"))
        add(Block("para", "art_num", [(info.printed, "b")], track, keep_with_next=True))
        add(Block("para", "art_head", [(info.heading, "b")], track, keep_with_next=True))
        info.body_pos = (len(blocks), 0)
        emit_body(exhibit, "body", track, None, None)
        for child in exhibit.children:
            raise ValueError("exhibits have no numbered sub-clauses in this generator")
    return Layout(contract, blocks, clauses)
