"""The ``contract-risk`` command line.

    contract-risk analyze FILE [--format json|md|text] [--out PATH]
    contract-risk analyze DIR  [--format ...] [--out DIR]     every contract in a folder, with progress
    contract-risk schema [--out PATH]                         the report v1 JSON Schema

Exit codes: 0 ok; 2 bad input (one line on stderr: ``error: <code>: <reason>``), also when any file of
a folder could not be analysed (each such file is named; the others are still reported); 1 an
internal error (a bug: reported in one line, never a traceback).
"""

from __future__ import annotations

import json
import logging
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from nlp.errors import ContractRiskError, InputError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Reads a physician employment contract and reports, clause by clause, where the money and the traps are.",
)

EXIT_OK, EXIT_INTERNAL, EXIT_BAD_INPUT = 0, 1, 2
CONTRACT_SUFFIXES = (".pdf", ".docx", ".txt")


class Format(str, Enum):
    json = "json"
    md = "md"
    text = "text"
    html = "html"


def _fail(code: str, message: str, exit_code: int = EXIT_BAD_INPUT) -> typer.Exit:
    typer.echo(f"error: {code}: {message}", err=True)
    return typer.Exit(exit_code)


def _contracts_in(folder: Path) -> list[Path]:
    return sorted(
        p for p in folder.iterdir()
        if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in CONTRACT_SUFFIXES
    )


def _limits(max_pages: int | None, max_mb: float | None):
    from nlp.extract import ExtractionLimits

    defaults = ExtractionLimits()
    return ExtractionLimits(
        max_bytes=int(max_mb * 1024 * 1024) if max_mb else defaults.max_bytes,
        max_pages=max_pages or defaults.max_pages,
    )


@app.command()
def analyze(
    path: Annotated[Path, typer.Argument(help="A contract (PDF, DOCX or TXT) or a folder of them.")],
    format: Annotated[Format, typer.Option("--format", "-f", help="json (report schema v1), md or text.")] = Format.text,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write here (a folder when PATH is a folder).")] = None,
    max_pages: Annotated[int | None, typer.Option(help="Refuse documents with more pages.", min=1)] = None,
    max_mb: Annotated[float | None, typer.Option(help="Refuse files larger than this many MB.", min=0.001)] = None,
    progress: Annotated[bool | None, typer.Option("--progress/--no-progress", help="Progress bar for folders (default: when a terminal).")] = None,
    specialty: Annotated[str | None, typer.Option(help="Your specialty, e.g. cardiology (see `contract-risk reference`).")] = None,
    state: Annotated[str | None, typer.Option(help="The US state you will practise in, e.g. TX or Texas.")] = None,
    setting: Annotated[str | None, typer.Option(help="employed, private_group or academic.")] = None,
    signed: Annotated[str | None, typer.Option(help="Date the contract is signed, YYYY-MM-DD (state laws depend on it).")] = None,
    wrvu: Annotated[str | None, typer.Option(help="wRVU levels for the pay projection, e.g. 4500,6000,7500.")] = None,
    workers: Annotated[int | None, typer.Option(help="Folders: analysis processes (default: one per core).", min=1)] = None,
) -> None:
    """Analyse one contract, or every contract in a folder."""
    from app.analyze import Analyzer
    from app.render import RENDERERS

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if not path.exists():
        raise _fail("not_found", f"no such file or folder: {path}")
    user = _user_context(specialty, state, setting, signed, wrvu)
    try:
        analyzer = Analyzer.load(_limits(max_pages, max_mb))
    except ContractRiskError as error:
        raise _fail(error.code, error.message, EXIT_INTERNAL) from None
    render = RENDERERS[format.value]

    if path.is_dir():
        raise typer.Exit(_analyze_folder(analyzer, path, format, out, progress, user, workers or os.cpu_count() or 1))
    try:
        report = analyzer.analyze(path, user=user)
    except InputError as error:
        raise _fail(error.code, error.message) from None
    except Exception as error:  # a bug: say so in one line, never a traceback
        raise _fail("internal_error", f"{type(error).__name__} while analysing {path.name}; please report it",
                    EXIT_INTERNAL) from None
    _emit(render(report), out)


def _emit(text: str, out: Path | None) -> None:
    if out is None:
        sys.stdout.write(text)
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")


def _user_context(specialty: str | None, state: str | None, setting: str | None, signed: str | None, wrvu: str | None):
    """The user's context from the options, checked; a bad value ends the command with exit 2."""
    import datetime as dt

    from rules.context import ContextError, UserContext, check_user_context

    try:
        date = dt.date.fromisoformat(signed) if signed else None
    except ValueError:
        raise _fail("bad_context", f"--signed {signed!r} is not a date like 2026-03-01") from None
    try:
        levels = tuple(int(float(x)) for x in wrvu.replace(" ", "").split(",") if x) if wrvu else ()
    except ValueError:
        raise _fail("bad_context", f"--wrvu {wrvu!r} is not a list of numbers like 4500,6000") from None
    try:
        return check_user_context(UserContext(specialty, state, setting, date, levels))
    except ContextError as error:
        raise _fail("bad_context", str(error)) from None


