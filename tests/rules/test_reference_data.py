"""Every figure in the shipped reference data has a source; the states the issue names are in the table."""

from __future__ import annotations

import pytest
import yaml
from pydantic import ValidationError

from rules.reference import benchmarks, state_laws
from rules.schema import BenchmarkFile, StateLawFile

REQUIRED_STATES = {
    "TX": "cap", "MD": "cap_if_income", "CO": "ban", "IN": "employer_specific", "MT": "ban", "MA": "ban",
    "DE": "damages_only", "RI": "ban", "NH": "ban", "CA": "ban_all_workers", "ND": "ban_all_workers", "OK": "ban_all_workers",
}


def test_reference_every_state_row_has_sources():
    for code, law in state_laws().states.items():
        assert law.sources and all(s.startswith("http") for s in law.sources), code


def test_reference_every_benchmark_figure_has_a_source():
    marks = benchmarks()
    assert marks.medicare_conversion_factor.source.startswith("http")
    for key, row in marks.specialties.items():
        assert row.metrics, key
        for metric, figure in row.metrics.items():
            assert "http" in figure.source, f"{key}.{metric}"


@pytest.mark.parametrize("code, rule", sorted(REQUIRED_STATES.items()))
def test_reference_required_states(code, rule):
    assert state_laws().states[code].rule == rule


@pytest.mark.parametrize(
    "code, field, value",
    [("TX", "max_months", 12), ("TX", "max_miles", 5), ("MD", "income_floor_usd", 350000), ("MD", "max_miles", 10)],
)
def test_reference_state_limits(code, field, value):
    assert getattr(state_laws().states[code], field) == value


@pytest.mark.parametrize(
    "effective",
    [("TX", "2025-09-01"), ("MD", "2025-07-01"), ("CO", "2025-08-06"), ("IN", "2025-07-01"), ("MT", "2026-01-01")],
    ids=lambda e: e[0],
)
def test_reference_state_dates(effective):
    code, date = effective
    assert state_laws().states[code].effective.isoformat() == date


def test_reference_a_figure_without_a_source_fails_to_load():
    raw = {"as_of": "x", "compiled_from": "x",
           "medicare_conversion_factor": {"value": 1, "data_year": 2026, "note": "n", "source": "https://x"},
           "specialties": {"a": {"name": "A", "aliases": ["a"], "procedural": False, "primary_care": False,
                                 "metrics": {"compensation": {"value": 1, "data_year": 2024}}}}}
    with pytest.raises(ValidationError, match="source"):
        BenchmarkFile.model_validate(raw)


def test_reference_a_state_without_a_source_fails_to_load():
    raw = yaml.safe_load("as_of: x\ncompiled_from: x\nstates:\n  TX: {name: Texas, rule: ban, effective: null, summary: s, sources: []}\n")
    with pytest.raises(ValidationError):
        StateLawFile.model_validate(raw)
