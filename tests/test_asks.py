"""Asks on our own test documents and hand-built papers: addressees (named, inherited from
the lead, the heading, the paragraph or the closing request), actions and themes."""

from __future__ import annotations

from pathlib import Path

import pytest

from compiler.asks import (
    ADDRESSEES,
    Ask,
    action_of,
    addressees_in,
    by_addressee,
    find_asks,
    paper_asks,
)
from compiler.ingest import load_document
from compiler.model import Block, Item, Paper, Provenance, Section, SectionKind

FIXTURES = Path(__file__).parent / "fixtures" / "figures"


@pytest.fixture(scope="module")
def fixture_asks() -> list[Ask]:
    documents = [
        load_document(FIXTURES / "binh-duong.md"),
        load_document(FIXTURES / "quang-binh.txt"),
    ]
    return find_asks(documents)


def test_every_proposal_item_of_the_test_documents(fixture_asks: list[Ask]) -> None:
    assert [
        (a.province, a.provenance.line_start, a.addressees, a.addressed_in, a.action)
        for a in fixture_asks
    ] == [
        ("Bình Dương", 12, ("Trung ương", "các bộ, ngành"), "heading", "hỗ trợ"),
        ("Bình Dương", 13, ("Trung ương", "các bộ, ngành"), "heading", "điều chỉnh"),
        # "đề xuất với Chính phủ Hàn Quốc" names a foreign government, no addressee
        ("Bình Dương", 14, ("Trung ương", "các bộ, ngành"), "heading", "hỗ trợ"),
        ("Quảng Bình", 33, ("Bộ Ngoại giao",), "lead", "hỗ trợ"),
        ("Quảng Bình", 35, ("Chính phủ", "Thủ tướng Chính phủ"), "item", "ban hành"),
        ("Quảng Bình", 37, ("Bộ Kế hoạch và Đầu tư", "Bộ Công Thương"), "item", "bổ sung"),
        ("Quảng Bình", 39, ("Quốc hội",), "item", "cho phép"),
    ]


def test_two_provinces_asking_the_same_share_a_theme(fixture_asks: list[Ask]) -> None:
    themed = [(a.province, a.provenance.line_start) for a in fixture_asks if a.theme]
    assert themed == [("Bình Dương", 12), ("Quảng Bình", 33)]
    assert fixture_asks[0].theme == fixture_asks[3].theme
    assert "kết nối" in (fixture_asks[0].theme or "")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tỉnh kính đề nghị Bộ Ngoại giao giới thiệu đối tác.", ("Bộ Ngoại giao",)),
        (
            "Trân trọng đề nghị Chính phủ và Thủ tướng Chính phủ quan tâm.",
            ("Chính phủ", "Thủ tướng Chính phủ"),
        ),
        ("Kiến nghị với Quốc hội sửa đổi luật.", ("Quốc hội",)),
        ("Đề xuất Trung ương sớm có cơ chế.", ("Trung ương",)),
        ("Đề nghị các bộ, ngành liên quan hướng dẫn.", ("các bộ, ngành",)),
        ("Đề nghị các bộ ngành Trung ương phối hợp.", ("các bộ, ngành",)),
        (
            "Kiến nghị Bộ KH&ĐT, Bộ Tài chính / Bộ Y tế bố trí vốn.",
            (
                "Bộ Kế hoạch và Đầu tư",
                "Bộ Tài chính",
                "Bộ Y tế",
            ),
        ),
        ("Đề nghị Bộ Văn hoá, Thể thao và Du lịch hỗ trợ.", ("Bộ Văn hóa, Thể thao và Du lịch",)),
        ("Đề nghị Chính phủ Nhật Bản tài trợ.", ()),  # a foreign government
        ("Trình Chính phủ hai nước xem xét; đề nghị UNESCO công nhận.", ()),
        ("Phối hợp với Bộ Công Thương tổ chức hội chợ.", ()),  # a partner, not an addressee
    ],
)
def test_addressees_named_after_a_request(text: str, expected: tuple[str, ...]) -> None:
    assert addressees_in(text) == expected


def test_addressees_an_item_opens_with_and_a_heading_names() -> None:
    assert addressees_in("Bộ Ngoại giao tiếp tục hỗ trợ tỉnh.", opening=True) == ("Bộ Ngoại giao",)
    assert addressees_in("Bộ Ngoại giao tiếp tục hỗ trợ tỉnh.") == ()
    heading = "Kiến nghị đối với Ban Bí thư, Bộ Chính trị"
    assert addressees_in(heading, towards=True) == ("Ban Bí thư", "Bộ Chính trị")
    assert addressees_in("IV. Đối với Bộ Công an", towards=True) == ("Bộ Công an",)


