"""The peer store on SQLite and PostgreSQL: migrations match the tables, statistics, percentiles, recovery."""

from __future__ import annotations

import pytest


@pytest.fixture
def engine(database_url):
    from app.store.db import make_engine, migrate

    engine = make_engine(database_url)
    migrate(engine)
    yield engine
    engine.dispose()


def test_the_migrations_build_exactly_the_tables_the_code_declares(engine):
    from alembic.migration import MigrationContext
    from alembic.autogenerate import compare_metadata

    from app.store.tables import Base

    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []


def test_migrating_twice_changes_nothing(engine):
    from sqlalchemy import inspect

    from app.store.db import migrate

    before = sorted(inspect(engine).get_table_names())
    migrate(engine)
    assert sorted(inspect(engine).get_table_names()) == before
    assert {"peers", "peer_terms", "peer_kinds", "peer_flags", "batches", "alembic_version"} <= set(before)


@pytest.mark.parametrize(("values", "expected"), [
    ([5.0], {"n": 1, "min": 5.0, "p25": 5.0, "median": 5.0, "p75": 5.0, "max": 5.0}),
    ([10.0, 20.0], {"n": 2, "min": 10.0, "p25": 12.5, "median": 15.0, "p75": 17.5, "max": 20.0}),
    ([1.0, 2.0, 3.0, 4.0, 5.0], {"n": 5, "min": 1.0, "p25": 2.0, "median": 3.0, "p75": 4.0, "max": 5.0}),
    ([30.0, 90.0, 60.0, 90.0, 180.0], {"n": 5, "min": 30.0, "p25": 60.0, "median": 90.0, "p75": 90.0, "max": 180.0}),
])
def test_distribution(values, expected):
    from app.store.peers import distribution

    assert distribution(values) == expected


@pytest.mark.parametrize(("value", "population", "expected"), [
    (10.0, [10.0, 20.0, 30.0, 40.0], 12.5),   # mid-rank: half of its own tie counts as below
    (25.0, [10.0, 20.0, 30.0, 40.0], 50.0),
    (50.0, [10.0, 20.0, 30.0, 40.0], 100.0),
    (5.0, [10.0, 20.0, 30.0, 40.0], 0.0),
    (20.0, [20.0, 20.0, 20.0], 50.0),
])
def test_percentile(value, population, expected):
    from app.store.peers import percentile

    assert percentile(value, population) == expected


def test_distributions_leave_out_terms_stated_by_too_few_contracts():
    from app.store.peers import distributions

    contracts = [{"miles": 10.0, "payer": "employer"}, {"miles": 20.0, "payer": "physician"},
                 {"miles": 30.0, "payer": "physician"}, {"payer": "physician"}]
    assert distributions(contracts, 3) == {
        "miles": {"n": 3, "min": 10.0, "p25": 15.0, "median": 20.0, "p75": 25.0, "max": 30.0},
        "payer": {"n": 4, "labels": {"employer": 1, "physician": 3}},
    }
    assert distributions(contracts, 4) == {"payer": {"n": 4, "labels": {"employer": 1, "physician": 3}}}


def test_batches_left_running_by_a_stopped_service_end_as_a_named_error(engine, analyzer):
    from concurrent.futures import ThreadPoolExecutor

    from app.jobs import INTERRUPTED, BatchRunner
    from app.store.db import session_factory, transaction
    from app.store.tables import Batch

    sessions = session_factory(engine)
    with transaction(sessions) as session:
        session.add_all([Batch(id="a" * 36, status="running", total=3, done=1, store=False, results_json="[]"),
                         Batch(id="b" * 36, status="queued", total=2, done=0, store=False, results_json="[]"),
                         Batch(id="c" * 36, status="done", total=1, done=1, store=False, results_json="[]")])
    with ThreadPoolExecutor(1) as executor:
        runner = BatchRunner(analyzer, sessions, executor, min_cohort=5)
        assert runner.recover() == 2
        assert [(runner.status(i * 36)["status"], runner.status(i * 36)["error"]) for i in "abc"] == [
            ("failed", INTERRUPTED), ("failed", INTERRUPTED), ("done", None)]
