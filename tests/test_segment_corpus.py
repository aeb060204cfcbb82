"""Segmentation of the real conference compilation and news articles (shared corpus)."""

from __future__ import annotations

import pytest

from compiler.ingest import load_document
from compiler.model import BlockRole, Document, SectionKind
from tests.corpus import (
    COMPILATION,
    INTERVIEW_2023,
    ITEM_COUNTS,
    NEWS_2019,
    PROVINCES,
    corpus_file,
    expected_kind,
)


@pytest.fixture(scope="module")
def compilation() -> Document:
    return load_document(corpus_file(COMPILATION))


def paper(document: Document, province: str):
    return next(p for p in document.papers if p.province == province)


def test_seven_papers_with_their_provinces(compilation: Document) -> None:
    assert [p.province for p in compilation.papers] == PROVINCES
    assert paper(compilation, "Kiên Giang").province_2025 == "An Giang"
    assert paper(compilation, "Đà Nẵng").author == "Thành uỷ Đà Nẵng"
    assert paper(compilation, "Lâm Đồng").title.startswith("KẾT HỢP SỨC MẠNH DÂN TỘC")


def test_sections_agree_with_an_expert_reading(compilation: Document) -> None:
    agree = total = 0
    disagreements = []
    for p in compilation.papers:
        for section in p.sections:
            for block in section.paragraphs:
                line = block.provenance.line_start
                total += 1
                if expected_kind(p.province, line) == section.kind.value:
                    agree += 1
                else:
                    disagreements.append((p.province, line, section.kind.value))
    assert total >= 200
    assert agree / total >= 0.95, disagreements


@pytest.mark.parametrize(("province", "kind"), sorted(ITEM_COUNTS))
def test_item_counts_of_enumerated_sections(
    compilation: Document, province: str, kind: str
) -> None:
    items = paper(compilation, province).items(SectionKind(kind))
    assert len(items) == ITEM_COUNTS[(province, kind)], [i.label for i in items]


def test_labels_are_kept_apart_from_the_text(compilation: Document) -> None:
    can_tho = paper(compilation, "Cần Thơ").items(SectionKind.TASKS)
    assert [i.label for i in can_tho] == [
        "Thứ nhất",
        "Thứ hai",
        "Thứ ba",
        "Thứ tư",
        "Thứ năm",
        "Thứ sáu",
    ]
    assert can_tho[0].text.startswith("tiếp tục quán triệt")
    lang_son = paper(compilation, "Lạng Sơn").items(SectionKind.TASKS)
    assert [i.label for i in lang_son] == ["3.1-", "3.2-", "3.3-", "3.4-", "3.5-", "3.6-"]
    assert lang_son[2].title == "Hỗ trợ chuyển đổi mô hình phát triển"
    da_nang = paper(compilation, "Đà Nẵng")
    assert [i.label for i in da_nang.items(SectionKind.PROPOSALS)] == [
        "4.1.",
        "4.2.",
        "4.3.",
        "4.4.",
        "4.5.",
    ]
    assert da_nang.items(SectionKind.TASKS)[2].title == "tăng cường công tác ngoại giao kinh tế"
    kien_giang = paper(compilation, "Kiên Giang").items(SectionKind.OPPORTUNITIES)
    assert [i.label for i in kien_giang] == [
        "Một là",
        "Hai là",
        "Ba là",
        "Bốn là",
        "Năm là",
        "Sáu là",
    ]
    lam_dong = paper(compilation, "Lâm Đồng").items(SectionKind.CHALLENGES)
    assert {i.label for i in lam_dong} == {"-"}


def test_items_span_several_paragraphs(compilation: Document) -> None:
    first = paper(compilation, "Đà Nẵng").items(SectionKind.TASKS)[0]
    assert (first.provenance.line_start, first.provenance.line_end) == (105, 109)
    assert len(first.paragraphs) == 3
    assert first.text.count("\n") == 2


