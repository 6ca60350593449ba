"""Helpers shared by the contract definitions."""

from __future__ import annotations

from ..model import N, P


def make_ctx(E: str, Eshort: str, P: str = "Physician", Pshort: str | None = None, **values) -> dict:
    """Placeholder values: ``E``/``E_`` (sentence start), ``P``/``P_``, the defined short names, and more."""
    ctx = {
        "E": E, "E_": E[0].upper() + E[1:], "Eshort": Eshort,
        "P": P, "P_": P[0].upper() + P[1:], "Pshort": Pshort or P,
    }
    ctx.update(values)
    return ctx


def signatures(employer_upper: str, signer: str, title: str, physician: str, npi: str,
               physician_label: str = "PHYSICIAN") -> list[list[str]]:
    return [
        [employer_upper, "", "By: ______________________________", f"Name: {signer}", f"Title: {title}",
         "Date: ____________________"],
        [physician_label, "", "______________________________", f"{physician}", f"NPI: {npi}",
         "Date: ____________________"],
    ]


def witness(v: int = 0) -> list:
    if v == 0:
        return [P("IN WITNESS WHEREOF, the parties have executed this Agreement as of the Effective Date.")]
    return [P("The parties have signed this Agreement, intending to be legally bound, on the dates written "
              "below their signatures.")]


def definitions_section(intro: str, defs: list, heading: str = "Definitions", numbered_kids: bool = False,
                        key: str | None = None):
    """A definitions clause: each definition a paragraph, or (numbered_kids) a numbered sub-clause."""
    pieces = [P(d) if isinstance(d, str) else d for d in definitions]
    if numbered_kids:
        return N(heading, intro, kids=[N(None, p) for p in pieces], key=key)
    return N(heading, intro, *pieces, key=key)


def defs(*keys: str, extra=()) -> list:
    """Definitions by key (boilerplate.DEFS) plus extra pieces, in alphabetical order of the defined term."""
    from ..wording import boilerplate as bp

    pieces = [P(bp.definition(k)) for k in keys] + list(extra)
    return sorted(pieces, key=lambda p: p.text.lstrip("“*").lower())
