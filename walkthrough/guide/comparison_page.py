"""``对比.html``: the shots that changed since the previous run, side by side (上次 | 本次 |
变化处), so a trainer sees what to re-teach. Self-contained like the guide."""

from __future__ import annotations

from html import escape
from pathlib import Path

from .comparison import ADDED, ComparisonResult, ShotComparison
from .html_page import CJK_FONTS, data_uri
from .outline import caption
from .pixels import CHANGED_PIXELS, CHANNEL_TOLERANCE, highlight

TITLE = "截图对比"
STYLE = f"""
body {{ font-family: {CJK_FONTS}; margin: 1.5rem; color: #1f2328; }}
.meta {{ color: #555; }}
.shot {{ margin: 1.5rem 0 2.5rem; border-top: 1px solid #ddd; padding-top: .8rem; }}
.row {{ display: grid; grid-template-columns: repeat(3, 1fr); gap: .8rem; }}
figure {{ margin: 0; }}
figure img {{ width: 100%; border: 1px solid #ccc; }}
figcaption {{ text-align: center; color: #333; }}
.status {{ font-weight: bold; color: #c62828; margin-left: .6em; }}
"""


def _column(label: str, png: Path | bytes | None) -> str:
    picture = f'<img src="{data_uri(png)}" alt="{escape(label)}">' if png is not None else "（无）"
    return f"<figure>{picture}<figcaption>{escape(label)}</figcaption></figure>"


def _shot(item: ShotComparison) -> str:
    measured = (f"，{item.difference.changed} 个像素不同"
                if item.difference is not None else "")
    heading = (f'<h2>{escape(item.step.label)}<span class="status">{escape(item.status)}'
               f"{escape(measured)}</span></h2><p>{escape(caption(item.shot, item.step))}</p>")
    marked = (highlight(item.previous, item.current)
              if item.previous is not None and item.current is not None else None)
    if marked is not None:
        third = _column("变化处（红色）", marked)
    else:
        third = f"<figure><p>{'本次新增的截图' if item.status == ADDED else '本次已没有这张截图'}</p></figure>"
    columns = (_column("上次录制", item.previous), _column("本次录制", item.current), third)
    return f'<section class="shot">{heading}<div class="row">{"".join(columns)}</div></section>'


def render_comparison(result: ComparisonResult) -> str:
    findings = "".join(f"<li>{escape(line)}</li>" for line in result.summary())
    body = (
        f"<h1>{TITLE}</h1>"
        f'<p class="meta">上次录制：{escape(str(result.previous_dir))}<br>'
        f"本次录制：{escape(str(result.current_dir))}<br>"
        f"判定规则：某通道差值超过 {CHANNEL_TOLERANCE}/255 的像素多于 {CHANGED_PIXELS} 个，"
        f"即视为截图有变化。</p><ul>{findings}</ul>"
        + "".join(_shot(item) for item in result.changed)
    )
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>{TITLE}</title><style>{STYLE}</style></head><body>{body}</body></html>\n"
    )


def write_comparison(result: ComparisonResult, path: Path) -> Path:
    path.write_text(render_comparison(result), encoding="utf-8")
    return path
