"""The command line: formats, files and folders, exit codes, and a one-line reason for every bad input."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from app.cli import app
from tests.conftest import BAD_INPUTS, ROOT, SAMPLES

runner = CliRunner()

CONTRACT = (
    "PHYSICIAN EMPLOYMENT AGREEMENT\n"
    "1. Compensation. Employer shall pay Physician an annual base salary of $250,000.\n"
    "2. Covenant Not to Compete. For two (2) years after termination, Physician shall not practice medicine "
    "within twenty (20) miles of any Employer location.\n"
    "3. Termination. Either party may terminate this Agreement without cause on thirty (30) days' written notice.\n"
)

#: Every bad input, its stable error code, and a word the one-line message must contain.
BAD_INPUT_CASES = [
    pytest.param("encrypted.pdf", "pdf_encrypted", "password", id="encrypted"),
    pytest.param("image_only.pdf", "no_text_layer", "OCR", id="image-only"),
    pytest.param("truncated.pdf", "truncated_file", "cut short", id="truncated"),
    pytest.param("empty.pdf", "empty_file", "empty", id="zero-bytes"),
    pytest.param("png_renamed.pdf", "unsupported_file_type", "PNG", id="png-renamed-pdf"),
    pytest.param("garbage.pdf", "corrupt_file", "damaged", id="garbage-pdf"),
    pytest.param("corrupt.docx", "unsupported_file_type", "ZIP", id="zip-not-docx"),
    pytest.param("not_a_zip.docx", "unsupported_file_type", "not a PDF", id="bytes-named-docx"),
    pytest.param("binary.txt", "unsupported_file_type", "not a PDF", id="binary-named-txt"),
]


@pytest.fixture()
def contract_file(tmp_path: Path) -> Path:
    path = tmp_path / "offer.txt"
    path.write_text(CONTRACT)
    return path


@pytest.mark.parametrize("name, code, word", BAD_INPUT_CASES)
def test_cli_bad_input_exits_2_with_one_line(name, code, word):
    result = runner.invoke(app, ["analyze", str(BAD_INPUTS / name), "--format", "json"])
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {code}: "), result.stderr
    assert word.lower() in lines[0].lower()


@pytest.mark.parametrize(
    "args, code",
    [
        pytest.param(["--max-mb", "0.001"], "file_too_large", id="too-many-bytes"),
        pytest.param(["--max-pages", "1"], "too_many_pages", id="too-many-pages"),
    ],
)
def test_cli_limits_are_configurable(args, code):
    sample = SAMPLES / "hospitalist_employed.pdf"
    result = runner.invoke(app, ["analyze", str(sample), *args])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {code}: ")


def test_cli_missing_file_exits_2():
    result = runner.invoke(app, ["analyze", "/no/such/contract.pdf"])
    assert result.exit_code == 2 and result.stderr.startswith("error: not_found: ")


def test_cli_json_is_exactly_report_v1(contract_file):
    result = runner.invoke(app, ["analyze", str(contract_file), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["schema_version"] == "1"
    assert report["document"]["filename"] == "offer.txt"
    assert {f["id"] for f in report["flags"]} >= {"non_compete.radius_wide", "termination_without_cause.short_notice"}


@pytest.mark.parametrize("fmt, marker", [("text", "Risk score"), ("md", "# Contract risk report")])
def test_cli_human_formats(contract_file, fmt, marker):
    result = runner.invoke(app, ["analyze", str(contract_file), "--format", fmt])
    assert result.exit_code == 0, result.stderr
    assert marker in result.stdout
    high = result.stdout.index("radius of 20 miles")
    assert result.stdout.index("(p. 1)" if fmt == "text" else "page 1") < high + 200


def test_cli_text_lists_worst_flags_first(contract_file):
    result = runner.invoke(app, ["analyze", str(contract_file)])
    severities = [line.split("[")[1].split("]")[0].strip() for line in result.stdout.splitlines() if line[:4].strip().rstrip(".").isdigit()]
    order = {"HIGH": 0, "MEDIUM": 1, "LOW": 2, "INFO": 3}
    assert severities and severities == sorted(severities, key=order.__getitem__)


def test_cli_out_writes_file(contract_file, tmp_path):
    target = tmp_path / "reports" / "offer.md"
    result = runner.invoke(app, ["analyze", str(contract_file), "--format", "md", "--out", str(target)])
    assert result.exit_code == 0 and result.stdout == ""
    assert target.read_text().startswith("# Contract risk report: offer.txt")


def test_cli_folder_loses_nothing(tmp_path, contract_file):
    folder = tmp_path / "batch"
    folder.mkdir()
    shutil.copy(contract_file, folder / "a_offer.txt")
    shutil.copy(BAD_INPUTS / "encrypted.pdf", folder / "b_locked.pdf")
    shutil.copy(BAD_INPUTS / "tiny_text.pdf", folder / "c_tiny.pdf")
    (folder / "notes.md").write_text("not a contract")  # not a contract file type: ignored
    result = runner.invoke(app, ["analyze", str(folder), "--format", "json", "--no-progress"])
    assert result.exit_code == 2  # one file failed
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(x["file"], x["status"]) for x in lines] == [
        ("a_offer.txt", "ok"), ("b_locked.pdf", "error"), ("c_tiny.pdf", "ok")]
    assert lines[1]["error"]["code"] == "pdf_encrypted"
    assert "2 of 3 contracts analysed" in result.stderr
    assert "error: pdf_encrypted: b_locked.pdf: " in result.stderr


def test_cli_folder_out_writes_one_report_per_contract(tmp_path, contract_file):
    folder = tmp_path / "batch"
    folder.mkdir()
    shutil.copy(contract_file, folder / "one.txt")
    shutil.copy(contract_file, folder / "two.txt")
    out = tmp_path / "out"
    result = runner.invoke(app, ["analyze", str(folder), "--out", str(out), "--format", "json", "--no-progress"])
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["one.report.json", "two.report.json"]


def test_cli_entry_point_runs_without_traceback():
    """The installed console script: bad input gives exit 2 and one line, no traceback."""
    result = subprocess.run(
        [sys.executable, "-m", "app.cli", "analyze", str(BAD_INPUTS / "png_renamed.pdf")],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_cli_schema_command():
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["title"] == "contract-risk report, schema v1"


@pytest.mark.parametrize(
    "args, message",
    [
        pytest.param(["--state", "Atlantis"], "unknown US state", id="state"),
        pytest.param(["--specialty", "astrology"], "unknown specialty", id="specialty"),
        pytest.param(["--signed", "yesterday"], "not a date", id="signed"),
        pytest.param(["--wrvu", "a,b"], "list of numbers", id="wrvu"),
        pytest.param(["--setting", "freelance"], "setting", id="setting"),
    ],
)
def test_cli_bad_context_exits_2(contract_file, args, message):
    result = runner.invoke(app, ["analyze", str(contract_file), *args])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: bad_context: ") and message in result.stderr


def test_cli_context_reaches_the_report(contract_file):
    result = runner.invoke(app, ["analyze", str(contract_file), "--format", "json", "--state", "TX",
                                 "--signed", "2025-10-01", "--specialty", "cardiology"])
    report = json.loads(result.stdout)
    assert report["context"]["state"] == "TX" and report["context"]["origins"]["state"] == "given"
    assert any(f["id"] == "non_compete.state_law" for f in report["flags"])


def test_cli_html_format(contract_file, tmp_path):
    target = tmp_path / "r.html"
    result = runner.invoke(app, ["analyze", str(contract_file), "--format", "html", "--out", str(target)])
    assert result.exit_code == 0 and target.read_text().startswith("<!doctype html>")


def test_cli_reference_lists_sources():
    result = runner.invoke(app, ["reference"])
    assert result.exit_code == 0
    assert "Texas" in result.stdout and "source: https://" in result.stdout
    data = json.loads(runner.invoke(app, ["reference", "--json"]).stdout)
    assert data["state_noncompete"]["states"]["TX"]["max_miles"] == 5
