"""The guide as a Word document (python-docx): heading 1 for 一、, heading 2 for （一）, heading 3
for the numbered steps, notes as shaded one-cell tables, one picture per screenshot with its
caption. Trainers edit this one."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor
from docx.styles.style import BaseStyle
from docx.table import Table

from .outline import NOTE_LABEL, Guide, GuideStep

#: What Word shows Chinese text in (present on the trainers' Windows machines).
EAST_ASIAN_FONT = "微软雅黑"
PICTURE_WIDTH = Cm(16)  # A4 less 2.5 cm margins leaves 16 cm
NOTE_FILL = "FFF4E5"
#: Heading level of each layer of the procedure document: 一、 → 1, （一） → 2, 1. → 3.
SECTION_LEVEL, PART_LEVEL, STEP_LEVEL = 1, 2, 3


def write_docx(guide: Guide, path: Path) -> Path:
    document = Document()
    document.core_properties.title = guide.title
    _page_setup(document)
    for name in ("Normal", "Title", "Caption", "Heading 1", "Heading 2", "Heading 3"):
        _east_asian(document.styles[name])
    document.add_heading(guide.title, level=0)
    for line in (" · ".join(guide.systems), *guide.facts):
        document.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.CENTER
    for section in guide.sections:
        document.add_heading(section.title, level=SECTION_LEVEL)
        for part in section.parts:
            document.add_heading(part.title, level=PART_LEVEL)
            for step in part.steps:
                _step(document, step)
    document.save(str(path))
    return path


def _step(document: Document, step: GuideStep) -> None:
    document.add_heading(step.heading, level=STEP_LEVEL)
    for note in step.notes:
        _note(document, note)
    for figure in step.figures:
        picture = document.add_paragraph()
        picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
        picture.paragraph_format.keep_with_next = True  # the caption stays with its picture
        picture.add_run().add_picture(str(figure.path), width=PICTURE_WIDTH)
        document.add_paragraph(figure.caption, style="Caption").alignment = (
            WD_ALIGN_PARAGRAPH.CENTER
        )


def _note(document: Document, text: str) -> Table:
    """A callout: a one-cell table, shaded, the label in bold."""
    table = document.add_table(rows=1, cols=1)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    cell = table.cell(0, 0)
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:fill"), NOTE_FILL)
    cell._tc.get_or_add_tcPr().append(shading)
    paragraph = cell.paragraphs[0]
    label = paragraph.add_run(f"{NOTE_LABEL}　")
    label.bold = True
    label.font.color.rgb = RGBColor(0xB4, 0x53, 0x09)
    paragraph.add_run(text)
    document.add_paragraph()  # space below the callout
    return table


def _page_setup(document: Document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin = section.bottom_margin = Cm(2)
    document.styles["Normal"].font.size = Pt(11)


def _east_asian(style: BaseStyle) -> None:
    """Chinese in :data:`EAST_ASIAN_FONT` (python-docx sets only the Latin font by name)."""
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), EAST_ASIAN_FONT)
