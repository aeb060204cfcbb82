"""DOCX reader: the body paragraphs, table cells and footnotes of a Word file as ``Block``s.

Reading order follows the body XML: paragraphs, tables row by row (a merged cell once,
nested tables inline) and content controls (``w:sdt``), which ``iter_inner_content`` would
skip. Headers, footers, text boxes and comments are left out. Paragraph numbers in
``Provenance`` count every paragraph visited, empty ones included, 1-based.

Layout hints:

* ``HEADING`` — a "Heading N" paragraph style (or a style based on one), an outline level
  (``w:outlineLvl``, direct or from the style) or the "Title" style. "Title" gets
  ``heading_level=0`` so a paper title stays distinct from its "Heading 1" sections.
* ``LIST_ITEM`` — Word numbering (``w:numPr``, direct or via the style); ``list_label`` is
  the label Word would draw ("1.", "a)", "3.2-"), "-" for bullets or unresolvable numbering.
  Counters belong to the abstract list definition, as in Word, so lists sharing one
  continue each other unless a ``startOverride`` restarts them. Headings and table cells
  keep their role but still get the label.
* ``bold`` — every visible non-blank run is bold: direct formatting, then the run's
  character style, then the paragraph style (each up its ``basedOn`` chain).
* ``FOOTNOTE`` blocks come after the body, one per footnote, ``footnote_refs=(id,)`` and
  the paragraph number of the first body paragraph citing it.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.exceptions import PythonDocxError
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import OpcError
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from lxml import etree

from compiler.diagnostics import warn
from compiler.enumeration import to_roman
from compiler.errors import SourceError
from compiler.model import Block, BlockRole, Provenance
from compiler.readers import legacy, limits

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

FORMAT = "docx"
SUFFIXES = {".docx"}

_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_W_P, _W_R, _W_T, _W_TBL, _W_TR, _W_TC = (
    qn(t) for t in ("w:p", "w:r", "w:t", "w:tbl", "w:tr", "w:tc")
)
_W_PPR, _W_RPR, _W_VAL = qn("w:pPr"), qn("w:rPr"), qn("w:val")
_WRAPPERS = {qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")}  # transparent block wrappers
_NOT_RUN_CONTAINERS = {
    qn("w:del"),
    qn("w:moveFrom"),
    _W_PPR,
    _W_RPR,
    qn("w:sdtPr"),
    f"{{{_MC}}}Fallback",
}
_REVISIONS = (qn("w:ins"), qn("w:del"), qn("w:moveFrom"), qn("w:moveTo"))
_SPACE_TAGS = {qn("w:tab"), qn("w:ptab"), qn("w:cr")}
_FOOTNOTE_SKIP_TYPES = {"separator", "continuationSeparator", "continuationNotice"}
_HEADING_NAME = re.compile(r"heading\s*([1-9])", re.IGNORECASE)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# What a well-formed zip can still hide: bad members, bad XML, missing parts or relationships.
_MALFORMED = (
    zipfile.BadZipFile,
    OpcError,
    PythonDocxError,
    KeyError,
    ValueError,
    IndexError,
    etree.LxmlError,
)


def read(path: Path, display_name: str) -> list[Block]:
    """All blocks of a DOCX file: body in reading order, then footnotes."""
    return read_document(path, display_name)[0]


def read_document(path: Path, display_name: str) -> tuple[list[Block], str | None]:
    """The blocks, and "tcvn3"/"vni" when the document was typed in .VnTime or VNI fonts."""
    document = _open(path, display_name)
    try:
        blocks = list(_DocxReader(document, display_name).blocks())
    except _MALFORMED as error:
        raise SourceError(display_name, f"malformed DOCX content ({_short(error)})") from error
    return legacy.convert_blocks(blocks)


# --- opening and diagnosing bad files ------------------------------------------------


def _open(path: Path, name: str) -> DocxDocument:
    reason = _sniff(path)
    if reason:
        raise SourceError(name, reason)
    limits.check_zip(path, name)
    try:
        return docx.Document(str(path))
    except _MALFORMED as error:
        raise SourceError(name, _open_failure(error)) from error


def _open_failure(error: Exception) -> str:
    message = str(error)
    if isinstance(error, ValueError) and "content type is " in message:
        # python-docx: a valid package, but e.g. a workbook, a template or a .docm
        kind = message.rsplit("content type is ", 1)[-1].strip("'")
        return f"not a Word document (content type {kind})"
    return f"not a valid DOCX file ({_short(error)})"


def _sniff(path: Path) -> str | None:
    """A reason the file cannot be a DOCX, judged from its bytes; None if it may be one."""
    with path.open("rb") as stream:
        head = stream.read(8)
    if not head:
        return "not a valid DOCX file (the file is empty)"
    if head == _OLE_MAGIC:
        return _ole_reason(path.read_bytes())
    if head.startswith(b"{\\rtf"):
        return "an RTF file named .docx; save it as a Word document (.docx)"
    if not zipfile.is_zipfile(path):
        return "not a valid DOCX file (not a zip archive)"
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
    if "[Content_Types].xml" not in names:
        if "mimetype" in names:
            return "an OpenDocument file named .docx; save it as a Word document (.docx)"
        return "not a valid DOCX file (a zip archive without Word content)"
    return None


def _ole_reason(data: bytes) -> str:
    """OLE2 compound files: an encrypted OOXML package or a Word 97-2003 document."""
    if "EncryptedPackage".encode("utf-16-le") in data:
        return "password-protected (encrypted) DOCX; remove the password in Word and save again"
    if "WordDocument".encode("utf-16-le") in data:
        return "a legacy Word 97-2003 .doc file named .docx; save it as .docx in Word"
    return "not a valid DOCX file (an OLE compound file, not a zip archive)"


def _short(error: Exception) -> str:
    """First line of an error message, trimmed; the class name if there is none."""
    lines = str(error).strip().splitlines()
    text = lines[0] if lines else type(error).__name__
    return text if len(text) <= 120 else text[:117] + "..."


# --- walking the XML -----------------------------------------------------------------


def _children(element: Any, tag: str) -> Iterator[Any]:
    """Children with `tag`, looking through content controls and custom XML wrappers."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, tag)


