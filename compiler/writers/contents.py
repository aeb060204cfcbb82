"""Page numbers in a Word report's table of contents, laid out by LibreOffice.

python-docx cannot lay pages out, so the DOCX writer leaves the contents' page numbers to
whoever opens the file: it sets ``w:updateFields`` and Word asks to refresh the fields. When
LibreOffice is installed, ``fill_page_numbers`` does better: LibreOffice lays the written
file out (headless, in a throw-away profile, under a time limit), the page of every heading
is read from the outline of its PDF, and the numbers are written into the contents' cached
result (each entry keeps its link to the heading). The file then shows its page numbers as
soon as it is opened, in Word or LibreOffice, and no longer asks to update fields (Word
still recomputes them on F9). If LibreOffice is missing, fails or lays the headings out
differently than expected, the file is left as written.
"""

from __future__ import annotations

import io
import os
import signal
import subprocess
import tempfile
import unicodedata
from pathlib import Path

TIMEOUT = 120  # seconds for LibreOffice to lay the report out, its start included


def libreoffice() -> str | None:
    from compiler.readers.office import libreoffice as find

    return find()


def fill_page_numbers(path: Path) -> bool:
    """Write the page of every contents entry into the DOCX at ``path`` (in place,
    atomically); True when done, False when the file was left as it was."""
    soffice = libreoffice()
    if soffice is None or not _has_contents(path):
        return False
    with tempfile.TemporaryDirectory(prefix="brief-contents-") as work:
        pages = _heading_pages(soffice, path, Path(work))
    if pages is None:
        return False
    return _write_numbers(path, pages)


def _has_contents(path: Path) -> bool:
    import zipfile

    with zipfile.ZipFile(path) as archive:
        return b" TOC " in archive.read("word/document.xml")


def _heading_pages(soffice: str, path: Path, work: Path) -> list[tuple[str, int]] | None:
    """(title, page) of every heading in LibreOffice's layout, in document order."""
    source = work / "report.docx"
    source.write_bytes(path.read_bytes())
    command = [
        soffice,
        f"-env:UserInstallation={(work / 'profile').as_uri()}",
        "--headless",
        "--norestore",
        "--nologo",
        "--nolockcheck",
        "--convert-to",
        "pdf",
        "--outdir",
        str(work / "out"),
        str(source),
    ]
    if not _run(command):
        return None
    laid_out = work / "out" / "report.pdf"
    if not laid_out.is_file():
        return None
    from pypdf import PdfReader

    reader = PdfReader(str(laid_out))
    found: list[tuple[str, int]] = []

    def walk(entries) -> None:
        for entry in entries:
            if isinstance(entry, list):
                walk(entry)
            else:
                found.append((entry.title, reader.get_destination_page_number(entry) + 1))

    walk(reader.outline)
    return found


def _run(command: list[str]) -> bool:
    process = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group, killed as a whole
    )
    try:
        return process.wait(timeout=TIMEOUT) == 0
    except subprocess.TimeoutExpired:
        return False
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def _write_numbers(path: Path, pages: list[tuple[str, int]]) -> bool:
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    from compiler.writers import atomic_output
    from compiler.writers.docx import normalize_zip

    document = docx.Document(str(path))
    body = document.element.body
    headings = [
        (_bookmark(paragraph._p), _key(paragraph.text))
        for paragraph in document.paragraphs
        if paragraph.style is not None and paragraph.style.name.startswith("Heading ")
    ]
    if [key for _, key in headings] != [_key(title) for title, _ in pages]:
        return False  # laid out differently than written: leave the file alone
    page_of = {name: page for (name, _), (_, page) in zip(headings, pages, strict=True) if name}
    links = [link for link in body.iter(qn("w:hyperlink")) if _in_contents(link)]
    if not links or any(link.get(qn("w:anchor")) not in page_of for link in links):
        return False
    for link in links:
        tab, number = OxmlElement("w:r"), OxmlElement("w:r")
        tab.append(OxmlElement("w:tab"))
        page = OxmlElement("w:t")
        page.text = str(page_of[link.get(qn("w:anchor"))])
        number.append(page)
        link.extend((tab, number))
    _settle_fields(document)
    buffer = io.BytesIO()
    document.save(buffer)
    with atomic_output(path) as temp:
        temp.write_bytes(normalize_zip(buffer.getvalue()))
    return True


def _bookmark(p) -> str | None:
    from docx.oxml.ns import qn

    mark = p.find(qn("w:bookmarkStart"))
    return mark.get(qn("w:name")) if mark is not None else None


def _in_contents(link) -> bool:
    from docx.oxml.ns import qn

    p = link.getparent()
    style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return style is not None and (style.get(qn("w:val")) or "").lower().startswith("toc")


def _settle_fields(document) -> None:
    """The numbers are there: no prompt to update fields on opening."""
    from docx.oxml.ns import qn

    settings = document.settings.element
    for element in settings.findall(qn("w:updateFields")):
        settings.remove(element)
    for begin in document.element.body.iter(qn("w:fldChar")):
        begin.attrib.pop(qn("w:dirty"), None)


def _key(title: str) -> str:
    return " ".join(unicodedata.normalize("NFC", title).split())
