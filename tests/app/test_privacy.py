"""Privacy and access: what the service keeps, logs and leaves behind, and who may write to the peer store.

(tests/app/test_api.py already checks: one sample's lines absent from logs at DEBUG on the root logger; batch
results without contract text; stored peers without text; 401/403 on POST /v1/batch store=true and DELETE
/v1/peers; security headers on three responses; 413 by Content-Length. These tests extend them.)

- logs: every logger at DEBUG, every sample contract through every route (exports, the web form, batches answered
  at once and queued, bad files, an internal error whose exception quotes the contract), and no distinctive
  6-word run of any sample's text, nor a party's name, is in the log;
- API keys: every peer-store write (API and web form) is 401 without a key, 403 with a wrong one (also empty, or in
  the query string), 2xx with a right one, and a refused write stores nothing;
- redaction on real documents nobody here wrote (the physician agreements of shared/data/physician_contracts and
  CUAD contracts of the *train* split): names, organisations, addresses, e-mail addresses, phone numbers and
  signatures go, the terms (dollars, days, percentages, every quantity) stay;
- temporary files: uploads spooled to disk (over 1 MB) and small ones, analysed or refused, leave no file and no
  open file in the temporary folder;
- security headers on every kind of answer (pages, exports, static files, JSON, errors, the 413 of the
  middleware), once each, and no inline script the Content-Security-Policy would block;
- the request size limit holds for a streamed body without Content-Length: 413 with the JSON error (the page for
  the web forms) after reading just past the limit.
"""

from __future__ import annotations

import asyncio
import csv
import json
import logging
import os
import re
import tempfile
import time
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

from tests.conftest import BAD_INPUTS, SAMPLES, SHARED_DATA
from tests.nlp.test_redact import SAMPLE_PARTIES

SAMPLE_FILES = sorted(p for p in SAMPLES.iterdir() if p.suffix in {".pdf", ".docx"})
ERROR_KEYS = {"code", "message", "status", "file"}


# --- contract text in logs ------------------------------------------------------------------------------------

def _words(text: str) -> list[str]:
    return re.findall(r"\S+", text)


@cache
def sample_text(path: Path) -> str:
    from nlp.extract import extract_document

    return extract_document(path).text


