"""The API against its own OpenAPI schema, with schemathesis (property-based: generated valid and invalid requests).

Every operation of ``/openapi.json`` (every /v1 route and the health checks, multipart uploads included) gets
requests from schemathesis's examples, coverage and fuzzing phases (positive and negative data), derandomized
and bounded (``MAX_EXAMPLES`` per operation), and every answer must

- not be a server error (no 500, ever: bad input is a named 4xx);
- have a documented status code and content type, and match the documented schema (errors: ``ErrorOut``; batch,
  compare, stats: app/routes/schemas.py; the report: report v1);
- carry the security headers.

The app is built like ``make_client`` builds it (thread pool, the session's analyzer, a fresh SQLite file or
PostgreSQL schema from the ``database_url`` fixture), once per operation; schemathesis's ASGI transport runs its
lifespan, which is shut down after each operation. Uploaded files are the generated strings; a second run of
the upload operations gives them (chosen by Hypothesis) a real sample contract, so that the analysis, the
exports and the peer store are reached too.

The tests after the schemathesis run are regressions of what it (or probing around it) found.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from app.main import create_app
from app.settings import Settings
from tests.conftest import SAMPLES

#: Generated cases per operation in the fuzzing phase (the examples and coverage phases add their own, bounded).
MAX_EXAMPLES = 25
SAMPLE_FILES = [SAMPLES / "hospitalist_employed.pdf", SAMPLES / "urology_group.docx",
                SAMPLES / "pediatrics_offer_letter.pdf"]

#: The schema is the app's own; building the app does not start it (no database, no analyzer).
schema = schemathesis.openapi.from_dict(create_app(Settings(database_url="sqlite://", pool="thread", workers=1)).openapi())


def security_headers_present(ctx, response, case) -> None:
    """Every answer, error or not, carries the security headers (app/middleware.py)."""
    headers = {name.lower(): value for name, value in response.headers.items()}
    for name in ("x-content-type-options", "x-frame-options", "content-security-policy"):
        assert name in headers, f"{case.method} {case.path}: no {name} header"


CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance,
          security_headers_present]


@pytest.fixture
def contract_app(analyzer, database_url):
    from schemathesis.python import asgi

    # Every batch answers when done (no batch left running past the lifespan's end); min_cohort 1 shows
    # distributions from the first stored peer on.
    settings_ = Settings(database_url=database_url, api_keys=[], pool="thread", workers=2, job_backend="local",
                         min_cohort=1, batch_sync_max_files=50, batch_max_files=50)
    yield create_app(settings_, analyzer=analyzer)
    asgi.shutdown_lifespans()


def with_sample(body, sample: Path | None):
    """The generated multipart body with its (first) file replaced by a real contract.

    Optional fields generated as null are left out (a form has no null: schemathesis sends the text "null",
    which is just one more bad context value, and then no analysis is reached).
    """
    if not isinstance(body, dict):
        return
    for name in [name for name, value in body.items() if value is None]:
        del body[name]
    if sample is None:
        return
    data = sample.read_bytes()
    if isinstance(body.get("file"), str | bytes):
        body["file"] = data
    if isinstance(body.get("files"), list) and body["files"] and isinstance(body["files"][0], str | bytes):
        body["files"][0] = data


@schema.parametrize()
@settings(max_examples=MAX_EXAMPLES, derandomize=True, deadline=None, database=None,
          suppress_health_check=list(HealthCheck))
def test_every_operation_keeps_its_contract(case, contract_app):
    """All phases: the schema's examples, coverage (boundary values, missing and wrong-typed fields, methods the
    path does not allow) and fuzzing (valid and invalid data)."""
    with_sample(case.body, None)
    case.call_and_validate(app=contract_app, checks=CHECKS, timeout=120)


@schema.include(method="POST").parametrize()
@schema.given(sample=st.sampled_from([None, *SAMPLE_FILES]))
@settings(max_examples=MAX_EXAMPLES, derandomize=True, deadline=None, database=None,
          suppress_health_check=list(HealthCheck))
def test_uploads_of_real_contracts_keep_the_contract(case, sample, contract_app):
    """The uploads again, their file (chosen by Hypothesis) a real contract, so that the analysis, the exports and
    the peer store are reached (fuzzing phase: ``given`` leaves out the others)."""
    with_sample(case.body, sample)
    case.call_and_validate(app=contract_app, checks=CHECKS, timeout=120)


# --- regressions ------------------------------------------------------------------------------------------

TEXT = b"7.1 Physician shall not practice medicine within 25 miles of any Practice office for two (2) years."


@pytest.mark.parametrize("name", ["合同.txt", "Vertrag für Dr. Müller.txt", 'a"b\\c;d.txt', "\u202etxt.exe"])
@pytest.mark.parametrize("format", ["md", "html"])
def test_an_export_of_a_file_with_any_name_has_a_valid_download_header(client, name, format):
    """Was a 500: a non-Latin-1 file name in ``content-disposition`` (header values are Latin-1)."""
    response = client.post(f"/v1/analyze?format={format}", files=[("file", (name, TEXT, "text/plain"))])
    assert response.status_code == 200, response.text
    header = response.headers["content-disposition"]
    header.encode("latin-1")
    assert header.startswith('inline; filename="') and "\n" not in header and "\r" not in header
    plain = header.split('filename="', 1)[1].split('"', 1)[0]
    assert plain.isascii() and '"' not in plain and "\\" not in plain
    if not name.isascii():  # (the test client sends ASCII names as they are, but percent-encodes a quote)
        from urllib.parse import quote

        stem = name.rsplit(".", 1)[0]
        assert header.endswith(f"filename*=UTF-8''{quote(f'{stem}.report.{format}', safe='')}")


def test_content_disposition_keeps_a_plain_name_as_it_is():
    from app.routes.common import content_disposition

    assert content_disposition("inline", "offer.report.md") == 'inline; filename="offer.report.md"'


@pytest.mark.parametrize("wrvu", ["1e400", "inf", "1e308", "nan", "100001", ",".join(["5000"] * 21)])
@pytest.mark.parametrize("format", ["json", "md"])
def test_wrvu_levels_the_projection_cannot_use_are_bad_context(client, wrvu, format):
    """Was a 500: ``1e400``/``inf`` overflowed int() (OverflowError); ``1e308`` overflowed the projection to
    infinity, which JSON writes as null, so the report no longer matched its own schema."""
    response = client.post(f"/v1/analyze?format={format}", files=[("file", ("a.txt", TEXT, "text/plain"))],
                           data={"wrvu": wrvu})
    assert response.status_code == 422, response.text
    assert response.json()["code"] == "bad_context"


def test_sensible_wrvu_levels_still_project(client):
    response = client.post("/v1/analyze", files=[("file", ("a.pdf", (SAMPLES / "family_medicine_wrvu.pdf").read_bytes(),
                                                           "application/pdf"))],
                           data={"wrvu": "4500, 100000", "specialty": "family_medicine"})
    assert response.status_code == 200, response.text
    rows = response.json()["projection"]["rows"]
    assert {row["wrvus"] for row in rows} >= {4500.0, 100000.0}
    assert all(isinstance(row["total_usd"], float) for row in rows)


@pytest.mark.parametrize(("method", "path", "data", "code"), [
    ("get", "/v1/batch/a%00b", None, "batch_not_found"),
    ("delete", "/v1/peers/a%00b", None, "peer_not_found"),
    ("post", "/v1/compare", {"peer_id": "a\x00b"}, "peer_not_found"),
    ("get", "/v1/batch/" + "x" * 5000, None, "batch_not_found"),
])
def test_ids_that_cannot_exist_are_404_without_asking_the_database(client, method, path, data, code):
    """Was a 500 on PostgreSQL: a NUL in an id makes psycopg refuse the query (DataError)."""
    response = getattr(client, method)(path, **({"data": data} if data else {}))
    assert response.status_code == 404, response.text
    assert response.json()["code"] == code


def test_a_batch_page_for_an_id_that_cannot_exist_is_a_404_page(client):
    response = client.get("/ui/batch/a%00b")
    assert response.status_code == 404 and response.headers["content-type"].startswith("text/html")


def test_stored_ids_are_still_found(make_client):
    client = make_client(min_cohort=1)
    batch = client.post("/v1/batch", files=[("files", ("a.txt", TEXT, "text/plain"))], data={"store": "true"}).json()
    assert client.get(f"/v1/batch/{batch['batch_id']}").status_code == 200
    peer_id = batch["results"][0]["peer_id"]
    assert client.post("/v1/compare", data={"peer_id": peer_id}).status_code == 200
    assert client.delete(f"/v1/peers/{peer_id}").status_code == 204


def test_every_error_status_is_documented_with_the_error_shape(client):
    spec = client.get("/openapi.json").json()
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            for status, response in operation["responses"].items():
                if status.startswith(("4", "5")) and (path, status) != ("/readyz", "503"):
                    content = response.get("content", {}).get("application/json", {})
                    assert content.get("schema", {}).get("$ref", "").endswith("/ErrorOut"), (method, path, status)
            if "requestBody" in operation:
                assert {"400", "413", "422"} <= set(operation["responses"]), (method, path)
