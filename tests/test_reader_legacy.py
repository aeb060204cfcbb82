"""Legacy Vietnamese encodings: TCVN3 (ABC), VNI and VISCII, detected and converted.

The inverse tables below encode Unicode text the way the old fonts and code pages did, so
every letter can be round-tripped; the hand-checked samples pin the tables to the real
encodings.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from compiler.readers import legacy
from compiler.readers import text as text_reader
from compiler.readers.legacy import TCVN3, VISCII, VNI, convert, detect, detect_and_convert


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def letters() -> list[str]:
    """The 134 precomposed Vietnamese letters outside ASCII, lower case first."""
    result = ["đ"]
    for base in ("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"):
        result += [base] if not base.isascii() else []
        result += [nfc(base + tone) for tone in "\u0300\u0309\u0303\u0301\u0323"]
    return result + [letter.upper() for letter in result]


# --- inverse tables: Unicode -> legacy ----------------------------------------------------


def to_tcvn3(text: str) -> str:
    """TCVN3 glyph codes; a toned capital without a code of its own takes the lower-case
    code, as the .VnTimeH fonts drew capitals."""
    inverse = {letter: code for code, letter in legacy.TCVN3_TABLE.items()}
    return "".join(inverse.get(ch) or inverse.get(ch.lower()) or ch for ch in nfc(text))


def to_vni(text: str) -> str:
    """VNI: a base letter and a code for its marks; ơ, ư, đ, toned i and ỵ in one code."""
    single = {letter: code for code, letter in legacy.VNI_SINGLE.items()}
    inverse = dict(single)
    for (base, code), letter in legacy.VNI_MARKS.items():
        if base.islower() == code.islower():
            inverse[letter] = single.get(base, base) + code
    return "".join(inverse.get(ch, ch) for ch in nfc(text))


def to_viscii(text: str) -> bytes:
    inverse = {letter: byte for byte, letter in legacy.VISCII_TABLE.items()}
    return bytes(inverse[ch] if ch in inverse else ord(ch) for ch in nfc(text))


PARAGRAPHS = [
    "BÁO CÁO TỔNG KẾT CÔNG TÁC ĐỐI NGOẠI NĂM 2024",
    "Ủy ban nhân dân tỉnh đã chỉ đạo các sở, ngành tăng cường hợp tác quốc tế, "
    "thu hút vốn ODA và đầu tư trực tiếp nước ngoài.",
    "Ấn Độ và Nhật Bản là những đối tác quan trọng. Ở nhiều huyện miền núi, người dân "
    "được hưởng lợi từ các dự án nước sạch, y tế và giảm nghèo bền vững.",
    "Những khó khăn, vướng mắc: nguồn lực còn hạn chế; kỹ năng ngoại ngữ của đội ngũ "
    "cán bộ chưa đáp ứng yêu cầu hội nhập sâu rộng.",
]
TEXT = "\n".join(PARAGRAPHS) + "\n"


# --- hand-checked samples -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("legacy_text", "expected", "encoding"),
    [
        ("Tæng hîp", "Tổng hợp", TCVN3),
        ("ViÖt Nam", "Việt Nam", TCVN3),
        ("§èi ngo¹i", "Đối ngoại", TCVN3),
        ("B¸o c¸o cña TØnh ñy", "Báo cáo của Tỉnh ủy", TCVN3),
        ("ng\xadêi d©n, ®¶ng viªn", "người dân, đảng viên", TCVN3),
        ("Héi nghÞ hîp t¸c quèc tÕ", "Hội nghị hợp tác quốc tế", TCVN3),
        ("Vieät Nam", "Việt Nam", VNI),
        ("Ñoái ngoaïi", "Đối ngoại", VNI),
        ("Toång hôïp", "Tổng hợp", VNI),
        ("Hoäi nghò hôïp taùc quoác teá", "Hội nghị hợp tác quốc tế", VNI),
        ("ngöôøi daân, ñaûng vieân", "người dân, đảng viên", VNI),
        ("TÆNH UÛY QUAÛNG TRÒ", "TỈNH ỦY QUẢNG TRỊ", VNI),
    ],
)
def test_hand_checked_samples(legacy_text: str, expected: str, encoding: str) -> None:
    assert detect_and_convert(legacy_text) == (expected, encoding)


def test_hand_checked_viscii_bytes() -> None:
    # ệ 0xAE, ố 0xAF, đ 0xF0, ạ 0xD5, Đ 0xD0, Ỹ 0x19 (a C0 slot), ộ 0xB5
    data = b"Vi\xaet Nam \xf0\xafi ngo\xd5i, \xd0\xc0 N\x05NG, M\x19, h\xb5i ngh\xb8"
    assert legacy.decode_viscii(data) == "Việt Nam đối ngoại, ĐÀ NẴNG, MỸ, hội nghị"


# --- tables -------------------------------------------------------------------------------


def test_tables_cover_every_letter_once() -> None:
    everything = letters()
    assert len(everything) == 134
    assert sorted(legacy.VISCII_TABLE.values()) == sorted(everything)
    assert convert(" ".join(to_vni(ch) for ch in everything), VNI) == " ".join(everything)
    # TCVN3 codes 90 letters; the other 44 capitals share a lower-case code.
    tcvn3 = list(legacy.TCVN3_TABLE.values())
    assert len(tcvn3) == len(set(tcvn3)) == 90
    assert {ch.lower() for ch in everything} <= {ch.lower() for ch in tcvn3}


def test_tcvn3_round_trip_of_every_letter() -> None:
    lower = [ch for ch in letters() if ch.islower()]
    upper = [ch for ch in letters() if ch.isupper()]
    text = " ".join("ng" + ch for ch in lower) + "\n" + " ".join("NG" + ch for ch in upper)
    assert convert(to_tcvn3(text), TCVN3) == text


def test_viscii_round_trip_of_every_letter() -> None:
    text = " ".join(letters())
    assert legacy.decode_viscii(to_viscii(text)) == text


@pytest.mark.parametrize(("encode", "encoding"), [(to_tcvn3, TCVN3), (to_vni, VNI)])
def test_round_trip_of_a_paper(encode, encoding: str) -> None:
    assert detect_and_convert(encode(TEXT)) == (TEXT, encoding)


# --- capitals lost to the .VnTimeH fonts --------------------------------------------------


def test_tcvn3_capitals_restored_in_caps_words_and_sentence_starts() -> None:
    # As typed with .VnTimeH for the capitals: lower-case codes for Ổ, Ế, Ố, Ạ, Ủ, Ấ, Ở.
    legacy_text = "TæNG KÕT §èI NGO¹I\nñy ban ®· häp. Ên §é lµ ®èi t¸c. ë ®©y æn."
    assert convert(legacy_text, TCVN3) == (
        "TỔNG KẾT ĐỐI NGOẠI\nỦy ban đã họp. Ấn Độ là đối tác. Ở đây ổn."
    )


@pytest.mark.parametrize(
    ("legacy_text", "expected"),
    [
        ("Tõ n¨m 2020, tØnh ®· cã ®ñ c¬ së.", "Từ năm 2020, tỉnh đã có đủ cơ sở."),
        ("Hîp t¸c víi ASEAN vµ Mü ®­îc më réng.", "Hợp tác với ASEAN và Mỹ được mở rộng."),
        ("QUAN HÖ VíI ASEAN Vµ Mü", "QUAN HỆ VỚI ASEAN VÀ MỸ"),
        ("KÕt qu¶: ®· ký 12 v¨n b¶n.", "Kết quả: đã ký 12 văn bản."),
    ],
)
def test_tcvn3_capitals_follow_the_words_around(legacy_text: str, expected: str) -> None:
    assert convert(legacy_text, TCVN3) == expected


def test_tcvn3_wrapped_line_goes_on_in_lower_case() -> None:
    wrapped = (
        "Trong năm qua tỉnh đã tổ chức nhiều hoạt động đối ngoại và\n"
        "ủng hộ các sáng kiến hợp tác của địa phương bạn.\n"
    )
    assert convert(to_tcvn3(wrapped), TCVN3) == wrapped


# --- genuine text is never converted ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        TEXT,
        "Toàn tỉnh hoà nhập, khoá học quá tải; Huế và Thừa Thiên đón khách.",
        unicodedata.normalize("NFD", TEXT),
        "The delegation visited the café and the naïve résumé was reviewed in Zürich.",
        "Grüße aus Köln: die Straße ist schön, çà et là déjà vu.",
        "Tinh uy Quang Tri va cac dia phuong cua Lao",
        "© 2024 Cổng thông tin. Điều 5 § 2; nhãn ® và ½ số liệu.",
        "© 2024 Company. Section § 3, the ® mark, ½ of it; Il est allé à la côte.",
        "",
    ],
)
def test_genuine_text_is_left_alone(text: str) -> None:
    assert detect(text) is None
    assert detect_and_convert(text) == (text, None)


def test_score_tells_vietnamese_from_mojibake() -> None:
    assert legacy.score(TEXT).share == 1.0
    assert legacy.score(to_tcvn3(TEXT)).share < 0.5
    assert legacy.score("plain English only").words == 0
    assert not legacy.is_syllable("hờp")  # a stop final takes only sắc or nặng
    assert legacy.is_syllable("nghiệp") and legacy.is_syllable("khuyến")


# --- bytes that are not UTF-8 -------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (to_tcvn3(TEXT).encode("latin-1"), TCVN3),
        (to_vni(TEXT).encode("latin-1"), VNI),
        (to_viscii(TEXT), VISCII),
    ],
)
def test_legacy_bytes_are_decoded(data: bytes, encoding: str) -> None:
    assert legacy.decode_bytes(data) == (TEXT, encoding)


def test_windows_1258_bytes_are_still_recognised() -> None:
    data = _cp1258("Tiếng Việt của tỉnh Quảng Trị")
    assert legacy.decode_bytes(data) == ("Tiếng Việt của tỉnh Quảng Trị", legacy.CP1258)


def _cp1258(text: str) -> bytes:
    """Windows-1258: base letters precomposed (ê, ơ, ư …), tone marks combining."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = []
    for ch in nfc(text):
        parts = unicodedata.normalize("NFD", ch)
        base = nfc("".join(c for c in parts if c not in tones))
        out.append(base + "".join(c for c in parts if c in tones))
    return "".join(out).encode("cp1258")


