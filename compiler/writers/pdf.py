"""PDF writer: renders a ``Report`` with reportlab, laid out after Nghị định 30/2020/NĐ-CP.

A4 portrait (margins 20/20/30/15 mm), Liberation Serif (bundled, metric-compatible with
Times New Roman) 13 pt justified body, page number centred at the top of every page but
the first. Wide tables go on A4 landscape pages. Headings become bookmarks, outline
entries and table-of-contents lines (``multiBuild`` resolves the page numbers).

reportlab is imported only here, so the CLI starts fast without it.
"""

from __future__ import annotations

import functools
import io
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle as Style
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Spacer,
)
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus import Table as RLTable
from reportlab.platypus import TableStyle as RLTableStyle
from reportlab.platypus.doctemplate import LayoutError
from reportlab.platypus.tableofcontents import TableOfContents as RLTableOfContents

from compiler import REPORT_STAMP
from compiler.diagnostics import warn
from compiler.errors import OutputError
from compiler.report import model as m
from compiler.writers import WriterOptions, atomic_output, fit_columns

SUFFIX = ".pdf"

FAMILY = "LiberationSerif"
FONT_FILES = {
    FAMILY: "LiberationSerif-Regular.ttf",
    f"{FAMILY}-Bold": "LiberationSerif-Bold.ttf",
    f"{FAMILY}-Italic": "LiberationSerif-Italic.ttf",
    f"{FAMILY}-BoldItalic": "LiberationSerif-BoldItalic.ttf",
}
REGULAR, BOLD, ITALIC, BOLD_ITALIC = FONT_FILES
# Drawn, glyph by glyph, where Liberation Serif has no glyph, the first of these that has it:
# DejaVu Sans (Arabic, Hebrew, Cyrillic, Greek, symbols, emoticons), then Symbola (emoji and
# other symbols). Static TrueType faces, bundled with their licences.
FALLBACK_FILES = {"DejaVuSans": "DejaVuSans.ttf", "Symbola": "Symbola.ttf"}
_PLACEHOLDER = "\u25a1"  # □, drawn for a character no bundled face has

BODY_SIZE = 13
LEADING = 1.25
CELL_SIZE = 12
INSERTED_COLOR = "#1a7f37"
DELETED_COLOR = "#b42318"
MUTED_COLOR = "#6e6e6e"
MUTED_SIZE = 10
HEADER_BG = colors.HexColor("#e8e8e8")
GRID_COLOR = colors.HexColor("#808080")
CELL_PAD_X, CELL_PAD_Y = 4, 3
_HEADING_SPACE = (12, 10, 8)  # points above heading levels 1..3


@dataclass(frozen=True, slots=True)
class _Margins:
    top: float
    bottom: float
    left: float
    right: float


PORTRAIT, LANDSCAPE = "portrait", "landscape"
# Portrait margins of Nghị định 30; on a landscape page the 30 mm binding margin is on top
# (the page is turned clockwise to be bound with the portrait pages).
_PAGES = {
    PORTRAIT: (A4, _Margins(top=20 * mm, bottom=20 * mm, left=30 * mm, right=15 * mm)),
    LANDSCAPE: (landscape(A4), _Margins(top=30 * mm, bottom=15 * mm, left=20 * mm, right=20 * mm)),
}

# XML-illegal characters (and lone surrogates): never let them reach reportlab's parser.
_ILLEGAL = re.compile("[\x00-\x08\x0b-\x1f\ufffe\uffff\ud800-\udfff]")


class _Paragraph(RLParagraph):
    """A reportlab Paragraph that breaks its lines once per width.

    Line breaking dominates the time to write a long report: platypus wraps a paragraph
    several times per layout pass (to fit it, to split it, to keep a heading with it) and
    multiBuild lays the story out two or three times. The breaks depend only on the width,
    so the first result is kept.
    """

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        # split() may drop blPara ("move the whole paragraph on"): wrap again then.
        if getattr(self, "_wrapped_at", None) != availWidth or not hasattr(self, "blPara"):
            super().wrap(availWidth, availHeight)
            self._wrapped_at = availWidth
        return self.width, self.height


def write(report: m.Report, path: Path, options: WriterOptions) -> tuple[int, ...]:
    """Render ``report`` into ``path`` (atomically); ``options`` has nothing for PDF.
    Returns the page of every heading, in report order (for the Word contents)."""
    del options  # the DOCX template does not apply to PDF
    try:
        with atomic_output(path) as temp:
            return _render(report, temp)
    except OSError as error:
        raise OutputError(path, f"cannot write PDF ({error.strerror or error})") from error
    except LayoutError as error:
        raise OutputError(path, f"PDF layout failed: {str(error).splitlines()[0]}") from error


