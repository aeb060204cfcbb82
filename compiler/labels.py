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
    # --- the brief: summary, concise body, annex (issue 10) ---
    summary: str
    summary_intro: str  # "{papers}", "{provinces}"
    summary_more_themes: str  # "{count}", "{where}"
    summary_unique: str
    summary_more_unique: str  # "{count}", "{where}"
    summary_unique_count: str  # "{count}", "{where}"
    summary_no_themes: str
    summary_more_asks: str  # "{count}"
    asks_count: str  # "{count}", "{provinces}"
    and_more: str  # "{count}"
    summary_more_figures: str  # "{count}"
    figures_caption: str
    figure_category: str
    figures_column: str
    asks: str
    figures: str
    provinces_count: str  # "{count}"
    strength: dict[str, str]  # near, similar, related
    strength_note: str
    theme_ref: str  # "{number}"
    point_ref: str  # "{label}": one point of a section
    numbered_ref: str  # "{label}": a numbered heading or a decimal item label
    part_ref: str  # "{kind}": a section without a numbered heading
    lines_ref: str  # "{source}", "{lines}"
    paragraphs_ref: str  # "{source}", "{paragraphs}"
    pages_ref: str  # "{source}", "{pages}"
    missing_kind: str  # "{provinces}"
    annex_texts: str
    annex_sources: str
    front_matter: str
    footnotes: str
    cover_sources: str  # "{papers}"
    side_by_side_caption: str  # "{kind}"
    topics: dict[str, str]  # theme names by topic (keys of align.naming.TOPICS)
    # --- the HTML report's reading aids (issue 12) ---
    filters: str  # the filter bar, as screen readers name it
    filter_province: str
    filter_kind: str
    filter_all: str
    search: str
    search_hint: str
    clear_filters: str
    filter_status: str  # "{shown}", "{total}"
    full_text: str  # the toggle of an item's full text
    skip_to_content: str


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
    date_line="Ngày {day} tháng {month} năm {year}",
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
    summary="Những điểm chính",
    summary_intro="Tổng hợp {papers} tham luận của các tỉnh, thành phố: {provinces}. "
    "Mỗi vấn đề dẫn tới phần chi tiết; toàn văn tham luận ở phụ lục.",
    summary_more_themes="Và {count} vấn đề chung khác ({where}).",
    summary_unique="Chỉ một địa phương nêu",
    summary_more_unique="và {count} điểm riêng khác ({where})",
    summary_unique_count="{count} điểm, xem {where}",
    summary_no_themes="Không có vấn đề nào từ hai địa phương trở lên cùng nêu.",
    summary_more_asks="Và kiến nghị gửi {count} cơ quan khác (phần Kiến nghị, đề xuất).",
    asks_count="{count} kiến nghị của {provinces}",
    and_more="và {count} địa phương khác",
    summary_more_figures="Và {count} loại số liệu khác (Bảng 2).",
    figures_caption="Bảng 2. Số liệu chính các địa phương cùng nêu",
    figure_category="Loại số liệu",
    figures_column="Số liệu (thời gian)",
    asks="Kiến nghị theo cơ quan nhận",
    figures="Số liệu chính",
    provinces_count="{count} địa phương",
    strength={"near": "gần như trùng", "similar": "tương đồng", "related": "liên quan"},
    strength_note="Mức tương đồng được ghi bằng lời: “gần như trùng” – hai địa phương nêu cùng "
    "một việc với lời văn gần như giống hệt; “tương đồng” – cùng một việc, diễn đạt khác nhau; "
    "“liên quan” – cùng một lĩnh vực, nội dung gần nhau nhưng không trùng. Các cặp yếu hơn "
    "không được ghép.",
    theme_ref="vấn đề {number}",
    point_ref="ý {label}",
    numbered_ref="mục {label}",
    part_ref="phần {kind}",
    lines_ref="{source}, dòng {lines}",
    paragraphs_ref="{source}, đoạn {paragraphs}",
    pages_ref="{source}, trang {pages}",
    missing_kind="Không có phần này: {provinces}.",
    annex_texts="Phụ lục: Toàn văn tham luận",
    annex_sources="Phụ lục: Nguồn tài liệu",
    front_matter="Phần mở đầu",
    footnotes="Chú thích",
    cover_sources="Tổng hợp từ {papers} tham luận",
    side_by_side_caption="Các nội dung gần nhau: {kind}",
    filters="Lọc và tìm kiếm",
    filter_province="Tỉnh, thành phố",
    filter_kind="Nội dung",
    filter_all="Tất cả",
    search="Tìm",
    search_hint="Từ khóa, có dấu hoặc không dấu",
    clear_filters="Bỏ lọc",
    filter_status="Đang hiện {shown}/{total} mục",
    full_text="Toàn văn",
    skip_to_content="Đến nội dung chính",
    topics={
        "party_line": "Quán triệt, thực hiện đường lối đối ngoại của Đảng",
        "party_building": "Xây dựng Đảng, chỉnh đốn Đảng",
        "multilateral": "Đối ngoại đa phương",
        "research": "Nghiên cứu, dự báo tình hình",
        "staff": "Đào tạo, bồi dưỡng cán bộ làm công tác đối ngoại",
        "economic": "Ngoại giao kinh tế, xúc tiến đầu tư và thương mại",
        "information": "Thông tin đối ngoại, quảng bá hình ảnh địa phương",
        "culture": "Ngoại giao văn hóa, quảng bá di sản",
        "consular": "Công tác lãnh sự, bảo hộ công dân",
        "overseas": "Công tác người Việt Nam ở nước ngoài",
        "sovereignty": "Bảo vệ chủ quyền biển, đảo",
        "border": "Quản lý biên giới, hợp tác với các tỉnh giáp biên",
        "friendship": "Quan hệ hữu nghị, các năm kỷ niệm",
        "events": "Tổ chức sự kiện quốc tế tại địa phương",
        "agreements": "Ký kết, thực hiện thỏa thuận quốc tế",
        "partners": "Quan hệ, kết nối với đối tác nước ngoài",
        "aid": "Viện trợ phi chính phủ, vốn ODA",
        "security": "Quốc phòng, an ninh, chống âm mưu chống phá",
        "pandemic": "Tác động của đại dịch COVID-19",
        "technology": "Khoa học, công nghệ",
        "world": "Tình hình thế giới và khu vực",
        "standing": "Thế và lực, vị thế của đất nước",
        "integration": "Hội nhập quốc tế",
        "limits": "Hạn chế, khó khăn của địa phương",
    },
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
    date_line="{year}-{month}-{day}",
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
    summary="Key points",
    summary_intro="{papers} provincial papers: {provinces}. "
    "Each theme links to its detail; the papers in full are in the annex.",
    summary_more_themes="And {count} more shared themes ({where}).",
    summary_unique="Raised by one province only",
    summary_more_unique="and {count} more ({where})",
    summary_unique_count="{count} points, see {where}",
    summary_no_themes="No theme is raised by two provinces or more.",
    summary_more_asks="And asks to {count} more bodies (see the proposals part).",
    asks_count="{count} asks from {provinces}",
    and_more="and {count} more provinces",
    summary_more_figures="And {count} more kinds of figures (Table 2).",
    figures_caption="Table 2. Key figures that several provinces report",
    figure_category="Figure",
    figures_column="Figures (period)",
    asks="Asks by addressee",
    figures="Key figures",
    provinces_count="{count} provinces",
    strength={"near": "near-identical", "similar": "similar", "related": "related"},
    strength_note="Match strength in words: “near-identical” – the same point in nearly the "
    "same wording; “similar” – the same point, worded differently; “related” – the same field, "
    "close but not the same point. Weaker pairs are not matched.",
    theme_ref="theme {number}",
    point_ref="point {label}",
    numbered_ref="section {label}",
    part_ref="{kind} part",
    lines_ref="{source}, lines {lines}",
    paragraphs_ref="{source}, paragraphs {paragraphs}",
    pages_ref="{source}, pages {pages}",
    missing_kind="No such section: {provinces}.",
    annex_texts="Annex: the papers in full",
    annex_sources="Annex: sources",
    front_matter="Opening text",
    footnotes="Footnotes",
    cover_sources="Compiled from {papers} papers",
    side_by_side_caption="Close items: {kind}",
    filters="Filter and search",
    filter_province="Province",
    filter_kind="Section",
    filter_all="All",
    search="Search",
    search_hint="Words, with or without diacritics",
    clear_filters="Clear",
    filter_status="Showing {shown} of {total} entries",
    full_text="Full text",
    skip_to_content="Skip to the content",
    topics={
        "party_line": "Carrying out the Party's foreign policy line",
        "party_building": "Party building",
        "multilateral": "Multilateral diplomacy",
        "research": "Research and forecasting",
        "staff": "Training foreign-affairs staff",
        "economic": "Economic diplomacy, investment and trade promotion",
        "information": "External information, promoting the province's image",
        "culture": "Cultural diplomacy, heritage",
        "consular": "Consular work, protecting citizens",
        "overseas": "Vietnamese abroad",
        "sovereignty": "Protecting sea and island sovereignty",
        "border": "Border management, neighbouring provinces",
        "friendship": "Friendship ties and anniversaries",
        "events": "Hosting international events",
        "agreements": "International agreements",
        "partners": "Ties with foreign partners",
        "aid": "NGO aid and ODA",
        "security": "Defence, security, hostile forces",
        "pandemic": "Impact of the COVID-19 pandemic",
        "technology": "Science and technology",
        "world": "The world and regional situation",
        "standing": "The country's standing",
        "integration": "International integration",
        "limits": "The province's own limitations",
    },
)

