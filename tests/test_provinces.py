"""The province registry: the 2025 merger, aliases, finding names in text, author lines."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from compiler.provinces import (
    Era,
    Province,
    all_provinces,
    find_all,
    fold,
    from_author_line,
    lookup,
    predecessors,
    province_2025,
)

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def unit(name: str, era: Era | None = None) -> Province:
    province = lookup(name, era)
    assert province is not None, name
    return province


def names(text: str) -> list[str]:
    return [p.name for p, _, _ in find_all(text)]


# --- registry ------------------------------------------------------------------------------


def test_counts_before_and_after_the_merger() -> None:
    assert len(all_provinces("2024")) == 63
    assert len(all_provinces("2025")) == 34
    assert len({p.name for p in all_provinces("2024")}) == 63
    assert len({p.key for p in all_provinces("2024")}) == 63
    assert len({p.key for p in all_provinces("2025")}) == 34


def test_every_old_unit_maps_to_exactly_one_new_unit() -> None:
    new_names = {p.name for p in all_provinces("2025")}
    for old in all_provinces("2024"):
        assert old.successor in new_names
        assert province_2025(old).era == "2025"
    merged = [old for new in all_provinces("2025") for old in predecessors(new)]
    assert sorted(p.name for p in merged) == sorted(p.name for p in all_provinces("2024"))
    unchanged = [new for new in all_provinces("2025") if len(predecessors(new)) == 1]
    assert len(unchanged) == 11


def test_centrally_run_cities() -> None:
    cities_2024 = {p.name for p in all_provinces("2024") if p.is_city}
    cities_2025 = {p.name for p in all_provinces("2025") if p.is_city}
    assert cities_2024 == {"Hà Nội", "Hải Phòng", "Đà Nẵng", "Thành phố Hồ Chí Minh", "Cần Thơ"}
    assert cities_2025 == cities_2024 | {"Huế"}


def test_titles_say_tinh_or_thanh_pho() -> None:
    assert unit("Khánh Hòa").title == "Tỉnh Khánh Hòa"
    assert unit("Cần Thơ").title == "Thành phố Cần Thơ"
    assert unit("TP.HCM").title == "Thành phố Hồ Chí Minh"
    assert unit("Thừa Thiên Huế").title == "Tỉnh Thừa Thiên Huế"
    assert unit("Huế").title == "Thành phố Huế"


def test_display_names_are_nfc_in_document_spelling() -> None:
    for province in (*all_provinces("2024"), *all_provinces("2025")):
        assert unicodedata.is_normalized("NFC", province.name)
        assert province.key.isascii()
    old = {p.name for p in all_provinces("2024")}
    for name in ("Khánh Hòa", "Thanh Hóa", "Hòa Bình", "Thừa Thiên Huế", "Đắk Lắk", "Đắk Nông"):
        assert name in old
    assert {"Bà Rịa - Vũng Tàu", "Thành phố Hồ Chí Minh", "Bắc Kạn", "Kon Tum"} <= old


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Kiên Giang", "An Giang"),
        ("Quảng Nam", "Đà Nẵng"),
        ("Bình Dương", "Thành phố Hồ Chí Minh"),
        ("Bà Rịa - Vũng Tàu", "Thành phố Hồ Chí Minh"),
        ("Thừa Thiên Huế", "Huế"),
        ("Hà Giang", "Tuyên Quang"),
        ("Hà Tĩnh", "Hà Tĩnh"),
        ("Hòa Bình", "Phú Thọ"),
        ("Đắk Nông", "Lâm Đồng"),
        ("Trà Vinh", "Vĩnh Long"),
        ("Long An", "Tây Ninh"),
    ],
)
def test_successor_in_2025(old: str, new: str) -> None:
    province = lookup(old)
    assert province is not None and province.era == "2024"
    assert province.successor == new
    successor = province_2025(province)
    assert (successor.name, successor.era) == (new, "2025")
    assert province_2025(successor) is successor


# --- lookup --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("alias", "name"),
    [
        ("Khánh Hòa", "Khánh Hòa"),
        ("Khánh Hoà", "Khánh Hòa"),
        ("KHÁNH HOÀ", "Khánh Hòa"),
        ("Thanh Hoá", "Thanh Hóa"),
        ("Hoà Bình", "Hòa Bình"),
        ("TP. Hồ Chí Minh", "Thành phố Hồ Chí Minh"),
        ("TP Hồ Chí Minh", "Thành phố Hồ Chí Minh"),
        ("Thành phố Hồ Chí Minh", "Thành phố Hồ Chí Minh"),
        ("TP.HCM", "Thành phố Hồ Chí Minh"),
        ("TPHCM", "Thành phố Hồ Chí Minh"),
        ("TP. HCM", "Thành phố Hồ Chí Minh"),
        ("Đăk Lăk", "Đắk Lắk"),
        ("Dak Lak", "Đắk Lắk"),
        ("Đắc Lắc", "Đắk Lắk"),
        ("Đăk Nông", "Đắk Nông"),
        ("Bắc Cạn", "Bắc Kạn"),
        ("Kontum", "Kon Tum"),
        ("BR-VT", "Bà Rịa - Vũng Tàu"),
        ("Bà Rịa Vũng Tàu", "Bà Rịa - Vũng Tàu"),
        ("Bà Rịa – Vũng Tàu", "Bà Rịa - Vũng Tàu"),
        ("Thừa Thiên - Huế", "Thừa Thiên Huế"),
        ("Thừa Thiên Huế", "Thừa Thiên Huế"),
        ("Huế", "Huế"),
        ("Hà Nội", "Hà Nội"),
        ("tỉnh Kiên Giang", "Kiên Giang"),
        ("Tỉnh Lâm Đồng", "Lâm Đồng"),
        ("thành phố Đà Nẵng", "Đà Nẵng"),
        ("TP Cần Thơ", "Cần Thơ"),
        ("TP. Cần Thơ", "Cần Thơ"),
        ("Thành phố Huế", "Huế"),
        ("Ðà Nẵng", "Đà Nẵng"),  # U+00D0 from legacy converters
        ("  lạng   sơn ", "Lạng Sơn"),
        ("Khanh Hoa", "Khánh Hòa"),
        ("Ha Tinh", "Hà Tĩnh"),
        ("Hồ Chí Minh", "Thành phố Hồ Chí Minh"),  # an explicit name, unlike free text
    ],
)
def test_lookup_aliases(alias: str, name: str) -> None:
    province = lookup(alias)
    assert province is not None, alias
    assert province.name == name


@pytest.mark.parametrize(
    "text", ["", "Lào", "Việt Nam", "Quảng", "Thái Bình Dương", "Long", "Tỉnh", "Campuchia"]
)
def test_lookup_unknown_names(text: str) -> None:
    assert lookup(text) is None


def test_lookup_prefers_the_pre_2025_unit_unless_asked() -> None:
    assert unit("Khánh Hòa").era == "2024"
    assert unit("Khánh Hòa", "2025").era == "2025"
    assert unit("Huế").era == "2025"
    assert unit("Thừa Thiên Huế").era == "2024"
    assert lookup("Thừa Thiên Huế", era="2025") is None
    assert lookup("Kiên Giang", era="2025") is None


# --- find_all ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tỉnh Kiên Giang ký kết với TP.HCM và Khánh Hoà về du lịch.",
            ["Kiên Giang", "Thành phố Hồ Chí Minh", "Khánh Hòa"],
        ),
        ("Học tập và làm theo tư tưởng Hồ Chí Minh.", []),
        ("Chủ tịch Hồ Chí Minh đã dạy như vậy.", []),
        ("Tỉnh tăng cường hợp tác với Lào và Campuchia.", []),
        ("Cửa khẩu Lào Cai đón đoàn doanh nghiệp Lào.", ["Lào Cai"]),
        ("Vĩnh Long và Long An cùng phát triển.", ["Vĩnh Long", "Long An"]),
        ("Ông Vĩnh Long Anh phát biểu.", ["Vĩnh Long"]),
        ("Quảng Nam và Quảng Ninh", ["Quảng Nam", "Quảng Ninh"]),
        ("Liên kết khu vực châu Á - Thái Bình Dương.", []),
        ("Vì hòa bình, hợp tác và phát triển; Hoà bình là khát vọng.", []),
        ("Đoàn công tác của tỉnh Hòa Bình và Hòa Bình", ["Hòa Bình", "Hòa Bình"]),
        ("TỈNH THÁI BÌNH", ["Thái Bình"]),
        ("Thừa Thiên Huế và cố đô Huế", ["Thừa Thiên Huế", "Huế"]),
        ("Thừa Thiên - Huế", ["Thừa Thiên Huế"]),
        ("Tỉnh Bà Rịa-Vũng Tàu, BR-VT", ["Bà Rịa - Vũng Tàu", "Bà Rịa - Vũng Tàu"]),
        ("tại TP. Hồ Chí Minh, TP HCM và TPHCM", ["Thành phố Hồ Chí Minh"] * 3),
        ("Đắk Lắk, Đăk Lăk, Đắc Lắc", ["Đắk Lắk"] * 3),
        ("Khánh\nHòa", ["Khánh Hòa"]),
        ("Hà Nộii và xHà Nội", []),
        ("Chiến thắng Điện Biên Phủ; tỉnh Điện Biên", ["Điện Biên"]),
    ],
)
def test_find_all(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_find_all_offsets_slice_the_original_text() -> None:
    text = "Ngày 5/3, THÀNH UỶ ĐÀ NẴNG làm việc với Khánh Hoà, TP.HCM và Thừa Thiên - Huế."
    found = find_all(text)
    assert [text[start:end] for _, start, end in found] == [
        "ĐÀ NẴNG",
        "Khánh Hoà",
        "TP.HCM",
        "Thừa Thiên - Huế",
    ]
    assert [start for _, start, _ in found] == sorted(start for _, start, _ in found)


def test_find_all_offsets_on_decomposed_text() -> None:
    text = unicodedata.normalize("NFD", "Đoàn Khánh Hòa thăm Cần Thơ.")
    found = find_all(text)
    assert [p.name for p, _, _ in found] == ["Khánh Hòa", "Cần Thơ"]
    surfaces = [unicodedata.normalize("NFC", text[s:e]) for _, s, e in found]
    assert surfaces == ["Khánh Hòa", "Cần Thơ"]


def test_find_all_on_a_long_text() -> None:
    # Speed is measured in benchmarks/bench_read.py, not here.
    sentence = (
        "Tỉnh Kiên Giang tăng cường hợp tác với Khánh Hoà, Thừa Thiên Huế, TP.HCM và các "
        "địa phương của Lào, Campuchia trong khu vực châu Á - Thái Bình Dương vì hòa bình. "
    )
    text = sentence * (130_000 // len(sentence) + 1)
    found = find_all(text)
    assert len(found) == 4 * (130_000 // len(sentence) + 1)
    assert {p.name for p, _, _ in found} == {
        "Kiên Giang",
        "Khánh Hòa",
        "Thừa Thiên Huế",
        "Thành phố Hồ Chí Minh",
    }


def test_corpus_compilation_names_its_seven_provinces() -> None:
    path = CORPUS / "000_819b2faa9b76d63a.txt"
    if not path.exists():
        pytest.skip("shared corpus not available")
    found = {p.name for p, _, _ in find_all(path.read_text(encoding="utf-8"))}
    expected = {"Cần Thơ", "Đà Nẵng", "Hà Tĩnh", "Khánh Hòa", "Kiên Giang", "Lâm Đồng", "Lạng Sơn"}
    assert expected <= found
    assert "Thái Bình" not in found and "Hòa Bình" not in found


# --- author lines --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Tỉnh ủy Lâm Đồng", "Lâm Đồng"),
        ("Thành uỷ Đà Nẵng", "Đà Nẵng"),
        ("Tỉnh Hà Tĩnh", "Hà Tĩnh"),
        ("Thành phố Cần Thơ", "Cần Thơ"),
        ("UBND tỉnh Kiên Giang", "Kiên Giang"),
        ("Sở Ngoại vụ tỉnh Khánh Hòa", "Khánh Hòa"),
        ("Ủy ban nhân dân thành phố Hồ Chí Minh", "Thành phố Hồ Chí Minh"),
        ("Uỷ ban nhân dân Thành phố Đà Nẵng", "Đà Nẵng"),
        ("Sở Ngoại vụ TP.HCM", "Thành phố Hồ Chí Minh"),
        ("Ban Thường vụ Tỉnh ủy Lạng Sơn", "Lạng Sơn"),
        ("TỈNH ỦY KHÁNH HÒA", "Khánh Hòa"),
        ("**Tỉnh ủy Lâm Đồng**", "Lâm Đồng"),
        ("Tinh uy Lam Dong", "Lâm Đồng"),
        ("Tĩnh ủy Khánh Hoà", "Khánh Hòa"),
        ("Tinh Ha Tinh", "Hà Tĩnh"),
        ("Thành phố Huế", "Huế"),
    ],
)
def test_author_lines(line: str, name: str) -> None:
    province = from_author_line(line)
    assert province is not None, line
    assert province.name == name


@pytest.mark.parametrize(
    "line",
    [
        "Tỉnh ủy đã tập trung lãnh đạo, chỉ đạo các cấp, các ngành triển khai đồng bộ công tác "
        "đối ngoại, trong đó có việc tăng cường giao lưu với các địa phương của Lào.",
        "Tỉnh ủy đã tập trung lãnh đạo",
        "Thành phố sẽ tiếp tục mở rộng quan hệ hợp tác",
        "Tỉnh Hà Tĩnh có bờ biển dài",
        "Về cơ hội:",
        "Khánh Hòa",
        "",
        "Tỉnh " + "Lâm Đồng " * 12,
    ],
)
def test_not_author_lines(line: str) -> None:
    assert from_author_line(line) is None


# --- fold ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Khánh Hoà", "khánh hòa"),
        ("THANH HOÁ", "thanh hóa"),
        ("Thành uỷ", "thành ủy"),
        ("thuỷ sản", "thủy sản"),
        ("sức khoẻ", "sức khỏe"),
        ("quý", "quý"),  # "qu" + y: the tone stays on y
        ("hoàn thành", "hoàn thành"),  # a final consonant: already right
        ("ngoài", "ngoài"),
        ("Ðà Nẵng", "đà nẵng"),
    ],
)
def test_fold_examples(text: str, folded: str) -> None:
    assert fold(text) == folded


VIETNAMESE = st.text(
    alphabet=st.sampled_from(
        list("aăâeêioôơuưyđqhkAĂÂEÊIOÔƠUƯYĐÐQ .-\n")
        + ["\u0300", "\u0301", "\u0303", "\u0309", "\u0323", "ß", "İ"]
    )
)


@given(st.one_of(st.text(), VIETNAMESE))
def test_fold_is_idempotent_and_nfc(text: str) -> None:
    folded = fold(text)
    assert fold(folded) == folded
    assert unicodedata.is_normalized("NFC", folded)


@given(VIETNAMESE)
def test_fold_keeps_the_length_of_nfc_text(text: str) -> None:
    nfc = unicodedata.normalize("NFC", text)
    assert len(fold(nfc)) == len(nfc)


NAMES = ["Khánh Hoà", "TP.HCM", "Huế", "Thừa Thiên", "hòa bình", "Vĩnh Long", "Long An"]
TRAPS = ["Lào", "Cai", "Thái Bình", "Dương", "Hồ Chí Minh", "tỉnh", "x"]
GLUE = [" ", ", ", "-", "\n", "\u0301"]
FRAGMENTS = st.lists(st.sampled_from(NAMES + TRAPS + GLUE)).map("".join)


@given(FRAGMENTS)
def test_find_all_spans_are_ordered_disjoint_names(text: str) -> None:
    found = find_all(text)
    for (_, _, end), (_, start, _) in zip(found, found[1:], strict=False):
        assert end <= start
    for province, start, end in found:
        again = lookup(text[start:end])
        assert again is not None and again.successor == province.successor