def _iter_paragraphs(container: Any, in_table: bool = False) -> Iterator[tuple[Any, bool]]:
    """(w:p, in_table) for every paragraph of a body, cell or footnote in reading order."""
    for child in container:
        if child.tag == _W_P:
            yield child, in_table
        elif child.tag == _W_TBL:
            yield from _iter_table(child)
        elif child.tag in _WRAPPERS:
            yield from _iter_paragraphs(child, in_table)


def _iter_table(tbl: Any) -> Iterator[tuple[Any, bool]]:
    for tr in _children(tbl, _W_TR):
        for tc in _children(tr, _W_TC):
            if not _is_merge_continuation(tc):
                yield from _iter_paragraphs(tc, in_table=True)


def _is_merge_continuation(tc: Any) -> bool:
    """A cell covered by the merged cell above (vMerge) or to its left (legacy hMerge)."""
    tc_pr = tc.find(qn("w:tcPr"))
    if tc_pr is None:
        return False
    for tag in ("w:vMerge", "w:hMerge"):
        merge = tc_pr.find(qn(tag))
        if merge is not None and merge.get(_W_VAL, "continue") == "continue":
            return True
    return False


def _runs(element: Any) -> Iterator[Any]:
    """The w:r elements of a paragraph that Word shows (no deletions, no duplicate fallbacks)."""
    for child in element:
        if child.tag == _W_R:
            yield child
        elif isinstance(child.tag, str) and child.tag not in _NOT_RUN_CONTAINERS:
            yield from _runs(child)


