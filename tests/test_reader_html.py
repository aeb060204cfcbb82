"""The HTML reader: block elements in order, lists, tables, bold, page furniture left out,
charsets and legacy fonts, and an article page segmented into per-province papers."""

from __future__ import annotations

from pathlib import Path

import pytest

from compiler.errors import SourceError
from compiler.ingest import load_document
from compiler.model import Block, BlockRole, SectionKind
from compiler.readers import html as html_reader
from compiler.readers import read_blocks
from tests.conservation import first_difference

K = SectionKind

HEADLINE = "Các địa phương miền Trung đẩy mạnh hợp tác quốc tế"
LEAD = "Nhiều tỉnh miền Trung đã chủ động mở rộng quan hệ với đối tác nước ngoài năm 2024."
MEETING = "Tại hội nghị tổng kết, đại diện các tỉnh chia sẻ kinh nghiệm thu hút đầu tư."
QUANG_NAM = (
    "Tỉnh Quảng Nam đã ký biên bản ghi nhớ với tỉnh Gyeonggi về đào tạo nguồn nhân lực. "
    "Bên cạnh đó, tỉnh đón hơn hai triệu lượt khách quốc tế."
)
DA_NANG = "Thành phố Đà Nẵng tổ chức thành công Lễ hội pháo hoa quốc tế, thu hút đông du khách."
TASKS = "Các nhiệm vụ trọng tâm năm tới gồm:"
STEPS = [
    "Hoàn thiện cơ chế phối hợp giữa các sở, ngành.",
    "Đẩy mạnh xúc tiến đầu tư tại các thị trường trọng điểm.",
]

