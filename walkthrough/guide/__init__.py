"""The illustrated 操作流程（培养单位） from a walkthrough run: HTML, DOCX and PDF from the run's
manifest and screenshots (:func:`build_guide`), and what changed since an earlier run
(:func:`compare_runs`, ``对比.html``).

``python -m walkthrough.guide RUN_DIR [--compare PREVIOUS_DIR]`` does both for a run folder.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from playwright.sync_api import Browser

from flows.steps import DOCUMENT_TITLE
from walkthrough.manifest import Manifest

from .comparison import COMPARISON_PAGE, ComparisonResult, measure
from .comparison_page import write_comparison
from .html_page import write_html
from .outline import build_outline
from .pdf import print_pdf
from .word import write_docx

#: File name of the three forms (without suffix): the procedure document's title.
GUIDE_STEM = DOCUMENT_TITLE


def guide_paths(run_dir: Path) -> tuple[Path, Path, Path]:
    """Where the HTML, DOCX and PDF of a run go."""
    return (run_dir / f"{GUIDE_STEM}.html", run_dir / f"{GUIDE_STEM}.docx",
            run_dir / f"{GUIDE_STEM}.pdf")


def build_guide(run_dir: Path, browser: Browser) -> list[Path]:
    """Write the guide of the run in ``run_dir`` (its ``run.json`` and screenshots) into that
    folder as HTML, DOCX and PDF (printed with ``browser``); returns the three paths."""
    guide = build_outline(Manifest.load(run_dir), run_dir)
    html, docx, pdf = guide_paths(run_dir)
    write_html(guide, html)
    write_docx(guide, docx)
    print_pdf(html, pdf, browser)
    return [html, docx, pdf]


def compare_runs(previous: Path, current: Path) -> ComparisonResult:
    """Which steps' screenshots changed since the run in ``previous`` (steps added and removed
    too); writes the side-by-side page of the changed shots, ``对比.html``, into ``current``."""
    result = measure(previous, current)
    return replace(result, page=write_comparison(result, current / COMPARISON_PAGE))


__all__ = ["ComparisonResult", "build_guide", "compare_runs", "guide_paths"]
