"""The HTTP API, route by route and error by error, on SQLite and on PostgreSQL (the ``database_url`` fixture).

Every error answers with the one JSON shape ``{code, message, status, file}`` and never a traceback.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import time

import jsonschema
import pytest

from tests.conftest import BAD_INPUTS, ROOT, SAMPLES

SAMPLE = SAMPLES / "hospitalist_employed.pdf"
FIVE = ["hospitalist_employed.pdf", "family_medicine_wrvu.pdf", "obgyn_employed.pdf",
        "cardiology_sign_on.pdf", "psychiatry_fair.pdf"]
ERROR_KEYS = {"code", "message", "status", "file"}
REPORT_SCHEMA = json.loads((ROOT / "docs" / "report.schema.json").read_text())


def upload(name: str, folder=SAMPLES, as_name: str | None = None) -> tuple[str, tuple[str, bytes, str]]:
    return ("file", (as_name or name, (folder / name).read_bytes(), "application/octet-stream"))


def files(*names: str, folder=SAMPLES) -> list[tuple[str, tuple[str, bytes, str]]]:
    return [("files", (name, (folder / name).read_bytes(), "application/octet-stream")) for name in names]


def assert_error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == ERROR_KEYS
    assert (body["status"], body["code"]) == (status, code)
    assert body["message"] and "Traceback" not in body["message"]
    return body


def store_batch(client, names=FIVE, headers=None, **form) -> dict:
    response = client.post("/v1/batch", files=files(*names), data={"store": "true", **form}, headers=headers or {})
    assert response.status_code == 200, response.text
    return response.json()


# --- health -----------------------------------------------------------------------------------------------

def test_healthz_and_readyz_answer(client):
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json() == {"status": "ready", "checks": {"analyzer": True, "database": True}}


def test_readyz_says_not_ready_when_the_database_is_gone(client):
    from sqlalchemy import create_engine

    working, unreachable = client.app.state.engine, create_engine("sqlite:////nonexistent-folder/none.sqlite3")
    client.app.state.engine = unreachable
    try:
        response = client.get("/readyz")
    finally:
        client.app.state.engine = working
        unreachable.dispose()
    assert response.status_code == 503
    assert response.json()["checks"] == {"analyzer": True, "database": False}


# --- POST /v1/analyze -----------------------------------------------------------------------------------

def test_analyze_returns_a_valid_report_v1_with_the_readers_context(client):
    response = client.post("/v1/analyze", files=[upload(SAMPLE.name)],
                           data={"specialty": "hospitalist", "state": "TX", "setting": "employed"})
    assert response.status_code == 200, response.text
    report = response.json()
    jsonschema.validate(report, REPORT_SCHEMA)
    assert report["schema_version"] == "1"
    assert report["document"]["filename"] == SAMPLE.name
    assert report["flags"], "the hospitalist sample has flags"
    assert (report["context"]["specialty"], report["context"]["state"]) == ("hospitalist", "TX")


@pytest.mark.parametrize(("format", "media_type", "starts"), [
    ("md", "text/markdown", b"#"),
    ("html", "text/html", b"<!doctype html>"),
    ("pdf", "application/pdf", b"%PDF-"),
])
def test_analyze_exports_the_report_as(client, format, media_type, starts):
    response = client.post(f"/v1/analyze?format={format}", files=[upload(SAMPLE.name)])
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith(media_type)
    assert response.content.lstrip().lower().startswith(starts.lower())
    assert f'filename="{SAMPLE.stem}.report.{format}"' in response.headers["content-disposition"]


def test_analyze_accepts_docx_and_plain_text(client):
    docx = client.post("/v1/analyze", files=[upload("urology_group.docx")])
    assert docx.status_code == 200 and docx.json()["document"]["media_type"] == "docx"
    text = "7.1 Physician shall not practice medicine within 25 miles of any Practice office for two (2) years."
    plain = client.post("/v1/analyze", files=[("file", ("offer.txt", text.encode(), "text/plain"))])
    assert plain.status_code == 200
    assert any(t["name"] == "non_compete.radius_miles" and t["value"] == 25 for t in plain.json()["terms"])


@pytest.mark.parametrize(("fixture", "status", "code"), [
    ("png_renamed.pdf", 415, "unsupported_file_type"),
    ("binary.txt", 415, "unsupported_file_type"),
    ("not_a_zip.docx", 415, "unsupported_file_type"),
    ("corrupt.docx", 415, "unsupported_file_type"),
    ("empty.pdf", 422, "empty_file"),
    ("encrypted.pdf", 422, "pdf_encrypted"),
    ("image_only.pdf", 422, "no_text_layer"),
    ("garbage.pdf", 422, "corrupt_file"),
    ("truncated.pdf", 422, "truncated_file"),
])
def test_analyze_refuses_bad_input_with_a_named_error(client, fixture, status, code):
    body = assert_error(client.post("/v1/analyze", files=[upload(fixture, BAD_INPUTS)]), status, code)
    assert body["file"] == fixture


@pytest.mark.parametrize(("form", "problem"), [
    ({"state": "Narnia"}, "Narnia"),
    ({"specialty": "astrology"}, "astrology"),
    ({"setting": "spaceship"}, "spaceship"),
    ({"signed": "last tuesday"}, "last tuesday"),
    ({"wrvu": "lots"}, "lots"),
])
def test_analyze_refuses_context_it_cannot_understand(client, form, problem):
    body = assert_error(client.post("/v1/analyze", files=[upload(SAMPLE.name)], data=form), 422, "bad_context")
    assert problem in body["message"]


def test_analyze_without_a_file_or_with_an_unknown_format_is_an_invalid_request(client):
    assert "file" in assert_error(client.post("/v1/analyze"), 422, "invalid_request")["message"]
    assert_error(client.post("/v1/analyze?format=xml", files=[upload(SAMPLE.name)]), 422, "invalid_request")


def test_a_file_over_the_upload_limit_is_413_before_analysis(make_client):
    client = make_client(max_upload_mb=0.01)  # 10 KiB; the sample is about 20 KiB
    body = assert_error(client.post("/v1/analyze", files=[upload(SAMPLE.name)]), 413, "file_too_large")
    assert body["file"] == SAMPLE.name and "0.01 MB" in body["message"]


def test_a_request_body_over_the_request_limit_is_413_from_its_content_length(make_client):
    client = make_client(max_upload_mb=0.01)  # the request limit is 20 uploads' worth: 0.2 MiB
    response = client.post("/v1/analyze", files=[("file", ("big.txt", b"x" * 400_000, "text/plain"))])
    assert_error(response, 413, "request_too_large")


def test_a_contract_over_the_page_limit_is_422(make_client):
    body = assert_error(make_client(max_pages=1).post("/v1/analyze", files=[upload(SAMPLE.name)]), 422, "too_many_pages")
    assert "1" in body["message"]


def test_an_analysis_over_the_time_limit_is_503(make_client):
    client = make_client(analysis_timeout_seconds=1e-6)
    assert_error(client.post("/v1/analyze", files=[upload(SAMPLE.name)]), 503, "analysis_timeout")


def test_an_unexpected_failure_is_a_500_without_details(client, monkeypatch):
    def broken(*_args, **_kwargs):
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(client.app.state.analysis.analyzer, "analyze", broken)
    body = assert_error(client.post("/v1/analyze", files=[upload(SAMPLE.name)]), 500, "internal_error")
    assert "secret" not in body["message"]


@pytest.mark.parametrize(("method", "path", "status", "code"), [
    ("get", "/v2/analyze", 404, "not_found"),
    ("get", "/v1/analyze", 405, "method_not_allowed"),
    ("put", "/v1/peers/stats", 405, "method_not_allowed"),
])
def test_unknown_routes_and_methods_use_the_error_shape(client, method, path, status, code):
    assert_error(getattr(client, method)(path), status, code)


# --- POST /v1/batch, GET /v1/batch/{id} -------------------------------------------------------------------

def test_a_small_batch_with_a_corrupt_file_gives_every_file_a_result(make_client):
    client = make_client(min_cohort=2)
    uploads = files("hospitalist_employed.pdf", "family_medicine_wrvu.pdf") + files("garbage.pdf", folder=BAD_INPUTS) \
        + files("urology_group.docx")
    response = client.post("/v1/batch", files=uploads)
    assert response.status_code == 200, response.text
    batch = response.json()
    assert batch["status"] == "done" and batch["progress"] == {"done": 4, "total": 4}
    by_name = {r["filename"]: r for r in batch["results"]}
    assert list(by_name) == ["hospitalist_employed.pdf", "family_medicine_wrvu.pdf", "garbage.pdf", "urology_group.docx"]
    assert by_name["garbage.pdf"]["status"] == "error"
    assert by_name["garbage.pdf"]["error"]["code"] == "corrupt_file" and by_name["garbage.pdf"]["summary"] is None
    for name in ("hospitalist_employed.pdf", "family_medicine_wrvu.pdf", "urology_group.docx"):
        assert by_name[name]["status"] == "ok" and by_name[name]["error"] is None
        assert by_name[name]["summary"]["risk_score"] >= 0 and by_name[name]["terms"]
    assert batch["peers"]["contracts"] == 3
    notice = batch["peers"]["terms"]["termination_without_cause.notice_days"]
    assert set(notice) == {"n", "min", "p25", "median", "p75", "max"} and notice["n"] == 3
    assert notice["min"] <= notice["p25"] <= notice["median"] <= notice["p75"] <= notice["max"]


def test_batch_peer_distributions_are_hidden_below_the_minimum_cohort(client):
    batch = client.post("/v1/batch", files=files("hospitalist_employed.pdf", "obgyn_employed.pdf")).json()
    assert batch["peers"] == {"contracts": 2, "min_cohort": 5, "terms": {}}


def test_an_oversized_file_in_a_batch_is_that_files_error(make_client):
    client = make_client(max_upload_mb=0.015)  # 15 KiB: the emergency medicine sample fits, the hospitalist one not
    batch = client.post("/v1/batch", files=files("emergency_medicine_group.pdf", "hospitalist_employed.pdf")).json()
    statuses = [(r["filename"], r["status"], (r["error"] or {}).get("code")) for r in batch["results"]]
    assert statuses == [("emergency_medicine_group.pdf", "ok", None), ("hospitalist_employed.pdf", "error", "file_too_large")]


def test_batch_results_hold_no_contract_text_and_redacted_term_words(client):
    from nlp.extract import extract_document

    text = extract_document(SAMPLE).text
    batch = client.post("/v1/batch", files=files(SAMPLE.name)).json()
    echoed = json.dumps(batch)
    long_lines = [line.strip() for line in text.splitlines() if len(line.strip()) > 60]
    assert long_lines and not [line for line in long_lines if line in echoed]
    quotes = [t["text"] for t in batch["results"][0]["terms"]]
    assert quotes and all(len(q) < 400 for q in quotes)


def test_a_large_batch_is_queued_then_polled_to_completion(make_client):
    client = make_client(batch_sync_max_files=1)
    response = client.post("/v1/batch", files=files("pediatrics_offer_letter.pdf", "emergency_medicine_group.pdf")
                           + files("truncated.pdf", folder=BAD_INPUTS))
    assert response.status_code == 202, response.text
    queued = response.json()
    assert response.headers["location"] == f"/v1/batch/{queued['batch_id']}"
    assert queued["status"] in ("queued", "running", "done") and queued["progress"]["total"] == 3
    deadline = time.monotonic() + 60
    while (polled := client.get(response.headers["location"]).json())["status"] not in ("done", "failed"):
        assert polled["progress"]["done"] <= 3
        assert time.monotonic() < deadline, polled
        time.sleep(0.05)
    assert polled["status"] == "done" and polled["progress"] == {"done": 3, "total": 3}
    assert [r["status"] for r in polled["results"]] == ["ok", "ok", "error"]
    assert polled["results"][2]["error"]["code"] == "truncated_file"


def test_a_small_batch_past_the_time_limit_is_queued_instead_of_waited_for(make_client):
    client = make_client(analysis_timeout_seconds=1e-6)
    response = client.post("/v1/batch", files=files("pediatrics_offer_letter.pdf"))
    assert response.status_code == 202 and response.headers["location"].startswith("/v1/batch/")
    deadline = time.monotonic() + 60
    while (polled := client.get(response.headers["location"]).json())["status"] != "done":
        assert time.monotonic() < deadline, polled
        time.sleep(0.05)
    assert polled["results"][0]["status"] == "ok"


def test_a_batch_downloads_as_csv_one_row_per_contract(client):
    batch = client.post("/v1/batch", files=files("hospitalist_employed.pdf") + files("png_renamed.pdf", folder=BAD_INPUTS)
                        + [("files", ("=cmd.txt", b"Physician shall give ninety (90) days notice.", "text/plain"))]).json()
    response = client.get(f"/v1/batch/{batch['batch_id']}?format=csv")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [r["filename"] for r in rows] == ["hospitalist_employed.pdf", "png_renamed.pdf", "'=cmd.txt"]
    assert {"flags_high", "flags_medium", "flags_low", "non_compete.radius_miles", "termination_without_cause.notice_days"} <= set(rows[0])
    assert rows[0]["status"] == "ok" and int(rows[0]["flags_high"]) >= 1 and rows[0]["risk_score"]
    assert (rows[1]["status"], rows[1]["error_code"], rows[1]["risk_score"]) == ("error", "unsupported_file_type", "")


@pytest.mark.parametrize(("query", "status", "code"), [
    ("/v1/batch/00000000-0000-0000-0000-000000000000", 404, "batch_not_found"),
    ("/v1/batch/{id}?format=xml", 422, "invalid_request"),
])
def test_get_batch_errors(client, query, status, code):
    batch_id = client.post("/v1/batch", files=files("pediatrics_offer_letter.pdf")).json()["batch_id"]
    assert_error(client.get(query.format(id=batch_id)), status, code)


def test_a_batch_without_files_or_with_too_many_is_refused(make_client):
    client = make_client(batch_max_files=2)
    assert_error(client.post("/v1/batch", data={"store": "false"}), 422, "invalid_request")
    body = assert_error(client.post("/v1/batch", files=files(*FIVE[:3])), 422, "too_many_files")
    assert "2" in body["message"]


def test_batch_refuses_context_it_cannot_understand(client):
    assert_error(client.post("/v1/batch", files=files(SAMPLE.name), data={"state": "Atlantis"}), 422, "bad_context")


# --- the peer store: POST /v1/compare, GET /v1/peers/stats, DELETE /v1/peers/{id} -------------------------

def test_stored_peers_make_cohort_statistics_once_there_are_enough(client):
    empty = client.get("/v1/peers/stats").json()
    assert (empty["contracts"], empty["shown"], empty["terms"]) == (0, False, {})
    four = store_batch(client, FIVE[:4], specialty="hospitalist", state="TX")
    assert all(r["peer_id"] for r in four["results"])
    below = client.get("/v1/peers/stats").json()
    assert (below["contracts"], below["shown"], below["terms"]) == (4, False, {})
    store_batch(client, FIVE[4:], specialty="hospitalist", state="TX")
    stats = client.get("/v1/peers/stats", params={"specialty": "hospitalist", "state": "tx"}).json()
    assert stats["contracts"] == 5 and stats["shown"] is True
    assert stats["cohort"] == {"specialty": "hospitalist", "state": "TX", "setting": None}
    notice = stats["terms"]["termination_without_cause.notice_days"]  # every one of the five states it
    assert notice["n"] == 5 and notice["min"] <= notice["median"] <= notice["max"]
    assert "non_compete.radius_miles" not in stats["terms"], "only four of the five state a radius: below the minimum"
    other = client.get("/v1/peers/stats", params={"state": "CA"}).json()
    assert (other["contracts"], other["shown"]) == (0, False)


def test_compare_gives_each_term_its_percentile_among_peers(client):
    stored = store_batch(client)
    compared = client.post("/v1/compare", files=[upload(SAMPLE.name)])
    assert compared.status_code == 200, compared.text
    rows = {r["name"]: r for r in compared.json()["terms"]}
    notice = rows["termination_without_cause.notice_days"]
    assert notice["n"] == 5 and 0 <= notice["percentile"] <= 100 and notice["distribution"]["n"] == 5
    assert rows["non_compete.radius_miles"]["n"] == 4 and rows["non_compete.radius_miles"]["percentile"] is None
    by_peer = client.post("/v1/compare", data={"peer_id": stored["results"][0]["peer_id"]})
    assert by_peer.status_code == 200
    assert {r["name"]: r["value"] for r in by_peer.json()["terms"]}["termination_without_cause.notice_days"] == notice["value"]


def test_compare_hides_percentiles_below_the_minimum_cohort(make_client):
    client = make_client(min_cohort=10)
    store_batch(client)
    rows = client.post("/v1/compare", files=[upload(SAMPLE.name)]).json()["terms"]
    assert rows and all(r.get("percentile") is None and r.get("distribution") is None and r.get("share_same") is None
                        for r in rows)


@pytest.mark.parametrize(("data", "status", "code"), [
    ({}, 422, "nothing_to_compare"),
    ({"peer_id": "no-such-peer"}, 404, "peer_not_found"),
    ({"peer_id": "x", "specialty": "astrology"}, 422, "bad_context"),
    ({"peer_id": "x", "state": "Narnia"}, 422, "bad_context"),
])
def test_compare_errors(client, data, status, code):
    assert_error(client.post("/v1/compare", data=data), status, code)


def test_peers_stats_refuses_an_unknown_cohort(client):
    assert_error(client.get("/v1/peers/stats", params={"specialty": "astrology"}), 422, "bad_context")


def test_deleting_a_peer_removes_it_from_the_statistics(make_client):
    client = make_client(min_cohort=1)
    peer_id = store_batch(client, ["pediatrics_offer_letter.pdf"])["results"][0]["peer_id"]
    assert client.get("/v1/peers/stats").json()["contracts"] == 1
    assert client.delete(f"/v1/peers/{peer_id}").status_code == 204
    assert client.get("/v1/peers/stats").json()["contracts"] == 0
    assert_error(client.delete(f"/v1/peers/{peer_id}"), 404, "peer_not_found")


def test_a_stored_peer_keeps_numbers_and_context_but_no_text_or_names(client, database_url):
    from sqlalchemy import create_engine, inspect, text

    store_batch(client, ["hospitalist_employed.pdf"], specialty="hospitalist", state="TX")
    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            dumped = [row for table in ("peers", "peer_terms", "peer_kinds", "peer_flags")
                      for row in connection.execute(text(f"SELECT * FROM {table}")).all()]
            columns = {c["name"] for t in ("peers", "peer_terms") for c in inspect(connection).get_columns(t)}
    finally:
        engine.dispose()
    assert not columns & {"text", "filename", "name_of_party", "quote", "contract_text"}
    strings = [value for row in dumped for value in row if isinstance(value, str)]
    assert "hospitalist" in strings and "TX" in strings
    assert all(len(value) <= 80 for value in strings), "peer rows hold labels and ids, never passages"


# --- API keys ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("headers", "status", "code"), [
    ({}, 401, "api_key_required"),
    ({"X-API-Key": "wrong"}, 403, "api_key_invalid"),
])
def test_peer_store_writes_and_deletes_need_a_valid_key_when_keys_are_set(make_client, headers, status, code):
    client = make_client(api_keys=["k1", "k2"])
    assert_error(client.post("/v1/batch", files=files(SAMPLE.name), data={"store": "true"}, headers=headers), status, code)
    assert_error(client.delete("/v1/peers/any", headers=headers), status, code)
    assert client.post("/v1/batch", files=files(SAMPLE.name), headers=headers).status_code == 200, "reading needs no key"
    assert client.get("/v1/peers/stats", headers=headers).status_code == 200


def test_a_valid_key_stores_and_deletes(make_client):
    client = make_client(api_keys=["k1", "k2"], min_cohort=1)
    peer_id = store_batch(client, ["pediatrics_offer_letter.pdf"], headers={"X-API-Key": "k2"})["results"][0]["peer_id"]
    assert client.delete(f"/v1/peers/{peer_id}", headers={"X-API-Key": "k1"}).status_code == 204


def test_api_keys_come_from_a_comma_separated_setting(monkeypatch):
    from app.settings import Settings

    monkeypatch.setenv("CONTRACT_RISK_API_KEYS", " alpha, beta ,,")
    assert Settings().api_keys == ["alpha", "beta"]


# --- the web page's form posts, docs, headers, privacy of logs --------------------------------------------

def test_the_page_and_the_api_docs_are_served_from_this_origin(client):
    page = client.get("/")
    assert page.status_code == 200 and 'type="file"' in page.text and "/static/app.js" in page.text
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/static/docs/swagger-ui-bundle.js" in docs.text and "<script>" not in docs.text
    for asset in ("/static/docs/swagger-ui-bundle.js", "/static/docs/swagger-ui.css", "/static/docs-init.js",
                  "/static/app.js", "/static/app.css"):
        assert client.get(asset).status_code == 200, asset
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/v1/analyze", "/v1/batch", "/v1/batch/{batch_id}", "/v1/compare", "/v1/peers/stats",
            "/v1/peers/{peer_id}", "/healthz", "/readyz"} <= set(paths)


def test_security_headers_are_on_every_response(client):
    for response in (client.get("/"), client.get("/v1/nothing"), client.post("/v1/analyze")):
        assert response.headers["x-content-type-options"] == "nosniff"
        assert "script-src 'self'" in response.headers["content-security-policy"]
        assert response.headers["x-frame-options"] == "DENY"


def test_the_page_form_shows_the_html_report_or_a_readable_error(client):
    report = client.post("/ui/analyze", files=[upload(SAMPLE.name)], data={"specialty": "", "state": "", "setting": ""})
    assert report.status_code == 200 and report.headers["content-type"].startswith("text/html")
    assert "Questions" in report.text or "question" in report.text.lower()
    error = client.post("/ui/analyze", files=[upload("png_renamed.pdf", BAD_INPUTS)])
    assert error.status_code == 415 and error.headers["content-type"].startswith("text/html")
    assert "PNG" in error.text and "Traceback" not in error.text


def test_the_page_forms_answer_every_error_with_a_page(make_client):
    client = make_client(max_upload_mb=0.01)
    for response, status in ((client.post("/ui/analyze"), 422),
                             (client.post("/ui/batch", data={"store": "false"}), 422),
                             (client.post("/ui/analyze", files=[("file", ("big.txt", b"x" * 400_000, "text/plain"))]), 413),
                             (client.post("/ui/analyze", files=[upload(SAMPLE.name)]), 413),
                             (client.get("/ui/batch/no-such-batch"), 404)):
        assert response.status_code == status
        assert response.headers["content-type"].startswith("text/html"), response.text
        assert "Traceback" not in response.text and '"code"' not in response.text
    assert "Choose a contract file" in client.post("/ui/analyze").text


def test_a_large_batch_from_the_page_shows_progress_then_the_results(make_client):
    client = make_client(batch_sync_max_files=1)
    posted = client.post("/ui/batch", files=files("pediatrics_offer_letter.pdf", "emergency_medicine_group.pdf"),
                         follow_redirects=False)
    assert posted.status_code == 303 and posted.headers["location"].startswith("/ui/batch/")
    deadline = time.monotonic() + 60
    while 'http-equiv="refresh"' in (page := client.get(posted.headers["location"])).text:
        assert "of 2 done" in page.text and time.monotonic() < deadline
        time.sleep(0.05)
    assert page.status_code == 200 and "2 of 2 contracts analysed" in page.text


def test_logs_hold_no_contract_text(client, caplog):
    from nlp.extract import extract_document

    text = extract_document(SAMPLE).text
    caplog.set_level(logging.DEBUG)
    client.post("/v1/analyze", files=[upload(SAMPLE.name)])
    client.post("/v1/batch", files=files(SAMPLE.name) + files("garbage.pdf", folder=BAD_INPUTS), data={"store": "true"})
    client.post("/ui/analyze", files=[upload(SAMPLE.name)])
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "analysed document sha256=" in logged, "the analysis is logged, by hash"
    fragments = {line.strip()[:50] for line in text.splitlines() if len(line.strip()) >= 50}
    assert fragments and not [f for f in fragments if f in logged]