def _run_text(run: Any) -> tuple[str, list[str]]:
    """The text of one run and the footnote ids referenced in it."""
    parts: list[str] = []
    refs: list[str] = []
    skip_custom_mark = False
    for child in run:
        tag = child.tag
        if tag == _W_T:
            if not skip_custom_mark:
                parts.append(child.text or "")
            skip_custom_mark = False
        elif tag in _SPACE_TAGS:
            parts.append(" ")
        elif tag == qn("w:br"):
            parts.append("" if child.get(qn("w:type")) == "page" else " ")
        elif tag == qn("w:noBreakHyphen"):
            parts.append("-")
        elif tag == qn("w:footnoteReference"):
            refs.append(child.get(qn("w:id"), ""))
            # A custom mark ("*") is typed as the run's next w:t; it must not stay in the text.
            skip_custom_mark = _on_off(child.get(qn("w:customMarkFollows")), default=False)
    return "".join(parts), refs


def _on_off(value: str | None, default: bool = True) -> bool:
    if value is None:
        return default
    return value.lower() not in {"0", "false", "off"}


def _toggle(props: Any, tag: str) -> bool | None:
    """On/off value of a `w:b`-like child of rPr, None when absent."""
    element = props.find(qn(tag)) if props is not None else None
    return None if element is None else _on_off(element.get(_W_VAL))


def _val(element: Any, tag: str) -> str | None:
    child = element.find(qn(tag)) if element is not None else None
    return None if child is None else child.get(_W_VAL)


def _int_val(element: Any, tag: str) -> int | None:
    child = element.find(qn(tag)) if element is not None else None
    return None if child is None else _int(child.get(_W_VAL))


def _int(value: str | None) -> int | None:
    try:
        return None if value is None else int(value)
    except ValueError:
        return None


# --- styles --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _ParaStyle:
    """What a paragraph style (with its basedOn chain) says about its paragraphs."""

    style_id: str | None
    heading_level: int | None
    bold: bool | None
    num_id: int | None
    ilvl: int | None


class _Styles:
    """Style lookups by id, resolved up the basedOn chain and cached."""

    def __init__(self, document: DocxDocument) -> None:
        self._by_id = {style.style_id: style for style in document.styles}
        default = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
        self._default_paragraph = default.style_id if default is not None else None
        self._paragraph: dict[str | None, _ParaStyle] = {}
        self._char_bold: dict[str, bool | None] = {}

    def chain(self, style_id: str | None) -> list[Any]:
        """The style and its ancestors, nearest first (cycle-safe)."""
        chain: list[Any] = []
        style = self._by_id.get(style_id) if style_id else None
        while style is not None and style not in chain:
            chain.append(style)
            base_id = style.element.basedOn_val
            style = self._by_id.get(base_id) if base_id else None
        return chain

    def paragraph(self, style_id: str | None) -> _ParaStyle:
        if style_id not in self._by_id:  # Word falls back to the default paragraph style
            style_id = self._default_paragraph
        if style_id not in self._paragraph:
            self._paragraph[style_id] = self._resolve_paragraph(style_id)
        return self._paragraph[style_id]

    def char_bold(self, style_id: str) -> bool | None:
        if style_id not in self._char_bold:
            self._char_bold[style_id] = _chain_bold(self.chain(style_id))
        return self._char_bold[style_id]

    def num_id_of(self, style_id: str) -> int | None:
        """numId of a numbering style (target of an abstractNum's numStyleLink)."""
        return _chain_num_pr(self.chain(style_id))[0]

    def _resolve_paragraph(self, style_id: str | None) -> _ParaStyle:
        chain = self.chain(style_id)
        num_id, ilvl = _chain_num_pr(chain)
        return _ParaStyle(style_id, _chain_heading_level(chain), _chain_bold(chain), num_id, ilvl)


def _chain_bold(chain: list[Any]) -> bool | None:
    return next((s.font.bold for s in chain if s.font.bold is not None), None)


def _chain_heading_level(chain: list[Any]) -> int | None:
    for style in chain:
        level = _heading_from_name(style.name or "", style.style_id or "")
        if level is not None:
            return level
        outline = _int_val(style.element.pPr, "w:outlineLvl")
        if outline is not None:  # 9 = "body text": an explicit "not a heading"
            return outline + 1 if 0 <= outline < 9 else None
    return None


def _heading_from_name(name: str, style_id: str) -> int | None:
    if name.strip().lower() == "title":
        return 0
    for candidate in (name.strip(), style_id):
        match = _HEADING_NAME.fullmatch(candidate)
        if match:
            return int(match.group(1))
    return None


