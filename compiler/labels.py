"""Every word a report shows that does not come from the papers, in one place.

Reports are Vietnamese by default; the English set lets the same report be produced in
English (``--language en``). All strings are NFC.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from compiler.model import SectionKind

K = SectionKind


@dataclass(frozen=True, slots=True)
class Labels:
    kinds: dict[SectionKind, str]
    default_title: str
    comparison_title: str  # "{left} và {right}"
    changes_title: str  # "{province}: {left} → {right}"
    date_line: str  # format with day, month, year
    provinces_line: str  # "{provinces}"
    sources_line: str  # "{sources}"
    contents: str
    overview: str
    overview_caption: str
    province: str
    unit_2025: str
    shared_themes: str
    theme: str
    raised_by: str
    representative: str
    no_themes: str
    by_province: str
    unique_mark: str
    no_items: str
    annex: str
    source: str
    papers: str
    lines: str
    paragraphs_word: str
    pages_word: str
    score: str
    only_in: str  # "{side}"
    pairs_caption: str  # "{kind}"
    change_status: dict[str, str]
    status: str
    none: str
    general_part: str
    figure_categories: dict[str, str]  # figure_cues.CATEGORIES → heading of its column/row
    no_addressee: str  # asks that name no addressee


VI = Labels(
    kinds={
        K.CONTEXT: "Bối cảnh, tình hình",
        K.ACHIEVEMENTS: "Kết quả đạt được",
        K.OPPORTUNITIES: "Cơ hội, thời cơ",
        K.CHALLENGES: "Khó khăn, thách thức",
        K.TASKS: "Phương hướng, nhiệm vụ",
        K.PROPOSALS: "Kiến nghị, đề xuất",
        K.LESSONS: "Bài học kinh nghiệm",
        K.OTHER: "Nội dung khác",
    },
    default_title="Tổng hợp tham luận của các tỉnh, thành phố",
    comparison_title="So sánh tham luận: {left} và {right}",
    changes_title="{province}: những thay đổi giữa {left} và {right}",
    date_line="Ngày {day:02d} tháng {month:02d} năm {year}",
    provinces_line="Các tỉnh, thành phố: {provinces}",
    sources_line="Nguồn: {sources}",
    contents="Mục lục",
    overview="Tổng quan",
    overview_caption="Bảng 1. Số nội dung theo từng phần của mỗi tham luận",
    province="Tỉnh, thành phố",
    unit_2025="Đơn vị sau sáp nhập (2025)",
    shared_themes="Các vấn đề nhiều địa phương cùng nêu",
    theme="Vấn đề",
    raised_by="Địa phương nêu",
    representative="Cách diễn đạt của từng địa phương",
    no_themes="Không có vấn đề nào được từ hai địa phương trở lên cùng nêu.",
    by_province="Nội dung của từng địa phương",
    unique_mark="[riêng địa phương]",
    no_items="Tham luận không có phần này.",
    annex="Phụ lục: nguồn tài liệu",
    source="Tệp nguồn",
    papers="Tham luận",
    lines="dòng",
    paragraphs_word="đoạn",
    pages_word="trang",
    score="Mức tương đồng",
    only_in="Chỉ có ở {side}",
    pairs_caption="Các nội dung tương ứng: {kind}",
    change_status={
        "unchanged": "Giữ nguyên",
        "reworded": "Điều chỉnh",
        "new": "Mới",
        "dropped": "Không còn",
    },
    status="Tình trạng",
    none="—",
    general_part="Phần chung",
    figure_categories={
        "partner_localities": "Địa phương nước ngoài có quan hệ hợp tác",
        "partner_countries": "Quốc gia, vùng lãnh thổ có quan hệ hợp tác",
        "agreements": "Thỏa thuận quốc tế",
        "delegations": "Đoàn quốc tế",
        "events": "Hội nghị, sự kiện quốc tế",
        "fdi_projects": "Dự án FDI",
        "fdi_capital": "Vốn FDI",
        "oda": "ODA",
        "ngo_aid": "Viện trợ phi chính phủ nước ngoài",
        "trade": "Xuất nhập khẩu",
        "remittances": "Kiều hối",
        "enterprises": "Doanh nghiệp",
        "other": "Số liệu khác",
    },
    no_addressee="Không nêu cơ quan",
)

EN = Labels(
    kinds={
        K.CONTEXT: "Context",
        K.ACHIEVEMENTS: "Achievements",
        K.OPPORTUNITIES: "Opportunities",
        K.CHALLENGES: "Challenges",
        K.TASKS: "Tasks",
        K.PROPOSALS: "Proposals",
        K.LESSONS: "Lessons learned",
        K.OTHER: "Other",
    },
    default_title="Provincial papers: consolidated briefing",
    comparison_title="Comparison: {left} and {right}",
    changes_title="{province}: changes between {left} and {right}",
    date_line="{year}-{month:02d}-{day:02d}",
    provinces_line="Provinces: {provinces}",
    sources_line="Sources: {sources}",
    contents="Contents",
    overview="Overview",
    overview_caption="Table 1. Items per section of each paper",
    province="Province",
    unit_2025="Unit after the 2025 merger",
    shared_themes="Themes several provinces share",
    theme="Theme",
    raised_by="Raised by",
    representative="How each province words it",
    no_themes="No theme is raised by two provinces or more.",
    by_province="Each province's items",
    unique_mark="[this province only]",
    no_items="The paper has no such section.",
    annex="Annex: sources",
    source="Source file",
    papers="Papers",
    lines="lines",
    paragraphs_word="paragraphs",
    pages_word="pages",
    score="Similarity",
    only_in="Only in {side}",
    pairs_caption="Corresponding items: {kind}",
    change_status={
        "unchanged": "Unchanged",
        "reworded": "Reworded",
        "new": "New",
        "dropped": "Dropped",
    },
    status="Status",
    none="—",
    general_part="General part",
    figure_categories={
        "partner_localities": "Partner localities",
        "partner_countries": "Partner countries",
        "agreements": "Agreements",
        "delegations": "Delegations",
        "events": "International events",
        "fdi_projects": "FDI projects",
        "fdi_capital": "FDI capital",
        "oda": "ODA",
        "ngo_aid": "Foreign NGO aid",
        "trade": "Trade",
        "remittances": "Remittances",
        "enterprises": "Enterprises",
        "other": "Other figures",
    },
    no_addressee="No body named",
)

LANGUAGES = {"vi": VI, "en": EN}


def labels(language: str = "vi") -> Labels:
    return LANGUAGES[language]


def date_line(value: date, language: str = "vi") -> str:
    return labels(language).date_line.format(day=value.day, month=value.month, year=value.year)
