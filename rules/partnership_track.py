"""Partnership track: a date, objective criteria, and a stated buy-in."""

from __future__ import annotations

from rules.base import RuleContext

KIND = "partnership_track"
_DISCRETION = (
    r"(?:sole|absolute|complete|unfettered|exclusive)(?: and (?:absolute|sole|unfettered))? discretion|in (?:its|their) discretion|"
    r"as (?:the )?(?:partners|shareholders|members|board|owners)[^.;]{0,20}(?:may|shall) (?:determine|decide)|"
    r"(?:majority|unanimous|affirmative|two-thirds|supermajority)[^.;]{0,20}vote|vote of[^.;]{0,30}(?:partners|shareholders|members|board|owners)|"
    r"approval of[^.;]{0,30}(?:partners|shareholders|members|board|owners)|mutual(?:ly)? (?:fit|acceptab|agree)|no (?:guarantee|assurance|promise)"
)
_BUY_IN_DEFINED = (
    r"book value|fair market value|formula|appraised|appraisal|multiple of|equal to[^.;]{0,60}(?:percent|%|share)|"
    r"pro rata (?:share|portion|interest) of"
)
_BUY_IN_OPEN = (
    r"to be determined|determined (?:at|by)[^.;]{0,40}(?:that|the) time|as (?:the )?(?:partners|shareholders|board|members) "
    r"(?:shall|may) (?:determine|decide|set)|to be (?:agreed|negotiated|set)|will be (?:agreed|negotiated|determined)"
)


_ANCILLARY_ASSETS = (
    r"surgery cent|surgical cent|\basc\b|ancillar|real estate|real property|building|imaging|laborator|\blab\b|"
    r"infusion|lithotripsy|radiation|pathology|physical therapy"
)
_NOT_INCLUDED = (
    r"not (?:be )?includ|exclud|separate(?:ly)?|does not (?:include|carry|give|entitle)|shall not (?:include|carry|entitle)|"
    r"no (?:interest|share|right|ownership)|exclusive of|other than|not part of"
)
_CRITERIA = (
    r"criteri|standard|requirement|conditions? (?:of|for)|board[- ]certif|production|w?rvu|collections|"
    r"years? of (?:service|employment)|quality|satisfactory|perform"
)


def evaluate(ctx: RuleContext) -> None:
    clauses = ctx.clauses()
    if not clauses:
        return
    findings = ctx.findings
    first = clauses[0]
    if not findings.terms_named("partnership_track.years_to_eligibility"):
        quote = ctx.sentence_matching(first, r"partner|shareholder|owner|member|equity")
        ctx.add("partnership_track.no_timeline", "high", first, quote)

    for clause in clauses:
        quote = ctx.sentence_matching(clause, _DISCRETION)
        if quote:
            ctx.add("partnership_track.sole_discretion", "high", clause, quote)
            break

    if not findings.terms_named("partnership_track.buy_in_usd"):
        defined = any(ctx.sentence_matching(c, _BUY_IN_DEFINED) for c in clauses)
        open_quote = next((q for c in clauses if (q := ctx.sentence_matching(c, _BUY_IN_OPEN))), None)
        if open_quote or not defined:
            clause = next((c for c in clauses if open_quote and c.start <= open_quote[0] < c.end), first)
            ctx.add("partnership_track.buy_in_undefined", "medium", clause, open_quote)

    excluded = ctx.first_sentence_matching(clauses, [_ANCILLARY_ASSETS, _NOT_INCLUDED])
    if excluded:
        ctx.add("partnership_track.ancillaries_excluded", "medium", *excluded)
    if not any(ctx.sentence_matching(c, _CRITERIA) for c in clauses) and not any(
        f.id == "partnership_track.sole_discretion" for f in ctx.flags
    ):
        ctx.add("partnership_track.no_criteria", "medium", first, ctx.sentence_matching(first, r"partner|shareholder|owner|member"))
