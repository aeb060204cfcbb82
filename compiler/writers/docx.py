"""The DOCX writer: renders a ``Report`` into a Word document built on a reference template.

The template (bundled ``briefing.docx`` or ``WriterOptions.template``) supplies the styles
and the page layout; its body is discarded. Every visible property the writer needs comes
from a named style, so users restyle the output in Word by restyling the template. Styles
the template lacks are added from ``STYLE_SPECS`` (``templates/make_template.py`` builds
the bundled template from the same specs).

python-docx is imported only inside functions: the CLI imports this module lazily anyway,
and the style specs stay importable without it.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from datetime import datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from compiler import REPORT_STAMP
from compiler.errors import OutputError
from compiler.report.model import (
    Cell,
    Element,
    Heading,
    ItemList,
    PageBreak,
    Paragraph,
    ParagraphStyle,
    Report,
    Run,
    RunStyle,
    Table,
    TableOfContents,
    TitleBlock,
)
from compiler.writers import WriterOptions, atomic_output, fit_columns

if TYPE_CHECKING:
    from docx.document import Document
    from docx.section import Section
    from docx.styles.styles import Styles
    from docx.table import _Cell
    from docx.text.paragraph import Paragraph as DocxParagraph

SUFFIX = ".docx"

TOC_INSTRUCTION = r' TOC \o "1-3" \h \z \u '
ZIP_TIMESTAMP = (1980, 1, 1, 0, 0, 0)
LONG_LABEL = 4  # list labels longer than this are followed by a space, not a tab
TEMPLATE_PACKAGE = "compiler.templates"
TEMPLATE_NAME = "briefing.docx"

# XML 1.0 forbids C0 controls other than tab/newline/CR, lone surrogates and U+FFFE/U+FFFF.
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_LINE_ENDS = re.compile("\r\n?")


def clean_text(text: str) -> str:
    """Text python-docx accepts: CR/CRLF become newlines, XML-illegal characters go."""
    return _ILLEGAL_XML.sub("", _LINE_ENDS.sub("\n", text))


# --- styles ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StyleSpec:
    """One named style; None means 'inherit'."""

    kind: str  # "paragraph" | "character"
    base: str | None = "Normal"
    size: float | None = None  # points
    bold: bool | None = None
    italic: bool | None = None
    underline: bool | None = None
    strike: bool | None = None
    color: str | None = None  # RRGGBB
    align: str | None = None  # "left" | "center" | "justify"
    before: float | None = None  # points
    after: float | None = None  # points
    line: float | None = None  # multiple of single spacing
    indent_mm: float | None = None  # left indent
    first_line_mm: float | None = None  # negative = hanging
    keep_next: bool | None = None
    outline: int | None = None  # 0-based outline level; 9 = body text


BLACK = "000000"
GREY = "666666"
STYLE_SPECS: dict[str, StyleSpec] = {
    "Title": StyleSpec(
        "paragraph",
        size=15,
        bold=True,
        color=BLACK,
        align="center",
        before=0,
        after=6,
        line=1.15,
        keep_next=True,
    ),
    "Heading 1": StyleSpec(
        "paragraph",
        size=14,
        bold=True,
        color=BLACK,
        align="left",
        before=12,
        after=6,
        keep_next=True,
        outline=0,
    ),
    "Heading 2": StyleSpec(
        "paragraph",
        size=13,
        bold=True,
        color=BLACK,
        align="left",
        before=10,
        after=4,
        keep_next=True,
        outline=1,
    ),
    "Heading 3": StyleSpec(
        "paragraph",
        size=13,
        bold=True,
        italic=True,
        color=BLACK,
        align="left",
        before=8,
        after=4,
        keep_next=True,
        outline=2,
    ),
    "Caption": StyleSpec(
        "paragraph",
        size=12,
        bold=True,
        italic=False,
        color=BLACK,
        align="center",
        before=6,
        after=4,
        line=1.0,
        keep_next=True,
    ),
    "Centered": StyleSpec("paragraph", align="center", after=3),
    "Note": StyleSpec("paragraph", size=11, color=GREY, align="left", after=4),
    "List Item": StyleSpec("paragraph", after=4, indent_mm=10, first_line_mm=-10),
    "Table Text": StyleSpec("paragraph", size=12, align="left", before=0, after=2, line=1.05),
    "Table Heading": StyleSpec(
        "paragraph", base="Table Text", bold=True, align="center", keep_next=True
    ),
    "Header": StyleSpec("paragraph", size=11, align="center", before=0, after=0, line=1.0),
    "TOC Heading": StyleSpec("paragraph", base="Heading 1", align="center", outline=9),
    # Word's own names for its TOC entry styles are lower case.
    "toc 1": StyleSpec("paragraph", align="left", before=3, after=3),
    "toc 2": StyleSpec("paragraph", align="left", after=2, indent_mm=6),
    "toc 3": StyleSpec("paragraph", align="left", after=2, indent_mm=12),
    "Inserted": StyleSpec("character", base=None, underline=True, color="1A7F37"),
    "Deleted": StyleSpec("character", base=None, strike=True, color="B42318"),
    "Muted": StyleSpec("character", base=None, size=11, color=GREY),
}
# Names Word knows as its own (no w:customStyle, or Word would keep a second "toc 1").
BUILTIN_STYLES = frozenset(
    {
        "Title",
        "Heading 1",
        "Heading 2",
        "Heading 3",
        "Caption",
        "Header",
        "TOC Heading",
        "toc 1",
        "toc 2",
        "toc 3",
    }
)
TABLE_STYLE = "Briefing Table"
_TABLE_STYLE_XML = (
    '<w:style {ns} w:type="table" w:customStyle="1" w:styleId="BriefingTable">'
    '<w:name w:val="Briefing Table"/><w:basedOn w:val="TableNormal"/>'
    '<w:uiPriority w:val="59"/><w:qFormat/>'
    '<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblBorders>{borders}</w:tblBorders>'
    '<w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
    '<w:bottom w:w="57" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr>'
    '<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr>'
    '<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="E8E8E8"/></w:tcPr></w:tblStylePr>'
    "</w:style>"
)
CELL_MARGIN_TWIPS = 85  # left and right cell margins of the table style above
_BORDER = '<w:{side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
_RUN_STYLES = {
    RunStyle.INSERTED: "Inserted",
    RunStyle.DELETED: "Deleted",
    RunStyle.MUTED: "Muted",
}
_PARAGRAPH_STYLES = {
    ParagraphStyle.BODY: "Normal",
    ParagraphStyle.CAPTION: "Caption",
    ParagraphStyle.NOTE: "Note",
    ParagraphStyle.CENTERED: "Centered",
}


def ensure_styles(document: Document) -> None:
    """Add every style the writer uses that the template lacks (a user template may)."""
    styles = document.styles
    for name, spec in STYLE_SPECS.items():
        if name not in styles:
            apply_spec(add_style(styles, name, spec), spec, styles)
    if TABLE_STYLE not in styles:
        add_table_style(styles)


def add_table_style(styles: Styles) -> None:
    from docx.oxml.ns import nsdecls
    from docx.oxml.parser import parse_xml

    sides = ("top", "left", "bottom", "right", "insideH", "insideV")
    borders = "".join(_BORDER.format(side=side) for side in sides)
    styles.element.append(parse_xml(_TABLE_STYLE_XML.format(ns=nsdecls("w"), borders=borders)))


def add_style(styles: Styles, name: str, spec: StyleSpec) -> Any:
    from docx.enum.style import WD_STYLE_TYPE

    kind = WD_STYLE_TYPE.CHARACTER if spec.kind == "character" else WD_STYLE_TYPE.PARAGRAPH
    style = styles.add_style(name, kind, builtin=name in BUILTIN_STYLES)
    style.quick_style = True
    return style


def apply_spec(style: Any, spec: StyleSpec, styles: Styles) -> None:
    """Set the properties ``spec`` names on ``style``; leave the others alone."""
    from docx.shared import RGBColor

    if spec.base is not None and spec.base in styles:
        style.base_style = styles[spec.base]
    font = style.font
    _set_if(font, "size", _points(spec.size))
    for attr in ("bold", "italic", "underline", "strike"):
        _set_if(font, attr, getattr(spec, attr))
    if spec.color is not None:
        font.color.rgb = RGBColor.from_string(spec.color)
    if spec.kind == "paragraph":
        _apply_paragraph_spec(style, spec)


def _apply_paragraph_spec(style: Any, spec: StyleSpec) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm

    aligns = {
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    }
    fmt = style.paragraph_format
    _set_if(fmt, "alignment", aligns.get(spec.align or ""))
    _set_if(fmt, "space_before", _points(spec.before))
    _set_if(fmt, "space_after", _points(spec.after))
    _set_if(fmt, "line_spacing", spec.line)
    _set_if(fmt, "left_indent", None if spec.indent_mm is None else Mm(spec.indent_mm))
    _set_if(
        fmt, "first_line_indent", None if spec.first_line_mm is None else Mm(spec.first_line_mm)
    )
    _set_if(fmt, "keep_with_next", spec.keep_next)
    if spec.outline is not None:
        set_outline_level(style.element.get_or_add_pPr(), spec.outline)


def set_outline_level(pPr: Any, level: int) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for old in pPr.findall(qn("w:outlineLvl")):
        pPr.remove(old)
    element = OxmlElement("w:outlineLvl", {qn("w:val"): str(level)})
    pPr.insert_element_before(element, "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


def _set_if(target: Any, attr: str, value: Any) -> None:
    if value is not None:
        setattr(target, attr, value)


def _points(value: float | None) -> Any:
    from docx.shared import Pt

    return None if value is None else Pt(value)


# --- entry point ------------------------------------------------------------------------


def write(report: Report, path: Path, options: WriterOptions) -> None:
    try:
        with atomic_output(path) as temp:
            document = open_template(options.template)
            _Renderer(document, report, options.heading_pages).render()
            set_core_properties(document, report)
            buffer = io.BytesIO()
            document.save(buffer)
            temp.write_bytes(normalize_zip(buffer.getvalue()))
    except OSError as error:
        raise OutputError(path, f"cannot write the report ({error.strerror or error})") from None


def open_template(template: Path | None) -> Document:
    """The reference document with an empty body (the final ``w:sectPr`` kept)."""
    import docx

    data = _template_bytes(template)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises assorted errors on non-DOCX input
        name = template or TEMPLATE_NAME
        raise OutputError(name, f"not a usable DOCX template ({error})") from None
    document.element.body.clear_content()
    ensure_styles(document)
    return document


def _template_bytes(template: Path | None) -> bytes:
    if template is not None:
        try:
            return template.read_bytes()
        except OSError as error:
            raise OutputError(template, f"cannot read the template ({error.strerror})") from None
    from importlib.resources import files

    try:
        try:
            return (files(TEMPLATE_PACKAGE) / TEMPLATE_NAME).read_bytes()
        except ModuleNotFoundError:  # a plain checkout: templates/ sits next to compiler/
            checkout = Path(__file__).resolve().parents[2] / "templates" / TEMPLATE_NAME
            return checkout.read_bytes()
    except OSError as error:
        raise OutputError(TEMPLATE_NAME, f"bundled template missing ({error.strerror})") from None


def set_core_properties(document: Document, report: Report) -> None:
    """Fixed metadata: the same report always gives the same bytes."""
    stamp = datetime.combine(report.created, time())
    props = document.core_properties
    props.title = clean_text(report.title)
    props.author = props.last_modified_by = clean_text(report.author)
    props.created = props.modified = props.last_printed = stamp
    props.revision = 1
    props.language = report.language
    for attr in (
        "subject",
        "keywords",
        "category",
        "comments",
        "content_status",
        "version",
    ):
        setattr(props, attr, "")
    props.identifier = REPORT_STAMP  # never read back as a source paper


def normalize_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed timestamps, attributes and entry order."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        names = sorted(source.namelist(), key=lambda name: (name != "[Content_Types].xml", name))
        for name in names:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIMESTAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            target.writestr(info, source.read(name))
    return out.getvalue()


# --- rendering --------------------------------------------------------------------------


class _Renderer:
    """Appends the report's elements to ``document``; tracks sections and page breaks."""

    def __init__(
        self, document: Document, report: Report, heading_pages: tuple[int, ...] | None = None
    ) -> None:
        self.document = document
        self.report = report
        self.heading_pages = heading_pages
        self.styles: dict[str, Any] = {}
        self.landscape = False
        self.page_break_pending = False
        self.bookmark_id = 0
        self.heading_count = 0
        first = document.sections[0]
        sides = (int(first.page_width or 0), int(first.page_height or 0))
        self.short_side, self.long_side = min(sides), max(sides)

    def render(self) -> None:
        set_language(self.document, self.report.language)
        set_update_fields(self.document)
        set_no_stretched_breaks(self.document)
        self.document.settings.odd_and_even_pages_header_footer = False
        section = self.document.sections[0]
        self._orient(section, landscape=False)
        setup_page_numbers(section, self.style("Header"))
        elements = self.report.elements
        for element, landscape in zip(elements, landscape_flags(elements), strict=True):
            self._render(element, landscape)
        if _body_is_empty(self.document):
            self.document.add_paragraph()  # Word wants at least one paragraph

    def _render(self, element: Element, landscape: bool) -> None:
        if isinstance(element, PageBreak):
            self.page_break_pending = True
            return
        self._switch_orientation(landscape)
        match element:
            case TitleBlock():
                self._title_block(element)
            case Heading():
                self._heading(element)
            case Paragraph():
                self._paragraph(element)
            case ItemList():
                self._item_list(element)
            case Table():
                self._table(element)
            case TableOfContents():
                self._table_of_contents(element)

    # --- paragraphs and runs ---

    def style(self, name: str) -> str | None:
        """The style's id (None for the default style), looked up once per name.

        Assigning style objects through python-docx rescans all styles for the default on
        every assignment, which dominates the run time of large tables.
        """
        if name not in self.styles:
            style = self.document.styles[name]
            default = self.document.styles.default(style.type)
            self.styles[name] = None if style == default else style.style_id
        return self.styles[name]

    def paragraph(self, container: Any, style: str) -> DocxParagraph:
        paragraph = container.add_paragraph()
        set_paragraph_style(paragraph, self.style(style))
        return paragraph

    def new_paragraph(self, style: str) -> DocxParagraph:
        paragraph = self.paragraph(self.document, style)
        if self.page_break_pending:
            paragraph.paragraph_format.page_break_before = True
            self.page_break_pending = False
        return paragraph

    def add_runs(
        self, paragraph: DocxParagraph, runs: tuple[Run, ...], muted: bool = False
    ) -> None:
        for run in runs:
            style = _RUN_STYLES.get(run.style)
            if style is None and muted:
                style = "Muted"
            self.add_run(paragraph, run.text, run.bold, run.italic, style, run.link)
            if run.style is RunStyle.NOTE_MARK:
                paragraph.runs[-1].font.superscript = True

    def add_run(
        self,
        paragraph: DocxParagraph,
        text: str,
        bold: bool = False,
        italic: bool = False,
        style: str | None = None,
        link: str | None = None,
    ) -> None:
        run = paragraph.add_run(clean_text(text))
        if style:
            run._r.style = self.style(style)
        if bold:
            run.bold = True
        if italic:
            run.italic = True
        if link:
            wrap_in_link(run._r, link)

    def bookmark(self, paragraph: DocxParagraph, name: str | None) -> None:
        if name:
            self.bookmark_id += 1
            add_bookmark(paragraph, name, self.bookmark_id)

    def _title_block(self, block: TitleBlock) -> None:
        for line in block.issuer:
            self.add_run(self.new_paragraph("Centered"), line, bold=True)
        if block.issuer:
            self.new_paragraph("Centered")  # a blank line between the issuer and the title
        self.add_run(self.new_paragraph("Title"), block.title)
        for line in block.subtitle_lines:
            self.add_run(self.new_paragraph("Centered"), line)
        if block.date_line:
            self.add_run(self.new_paragraph("Centered"), block.date_line, italic=True)

    def _heading(self, heading: Heading) -> None:
        level = min(max(heading.level, 1), 3)
        paragraph = self.new_paragraph(f"Heading {level}")
        self.add_run(paragraph, heading.text)
        self.heading_count += 1
        self.bookmark(paragraph, heading_bookmark(heading, self.heading_count))

    def _paragraph(self, paragraph: Paragraph) -> None:
        docx_paragraph = self.new_paragraph(_PARAGRAPH_STYLES[paragraph.style])
        self.add_runs(docx_paragraph, paragraph.runs)
        if paragraph.keep_with_next:
            docx_paragraph.paragraph_format.keep_with_next = True
        self.bookmark(docx_paragraph, paragraph.anchor)

    def _item_list(self, items: ItemList) -> None:
        for entry in items.entries:
            paragraph = self.new_paragraph("List Item")
            if entry.label:
                separator = " " if len(entry.label) > LONG_LABEL else "\t"
                self.add_run(paragraph, entry.label + separator, bold=True)
            self.add_runs(paragraph, entry.runs)
            if entry.note:
                self.add_run(paragraph, " " + entry.note, style="Muted", link=entry.note_link)
            self.bookmark(paragraph, entry.anchor)

    # --- tables ---

    def _table(self, table: Table) -> None:
        if table.caption:
            self.add_run(self.new_paragraph("Caption"), table.caption)
        self._flush_page_break()
        self._separate_from_previous_table()
        widths = column_widths(table, self._usable_width_twips())
        docx_table = self._new_table(widths)
        self._header_row(docx_table, table)
        for row in table.rows:
            _, cells = _add_row(docx_table)
            for cell, content in zip(cells, row, strict=False):
                self._fill_cell(cell, content)

    def _new_table(self, widths: list[int]) -> Any:
        from docx.shared import Twips

        docx_table = self.document.add_table(rows=0, cols=len(widths))
        docx_table.style = self.document.styles[TABLE_STYLE]
        docx_table.autofit = False
        for column, width in zip(docx_table.columns, widths, strict=True):
            column.width = Twips(width)  # add_row copies grid widths onto every new cell
        set_table_width(docx_table, sum(widths))
        return docx_table

    def _header_row(self, docx_table: Any, table: Table) -> None:
        from docx.oxml import OxmlElement

        tr, cells = _add_row(docx_table)
        tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))  # repeat on every page
        for cell, column in zip(cells, table.columns, strict=True):
            paragraph = cell.paragraphs[0]
            set_paragraph_style(paragraph, self.style("Table Heading"))
            self.add_run(paragraph, column.title, bold=True)

    def _fill_cell(self, cell: _Cell, content: Cell) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        for index, source in enumerate(content.paragraphs):
            if index == 0:
                paragraph = cell.paragraphs[0]
                set_paragraph_style(paragraph, self.style("Table Text"))
            else:
                paragraph = self.paragraph(cell, "Table Text")
            if source.style is ParagraphStyle.CENTERED:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            self.add_runs(paragraph, source.runs, muted=source.style is ParagraphStyle.NOTE)
            self.bookmark(paragraph, source.anchor)

    def _separate_from_previous_table(self) -> None:
        """Two tables with nothing between them would merge into one."""
        from docx.oxml.ns import qn

        previous = self.document.element.body.sectPr.getprevious()
        if previous is not None and previous.tag == qn("w:tbl"):
            self.document.add_paragraph()

    def _flush_page_break(self) -> None:
        if self.page_break_pending:
            self.page_break_pending = False
            _tiny(self.document.add_paragraph()).add_run().add_break(_page_break())

    def _usable_width_twips(self) -> int:
        section = self.document.sections[-1]
        width = (
            int(section.page_width or 0)
            - int(section.left_margin or 0)
            - int(section.right_margin or 0)
        )
        return int(width / 635)  # EMU per twip

    # --- table of contents and sections ---

    def _table_of_contents(self, toc: TableOfContents) -> None:
        self.add_run(self.new_paragraph("TOC Heading"), toc.title)
        headings = [e for e in self.report.elements if isinstance(e, Heading)]
        pages = self.heading_pages
        if pages is not None and len(pages) != len(headings):
            pages = None  # laid out from another report: no numbers rather than wrong ones
        entries = [
            (h.level, clean_text(h.text), heading_bookmark(h, n), pages[n - 1] if pages else None)
            for n, h in enumerate(headings, start=1)
            if h.in_contents and h.level <= 3
        ]
        add_toc_field(self.document, entries, self.style, self._usable_width_twips())

    def _switch_orientation(self, landscape: bool) -> None:
        if landscape == self.landscape:
            return
        self.landscape = landscape
        self.page_break_pending = False  # a new section starts on a new page anyway
        if _body_is_empty(self.document):
            self._orient(self.document.sections[-1], landscape)
            return
        section = self.document.add_section()
        _tiny_paragraph(section_break_paragraph(self.document))
        section.different_first_page_header_footer = False  # number its first page too
        self._orient(section, landscape)

    def _orient(self, section: Section, landscape: bool) -> None:
        from docx.enum.section import WD_ORIENT
        from docx.shared import Length

        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        wide, tall = (
            (self.long_side, self.short_side) if landscape else (self.short_side, self.long_side)
        )
        section.page_width, section.page_height = Length(wide), Length(tall)


