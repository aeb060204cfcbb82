"""Generators of hostile and awkward source files, for tests/test_hostile.py and
benchmarks/bench_hostile.py. Every file is made by code here; none is stored.

The text they carry is written for the tests (no sentence of the shared corpus).
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

PAPER = """\
TỈNH QUẢNG TRỊ VỚI HỢP TÁC QUỐC TẾ
Tỉnh ủy Quảng Trị

I. THỜI CƠ VÀ THÁCH THỨC

1. Về thời cơ: tuyến đường mới qua cửa khẩu giúp tỉnh đón thêm nhà đầu tư từ nước láng giềng.

2. Về thách thức: nguồn lực dành cho hoạt động đối ngoại của tỉnh còn hạn hẹp.

II. PHƯƠNG HƯỚNG, NHIỆM VỤ

Thứ nhất, mở rộng quan hệ hữu nghị với các địa phương nước bạn Lào dọc hành lang kinh tế Đông - Tây.

Thứ hai, nâng cao chất lượng đội ngũ cán bộ làm công tác đối ngoại của tỉnh.

III. KIẾN NGHỊ

1. Đề nghị Bộ Ngoại giao hỗ trợ tỉnh tổ chức hội nghị xúc tiến đầu tư tại Thái Lan.
"""
PROVINCE = "Quảng Trị"
SENTINEL = "hành lang kinh tế Đông - Tây"  # a phrase of the paper, to find it in outputs

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)


def document_xml(paragraphs: list[str], prolog: str = "") -> str:
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
        f'<w:document xmlns:w="{_W}"><w:body>{body}</w:body></w:document>'
    )


# --- zip packages written part by part ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Part:
    name: str
    deflated: bytes  # raw deflate stream
    crc: int
    size: int  # bytes it inflates to
    declared: int | None = None  # the size its headers claim, when they lie


def part(name: str, data: bytes) -> Part:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return Part(name, compressor.compress(data) + compressor.flush(), zlib.crc32(data), len(data))


def repeated_part(name: str, chunk: bytes, times: int, declared: int | None = None) -> Part:
    """A part of ``chunk`` repeated ``times``: compressed once and the bytes repeated, so a
    gigabyte part takes a second to make (each copy ends on a full flush)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    for _ in range(times):
        crc = zlib.crc32(chunk, crc)
    final = b"\x03\x00"  # an empty fixed-Huffman block marked final
    return Part(name, block * times + final, crc, len(chunk) * times, declared)


def write_zip(path: Path, parts: list[Part]) -> Path:
    """A zip of already-deflated parts (local headers, data, central directory)."""
    out = io.BytesIO()
    central = []
    for p in parts:
        offset = out.tell()
        name = p.name.encode()
        size = p.size if p.declared is None else p.declared
        header = struct.pack(
            "<IHHHHHIIIHH",
            0x04034B50,
            20,
            0,
            8,
            0,
            0x21,
            p.crc,
            len(p.deflated),
            size,
            len(name),
            0,
        )
        out.write(header + name + p.deflated)
        central.append(
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                20,
                20,
                0,
                8,
                0,
                0x21,
                p.crc,
                len(p.deflated),
                size,
                len(name),
                0,
                0,
                0,
                0,
                0,
                offset,
            )  # fmt: skip
            + name
        )
    start = out.tell()
    directory = b"".join(central)
    out.write(directory)
    out.write(
        struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(parts), len(parts), len(directory), start, 0)
    )
    path.write_bytes(out.getvalue())
    return path


def docx_package(path: Path, xml: str) -> Path:
    """A minimal DOCX whose main part is ``xml``."""
    return write_zip(
        path,
        [
            part("[Content_Types].xml", _CONTENT_TYPES.encode()),
            part("_rels/.rels", _RELS.encode()),
            part("word/document.xml", xml.encode()),
        ],
    )


def paper_docx(path: Path) -> Path:
    return docx_package(path, document_xml([line for line in PAPER.splitlines() if line]))