LANGUAGES = {"vi": VI, "en": EN}


def labels(language: str = "vi") -> Labels:
    return LANGUAGES[language]


def date_line(value: date, language: str = "vi") -> str:
    """The cover date. Vietnamese as Nghị định 30/2020/NĐ-CP writes it: days below 10 and
    the months 1 and 2 take a leading zero, no other month does ("ngày 05 tháng 4 năm
    2025", "ngày 15 tháng 02 năm 2021"); English in ISO form."""
    if language == "vi":
        month = f"{value.month:02d}" if value.month <= 2 else str(value.month)
        day = f"{value.day:02d}"
    else:
        month, day = f"{value.month:02d}", f"{value.day:02d}"
    return labels(language).date_line.format(day=day, month=month, year=value.year)


# --- meetings over time (report/meetings.py) ------------------------------------------------


@dataclass(frozen=True, slots=True)
class MeetingLabels:
    changes: str  # chapter: what each province changed since the previous meeting
    changes_intro: str
    against: str  # "{meeting}", "{sources}"
    kind_caption: str  # "{kind}", "{counts}"
    no_common: str
    earlier: str  # the earlier meeting, in provenance notes
    current: str  # this meeting, in provenance notes
    content: str
    repeated: str  # chapter: asks repeated across meetings
    repeated_intro: str
    ask: str
    raised_at: str
    no_repeated: str
    dated: str  # "{name} ({date})"
    short_date: str  # format with day, month, year


