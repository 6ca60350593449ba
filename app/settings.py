"""Service settings, from the environment (prefix ``CONTRACT_RISK_``), read through :func:`get_settings`.

Nothing else reads the ``CONTRACT_RISK_*`` environment; tests override ``get_settings`` through FastAPI's dependency overrides
or build the app with ``create_app(Settings(...))``.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

DEFAULT_DB = Path.cwd() / "data" / "contract-risk.sqlite3"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CONTRACT_RISK_", env_ignore_empty=True, extra="ignore")

    database_url: str = Field(default=f"sqlite:///{DEFAULT_DB}", description="SQLAlchemy URL; SQLite file by default")
    database_wait_seconds: float = Field(
        default=10.0, ge=0, description="at start, how long to wait for the database before giving up (named error)")
    max_upload_mb: float = Field(default=25.0, gt=0, description="largest upload accepted (413 beyond)")
    max_pages: int = Field(default=400, gt=0, description="most pages accepted (422 beyond)")
    analysis_timeout_seconds: float = Field(
        default=60.0, gt=0, description="per contract; past it the analysis process is killed (analysis_timeout)")
    worker_memory_mb: int = Field(
        default=1024, ge=0, description="address space one analysis may add to a loaded worker (0: no cap)")
    api_keys: Annotated[list[str], NoDecode] = Field(
        default_factory=list, description="comma-separated; when set, peer-store writes and deletes need one (X-API-Key)"
    )
    min_cohort: int = Field(default=5, ge=1, description="peer statistics are shown only for at least this many contracts")
    batch_sync_max_files: int = Field(default=5, ge=1, description="batches up to this size answer at once; larger ones get a job")
    batch_max_files: int = Field(default=500, ge=1)
    workers: int = Field(default_factory=lambda: os.cpu_count() or 1, ge=1,
                         description="analysis worker processes (default: one per core)")
    pool: Literal["process", "thread"] = Field(
        default="process", description="process: worker processes, every core; thread: this process (tests, tiny hosts)")
    job_backend: Literal["local", "celery"] = Field(
        default="local", description="local: batches on this machine's pool; celery: on Celery workers")
    celery_broker_url: str = Field(default="redis://127.0.0.1:6379/0", description="Redis or RabbitMQ URL")
    celery_result_backend: str = Field(default="redis://127.0.0.1:6379/0")
    celery_queue: str = Field(default="contract-risk", description="the queue batch files are sent to")
    cache_entries: int = Field(default=256, ge=0, description="reports kept in memory by file hash (0: off)")
    cache_mb: float = Field(default=64.0, gt=0, description="total size of the cached reports")
    log_level: str = "INFO"

    @field_validator("api_keys", mode="before")
    @classmethod
    def _split_keys(cls, value: object) -> object:
        if isinstance(value, str):
            return [key.strip() for key in value.split(",") if key.strip()]
        return value

    @property
    def max_upload_bytes(self) -> int:
        return int(self.max_upload_mb * 1024 * 1024)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
