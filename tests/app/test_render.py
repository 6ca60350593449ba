"""Human-readable renderers: HTML (self-contained, escaped), Markdown and text carry the same content."""

from __future__ import annotations

import re

import pytest

from app.render import RENDERERS

CONTRACT = (
    "1. Compensation. Employer shall pay Physician an annual base salary of $250,000 and $40.00 per wRVU above "
    "5,000 wRVUs per year.\n"
    "2. Covenant Not to Compete. For two (2) years after termination, Physician shall not practice medicine within "
    "twenty (20) miles of any Employer location. <script>alert(1)</script>\n"
)


@pytest.fixture(scope="module")
def report(analyze_text):
    return analyze_text(CONTRACT, specialty="internal medicine", wrvu_levels=(6000,))


def test_render_html_is_self_contained_and_escaped(report):
    html = RENDERERS["html"](report)
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
    assert not re.search(r'(?:src|href)=["\']https?://', html), "no external resources"
    assert "<svg" in html and "First-year pay" in html


def test_render_html_order_flags_first_then_pay_terms_clauses_missing(report):
    html = RENDERERS["html"](report)
    order = [html.index(h) for h in ("Flags, worst first", "First-year pay", "Key terms", "Clauses by kind", "What we did not find")]
    assert order == sorted(order)
    first_flag = html.index('class="flag ')
    assert 'class="flag high"' in html[first_flag:first_flag + 40]


@pytest.mark.parametrize("fmt", ["html", "md", "text"])
def test_render_every_flag_with_its_ask(report, fmt):
    out = RENDERERS[fmt](report)
    for flag in report.flags:
        assert flag.title.replace("$", "$") in out or flag.title in out.replace("&#39;", "'")
        if flag.suggested_ask:
            assert flag.suggested_ask[:40] in out.replace("&#34;", '"').replace("&#39;", "'")
