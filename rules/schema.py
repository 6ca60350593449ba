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
