"""The text and Markdown reader: encodings, line endings, paragraph grouping, headings, errors."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from compiler.errors import SourceError
from compiler.model import BlockRole
from compiler.readers import read_blocks
from compiler.readers import text as text_reader
from compiler.readers.text import blocks_from_text, decode

PARAGRAPHS = [
    "Tỉnh ủy Khánh Hòa đẩy mạnh hợp tác đối ngoại với các địa phương nước ngoài.",
    "Thứ hai, ưu tiên thu hút đầu tư vào kinh tế biển và du lịch chất lượng cao.",
    "Đội ngũ cán bộ đối ngoại được bồi dưỡng thường xuyên về nghiệp vụ.",
]
ONE_PER_LINE = "\n".join(PARAGRAPHS) + "\n"


def texts(path: Path) -> list[tuple[str, int, int]]:
    return [
        (b.text, b.provenance.line_start, b.provenance.line_end)
        for b in text_reader.read(path, path.name)
    ]


def expected_one_per_line() -> list[tuple[str, int, int]]:
    return [(p, n, n) for n, p in enumerate(PARAGRAPHS, start=1)]


def test_module_contract() -> None:
    assert text_reader.FORMAT == "text"
    assert {".txt", ".md"} <= text_reader.SUFFIXES


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("utf8.txt", ONE_PER_LINE.encode("utf-8")),
        ("bom.txt", ONE_PER_LINE.encode("utf-8-sig")),
        ("utf16.txt", ONE_PER_LINE.encode("utf-16")),  # with BOM (little-endian here)
        ("utf16be.txt", b"\xfe\xff" + ONE_PER_LINE.encode("utf-16-be")),
        ("crlf.txt", ONE_PER_LINE.replace("\n", "\r\n").encode("utf-8")),
        ("crlf-bom.txt", ONE_PER_LINE.replace("\n", "\r\n").encode("utf-8-sig")),
    ],
)
def test_encodings_and_line_endings(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert texts(path) == expected_one_per_line()
    assert not any("\ufeff" in b.text or "\r" in b.text for b in text_reader.read(path, name))


def test_one_paragraph_per_line_gives_one_block_per_line() -> None:
    blocks = blocks_from_text(ONE_PER_LINE, "x.txt")
    assert [(b.text, b.provenance.line_start, b.provenance.line_end) for b in blocks] == (
        expected_one_per_line()
    )
    assert all(b.role == BlockRole.BODY for b in blocks)
    assert {b.provenance.source for b in blocks} == {"x.txt"}


def cp1258(text: str) -> bytes:
    """Windows-1258 bytes: base letters precomposed, tone marks as combining characters."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    pieces = []
    for ch in text:
        decomposed = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in tones))
        pieces.append(base + "".join(c for c in decomposed if c in tones))
    return "".join(pieces).encode("cp1258")


def test_vietnamese_windows_1258_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(cp1258(ONE_PER_LINE))
    read = [unicodedata.normalize("NFC", b.text) for b in text_reader.read(path, "legacy.txt")]
    assert read == PARAGRAPHS


# --- paragraph grouping ----------------------------------------------------------------------

WRAPPED = """\
# Báo cáo công tác đối ngoại năm 2024

## Kết quả đạt được

Trong năm qua, tỉnh đã chủ động triển khai nhiều hoạt động đối ngoại
quan trọng, góp phần nâng cao vị thế của địa phương trên trường quốc tế
và thu hút thêm nguồn lực cho phát triển kinh tế - xã hội.
Dòng này mở đầu một câu mới sau dấu chấm.

THAM LUẬN CỦA TỈNH
VỀ CÔNG TÁC ĐỐI NGOẠI
TRONG TÌNH HÌNH MỚI

Các nhiệm vụ trọng tâm được xác định trong kế hoạch của tỉnh gồm có
- tăng cường hợp tác quốc tế về giáo dục
- nâng cao năng lực cán bộ làm công tác đối ngoại
1. Xây dựng kế hoạch hội nhập quốc tế
2. Tổ chức thực hiện hiệu quả các thỏa thuận
Thứ ba, rà soát các văn bản hợp tác đã ký
"""


