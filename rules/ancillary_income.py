"""Ancillary and outside income: excluded, reserved to partners, or handed to the employer."""

from __future__ import annotations

from rules.base import RuleContext

KIND = "ancillary_income"
_ANCILLARY = (
    r"ancillar|designated health|surgery center|surgical center|\basc\b|imaging|laborator|\blab\b|infusion|physical therapy|"
    r"technical (?:component|fee)|facility fee|radiology|pathology|\bdme\b|pharmacy|diagnostic"
)
_EXCLUDED = (
    r"(?:shall|will|does|do|is|are)\s+not\s+(?:be\s+)?(?:includ|count|credit|shar|receive|participat|entitl|eligib|consider)|"
    r"exclud|exclusive of|solely (?:on|from|upon)|only (?:on|from|upon)[^.;]{0,40}personally performed|no (?:share|interest|portion|right|part)|"
    r"not (?:be )?(?:taken into account|credited)"
)
_OWNERS = r"(?:partners|shareholders|owners|members|physician[- ]owners|equity (?:holders|partners)|investors)"
_PARTNERS_ONLY = (
    rf"(?:only|solely|exclusively)\s+(?:to|among|by|for|between|with)\W+(?:the\s+)?(?:\w+\s+){{0,2}}{_OWNERS}|"
    rf"{_OWNERS}\s+only|reserved (?:to|for)\W+[^.;]{{0,40}}{_OWNERS}|(?:belongs?|payable|distributed|allocated) (?:solely |only |exclusively )?to the {_OWNERS}"
)
_OUTSIDE = (
    r"expert witness|medic(?:al)?[- ]?legal|moonlight|honorari|outside (?:professional )?(?:activit|employment|income|practice)|"
    r"speaking|lectur|royalt|consulting fees|locum"
)
_ASSIGNED = (
    r"assign|remit|turn(?:ed)? over|pay(?:able)? over|deliver|belong|property of|deemed (?:the )?(?:property|revenue|income) of|"
    r"(?:paid|payable) (?:directly )?to (?:the\s+)?(?:employer|practice|group|hospital|company)|revenue of (?:the\s+)?(?:employer|practice|group)"
)
_PHYSICIAN_KEEPS = r"(?:physician|doctor|employee|you)\s+(?:may|shall be entitled to|will be entitled to)\s+(?:retain|keep)"


def evaluate(ctx: RuleContext) -> None:
    clauses = ctx.clauses()
    for clause in clauses:
        # The reservation often points back ("All of that revenue is reserved to the partners").
        if ctx.sentence_matching(clause, _ANCILLARY):
            quote = ctx.sentence_matching(clause, _PARTNERS_ONLY)
            if quote:
                ctx.add("ancillary_income.partners_only", "high", clause, quote)
                break
    for clause in clauses:
        quote = ctx.sentence_matching(clause, [_ANCILLARY, _EXCLUDED])
        if quote:
            ctx.add("ancillary_income.excluded", "medium", clause, quote)
            break
    for clause in clauses:
        quote = ctx.sentence_matching(clause, [_OUTSIDE, _ASSIGNED])
        if quote and not ctx.sentence_matching(clause, _PHYSICIAN_KEEPS):
            ctx.add("ancillary_income.outside_income_assigned", "high", clause, quote)
            break
