"""Inline SVG plots: a term's peer distribution (box p25-p75, whiskers min-max) with a marker for a value."""

from __future__ import annotations

from html import escape

from app.render.common import TERM_LABELS, format_value


def distribution_plot(rows: list[dict], width: int = 720, row_height: int = 44) -> str:
    """``rows``: {name, distribution: {n, min, p25, median, p75, max}, value (optional), points (optional)}."""
    rows = [r for r in rows if r.get("distribution")]
    if not rows:
        return ""
    label_width, right_pad = 230, 120
    plot_width = width - label_width - right_pad
    height = len(rows) * row_height + 10
    parts = [f'<svg role="img" aria-label="Your terms against peers" width="100%" viewBox="0 0 {width} {height}" '
             f'xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif" font-size="12">']
    for index, row in enumerate(rows):
        d = row["distribution"]
        values = [d["min"], d["max"]] + ([row["value"]] if isinstance(row.get("value"), (int, float)) else [])
        low, high = min(values), max(values)
        span = (high - low) or 1.0

        def x(v: float) -> float:
            return label_width + (v - low) / span * plot_width  # noqa: B023 - used within this row only

        y = 5 + index * row_height
        mid = y + row_height / 2
        label = TERM_LABELS.get(row["name"], (row["name"], ""))[0]
        parts.append(f'<text x="0" y="{mid + 4:.0f}">{escape(label)} (n={d["n"]})</text>')
        parts.append(f'<line x1="{x(d["min"]):.1f}" x2="{x(d["max"]):.1f}" y1="{mid:.1f}" y2="{mid:.1f}" stroke="#98a2b3"/>')
        parts.append(f'<rect x="{x(d["p25"]):.1f}" y="{mid - 9:.1f}" width="{max(x(d["p75"]) - x(d["p25"]), 2):.1f}" '
                     f'height="18" fill="#d1e9ff" stroke="#2e90fa"><title>25th-75th percentile</title></rect>')
        parts.append(f'<line x1="{x(d["median"]):.1f}" x2="{x(d["median"]):.1f}" y1="{mid - 9:.1f}" y2="{mid + 9:.1f}" '
                     f'stroke="#1849a9" stroke-width="2"><title>median</title></line>')
        for point in row.get("points", []):
            parts.append(f'<circle cx="{x(point):.1f}" cy="{mid + 13:.1f}" r="2.5" fill="#475467"/>')
        value = row.get("value")
        if isinstance(value, (int, float)):
            parts.append(f'<circle cx="{x(value):.1f}" cy="{mid:.1f}" r="6" fill="#b42318"><title>your contract</title></circle>')
            parts.append(f'<text x="{width - right_pad + 8}" y="{mid + 4:.0f}" fill="#b42318">'
                         f'{escape(format_value(row["name"], float(value)))}</text>')
    parts.append("</svg>")
    return "".join(parts)
