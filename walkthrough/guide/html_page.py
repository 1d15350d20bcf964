"""The guide as one self-contained HTML file: the screenshots embedded as ``data:`` URIs, so the
file can be mailed, put on a share or opened from anywhere, and printed to PDF as it is."""

from __future__ import annotations

import base64
from html import escape
from pathlib import Path

from .outline import NOTE_LABEL, Figure, Guide, GuideStep

#: Fonts with Chinese glyphs, first the one ``scripts/setup.sh`` installs.
CJK_FONTS = '"WenQuanYi Micro Hei", "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif'
#: The printed page: A4, its margins.
PAGE_MM, PAGE_MARGIN_MM = (210, 297), 15
#: A screenshot is at most this high when printed: two pictures with their captions, a step
#: heading and a note fit on one A4 page (297 mm less 2×15 mm margins = 267 mm); at 150 mm only
#: one picture fitted and every other page was half empty.
PRINT_IMAGE_MAX_HEIGHT_MM = 100

STYLE = f"""
@page {{ size: A4; margin: {PAGE_MARGIN_MM}mm; }}
body {{ font-family: {CJK_FONTS}; max-width: 60rem; margin: 2rem auto; padding: 0 1rem;
       color: #1f2328; line-height: 1.6; }}
h1 {{ text-align: center; margin-bottom: .2rem; }}
.systems, .facts {{ text-align: center; color: #555; margin: .2rem 0; }}
h2 {{ border-bottom: 2px solid #1565c0; padding-bottom: .2rem; margin-top: 2.5rem; }}
h3 {{ color: #1565c0; margin-top: 1.8rem; }}
h4 {{ margin: 1.4rem 0 .4rem; }}
.note {{ background: #fff4e5; border-left: 4px solid #f59e0b; padding: .5rem .8rem;
         margin: .4rem 0 .8rem; }}
.note strong {{ margin-right: .5em; }}
figure {{ margin: .6rem 0 1.2rem; text-align: center; break-inside: avoid; page-break-inside: avoid; }}
figure img {{ max-width: 100%; height: auto; border: 1px solid #ccc; }}
figcaption {{ text-align: center; color: #333; font-size: .95rem; margin-top: .3rem; }}
.lead {{ break-inside: avoid; page-break-inside: avoid; }}
@media print {{
  body {{ max-width: none; margin: 0; padding: 0; font-size: 11pt; }}
  figure img {{ max-height: {PRINT_IMAGE_MAX_HEIGHT_MM}mm; width: auto; }}
}}
"""


def data_uri(png: Path | bytes) -> str:
    """A PNG (a file or its bytes) as a ``data:image/png;base64,…`` URI."""
    data = png.read_bytes() if isinstance(png, Path) else png
    return "data:image/png;base64," + base64.b64encode(data).decode("ascii")


def render_html(guide: Guide) -> str:
    """The whole guide as one HTML document."""
    body = [f"<h1>{escape(guide.title)}</h1>"]
    body.append(f'<p class="systems">{"　·　".join(escape(s) for s in guide.systems)}</p>')
    body.append(f'<p class="facts">{"　·　".join(escape(s) for s in guide.facts)}</p>')
    for section in guide.sections:
        body.append("<section>")
        for p, part in enumerate(section.parts):
            body.append("<section>")
            for s, step in enumerate(part.steps):
                headings = [f"<h2>{escape(section.title)}</h2>"] if p == s == 0 else []
                headings += [f"<h3>{escape(part.title)}</h3>"] if s == 0 else []
                body.append(_step(step, "".join(headings)))
            body.append("</section>")
        body.append("</section>")
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>{escape(guide.title)}</title><style>{STYLE}</style></head>"
        f"<body>{''.join(body)}</body></html>\n"
    )


def _step(step: GuideStep, headings: str) -> str:
    """A step's heading (after the section and part headings it opens), notes and first
    picture kept together in one block that no page break splits, then its other pictures.
    (Firefox ignores ``break-after: avoid``: a heading alone would be left at a page's foot.)"""
    notes = "".join(
        f'<aside class="note" role="note"><strong>{NOTE_LABEL}</strong>{escape(n)}</aside>'
        for n in step.notes
    )
    figures = [_figure(f) for f in step.figures]
    lead = (f'<div class="lead">{headings}<h4>{escape(step.heading)}</h4>{notes}'
            f'{"".join(figures[:1])}</div>')
    return f'<article class="step" id="{escape(step.step.key)}">{lead}{"".join(figures[1:])}</article>'


def _figure(figure: Figure) -> str:
    return (
        f'<figure><img src="{data_uri(figure.path)}" alt="{escape(figure.caption)}">'
        f"<figcaption>{escape(figure.caption)}</figcaption></figure>"
    )


def write_html(guide: Guide, path: Path) -> Path:
    path.write_text(render_html(guide), encoding="utf-8")
    return path
