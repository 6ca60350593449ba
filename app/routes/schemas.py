"""The shapes of the JSON answers that are not a report, for the OpenAPI reference.

The routes build these answers as dicts (app/jobs.py, app/store/peers.py) and return them as they are; these models
only document them (``responses={200: {"model": ...}}``), and the API contract test
(tests/app/test_openapi_contract.py) checks every answer against them. Extra keys are allowed, so a new field is not
a breaking change; a missing or retyped one fails the contract test.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from rules.report import SummaryOut


class Distribution(BaseModel):
    """A numeric term over contracts: n, min, quartiles, max; or, for a label term, n and each label's count."""

    n: int = Field(ge=0)
    min: float | None = None
    p25: float | None = None
    median: float | None = None
    p75: float | None = None
    max: float | None = None
    labels: dict[str, int] | None = None


class CohortOut(BaseModel):
    specialty: str | None
    state: str | None
    setting: str | None


class StatsOut(BaseModel):
    cohort: CohortOut
    contracts: int = Field(ge=0)
    min_cohort: int = Field(ge=1)
    shown: bool = Field(description="whether the cohort is big enough for its distributions to be shown")
    terms: dict[str, Distribution]


class CompareRow(BaseModel):
    name: str
    value: float | str
    n: int = Field(ge=0, description="peers of the cohort stating this term")
    percentile: float | None = Field(default=None, ge=0, le=100, description="numeric terms; null below the minimum")
    distribution: Distribution | None = None
    share_same: float | None = Field(default=None, ge=0, le=100, description="label terms: percent of peers with the same label")


class CompareOut(BaseModel):
    cohort: CohortOut
    contracts: int = Field(ge=0)
    min_cohort: int = Field(ge=1)
    terms: list[CompareRow]


class FileError(BaseModel):
    code: str
    message: str


class BatchTerm(BaseModel):
    name: str
    value: float | str
    unit: str | None
    text: str = Field(description="the words the value was read from, redacted")
    page: int


class BatchResult(BaseModel):
    filename: str
    status: Literal["ok", "error"]
    error: FileError | None
    summary: SummaryOut | None
    terms: list[BatchTerm]
    peer_id: str | None


class Progress(BaseModel):
    done: int = Field(ge=0)
    total: int = Field(ge=0)


class BatchPeers(BaseModel):
    contracts: int = Field(ge=0)
    min_cohort: int = Field(ge=1)
    terms: dict[str, Distribution]


class BatchOut(BaseModel):
    batch_id: str
    status: Literal["queued", "running", "done", "failed"]
    progress: Progress
    error: str | None
    stored: bool
    results: list[BatchResult] = Field(description="one per file analysed so far, in upload order")
    peers: BatchPeers


class HealthOut(BaseModel):
    status: Literal["ok"]


class ReadyChecks(BaseModel):
    analyzer: bool
    database: bool


class ReadyOut(BaseModel):
    status: Literal["ready", "not_ready"]
    checks: ReadyChecks