@pytest.mark.parametrize(
    "data",
    [b"Gr\xfc\xdfe aus K\xf6ln und M\xfcnchen", b"\xa9 2024 Company \xae", b"caf\xe9 cr\xe8me"],
)
def test_bytes_that_read_as_nothing_are_refused(data: bytes) -> None:
    assert legacy.decode_bytes(data) is None


# --- through the text reader --------------------------------------------------------------

VISCII_TITLE = "HƯỚNG DẪN ĐẦU TƯ VÀO ĐÀ NẴNG: THẲNG TIẾN, HÀNG TỶ ĐỒNG TỪ MỸ NĂM TỴ"


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("tcvn3-utf8.txt", to_tcvn3(TEXT).encode("utf-8"), PARAGRAPHS),
        ("tcvn3-utf16.txt", to_tcvn3(TEXT).encode("utf-16"), PARAGRAPHS),
        ("tcvn3-bytes.txt", to_tcvn3(TEXT).encode("latin-1"), PARAGRAPHS),
        ("vni-utf8.txt", to_vni(TEXT).encode("utf-8"), PARAGRAPHS),
        ("vni-bytes.txt", to_vni(TEXT).encode("cp1252"), PARAGRAPHS),
        ("viscii.txt", to_viscii(VISCII_TITLE + "\n\n" + TEXT), [VISCII_TITLE, *PARAGRAPHS]),
    ],
)
def test_text_reader_converts_legacy_files(
    tmp_path: Path, name: str, data: bytes, expected: list[str]
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert [block.text for block in text_reader.read(path, name)] == expected


def test_the_document_records_the_encoding_it_came_in(tmp_path) -> None:
    from compiler.ingest import load_document
    from compiler.readers.legacy import TCVN3_TABLE

    sentence = "Tổng hợp tham luận của tỉnh Quảng Ninh về công tác đối ngoại và hội nhập quốc tế.\n"
    glyphs = {v: k for k, v in TCVN3_TABLE.items()}
    legacy_file = tmp_path / "cu.txt"
    legacy_file.write_text("".join(glyphs.get(ch, ch) for ch in sentence), encoding="utf-8")
    unicode_file = tmp_path / "moi.txt"
    unicode_file.write_text(sentence, encoding="utf-8")
    old, new = load_document(legacy_file), load_document(unicode_file)
    assert (old.encoding, new.encoding) == ("tcvn3", "utf-8")
    assert old.papers[0].sections[0].text == new.papers[0].sections[0].text == sentence.strip()


def test_a_vntime_word_document_is_converted(tmp_path) -> None:
    from compiler.ingest import load_document
    from compiler.readers.legacy import TCVN3_TABLE
    from tests.docx_builder import build_docx

    glyphs = {v: k for k, v in TCVN3_TABLE.items()}

    def vntime(text: str) -> str:
        return "".join(glyphs.get(ch, ch) for ch in text)

    path = tmp_path / "vntime.docx"
    build_docx(
        path,
        [
            ("title", vntime("THAM LUẬN CỦA TỈNH QUẢNG BÌNH")),
            ("body", vntime("Tỉnh ủy Quảng Bình")),
            ("heading1", vntime("Phương hướng, nhiệm vụ")),
            (
                "body",
                vntime("Thứ nhất, tăng cường đào tạo cán bộ làm công tác đối ngoại của tỉnh."),
            ),
            ("body", vntime("Thứ hai, đẩy mạnh quảng bá hình ảnh địa phương ra nước ngoài.")),
            ("heading1", vntime("Kiến nghị")),
            ("body", vntime("Đề nghị Bộ Ngoại giao hỗ trợ tỉnh mở lớp bồi dưỡng nghiệp vụ.")),
        ],
        heading_mode="styles",
    )
    document = load_document(path)
    assert document.encoding == "tcvn3"
    assert document.papers[0].province == "Quảng Bình"
    (section,) = [s for p in document.papers for s in p.sections if s.kind.value == "tasks"]
    assert [i.label for i in section.items] == ["Thứ nhất", "Thứ hai"]
    assert section.items[0].text == "tăng cường đào tạo cán bộ làm công tác đối ngoại của tỉnh."
