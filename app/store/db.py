"""Engine, sessions and migrations: SQLite by default (a file, zero set-up), PostgreSQL by URL."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def normalise_url(url: str) -> str:
    """postgres://, postgresql:// -> the psycopg 3 driver."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    return url


def make_engine(url: str) -> Engine:
    url = normalise_url(url)
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        if str(path) != ":memory:":
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise DatabaseUnavailable(f"cannot reach the database at {url} (cannot create its folder: "
                                          f"{error.strerror}). Choose a writable path in CONTRACT_RISK_DATABASE_URL.") from None
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _foreign_keys(connection, _record) -> None:  # SQLite enforces ON DELETE CASCADE only when asked
            connection.execute("PRAGMA foreign_keys=ON")

        return engine
    return create_engine(url, pool_pre_ping=True)


class DatabaseUnavailable(RuntimeError):
    """The database could not be reached; ``str()`` is one plain sentence (no password, no traceback)."""


def display_url(url: str) -> str:
    """The URL without its credentials (for messages and logs)."""
    return url.split("@", 1)[-1] if "@" in url else url


def wait_for_database(engine: Engine, seconds: float) -> None:
    """Connect, retrying with backoff for up to ``seconds`` (a database starting next to us); else DatabaseUnavailable."""
    import time

    from sqlalchemy import text
    from sqlalchemy.exc import OperationalError

    deadline = time.monotonic() + seconds
    delay = 0.25
    while True:
        try:
            with engine.connect() as connection:
                connection.execute(text("SELECT 1"))
            return
        except OperationalError as error:
            if time.monotonic() + delay > deadline:
                reason = str(error.orig).strip().splitlines()[0] if error.orig else type(error).__name__
                raise DatabaseUnavailable(
                    f"cannot reach the database at {display_url(engine.url.render_as_string(hide_password=True))} "
                    f"({reason[:160]}). Start it, or unset CONTRACT_RISK_DATABASE_URL to use the embedded SQLite file."
                ) from None
            time.sleep(delay)
            delay = min(delay * 2, 2.0)


def migrate(engine: Engine) -> None:
    """Bring the schema to the latest migration (Alembic), on the engine's own connection."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work: committed as a whole, or rolled back as a whole (no half-written peer)."""
    with factory() as session, session.begin():
        yield session


def ping(engine: Engine) -> bool:
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        return True
    except Exception:  # noqa: BLE001 - readiness answers yes or no
        return False