def landscape_flags(elements: list[Element]) -> list[bool]:
    """Which elements go on landscape pages: wide tables and the headings right above them."""
    flags = [isinstance(element, Table) and element.landscape for element in elements]
    for index in range(len(elements) - 2, -1, -1):
        if isinstance(elements[index], Heading) and flags[index + 1]:
            flags[index] = True
    return flags


def column_widths(table: Table, total: int) -> list[int]:
    """Column widths in twips summing to ``total``: the builder's fractions, widened where a
    header word would not fit (measured in Liberation Serif Bold, metric-compatible with
    Times New Roman, at the header size, plus the cell margins)."""
    titles = [column.title for column in table.columns]
    fractions = [column.width for column in table.columns]
    exact = fit_columns(fractions, titles, float(total), _header_word_twips)
    edges, running = [0], 0.0
    for width in exact:
        running += width
        edges.append(round(running))
    return [right - left for left, right in zip(edges, edges[1:], strict=False)]


def _header_word_twips(word: str) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from compiler.writers.pdf import BOLD, register_fonts

    register_fonts()
    size = STYLE_SPECS["Table Text"].size or 12
    return stringWidth(word, BOLD, size) * 20 + 2 * CELL_MARGIN_TWIPS + 20


def _add_row(docx_table: Any) -> tuple[Any, list[_Cell]]:
    """Append a row: its ``w:tr`` and cells (``row.cells`` would rescan the whole table)."""
    from docx.table import _Cell

    tr = docx_table.add_row()._tr
    return tr, [_Cell(tc, docx_table) for tc in tr.tc_lst]