def test_hard_wrapped_markdown_paragraphs_are_joined() -> None:
    blocks = blocks_from_text(WRAPPED, "a.md")
    assert [
        (b.role, b.heading_level, b.text, b.provenance.line_start, b.provenance.line_end)
        for b in blocks
    ] == [
        (BlockRole.HEADING, 1, "Báo cáo công tác đối ngoại năm 2024", 1, 1),
        (BlockRole.HEADING, 2, "Kết quả đạt được", 3, 3),
        (
            BlockRole.BODY,
            None,
            "Trong năm qua, tỉnh đã chủ động triển khai nhiều hoạt động đối ngoại quan trọng, "
            "góp phần nâng cao vị thế của địa phương trên trường quốc tế và thu hút thêm nguồn "
            "lực cho phát triển kinh tế - xã hội.",
            5,
            7,
        ),
        (BlockRole.BODY, None, "Dòng này mở đầu một câu mới sau dấu chấm.", 8, 8),
        (
            BlockRole.BODY,
            None,
            "THAM LUẬN CỦA TỈNH VỀ CÔNG TÁC ĐỐI NGOẠI TRONG TÌNH HÌNH MỚI",
            10,
            12,
        ),
        (
            BlockRole.BODY,
            None,
            "Các nhiệm vụ trọng tâm được xác định trong kế hoạch của tỉnh gồm có",
            14,
            14,
        ),
        (BlockRole.BODY, None, "- tăng cường hợp tác quốc tế về giáo dục", 15, 15),
        (BlockRole.BODY, None, "- nâng cao năng lực cán bộ làm công tác đối ngoại", 16, 16),
        (BlockRole.BODY, None, "1. Xây dựng kế hoạch hội nhập quốc tế", 17, 17),
        (BlockRole.BODY, None, "2. Tổ chức thực hiện hiệu quả các thỏa thuận", 18, 18),
        (BlockRole.BODY, None, "Thứ ba, rà soát các văn bản hợp tác đã ký", 19, 19),
    ]


def test_short_lines_are_not_joined() -> None:
    blocks = blocks_from_text("Kính gửi Bộ Ngoại giao\nSở Ngoại vụ tỉnh\n", "x.txt")
    assert [b.text for b in blocks] == ["Kính gửi Bộ Ngoại giao", "Sở Ngoại vụ tỉnh"]


def test_a_caps_line_does_not_swallow_the_sentence_below() -> None:
    blocks = blocks_from_text(
        "I. KẾT QUẢ ĐẠT ĐƯỢC\nTỉnh đã ký kết nhiều thỏa thuận hợp tác.\n", "x.txt"
    )
    assert [b.text for b in blocks] == [
        "I. KẾT QUẢ ĐẠT ĐƯỢC",
        "Tỉnh đã ký kết nhiều thỏa thuận hợp tác.",
    ]


@pytest.mark.parametrize(
    ("markdown", "level", "text"),
    [
        ("# Tham luận của tỉnh", 1, "Tham luận của tỉnh"),
        ("### Về cơ hội ###", 3, "Về cơ hội"),
        ("###### Phụ lục", 6, "Phụ lục"),
    ],
)
def test_atx_headings(markdown: str, level: int, text: str) -> None:
    [heading] = blocks_from_text(markdown + "\n", "a.md")
    assert (heading.role, heading.heading_level, heading.text) == (BlockRole.HEADING, level, text)


def test_hash_without_space_is_not_a_heading() -> None:
    [block] = blocks_from_text("#hoinghidoingoai là thẻ của hội nghị.\n", "a.md")
    assert block.role == BlockRole.BODY