def _chain_num_pr(chain: list[Any]) -> tuple[int | None, int | None]:
    """(numId, ilvl) from the nearest style defining numbering; numId 0 switches it off."""
    for style in chain:
        p_pr = style.element.pPr
        num_pr = p_pr.find(qn("w:numPr")) if p_pr is not None else None
        if num_pr is not None and num_pr.find(qn("w:numId")) is not None:
            return _int_val(num_pr, "w:numId"), _int_val(num_pr, "w:ilvl")
    return None, None


# --- numbering -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Level:
    start: int
    fmt: str  # w:numFmt: decimal, lowerLetter, upperRoman, bullet, ...
    text: str  # w:lvlText, e.g. "%1.%2-"
    legal: bool  # w:isLgl: every %N rendered as decimal
    style_id: str | None  # w:pStyle: the paragraph style attached to this level


@dataclass(slots=True)
class _Num:
    abstract_id: str
    start_overrides: dict[int, int] = field(default_factory=dict)
    level_overrides: dict[int, _Level] = field(default_factory=dict)


class _Numbering:
    """Renders list labels from numbering.xml, keeping Word's counters as it goes."""

    def __init__(self, root: Any | None, num_id_of_style: Callable[[str], int | None]) -> None:
        self._abstracts: dict[str, dict[int, _Level]] = {}
        self._style_links: dict[str, str] = {}  # abstractNumId -> numbering style id
        self._nums: dict[int, _Num] = {}
        self._num_id_of_style = num_id_of_style
        self._counters: dict[str, list[int | None]] = {}
        self._seen: set[int] = set()
        if root is not None:
            self._parse(root)

    def _parse(self, root: Any) -> None:
        for abstract in root.iterchildren(qn("w:abstractNum")):
            abstract_id = abstract.get(qn("w:abstractNumId"), "")
            self._abstracts[abstract_id] = {
                _int(lvl.get(qn("w:ilvl"))) or 0: _parse_level(lvl)
                for lvl in abstract.iterchildren(qn("w:lvl"))
            }
            link = _val(abstract, "w:numStyleLink")
            if link:
                self._style_links[abstract_id] = link
        for num in root.iterchildren(qn("w:num")):
            num_id = _int(num.get(qn("w:numId")))
            if num_id is not None:
                self._nums[num_id] = _parse_num(num)

    def level_for_style(self, num_id: int, style_id: str | None) -> int | None:
        """The level whose w:pStyle is this paragraph style (style-driven numbering)."""
        levels = self._levels(num_id)
        if style_id is None or levels is None:
            return None
        return next((i for i, lvl in levels.items() if lvl.style_id == style_id), None)

    def label(self, num_id: int, ilvl: int) -> str:
        """Advance the counter of (num_id, ilvl) and render its label; "-" if unresolvable."""
        num, levels = self._nums.get(num_id), self._levels(num_id)
        if num is None or levels is None or ilvl not in levels or not 0 <= ilvl < 9:
            return "-"
        counters = self._counters.setdefault(num.abstract_id, [None] * 9)
        if num_id not in self._seen:  # a startOverride restarts its level for this list
            self._seen.add(num_id)
            for lvl in num.start_overrides:
                if 0 <= lvl < 9:
                    counters[lvl] = None
        current = counters[ilvl]
        counters[ilvl] = self._start(num, levels, ilvl) if current is None else current + 1
        counters[ilvl + 1 :] = [None] * (8 - ilvl)
        return self._render(num, levels, counters, ilvl)

    def _levels(self, num_id: int) -> dict[int, _Level] | None:
        num = self._nums.get(num_id)
        if num is None:
            return None
        levels = self._abstracts.get(num.abstract_id)
        link = self._style_links.get(num.abstract_id)
        if link:  # the definition lives in the abstractNum of the linked numbering style
            target = self._nums.get(self._num_id_of_style(link) or -1)
            if target is not None and target.abstract_id != num.abstract_id:
                levels = self._abstracts.get(target.abstract_id, levels)
        if levels is None:
            return None
        return {**levels, **num.level_overrides}

    @staticmethod
    def _start(num: _Num, levels: dict[int, _Level], ilvl: int) -> int:
        return num.start_overrides.get(ilvl, levels[ilvl].start if ilvl in levels else 1)

    def _render(
        self, num: _Num, levels: dict[int, _Level], counters: list[int | None], ilvl: int
    ) -> str:
        level = levels[ilvl]
        if level.fmt == "bullet":
            return "-"

        def placeholder(match: re.Match[str]) -> str:
            k = int(match.group(1)) - 1
            if k > ilvl or k not in levels:
                return ""
            counter = counters[k]
            value = counter if counter is not None else self._start(num, levels, k)
            return _format_number(value, "decimal" if level.legal else levels[k].fmt)

        return re.sub(r"%([1-9])", placeholder, level.text).strip() or "-"