def set_table_width(docx_table: Any, twips: int) -> None:
    from docx.oxml.ns import qn

    tblW = docx_table._tbl.tblPr.find(qn("w:tblW"))
    tblW.set(qn("w:type"), "dxa")
    tblW.set(qn("w:w"), str(twips))


def _page_break() -> Any:
    from docx.enum.text import WD_BREAK

    return WD_BREAK.PAGE


def _body_is_empty(document: Document) -> bool:
    from docx.oxml.ns import qn

    return all(child.tag == qn("w:sectPr") for child in document.element.body)


def section_break_paragraph(document: Document) -> DocxParagraph:
    """The paragraph ``add_section`` just created to carry the previous ``w:sectPr``."""
    from docx.text.paragraph import Paragraph as DocxParagraph

    body = document.element.body
    return DocxParagraph(body.sectPr.getprevious(), document._body)


def _tiny(paragraph: DocxParagraph) -> DocxParagraph:
    """Shrink an otherwise empty paragraph to 1 pt so it cannot push content to a new page."""
    from docx.shared import Pt

    fmt = paragraph.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing = Pt(1)
    return paragraph


def _tiny_paragraph(paragraph: DocxParagraph) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    _tiny(paragraph)
    rPr = OxmlElement("w:rPr")
    rPr.append(OxmlElement("w:sz", {qn("w:val"): "2"}))
    paragraph._p.get_or_add_pPr().insert_element_before(rPr, "w:sectPr", "w:pPrChange")


