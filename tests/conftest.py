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


# --- the service: every API and store test runs on SQLite and on the PostgreSQL on loopback -------------

POSTGRES_DEFAULT = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
DATABASES = ("sqlite", "postgresql")


def _postgres_base_url() -> str:
    """CONTRACT_RISK_DATABASE_URL when it names PostgreSQL, else the loopback server of the machines."""
    import os

    from app.store.db import normalise_url

    configured = os.environ.get("CONTRACT_RISK_DATABASE_URL", "")
    return normalise_url(configured) if configured.startswith(("postgres://", "postgresql")) else POSTGRES_DEFAULT


@pytest.fixture(params=DATABASES)
def database_url(request, tmp_path):
    """A fresh, empty database: a SQLite file, or a PostgreSQL schema of its own (dropped afterwards).

    PostgreSQL unreachable: skipped on a laptop, a failure under CI=true (CI must test both).
    """
    import os
    import uuid

    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'peers.sqlite3'}"
        return
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    base = _postgres_base_url()
    schema = f"cr_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base)
    try:
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as error:  # noqa: BLE001 - reported below
        admin.dispose()
        message = f"PostgreSQL at {make_url(base).render_as_string(hide_password=True)} unreachable: {error}"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def make_client(analyzer, database_url):
    """Build a TestClient for an app with some settings changed (shares the session's analyzer)."""
    from fastapi.testclient import TestClient

    from app.main import create_app
    from app.settings import Settings

    clients = []

    def build(**overrides):
        settings = Settings(**{"database_url": database_url, "api_keys": [], "pool": "thread", "workers": 2,
                                "job_backend": "local", **overrides})
        client = TestClient(create_app(settings, analyzer=analyzer), raise_server_exceptions=False)
        client.__enter__()
        clients.append(client)
        return client

    yield build
    for client in clients:
        client.__exit__(None, None, None)


@pytest.fixture
def client(make_client):
    """The app with default settings on a fresh database."""
    return make_client()