def _analyze_folder(analyzer, folder: Path, format: Format, out: Path | None, progress: bool | None, user,
                    workers: int) -> int:
    """Every contract of a folder on ``workers`` processes (one: this process), files kept in order in the output."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from app.pool import AnalysisPool, InProcessAnalysis
    from app.render import EXTENSIONS, RENDERERS
    from rules.report import Report

    files = _contracts_in(folder)
    if not files:
        typer.echo(f"error: empty_folder: no .pdf, .docx or .txt files in {folder}", err=True)
        return EXIT_BAD_INPUT
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
    workers = min(workers, len(files))
    analysis = InProcessAnalysis(analyzer, 1) if workers == 1 else AnalysisPool(workers, analyzer.limits)
    show = sys.stderr.isatty() if progress is None else progress
    failures: list[tuple[str, str, str]] = []
    chunks: dict[int, str] = {}
    try:
        with Progress(
            TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
            TimeRemainingColumn(), disable=not show, transient=True, console=Console(stderr=True) if show else None,
        ) as bar:
            task = bar.add_task(f"Analysing contracts ({workers} process{'es' if workers > 1 else ''})", total=len(files))
            for index, file, outcome in _outcomes(files, analysis, user, in_flight=2 * workers):
                if outcome.error is not None:
                    code, message = outcome.error
                    failures.append((file.name, code, message))
                    if format is Format.json and out is None:
                        chunks[index] = json.dumps({"file": file.name, "status": "error",
                                                    "error": {"code": code, "message": message}}) + "\n"
                else:
                    rendered = RENDERERS[format.value](Report.model_validate_json(outcome.report_json))
                    if out is not None:
                        (out / (file.stem + EXTENSIONS[format.value])).write_text(rendered, encoding="utf-8")
                    elif format is Format.json:
                        chunks[index] = json.dumps({"file": file.name, "status": "ok", "report": json.loads(rendered)}) + "\n"
                    else:
                        chunks[index] = rendered + "\n" + "=" * 96 + "\n\n"
                bar.advance(task)
    finally:
        analysis.shutdown()
    if out is None:
        sys.stdout.write("".join(chunks[i] for i in sorted(chunks)))
    ok = len(files) - len(failures)
    typer.echo(f"{ok} of {len(files)} contracts analysed" + (f"; reports in {out}" if out else ""), err=True)
    for name, code, message in sorted(failures):
        typer.echo(f"error: {code}: {name}: {message}", err=True)
    return EXIT_BAD_INPUT if failures else EXIT_OK


def _outcomes(files: list[Path], analysis, user, in_flight: int):
    """(index, file, Outcome) as each file finishes; at most ``in_flight`` files read and queued at a time."""
    from concurrent.futures import FIRST_COMPLETED, wait

    from app.pool import Outcome

    running: dict = {}
    position = 0
    while position < len(files) or running:
        while position < len(files) and len(running) < in_flight:
            file = files[position]
            try:
                data = file.read_bytes()
            except OSError as error:
                yield position, file, Outcome(error=("unreadable_file", f"cannot read the file: {error.strerror}"))
            else:
                running[analysis.submit(data, file.name, user)] = (position, file)
            position += 1
        if running:
            finished, _ = wait(list(running), return_when=FIRST_COMPLETED)
            for future in finished:
                index, file = running.pop(future)
                yield index, file, future.result()


@app.command()
def train(
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Folder for the model and its card (default: models/).")] = None,
) -> None:
    """Train the clause classifier from models/data (fixed seed; reproducible)."""
    from models.train import main as train_main

    train_main(["--out", str(out)] if out else [])


@app.command("eval")
def eval_command(
    folder: Annotated[Path, typer.Argument(help="A folder of contracts with <name>.truth.json files (docs/ground_truth.md).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    no_model: Annotated[bool, typer.Option("--no-model", help="Rules only (to compare).")] = False,
) -> None:
    """Score tagging, terms and flags against labelled contracts."""
    from app.analyze import Analyzer
    from app.evaluate import evaluate_directory, format_table, truth_files

    if not folder.is_dir() or not truth_files(folder):
        raise _fail("no_truth_files", f"no *.truth.json files in {folder}")
    scores = evaluate_directory(Analyzer.load(use_model=not no_model), folder).as_dict()
    typer.echo(json.dumps(scores, indent=2) if as_json else format_table(scores))


@app.command("eval-cuad")
def eval_cuad(
    split: Annotated[str, typer.Option(help="test (evaluation only), validation (train contracts held out by the trainer) or train.")] = "test",
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    no_model: Annotated[bool, typer.Option("--no-model", help="Rules only (to compare).")] = False,
    limit: Annotated[int | None, typer.Option(help="Only the first N contracts (a quick look).")] = None,
) -> None:
    """Clause-level scores on CUAD (../shared/data/cuad) against a keyword baseline."""
    from app.analyze import Analyzer
    from app.evaluate import evaluate_cuad, format_cuad_table
    from models import cuad

    if split not in ("test", "validation", "train"):
        raise _fail("bad_option", "--split must be test, validation or train")
    if not cuad.available():
        raise _fail("no_data", f"CUAD not found at {cuad.CUAD_DIR}")
    result = evaluate_cuad(Analyzer.load(use_model=not no_model), split, limit)
    typer.echo(json.dumps(result, indent=2) if as_json else format_cuad_table(result))


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
    workers: Annotated[int, typer.Option(help="Server processes.", min=1)] = 1,
) -> None:
    """Start the web page and the API (settings from CONTRACT_RISK_* variables; SQLite by default)."""
    import uvicorn

    from app.settings import get_settings
    from app.store.db import DatabaseUnavailable, display_url, make_engine, wait_for_database

    settings = get_settings()
    database = display_url(settings.database_url)
    try:
        engine = make_engine(settings.database_url)
        try:
            wait_for_database(engine, settings.database_wait_seconds)
        finally:
            engine.dispose()
    except DatabaseUnavailable as error:
        raise _fail("database_unavailable", str(error), EXIT_INTERNAL) from None
    typer.echo(f"contract-risk is running at http://{host}:{port}/  (API docs: http://{host}:{port}/docs; database: {database})")
    uvicorn.run("app.main:create_app", factory=True, host=host, port=port, workers=workers,
                log_level=settings.log_level.lower())


@app.command()
def redact(
    path: Annotated[Path, typer.Argument(help="A contract (PDF, DOCX or TXT) to redact.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for <stem>.redacted.txt and <stem>.redacted.pdf.")] = Path("."),
) -> None:
    """Write a copy of the contract with names, addresses and identifiers removed; numbers are kept."""
    from app.redact_cli import redact_file

    if not path.is_file():
        raise _fail("not_found", f"no such file: {path}")
    try:
        text_path, pdf_path = redact_file(path, out)
    except InputError as error:
        raise _fail(error.code, error.message) from None
    typer.echo(f"redacted text: {text_path}")
    typer.echo(f"redacted PDF:  {pdf_path}")
    typer.echo("Check the copy before sharing it: names written without a title, credential or signature label can slip through.")


@app.command()
def worker(
    concurrency: Annotated[int | None, typer.Option(help="Analysis processes on this machine (default: one per core).", min=1)] = None,
    queues: Annotated[str | None, typer.Option(help="Queues to take files from (default: CONTRACT_RISK_CELERY_QUEUE).")] = None,
) -> None:
    """Run a Celery worker for batches (CONTRACT_RISK_JOB_BACKEND=celery); start one per machine."""
    from app.celery_app import celery
    from app.settings import get_settings

    settings = get_settings()
    broker = settings.celery_broker_url.split("@")[-1]
    typer.echo(f"contract-risk worker: queue {queues or settings.celery_queue}, broker {broker}", err=True)
    celery.worker_main(["worker", "--loglevel", settings.log_level, "--concurrency", str(concurrency or os.cpu_count() or 1),
                        "--queues", queues or settings.celery_queue])


@app.command()
def reference(
    as_json: Annotated[bool, typer.Option("--json", help="Print the shipped reference data as JSON.")] = False,
) -> None:
    """Print the shipped reference data (state non-compete law, specialty benchmarks) and its sources."""
    from app.render.reference import render_reference
    from rules.reference import benchmarks, state_laws

    if as_json:
        typer.echo(json.dumps({"state_noncompete": state_laws().model_dump(mode="json"),
                               "benchmarks": benchmarks().model_dump(mode="json")}, indent=2))
    else:
        typer.echo(render_reference(state_laws(), benchmarks()))


@app.command()
def schema(
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write the schema here instead of stdout.")] = None,
) -> None:
    """Print the JSON Schema of report v1."""
    from rules.report import report_json_schema

    _emit(json.dumps(report_json_schema(), indent=2) + "\n", out)


def main() -> None:
    """Console-script entry point: a bug is reported in one line (exit 1), never as a traceback."""
    try:
        app()
    except SystemExit:
        raise
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        raise SystemExit(130) from None
    except Exception as error:  # noqa: BLE001 - last line of defence for the command line
        typer.echo(f"error: internal_error: {type(error).__name__}: {error}; please report it", err=True)
        raise SystemExit(EXIT_INTERNAL) from None


if __name__ == "__main__":
    main()
