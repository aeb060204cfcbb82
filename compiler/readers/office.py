"""Word 97-2003 (.doc), RTF and OpenDocument (.odt) files, read through LibreOffice.

LibreOffice converts the file to DOCX in a private temporary folder: headless, with a
throw-away user profile (``-env:UserInstallation``, so it neither touches nor waits for the
user's own LibreOffice) and under a time limit; the DOCX reader then reads the result, so
provenance counts the converted document's paragraphs. An ODT is checked against the zip
limits first. Without LibreOffice the file is refused by name: "save it as .docx".
The temporary folder goes away however the run ends (an error, Ctrl-C, SIGTERM), and a
conversion still running is killed with its whole process group.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from compiler.errors import SourceError
from compiler.model import Block
from compiler.readers import docx as docx_reader
from compiler.readers import limits

FORMAT = "office"
SUFFIXES = {".doc", ".rtf", ".odt"}
TIMEOUT = 120  # seconds for one conversion, LibreOffice's start included
KINDS = {
    ".doc": "a Word 97-2003 document (.doc)",
    ".rtf": "an RTF document (.rtf)",
    ".odt": "an OpenDocument text (.odt)",
}


def read(path: Path, display_name: str) -> list[Block]:
    return read_document(path, display_name)[0]


def read_document(path: Path, display_name: str) -> tuple[list[Block], str | None]:
    kind = KINDS[path.suffix.lower()]
    soffice = libreoffice()
    if soffice is None:
        raise SourceError(
            display_name, f"{kind}: save it as .docx (or install LibreOffice to read it)"
        )
    if path.suffix.lower() == ".odt":
        limits.check_zip(path, display_name)
    with tempfile.TemporaryDirectory(prefix="brief-office-") as work:
        converted = _convert(soffice, path, Path(work), display_name, kind)
        return docx_reader.read_document(converted, display_name)


def libreoffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _convert(soffice: str, path: Path, work: Path, name: str, kind: str) -> Path:
    source = work / f"source{path.suffix.lower()}"  # a plain name LibreOffice cannot misread
    shutil.copyfile(path, source)
    command = [
        soffice,
        f"-env:UserInstallation={(work / 'profile').as_uri()}",
        "--headless",
        "--norestore",
        "--nologo",
        "--nolockcheck",
        "--convert-to",
        "docx:MS Word 2007 XML",
        "--outdir",
        str(work / "out"),
        str(source),
    ]
    _run(command, name)
    converted = work / "out" / "source.docx"
    if not converted.is_file():
        raise SourceError(name, f"{kind}: LibreOffice could not convert it (damaged or protected?)")
    return converted


def _run(command: list[str], name: str) -> None:
    process = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group, killed as a whole
    )
    try:
        process.wait(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        raise SourceError(
            name, f"over the LibreOffice time limit ({TIMEOUT} s to convert the file)"
        ) from None
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
