"""HTML reader: the visible text of a web page, one block per block element.

Blocks come in document order: paragraphs, headings (h1–h6: HEADING with their level),
list items (LIST_ITEM; label "1.", "2." … inside ``<ol>``, honouring ``start``, ``value``,
``type`` and ``reversed``; "-" inside ``<ul>``), table cells (TABLE_CELL), blockquotes,
``<pre>`` and the text a ``<div>`` or other container holds directly. Unclosed ``<p>``,
``<li>``, ``<td>`` and ``<tr>`` are closed the way browsers close them. ``<br>`` is a
space; two in a row end a paragraph, as old pages space paragraphs that way. A paragraph
wholly in ``<b>``/``<strong>`` (or ``font-weight: bold``) is bold. A table cell holding
three paragraphs or more is page layout, not data: its paragraphs are body text.

Left out: script, style, nav, footer, aside, form, noscript, svg and similar; ``header``
outside an article; anything ``hidden``, ``aria-hidden``, ``display: none``, with a
landmark role (navigation, banner, …) or a class or id naming a menu, breadcrumb, sidebar
or share bar.

Bytes are decoded by BOM, then ``<meta charset>``, else as UTF-8 with the text reader's
legacy fallbacks; text set in TCVN3 or VNI fonts is converted. Provenance numbers blocks
(``paragraph_start`` = ``paragraph_end``), 1-based.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from pathlib import Path

from compiler.enumeration import to_roman
from compiler.model import Block, BlockRole, Provenance
from compiler.readers import legacy
from compiler.readers.text import decode as decode_text

FORMAT = "html"
SUFFIXES = {".html", ".htm"}


def _names(text: str) -> frozenset[str]:
    return frozenset(text.split())


_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_BLOCK_TAGS = _HEADINGS.keys() | _names(
    "address article aside blockquote body caption center dd details dialog div dl dt"
    " fieldset figcaption figure footer form header hgroup hr html legend li main menu"
    " nav ol p pre section summary table tbody td tfoot th thead tr ul"
)
_VOID_TAGS = _names("area base br col embed hr img input link meta param source track wbr")
_SKIP_TAGS = _names(
    "script style nav footer aside form noscript svg math template iframe object canvas"
    " select button head title dialog"
)
_SKIP_ROLES = _names("navigation banner contentinfo complementary search menu menubar")
_JUNK_NAMES = _names(
    "menu nav navbar navigation breadcrumb breadcrumbs sidebar share sharing social"
    " cookie cookies advert advertisement comments related"
)
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|bolder|[6-9]00)", re.IGNORECASE)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_NAME_TOKENS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")  # "topMenu" -> "top", "Menu"
_SPACES = re.compile(r"\s+")
_LAYOUT_CELL = 3  # paragraphs in one table cell that make it page layout
# Where an open element stops the search for the one a new tag implicitly closes.
_P_SCOPE = frozenset({"td", "th", "table", "caption", "button", "html", "template"})
_IMPLIED_END = {
    "li": ("li", frozenset({"ol", "ul", "menu", "table"})),
    "dt": ("dt dd", frozenset({"dl", "table"})),
    "dd": ("dt dd", frozenset({"dl", "table"})),
    "td": ("td th", frozenset({"tr", "table"})),
    "th": ("td th", frozenset({"tr", "table"})),
    "tr": ("tr td th", frozenset({"table", "tbody", "thead", "tfoot"})),
}


def read(path: Path, display_name: str) -> list[Block]:
    return read_document(path, display_name)[0]


def read_document(path: Path, display_name: str) -> tuple[list[Block], str | None]:
    """The page's blocks, and "tcvn3"/"vni" when the page was typed in a legacy font."""
    text = decode_html(path.read_bytes(), display_name)
    parser = _PageParser(display_name)
    parser.feed(text)
    parser.close()
    return legacy.convert_blocks(parser.finish())


# --- decoding -----------------------------------------------------------------------------

_META_CHARSET = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_WESTERN = frozenset({"latin_1", "iso8859_1", "cp1252", "ascii"})