def distinctive_snippets(text: str, per_text: int = 40) -> list[str]:
    """Runs of 6 words from the text's sentences (first and last six words of each sentence of 8+ words with
    letters), whitespace collapsed: what a log line quoting the contract would contain."""
    snippets: list[str] = []
    for sentence in re.split(r"(?<=[.;:])\s+", " ".join(_words(text))):
        words = sentence.split()
        if len(words) < 8 or sum(c.isalpha() for c in sentence) < 30:
            continue
        snippets.extend({" ".join(words[:6]), " ".join(words[-6:])})
    step = max(1, len(snippets) // per_text)
    return snippets[::step]


def leaked(log: str, texts: dict[str, str]) -> dict[str, list[str]]:
    """Per text, its snippets and party names found in ``log`` (whitespace collapsed on both sides)."""
    flat = " ".join(_words(log))
    found: dict[str, list[str]] = {}
    for name, text in texts.items():
        parties = [p for group in SAMPLE_PARTIES.get(name, ((), ())) for p in group]
        hits = [s for s in distinctive_snippets(text) + parties if s in flat]
        if hits:
            found[name] = hits
    return found


def sample_texts() -> dict[str, str]:
    return {path.stem: sample_text(path) for path in SAMPLE_FILES}


def test_the_snippets_are_many_and_would_be_found():
    texts = sample_texts()
    assert len(texts) == len(SAMPLE_FILES) >= 14 and all(len(distinctive_snippets(t)) >= 20 for t in texts.values())
    name, text = next(iter(texts.items()))
    assert leaked(f"log line: {text[2000:2600]}", {name: text}), "a quoted passage would be caught"


#: Loggers of the PDF parser: at DEBUG, pdfminer logs every token of the page's content stream, i.e. the contract's
#: text (``nexttoken: (1772, b'the Centers for Medicare & Medicaid Services.')``). They belong at WARNING whatever
#: the service's level (see test_the_pdf_parser_does_not_log_the_contract_under_a_debug_root_logger).
PARSER_LOGGERS = ("pdfminer",)


@pytest.fixture
def every_logger_at_debug(caplog):
    """caplog at DEBUG, and every logger that exists (uvicorn, multipart, sqlalchemy ...) at DEBUG, propagating;
    except the PDF parser's, held at WARNING (see PARSER_LOGGERS)."""
    import nlp.extract  # noqa: F401 - its libraries' loggers exist from here on

    changed = []
    for logger in [logging.getLogger(name) for name in list(logging.root.manager.loggerDict)]:
        if isinstance(logger, logging.Logger):
            changed.append((logger, logger.level, logger.propagate, logger.disabled))
            parser = logger.name.split(".")[0] in PARSER_LOGGERS
            logger.setLevel(logging.WARNING if parser else logging.DEBUG)
            logger.propagate, logger.disabled = True, False
    caplog.set_level(logging.DEBUG)
    yield caplog
    for logger, level, propagate, disabled in changed:
        logger.setLevel(level)
        logger.propagate, logger.disabled = propagate, disabled


def logged(caplog) -> str:
    """Everything logged, as a handler would write it (messages and any exception text)."""
    return "\n".join(caplog.handler.format(record) for record in caplog.records)


def upload(path: Path, field: str = "file") -> tuple[str, tuple[str, bytes, str]]:
    return (field, (path.name, path.read_bytes(), "application/octet-stream"))


def test_no_contract_text_is_logged_on_any_route(make_client, every_logger_at_debug):
    client = make_client(min_cohort=2)
    queued = make_client(batch_sync_max_files=1)
    for path in SAMPLE_FILES:
        assert client.post("/v1/analyze", files=[upload(path)], data={"specialty": "cardiology"}).status_code == 200
    for fmt in ("md", "html", "pdf"):
        assert client.post(f"/v1/analyze?format={fmt}", files=[upload(SAMPLE_FILES[0])]).status_code == 200
    assert client.post("/ui/analyze", files=[upload(SAMPLE_FILES[1])]).status_code == 200
    batch = client.post("/v1/batch", data={"store": "true"},
                        files=[upload(p, "files") for p in SAMPLE_FILES[:4]] + [upload(BAD_INPUTS / "garbage.pdf", "files")])
    assert batch.status_code == 200 and len(batch.json()["results"]) == 5
    assert client.post("/v1/compare", files=[upload(SAMPLE_FILES[2])]).status_code == 200
    assert client.post("/ui/batch", files=[upload(p, "files") for p in SAMPLE_FILES[4:6]]).status_code == 200
    response = queued.post("/v1/batch", files=[upload(p, "files") for p in SAMPLE_FILES[6:9]])
    assert response.status_code == 202
    deadline = time.monotonic() + 60
    while queued.get(response.headers["location"]).json()["status"] != "done":
        assert time.monotonic() < deadline
        time.sleep(0.05)
    for bad in ("garbage.pdf", "truncated.pdf", "png_renamed.pdf", "encrypted.pdf"):
        assert client.post("/v1/analyze", files=[upload(BAD_INPUTS / bad)]).status_code in (415, 422)
    log = logged(every_logger_at_debug)
    assert "analysed document sha256=" in log, "the analyses were logged (by hash)"
    assert leaked(log, sample_texts()) == {}


def test_an_internal_error_quoting_the_contract_logs_no_text(client, every_logger_at_debug, monkeypatch):
    """A route's exception may carry contract text in its message; the 500's log line has its type and frames."""
    import app.routes.analyze as analyze_route

    text = sample_text(SAMPLE_FILES[0])
    passage = " ".join(_words(text)[200:230])

    def broken(_report):
        raise ValueError(f"cannot render clause {passage!r}")

    monkeypatch.setitem(analyze_route.RENDERERS, "md", broken)
    response = client.post("/v1/analyze?format=md", files=[upload(SAMPLE_FILES[0])])
    assert response.status_code == 500 and response.json()["code"] == "internal_error"
    log = logged(every_logger_at_debug)
    assert "internal error on POST /v1/analyze: ValueError" in log and "in broken" in log, "where it failed is logged"
    assert leaked(log, {SAMPLE_FILES[0].stem: text}) == {} and passage[:60] not in " ".join(_words(log))


def test_the_pdf_parser_does_not_log_the_contract_under_a_debug_root_logger(client, caplog):
    caplog.set_level(logging.DEBUG)  # the root logger only: library loggers keep the level they set themselves
    path = SAMPLES / "emergency_medicine_group.pdf"
    assert client.post("/v1/analyze", files=[upload(path)]).status_code == 200
    assert leaked(logged(caplog), {path.stem: sample_text(path)}) == {}


def test_an_analysis_failure_quoting_the_contract_logs_no_text(client, every_logger_at_debug, monkeypatch):
    text = sample_text(SAMPLE_FILES[0])
    passage = " ".join(_words(text)[200:230])

    def broken(*_args, **_kwargs):
        raise ValueError(f"invalid literal for int() with base 10: {passage!r}")

    monkeypatch.setattr(client.app.state.analysis.analyzer, "analyze", broken)
    response = client.post("/v1/analyze", files=[upload(SAMPLE_FILES[0])])
    assert response.status_code == 500
    assert passage[:60] not in " ".join(_words(logged(every_logger_at_debug)))


# --- API keys --------------------------------------------------------------------------------------------------

TEXT = b"7.1 Physician shall not practice medicine within 25 miles of any Practice office for two (2) years."
KEYS = ["k1", "k-two"]


def write(client, route: str, headers: dict, peer_id: str = "00000000-0000-0000-0000-000000000000", query: str = ""):
    if route == "DELETE /v1/peers/{id}":
        return client.delete(f"/v1/peers/{peer_id}{query}", headers=headers)
    path = "/v1/batch" if route == "POST /v1/batch store=true" else "/ui/batch"
    return client.post(path + query, files=[("files", ("offer.txt", TEXT, "text/plain"))], data={"store": "true"},
                       headers=headers)


WRITES = ["POST /v1/batch store=true", "POST /ui/batch store=true", "DELETE /v1/peers/{id}"]


@pytest.mark.parametrize("route", WRITES)
@pytest.mark.parametrize(("headers", "query", "status", "code"), [
    ({}, "", 401, "api_key_required"),
    ({"X-API-Key": ""}, "", 401, "api_key_required"),
    ({}, "?api_key=k1", 401, "api_key_required"),
    ({"X-API-Key": "wrong"}, "", 403, "api_key_invalid"),
    ({"X-API-Key": "k1x"}, "", 403, "api_key_invalid"),
    ({"X-API-Key": "K1"}, "", 403, "api_key_invalid"),
    ({"Authorization": "Bearer k1"}, "", 401, "api_key_required"),
])
def test_a_peer_store_write_without_a_valid_key_is_refused_and_stores_nothing(make_client, route, headers, query,
                                                                              status, code):
    client = make_client(api_keys=KEYS, min_cohort=1)
    response = write(client, route, headers, query=query)
    assert response.status_code == status, response.text
    if route.startswith("POST /ui/"):  # the web form: a readable page with the same status
        assert response.headers["content-type"].startswith("text/html") and "API key" in response.text
    else:
        assert set(response.json()) == ERROR_KEYS and response.json()["code"] == code
    for key in KEYS:
        assert key not in response.text
    assert client.get("/v1/peers/stats").json()["contracts"] == 0


def test_a_valid_key_writes_through_every_route(make_client):
    client = make_client(api_keys=KEYS, min_cohort=1)
    for route, expected in (("POST /v1/batch store=true", 200), ("POST /ui/batch store=true", 200)):
        assert write(client, route, {"X-API-Key": "k-two"}).status_code == expected, route
    assert client.get("/v1/peers/stats").json()["contracts"] == 2
    batch = client.post("/v1/batch", files=[("files", ("a.txt", TEXT, "text/plain"))], data={"store": "true"},
                        headers={"X-API-Key": "k1"}).json()
    assert write(client, "DELETE /v1/peers/{id}", {"X-API-Key": "k1"}, batch["results"][0]["peer_id"]).status_code == 204
    assert client.get("/v1/peers/stats").json()["contracts"] == 2


def test_reading_and_analysing_need_no_key(make_client):
    client = make_client(api_keys=KEYS)
    assert client.post("/v1/analyze", files=[("file", ("a.txt", TEXT, "text/plain"))]).status_code == 200
    assert client.post("/v1/batch", files=[("files", ("a.txt", TEXT, "text/plain"))]).status_code == 200
    assert client.post("/ui/batch", files=[("files", ("a.txt", TEXT, "text/plain"))]).status_code == 200
    assert client.post("/v1/compare", files=[("file", ("a.txt", TEXT, "text/plain"))]).status_code == 200
    assert client.get("/v1/peers/stats").status_code == 200


def test_the_page_offers_storing_only_when_no_keys_are_set(make_client):
    assert 'name="store"' in make_client().get("/").text
    assert 'name="store"' not in make_client(api_keys=KEYS).get("/").text


# --- redaction of real preambles and signature blocks -----------------------------------------------------------

PHYSICIAN = "physician_contracts"


@dataclass(frozen=True)
class RealCase:
    """An excerpt of a real document (from ``start`` for ``length`` characters), what must go, what must stay."""

    id: str
    source: str  # "physician_contracts/<file>" or "cuad:<doc_id>" (train split only)
    start: str
    length: int
    removed: tuple[str, ...]
    kept: tuple[str, ...]
    #: gone from the whole document only: the excerpt alone does not say it is a name (known misses)
    removed_in_document: tuple[str, ...] = ()


DERMCHECK = f"{PHYSICIAN}/01_dermcheck-physician-independent-contractor.txt"
DERMDASH = f"{PHYSICIAN}/02_dermdash-physician-platform-services.txt"

REAL_CASES: tuple[RealCase, ...] = (
    # the physician agreements (pdftotext: lines wrapped inside the preamble)
    RealCase("dermcheck-preamble", DERMCHECK, "THIS INDEPENDENT CONTRACTOR AGREEMENT", 500,
             removed=("MOLE CHECK APP INC", "2825 Santa", "Santa Monica", "Monica Blvd", "90404", "#303A"),
             kept=("Delaware corporation", "(“Company”)", "(the “Effective Date”)", "by and between")),
    RealCase("dermcheck-signature", DERMCHECK, "NOW THEREFORE, the parties hereto have executed", 400,
             removed=("MOLE CHECK APP", "Ben Behnam", "Behnam"),
             kept=("Title: Medical Director", "Date: 03/22/2016", "COMPANY:", "Title: Physician")),
    RealCase("dermcheck-pay", DERMCHECK, "Transmission, Company will retain", 300,
             removed=("Mole Check App Inc.",),
             kept=("Four and 95/100 Dollars ($7.50)", "($30.00)")),
    RealCase("dermcheck-termination", DERMCHECK, "thirty (30) days", 60, removed=(),
             kept=("thirty (30) days’ prior written notice",)),
    RealCase("dermdash-preamble", DERMDASH, "THE DERMDASH PLATFORM SERVICES AGREEMENT", 500,
             removed=("DermDash Inc.", "DERMDASH", "2825 Santa", "Santa Monica", "90404"),
             kept=("a California corporation", "(“Company”)", "(“Physician”")),
    RealCase("dermdash-signature", DERMDASH, "NOW THEREFORE, the parties hereto have executed", 300,
             removed=("DERMDASH INC.", "Ben Behnam"), kept=("Title: CEO and President", "Date: 03/24/2016")),
    RealCase("dermdash-fees", DERMDASH, "18% (eighteen percent)", 300, removed=(),
             kept=("18% (eighteen percent)", "82% (eighty-two percent)")),
    # CUAD, train split: preambles with any party label, signature blocks, notice addresses
    RealCase("cuad-127-preamble", "cuad:127", "THIS CO-BRANDING AGREEMENT", 480,
             removed=("WOMEN.COM NETWORKS", "EDIETS.COM", "1820 Gateway Drive", "San Mateo", "94404",
                      "3467 West Hillsboro Boulevard", "Deerfield Beach", "33442", '("eDiets")', '("Women.com")'),
             kept=("May 22, 2000", "a Delaware corporation", '(the "Effective Date")')),
    RealCase("cuad-127-signature", "cuad:127", "WOMEN.COM NETWORKS, INC.                  EDIETS.COM", 700,
             removed=("Bud Ward", "Bus Ward", "David R. Humble", "Humble", "(650) 378-6500", "(954) 360-9022",
                      "(650) 378-6599", "1820 Gateway Drive", "Deerfield Beach"),
             kept=("Title: CEO and Chairman", "Title: Vice President Eastern Ad Sales")),
    RealCase("cuad-127-email", "cuad:127", "All creative should be sent to", 60, removed=("ads@women.com",),
             kept=("All creative should be sent to",)),
    RealCase("cuad-372-preamble", "cuad:372", "This Transportation Services Agreement", 520,
             removed=("PennTex", "North Louisiana Operating", "MRD Operating"),
             kept=('("Carrier")', '("Shipper")', "a Delaware limited liability company", "14t h day of April, 2015")),
    RealCase("cuad-372-notices", "cuad:372", "Carrier NOTICES AND CORRESPONDENCE:", 700,
             removed=("11931 Wickchester", "Suite 300", "77043", "(832) 456-4050", "500 Dallas Street", "77002",
                      "kroane@memorialrd.com", "Jeremy.bolander@memorialrd.com", "PennTex", "MRD Operating"),
             kept=("Attn: General Counsel", "NOTICES AND CORRESPONDENCE:")),
    RealCase("cuad-372-signature", "cuad:372", "IN WITNESS WHEREOF", 560,
             removed=("Robert O. Bond", "Kyle N. Roane", "Kyle Roane", "PennTex", "MRD Operating"),
             kept=("Title: Chief Operating Officer", "Title: Senior Vice President", "CARRIER:", "SHIPPER:")),
    RealCase("cuad-141-preamble", "cuad:141", "THIS  STRATEGIC ALLIANCE AGREEMENT", 640,
             removed=("NORTHERN TELECOM", "ENTRUST TECHNOLOGIES", '"NTL"', '"ETI"'),
             kept=("a Canadian corporation", "a Maryland corporation")),
    RealCase("cuad-141-signature", "cuad:141", "IN WITNESS WHEREOF, the Parties have caused", 700,
             removed=("Peter W. Currie", "John A. Ryan", "NORTHERN TELECOM LIMITED", "ENTRUST TECHNOLOGIES INC."),
             kept=("Title:  Senior Vice President", "Title:  President")),
    RealCase("cuad-473-preamble", "cuad:473", "THIS SPONSORSHIP AGREEMENT", 600,
             removed=("Violin Memory", "Niners SC Stadium Company"),
             kept=('("Sponsor")', "a Delaware corporation", "June 13, 2012")),
    RealCase("cuad-473-signature", "cuad:473", "IN WITNESS WHEREOF, the Patties", 330,
             removed=("Dixon Doll", "Gideon Yu", "NINERS SC STADIUM"),
             kept=("Title:  COO/Director", "Title:  President"),
             removed_in_document=("VIOLIN MEMORY",)),  # capitals at the end of the "IN WITNESS" line
    RealCase("cuad-27-one-line-signature", "cuad:27", "IN WITNESS WHEREOF", 330,
             removed=("Philip Liu", "Rayne Steinberg"),
             kept=("Title: President", "Title: Chief Executive Officer")),
    RealCase("cuad-66-signature", "cuad:66", "IN WITNESS WHEREOF", 600,
             removed=("Ally Pecarro", "Michael Jentis"), kept=("Title: Attorney-in-fact", "April 7, 2020")),
)


@pytest.fixture(scope="session")
def cuad_train(shared_data) -> dict[str, Path]:
    """doc_id -> text file, for the train split only (the test split is for evaluation, never for tuning)."""
    cuad = shared_data / "cuad"
    with open(cuad / "splits.csv", encoding="utf-8") as splits:
        train = {row["doc_id"] for row in csv.DictReader(splits) if row["split"] == "train"}
    with open(cuad / "contracts_index.csv", encoding="utf-8") as index:
        return {row["doc_id"]: cuad / row["txt_path"] for row in csv.DictReader(index) if row["doc_id"] in train}


def document_text(case: RealCase, cuad_train: dict[str, Path]) -> str:
    if case.source.startswith("cuad:"):
        doc_id = case.source.split(":", 1)[1]
        assert doc_id in cuad_train, f"CUAD document {doc_id} is not in the train split"
        return cuad_train[doc_id].read_text(encoding="utf-8")
    return (SHARED_DATA / case.source).read_text(encoding="utf-8")


@cache
def redacted_document(text: str) -> str:
    from nlp.redact import redact

    return redact(text).text


def test_real_cases_are_many_with_unique_ids():
    assert len(REAL_CASES) >= 15 and len({c.id for c in REAL_CASES}) == len(REAL_CASES)


@pytest.mark.shared_data
@pytest.mark.parametrize("case", REAL_CASES, ids=lambda c: c.id)
def test_redaction_of_real_documents(case, cuad_train):
    """The excerpt alone (as a batch's term quotes are redacted) and the whole document (as ``contract-risk redact``
    does): every ``removed`` string gone, every ``kept`` string still there."""
    from nlp.redact import redact

    text = document_text(case, cuad_train)
    assert case.start in text, case.start
    excerpt = text[text.index(case.start):][:case.length]
    for string in case.removed + case.kept + case.removed_in_document:
        assert string in excerpt, f"{string!r} is not in the excerpt"
    for redacted, what, removed in ((redact(excerpt).text, "excerpt", case.removed),
                                    (redacted_document(text), "whole document", case.removed + case.removed_in_document)):
        left = [s for s in removed if s in redacted]
        lost = [s for s in case.kept if s not in redacted]
        assert not left and not lost, f"{what}: left {left}, lost {lost}"


@pytest.mark.shared_data
@pytest.mark.parametrize("source", sorted({c.source for c in REAL_CASES}))
def test_redaction_keeps_every_quantity_of_real_documents(source, cuad_train):
    from nlp.terms.quantities import find_quantities

    text = document_text(RealCase("", source, "", 0, (), ()), cuad_train)

    def quantities(value: str) -> list[tuple]:
        return [(q.kind, q.value, q.unit, q.per, q.range_part) for q in find_quantities(value)]

    assert quantities(redacted_document(text)) == quantities(text)


@pytest.mark.shared_data
@pytest.mark.parametrize("name", ["01_dermcheck-physician-independent-contractor.pdf",
                                  "02_dermdash-physician-platform-services.pdf"])
def test_redaction_of_the_real_physician_pdfs_as_the_service_reads_them(name, shared_data):
    """The same agreements through the service's own PDF extraction (lines joined into paragraphs)."""
    from nlp.extract import extract_document
    from nlp.redact import redact

    redacted = redact(extract_document(shared_data / PHYSICIAN / name).text).text
    for gone in ("Behnam", "Santa Monica", "2825", "90404", "MOLE CHECK", "Mole Check", "DermDash Inc", "DERMDASH INC"):
        assert gone not in redacted, gone
    assert "Title: Medical Director" in redacted or "Title: CEO and President" in redacted
    assert "thirty (30) days" in redacted


# --- temporary files --------------------------------------------------------------------------------------------

def _padded_pdf(size: int) -> bytes:
    """A sample PDF grown past ``size`` bytes by a comment before ``startxref`` (still a valid PDF)."""
    data = (SAMPLES / "hospitalist_employed.pdf").read_bytes()
    cut = data.rindex(b"startxref")
    return data[:cut] + b"%" + b"x" * size + b"\n" + data[cut:]


def _open_files_in(folder: Path) -> list[str]:
    found = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith(str(folder)):
            found.append(target)
    return found


@pytest.fixture
def private_tempdir(tmp_path, monkeypatch):
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    assert tempfile.gettempdir() == str(folder)
    return folder


def test_uploads_leave_no_temporary_files(make_client, private_tempdir):
    client = make_client(batch_sync_max_files=2)
    big = _padded_pdf(1_200_000)  # over the 1 MB a multipart parser keeps in memory: spooled to a file
    truncated = (SAMPLES / "hospitalist_employed.pdf").read_bytes() + b"%" + b"x" * 1_200_000  # no %%EOF at the end
    spooled_seen = []

    def exchange(method, *args, **kwargs):
        response = getattr(client, method)(*args, **kwargs)
        spooled_seen.extend(_open_files_in(private_tempdir))
        return response

    assert exchange("post", "/v1/analyze", files=[("file", ("big.pdf", big, "application/pdf"))]).status_code == 200
    assert exchange("post", "/v1/analyze", files=[("file", ("cut.pdf", truncated, "application/pdf"))]).status_code == 422
    assert exchange("post", "/v1/analyze", files=[upload(BAD_INPUTS / "png_renamed.pdf")]).status_code == 415
    assert exchange("post", "/v1/analyze?format=pdf", files=[upload(SAMPLE_FILES[0])]).status_code == 200
    assert exchange("post", "/ui/analyze", files=[("file", ("big.pdf", big, "application/pdf"))]).status_code == 200
    batch = exchange("post", "/v1/batch", data={"store": "true"},
                     files=[("files", ("big.pdf", big, "application/pdf")), upload(SAMPLE_FILES[1], "files")])
    assert batch.status_code == 200
    queued = exchange("post", "/v1/batch", files=[("files", ("big.pdf", big, "application/pdf")),
                                                  ("files", ("cut.pdf", truncated, "application/pdf")),
                                                  upload(SAMPLE_FILES[2], "files")])
    assert queued.status_code == 202
    deadline = time.monotonic() + 60
    while client.get(queued.headers["location"]).json()["status"] != "done":
        assert time.monotonic() < deadline
        time.sleep(0.05)
    limited = make_client(max_upload_mb=0.5)
    assert limited.post("/v1/analyze", files=[("file", ("big.pdf", big, "application/pdf"))]).status_code == 413
    assert limited.post("/v1/batch", files=[("files", ("big.pdf", big, "application/pdf"))]).status_code == 200
    deadline = time.monotonic() + 5
    while _open_files_in(private_tempdir) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _open_files_in(private_tempdir) == [], "an upload's temporary file is still open"
    assert sorted(private_tempdir.rglob("*")) == [], "temporary files were left behind"


# --- security headers -------------------------------------------------------------------------------------------

def _security_headers() -> dict[str, str]:
    from app.middleware import SECURITY_HEADERS

    return {name.decode(): value.decode() for name, value in SECURITY_HEADERS}


def test_the_security_headers_are_strict():
    headers = _security_headers()
    assert set(headers) >= {"content-security-policy", "x-content-type-options", "x-frame-options", "referrer-policy"}
    csp = dict(part.strip().split(" ", 1) for part in headers["content-security-policy"].split(";") if part.strip())
    assert csp["default-src"] == "'self'" and csp["script-src"] == "'self'" and csp["frame-ancestors"] == "'none'"
    assert "unsafe-eval" not in headers["content-security-policy"] and "*" not in headers["content-security-policy"]
    assert (headers["x-content-type-options"], headers["x-frame-options"]) == ("nosniff", "DENY")


def test_every_kind_of_answer_carries_the_security_headers_once(make_client, monkeypatch):
    client = make_client(batch_sync_max_files=1)
    small = make_client(max_upload_mb=0.01)
    queued = client.post("/ui/batch", files=[upload(p, "files") for p in SAMPLE_FILES[:2]], follow_redirects=False)
    answers = {
        "page /": client.get("/"),
        "page /docs": client.get("/docs"),
        "static js": client.get("/static/app.js"),
        "static swagger": client.get("/static/docs/swagger-ui.css"),
        "openapi": client.get("/openapi.json"),
        "healthz": client.get("/healthz"),
        "report json": client.post("/v1/analyze", files=[upload(SAMPLE_FILES[0])]),
        "report md": client.post("/v1/analyze?format=md", files=[upload(SAMPLE_FILES[0])]),
        "report html": client.post("/v1/analyze?format=html", files=[upload(SAMPLE_FILES[0])]),
        "report pdf": client.post("/v1/analyze?format=pdf", files=[upload(SAMPLE_FILES[0])]),
        "ui report": client.post("/ui/analyze", files=[upload(SAMPLE_FILES[0])]),
        "ui error page": client.post("/ui/analyze", files=[upload(BAD_INPUTS / "png_renamed.pdf")]),
        "ui batch redirect": queued,
        "ui batch progress": client.get(queued.headers["location"]),
        "batch 202": client.post("/v1/batch", files=[upload(p, "files") for p in SAMPLE_FILES[:2]]),
        "stats": client.get("/v1/peers/stats"),
        "404": client.get("/v1/batch/00000000-0000-0000-0000-000000000000"),
        "405": client.put("/v1/analyze"),
        "422": client.post("/v1/analyze"),
        "413 middleware": small.post("/v1/analyze", files=[("file", ("big.txt", b"x" * 400_000, "text/plain"))]),
        "413 middleware page": small.post("/ui/analyze", files=[("file", ("big.txt", b"x" * 400_000, "text/plain"))]),
    }
    monkeypatch.setattr(client.app.state.analysis.analyzer, "analyze",
                        lambda *a, **k: (_ for _ in ()).throw(RuntimeError("boom")))
    answers["500"] = client.post("/v1/analyze", files=[("file", ("x.txt", TEXT, "text/plain"))])
    assert answers["500"].status_code == 500 and answers["413 middleware"].status_code == 413
    expected = _security_headers()
    for what, response in answers.items():
        for name, value in expected.items():
            assert response.headers.get_list(name) == [value], (what, name)
        if response.headers.get("content-type", "").startswith("text/html"):
            inline = [tag for tag in re.findall(r"<script\b[^>]*>", response.text) if "src=" not in tag]
            assert not inline, f"{what}: inline script the CSP blocks: {inline}"


# --- request size: a streamed body ------------------------------------------------------------------------------

def _stream_to(app, path: str, field: str, chunks: int, chunk_size: int = 65536):
    """POST a multipart body of ``chunks`` chunks to the ASGI ``app`` without Content-Length, as a chunked upload
    arrives; returns (status, content type, body, chunks the app read)."""
    head = (f'--XyZ\r\nContent-Disposition: form-data; name="{field}"; filename="big.txt"\r\n'
            "Content-Type: text/plain\r\n\r\n").encode()
    parts = [head] + [b"x" * chunk_size] * chunks + [b"\r\n--XyZ--\r\n"]
    read, sent = 0, []

    async def receive():
        nonlocal read
        if read < len(parts):
            read += 1
            return {"type": "http.request", "body": parts[read - 1], "more_body": read < len(parts)}
        return {"type": "http.disconnect"}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http",
             "path": path, "raw_path": path.encode(), "root_path": "", "query_string": b"",
             "headers": [(b"host", b"testserver"), (b"content-type", b"multipart/form-data; boundary=XyZ"),
                         (b"transfer-encoding", b"chunked")],
             "client": ("127.0.0.1", 50000), "server": ("testserver", 80), "state": {}}
    asyncio.run(app(scope, receive, send))
    start = next(m for m in sent if m["type"] == "http.response.start")
    headers = {k.decode(): v.decode() for k, v in start["headers"]}
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return start["status"], headers.get("content-type", ""), body, read


