"""The contract model: paragraphs that carry their own ground truth, arranged in a clause tree.

Every paragraph of clause wording is a :class:`Piece`. A piece knows which clause kinds its text
states, which contract terms (report-schema name and canonical value) it states, and which flags of
``docs/flags.md`` it triggers by itself. The truth file is computed from these pieces, so the printed
text and the truth cannot drift apart.

Text may contain placeholders, filled when the contract is laid out:

- ``{E}`` / ``{E_}``: the employer's short name ("the Group" / "The Group" at a sentence start);
- ``{P}`` / ``{P_}``: the physician's short name ("Physician");
- any other key of ``Contract.ctx`` (``{spec}``, ``{site}``, ...);
- ``{ref:key}``: a cross-reference to the clause whose ``key`` is ``key``, printed in the contract's
  numbering style ("Section 9.2(b)", "§ 9.2", "Article IV", "Exhibit A").

``**bold**`` marks bold words inside a paragraph (defined terms).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union

Value = Union[int, float, str]


@dataclass(frozen=True)
class Piece:
    """One paragraph of wording and what it states."""

    text: str
    kinds: tuple[str, ...] = ()
    terms: tuple[tuple[str, Value], ...] = ()
    flags: tuple[str, ...] = ()  # flags this wording triggers by itself (ids of docs/flags.md)
    facts: tuple[tuple[str, Value], ...] = ()  # inputs for flags computed across the contract


@dataclass(frozen=True)
class Table:
    """A table inside a clause or exhibit; ``rows[0]`` is the header row."""

    rows: tuple[tuple[str, ...], ...]
    col_widths: tuple[float, ...]  # fractions of the text width
    ruled: bool = True  # True: a GRID table; False: plain text columns, no rules
    kinds: tuple[str, ...] = ()
    terms: tuple[tuple[str, Value], ...] = ()
    flags: tuple[str, ...] = ()
    facts: tuple[tuple[str, Value], ...] = ()
    expect_split: bool = False  # the generator fails unless the table crosses a page break


Body = Union[Piece, Table]


@dataclass
class Node:
    """A numbered (or, in a letter, headed) clause with its own paragraphs and its sub-clauses."""

    heading: str | None
    body: list[Body] = field(default_factory=list)
    children: list["Node"] = field(default_factory=list)
    key: str | None = None  # target of {ref:key}

    @property
    def kinds(self) -> tuple[str, ...]:
        out: list[str] = []
        for item in self.body:
            for kind in item.kinds:
                if kind not in out:
                    out.append(kind)
        return tuple(out)

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


def P(text: str, *kinds: str, terms=(), flags=(), facts=()) -> Piece:
    """Shorthand: ``P("text", "non_compete", terms=[("non_compete.radius_miles", 25)])``."""
    return Piece(text, tuple(kinds), tuple(terms), tuple(flags), tuple(facts))


def N(heading: str | None, *body: Body | str | list, kids=(), key: str | None = None) -> Node:
    """Shorthand for a clause: strings become plain pieces, lists are flattened."""
    flat: list[Body] = []
    for item in body:
        if isinstance(item, list | tuple):
            flat.extend(P(x) if isinstance(x, str) else x for x in item)
        elif isinstance(item, str):
            flat.append(P(item))
        else:
            flat.append(item)
    return Node(heading, flat, list(kids), key)


@dataclass
class Contract:
    """One sample contract: its layout choices, its clause tree and its context."""

    stem: str
    fmt: str  # "pdf" | "docx"
    style: str  # "article" | "decimal" | "section" | "sign" | "prose"
    description: str
    context: dict  # specialty / state / setting, copied to the truth file
    ctx: dict  # placeholder values
    title: list[str]  # title lines printed on page 1
    header: str  # running header text
    footer: str  # "page_of" | "dash" | "plain" | "initials" | "page"
    front: list[Piece]  # unnumbered opening text (parties, recitals, or the letter's salutation)
    body: list[Node]
    closing: list[Piece]  # unnumbered text before the signatures
    signatures: list[list[str]]  # one column of lines per signing party
    exhibits: list[Node] = field(default_factory=list)
    exhibit_word: str = "Exhibit"  # "Exhibit" -> A, B, ...; "Schedule" -> 1, 2, ...
    font: str = "Times-Roman"
    font_size: float = 10.5
    leading: float = 13.4
    justify: bool = True
    run_in: str = "bold"  # how second-level captions print: "bold" | "underline"
    signature_new_page: bool = False
    header_right: str | None = None  # optional text at the right of the header line
    footer_left: str | None = None  # optional form number at the left of the footer
    #: names that look like a cue of an absent kind but are not (e.g. "Prairie Health Partners")
    lint_allow: list[str] = field(default_factory=list)

    def nodes(self):
        for top in self.body:
            yield from top.walk()
        for exhibit in self.exhibits:
            yield from exhibit.walk()