# --- document-level XML ------------------------------------------------------------------


def set_paragraph_style(paragraph: DocxParagraph, style_id: str | None) -> None:
    if style_id is not None:
        paragraph._p.style = style_id


def setup_page_numbers(section: Section, header_style: str | None) -> None:
    """Centred PAGE field in the header of every page but the first."""
    section.different_first_page_header_footer = True
    _clear_story(section.first_page_header)
    paragraph = _clear_story(section.header)
    set_paragraph_style(paragraph, header_style)
    append_field(paragraph, " PAGE ", "1")


def _clear_story(story: Any) -> DocxParagraph:
    """Empty a header (creating it if the template has none); return its one paragraph."""
    story.is_linked_to_previous = False
    element = story._element
    for child in list(element):
        element.remove(child)
    return story.add_paragraph()


def append_field(paragraph: DocxParagraph, instruction: str, result: str) -> None:
    """A complex field (begin, instruction, separate, cached result, end)."""
    _field_begin(paragraph, instruction)
    paragraph.add_run(result)
    _field_char(paragraph, "end")


def _field_begin(paragraph: DocxParagraph, instruction: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    begin = _field_char(paragraph, "begin")
    begin.set(qn("w:dirty"), "true")  # ask Word to recompute it
    text = OxmlElement("w:instrText", {qn("xml:space"): "preserve"})
    text.text = instruction
    paragraph.add_run()._r.append(text)
    _field_char(paragraph, "separate")


def _field_char(paragraph: DocxParagraph, kind: str) -> Any:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = OxmlElement("w:fldChar", {qn("w:fldCharType"): kind})
    paragraph.add_run()._r.append(element)
    return element


def add_toc_field(
    document: Document,
    entries: list[tuple[int, str, str, int | None]],
    style: Any,
    width_twips: int,
) -> None:
    """A TOC field whose cached result lists the headings, each linked to its bookmark, with
    its page number after a right-aligned dotted tab stop when the page is known (as the PDF
    lays the same report out: the bundled template's line spacing matches the PDF's, so the
    pages agree); Word recomputes them when it updates the field (``w:updateFields``)."""
    if not entries:
        paragraph = document.add_paragraph()
        set_paragraph_style(paragraph, style("toc 1"))
        _field_begin(paragraph, TOC_INSTRUCTION)
        _field_char(paragraph, "end")
        return
    for index, (level, text, bookmark, page) in enumerate(entries):
        paragraph = document.add_paragraph()
        set_paragraph_style(paragraph, style(f"toc {level}"))
        _toc_tab_stop(paragraph, width_twips)
        if index == 0:
            _field_begin(paragraph, TOC_INSTRUCTION)
        wrap_in_link(paragraph.add_run(text)._r, bookmark)
        if page is not None:
            number = paragraph.add_run("\t" + str(page))
            wrap_in_link(number._r, bookmark)
        if index == len(entries) - 1:
            _field_char(paragraph, "end")


def _toc_tab_stop(paragraph: DocxParagraph, width_twips: int) -> None:
    from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
    from docx.shared import Twips

    paragraph.paragraph_format.tab_stops.add_tab_stop(
        Twips(width_twips), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
    )


def heading_bookmark(heading: Heading, number: int) -> str:
    """The bookmark of a heading: its anchor, else a hidden one Word would also make."""
    return heading.anchor or f"_Toc{number:08d}"


def add_bookmark(paragraph: DocxParagraph, name: str, number: int) -> None:
    """A bookmark around the paragraph's content (the target of internal links)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    start = OxmlElement("w:bookmarkStart", {qn("w:id"): str(number), qn("w:name"): name})
    end = OxmlElement("w:bookmarkEnd", {qn("w:id"): str(number)})
    p = paragraph._p
    if p.pPr is not None:
        p.pPr.addnext(start)
    else:
        p.insert(0, start)
    p.append(end)


def wrap_in_link(r: Any, anchor: str) -> None:
    """Put a run inside an internal hyperlink to a bookmark of this document."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    link = OxmlElement("w:hyperlink", {qn("w:anchor"): anchor, qn("w:history"): "1"})
    r.addprevious(link)
    link.append(r)


def set_update_fields(document: Document) -> None:
    """``w:updateFields``: Word refreshes the TOC and page fields on opening."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    settings = document.settings.element
    if settings.find(qn("w:updateFields")) is None:
        element = OxmlElement("w:updateFields", {qn("w:val"): "true"})
        settings.insert_element_before(element, *_SETTINGS_AFTER_UPDATE_FIELDS)


_SETTINGS_AFTER_UPDATE_FIELDS = (
    "w:hdrShapeDefaults",
    "w:footnotePr",
    "w:endnotePr",
    "w:compat",
    "w:docVars",
    "w:rsids",
    "m:mathPr",
    "w:attachedSchema",
    "w:themeFontLang",
    "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures",
    "w:forceUpgrade",
    "w:captions",
    "w:readModeInkLockDown",
    "w:smartTagType",
    "sl:schemaLibrary",
    "w:shapeDefaults",
    "w:doNotEmbedSmartTags",
    "w:decimalSymbol",
    "w:listSeparator",
)


def set_no_stretched_breaks(document: Document) -> None:
    """``w:doNotExpandShiftReturn``: a justified line ending in a line break stays unstretched."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    settings = document.settings.element
    compat = settings.find(qn("w:compat"))
    if compat is None:
        compat = OxmlElement("w:compat")
        after = _SETTINGS_AFTER_UPDATE_FIELDS
        settings.insert_element_before(compat, *after[after.index("w:compat") + 1 :])
    if compat.find(qn("w:doNotExpandShiftReturn")) is not None:
        return
    predecessors = {qn(tag) for tag in _COMPAT_BEFORE_SHIFT_RETURN}
    index = sum(1 for child in compat if child.tag in predecessors)
    compat.insert(index, OxmlElement("w:doNotExpandShiftReturn"))


_COMPAT_BEFORE_SHIFT_RETURN = (
    "w:useSingleBorderforContiguousCells",
    "w:wpJustification",
    "w:noTabHangInd",
    "w:noLeading",
    "w:spaceForUL",
    "w:noColumnBalance",
    "w:balanceSingleByteDoubleByteWidth",
    "w:noExtraLineSpacing",
    "w:doNotLeaveBackslashAlone",
    "w:ulTrailSpace",
)


def set_language(document: Document, language: str) -> None:
    """The document default language (spell checking, hyphenation)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rPr = _child(_child(defaults, "w:rPrDefault", first=True), "w:rPr")
    _child(rPr, "w:lang").set(qn("w:val"), language)


def _child(parent: Any, tag: str, first: bool = False) -> Any:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = parent.find(qn(tag))
    if element is None:
        element = OxmlElement(tag)
        if first:
            parent.insert(0, element)
        else:
            parent.append(element)
    return element