def heading_pages(report: m.Report) -> tuple[int, ...]:
    """The page of every heading, in report order, as the PDF lays the report out."""
    return _render(report, io.BytesIO())


def _render(report: m.Report, target: Path | io.BytesIO) -> tuple[int, ...]:
    register_fonts()
    story, first = _Story(_Styles.make(), report.elements).build()
    doc = _make_doc(target, report, first)
    doc.multiBuild(story, canvasmaker=_canvas_maker(report))
    return tuple(doc.heading_pages)


def pages_needed(elements: list[m.Element]) -> float:
    """How many portrait pages ``elements`` fill when laid out one after another (the sum
    of their heights over the page's text height, so a fraction of the last page counts):
    lets a builder fit a part into a page budget."""
    register_fonts()
    flow, _ = _Story(_Styles.make(), elements).build()
    size, margins = _PAGES[PORTRAIT]
    width = size[0] - margins.left - margins.right
    height = sum(
        _height(flowable, width) for flowable in flow if not isinstance(flowable, PageBreak)
    )
    return height / (size[1] - margins.top - margins.bottom)


# --- fonts -------------------------------------------------------------------------------


def font_data(file_name: str) -> bytes:
    """The bytes of one bundled font file (package data, never a system path)."""
    return (resources.files("compiler") / "fonts" / file_name).read_bytes()


# reportlab writes a character beyond U+FFFF into a font's ToUnicode map as five hex digits,
# which PDF readers reject, so emoji would be drawn but missing from the text layer (copy,
# search, screen readers): write them as UTF-16 surrogate pairs, as the PDF format wants.
_ASTRAL_ENTRY = re.compile(r"^<([0-9A-F]{2})> <([0-9A-F]{5,6})>$", re.MULTILINE)
_reportlab_cmap = ttfonts.makeToUnicodeCMap


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    def utf16(match: re.Match[str]) -> str:
        return f"<{match[1]}> <{chr(int(match[2], 16)).encode('utf-16-be').hex().upper()}>"

    return _ASTRAL_ENTRY.sub(utf16, _reportlab_cmap(fontname, subset))


@functools.cache
def register_fonts() -> str:
    """Register the four Liberation Serif faces as one family (so <b>/<i> work), and each
    fallback face as a family of its own (one face for every style)."""
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    for name, file_name in {**FONT_FILES, **FALLBACK_FILES}.items():
        pdfmetrics.registerFont(TTFont(name, io.BytesIO(font_data(file_name))))
    pdfmetrics.registerFontFamily(
        FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
    )
    for name in FALLBACK_FILES:
        pdfmetrics.registerFontFamily(name, normal=name, bold=name, italic=name, boldItalic=name)
    return FAMILY


@functools.cache
def _coverage() -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    """The characters the main face can draw, and those of each fallback face."""
    register_fonts()

    def chars(name: str) -> frozenset[str]:
        return frozenset(map(chr, pdfmetrics.getFont(name).face.charToGlyph))

    return chars(REGULAR), {name: chars(name) for name in FALLBACK_FILES}


# --- markup ------------------------------------------------------------------------------


def clean(text: str) -> str:
    return _ILLEGAL.sub("", text)


def markup(text: str) -> str:
    """User text as safe Paragraph markup: cleaned, escaped, newlines as <br/>; characters
    the main face lacks in the first fallback face that has them, with a warning for those
    no bundled face has."""
    text = clean(text)
    if text.isascii():
        return _escaped(text)
    main, fallbacks = _coverage()
    outside = set(text).difference(main, "\n\t")  # line breaks and tabs are markup
    if not outside:
        return _escaped(text)
    face_of = {
        ch: next((name for name, chars in fallbacks.items() if ch in chars), None) for ch in outside
    }
    missing = {ch for ch, face in face_of.items() if face is None}
    if missing:
        _warn_missing(text, missing)
        text = _drawable(text, missing)
        face_of[_PLACEHOLDER] = next(n for n, chars in fallbacks.items() if _PLACEHOLDER in chars)
    parts = []
    for face, run in itertools.groupby(text, key=face_of.get):
        escaped = _escaped("".join(run))
        parts.append(f'<font name="{face}">{escaped}</font>' if face else escaped)
    return "".join(parts)


def _drawable(text: str, missing: set[str]) -> str:
    """A visible box where no face has the glyph; invisible format characters (joiners,
    direction marks) no face has are left out: there is nothing to draw."""
    return "".join(
        _PLACEHOLDER if ch in missing else ch
        for ch in text
        if ch not in missing or unicodedata.category(ch) != "Cf"
    )


