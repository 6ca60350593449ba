"""A self-contained HTML report (inline CSS, an inline SVG chart): flags first, then pay, terms and clauses.

Printable to PDF from a browser. No scripts, no external files; Jinja2 autoescaping for all contract text.
"""

from __future__ import annotations

from functools import lru_cache
from html import escape
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from app.render.common import DISCLAIMER, KIND_LABELS, TERM_LABELS, format_value
from rules.report import ProjectionOut, Report

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]),
                       trim_blocks=True, lstrip_blocks=True)


def shorten_label(label: str, limit: int) -> str:
    """``label`` cut at a word boundary to at most ``limit`` characters, with an ellipsis when cut."""
    if len(label) <= limit:
        return label
    cut = label[: limit - 1].rstrip()
    if " " in cut:
        cut = cut[: cut.rindex(" ")].rstrip(" ,;:(")
    return cut + "…"


def projection_chart(projection: ProjectionOut, width: int = 640, bar_height: int = 26) -> str:
    """Horizontal stacked bars (base + productivity) per production level, as inline SVG."""
    rows = projection.rows
    if not rows:
        return ""
    top = max(row.total_usd for row in rows) or 1.0
    label_width, gap = 250, 8
    scale = (width - label_width - 90) / top
    height = len(rows) * (bar_height + gap) + 10
    parts = [f'<svg role="img" aria-label="First-year pay by production level" width="100%" viewBox="0 0 {width} {height}" '
             f'xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif" font-size="12">']
    for index, row in enumerate(rows):
        y = 5 + index * (bar_height + gap)
        base_w, prod_w = row.base_usd * scale, row.productivity_usd * scale
        parts.append(f'<text x="0" y="{y + bar_height * 0.65:.0f}"><title>{escape(row.label)}</title>'
                     f'{escape(shorten_label(row.label, 40))}</text>')
        parts.append(f'<rect x="{label_width}" y="{y}" width="{base_w:.1f}" height="{bar_height}" fill="#98a2b3"><title>base</title></rect>')
        parts.append(f'<rect x="{label_width + base_w:.1f}" y="{y}" width="{prod_w:.1f}" height="{bar_height}" fill="#2e90fa"><title>productivity</title></rect>')
        parts.append(f'<text x="{label_width + base_w + prod_w + 6:.1f}" y="{y + bar_height * 0.65:.0f}">${row.total_usd:,.0f}</text>')
    parts.append("</svg>")
    return "".join(parts)


def render_html(report: Report, peers_section: str | None = None, nav: bool = False) -> str:
    """The report page; ``peers_section`` (HTML) and ``nav`` are used by the web page."""
    by_kind = []
    for kind in report.summary.kinds_found:
        clauses = []
        for clause in report.clauses:
            tags = [k for k in clause.kinds if k.kind == kind]
            if tags:
                label = " ".join(x for x in (clause.number, clause.heading) if x) or clause.id
                clauses.append({"label": label, "page_start": clause.page_start, "page_end": clause.page_end,
                                "text": clause.text, "sources": f"found by {tags[0].source}"})
        by_kind.append((KIND_LABELS[kind], clauses))
    terms = [{"label": TERM_LABELS.get(t.name, (t.name, ""))[0], "value": format_value(t.name, t.value), "page": t.page}
             for t in report.terms]
    missing = [KIND_LABELS[k] for k in report.summary.kinds_missing]
    chart = projection_chart(report.projection) if report.projection else ""
    return _environment().get_template("report.html").render(
        r=report, by_kind=by_kind, terms=terms, missing=missing, chart=chart, disclaimer=DISCLAIMER,
        peers_section=peers_section, nav=nav)
