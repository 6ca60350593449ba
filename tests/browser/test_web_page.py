"""End to end in a real browser: the web page a new user meets, from the upload form to the peer comparison.

The app runs under uvicorn on a free local port (a temporary SQLite peer store, ``min_cohort=5``) and
Debian's chromium is driven through Playwright's ``executable_path`` (no browser download). Without
chromium or the playwright package the tests are skipped, or fail when ``CI=true``;
``scripts/ensure-chromium`` installs chromium.

The tests share one server and run in file order, as the user's path does: the first report has no peers
to compare with; a stored batch of five then gives the later report a distribution to be placed in.
Screenshots go to ``test-artifacts/`` at the repository root.
"""

from __future__ import annotations

import base64
import os
import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Playwright

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "sample_contracts"
BAD_INPUTS = ROOT / "tests" / "fixtures" / "bad_inputs"
ARTIFACTS = ROOT / "test-artifacts"
MIN_COHORT = 5

SINGLE = SAMPLES / "hospitalist_employed.pdf"
#: Five peers that all state a base salary, a non-compete and call frequency, none a hospitalist in Ohio.
PEERS = [SAMPLES / f"{name}.pdf" for name in ("anesthesia_group", "cardiology_sign_on",
                                               "general_surgery_rural", "obgyn_employed",
                                               "orthopaedics_partnership_track")]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage"]
NOT_ENOUGH_PEERS = f"comparisons need at least {MIN_COHORT}"
ERROR_HEADING = "We could not analyse that file"


def _unavailable(message: str, remedy: str = "run scripts/ensure-chromium") -> None:
    """Skip locally; on CI (``CI=true``) a missing browser is a failure, not a silent skip."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{message} (CI=true: the browser tests must run; {remedy})", pytrace=False)
    pytest.skip(f"{message}; {remedy}")


def _chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        _unavailable("chromium is not on PATH")
    return path


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# ----------------------------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def chromium_path() -> str:
    return _chromium()


@pytest.fixture(scope="module")
def playwright(chromium_path: str) -> Iterator[Playwright]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed",
                     "pip install -e '.[test]' (no `playwright install` needed)")
    from playwright.sync_api import expect

    expect.set_options(timeout=15_000)  # a loaded CI machine; the pages themselves answer in about a second
    runner = sync_playwright().start()
    try:
        yield runner
    finally:
        runner.stop()


@pytest.fixture(scope="module")
def browser(playwright: Playwright, chromium_path: str) -> Iterator[Browser]:
    try:
        launched = playwright.chromium.launch(executable_path=chromium_path, headless=True,
                                              args=CHROMIUM_ARGS)
    except Exception as error:  # a chromium that cannot start is as good as none
        _unavailable(f"chromium at {chromium_path} did not start: {error}")
    try:
        yield launched
    finally:
        launched.close()


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory, analyzer) -> Iterator[str]:
    """The app under uvicorn in a daemon thread, with an empty SQLite peer store of its own."""
    import uvicorn

    from app.main import create_app
    from app.settings import Settings

    database = tmp_path_factory.mktemp("browser") / "peers.sqlite3"
    app = create_app(Settings(database_url=f"sqlite:///{database}", min_cohort=MIN_COHORT, api_keys=[], pool="thread",
                                job_backend="local"), analyzer=analyzer)
    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", ws="none", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="uvicorn-browser-tests", daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if not thread.is_alive():
            pytest.fail("uvicorn stopped before it started serving (see the log above)", pytrace=False)
        if time.monotonic() > deadline:
            server.should_exit = True
            pytest.fail("uvicorn did not start within 60 s", pytrace=False)
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)


@pytest.fixture
def console() -> list[str]:
    """Console errors and uncaught page errors seen by ``page`` (a CSP violation is a console error)."""
    return []


@pytest.fixture
def page(browser: Browser, base_url: str, console: list[str]) -> Iterator[Page]:
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(30_000)
    tab = context.new_page()
    tab.on("console", lambda message: _record_console(console, message))
    tab.on("pageerror", lambda error: console.append(f"pageerror: {error}"))
    try:
        yield tab
    finally:
        context.close()


# ------------------------------------------------------------------------------------------------ helpers


def _record_console(errors: list[str], message) -> None:
    if message.type != "error":
        return
    where = message.location.get("url", "")
    errors.append(f"console.error at {where or '?'}: {message.text}")


def _screenshot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)


def _submit(page: Page, form_id: str, button: str, path: str):
    """Click the form's submit button and wait for the page the app answers with; returns that response."""
    with page.expect_response(lambda r: r.request.method == "POST" and r.url.endswith(path)) as answer:
        page.locator(f"form#{form_id}").get_by_role("button", name=button).click()
    page.wait_for_url(f"**{path}")  # the answer is shown and loaded
    return answer.value


