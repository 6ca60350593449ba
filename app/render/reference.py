"""`contract-risk reference`: what reference data is shipped, and where every figure comes from."""

from __future__ import annotations

from rules.schema import BenchmarkFile, StateLawFile


def render_reference(laws: StateLawFile, marks: BenchmarkFile) -> str:
    lines = [f"State law on physician non-competes (as of {laws.as_of}; {laws.compiled_from})", ""]
    for code, law in sorted(laws.states.items()):
        effective = law.effective.isoformat() if law.effective else "long-standing or unknown"
        lines.append(f"{code}  {law.name}: {law.rule.replace('_', ' ')}, from {effective}")
        lines.append(f"    {law.summary}")
        if law.effective_note:
            lines.append(f"    note: {law.effective_note}")
        for source in law.sources:
            lines.append(f"    source: {source}")
    lines += ["", f"Specialty benchmarks (as of {marks.as_of}; {marks.compiled_from})",
              "  survey_comp_per_wrvu is total pay / wRVUs in a survey, not a contract conversion factor.", ""]
    mcf = marks.medicare_conversion_factor
    lines.append(f"Medicare conversion factor {mcf.data_year}: ${mcf.value} ({mcf.note}); source: {mcf.source}")
    for key, row in sorted(marks.specialties.items()):
        lines.append(f"{row.name} ({key})")
        for metric, figure in row.metrics.items():
            note = f"; {figure.note}" if figure.note else ""
            lines.append(f"    {metric:22} {figure.value:>10,.0f}  {figure.data_year}  confidence {figure.confidence}{note}")
            lines.append(f"    {'':22} source: {figure.source}")
    return "\n".join(lines) + "\n"