def _escaped(text: str) -> str:
    return escape(text).replace("\t", " ").replace("\n", "<br/>")


def _warn_missing(text: str, missing: set[str]) -> None:
    visible = sorted(ch for ch in missing if unicodedata.category(ch) != "Cf")
    if not visible:
        return
    listed = ", ".join(f"U+{ord(ch):04X} {ch}" for ch in visible[:5])
    more = f" and {len(visible) - 5} more" if len(visible) > 5 else ""
    start = " ".join(text.split())
    start = start if len(start) <= 60 else start[:57] + "…"
    warn(
        f"no bundled font has {listed}{more} (in the paragraph “{start}”); drawn as {_PLACEHOLDER}"
    )


def run_markup(run: m.Run) -> str:
    text = markup(run.text)
    if not text:
        return ""
    if run.style is m.RunStyle.INSERTED:
        text = f'<u><font color="{INSERTED_COLOR}">{text}</font></u>'
    elif run.style is m.RunStyle.DELETED:
        text = f'<strike><font color="{DELETED_COLOR}">{text}</font></strike>'
    elif run.style is m.RunStyle.MUTED:
        text = f'<font color="{MUTED_COLOR}" size="{MUTED_SIZE}">{text}</font>'
    elif run.style is m.RunStyle.NOTE_MARK:
        text = f"<super>{text}</super>"
    if run.italic:
        text = f"<i>{text}</i>"
    if run.bold:
        text = f"<b>{text}</b>"
    if run.link:
        text = f'<a href="#{escape(run.link)}">{text}</a>'
    return text


def anchor_markup(anchor: str | None) -> str:
    """A named destination at the start of a paragraph (the target of internal links)."""
    return f'<a name="{escape(anchor)}"/>' if anchor else ""


def runs_markup(runs: tuple[m.Run, ...]) -> str:
    return "".join(run_markup(run) for run in runs)


# --- styles ------------------------------------------------------------------------------


def _style(name: str, size: float = BODY_SIZE, **kwargs: object) -> Style:
    kwargs.setdefault("fontName", REGULAR)
    return Style(name, fontSize=size, leading=round(size * LEADING, 2), **kwargs)


@dataclass(frozen=True, slots=True)
class _Styles:
    body: dict[m.ParagraphStyle, Style]
    cell: dict[m.ParagraphStyle, Style]
    headings: tuple[Style, Style, Style]
    title: Style
    issuer: Style
    subtitle: Style
    date: Style
    list_item: Style
    header_cell: dict[m.ParagraphStyle, Style]
    toc_title: Style
    toc_levels: tuple[Style, ...]

    @classmethod
    def make(cls) -> _Styles:
        bold_centered = {"fontName": BOLD, "alignment": TA_CENTER}
        return cls(
            body=_body_styles(),
            cell=_cell_styles(),
            # Space above a heading sits on its anchor (see _HeadingAnchor).
            headings=(
                _style("h1", 14, fontName=BOLD, spaceAfter=6, keepWithNext=1),
                _style("h2", 13, fontName=BOLD, spaceAfter=4, keepWithNext=1),
                _style("h3", 13, fontName=BOLD_ITALIC, spaceAfter=4, keepWithNext=1),
            ),
            title=_style("title", 16, spaceAfter=8, **bold_centered),
            issuer=_style("issuer", **bold_centered),
            subtitle=_style("subtitle", alignment=TA_CENTER, spaceAfter=2),
            date=_style("date", fontName=ITALIC, alignment=TA_CENTER, spaceBefore=6, spaceAfter=18),
            list_item=_style(
                "item",
                alignment=TA_JUSTIFY,
                spaceAfter=4,
                bulletFontName=BOLD,
                bulletFontSize=BODY_SIZE,
                bulletIndent=0,
            ),
            header_cell=dict.fromkeys(m.ParagraphStyle, _style("th", CELL_SIZE, **bold_centered)),
            toc_title=_style("toc", 14, spaceAfter=12, **bold_centered),
            toc_levels=tuple(
                _style(
                    f"toc{level}",
                    fontName=BOLD if level == 0 else REGULAR,
                    leftIndent=level * 8 * mm,
                    rightIndent=12 * mm,  # room for the dots and the page number
                    spaceBefore=4 if level == 0 else 0,
                )
                for level in range(3)
            ),
        )