def _analyse_one(page: Page, path: Path, specialty: str | None = None, state: str | None = None):
    page.goto("/")
    form = page.locator("form#single")
    form.get_by_label("Drop your contract here, or choose a file").set_input_files(path)
    if specialty or state:
        form.get_by_text("About you (optional").click()  # opens the <details>
        if specialty:
            form.get_by_label("Specialty").select_option(label=specialty)
        if state:
            form.get_by_label("State you will practise in").select_option(label=state)
    return _submit(page, "single", "Analyse", "/ui/analyze")


def _analyse_batch(page: Page, paths: list[Path], store: bool):
    page.goto("/")
    form = page.locator("form#batch")
    with page.expect_file_chooser() as chooser:
        form.get_by_text("Drop several contracts here, or choose files").click()
    chooser.value.set_files(paths)
    _expect_names(form, [p.name for p in paths])
    if store:
        form.get_by_label("Keep their redacted numbers as peers").check()
    return _submit(page, "batch", "Compare them", "/ui/batch")


def _expect_names(scope, names: list[str]) -> None:
    """app.js shows the chosen files' names in the drop zone."""
    from playwright.sync_api import expect

    expect(scope.locator(".drop-name")).to_have_text(", ".join(names))


def _peer_contracts(page: Page) -> int:
    answer = page.request.get("/v1/peers/stats")
    assert answer.ok, answer.text()
    return answer.json()["contracts"]


def _peers_section(page: Page):
    """The report's part after the "Compared with peers" heading, up to the next heading."""
    return page.locator("h2#peers + *")


def _assert_error_page(page: Page, response, status: int, code: str) -> None:
    from playwright.sync_api import expect

    assert response.status == status, f"expected HTTP {status}, got {response.status}"
    assert response.headers["content-type"].startswith("text/html"), response.headers["content-type"]
    expect(page).to_have_title(re.compile("Could not analyse"))
    expect(page.get_by_role("heading", level=1)).to_have_text(ERROR_HEADING)
    message = page.locator("#error-message")
    expect(message).to_be_visible()
    assert len(message.inner_text().strip()) > 10
    expect(page.get_by_text(f"Error code: {code}")).to_be_visible()
    expect(page.get_by_role("link", name="Try again")).to_have_attribute("href", "/")
    body = page.locator("body").inner_text()
    assert "Traceback" not in body and not body.lstrip().startswith("{"), body[:500]
    assert '"status"' not in body and '"code"' not in body, body[:500]


# -------------------------------------------------------------------------------------------------- tests


def test_upload_page_has_the_forms_and_no_console_errors(page: Page, console: list[str]) -> None:
    from playwright.sync_api import expect

    response = page.goto("/")
    assert response is not None and response.status == 200
    assert "script-src 'self'" in response.headers["content-security-policy"]
    expect(page).to_have_title("contract-risk")
    expect(page.get_by_role("heading", level=1)).to_have_text("Check a physician employment contract")
    expect(page.get_by_role("heading", name="One contract")).to_be_visible()

    single = page.locator("form#single")
    upload = single.get_by_label("Drop your contract here, or choose a file")
    expect(upload).to_have_attribute("type", "file")
    assert upload.evaluate("input => input.validity.valueMissing")  # required: no submit without a file
    single.get_by_text("About you (optional").click()
    specialty = single.get_by_label("Specialty")
    state = single.get_by_label("State you will practise in")
    setting = single.get_by_label("Setting")
    for field in (specialty, state, setting):
        expect(field).to_be_visible()
    expect(specialty.locator("option", has_text="Hospital medicine")).to_have_count(1)
    expect(state.locator("option", has_text="Ohio")).to_have_count(1)
    expect(setting.locator("option")).to_have_text(
        ["—", "Employed (hospital, health system)", "Private group", "Academic"])
    expect(single.get_by_role("button", name="Analyse")).to_be_enabled()

    batch = page.locator("form#batch")
    expect(batch.get_by_role("heading")).to_contain_text("Several contracts")
    files = batch.get_by_label("Drop several contracts here, or choose files")
    expect(files).to_have_attribute("multiple", "")
    expect(batch.get_by_label("Keep their redacted numbers as peers")).not_to_be_checked()
    expect(batch.get_by_role("button", name="Compare them")).to_be_enabled()

    page.wait_for_load_state("networkidle")  # app.js and app.css loaded; a CSP refusal is logged by now
    assert page.evaluate("getComputedStyle(document.querySelector('label.drop')).borderTopStyle") == "dashed"
    assert console == []