ARTICLE = f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>Báo Điện tử – Tin địa phương</title>
<style>.menu {{ color: red }}</style><script>var muc = "Trang chủ";</script></head>
<body>
<header><div class="logo">Báo Điện tử Đối ngoại</div>
<ul class="main-menu"><li><a href="/">Trang chủ</a><li><a href="/thoi-su">Thời sự</a></ul>
</header>
<nav><a href="/kinh-te">Kinh tế</a> | <a href="/van-hoa">Văn hóa</a></nav>
<div id="breadcrumb">Trang chủ › Địa phương</div>
<div class="topMenu">Đăng nhập</div>
<main><article>
<h1>{HEADLINE}</h1>
<p class="sapo"><strong>{LEAD}</strong></p>
<p>{MEETING}</p>
<p>Tỉnh Quảng Nam đã ký biên bản ghi nhớ với tỉnh Gyeonggi về đào tạo nguồn nhân lực.<br>
Bên cạnh đó, tỉnh đón hơn hai triệu lượt khách quốc tế.
<p>{DA_NANG}</p>
<p>{TASKS}
<ol><li>{STEPS[0]}</li>
<li>{STEPS[1]}
</ol>
<aside><h3>Tin liên quan</h3><ul><li>Quảng Ngãi đón đoàn doanh nghiệp Nhật Bản</ul></aside>
<div class="share-buttons">Chia sẻ lên mạng xã hội</div>
<div class="related-news"><a href="/x">Khánh Hòa đón tàu du lịch quốc tế</a></div>
<p hidden>Nội dung ẩn của biên tập viên</p>
<p style="display: none">Bản nháp chưa duyệt</p>
<div aria-hidden="true">Quảng cáo</div>
<div role="navigation">Bài trước · Bài sau</div>
<form><label>Bình luận</label><textarea>Ý kiến bạn đọc</textarea></form>
<noscript>Bật JavaScript để xem video</noscript>
</article></main>
<footer>© Báo Điện tử Đối ngoại. Địa chỉ: Hà Nội</footer>
</body></html>"""
JUNK = [
    "Trang chủ",
    "Thời sự",
    "Kinh tế",
    "Đăng nhập",
    "Tin liên quan",
    "Quảng Ngãi",
    "Chia sẻ",
    "Khánh Hòa",
    "Nội dung ẩn",
    "Bản nháp",
    "Quảng cáo",
    "Bài trước",
    "Bình luận",
    "Ý kiến",
    "JavaScript",
    "Địa chỉ",
    "Báo Điện tử",
    "var muc",
    "color",
]


def write(tmp_path: Path, html: str, name: str = "bai-bao.html", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(html.encode(encoding))
    return path


def read(path: Path) -> list[Block]:
    return html_reader.read(path, path.name)


def body(html: str) -> str:
    return f"<html><body>{html}</body></html>"


def test_module_contract() -> None:
    assert html_reader.FORMAT == "html"
    assert sorted(html_reader.SUFFIXES) == [".htm", ".html"]


def test_article_blocks(tmp_path: Path) -> None:
    blocks = read(write(tmp_path, ARTICLE))
    assert [(b.text, b.role, b.heading_level, b.bold, b.list_label) for b in blocks] == [
        (HEADLINE, BlockRole.HEADING, 1, False, None),
        (LEAD, BlockRole.BODY, None, True, None),
        (MEETING, BlockRole.BODY, None, False, None),
        (QUANG_NAM, BlockRole.BODY, None, False, None),
        (DA_NANG, BlockRole.BODY, None, False, None),
        (TASKS, BlockRole.BODY, None, False, None),
        (STEPS[0], BlockRole.LIST_ITEM, None, False, "1."),
        (STEPS[1], BlockRole.LIST_ITEM, None, False, "2."),
    ]
    assert [(b.provenance.paragraph_start, b.provenance.paragraph_end) for b in blocks] == [
        (n, n) for n in range(1, 9)
    ]
    assert {b.provenance.source for b in blocks} == {"bai-bao.html"}
    assert blocks[3].provenance.describe() == "bai-bao.html ¶4"


def test_no_page_furniture_gets_in(tmp_path: Path) -> None:
    text = "\n".join(b.text for b in read(write(tmp_path, ARTICLE)))
    assert [junk for junk in JUNK if junk in text] == []


def test_article_is_split_by_province(tmp_path: Path) -> None:
    path = write(tmp_path, ARTICLE)
    document = load_document(path)

    assert document.format == "html"
    assert [p.province for p in document.papers] == [None, "Quảng Nam", "Đà Nẵng"]
    general, quang_nam, da_nang = document.papers
    assert general.title == HEADLINE
    # Kinds come from the wording: the list introduced by "Các nhiệm vụ … gồm:" is tasks.
    tasks = general.section(K.TASKS)
    assert [(s.heading, [(i.label, i.text) for i in s.items]) for s in tasks] == [
        (TASKS, [("1.", STEPS[0]), ("2.", STEPS[1])])
    ]
    assert {s.kind_from.value for s in general.sections} <= {"wording", "heading"}
    assert "\n".join(s.text for s in general.sections) == "\n".join([LEAD, MEETING, *STEPS])
    assert [(s.kind, s.text) for s in quang_nam.sections] == [(K.ACHIEVEMENTS, QUANG_NAM)]
    assert [(s.kind, s.text) for s in da_nang.sections] == [(K.ACHIEVEMENTS, DA_NANG)]
    assert da_nang.provenance.describe() == "bai-bao.html ¶5"
    _, blocks = read_blocks(path, str(path))
    assert first_difference(document, blocks) is None


def test_lists(tmp_path: Path) -> None:
    html = body(
        "<ol start=3><li>Ba<li>Bốn<li value=9>Chín<li>Mười</ol>"
        "<ol type=a><li>Một<li>Hai</ol><ol type=I><li>Một<li>Hai<li>Ba<li>Bốn</ol>"
        "<ol reversed start=2><li>Hai<li>Một</ol><ol reversed><li>Ba<li>Hai<li>Một</ol>"
        "<ul><li>Ý chính<ul><li>Ý phụ</li></ul>phần còn lại</li></ul><li>Ngoài danh sách"
    )
    blocks = read(write(tmp_path, html))
    assert [(b.list_label, b.text, b.role) for b in blocks] == [
        ("3.", "Ba", BlockRole.LIST_ITEM),
        ("4.", "Bốn", BlockRole.LIST_ITEM),
        ("9.", "Chín", BlockRole.LIST_ITEM),
        ("10.", "Mười", BlockRole.LIST_ITEM),
        ("a.", "Một", BlockRole.LIST_ITEM),
        ("b.", "Hai", BlockRole.LIST_ITEM),
        ("I.", "Một", BlockRole.LIST_ITEM),
        ("II.", "Hai", BlockRole.LIST_ITEM),
        ("III.", "Ba", BlockRole.LIST_ITEM),
        ("IV.", "Bốn", BlockRole.LIST_ITEM),
        ("2.", "Hai", BlockRole.LIST_ITEM),
        ("1.", "Một", BlockRole.LIST_ITEM),
        ("3.", "Ba", BlockRole.LIST_ITEM),
        ("2.", "Hai", BlockRole.LIST_ITEM),
        ("1.", "Một", BlockRole.LIST_ITEM),
        ("-", "Ý chính", BlockRole.LIST_ITEM),
        ("-", "Ý phụ", BlockRole.LIST_ITEM),
        (None, "phần còn lại", BlockRole.BODY),
        ("-", "Ngoài danh sách", BlockRole.LIST_ITEM),
    ]


def test_headings_breaks_quotes_and_pre(tmp_path: Path) -> None:
    html = body(
        "<article><header><h2>Kết quả <em>nổi bật</em></h2></header><h3>Chi tiết<h4>Thêm</h4>"
        "<div>Dòng một<br>dòng hai<br><br>Đoạn mới<div>Đoạn con</div>phần sau</div>"
        "<blockquote>Trích dẫn phát biểu</blockquote><pre>Số liệu\n  năm 2024</pre>"
        "<p>Tỉnh&nbsp;ủy &amp; HĐND</p><hr><p>  </p></article>"
    )
    blocks = read(write(tmp_path, html))
    assert [(b.text, b.role, b.heading_level) for b in blocks] == [
        ("Kết quả nổi bật", BlockRole.HEADING, 2),
        ("Chi tiết", BlockRole.HEADING, 3),
        ("Thêm", BlockRole.HEADING, 4),
        ("Dòng một dòng hai", BlockRole.BODY, None),
        ("Đoạn mới", BlockRole.BODY, None),
        ("Đoạn con", BlockRole.BODY, None),
        ("phần sau", BlockRole.BODY, None),
        ("Trích dẫn phát biểu", BlockRole.BODY, None),
        ("Số liệu năm 2024", BlockRole.BODY, None),
        ("Tỉnh ủy & HĐND", BlockRole.BODY, None),
    ]


def test_bold_paragraphs(tmp_path: Path) -> None:
    html = body(
        "<p><b>Toàn bộ đậm</b></p><p><strong>Phần</strong> đậm một nửa</p>"
        "<p><span style='font-weight: 700'>Kiểu</span> <b>đậm</b></p>"
        "<h2>Tiêu đề thường</h2>"
    )
    blocks = read(write(tmp_path, html))
    assert [(b.text, b.bold) for b in blocks] == [
        ("Toàn bộ đậm", True),
        ("Phần đậm một nửa", False),
        ("Kiểu đậm", True),
        ("Tiêu đề thường", False),
    ]


def test_tables(tmp_path: Path) -> None:
    html = body(
        "<table><tr><th>Chỉ tiêu<th>Kết quả<tr><td>Vốn FDI<td><p>1,2 tỷ USD</p></table>"
        "<table><tr><td><h2>Bài viết</h2><p>Đoạn một.</p><p>Đoạn hai.</p><p>Đoạn ba.</p>"
        "<td>Cột bên</table>"
    )
    blocks = read(write(tmp_path, html))
    assert [(b.text, b.role) for b in blocks] == [
        ("Chỉ tiêu", BlockRole.TABLE_CELL),
        ("Kết quả", BlockRole.TABLE_CELL),
        ("Vốn FDI", BlockRole.TABLE_CELL),
        ("1,2 tỷ USD", BlockRole.TABLE_CELL),
        ("Bài viết", BlockRole.HEADING),  # a layout cell: its paragraphs are body text
        ("Đoạn một.", BlockRole.BODY),
        ("Đoạn hai.", BlockRole.BODY),
        ("Đoạn ba.", BlockRole.BODY),
        ("Cột bên", BlockRole.TABLE_CELL),
    ]


# --- decoding -----------------------------------------------------------------------------

SENTENCE = "Tỉnh ủy Quảng Trị đẩy mạnh hợp tác với các tỉnh của Lào."


def cp1258(text: str) -> bytes:
    """Windows-1258 bytes: base letters precomposed, tone marks combining."""
    import unicodedata

    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out.append(base + "".join(c for c in parts if c in tones))
    return "".join(out).encode("cp1258")


@pytest.mark.parametrize(
    "data",
    [
        body(f"<p>{SENTENCE}</p>").encode(),
        b"\xef\xbb\xbf" + body(f"<p>{SENTENCE}</p>").encode(),
        body(f"<p>{SENTENCE}</p>").encode("utf-16"),
        b'<meta charset="windows-1258">' + cp1258(body(f"<p>{SENTENCE}</p>")),
        # Declared Western, saved as UTF-8: a common mistake.
        b'<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
        + body(f"<p>{SENTENCE}</p>").encode(),
        # An old page set in .VnTime: TCVN3 codes declared as Western.
        b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
        + body("<p>TØnh ñy Qu¶ng TrÞ ®Èy m¹nh hîp t¸c víi c¸c tØnh cña Lµo.</p>").encode("cp1252"),
        # ỉ EF, ủ FC, ả E4, ị B8, đ F0, ẩ A6, ạ D5, ợ FE, á E1, ớ BE, à E0
        b'<meta charset="VISCII"><p>T\xefnh \xfcy Qu\xe4ng Tr\xb8 \xf0\xa6y m\xd5nh'
        b" h\xfep t\xe1c v\xbei c\xe1c t\xefnh c\xfca L\xe0o.</p>",
    ],
    ids=["utf-8", "bom", "utf-16", "cp1258", "latin-1-label", "tcvn3", "viscii"],
)
def test_charsets(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "trang.htm"
    path.write_bytes(data)
    assert [b.text for b in read(path)] == [SENTENCE]


# --- nothing to read ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "html",
    ["", "<html><head><title>Tiêu đề</title></head><body></body></html>", body("<nav>Menu</nav>")],
)
def test_page_without_text(tmp_path: Path, html: str) -> None:
    path = write(tmp_path, html, name="trong.html")
    with pytest.raises(SourceError) as caught:
        read_blocks(path, path.name)
    assert str(caught.value) == "trong.html: no text found (empty file?)"
