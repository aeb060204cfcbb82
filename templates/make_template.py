"""Build ``templates/briefing.docx``, the reference document the DOCX writer renders into.

Run from the project root: ``python -m templates.make_template [OUTPUT]``. The output is
deterministic (same bytes on every run). Starting from python-docx's default template it
sets Times New Roman 13 pt everywhere (theme fonts removed, so headings do not fall back
to Calibri/Cambria), black headings, justified body text, Vietnamese as the language, the
page layout of Nghị định 30/2020/NĐ-CP (A4; margins top/bottom 20 mm, left 30 mm,
right 15 mm) and the writer's own styles (``STYLE_SPECS``). The body holds one sample
paragraph per style so that users can restyle them in Word; the writer discards it.
"""

from __future__ import annotations

import io
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import docx
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, Twips

from compiler.writers.docx import (
    STYLE_SPECS,
    TABLE_STYLE,
    add_style,
    add_table_style,
    apply_spec,
    normalize_zip,
    set_language,
)

FONT = "Times New Roman"
BODY_SIZE = 13
BODY_LEADING = 16.25  # points: compiler.writers.pdf LEADING × BODY_SIZE
LANGUAGE = "vi-VN"
A4_TWIPS = (11906, 16838)
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
HEADER_DISTANCE_MM = 10
CREATED = datetime(2024, 1, 1)
_THEME_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
_FONT_ATTRIBUTES = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")
_HEADING_LIKE = ("Heading ", "Title", "Subtitle", "TOC Heading")


def build() -> Document:
    document = docx.Document()
    _drop_extra_parts(document)
    _set_fonts(document)
    _set_normal(document)
    _plain_headings(document)
    for name, spec in STYLE_SPECS.items():
        styles = document.styles
        style = styles[name] if name in styles else add_style(styles, name, spec)
        apply_spec(style, spec, styles)
    add_table_style(document.styles)
    set_language(document, LANGUAGE)
    _set_page(document)
    _set_compatibility(document)
    _add_samples(document)
    _set_properties(document)
    return document