def test_single_contract_report_lists_flags_quotes_pages_questions(page: Page, console: list[str]) -> None:
    from playwright.sync_api import expect

    response = _analyse_one(page, SINGLE, specialty="Hospital medicine", state="Ohio")
    assert response.status == 200
    expect(page).to_have_title(f"Contract risk report: {SINGLE.name}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Contract risk report")
    expect(page.get_by_text(SINGLE.name).first).to_be_visible()
    # the choices made in the form are what the report assumed
    assumed = page.locator("details", has=page.get_by_text("What we assumed about you"))
    expect(assumed.get_by_role("row", name=re.compile("^Specialty"))).to_contain_text("Hospital medicine")
    expect(assumed.get_by_role("row", name=re.compile("^State"))).to_contain_text("Ohio")

    headings = page.get_by_role("heading", level=2).all_inner_texts()
    assert headings[0] == "Flags, worst first", headings  # flags come first
    flags = page.locator("section.flag")
    assert flags.count() >= 1
    first = flags.first
    expect(first.get_by_role("heading", level=3)).not_to_be_empty()
    severities = [flags.nth(i).locator(".badge").inner_text().strip().lower() for i in range(flags.count())]
    order = ["high", "medium", "low", "info"]
    assert severities == sorted(severities, key=order.index), severities  # worst first

    quoted = flags.filter(has=page.locator("blockquote")).first
    expect(quoted.locator("blockquote")).to_be_visible()
    assert len(quoted.locator("blockquote").inner_text().split()) >= 5  # a clause, not a word
    expect(quoted.get_by_text(re.compile(r"page \d+"))).to_be_visible()
    question = quoted.locator("dt:text-is('Ask your lawyer') + dd")
    expect(question).to_be_visible()
    assert "?" in question.inner_text()
    expect(quoted.locator("dt:text-is('Why it matters') + dd")).not_to_be_empty()

    peers = page.get_by_role("heading", name="Compared with peers")
    expect(peers).to_be_visible()
    expect(_peers_section(page)).to_contain_text(NOT_ENOUGH_PEERS)  # no hospitalist in Ohio stored, ever
    expect(page.get_by_role("img", name="Your terms against peers")).to_have_count(0)
    expect(page.get_by_role("link", name="Check another contract")).to_have_attribute("href", "/")

    _screenshot(page, "report.png")
    assert console == []


def test_report_before_any_peers_says_there_are_not_enough(page: Page, console: list[str]) -> None:
    from playwright.sync_api import expect

    assert _peer_contracts(page) == 0, "this test must run before the batch that stores peers (file order)"
    _analyse_one(page, SINGLE)
    expect(_peers_section(page)).to_have_text(
        re.compile(rf"^0 stored peer contracts match your filters; {NOT_ENOUGH_PEERS}"))
    expect(page.get_by_role("img", name="Your terms against peers")).to_have_count(0)
    assert console == []


def test_batch_of_five_stored_shows_every_file_and_the_distribution(page: Page, console: list[str]) -> None:
    from playwright.sync_api import expect

    response = _analyse_batch(page, PEERS, store=True)
    assert response.status == 200
    expect(page).to_have_title(re.compile("Peer contracts"))
    expect(page.get_by_role("heading", level=1)).to_have_text("5 of 5 contracts analysed")
    results = page.locator("table#batch-results")
    expect(results.get_by_role("row")).to_have_count(len(PEERS) + 1)
    for path in PEERS:
        row = results.get_by_role("row").filter(has_text=path.name)
        expect(row).to_have_count(1)
        expect(row.get_by_role("cell").nth(1)).to_have_text("analysed")
        expect(row.get_by_role("cell").nth(2)).to_have_text(re.compile(r"^\d+$"))  # a risk score

    expect(page.get_by_role("heading", name="What normal looks like")).to_be_visible()
    plot = page.get_by_role("img", name="Your terms against peers")
    expect(plot).to_be_visible()
    assert plot.evaluate("node => node.tagName.toLowerCase()") == "svg"
    expect(plot.locator("text", has_text="(n=5)").first).to_be_attached()
    expect(plot.locator("circle")).not_to_have_count(0)  # the contracts as dots
    table = page.get_by_role("table").filter(has=page.get_by_role("columnheader", name="Median"))
    counts = table.locator("tr td:nth-child(2)").all_inner_texts()
    assert counts and set(counts) == {str(len(PEERS))}, counts  # every term stated by all five
    expect(table.get_by_role("row").nth(1)).to_contain_text("$")  # e.g. base salary, formatted

    csv = page.get_by_role("link", name="Download as CSV").get_attribute("href")
    answer = page.request.get(csv)
    assert answer.ok and all(path.name in answer.text() for path in PEERS)
    assert _peer_contracts(page) == len(PEERS)

    _screenshot(page, "batch.png")
    assert console == []


