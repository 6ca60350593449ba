"""The report as PDF (reportlab): scores, flags worst first with quote, page, why, benchmark and asks, then terms."""

from __future__ import annotations

import io
from html import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import inch
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.render.common import DISCLAIMER, TERM_LABELS, format_value
from rules.report import Report

SEVERITY_COLOURS = {"high": "#b42318", "medium": "#b54708", "low": "#8a6d00", "info": "#475467"}


def render_pdf(report: Report) -> bytes:
    styles = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=styles["BodyText"], fontSize=9.5, leading=12.5)
    quote = ParagraphStyle("quote", parent=body, leftIndent=12, textColor=colors.HexColor("#344054"))
    story = [Paragraph("Contract risk report", styles["Title"]),
             Paragraph(escape(f"{report.document.filename} · {report.document.pages} pages"), body),
             Paragraph(escape(f"Risk {report.summary.risk_score}/100 (legal {report.summary.legal_risk_score}, "
                              f"financial {report.summary.financial_risk_score}); "
                              f"{report.summary.counts_by_severity.get('high', 0)} high, "
                              f"{report.summary.counts_by_severity.get('medium', 0)} medium"), body),
             Spacer(1, 0.15 * inch), Paragraph("Flags, worst first", styles["Heading2"])]
    if not report.flags:
        story.append(Paragraph("No risk flags were raised.", body))
    for flag in report.flags:
        where = f"page {flag.page}" if flag.page else "missing from the contract"
        colour = SEVERITY_COLOURS[flag.severity]
        story.append(Paragraph(f'<font color="{colour}"><b>{flag.severity.upper()}</b></font> '
                               f"<b>{escape(flag.title)}</b> ({escape(where)})", body))
        if flag.quote:
            story.append(Paragraph(f"“{escape(flag.quote)}”", quote))
        story.append(Paragraph(f"<b>Why:</b> {escape(flag.explanation)}", body))
        if flag.benchmark:
            story.append(Paragraph(f"<b>Benchmark:</b> {escape(flag.benchmark)}", body))
        story.append(Paragraph(f"<b>Ask:</b> {escape(flag.question)}", body))
        if flag.suggested_ask:
            story.append(Paragraph(f"<b>Suggested ask:</b> {escape(flag.suggested_ask)}", body))
        story.append(Spacer(1, 0.12 * inch))
    if report.terms:
        story.append(Paragraph("Key terms", styles["Heading2"]))
        rows = [["Term", "Value", "Page"]] + [
            [TERM_LABELS.get(t.name, (t.name, ""))[0], format_value(t.name, t.value), str(t.page)] for t in report.terms]
        table = Table(rows, colWidths=[3.2 * inch, 2.4 * inch, 0.6 * inch])
        table.setStyle(TableStyle([("FONTSIZE", (0, 0), (-1, -1), 9), ("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.grey),
                                   ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold")]))
        story.append(table)
    story += [Spacer(1, 0.2 * inch), Paragraph(escape(DISCLAIMER), quote)]
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=LETTER, title="Contract risk report", author="contract-risk",
                      leftMargin=0.8 * inch, rightMargin=0.8 * inch).build(story)
    return buffer.getvalue()