def decode_html(data: bytes, display_name: str) -> str:
    """The page as text: BOM, then the declared charset, then UTF-8 and legacy fallbacks."""
    if data.startswith(_BOMS):
        return decode_text(data, display_name)
    match = _META_CHARSET.search(data[:4096])
    declared = match.group(1).decode("ascii").lower() if match else None
    if declared in {"viscii", "x-viet-viscii"}:
        return legacy.decode_viscii(data)
    if declared in {"tcvn", "tcvn3", "x-viet-tcvn", "x-viet-tcvn5712"}:
        return legacy.convert(legacy.decode_cp1252(data), legacy.TCVN3)
    codec = _codec(declared)
    if codec in _WESTERN:
        # Pages declared Western but saved as UTF-8 are common (UTF-8 is rarely there by
        # chance); browsers read Latin-1 labels as Windows-1252.
        return decode_text(data, display_name) if _is_utf8(data) else legacy.decode_cp1252(data)
    if codec:
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            pass
    return decode_text(data, display_name)


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name).name.replace("-", "_")
    except LookupError:
        return None


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return not data.isascii()


# --- parsing ------------------------------------------------------------------------------


@dataclass(eq=False, slots=True)
class _Element:
    tag: str
    skip: bool = False
    bold: bool = False
    # Lists: the next number, its step (-1 for reversed), the label style; a reversed list
    # without a start counts down from its number of items, known at its end.
    counter: int = 1
    step: int = 1
    style: str = "1"
    count_down: bool = False
    # List items: the label, given to the first paragraph only, and the list.
    label: str | None = None
    owner: _Element | None = None
    # Table cells and lists: the blocks made inside (cells) or labelled by them (lists).
    blocks: list[int] = field(default_factory=list)