def _body_styles() -> dict[m.ParagraphStyle, Style]:
    return {
        m.ParagraphStyle.BODY: _style(
            "body", alignment=TA_JUSTIFY, spaceAfter=6, firstLineIndent=10 * mm
        ),
        m.ParagraphStyle.CAPTION: _style(
            "caption",
            12,
            fontName=BOLD,
            alignment=TA_CENTER,
            spaceBefore=6,
            spaceAfter=4,
            keepWithNext=1,
        ),
        m.ParagraphStyle.NOTE: _style("note", 11, alignment=TA_JUSTIFY, spaceAfter=4),
        m.ParagraphStyle.CENTERED: _style("centered", alignment=TA_CENTER, spaceAfter=6),
    }


def _cell_styles() -> dict[m.ParagraphStyle, Style]:
    # Narrow columns: left-aligned (justified text grows rivers), a little smaller.
    return {
        m.ParagraphStyle.BODY: _style("td", CELL_SIZE, spaceAfter=3),
        m.ParagraphStyle.CAPTION: _style("td-caption", CELL_SIZE, fontName=BOLD, spaceAfter=3),
        m.ParagraphStyle.NOTE: _style("td-note", 10, spaceAfter=3),
        m.ParagraphStyle.CENTERED: _style(
            "td-centered", CELL_SIZE, alignment=TA_CENTER, spaceAfter=3
        ),
    }


# --- document ----------------------------------------------------------------------------


class _HeadingAnchor(Flowable):
    """Zero-height marker before a heading: bookmark + outline entry; the doc adds the TOC line.

    It carries the heading's space-before (dropped at the top of a frame) so the bookmark
    lands right above the heading text.
    """

    def __init__(
        self, key: str, title: str, level: int, space_before: float, in_contents: bool = True
    ) -> None:
        super().__init__()
        self.key, self.title, self.level = key, title, level
        self.in_contents = in_contents
        self.spaceBefore = space_before
        self.keepWithNext = 1

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.bookmarkHorizontal(self.key, 0, 0)
        self.canv.addOutlineEntry(self.title, self.key, level=self.level, closed=False)


class _KeepWithNext(KeepTogether):
    """Keep headings and captions with what follows them, without moving a long section to
    the next page when its start (first lines, first table rows) fits on this one."""

    def split(self, aW: float, aH: float) -> list[Flowable]:
        if self._start_fits(aW, aH):
            return list(self._content)
        return super().split(aW, aH)

    def _start_fits(self, width: float, height: float) -> bool:
        *kept, last = self._content
        room = height - last.getSpaceBefore()
        for flowable in kept:
            _, used = flowable.wrapOn(self.canv, width, height)
            room -= used + flowable.getSpaceBefore() + flowable.getSpaceAfter()
        if room <= 0:
            return False
        if last.wrapOn(self.canv, width, room)[1] <= room:
            return True
        return len(last.splitOn(self.canv, width, room)) >= 2


class _Doc(BaseDocTemplate):
    """Collects every heading's page (``heading_pages``) and notifies the contents."""

    heading_pages: list[int]

    def beforeDocument(self) -> None:
        self.heading_pages = []  # one layout pass of multiBuild after another

    def afterFlowable(self, flowable: Flowable) -> None:
        if not isinstance(flowable, _HeadingAnchor):
            return
        self.heading_pages.append(self.page)
        if flowable.in_contents:
            entry = (flowable.level, escape(_shorten(flowable.title)), self.page, flowable.key)
            self.notify("TOCEntry", entry)


