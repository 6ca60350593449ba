"""Report schema v1: the public JSON shape of an analysis (CLI ``--format json`` and the API).

Stable interface: names and meanings never change; fields are only ever added. The JSON Schema in
``docs/report.schema.json`` is generated from these models (``contract-risk schema``) and a test
keeps the two in step.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1"

ClauseKind = Literal[
    "non_compete",
    "non_solicitation",
    "partnership_track",
    "rvu_compensation",
    "call_compensation",
    "ancillary_income",
    "tail_coverage",
    "termination_without_cause",
    "liquidated_damages",
    "repayment_clawback",
    "base_compensation",
]
TermName = Literal[
    "non_compete.radius_miles",
    "non_compete.duration_months",
    "non_compete.scope",
    "non_compete.buyout_usd",
    "partnership_track.years_to_eligibility",
    "partnership_track.buy_in_usd",
    "rvu_compensation.conversion_factor_usd",
    "rvu_compensation.wrvu_threshold",
    "call_compensation.frequency_one_in",
    "call_compensation.per_diem_usd",
    "tail_coverage.payer",
    "termination_without_cause.notice_days",
    "liquidated_damages.amount_usd",
    "repayment_clawback.amount_usd",
    "base_compensation.base_salary_usd",
    "base_compensation.sign_on_bonus_usd",
]
Severity = Literal["high", "medium", "low", "info"]
SEVERITY_ORDER: dict[str, int] = {"high": 0, "medium": 1, "low": 2, "info": 3}


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DocumentOut(_Out):
    filename: str = Field(description="file name as uploaded (no path)")
    sha256: str = Field(description="SHA-256 of the file bytes, hex")
    pages: int = Field(ge=0)
    characters: int = Field(ge=0, description="length of the extracted text that all offsets refer to")
    warnings: list[str] = Field(description="problems that did not stop the analysis, in plain words")
    media_type: Literal["pdf", "docx", "txt"] = Field(description="what the bytes were sniffed to be (added in v1)")


class KindOut(_Out):
    kind: ClauseKind
    confidence: float = Field(ge=0.0, le=1.0)
    source: Literal["rule", "model", "both"]
    evidence: list[str] = Field(description="the words that matched, as written")


class ClauseOut(_Out):
    id: str
    number: str | None = Field(description='label as the contract writes it: "7.2", "7.2(b)", "Article IV", "Exhibit A"')
    heading: str | None
    page_start: int = Field(ge=1)
    page_end: int = Field(ge=1)
    start: int = Field(ge=0, description="[start, end) character offsets into the extracted text")
    end: int = Field(ge=0)
    text: str
    kinds: list[KindOut]
    parent_id: str | None = Field(default=None, description="the enclosing clause (added in v1)")


class TermOut(_Out):
    name: TermName
    value: float | str = Field(description="canonical unit: miles, months, days, USD, wRVU/year, N; or a label")
    unit: str | None
    text: str = Field(description="the words the value was read from")
    clause_id: str
    page: int = Field(ge=1)


class FlagOut(_Out):
    id: str = Field(description="stable flag id, '<kind>.<what>' (docs/flags.md)")
    kind: ClauseKind
    severity: Severity
    title: str
    explanation: str = Field(description="why it matters")
    question: str = Field(description="what to ask the employer or a lawyer")
    clause_id: str | None = Field(description="null when the flag is about something missing")
    page: int | None
    quote: str | None = Field(description="the contract's words the flag is about (exact text)")
    benchmark: str | None = Field(description="what the term was held against, with its source")
    quote_start: int | None = Field(default=None, description="offset of the quote in the text (added in v1)")
    quote_end: int | None = Field(default=None)
    category: Literal["legal", "financial"] = Field(default="legal", description="which risk score it counts towards (added in v1)")
    suggested_ask: str | None = Field(default=None, description="a concrete negotiation ask (added in v1)")


class SummaryOut(_Out):
    risk_score: int = Field(ge=0, le=100, description="min(100, 25 x high + 10 x medium + 3 x low), over all flags")
    counts_by_severity: dict[Severity, int]
    kinds_found: list[ClauseKind]
    kinds_missing: list[ClauseKind]
    legal_risk_score: int = Field(default=0, ge=0, le=100, description="the same formula over legal flags (added in v1)")
    financial_risk_score: int = Field(default=0, ge=0, le=100, description="the same formula over financial flags (added in v1)")


class ContextOut(_Out):
    """What the rules assumed about the reader (added in v1)."""

    specialty: str | None = Field(description="benchmark key, e.g. family_medicine")
    specialty_name: str | None
    state: str | None = Field(description="two-letter code of the state whose law was applied")
    state_name: str | None
    setting: Literal["employed", "private_group", "academic"] | None
    contract_date: str = Field(description="ISO date used for state-law effective dates")
    governing_law_state: str | None
    origins: dict[str, Literal["given", "inferred", "assumed"]] = Field(description="per field: given by you, read from the contract, or assumed")
    notes: list[str]


class ProjectionRow(_Out):
    label: str = Field(description='"25th percentile (reported)", "your level", ...')
    wrvus: float
    base_usd: float
    productivity_usd: float
    total_usd: float


class ProjectionOut(_Out):
    """First-year pay at several production levels, from the contract's own terms (added in v1)."""

    model: str = Field(description="how pay was computed from the contract's terms")
    base_salary_usd: float | None
    threshold_wrvu: float | None
    conversion_factors_usd: list[float]
    rows: list[ProjectionRow]
    notes: list[str]