@pytest.mark.parametrize(
    ("text", "own", "expected"),
    [
        ("Tiếp tục quan tâm hỗ trợ tỉnh mở rộng thị trường.", False, "hỗ trợ"),
        ("Quan tâm đến đời sống người lao động ở nước ngoài.", False, "quan tâm"),
        ("Sớm ban hành nghị định về quản lý đoàn ra.", False, "ban hành"),
        ("Đề nghị Bộ Tài chính xem xét cho phép tỉnh giữ lại nguồn thu.", True, "cho phép"),
        ("Đề nghị tăng cường đào tạo cán bộ đối ngoại.", False, "tăng cường"),
        ("Về công tác người Việt Nam ở nước ngoài.", False, None),
    ],
)
def test_action_is_the_verb_the_ask_opens_with(text: str, own: bool, expected: str | None) -> None:
    assert action_of(text, own=own) == expected


def _block(text: str, line: int) -> Block:
    return Block(text, Provenance("made-up.txt", line, line))


def _item(text: str, line: int) -> Item:
    block = _block(text, line)
    return Item("-", text, text, block.provenance, [block])


def test_an_item_naming_no_one_takes_the_papers_closing_request() -> None:
    asks = [_item("Hỗ trợ tỉnh xây dựng cửa khẩu thông minh.", 10)]
    proposals = Section(
        SectionKind.PROPOSALS, "Kiến nghị", _block("", 9).provenance, [asks[0].paragraphs[0]], asks
    )
    closing_text = "Tỉnh Cao Bằng trân trọng đề nghị Bộ Ngoại giao và Bộ Quốc phòng quan tâm."
    closing = Section(
        SectionKind.OTHER, None, _block("", 12).provenance, [_block(closing_text, 12)]
    )
    paper = Paper("Cao Bằng", "Cao Bằng", _block("", 1).provenance, [proposals, closing])
    [ask] = paper_asks(paper)
    assert (ask.addressees, ask.addressed_in, ask.action) == (
        ("Bộ Ngoại giao", "Bộ Quốc phòng"),
        "closing",
        "hỗ trợ",
    )


def test_an_ask_naming_no_one_anywhere_has_no_addressee() -> None:
    asks = [_item("Nâng cấp cửa khẩu phụ thành cửa khẩu chính.", 5)]
    section = Section(
        SectionKind.PROPOSALS, None, asks[0].provenance, list(asks[0].paragraphs), asks
    )
    [ask] = paper_asks(Paper("Hà Giang", "Tuyên Quang", asks[0].provenance, [section]))
    assert (ask.addressees, ask.addressed_in, ask.action) == ((), "", "nâng cấp")


def test_a_lead_paragraph_gives_its_addressees_to_the_items_after_it() -> None:
    lead = _block("Tỉnh kiến nghị Bộ Công Thương một số nội dung sau:", 3)
    first, second = (
        _item("Mở thêm văn phòng xúc tiến thương mại.", 4),
        _item("Đề nghị Chính phủ cho phép thí điểm.", 5),
    )
    blocks = [lead, first.paragraphs[0], second.paragraphs[0]]
    section = Section(SectionKind.PROPOSALS, None, lead.provenance, blocks, [first, second])
    asks = paper_asks(Paper("Lào Cai", "Lào Cai", lead.provenance, [section]))
    assert [(a.addressees, a.addressed_in) for a in asks] == [
        (("Bộ Công Thương",), "lead"),
        (("Chính phủ",), "item"),
    ]


def test_asks_grouped_by_addressee(fixture_asks: list[Ask]) -> None:
    loose = Ask("Hà Giang", (), "hỗ trợ", None, "…", Provenance("x.txt", 1, 1), "")
    groups = by_addressee([*fixture_asks, loose])
    names = [name for name, _ in groups]
    assert names == [
        "Bộ Ngoại giao",
        "Chính phủ",
        "Thủ tướng Chính phủ",
        "Quốc hội",
        "Trung ương",
        "các bộ, ngành",
        "Bộ Công Thương",
        "Bộ Kế hoạch và Đầu tư",
        None,
    ]
    assert names[:-1] == [n for n in ADDRESSEES if n in names]
    assert [len(listed) for _, listed in groups] == [1, 1, 1, 1, 3, 3, 1, 1, 1]


def test_themes_found_for_a_pack_are_reused(fixture_asks: list[Ask]) -> None:
    from compiler import align

    documents = [
        load_document(FIXTURES / "binh-duong.md"),
        load_document(FIXTURES / "quang-binh.txt"),
    ]
    found = align.themes(documents, [SectionKind.TASKS, SectionKind.PROPOSALS])
    reused = find_asks(documents, found)
    assert [(a.addressees, a.action, a.theme) for a in reused] == [
        (a.addressees, a.action, a.theme) for a in fixture_asks
    ]
    assert [a.theme for a in find_asks(documents, [])] == [None] * len(reused)
