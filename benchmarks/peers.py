"""Cohort reads of the peer store (what GET /v1/peers/stats and POST /v1/compare do), two ways in the same run.

    .venv/bin/python benchmarks/peers.py [--peers 5000] [--repeat 7] [--database-url URL]

Fills a fresh store (SQLite in a temporary folder unless ``--database-url``) with synthetic peers, each with
about ten term values across three specialties, then times ``app.store.peers.cohort_values`` (plain rows, one
query) against the way it read them before (``ORM_BASELINE``: every peer and term as an ORM object,
``selectinload``), for the whole store and for one specialty. Both must give the same values (checked); prints
the median of ``--repeat`` rounds and the ratio baseline / current, and the full ``stats`` call.
"""

from __future__ import annotations

import argparse
import platform
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import select  # noqa: E402
from sqlalchemy.orm import selectinload  # noqa: E402

from app.store import peers  # noqa: E402
from app.store.db import make_engine, migrate, session_factory, transaction  # noqa: E402
from app.store.tables import Peer, PeerTerm  # noqa: E402

SPECIALTIES = ("cardiology", "family_medicine", "anesthesiology")
NUMBER_TERMS = ("non_compete.radius_miles", "non_compete.duration_months", "rvu_compensation.conversion_factor_usd",
                "rvu_compensation.wrvu_threshold", "call_compensation.frequency_one_in", "call_compensation.per_diem_usd",
                "termination_without_cause.notice_days", "base_compensation.base_salary_usd",
                "base_compensation.sign_on_bonus_usd")
LABEL_TERMS = ("tail_coverage.payer",)


def ORM_BASELINE(session, cohort: peers.Cohort) -> list[dict[str, float | str]]:  # noqa: N802 - a named reference
    """How cohort_values read the store before: ORM objects for every peer and term."""
    query = select(Peer).options(selectinload(Peer.terms))
    for column in ("specialty", "state", "setting"):
        value = getattr(cohort, column)
        if value is not None:
            query = query.where(getattr(Peer, column) == value)
    return [{t.name: (t.value_number if t.value_number is not None else t.value_label) for t in p.terms}
            for p in session.scalars(query).all()]


def fill(factory, count: int, rng: random.Random) -> None:
    with transaction(factory) as session:
        for n in range(count):
            peer = Peer(public_id=str(uuid.uuid4()), document_sha256=f"{n:064x}", specialty=SPECIALTIES[n % 3],
                        state="TX", setting="hospital_employed", year=2026, risk_score=rng.randint(0, 100))
            for name in NUMBER_TERMS:
                if rng.random() < 0.9:
                    peer.terms.append(PeerTerm(name=name, value_number=round(rng.uniform(1, 500_000), 2)))
            peer.terms.append(PeerTerm(name=LABEL_TERMS[0], value_label=rng.choice(("employer", "physician", "shared"))))
            session.add(peer)


def timed(function, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def canonical(values: list[dict]) -> list[tuple]:
    return sorted(tuple(sorted(v.items())) for v in values)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--peers", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = args.database_url or f"sqlite:///{Path(folder) / 'peers.db'}"
        engine = make_engine(url)
        migrate(engine)
        factory = session_factory(engine)
        fill(factory, args.peers, random.Random(20261127))
        print(f"{args.peers} peers, {platform.python_version()}, {engine.dialect.name}; median of {args.repeat} rounds")
        print(f"{'cohort':24s} {'ORM baseline ms':>16s} {'current ms':>11s} {'ratio':>6s}")
        for label, cohort in (("whole store", peers.Cohort()), ("one specialty", peers.Cohort(specialty="cardiology"))):
            with factory() as session:
                before, old = timed(lambda c=cohort, s=session: ORM_BASELINE(s, c), args.repeat)
                after, new = timed(lambda c=cohort, s=session: peers.cohort_values(s, c), args.repeat)
            if canonical(old) != canonical(new):
                sys.exit(f"{label}: the two reads disagree")
            print(f"{label:24s} {before * 1000:16.1f} {after * 1000:11.1f} {before / after:6.2f}x")
        with factory() as session:
            total, _ = timed(lambda: peers.stats(session, peers.Cohort(), 5), args.repeat)
        print(f"stats() on the whole store: {total * 1000:.1f} ms")
        engine.dispose()


if __name__ == "__main__":
    main()