def test_setext_headings() -> None:
    text = (
        "Định hướng phát triển\n=====================\n\n"
        "Nhiệm vụ cụ thể\n---------------\n\n"
        "Tỉnh tập trung vào ba nhiệm vụ.\n"
    )
    blocks = blocks_from_text(text, "a.md")
    assert [
        (b.role, b.heading_level, b.text, b.provenance.line_start, b.provenance.line_end)
        for b in blocks
    ] == [
        (BlockRole.HEADING, 1, "Định hướng phát triển", 1, 2),
        (BlockRole.HEADING, 2, "Nhiệm vụ cụ thể", 4, 5),
        (BlockRole.BODY, None, "Tỉnh tập trung vào ba nhiệm vụ.", 7, 7),
    ]


def test_a_list_item_over_a_rule_is_not_a_setext_heading() -> None:
    blocks = blocks_from_text("- Tăng cường hợp tác\n---\n", "a.md")
    assert blocks[0].role == BlockRole.BODY
    assert blocks[0].text == "- Tăng cường hợp tác"


def test_markdown_tables_become_cells_and_furniture() -> None:
    text = "| Chỉ tiêu | Kết quả |\n|---|---:|\n| Số đoàn vào | 25 |\n"
    blocks = blocks_from_text(text, "a.md")
    assert [(b.role, b.text) for b in blocks] == [
        (BlockRole.TABLE_CELL, "Chỉ tiêu | Kết quả"),
        (BlockRole.FURNITURE, "|---|---:|"),
        (BlockRole.TABLE_CELL, "Số đoàn vào | 25"),
    ]


def test_blank_lines_only_give_no_blocks() -> None:
    assert blocks_from_text("\n  \n\t\n", "x.txt") == []


# --- errors ----------------------------------------------------------------------------------


def test_a_binary_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "anh-chup.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")
    with pytest.raises(SourceError) as caught:
        read_blocks(path, "anh-chup.txt")
    assert caught.value.path == "anh-chup.txt"
    assert caught.value.reason.startswith("not a text file")
    assert str(caught.value) == "anh-chup.txt: not a text file (binary content)"


@pytest.mark.parametrize(
    "data",
    [
        b"Gr\xfc\xdfe aus K\xf6ln und M\xfcnchen",  # Latin-1 German
        "Tiếng Việt".encode()
        + b"\x81\x9f"
        + " tiếp theo".encode(),  # UTF-8 with undefined cp1258 bytes
        b"abc \xe9\xe8 def",
    ],
)
def test_invalid_utf8_that_is_not_vietnamese_is_refused(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "ban-cu.txt"
    path.write_bytes(data)
    with pytest.raises(SourceError) as caught:
        read_blocks(path, str(path))
    assert caught.value.path == str(path)
    assert "not UTF-8 text" in caught.value.reason
    assert str(path) in str(caught.value)


def test_decode_names_the_offset_of_the_bad_byte() -> None:
    with pytest.raises(SourceError, match=r"invalid byte at offset 4"):
        decode(b"abc \xe9\xe8 def", "a.txt")


@pytest.mark.parametrize("content", [b"", b"\n\n   \n", b"\xef\xbb\xbf", b"\xef\xbb\xbf\r\n\r\n"])
def test_an_empty_file_has_no_text(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "rong.txt"
    path.write_bytes(content)
    with pytest.raises(SourceError) as caught:
        read_blocks(path)
    assert str(caught.value) == f"{path}: no text found (empty file?)"


def test_read_blocks_returns_the_format_name(tmp_path: Path) -> None:
    path = tmp_path / "bai.md"
    path.write_text("# Tham luận\n\nNội dung chính của tham luận.\n", encoding="utf-8")
    fmt, blocks = read_blocks(path)
    assert fmt == "text"
    assert [b.provenance.source for b in blocks] == [str(path), str(path)]


def test_a_missing_file_is_a_source_error(tmp_path: Path) -> None:
    path = tmp_path / "khong-co.txt"
    with pytest.raises(SourceError) as caught:
        read_blocks(path)
    assert caught.value.path == str(path)
    assert caught.value.reason.startswith("cannot read file")