class _PageParser(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self._source = source
        self._stack = [_Element("#root")]
        self._parts: list[tuple[str, bool]] = []  # text runs with their bold flag
        self._after_br = False  # a <br> with only white space since
        self._blocks: list[Block] = []

    def finish(self) -> list[Block]:
        self._flush()
        return self._blocks

    # -- events --

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID_TAGS:
            self._void(tag)
            return
        self._close_implied(tag)
        if tag in _BLOCK_TAGS:
            self._flush()
        self._stack.append(self._element(tag, dict(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID_TAGS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID_TAGS:
            return
        depth = next(
            (i for i in range(len(self._stack) - 1, 0, -1) if self._stack[i].tag == tag), 0
        )
        if depth:
            self._pop_to(depth)

    def handle_data(self, data: str) -> None:
        if self._stack[-1].skip:
            return
        if data.strip():
            self._after_br = False
        self._parts.append((data, self._stack[-1].bold))

    # -- structure --

    def _void(self, tag: str) -> None:
        if self._stack[-1].skip:
            return
        if tag == "hr":
            self._flush()
        elif tag == "br":
            if self._after_br:
                self._flush()
            else:
                self._parts.append((" ", self._stack[-1].bold))
                self._after_br = True

    def _close_implied(self, tag: str) -> None:
        """Close what a new ``tag`` ends in HTML: an open <p>, <li>, cell or row."""
        if tag in _BLOCK_TAGS:
            self._close_open("p", _P_SCOPE)
        if tag in _HEADINGS and self._stack[-1].tag in _HEADINGS:
            self._pop_to(len(self._stack) - 1)
        if tag in _IMPLIED_END:
            closes, scope = _IMPLIED_END[tag]
            for name in closes.split():
                self._close_open(name, scope)

    def _close_open(self, tag: str, scope: frozenset[str]) -> None:
        for depth in range(len(self._stack) - 1, 0, -1):
            name = self._stack[depth].tag
            if name == tag:
                self._pop_to(depth)
                return
            if name in scope:
                return

    def _pop_to(self, depth: int) -> None:
        """Close the element at ``depth`` and everything opened inside it."""
        while len(self._stack) > depth:
            element = self._stack[-1]
            if element.tag in _BLOCK_TAGS:
                self._flush()
            self._stack.pop()
            if element.tag in ("td", "th") and len(element.blocks) >= _LAYOUT_CELL:
                for index in element.blocks:
                    self._blocks[index] = replace(self._blocks[index], role=BlockRole.BODY)
            elif element.count_down:
                self._count_down(element)

    def _count_down(self, ol: _Element) -> None:
        for position, index in enumerate(ol.blocks):
            label = _format_number(len(ol.blocks) - position, ol.style)
            self._blocks[index] = replace(self._blocks[index], list_label=f"{label}.")

    def _element(self, tag: str, attrs: dict[str, str | None]) -> _Element:
        parent = self._stack[-1]
        element = _Element(
            tag,
            skip=parent.skip or self._skipped(tag, attrs),
            bold=parent.bold or tag in ("b", "strong") or _has_style(attrs, _BOLD_STYLE),
        )
        if tag in ("ol", "ul", "menu"):
            _start_list(element, attrs)
        elif tag == "li":
            self._label_item(element, attrs)
        return element

    def _skipped(self, tag: str, attrs: dict[str, str | None]) -> bool:
        if tag in _SKIP_TAGS or "hidden" in attrs or _has_style(attrs, _HIDDEN_STYLE):
            return True
        if tag == "header" and not any(e.tag in ("article", "main") for e in self._stack):
            return True
        if (attrs.get("aria-hidden") or "").lower() == "true":
            return True
        if (attrs.get("role") or "").lower() in _SKIP_ROLES:
            return True
        names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
        return any(token.lower() in _JUNK_NAMES for token in _NAME_TOKENS.findall(names))

    def _label_item(self, item: _Element, attrs: dict[str, str | None]) -> None:
        lists = [e for e in self._stack if e.tag in ("ol", "ul", "menu")]
        if not lists or lists[-1].tag != "ol":
            item.label = "-"
            return
        item.owner = current = lists[-1]
        value = _int(attrs.get("value"))
        if value is not None:
            current.counter = value
        label = _format_number(current.counter, attrs.get("type") or current.style)
        current.counter += current.step
        item.label = f"{label}."

    # -- blocks --

    def _flush(self) -> None:
        parts, self._parts = self._parts, []
        self._after_br = False
        text = unicodedata.normalize("NFC", _SPACES.sub(" ", "".join(t for t, _ in parts)).strip())
        if not text:
            return
        bold = all(is_bold for part, is_bold in parts if part.strip())
        self._blocks.append(self._block(text, bold))

    def _block(self, text: str, bold: bool) -> Block:
        number = len(self._blocks) + 1
        role, level, label = BlockRole.BODY, None, None
        for element in reversed(self._stack):
            if element.tag in _HEADINGS:
                role, level = BlockRole.HEADING, _HEADINGS[element.tag]
                break
            if element.tag == "li":
                label, element.label = element.label, None  # later paragraphs: body text
                role = BlockRole.LIST_ITEM if label else BlockRole.BODY
                if label and element.owner:
                    element.owner.blocks.append(number - 1)
                break
            if element.tag in ("td", "th"):
                role = BlockRole.TABLE_CELL
                element.blocks.append(number - 1)
                break
        provenance = Provenance(self._source, paragraph_start=number, paragraph_end=number)
        return Block(text, provenance, role, heading_level=level, bold=bold, list_label=label)


def _start_list(element: _Element, attrs: dict[str, str | None]) -> None:
    element.style = attrs.get("type") or "1"
    element.step = -1 if "reversed" in attrs else 1
    start = _int(attrs.get("start"))
    element.counter = start if start is not None else 1
    element.count_down = element.tag == "ol" and element.step == -1 and start is None


def _has_style(attrs: dict[str, str | None], pattern: re.Pattern[str]) -> bool:
    return bool(pattern.search(attrs.get("style") or ""))


def _int(value: str | None) -> int | None:
    try:
        return int(value.strip()) if value else None
    except ValueError:
        return None


def _format_number(number: int, style: str) -> str:
    """An <ol> counter in its ``type``: 1, a, A, i or I."""
    if style in ("a", "A") and number > 0:
        letters = ""
        while number > 0:
            number, rest = divmod(number - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return letters.upper() if style == "A" else letters
    if style in ("i", "I") and 0 < number < 4000:
        roman = to_roman(number)
        return roman if style == "I" else roman.lower()
    return str(number)