def _shorten(title: str, limit: int = 300) -> str:
    """A TOC line is one table row, which cannot break across pages: cap absurd titles."""
    if len(title) <= limit:
        return title
    cut = title.rfind(" ", 0, limit)
    return title[: cut if cut > limit // 2 else limit] + " …"


def _make_doc(target: Path | io.BytesIO, report: m.Report, first: str) -> _Doc:
    order = [first] + [name for name in _PAGES if name != first]
    doc = _Doc(
        target if isinstance(target, io.BytesIO) else str(target),
        pagesize=_PAGES[first][0],
        title=clean(report.title),
        author=clean(report.author),
        creator=REPORT_STAMP,  # never read back as a source paper
        lang=report.language,
        invariant=1,
        pageCompression=1,
        initialFontName=REGULAR,
        initialFontSize=BODY_SIZE,
        keepTogetherClass=_KeepWithNext,
    )
    doc.addPageTemplates([_page_template(name) for name in order])
    return doc


def _page_template(name: str) -> PageTemplate:
    size, margins = _PAGES[name]
    frame = Frame(
        margins.left,
        margins.bottom,
        size[0] - margins.left - margins.right,
        size[1] - margins.top - margins.bottom,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id=name,
    )
    return PageTemplate(id=name, frames=[frame], onPage=_draw_page_number, pagesize=size)


def _draw_page_number(canvas: Canvas, doc: BaseDocTemplate) -> None:
    number = canvas.getPageNumber()
    if number == 1:
        return
    (width, height), margins = _PAGES[doc.pageTemplate.id]
    x = margins.left + (width - margins.left - margins.right) / 2
    y = height - margins.top / 2 - BODY_SIZE / 3  # baseline: text centred in the margin
    canvas.saveState()
    canvas.setFont(REGULAR, BODY_SIZE)
    canvas.drawCentredString(x, y, str(number))
    canvas.restoreState()


def _canvas_maker(report: m.Report) -> Callable[..., Canvas]:
    """Canvas factory: fixed creation date from the report, outline shown on open."""
    stamp = f"D:{report.created:%Y%m%d}000000+00'00'"

    def make(*args: object, **kwargs: object) -> Canvas:
        canvas = Canvas(*args, **kwargs)
        canvas.setDateFormatter(lambda *_: stamp)
        canvas.showOutline()
        return canvas

    return make


# --- story -------------------------------------------------------------------------------


# reportlab's default TOC table style would leave a (non-embedded) Helvetica reference.
_TOC_TABLE = RLTableStyle(
    [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]
)


class _Story:
    """Translates model elements into flowables, tracking page orientation."""

    def __init__(self, styles: _Styles, elements: list[m.Element]) -> None:
        self.styles = styles
        self.elements = elements
        self.flow: list[Flowable] = []
        self.orientation = PORTRAIT
        self.first = PORTRAIT
        self.heading_count = 0
        self.outline_level = -1

    def build(self) -> tuple[list[Flowable], str]:
        """The flowables and the id of the first page template."""
        for element in self.elements:
            self._add(element)
        self._prefill_contents()
        while self.flow and isinstance(self.flow[-1], PageBreak):
            self.flow.pop()  # a trailing break would leave a blank page
        return _close_keep_groups(self.flow), self.first

    def _add(self, element: m.Element) -> None:
        if isinstance(element, m.PageBreak):
            self._page_break()
            return
        self._orient(LANDSCAPE if isinstance(element, m.Table) and element.landscape else PORTRAIT)
        if isinstance(element, m.TitleBlock):
            self._title_block(element)
        elif isinstance(element, m.Heading):
            self._heading(element)
        elif isinstance(element, m.Paragraph):
            self.flow.append(_model_paragraph(element, self.styles.body[element.style]))
        elif isinstance(element, m.ItemList):
            self.flow.extend(_item_list(element, self.styles.list_item))
        elif isinstance(element, m.Table):
            self.flow.extend(_table(element, self.styles, _PAGES[self.orientation]))
        elif isinstance(element, m.TableOfContents):
            self._table_of_contents(element)

    def _page_break(self) -> None:
        if self.flow and not isinstance(self.flow[-1], PageBreak):
            self.flow.append(PageBreak())

    def _orient(self, wanted: str) -> None:
        """Switch page template at a page break placed before any trailing headings (so they
        move with the table), reusing a pending break rather than adding a blank page."""
        if wanted == self.orientation:
            return
        self.orientation = wanted
        at = len(self.flow)
        while at and self.flow[at - 1].getKeepWithNext():
            at -= 1
        if at == 0:
            self.first = wanted
        elif isinstance(self.flow[at - 1], PageBreak):
            self.flow[at - 1] = PageBreak(nextTemplate=wanted)
        else:
            self.flow.insert(at, PageBreak(nextTemplate=wanted))

    def _title_block(self, block: m.TitleBlock) -> None:
        styles = self.styles
        for line in block.issuer:
            self.flow.append(_Paragraph(markup(line), styles.issuer))
        if block.issuer:
            self.flow.append(Spacer(1, 2 * BODY_SIZE))
        self.flow.append(_Paragraph(markup(block.title), styles.title))
        self.flow.extend(_Paragraph(markup(line), styles.subtitle) for line in block.subtitle_lines)
        if block.date_line:
            self.flow.append(_Paragraph(markup(block.date_line), styles.date))
        else:
            self.flow.append(Spacer(1, styles.date.spaceAfter))

    def _heading(self, heading: m.Heading) -> None:
        # Outline levels may not skip (reportlab raises), so clamp to one below the last.
        level = max(0, min(heading.level - 1, 2, self.outline_level + 1))
        self.outline_level = level
        style = self.styles.headings[min(max(heading.level, 1), 3) - 1]
        key = heading.anchor or f"h{self.heading_count}"
        self.heading_count += 1
        title = " ".join(clean(heading.text).split())
        space = _HEADING_SPACE[min(max(heading.level, 1), 3) - 1]
        self.flow.append(_HeadingAnchor(key, title, level, space, heading.in_contents))
        self.flow.append(_Paragraph(markup(heading.text), style))

    def _prefill_contents(self) -> None:
        """Give the contents its entries before the first layout pass (with placeholder page
        numbers), so that pass already lays the pages out at their final places and
        multiBuild needs two passes, not three."""
        entries = [
            (f.level, escape(_shorten(f.title)), 999, f.key)
            for f in self.flow
            if isinstance(f, _HeadingAnchor) and f.in_contents
        ]
        for flowable in self.flow:
            if isinstance(flowable, RLTableOfContents):
                flowable._entries = list(entries)

    def _table_of_contents(self, toc: m.TableOfContents) -> None:
        self.flow.append(_Paragraph(markup(toc.title), self.styles.toc_title))
        contents = RLTableOfContents(
            levelStyles=list(self.styles.toc_levels), dotsMinLevel=0, tableStyle=_TOC_TABLE
        )
        self.flow.append(contents)


def _close_keep_groups(flow: list[Flowable]) -> list[Flowable]:
    """End every keep-with-next group with a flowable that is not itself kept with the next:
    reportlab would otherwise regroup a trailing heading on its own, over and over."""
    closed: list[Flowable] = []
    for index, flowable in enumerate(flow):
        closed.append(flowable)
        after = flow[index + 1] if index + 1 < len(flow) else None
        if flowable.getKeepWithNext() and (after is None or isinstance(after, PageBreak)):
            closed.append(Spacer(0, 0))
    return closed


def _paragraph(runs: tuple[m.Run, ...], style: Style) -> RLParagraph:
    return _Paragraph(runs_markup(runs), style)


def _model_paragraph(paragraph: m.Paragraph, style: Style) -> RLParagraph:
    flowable = (
        _AnchoredParagraph(runs_markup(paragraph.runs), style, paragraph.anchor)
        if paragraph.anchor
        else _Paragraph(runs_markup(paragraph.runs), style)
    )
    if paragraph.keep_with_next:
        flowable.keepWithNext = 1
    return flowable


class _AnchoredParagraph(_Paragraph):
    """A paragraph that is the target of internal links: a named destination at its top.

    Drawn by the paragraph itself rather than written as ``<a name>`` markup, which would
    take a long paragraph off reportlab's fast line breaking, or as a flowable of its own,
    which would have to be kept with it."""

    def __init__(self, text: str | None, style: Style, anchor: str | None = None, **kw) -> None:
        super().__init__(text, style, **kw)  # split() builds its parts through this too
        self.anchor = anchor

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts = super().split(availWidth, availHeight)
        if parts and isinstance(parts[0], _AnchoredParagraph):
            parts[0].anchor = self.anchor  # the destination goes with the first part only
        return parts

    def draw(self) -> None:
        if self.anchor:
            self.canv.bookmarkHorizontal(self.anchor, 0, self.height)
        super().draw()


def _item_list(items: m.ItemList, base: Style) -> list[Flowable]:
    """Bold labels in a hanging indent as wide as the widest label (within reason)."""
    labels = [" ".join(clean(entry.label).split()) for entry in items.entries]
    widths = [pdfmetrics.stringWidth(label, BOLD, BODY_SIZE) for label in labels]
    indent = min(max(max(widths, default=0) + 8, 7 * mm), 30 * mm)
    hanging = Style(f"item-{indent:.0f}", parent=base, leftIndent=indent)
    inline = Style(f"item-{indent:.0f}-inline", parent=hanging, firstLineIndent=-indent)
    flow: list[Flowable] = []
    for entry, label, width in zip(items.entries, labels, widths, strict=True):
        plain, rest = _plain_head(entry.runs)
        anchor = anchor_markup(entry.anchor)
        tail = runs_markup(rest) + _note_markup(entry.note, entry.note_link)
        if width + 3 > indent or not plain:  # a long label, or styled text: one paragraph
            text = runs_markup(entry.runs) + _note_markup(entry.note, entry.note_link)
            flow.append(_Paragraph(f"{anchor}<b>{escape(label)}</b> {text}", inline))
            continue
        # One single-font paragraph per source paragraph: reportlab breaks such paragraphs
        # in its fast path, eight times faster than text mixing fonts or line breaks. The
        # styled tail (theme mark, reference) ends the last one, so it is never stranded.
        parts = plain.split("\n")
        for n, part in enumerate(parts):
            bullet = label or None if n == 0 else None  # bulletText is drawn verbatim
            text = (anchor if n == 0 else "") + markup(part)
            if n == len(parts) - 1 and tail.strip():
                text = f"{text} {tail.strip()}"
            flow.append(_Paragraph(text, hanging, bulletText=bullet))
    return flow


def _plain_head(runs: tuple[m.Run, ...]) -> tuple[str, tuple[m.Run, ...]]:
    """The text of the leading unstyled runs, and the runs after them."""
    count = 0
    while count < len(runs) and runs[count] == m.Run(runs[count].text):
        count += 1
    return "".join(run.text for run in runs[:count]).strip(), runs[count:]


def _note_markup(note: str | None, link: str | None = None) -> str:
    if not note:
        return ""
    return " " + run_markup(m.Run(note, style=m.RunStyle.MUTED, link=link))


# --- tables ------------------------------------------------------------------------------


def _table(table: m.Table, styles: _Styles, page: tuple) -> list[Flowable]:
    flow: list[Flowable] = []
    if table.caption:
        flow.append(_Paragraph(markup(table.caption), styles.body[m.ParagraphStyle.CAPTION]))
    if not table.columns:
        return flow
    size, margins = page
    widths = _column_widths(table.columns, size[0] - margins.left - margins.right)
    # A row cannot break across pages, so no cell slice may be taller than this.
    max_h = max(0.25 * (size[1] - margins.top - margins.bottom), 4 * CELL_SIZE * LEADING)
    cutter = _CellCutter([w - 2 * CELL_PAD_X for w in widths], max_h)
    titles = tuple(m.Cell.plain(column.title) for column in table.columns)
    header, _ = cutter.rows((titles,), styles.header_cell)
    body, ends = cutter.rows(table.rows, styles.cell)
    # An absurdly long column title cannot be repeated on every page: it becomes plain rows.
    repeat = len(header) if len(header) == 1 else 0
    grid = _GridTable([*header, *body], colWidths=widths, repeatRows=repeat, hAlign="CENTER")
    grid.setStyle(_table_style(len(widths), len(header), [len(header) + e for e in ends]))
    flow.append(grid)
    flow.append(Spacer(1, 8))
    return flow


class _GridTable(RLTable):
    """A table whose every page part is closed by a bottom rule (reportlab loses the box's
    bottom edge, and 'splitlast' lines, once a table has been split twice)."""

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts = super().split(availWidth, availHeight)
        if len(parts) == 2:
            parts[0].setStyle([("LINEBELOW", (0, -1), (-1, -1), 0.6, GRID_COLOR)])
        return parts


def _column_widths(columns: tuple[m.Column, ...], usable_w: float) -> list[float]:
    narrowest = 2 * CELL_PAD_X + 4  # keep some room for text in absurdly narrow columns
    widths = fit_columns(
        [column.width for column in columns],
        [column.title for column in columns],
        usable_w,
        lambda word: pdfmetrics.stringWidth(word, BOLD, CELL_SIZE) + 2 * CELL_PAD_X + 1,
    )
    return [max(width, narrowest) for width in widths]


def _height(flowable: Flowable, width: float) -> float:
    _, height = flowable.wrap(width, 1e9)
    return height + flowable.getSpaceBefore() + flowable.getSpaceAfter()


@dataclass(frozen=True, slots=True)
class _CellCutter:
    """Spreads long cells over continuation rows, since a table row cannot break across
    pages: every cell is cut at line boundaries into slices no taller than ``max_h``."""

    widths: list[float]  # text widths of the columns (cell padding taken off)
    max_h: float

    def rows(
        self, model_rows: Iterable[tuple[m.Cell, ...]], styles: dict[m.ParagraphStyle, Style]
    ) -> tuple[list[list[object]], list[int]]:
        """Physical rows, and the index of the last physical row of every model row."""
        rows: list[list[object]] = []
        ends: list[int] = []
        columns = len(self.widths)
        for model_row in model_rows:
            cells = (list(model_row) + [m.Cell(())] * columns)[:columns]
            slices = [self._slices(c, styles, w) for c, w in zip(cells, self.widths, strict=True)]
            for index in range(max(len(parts) for parts in slices)):
                rows.append([(part[index] if index < len(part) else None) or "" for part in slices])
            ends.append(len(rows) - 1)
        return rows, ends

    def _slices(
        self, cell: m.Cell, styles: dict[m.ParagraphStyle, Style], width: float
    ) -> list[list[Flowable]]:
        pieces: list[Flowable] = []
        for para in cell.paragraphs:
            pieces.extend(self._pieces(para, styles[para.style], width))
        slices: list[list[Flowable]] = [[]]
        used = 0.0
        for piece in pieces:
            height = _height(piece, width)
            if slices[-1] and used + height > self.max_h:
                slices.append([])
                used = 0.0
            slices[-1].append(piece)
            used += height
        return slices

    def _pieces(self, para: m.Paragraph, style: Style, width: float) -> list[Flowable]:
        # Cut long text into chunks of a few slices first: re-wrapping the remainder after
        # every split would make very long cells quadratic.
        line_chars = max(1, int(width / (0.5 * style.fontSize)))
        limit = 4 * line_chars * max(1, int(self.max_h / style.leading))
        pieces: list[Flowable] = []
        anchor = anchor_markup(para.anchor)
        for chunk in _chunk_runs(para.runs, limit, line_chars):
            flowable = _Paragraph(anchor + runs_markup(chunk), style)
            anchor = ""
            pieces.extend(_split_tall(flowable, width, self.max_h))
            pieces[-1].spaceAfter = 0  # only the paragraph's last piece keeps its space
        pieces[-1].spaceAfter = style.spaceAfter
        return pieces


def _split_tall(para: RLParagraph, width: float, max_h: float) -> list[Flowable]:
    """Cut a paragraph at line boundaries into pieces no taller than ``max_h``."""
    pieces: list[Flowable] = []
    budget = max_h - para.getSpaceBefore() - para.getSpaceAfter()
    while para.wrap(width, 1e9)[1] > budget:
        parts = para.split(width, budget)
        if len(parts) < 2:
            break
        parts[0].spaceAfter = 0  # the text goes on in the next row
        pieces.append(parts[0])
        para = parts[1]
    pieces.append(para)
    return pieces


_BREAK_AFTER = re.compile(r"[.!?;:…]\s|\n")


def _chunk_runs(runs: tuple[m.Run, ...], limit: int, line_chars: int) -> list[tuple[m.Run, ...]]:
    """Runs cut into chunks of at most about ``limit`` characters (a newline costing a whole
    line), preferably after a sentence, else at a space; styles are kept."""
    text = "".join(run.text for run in runs)
    if len(text) + text.count("\n") * line_chars <= limit:
        return [runs]
    chunks: list[tuple[m.Run, ...]] = []
    start = 0
    for end in _chunk_ends(text, limit, line_chars):
        chunks.append(_runs_between(runs, start, end))
        start = end
    return chunks


def _chunk_ends(text: str, limit: int, line_chars: int) -> list[int]:
    ends: list[int] = []
    start = 0
    while start < len(text):
        cost, stop = 0, start
        while stop < len(text) and cost < limit:
            cost += line_chars if text[stop] == "\n" else 1
            stop += 1
        if stop < len(text):
            low = start + (stop - start) // 2
            breaks = [match.end() for match in _BREAK_AFTER.finditer(text, low, stop)]
            space = max(text.rfind(" ", low, stop), text.rfind("\t", low, stop))
            stop = breaks[-1] if breaks else space + 1 if space >= 0 else stop
        ends.append(stop)
        start = stop
    return ends


def _runs_between(runs: tuple[m.Run, ...], start: int, end: int) -> tuple[m.Run, ...]:
    """The part of ``runs`` between two offsets of their joined text."""
    part: list[m.Run] = []
    offset = 0
    for run in runs:
        low, high = max(start - offset, 0), min(end - offset, len(run.text))
        if low < high:
            part.append(replace(run, text=run.text[low:high]))
        offset += len(run.text)
    return tuple(part)


def _table_style(columns: int, header_rows: int, ends: list[int]) -> RLTableStyle:
    """Grey header; vertical rules everywhere; horizontal rules only between model rows, and
    no padding between a row and its continuation rows, so these read as one tall row."""
    commands: list[tuple] = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_BG),
        ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.6, GRID_COLOR),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD_X),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD_X),
        ("TOPPADDING", (0, 0), (-1, -1), CELL_PAD_Y),
        ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PAD_Y),
        ("BOX", (0, 0), (-1, -1), 0.6, GRID_COLOR),
    ]
    if columns > 1:
        commands.append(("LINEAFTER", (0, 0), (-2, -1), 0.5, GRID_COLOR))
    if header_rows == 1:
        commands.append(("VALIGN", (0, 0), (-1, 0), "MIDDLE"))
    _join_continuations(commands, [header_rows - 1], 0)
    _join_continuations(commands, ends, header_rows)
    return RLTableStyle(commands)


def _join_continuations(commands: list[tuple], ends: list[int], start: int) -> None:
    for end in ends:
        if end > start:
            commands.append(("BOTTOMPADDING", (0, start), (-1, end - 1), 0))
            commands.append(("TOPPADDING", (0, start + 1), (-1, end), 0))
        if end != ends[-1]:
            commands.append(("LINEBELOW", (0, end), (-1, end), 0.5, GRID_COLOR))
        start = end + 1
