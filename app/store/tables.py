"""SQLAlchemy 2 tables. A peer row holds only what the benchmark needs: no text, no names, no file name."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, DateTime, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


class Peer(Base):
    """One stored peer contract: its context and the numbers that make the benchmark."""

    __tablename__ = "peers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    public_id: Mapped[str] = mapped_column(String(36), unique=True, index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    document_sha256: Mapped[str] = mapped_column(String(64), index=True)
    specialty: Mapped[str | None] = mapped_column(String(64), index=True)
    state: Mapped[str | None] = mapped_column(String(2), index=True)
    setting: Mapped[str | None] = mapped_column(String(32), index=True)
    year: Mapped[int | None] = mapped_column(Integer)
    risk_score: Mapped[int] = mapped_column(Integer)
    terms: Mapped[list[PeerTerm]] = relationship(back_populates="peer", cascade="all, delete-orphan", passive_deletes=True)
    kinds: Mapped[list[PeerKind]] = relationship(cascade="all, delete-orphan", passive_deletes=True)
    flags: Mapped[list[PeerFlag]] = relationship(cascade="all, delete-orphan", passive_deletes=True)


class PeerTerm(Base):
    __tablename__ = "peer_terms"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    peer_id: Mapped[int] = mapped_column(ForeignKey("peers.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(64), index=True)
    value_number: Mapped[float | None] = mapped_column(Float)
    value_label: Mapped[str | None] = mapped_column(String(32))
    peer: Mapped[Peer] = relationship(back_populates="terms")


class PeerKind(Base):
    __tablename__ = "peer_kinds"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    peer_id: Mapped[int] = mapped_column(ForeignKey("peers.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(64))


class PeerFlag(Base):
    __tablename__ = "peer_flags"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    peer_id: Mapped[int] = mapped_column(ForeignKey("peers.id", ondelete="CASCADE"), index=True)
    flag_id: Mapped[str] = mapped_column(String(80))
    severity: Mapped[str] = mapped_column(String(8))


class Batch(Base):
    """A batch job and its progress; its files' results are rows of ``batch_files``."""

    __tablename__ = "batches"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    status: Mapped[str] = mapped_column(String(16))  # queued | running | done | failed
    total: Mapped[int] = mapped_column(Integer)
    done: Mapped[int] = mapped_column(Integer, default=0)
    store: Mapped[bool] = mapped_column(Boolean, default=False)
    backend: Mapped[str] = mapped_column(String(16), default="local", server_default="local")  # local | celery
    error: Mapped[str | None] = mapped_column(String(200))


class BatchFile(Base):
    """One file's result in a batch, written the moment it is done (redacted: no contract text)."""

    __tablename__ = "batch_files"
    __table_args__ = (UniqueConstraint("batch_id", "index", name="uq_batch_files_batch_index"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch_id: Mapped[str] = mapped_column(ForeignKey("batches.id", ondelete="CASCADE"), index=True)
    index: Mapped[int] = mapped_column(Integer)
    result_json: Mapped[str] = mapped_column(Text)