def _parse_level(lvl: Any) -> _Level:
    fmt = _val(lvl, "w:numFmt")
    if fmt is None:  # Word 2010+ may put numFmt in mc:AlternateContent; use the fallback
        fallback = lvl.find(f"{{{_MC}}}AlternateContent/{{{_MC}}}Fallback")
        fmt = _val(fallback, "w:numFmt")
    start = _int_val(lvl, "w:start")
    return _Level(
        start=1 if start is None else start,
        fmt=fmt or "decimal",
        text=_val(lvl, "w:lvlText") or "",
        legal=_toggle(lvl, "w:isLgl") or False,
        style_id=_val(lvl, "w:pStyle"),
    )


def _parse_num(num: Any) -> _Num:
    result = _Num(abstract_id=_val(num, "w:abstractNumId") or "")
    for override in num.iterchildren(qn("w:lvlOverride")):
        ilvl = _int(override.get(qn("w:ilvl"))) or 0
        start = _int_val(override, "w:startOverride")
        if start is not None:
            result.start_overrides[ilvl] = start
        lvl = override.find(qn("w:lvl"))
        if lvl is not None:
            result.level_overrides[ilvl] = _parse_level(lvl)
    return result


def _format_number(value: int, fmt: str) -> str:
    if value <= 0 or fmt in {"decimal", "bullet"}:
        return str(value)
    if fmt in {"lowerLetter", "upperLetter"}:  # a..z, aa..zz, aaa..
        letters = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in {"lowerRoman", "upperRoman"}:
        roman = to_roman(value)
        return roman.lower() if fmt == "lowerRoman" else roman
    if fmt == "decimalZero":
        return f"{value:02d}"
    return "" if fmt == "none" else str(value)


# --- blocks --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Content:
    text: str
    bold: bool
    footnote_refs: tuple[str, ...]


