"""The peer store on SQLite and PostgreSQL: migrations match the tables, statistics, percentiles, recovery."""

from __future__ import annotations

import json

import pytest


@pytest.fixture
def engine(database_url):
    from app.store.db import make_engine, migrate

    engine = make_engine(database_url)
    migrate(engine)
    yield engine
    engine.dispose()


def test_the_migrations_build_exactly_the_tables_the_code_declares(engine):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

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
    from app.jobs import INTERRUPTED, CeleryBatchRunner, LocalBatchRunner
    from app.pool import InProcessAnalysis
    from app.store.db import session_factory, transaction
    from app.store.tables import Batch

    sessions = session_factory(engine)
    with transaction(sessions) as session:
        session.add_all([Batch(id="a" * 36, status="running", total=3, done=1, store=False, backend="local"),
                         Batch(id="b" * 36, status="queued", total=2, done=0, store=False, backend="local"),
                         Batch(id="c" * 36, status="done", total=1, done=1, store=False, backend="local"),
                         Batch(id="d" * 36, status="queued", total=1, done=0, store=False, backend="celery")])
    analysis = InProcessAnalysis(analyzer, 1)
    runner = LocalBatchRunner(analysis, sessions, min_cohort=5)
    try:
        assert CeleryBatchRunner(None, sessions, min_cohort=5).recover() == 0, "celery files wait in the broker"
        assert runner.recover() == 2
        assert [(runner.status(i * 36)["status"], runner.status(i * 36)["error"]) for i in "abcd"] == [
            ("failed", INTERRUPTED), ("failed", INTERRUPTED), ("done", None), ("queued", None)]
    finally:
        runner.shutdown()
        analysis.shutdown()


def test_files_of_an_interrupted_batch_end_as_a_named_error_each(engine, analyzer):
    """A restart mid-batch: recorded files keep their results, every other file gets 'interrupted'."""
    from app.jobs import INTERRUPTED, LocalBatchRunner, create_batch, record_outcome
    from app.pool import InProcessAnalysis, Outcome
    from app.store.db import session_factory

    sessions = session_factory(engine)
    batch_id = create_batch(sessions, ["a.pdf", "b.pdf", "c.pdf"], store=False, backend="local")
    record_outcome(sessions, batch_id, 1, "b.pdf", Outcome(error=("corrupt_file", "damaged")), store=False)
    analysis = InProcessAnalysis(analyzer, 1)
    runner = LocalBatchRunner(analysis, sessions, min_cohort=5)
    try:
        assert runner.recover() == 1
        found = runner.status(batch_id)
        assert (found["status"], found["error"], found["progress"]) == ("failed", INTERRUPTED, {"done": 3, "total": 3})
        assert [(r["filename"], r["error"]["code"]) for r in found["results"]] == [
            ("a.pdf", "interrupted"), ("b.pdf", "corrupt_file"), ("c.pdf", "interrupted")]
        assert runner.recover() == 0, "recovering twice changes nothing"
    finally:
        runner.shutdown()
        analysis.shutdown()


def test_a_file_is_taken_up_a_bounded_number_of_times(engine):
    from app.jobs import create_batch, record_outcome, start_attempt
    from app.pool import Outcome
    from app.store.db import session_factory

    sessions = session_factory(engine)
    batch_id = create_batch(sessions, ["a.pdf"], store=False, backend="celery")
    assert [start_attempt(sessions, batch_id, 0) for _ in range(3)] == [1, 2, 3]
    record_outcome(sessions, batch_id, 0, "a.pdf", Outcome(error=("worker_crashed", "died")), store=False)
    assert start_attempt(sessions, batch_id, 0) is None, "a recorded file is not taken up again"


def test_recording_a_file_twice_counts_it_once(engine):
    from app.jobs import batch_status, create_batch, record_outcome
    from app.pool import Outcome
    from app.store.db import session_factory

    sessions = session_factory(engine)
    batch_id = create_batch(sessions, ["a.pdf", "b.pdf"], store=False, backend="celery")
    assert batch_status(sessions, batch_id, 5)["results"] == [], "pending files are not results"
    failed = Outcome(error=("corrupt_file", "damaged"))
    assert record_outcome(sessions, batch_id, 0, "a.pdf", failed, store=False) is True
    assert record_outcome(sessions, batch_id, 0, "a.pdf", failed, store=False) is False
    assert batch_status(sessions, batch_id, 5)["progress"] == {"done": 1, "total": 2}
    record_outcome(sessions, batch_id, 1, "b.pdf", failed, store=False)
    found = batch_status(sessions, batch_id, 5)
    assert (found["status"], found["progress"]) == ("done", {"done": 2, "total": 2})
    assert [r["filename"] for r in found["results"]] == ["a.pdf", "b.pdf"]


