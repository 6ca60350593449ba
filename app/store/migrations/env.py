"""Alembic environment: runs on the connection the app hands over (app/store/db.py::migrate)."""

from __future__ import annotations

from alembic import context

from app.store.tables import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through app.store.db.migrate(engine)")
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