def zip_bomb_docx(path: Path, inflated: int = 1_100 * 2**20, lying: bool = False) -> Path:
    """A DOCX whose main part inflates to ``inflated`` bytes (1.1 GB from about 1 MB);
    ``lying``: its headers declare 2 KB."""
    chunk = b"<w:p><w:r><w:t>a</w:t></w:r></w:p>" * 29959  # about 1 MiB
    bomb = repeated_part(
        "word/document.xml", chunk, inflated // len(chunk), 2048 if lying else None
    )
    return write_zip(
        path,
        [
            part("[Content_Types].xml", _CONTENT_TYPES.encode()),
            part("_rels/.rels", _RELS.encode()),
            bomb,
        ],
    )


def xxe_docx(path: Path, secret: Path) -> Path:
    prolog = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
    return docx_package(path, document_xml(["Tỉnh ủy Quảng Trị", "Nội dung: &xxe;"], prolog))


def billion_laughs_docx(path: Path) -> Path:
    entities = '<!ENTITY lol0 "ha">' + "".join(
        f'<!ENTITY lol{n} "{("&lol" + str(n - 1) + ";") * 10}">' for n in range(1, 10)
    )
    return docx_package(path, document_xml(["&lol9;"], f"<!DOCTYPE w:document [{entities}]>"))


def truncated(source: Path, target: Path, share: float = 0.5) -> Path:
    data = source.read_bytes()
    target.write_bytes(data[: int(len(data) * share)])
    return target


# --- OpenDocument and RTF -----------------------------------------------------------------------

_ODT_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
    '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
    '<manifest:file-entry manifest:full-path="/" manifest:media-type='
    '"application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path='
    '"content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
)


def odt(path: Path, paragraphs: list[str], prolog: str = "") -> Path:
    body = "".join(f"<text:p>{p}</text:p>" for p in paragraphs)
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f"<office:body><office:text>{body}</office:text></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("META-INF/manifest.xml", _ODT_MANIFEST, zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return path


def rtf(path: Path, paragraphs: list[str]) -> Path:
    """RTF with every non-ASCII character as a \\uN? escape, as Word writes Vietnamese."""

    def escaped(text: str) -> str:
        return "".join(
            ch if ord(ch) < 128 else f"\\u{ord(ch) if ord(ch) < 32768 else ord(ch) - 65536}?"
            for ch in text
        )

    body = "".join(f"{escaped(p)}\\par\n" for p in paragraphs)
    path.write_text(
        "{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times New Roman;}}\n" + body + "}", "ascii"
    )
    return path


# --- PDF ------------------------------------------------------------------------------------------


def paper_pdf(path: Path, pages: int = 3, image_only: bool = False) -> Path:
    """A PDF of the paper (its lines spread over ``pages``), or of drawn boxes only (a scan)."""
    from reportlab.pdfgen.canvas import Canvas

    from compiler.writers.pdf import REGULAR, register_fonts

    register_fonts()
    canvas = Canvas(str(path))
    lines = [line for line in PAPER.splitlines() if line]
    per_page = max(1, -(-len(lines) // pages))
    for page in range(pages):
        canvas.setFont(REGULAR, 11)
        for row, line in enumerate(lines[page * per_page : (page + 1) * per_page]):
            if image_only:
                canvas.rect(60, 760 - row * 20, 400, 12, fill=1)  # where a scan has pixels
            else:
                canvas.drawString(60, 760 - row * 20, line)
        canvas.showPage()
    canvas.save()
    return path


def encrypted_pdf(source: Path, target: Path, user_password: str, owner_password: str) -> Path:
    from pypdf import PdfReader, PdfWriter
    from pypdf.constants import UserAccessPermissions

    writer = PdfWriter(clone_from=PdfReader(source))
    nothing_allowed = UserAccessPermissions(0)
    writer.encrypt(
        user_password, owner_password, algorithm="AES-128", permissions_flag=nothing_allowed
    )
    with target.open("wb") as stream:
        writer.write(stream)
    return target


# --- text ---------------------------------------------------------------------------------------


def double_encoded(text: str, via: str) -> str:
    """UTF-8 bytes read as Windows-1252 (the five bytes it lacks as Latin-1) or Latin-1."""
    data = text.encode("utf-8")
    if via == "latin-1":
        return data.decode("latin-1")
    return "".join(
        bytes([b]).decode("cp1252", errors="ignore") or chr(b) if b >= 0x80 else chr(b)
        for b in data
    )