MEETINGS_VI = MeetingLabels(
    changes="Thay đổi so với kỳ trước",
    changes_intro=(
        "Phương hướng, nhiệm vụ và kiến nghị của mỗi địa phương được đối chiếu với tham luận "
        "gần nhất của chính địa phương đó ở kỳ trước: nội dung giữ nguyên, điều chỉnh (phần "
        "lược bỏ gạch ngang, phần bổ sung gạch chân), mới hoặc không còn."
    ),
    against="So với {meeting}: {sources}.",
    kind_caption="{kind}: {counts}",
    no_common="Không có địa phương nào có tham luận ở cả kỳ này và kỳ trước.",
    earlier="kỳ trước",
    current="kỳ này",
    content="Nội dung",
    repeated="Kiến nghị lặp lại",
    repeated_intro=(
        "Kiến nghị một địa phương nêu tại kỳ này mà đã nêu ở kỳ trước, có khi qua nhiều kỳ "
        "liền (đối chiếu như ở phần trước); kiến nghị được nêu nhiều kỳ nhất xếp trước, nội "
        "dung là cách diễn đạt tại kỳ này."
    ),
    ask="Kiến nghị (tại kỳ này)",
    raised_at="Các kỳ đã nêu",
    no_repeated="Không có kiến nghị nào được nêu lại ở nhiều kỳ.",
    dated="{name} ({date})",
    short_date="{day:02d}/{month:02d}/{year}",
)

MEETINGS_EN = MeetingLabels(
    changes="Changes since the previous meeting",
    changes_intro=(
        "Each province's tasks and proposals set against its own latest paper at an earlier "
        "meeting: items unchanged, reworded (removed words struck through, added words "
        "underlined), new or dropped."
    ),
    against="Against {meeting}: {sources}.",
    kind_caption="{kind}: {counts}",
    no_common="No province has a paper at both this meeting and an earlier one.",
    earlier="earlier",
    current="now",
    content="Item",
    repeated="Repeated asks",
    repeated_intro=(
        "Asks a province raises at this meeting and raised at the meeting before, sometimes "
        "at several in a row (paired as in the previous chapter); the most often raised "
        "first, in this meeting's wording."
    ),
    ask="Ask (this meeting's wording)",
    raised_at="Raised at",
    no_repeated="No ask was raised at more than one meeting.",
    dated="{name} ({date})",
    short_date="{year}-{month:02d}-{day:02d}",
)

MEETING_LANGUAGES = {"vi": MEETINGS_VI, "en": MEETINGS_EN}


def meeting_labels(language: str = "vi") -> MeetingLabels:
    return MEETING_LANGUAGES[language]