def _drop_extra_parts(document: Document) -> None:
    """Word 2010's duplicate style sheet (kept in Calibri) and the stale thumbnail."""
    for rId, rel in list(document.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            document.part.drop_rel(rId)
    package_rels = document.part.package.rels
    for rId, rel in list(package_rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            package_rels.pop(rId)


def _set_fonts(document: Document) -> None:
    """Replace every theme font reference with Times New Roman, set the 13 pt default."""
    styles = document.styles.element
    for rFonts in styles.iter(qn("w:rFonts")):
        themed = any(rFonts.get(qn(attr)) is not None for attr in _THEME_ATTRIBUTES)
        for attr in _THEME_ATTRIBUTES:
            rFonts.attrib.pop(qn(attr), None)
        if themed:
            _name_fonts(rFonts)
    defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _name_fonts(defaults.find(qn("w:rFonts")))
    for tag in ("w:sz", "w:szCs"):
        defaults.find(qn(tag)).set(qn("w:val"), str(BODY_SIZE * 2))


def _name_fonts(rFonts: Any) -> None:
    for attr in _FONT_ATTRIBUTES:
        rFonts.set(qn(attr), FONT)


def _set_normal(document: Document) -> None:
    normal = document.styles["Normal"]
    rFonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    _name_fonts(rFonts)
    normal.font.size = Pt(BODY_SIZE)
    fmt = normal.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(6)
    # At least the PDF's leading (1.25 × 13 pt): both files then break pages alike, and the
    # Word contents can print the PDF's page numbers (Word recomputes them on update).
    fmt.line_spacing_rule = WD_LINE_SPACING.AT_LEAST
    fmt.line_spacing = Pt(BODY_LEADING)
    fmt.widow_control = True


def _plain_headings(document: Document) -> None:
    """Headings, titles and their linked character styles: black, no accent border,
    no letter spacing, no leftover complex-script sizes."""
    for style in document.styles:
        if not style.name or not style.name.startswith(_HEADING_LIKE):
            continue
        rPr = style.element.rPr
        if rPr is not None:
            for tag in ("w:color", "w:spacing", "w:kern", "w:szCs"):
                for element in rPr.findall(qn(tag)):
                    rPr.remove(element)
        pPr = style.element.pPr
        if pPr is not None:
            for element in pPr.findall(qn("w:pBdr")):
                pPr.remove(element)
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3"):  # explicit, not inherited
        _name_fonts(document.styles[name].element.get_or_add_rPr().get_or_add_rFonts())


def _set_page(document: Document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = (Twips(side) for side in A4_TWIPS)
    for side, mm in MARGINS_MM.items():
        setattr(section, f"{side}_margin", _mm_twips(mm))
    section.header_distance = section.footer_distance = _mm_twips(HEADER_DISTANCE_MM)
    section.gutter = Twips(0)


def _mm_twips(mm: float) -> Twips:
    return Twips(round(mm * 1440 / 25.4))


def _set_compatibility(document: Document) -> None:
    """Word 2013+ layout: tables align with the text margins."""
    settings = document.settings.element
    for setting in settings.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), "15")
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:val"), LANGUAGE)


def _add_samples(document: Document) -> None:
    """One paragraph per style, to restyle in Word (the writer replaces the body)."""
    document.add_paragraph("Tiêu đề báo cáo tóm tắt (kiểu Title)", style="Title")
    document.add_paragraph("Dòng phụ đề căn giữa (kiểu Centered)", style="Centered")
    document.add_paragraph("Mục lục (kiểu TOC Heading)", style="TOC Heading")
    for level in (1, 2, 3):
        document.add_paragraph(
            f"Đề mục cấp {level} (kiểu Heading {level})", style=f"Heading {level}"
        )
    body = document.add_paragraph(
        "Đoạn văn bản thường (kiểu Normal): Times New Roman 13 pt, căn đều hai bên. "
    )
    body.add_run("Phần được thêm vào", style="Inserted")
    body.add_run(", ")
    body.add_run("phần bị lược bỏ", style="Deleted")
    body.add_run(" và ")
    body.add_run("ghi chú nguồn mờ", style="Muted")
    body.add_run(" là các kiểu ký tự Inserted, Deleted và Muted.")
    item = document.add_paragraph(style="List Item")
    item.add_run("1.\t").bold = True
    item.add_run("Mục liệt kê có thụt lề treo (kiểu List Item).")
    document.add_paragraph("Ghi chú, nguồn trích dẫn (kiểu Note).", style="Note")
    document.add_paragraph("Bảng 1. Chú thích bảng (kiểu Caption)", style="Caption")
    _add_sample_table(document)


def _add_sample_table(document: Document) -> None:
    table = document.add_table(rows=2, cols=2, style=TABLE_STYLE)
    texts = (("Cột thứ nhất", "Cột thứ hai"), ("Nội dung ô (kiểu Table Text)", "Đối chiếu"))
    for index, (row, row_texts) in enumerate(zip(table.rows, texts, strict=True)):
        for cell, text in zip(row.cells, row_texts, strict=True):
            style = "Table Heading" if index == 0 else "Table Text"
            cell.paragraphs[0].style = document.styles[style]
            cell.paragraphs[0].add_run(text)
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    document.add_paragraph()


def _set_properties(document: Document) -> None:
    props = document.core_properties
    props.title = "Mẫu báo cáo tóm tắt"
    props.author = props.last_modified_by = "brief"
    props.created = props.modified = props.last_printed = CREATED
    props.revision = 1
    props.language = LANGUAGE
    props.comments = ""


def main(argv: list[str]) -> int:
    target = Path(argv[0]) if argv else Path(__file__).with_name("briefing.docx")
    buffer = io.BytesIO()
    build().save(buffer)
    target.write_bytes(normalize_zip(buffer.getvalue()))
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