class Report(_Out):
    """One contract's analysis."""

    schema_version: Literal["1"] = SCHEMA_VERSION
    document: DocumentOut
    clauses: list[ClauseOut]
    terms: list[TermOut]
    flags: list[FlagOut]
    summary: SummaryOut
    context: ContextOut | None = Field(default=None, description="added in v1")
    projection: ProjectionOut | None = Field(default=None, description="added in v1")


def report_json_schema() -> dict:
    """The JSON Schema of report v1 (written to docs/report.schema.json)."""
    schema = Report.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://contract-risk.example/schema/report/v1.json"
    schema["title"] = "contract-risk report, schema v1"
    return schema


_RISK_WEIGHTS = {"high": 25, "medium": 10, "low": 3, "info": 0}


def _score(flags: list) -> int:
    return min(100, sum(_RISK_WEIGHTS[f.severity] for f in flags))


def build_report(findings: object, flags: list, projection: ProjectionOut | None = None) -> Report:
    """The v1 report from the NLP findings (``rules.base.Findings``) and the rule flags."""
    from decimal import Decimal

    from nlp.kinds import CLAUSE_KINDS

    document = findings.document  # type: ignore[attr-defined]
    tags = findings.tags  # type: ignore[attr-defined]
    clauses = [
        ClauseOut(
            id=c.id,
            number=c.number,
            heading=c.heading,
            page_start=c.page_start,
            page_end=c.page_end,
            start=c.start,
            end=c.end,
            text=c.text,
            kinds=[
                KindOut(kind=t.kind, confidence=t.confidence, source=t.source, evidence=list(t.evidence))
                for t in tags.get(c.id, [])
            ],
            parent_id=c.parent_id,
        )
        for c in findings.clauses  # type: ignore[attr-defined]
    ]
    terms = [
        TermOut(
            name=t.name,
            value=float(t.value) if isinstance(t.value, Decimal) else t.value,
            unit=t.unit,
            text=t.text,
            clause_id=t.clause_id,
            page=t.page,
        )
        for t in findings.terms  # type: ignore[attr-defined]
    ]
    flag_out = [
        FlagOut(
            id=f.id,
            kind=f.kind,
            severity=f.severity,
            title=f.title,
            explanation=" ".join(f.explanation.split()),
            question=" ".join(f.question.split()),
            clause_id=f.clause_id,
            page=f.page,
            quote=" ".join(document.text[f.quote_start:f.quote_end].split()) if f.quote_start is not None else None,
            benchmark=" ".join(f.benchmark.split()) if f.benchmark else None,
            quote_start=f.quote_start,
            quote_end=f.quote_end,
            category=f.category,
            suggested_ask=" ".join(f.suggested_ask.split()) if f.suggested_ask else None,
        )
        for f in flags
    ]
    counts = {severity: sum(1 for f in flags if f.severity == severity) for severity in _RISK_WEIGHTS}
    found = [k for k in CLAUSE_KINDS if any(t.kind == k for ts in tags.values() for t in ts)]
    return Report(
        document=DocumentOut(
            filename=document.filename,
            sha256=document.sha256,
            pages=len(document.pages),
            characters=len(document.text),
            warnings=list(document.warnings),
            media_type=document.media_type,
        ),
        clauses=clauses,
        terms=terms,
        flags=flag_out,
        summary=SummaryOut(
            risk_score=_score(flags),
            counts_by_severity=counts,
            kinds_found=found,
            kinds_missing=[k for k in CLAUSE_KINDS if k not in found],
            legal_risk_score=_score([f for f in flags if f.category == "legal"]),
            financial_risk_score=_score([f for f in flags if f.category == "financial"]),
        ),
        context=_context_out(getattr(findings, "context", None)),
        projection=projection,
    )


def _context_out(context: object) -> ContextOut | None:
    if context is None:
        return None
    return ContextOut(
        specialty=context.specialty,  # type: ignore[attr-defined]
        specialty_name=context.specialty_name,  # type: ignore[attr-defined]
        state=context.state,  # type: ignore[attr-defined]
        state_name=context.state_name,  # type: ignore[attr-defined]
        setting=context.setting,  # type: ignore[attr-defined]
        contract_date=context.signed.isoformat(),  # type: ignore[attr-defined]
        governing_law_state=context.governing_law_state,  # type: ignore[attr-defined]
        origins=dict(context.origins),  # type: ignore[attr-defined]
        notes=list(context.notes),  # type: ignore[attr-defined]
    )
