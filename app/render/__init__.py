"""Report renderers by format name: each takes a Report and returns text."""

from __future__ import annotations

from collections.abc import Callable

from app.render.html import render_html
from app.render.markdown import render_markdown
from app.render.text import render_text
from rules.report import Report


def render_json(report: Report) -> str:
    """Exactly report schema v1, indented."""
    return report.model_dump_json(indent=2) + "\n"


RENDERERS: dict[str, Callable[[Report], str]] = {
    "json": render_json,
    "md": render_markdown,
    "text": render_text,
    "html": render_html,
}
EXTENSIONS: dict[str, str] = {"json": ".report.json", "md": ".report.md", "text": ".report.txt", "html": ".report.html"}
