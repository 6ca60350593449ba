"""A batch as CSV: one row per contract, one column per term name and per flag severity."""

from __future__ import annotations

import csv
import io

from nlp.kinds import TERM_UNITS

SEVERITIES = ("high", "medium", "low", "info")


def _cell(value: str) -> str:
    """A file name that a spreadsheet would run as a formula (=, +, -, @) is quoted with a leading apostrophe."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def batch_csv(results: list[dict]) -> str:
    columns = ["filename", "status", "error_code", "risk_score", "legal_risk_score", "financial_risk_score",
               *(f"flags_{s}" for s in SEVERITIES), *TERM_UNITS]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for result in results:
        row: dict[str, object] = {"filename": _cell(result["filename"]), "status": result["status"],
                                  "error_code": (result.get("error") or {}).get("code", "")}
        summary = result.get("summary")
        if summary:
            row.update(risk_score=summary["risk_score"], legal_risk_score=summary.get("legal_risk_score", ""),
                       financial_risk_score=summary.get("financial_risk_score", ""))
            for severity in SEVERITIES:
                row[f"flags_{severity}"] = summary["counts_by_severity"].get(severity, 0)
        for name in TERM_UNITS:
            values = [str(t["value"]) for t in result.get("terms", []) if t["name"] == name]
            row[name] = ";".join(dict.fromkeys(values))
        writer.writerow(row)
    return out.getvalue()
