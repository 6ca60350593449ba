"""Global fixtures (the only conftest): the analyzer, paths to samples, fixtures and shared data."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_contracts"
BAD_INPUTS = ROOT / "tests" / "fixtures" / "bad_inputs"
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def analyzer():
    """One Analyzer for the whole run (building it loads the spaCy pipeline and rule data)."""
    from app.analyze import Analyzer

    return Analyzer.load()


@pytest.fixture(scope="session")
def analyze_text(analyzer):
    """Analyse a contract given as text; returns the report."""

    def run(text: str, filename: str = "contract.txt", **context):
        """``context``: specialty, state, setting, signed (date), wrvu_levels, as the CLI takes them."""
        from rules.context import UserContext

        return analyzer.analyze(text.encode("utf-8"), filename, UserContext(**context))

    return run


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared data not present at {SHARED_DATA} (only on the project's machines)")
    return SHARED_DATA
