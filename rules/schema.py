"""Pydantic models for the rule data files, so a typo fails at load with the file and key named."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Severity = Literal["high", "medium", "low", "info"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CueSpec(_Strict):
    """One cue of a pattern file: phrases or spaCy token patterns, with a weight."""

    id: str = Field(description="unique id, '<short-kind>.<what>'; appears in the evidence")
    weight: float = Field(gt=-1.0, lt=1.0, description="strength; negative weights argue against the kind")
    phrases: list[str] = Field(default_factory=list, description="matched on lower-cased tokens")
    tokens: list[list[dict[str, Any]]] = Field(default_factory=list, description="spaCy Matcher patterns")
    requires: list[str] = Field(default_factory=list, description="another cue id that must also match")
    heading_only: bool = False
    note: str | None = None

    @model_validator(mode="after")
    def _one_kind_of_pattern(self) -> CueSpec:
        if not self.phrases and not self.tokens:
            raise ValueError(f"cue {self.id!r} needs phrases or tokens")
        for pattern in self.tokens:
            for token in pattern:
                for key, value in token.items():
                    words = value.get("IN", []) if isinstance(value, dict) else []
                    odd = [w for w in words if not isinstance(w, str)]
                    if odd:  # YAML 1.1 reads bare on/off/yes/no as booleans
                        raise ValueError(f"cue {self.id!r}: {key} IN holds non-strings {odd}; quote words like \"no\", \"on\"")
        return self


class PatternFile(_Strict):
    """``rules/patterns/<kind>.yaml``: how to recognise one clause kind."""

    kind: str
    title: str
    description: str
    threshold: float = Field(default=0.5, gt=0.0, le=1.0)
    cues: list[CueSpec]
    examples: list[str] = Field(min_length=3, description="clauses that must be tagged with this kind")
    counter_examples: list[str] = Field(min_length=3, description="clauses that must not be")

    @model_validator(mode="after")
    def _ids_unique_and_requires_known(self) -> PatternFile:
        ids = [cue.id for cue in self.cues]
        duplicates = {i for i in ids if ids.count(i) > 1}
        if duplicates:
            raise ValueError(f"duplicate cue ids: {sorted(duplicates)}")
        for cue in self.cues:
            unknown = set(cue.requires) - set(ids)
            if unknown:
                raise ValueError(f"cue {cue.id!r} requires unknown cue ids {sorted(unknown)}")
        return self


class SourcedNumber(_Strict):
    """A threshold with where it comes from (a public URL/publication, or 'design default')."""

    value: float
    source: str = Field(min_length=4)
    note: str | None = None


class FlagSpec(_Strict):
    """The wording of one flag. ``{name}`` placeholders are filled by the rule from its findings."""

    title: str
    explanation: str
    question: str
    ask: str = Field(description="a concrete negotiation ask or replacement wording (our own words)")
    category: Literal["legal", "financial"] = Field(description="which risk score the flag counts towards")
    benchmark: str | None = None
    sources: list[str] = Field(default_factory=list)


class FlagFile(_Strict):
    """``rules/flags/<kind>.yaml``: thresholds (sourced) and flag texts for one clause kind."""

    kind: str
    thresholds: dict[str, SourcedNumber] = Field(default_factory=dict)
    flags: dict[str, FlagSpec]

    @model_validator(mode="after")
    def _flag_ids_belong_to_kind(self) -> FlagFile:
        wrong = [flag_id for flag_id in self.flags if not flag_id.startswith(self.kind + ".")]
        if wrong:
            raise ValueError(f"flag ids must start with '{self.kind}.': {wrong}")
        return self


# ------------------------------------------------------------------------------------ reference data
import datetime as _dt  # noqa: E402

StateRule = Literal[
    "ban", "ban_all_workers", "damages_only", "cap", "cap_if_income", "employer_specific", "conditional", "safe_harbor"
]


class StateLaw(_Strict):
    """One state's law on physician non-competes (rules/data/state_noncompete.yaml)."""

    name: str
    rule: StateRule
    effective: _dt.date | None
    effective_note: str | None = None
    summary: str
    sources: list[str] = Field(min_length=1)
    max_months: int | None = None
    max_miles: float | None = None
    income_floor_usd: int | None = None
    radius_anchor: str | None = None
    buyout_required: bool = False
    buyout_cap: str | None = None
    void_if: list[str] = Field(default_factory=list)
    employers: list[str] = Field(default_factory=list)
    primary_care_ban_from: _dt.date | None = None
    primary_care_specialties: list[str] = Field(default_factory=list)
    applies_to_existing: bool = False
    covers_patient_nonsolicit: bool = False
    includes_liquidated_damages: bool = False

    @model_validator(mode="after")
    def _limits_for_caps(self) -> StateLaw:
        if self.rule in ("cap", "safe_harbor") and self.max_months is None and self.max_miles is None:
            raise ValueError(f"{self.name}: rule {self.rule!r} needs max_months or max_miles")
        if self.rule == "cap_if_income" and self.income_floor_usd is None:
            raise ValueError(f"{self.name}: cap_if_income needs income_floor_usd")
        return self


class StateLawFile(_Strict):
    as_of: str
    compiled_from: str
    states: dict[str, StateLaw]


Confidence = Literal["low", "medium", "high"]


class Benchmark(_Strict):
    """One reported figure with its provenance."""

    value: float
    data_year: int
    source: str = Field(min_length=8)
    confidence: Confidence = "low"
    note: str | None = None


MetricName = Literal[
    "survey_comp_per_wrvu", "wrvu_p50", "wrvu_p75", "wrvu_p90", "compensation", "starting_salary", "call_per_diem"
]


class Specialty(_Strict):
    name: str
    aliases: list[str] = Field(min_length=1)
    procedural: bool
    primary_care: bool
    metrics: dict[MetricName, Benchmark]


class MedicareFactor(_Strict):
    value: float
    data_year: int
    note: str
    source: str


class BenchmarkFile(_Strict):
    as_of: str
    compiled_from: str
    medicare_conversion_factor: MedicareFactor
    specialties: dict[str, Specialty]