def test_a_store_with_batches_from_the_first_schema_keeps_their_results(database_url):
    """Migration 0002 moves each batch's results out of batches.results_json into batch_files rows."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import text

    from app.jobs import batch_status
    from app.store.db import MIGRATIONS, make_engine, migrate, session_factory

    engine = make_engine(database_url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "0001")
        old = [{"filename": "a.pdf", "status": "error", "error": {"code": "corrupt_file", "message": "x"},
                "summary": None, "terms": [], "peer_id": None}]
        with engine.begin() as connection:
            connection.execute(text("INSERT INTO batches (id, created_at, status, total, done, store, results_json) "
                                    "VALUES ('old', CURRENT_TIMESTAMP, 'done', 1, 1, false, :results)"),
                               {"results": json.dumps(old)})
        migrate(engine)
        found = batch_status(session_factory(engine), "old", 5)
        assert (found["status"], found["results"]) == ("done", old)
    finally:
        engine.dispose()


def test_a_failure_while_recording_leaves_no_half_written_peer(engine, analyzer, monkeypatch):
    """The peer and the file's result are one transaction: a failure between them keeps neither, and the file
    stays pending, so recording it again later counts it once."""
    from sqlalchemy import func, select

    import app.jobs as jobs
    from app.pool import Outcome
    from app.store.db import session_factory
    from app.store.tables import Peer, PeerTerm
    from tests.conftest import SAMPLES

    sessions = session_factory(engine)
    report_json = analyzer.analyze(SAMPLES / "hospitalist_employed.pdf").model_dump_json()
    batch_id = jobs.create_batch(sessions, ["a.pdf"], store=True, backend="local")

    def broken(*_args, **_kwargs):
        raise RuntimeError("the database went away after the peer was written")

    with monkeypatch.context() as patched:
        patched.setattr(jobs, "file_result", broken)
        with pytest.raises(RuntimeError):
            jobs.record_outcome(sessions, batch_id, 0, "a.pdf", Outcome(report_json=report_json), store=True)
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(Peer)) == 0
        assert session.scalar(select(func.count()).select_from(PeerTerm)) == 0
    assert jobs.batch_status(sessions, batch_id, 5)["progress"] == {"done": 0, "total": 1}

    assert jobs.record_outcome(sessions, batch_id, 0, "a.pdf", Outcome(report_json=report_json), store=True)
    found = jobs.batch_status(sessions, batch_id, 5)
    assert found["status"] == "done" and found["results"][0]["peer_id"]
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(Peer)) == 1


def test_cohort_values_read_every_peer_of_the_cohort_with_its_terms(engine):
    """Plain-row reads (app.store.peers.cohort_values) give each peer's values, a peer without terms as {}, and
    filter by every cohort field; stats counts the peer without terms as a contract."""
    import uuid

    from app.store.db import session_factory, transaction
    from app.store.peers import Cohort, cohort_values, stats
    from app.store.tables import Peer, PeerTerm

    stored = [
        ("cardiology", "TX", {"non_compete.radius_miles": 10.0, "tail_coverage.payer": "physician"}),
        ("cardiology", "OK", {"non_compete.radius_miles": 25.0}),
        ("family_medicine", "TX", {"non_compete.radius_miles": 5.0, "base_compensation.base_salary_usd": 260000.0}),
        ("cardiology", "TX", {}),
    ]
    factory = session_factory(engine)
    with transaction(factory) as session:
        for n, (specialty, state, terms) in enumerate(stored):
            peer = Peer(public_id=str(uuid.uuid4()), document_sha256=f"{n:064x}", specialty=specialty, state=state,
                        setting=None, year=2026, risk_score=n)
            for name, value in terms.items():
                peer.terms.append(PeerTerm(name=name, value_number=value if isinstance(value, float) else None,
                                           value_label=value if isinstance(value, str) else None))
            session.add(peer)

    def canonical(values):
        return sorted(sorted(v.items()) for v in values)

    with factory() as session:
        for cohort, expected in [
            (Cohort(), [terms for _, _, terms in stored]),
            (Cohort(specialty="cardiology"), [stored[0][2], stored[1][2], {}]),
            (Cohort(specialty="cardiology", state="TX"), [stored[0][2], {}]),
            (Cohort(state="TX"), [stored[0][2], stored[2][2], {}]),
            (Cohort(specialty="urology"), []),
        ]:
            assert canonical(cohort_values(session, cohort)) == canonical(expected), cohort
        whole = stats(session, Cohort(), 3)
    assert whole["contracts"] == 4
    assert whole["terms"]["non_compete.radius_miles"]["n"] == 3
    assert "tail_coverage.payer" not in whole["terms"]  # stated by one contract only


def test_the_peer_benchmark_runs_and_both_reads_agree(tmp_path):
    """benchmarks/peers.py exits with an error when the current and the old read disagree; no timing is checked."""
    import subprocess
    import sys
    from pathlib import Path

    script = Path(__file__).resolve().parents[2] / "benchmarks" / "peers.py"
    done = subprocess.run([sys.executable, str(script), "--peers", "60", "--repeat", "1",
                           "--database-url", f"sqlite:///{tmp_path / 'bench.db'}"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "whole store" in done.stdout and "one specialty" in done.stdout
