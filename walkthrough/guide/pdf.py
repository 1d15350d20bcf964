"""The guide as PDF: the HTML printed by the browser the run already uses (Firefox over WebDriver
BiDi prints with ``page.pdf``), so the PDF looks as the HTML does."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser

PRINT_TIMEOUT_MS = 120_000


def print_pdf(html: Path, pdf: Path, browser: Browser) -> Path:
    """Open ``html`` in a new page of ``browser``, wait for its pictures and fonts, print A4."""
    context = browser.new_context(locale="zh-CN")
    try:
        page = context.new_page()
        page.set_default_timeout(PRINT_TIMEOUT_MS)
        page.goto(html.resolve().as_uri(), wait_until="load")
        page.evaluate("() => document.fonts.ready.then(() => true)")
        page.pdf(path=str(pdf), format="A4", print_background=True, prefer_css_page_size=True)
    finally:
        context.close()
    return pdf