def test_compound_heading_hands_over_to_its_sub_headings(compilation: Document) -> None:
    khanh_hoa = paper(compilation, "Khánh Hòa")
    opportunities = khanh_hoa.section(SectionKind.OPPORTUNITIES)[0]
    assert opportunities.heading == "3.1. Về cơ hội"
    assert opportunities.heading_blocks[0].text.startswith("3. Cơ hội, thách thức")
    assert khanh_hoa.section(SectionKind.CHALLENGES)[0].heading == "3.2. Thách thức"


def test_run_in_heading_is_split_from_its_paragraph(compilation: Document) -> None:
    achievements = paper(compilation, "Lạng Sơn").section(SectionKind.ACHIEVEMENTS)[0]
    assert achievements.heading == "1. Về những thành tựu đạt được trong những năm qua, đó là:"
    assert achievements.paragraphs[0].text.startswith("Tỉnh ủy đã tập trung lãnh đạo")


def test_sections_opened_by_opening_phrases(compilation: Document) -> None:
    lam_dong = paper(compilation, "Lâm Đồng").section(SectionKind.CHALLENGES)[0]
    assert lam_dong.heading is None
    assert lam_dong.paragraphs[0].text.startswith("Tuy nhiên, bên cạnh những kết quả")
    lang_son = paper(compilation, "Lạng Sơn").section(SectionKind.PROPOSALS)[0]
    assert "trân trọng đề nghị Bộ Ngoại giao" in lang_son.text


def test_page_break_splits_are_rejoined_and_footnotes_set_apart(compilation: Document) -> None:
    achievements = paper(compilation, "Đà Nẵng").section(SectionKind.ACHIEVEMENTS)[0]
    joined = next(b for b in achievements.paragraphs if b.provenance.line_start == 89)
    assert joined.provenance.line_end == 93  # the footnote on line 91 sat in between
    assert [f.provenance.line_start for f in compilation.footnotes] == [91, 408, 428, 462]
    assert all(f.role == BlockRole.FOOTNOTE for f in compilation.footnotes)
    context = paper(compilation, "Đà Nẵng").section(SectionKind.CONTEXT)[0]
    assert "quan trọng. Đà Nẵng đã khẳng định" in context.text  # marker ⁽¹⁾ cut out
    assert "⁽" not in "".join(s.text for p in compilation.papers for s in p.sections)
    assert "6.000 km²" in paper(compilation, "Hà Tĩnh").sections[0].text  # a unit, not a marker


def test_every_body_paragraph_is_accounted_for_once(compilation: Document) -> None:
    from tests.conservation import unaccounted_lines

    assert unaccounted_lines(compilation, COMPILATION) == []


def test_news_article_provinces_become_papers() -> None:
    document = load_document(corpus_file(NEWS_2019))
    provinces = [p.province for p in document.papers]
    assert provinces[0] is None  # the article's general part
    assert set(provinces[1:]) == {"Thành phố Hồ Chí Minh", "Đà Nẵng", "Yên Bái", "Quảng Ninh"}
    yen_bai = next(p for p in document.papers if p.province == "Yên Bái")
    assert yen_bai.province_2025 == "Lào Cai"
    assert "Val-de-Marne" in yen_bai.sections[0].text


def test_interview_reads_without_inventing_a_province() -> None:
    document = load_document(corpus_file(INTERVIEW_2023))
    assert document.genre.value == "interview"
    assert [p.province for p in document.papers] == [None]
    sections = document.papers[0].sections
    # Each question heads the section of its answer; its "Thứ nhất … Thứ ba" stay together.
    asked = [s for s in sections if s.kind_from.value == "question"]
    assert len(asked) == 3
    assert all(s.heading and s.heading.endswith("?") for s in asked)
    listed = [s for s in sections if any(i.label for i in s.items)]
    assert [[i.label for i in s.items if i.label] for s in listed] == [
        ["Thứ nhất", "Thứ hai", "Thứ ba"]
    ]
    # The timestamp, the follow line and the comment counter are furniture, not content.
    assert {"17/12/2023 22:29", "(0) Bình luận"} <= {b.text for b in document.furniture}
