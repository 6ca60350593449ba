"""Peer store operations: add a peer (one transaction), cohort distributions, percentiles, delete.

A contract's value for a term is the first one its report states (for tiers, the first rate). Cohorts
smaller than ``min_cohort`` are never shown, so a single peer's terms cannot be read back.
"""

from __future__ import annotations

import statistics
import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.store.tables import Peer, PeerFlag, PeerKind, PeerTerm
from rules.report import Report


@dataclass(frozen=True)
class Cohort:
    """Which stored peers to compare with (None = any)."""

    specialty: str | None = None
    state: str | None = None
    setting: str | None = None


def first_values(report: Report) -> dict[str, float | str]:
    """Each term name's first value in a report."""
    values: dict[str, float | str] = {}
    for term in report.terms:
        values.setdefault(term.name, term.value)
    return values


def add_peer(session: Session, report: Report) -> str:
    """Store one analysed contract as a peer: numbers, kinds, flags and context only. Returns its public id."""
    context = report.context
    peer = Peer(
        public_id=str(uuid.uuid4()),
        document_sha256=report.document.sha256,
        specialty=context.specialty if context else None,
        state=context.state if context else None,
        setting=context.setting if context else None,
        year=int(context.contract_date[:4]) if context else None,
        risk_score=report.summary.risk_score,
    )
    for name, value in first_values(report).items():
        peer.terms.append(PeerTerm(name=name, value_number=value if isinstance(value, float) else None,
                                   value_label=value if isinstance(value, str) else None))
    peer.kinds.extend(PeerKind(kind=kind) for kind in report.summary.kinds_found)
    peer.flags.extend(PeerFlag(flag_id=f.id, severity=f.severity) for f in report.flags)
    session.add(peer)
    session.flush()
    return peer.public_id


def _quantile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    position = share * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def distribution(values: Sequence[float]) -> dict[str, float | int]:
    """n, min, p25, median, p75, max of some numbers."""
    return {"n": len(values), "min": min(values), "p25": round(_quantile(values, 0.25), 4),
            "median": round(statistics.median(values), 4), "p75": round(_quantile(values, 0.75), 4), "max": max(values)}


def distributions(per_contract: Iterable[dict[str, float | str]], min_cohort: int) -> dict[str, dict]:
    """Per term name: the numbers' distribution, or label counts; terms with fewer than min_cohort contracts left out."""
    numbers: dict[str, list[float]] = defaultdict(list)
    labels: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for values in per_contract:
        for name, value in values.items():
            if isinstance(value, str):
                labels[name][value] += 1
            else:
                numbers[name].append(float(value))
    out: dict[str, dict] = {}
    for name, found in numbers.items():
        if len(found) >= min_cohort:
            out[name] = distribution(found)
    for name, counts in labels.items():
        if sum(counts.values()) >= min_cohort:
            out[name] = {"n": sum(counts.values()), "labels": dict(sorted(counts.items()))}
    return dict(sorted(out.items()))


def _in_cohort(query, cohort: Cohort):
    for column in ("specialty", "state", "setting"):
        value = getattr(cohort, column)
        if value is not None:
            query = query.where(getattr(Peer, column) == value)
    return query


def cohort_values(session: Session, cohort: Cohort) -> list[dict[str, float | str]]:
    """Each cohort peer's term values (name -> number or label), a peer without terms as ``{}``.

    One query of plain rows (peer id, term name, number, label): no ORM object per peer and term, which cost
    most of the time of /v1/peers/stats as the store grew (benchmarks/peers.py measures both ways).
    """
    query = (select(Peer.id, PeerTerm.name, PeerTerm.value_number, PeerTerm.value_label)
             .outerjoin(PeerTerm, PeerTerm.peer_id == Peer.id))
    values: dict[int, dict[str, float | str]] = {}
    for peer_id, name, number, label in session.execute(_in_cohort(query, cohort).order_by(Peer.id, PeerTerm.id)):
        terms = values.setdefault(peer_id, {})
        if name is not None:
            terms[name] = number if number is not None else label
    return list(values.values())


def stats(session: Session, cohort: Cohort, min_cohort: int) -> dict:
    values = cohort_values(session, cohort)
    return {"cohort": vars(cohort), "contracts": len(values), "min_cohort": min_cohort,
            "shown": len(values) >= min_cohort, "terms": distributions(values, min_cohort) if len(values) >= min_cohort else {}}


def percentile(value: float, population: Sequence[float]) -> float:
    """Mid-rank percentile of ``value`` among ``population`` (0-100)."""
    below = sum(1 for v in population if v < value)
    equal = sum(1 for v in population if v == value)
    return round(100.0 * (below + 0.5 * equal) / len(population), 1)


def compare(session: Session, values: dict[str, float | str], cohort: Cohort, min_cohort: int) -> dict:
    peers = cohort_values(session, cohort)
    rows = []
    for name, value in sorted(values.items()):
        if isinstance(value, str):
            same = [p[name] for p in peers if name in p and isinstance(p[name], str)]
            rows.append({"name": name, "value": value, "n": len(same),
                         "share_same": round(100.0 * same.count(value) / len(same), 1) if len(same) >= min_cohort else None})
            continue
        population = [float(p[name]) for p in peers if name in p and not isinstance(p[name], str)]
        shown = len(population) >= min_cohort
        rows.append({"name": name, "value": value, "n": len(population),
                     "percentile": percentile(float(value), population) if shown else None,
                     "distribution": distribution(population) if shown else None})
    return {"cohort": vars(cohort), "contracts": len(peers), "min_cohort": min_cohort, "terms": rows}


def delete_peer(session: Session, public_id: str) -> bool:
    peer = session.scalar(select(Peer).where(Peer.public_id == public_id))
    if peer is None:
        return False
    session.delete(peer)
    return True


def get_peer_values(session: Session, public_id: str) -> dict[str, float | str] | None:
    peer = session.scalar(select(Peer).options(selectinload(Peer.terms)).where(Peer.public_id == public_id))
    if peer is None:
        return None
    return {t.name: (t.value_number if t.value_number is not None else t.value_label) for t in peer.terms}