def test_report_after_the_stored_batch_places_it_among_peers(page: Page, console: list[str]) -> None:
    from playwright.sync_api import expect

    if _peer_contracts(page) < MIN_COHORT:  # run on its own: store the batch first, through the page
        _analyse_batch(page, PEERS, store=True)
    _analyse_one(page, SINGLE)
    section = _peers_section(page)
    expect(section).not_to_contain_text(NOT_ENOUGH_PEERS)
    plot = page.get_by_role("img", name="Your terms against peers")
    expect(plot).to_be_visible()
    expect(plot.locator("circle title", has_text="your contract")).not_to_have_count(0)  # the user's terms
    expect(plot.locator("rect title", has_text="25th-75th percentile")).not_to_have_count(0)  # peers' spread
    expect(plot).to_contain_text("$285,000")  # the hospitalist's base salary, beside its row
    _screenshot(page, "report-peers.png")
    assert console == []


@pytest.mark.parametrize(("name", "status", "code"), [
    ("png_renamed.pdf", 415, "unsupported_file_type"),
    ("garbage.pdf", 422, "corrupt_file"),
    ("encrypted.pdf", 422, "pdf_encrypted"),
    ("empty.pdf", 422, "empty_file"),
])
def test_bad_input_shows_a_readable_error_page(page: Page, console: list[str], name: str, status: int,
                                               code: str) -> None:
    response = _analyse_one(page, BAD_INPUTS / name)
    _assert_error_page(page, response, status, code)
    # Chromium logs the error status of the page itself; anything else (a script, the CSP) must be quiet
    own_status = (f"console.error at {response.url}: "
                  f"Failed to load resource: the server responded with a status of {status}")
    assert [e for e in console if not e.startswith(own_status)] == []


def test_batch_with_a_corrupt_file_lists_every_file_with_its_error(page: Page, console: list[str]) -> None:
    from playwright.sync_api import expect

    good = [SAMPLES / "psychiatry_fair.pdf", SAMPLES / "pediatrics_offer_letter.pdf"]
    corrupt = BAD_INPUTS / "garbage.pdf"
    response = _analyse_batch(page, [good[0], corrupt, good[1]], store=False)
    assert response.status == 200
    expect(page.get_by_role("heading", level=1)).to_have_text("2 of 3 contracts analysed")
    results = page.locator("table#batch-results")
    expect(results.get_by_role("row")).to_have_count(4)
    for path in good:
        row = results.get_by_role("row").filter(has_text=path.name)
        expect(row.get_by_role("cell").nth(1)).to_have_text("analysed")
    error = results.get_by_role("row").filter(has_text=corrupt.name).get_by_role("cell").nth(1)
    expect(error).to_have_text(re.compile(r"^corrupt_file: \S.{10,}"))
    expect(error).not_to_contain_text("Traceback")
    expect(page.get_by_text(f"Statistics need at least {MIN_COHORT} analysed contracts")).to_be_visible()
    expect(page.get_by_role("img", name="Your terms against peers")).to_have_count(0)
    assert console == []


def test_dropping_a_file_on_the_drop_zone_uploads_it(page: Page, console: list[str]) -> None:
    from playwright.sync_api import expect

    page.goto("/")
    zone = page.locator("form#single label.drop")
    data = page.evaluate_handle(
        """([name, b64]) => {
            const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
            const transfer = new DataTransfer();
            transfer.items.add(new File([bytes], name, {type: "application/pdf"}));
            return transfer;
        }""",
        [SINGLE.name, base64.b64encode(SINGLE.read_bytes()).decode()],
    )
    zone.dispatch_event("dragenter", {"dataTransfer": data})
    expect(zone).to_have_class(re.compile(r"\bover\b"))
    zone.dispatch_event("drop", {"dataTransfer": data})
    expect(zone).not_to_have_class(re.compile(r"\bover\b"))
    _expect_names(zone, [SINGLE.name])
    assert page.locator("#file").evaluate("input => input.files.length") == 1
    response = _submit(page, "single", "Analyse", "/ui/analyze")
    assert response.status == 200
    expect(page).to_have_title(f"Contract risk report: {SINGLE.name}")
    expect(page.locator("section.flag").first).to_be_visible()
    assert console == []


def test_api_docs_render_from_local_files_under_the_csp(page: Page, console: list[str]) -> None:
    from playwright.sync_api import expect

    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto("/docs")
    for route in ("/v1/analyze", "/v1/batch", "/v1/compare", "/v1/peers/stats"):
        expect(page.locator(".opblock-summary-path", has_text=route).first).to_be_visible()
    base = page.url.split("/docs")[0]
    assert [url for url in requested if not url.startswith(base)] == [], "no CDN: every file comes from the app"
    assert console == []
