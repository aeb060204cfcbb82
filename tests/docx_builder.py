"""Build small DOCX fixtures from an outline, for reader and end-to-end tests.

``build_docx(path, [("title", "..."), ("heading1", "..."), ("body", "..."), ...])``.
Kinds: title, heading1, heading2, body, bullet ("List Bullet"), numbered ("List Number")
and footnote (a footnote on the previous paragraph, with this text). python-docx has no
footnote API, so ``add_footnote`` writes ``word/footnotes.xml`` itself; ``add_numbering``
adds a multi-level list definition to ``numbering.xml``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

import docx
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import parse_xml
from docx.text.paragraph import Paragraph
from lxml import etree

HeadingMode = Literal["styles", "bold"]
KINDS = {"title", "heading1", "heading2", "body", "bullet", "numbered", "footnote"}
_STYLES = {
    "title": "Title",
    "heading1": "Heading 1",
    "heading2": "Heading 2",
    "body": "Normal",
    "bullet": "List Bullet",
    "numbered": "List Number",
}
_FOOTNOTES_PART = "/word/footnotes.xml"
_EMPTY_FOOTNOTES = (
    f"<w:footnotes {nsdecls('w')}>"
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0">'
    "<w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
    "</w:footnotes>"
)


def build_docx(
    path: Path,
    paragraphs: Sequence[tuple[str, str]],
    heading_mode: HeadingMode = "styles",
) -> Path:
    """Write a DOCX with one paragraph per (kind, text) and return its path."""
    document = docx.Document()
    last: Paragraph | None = None
    for kind, text in paragraphs:
        if kind not in KINDS:
            raise ValueError(f"unknown paragraph kind {kind!r}")
        if kind == "footnote":
            if last is None:
                raise ValueError("a footnote needs a paragraph before it")
            add_footnote(last, text)
            continue
        last = _add_paragraph(document, kind, text, heading_mode)
    document.save(str(path))
    return path


def _add_paragraph(document: Any, kind: str, text: str, heading_mode: HeadingMode) -> Paragraph:
    is_heading = kind in {"title", "heading1", "heading2"}
    if is_heading and heading_mode == "bold":
        paragraph = document.add_paragraph()
        paragraph.add_run(text).bold = True
        return paragraph
    return document.add_paragraph(text, style=_STYLES[kind])


def add_footnote(paragraph: Paragraph, text: str) -> str:
    """Append a footnote reference to `paragraph` and the footnote to footnotes.xml."""
    root = _footnotes_root(paragraph)
    note_id = str(max(int(n.get(qn("w:id"))) for n in root.iterchildren(qn("w:footnote"))) + 1)
    root.append(
        parse_xml(
            f'<w:footnote {nsdecls("w")} w:id="{note_id}"><w:p>'
            '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
            f'<w:r><w:t xml:space="preserve"> {_escape(text)}</w:t></w:r>'
            "</w:p></w:footnote>"
        )
    )
    run = paragraph.add_run()
    run.font.superscript = True
    reference = OxmlElement("w:footnoteReference")
    reference.set(qn("w:id"), note_id)
    run._r.append(reference)
    _sync_footnotes_blob(paragraph, root)
    return note_id


def _footnotes_root(paragraph: Paragraph) -> Any:
    document_part = paragraph.part
    try:
        part = document_part.part_related_by(RT.FOOTNOTES)
    except KeyError:
        part = Part(
            PackURI(_FOOTNOTES_PART),
            CT.WML_FOOTNOTES,
            _EMPTY_FOOTNOTES.encode(),
            document_part.package,
        )
        document_part.relate_to(part, RT.FOOTNOTES)
    return parse_xml(part.blob)


def _sync_footnotes_blob(paragraph: Paragraph, root: Any) -> None:
    # A plain Part is saved from its blob, so the edited XML goes back there.
    part = paragraph.part.part_related_by(RT.FOOTNOTES)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def add_numbering(document: Any, levels: Sequence[tuple[str, str]], start: int = 1) -> int:
    """Add a list definition with one (numFmt, lvlText) per level; return its numId.

    E.g. ``[("decimal", "%1."), ("decimal", "%1.%2-"), ("lowerLetter", "%3)")]``.
    """
    numbering = document.part.numbering_part.element
    abstract_ids = [
        int(a.get(qn("w:abstractNumId"))) for a in numbering.iterchildren(qn("w:abstractNum"))
    ]
    abstract_id = max(abstract_ids, default=-1) + 1
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text) in enumerate(levels)
    )
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        f'<w:multiLevelType w:val="multilevel"/>{lvls}</w:abstractNum>'
    )
    existing = list(numbering.iterchildren(qn("w:abstractNum")))
    if existing:  # schema order: every abstractNum before the first num
        existing[-1].addnext(abstract)
    else:
        numbering.insert(0, abstract)
    return numbering.add_num(abstract_id).numId


def set_numbering(paragraph: Paragraph, num_id: int, ilvl: int = 0) -> Paragraph:
    """Give `paragraph` direct numbering (w:numPr) at level `ilvl` of list `num_id`."""
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = ilvl
    num_pr.get_or_add_numId().val = num_id
    return paragraph


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