class _DocxReader:
    """One pass over one document: style and numbering state plus block building."""

    def __init__(self, document: DocxDocument, name: str) -> None:
        self._document = document
        self._name = name
        self._styles = _Styles(document)
        self._numbering = _Numbering(_numbering_root(document), self._styles.num_id_of)

    def blocks(self) -> Iterator[Block]:
        cited_in: dict[str, int] = {}  # footnote id -> first body paragraph citing it
        body = self._document.element.body
        if next(body.iter(*_REVISIONS), None) is not None:
            warn("tracked changes not accepted or rejected: insertions read, deletions left out")
        for number, (p, in_table) in enumerate(_iter_paragraphs(body), start=1):
            block = self._paragraph_block(p, in_table, number)
            if block is None:
                continue
            for ref in block.footnote_refs:
                cited_in.setdefault(ref, number)
            yield block
        yield from self._footnote_blocks(cited_in)

    def _paragraph_block(self, p: Any, in_table: bool, number: int) -> Block | None:
        p_pr = p.find(_W_PPR)
        style = self._styles.paragraph(_val(p_pr, "w:pStyle"))
        label = self._list_label(p_pr, style)  # before the emptiness test: Word counts it
        content = self._content(p, style.bold)
        if not content.text.strip():
            return None
        level = _paragraph_heading_level(p_pr, style)
        if in_table:
            role = BlockRole.TABLE_CELL
        elif level is not None:
            role = BlockRole.HEADING
        else:
            role = BlockRole.LIST_ITEM if label is not None else BlockRole.BODY
        return Block(
            text=content.text,
            provenance=Provenance(self._name, paragraph_start=number, paragraph_end=number),
            role=role,
            heading_level=level if role == BlockRole.HEADING else None,
            bold=content.bold,
            list_label=label,
            footnote_refs=content.footnote_refs,
        )

    def _list_label(self, p_pr: Any, style: _ParaStyle) -> str | None:
        num_pr = p_pr.find(qn("w:numPr")) if p_pr is not None else None
        num_id = _int_val(num_pr, "w:numId")
        if num_id is None:
            num_id = style.num_id
        if not num_id:  # absent, or numId 0: numbering switched off
            return None
        ilvl = _int_val(num_pr, "w:ilvl")
        if ilvl is None:
            ilvl = style.ilvl
        if ilvl is None:
            ilvl = self._numbering.level_for_style(num_id, style.style_id) or 0
        return self._numbering.label(num_id, ilvl)

    def _content(self, p: Any, style_bold: bool | None) -> _Content:
        texts: list[str] = []
        refs: list[str] = []
        bold_runs: list[bool] = []
        for run in _runs(p):
            r_pr = run.find(_W_RPR)
            if _toggle(r_pr, "w:vanish"):  # hidden text
                continue
            text, run_refs = _run_text(run)
            texts.append(text)
            refs.extend(run_refs)
            if text.strip():
                bold_runs.append(self._run_bold(r_pr, style_bold))
        text = unicodedata.normalize("NFC", "".join(texts))
        return _Content(text, bool(bold_runs) and all(bold_runs), tuple(refs))

    def _run_bold(self, r_pr: Any, style_bold: bool | None) -> bool:
        direct = _toggle(r_pr, "w:b")
        if direct is not None:
            return direct
        char_style = _val(r_pr, "w:rStyle")
        if char_style:
            inherited = self._styles.char_bold(char_style)
            if inherited is not None:
                return inherited
        return bool(style_bold)

    def _footnote_blocks(self, cited_in: dict[str, int]) -> Iterator[Block]:
        for footnote in _footnotes(self._document):
            note_id = footnote.get(qn("w:id"), "")
            if footnote.get(qn("w:type")) in _FOOTNOTE_SKIP_TYPES or note_id in {"-1", "0"}:
                continue
            text = " ".join(_paragraph_texts(footnote))
            if not text:
                continue
            number = cited_in.get(note_id)
            yield Block(
                text=unicodedata.normalize("NFC", text),
                provenance=Provenance(self._name, paragraph_start=number, paragraph_end=number),
                role=BlockRole.FOOTNOTE,
                footnote_refs=(note_id,),
            )


def _paragraph_heading_level(p_pr: Any, style: _ParaStyle) -> int | None:
    outline = _int_val(p_pr, "w:outlineLvl")  # direct formatting beats the style
    if outline is not None:
        return outline + 1 if 0 <= outline < 9 else None
    return style.heading_level


def _paragraph_texts(container: Any) -> Iterable[str]:
    for p, _ in _iter_paragraphs(container):
        text = "".join(_run_text(run)[0] for run in _runs(p)).strip()
        if text:
            yield text


def _related_root(document: DocxDocument, reltype: str) -> Any | None:
    """Root element of a part related to the main document, None if there is none."""
    try:
        part = document.part.part_related_by(reltype)
    except KeyError:
        return None
    element = getattr(part, "element", None)  # python-docx loads unknown parts as blobs
    return element if element is not None else parse_xml(part.blob)


def _numbering_root(document: DocxDocument) -> Any | None:
    # Not document.part.numbering_part: it tries to create a missing part and raises.
    return _related_root(document, RT.NUMBERING)


def _footnotes(document: DocxDocument) -> Iterator[Any]:
    root = _related_root(document, RT.FOOTNOTES)
    if root is not None:
        yield from root.iterchildren(qn("w:footnote"))
