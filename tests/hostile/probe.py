"""Run one stage of contract-risk on one file inside resource limits; print one JSON line.

    python -m tests.hostile.probe extract FILE [--max-mb N]
    python -m tests.hostile.probe serve            # Analyzer worker: paths on stdin, one JSON line each
    python -m tests.hostile.probe exec PROGRAM ARGS...   # PROGRAM under the same limits (exec keeps them)

The limits are set in this process before anything is imported (``RLIMIT_AS``: address space, so a
decompression bomb fails with MemoryError or is killed instead of swapping the machine; ``RLIMIT_CPU``:
a hang in C code dies with SIGXCPU). The parent adds a wall-clock timeout. The JSON line says
``{"outcome": "ok"|"input_error"|"other_error", "code", "type", "message", "seconds", "peak_rss_mb", ...}``;
a traceback never reaches stdout. The parent treats a missing line, a signal or a timeout as a failure.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time

#: Address-space limit of the probe (bytes). The Analyzer (spaCy, the classifier) needs ~0.7 GB of it.
MEMORY_LIMIT = int(os.environ.get("HOSTILE_MEMORY_LIMIT", str(2 << 30)))
CPU_SECONDS = int(os.environ.get("HOSTILE_CPU_SECONDS", "120"))


def limit_resources() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS + 5))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _outcome(run) -> dict:
    from nlp.errors import InputError

    started = time.perf_counter()
    try:
        extra = run() or {}
        result = {"outcome": "ok", "code": None, **extra}
    except InputError as error:
        result = {
            "outcome": "input_error",
            "code": error.code,
            "type": type(error).__name__,
            "message": error.message,
        }
    except BaseException as error:  # noqa: BLE001 - reported to the parent, which fails the test
        import traceback

        result = {
            "outcome": "other_error",
            "code": None,
            "type": type(error).__name__,
            "message": str(error)[:500],
            "traceback": traceback.format_exc()[-4000:],
        }
    result["seconds"] = round(time.perf_counter() - started, 3)
    result["peak_rss_mb"] = _peak_rss_mb()
    return result


def extract(path: str, max_mb: float | None = None) -> dict:
    from nlp.extract import ExtractionLimits, extract_document

    limits = ExtractionLimits(max_bytes=int(max_mb * 1048576)) if max_mb else ExtractionLimits()

    def run() -> dict:
        document = extract_document(path, limits=limits)
        return {
            "media_type": document.media_type,
            "pages": len(document.pages),
            "chars": len(document.text),
            "text_head": document.text[:2000],
            "warnings": list(document.warnings),
        }

    return _outcome(run)


def serve() -> None:
    """Load the Analyzer once, then analyse each path read from stdin (one per line) and print one JSON
    line per path: the analyzer's outcome, and the CLI's (``contract-risk analyze PATH --format json``
    run through typer's runner on the same Analyzer) with exit code, stdout head and stderr."""
    from app.analyze import Analyzer
    from app.render import RENDERERS

    started = time.perf_counter()
    analyzer = Analyzer.load()
    print(
        json.dumps(
            {"ready": True, "seconds": round(time.perf_counter() - started, 2), "peak_rss_mb": _peak_rss_mb()}
        ),
        flush=True,
    )
    for line in sys.stdin:
        path = line.strip()
        if not path:
            continue

        def run(path: str = path) -> dict:
            report = analyzer.analyze(path)
            return {
                "media_type": report.document.media_type,
                "pages": report.document.pages,
                "flags": len(report.flags),
                "renders": {name: render(report) for name, render in RENDERERS.items()},
            }

        result = _outcome(run)
        result["cli"] = _cli(analyzer, path)
        print(json.dumps(result), flush=True)


def _cli(analyzer, path: str) -> dict:
    from typer.testing import CliRunner

    import app.analyze
    from app.cli import app as cli_app

    original = app.analyze.Analyzer.load
    app.analyze.Analyzer.load = classmethod(lambda cls, *args, **kwargs: analyzer)  # the CLI's load, once
    try:
        result = CliRunner().invoke(cli_app, ["analyze", path, "--format", "json"])
    finally:
        app.analyze.Analyzer.load = original
    return {
        "exit_code": result.exit_code,
        "stdout_head": result.stdout[:200],
        "stderr": result.stderr[-2000:],
        "exception": None
        if result.exception is None or isinstance(result.exception, SystemExit)
        else type(result.exception).__name__,
    }


def main(argv: list[str]) -> int:
    limit_resources()
    if argv[:1] == ["extract"]:
        max_mb = float(argv[argv.index("--max-mb") + 1]) if "--max-mb" in argv else None
        print(json.dumps(extract(argv[1], max_mb)), flush=True)
        return 0
    if argv[:1] == ["serve"]:
        serve()
        return 0
    if argv[:1] == ["exec"] and len(argv) > 1:
        os.execv(argv[1], argv[1:])  # rlimits survive exec; no preexec_fn in the (threaded) parent
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
