"""Proof materials (证明材料) rendered as small deterministic PDFs, and as SVG page images.

The 预览 dialog shows the SVG rendering of the same layout (pages stacked top to bottom), the way
attachment-preview services show page images; 下载 gives the PDF.

- ``rmb``: amounts as printed (8000.00, 捌仟元整);
- ``layout``: the page model (lines, fields, rules, wrapping, fonts);
- ``pdf`` and ``svg``: the two back-ends; ``scan``: a material uploaded as a phone photo
  (``Material.scanned``): an image-only PDF, and that photo as its preview;
- ``documents``: the six kinds of material.
"""

from __future__ import annotations

from ..cases import Application, Material
from .documents import document_for
from .pdf import render_pdf
from .rmb import receipt_amount_text, rmb_upper
from .scan import jpeg_bytes, render_scan_images, render_scan_pdf
from .svg import render_svg

__all__ = [
    "material_filename", "receipt_amount_text", "render_material", "render_material_preview",
    "render_material_svg", "rmb_upper",
]


def material_filename(app: Application, material: Material) -> str:
    return f"{app.student_no}_{material.title}.pdf"


def render_material(app: Application, material: Material) -> bytes:
    """The PDF bytes of one material (image-only when it was scanned); same input, same bytes."""
    draw = document_for(material)
    if material.scanned:
        return render_scan_pdf(lambda page: draw(page, app, material), seed=_scan_seed(app, material),
                               title=material.title, author=app.student_name)
    return render_pdf(lambda page: draw(page, app, material),
                      title=material.title, author=app.student_name)


def render_material_preview(app: Application, material: Material) -> tuple[bytes, str]:
    """(image, MIME type) for the 预览 dialog: the SVG of the layout, or the photo of a scan."""
    if not material.scanned:
        return render_material_svg(app, material).encode(), "image/svg+xml"
    draw = document_for(material)
    pages = render_scan_images(lambda page: draw(page, app, material), _scan_seed(app, material))
    return jpeg_bytes(pages[0]), "image/jpeg"


def _scan_seed(app: Application, material: Material) -> str:
    return f"{app.student_no}:{material.title}"


def render_material_svg(app: Application, material: Material) -> str:
    """The same material as one SVG image, its pages stacked top to bottom."""
    draw = document_for(material)
    return render_svg(lambda page: draw(page, app, material), title=material.title)