@pytest.mark.parametrize(("path", "field"), [("/v1/analyze", "file"), ("/v1/batch", "files"), ("/v1/compare", "file"),
                                             ("/ui/analyze", "file"), ("/ui/batch", "files")])
def test_a_streamed_body_over_the_limit_is_413_after_reading_just_past_it(make_client, path, field):
    """Was a 400 "There was an error parsing the body": FastAPI turned the limit's stop into a parsing error."""
    client = make_client(max_upload_mb=0.05)  # the request limit: 20 x 0.05 MB = 1 MiB = 16 chunks of 64 KiB
    status, content_type, body, read = _stream_to(client.app, path, field, chunks=1600)  # 100 MiB offered
    assert status == 413
    assert read <= 20, f"read {read} chunks of 1602 (the limit is 16)"
    if path.startswith("/ui/"):
        assert content_type.startswith("text/html") and b"larger than the limit" in body
    else:
        error = json.loads(body)
        assert set(error) == ERROR_KEYS and (error["status"], error["code"]) == (413, "request_too_large")


def test_a_streamed_body_under_the_limit_is_read_whole(make_client):
    client = make_client(max_upload_mb=0.5)
    status, _, body, read = _stream_to(client.app, "/v1/analyze", "file", chunks=4)  # 256 KiB of "x"
    assert read == 6, "every part of the body was read"
    assert status != 413 and status < 500, body[:300]
