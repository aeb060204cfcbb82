"""Shared by the HTML report's tests: a compilation whose papers try to inject markup and
script, and the system's Chromium (the browser tests skip without it)."""

from __future__ import annotations

import shutil

# Written for the tests. Every line a paper could smuggle markup in: a title, an item, a
# proposal, a unique point (the summary makes its words a link's label), a footnote.
HOSTILE_COMPILATION = """\
TỈNH CAO BẰNG VỚI <SCRIPT>WINDOW.__PWNED = 'TITLE'</SCRIPT> HỘI NHẬP QUỐC TẾ
Tỉnh ủy Cao Bằng

I. PHƯƠNG HƯỚNG, NHIỆM VỤ

Thứ nhất, <script>window.__pwned = 'item'</script> mở rộng hợp tác kinh tế cửa khẩu.

Thứ hai, "><img src=x onerror="window.__pwned='img'"> đẩy mạnh thông tin đối ngoại.

Thứ ba, </style><style>body{display:none}</style> đào tạo cán bộ đối ngoại.

Thứ tư, javascript:window.__pwned='link' phát triển du lịch cộng đồng vùng biên giới.

II. KIẾN NGHỊ

1. Đề nghị Bộ Ngoại giao hỗ trợ tỉnh kết nối với các đối tác <châu Âu> & R&amp;D châu Á.

TỈNH LẠNG SƠN VỚI CÔNG TÁC ĐỐI NGOẠI TRONG TÌNH HÌNH MỚI
Tỉnh ủy Lạng Sơn

I. PHƯƠNG HƯỚNG, NHIỆM VỤ

Thứ nhất, mở rộng hợp tác kinh tế cửa khẩu với các địa phương láng giềng <!-- và --> các đối tác.

Thứ hai, đào tạo, bồi dưỡng đội ngũ cán bộ làm công tác đối ngoại <b>có bản lĩnh</b>.

Thứ ba, <iframe src="https://example.com"></iframe> xây dựng đường biên giới hòa bình, hữu nghị.

II. KIẾN NGHỊ

1. Đề nghị Chính phủ cho phép tỉnh thí điểm cơ chế đặc thù về kinh tế cửa khẩu.
"""

# What must show as text, character for character, in the page.
HOSTILE_TEXTS = (
    "<script>window.__pwned = 'item'</script>",
    '"><img src=x onerror="window.__pwned=\'img\'">',
    "</style><style>body{display:none}</style>",
    "javascript:window.__pwned='link'",
    "<châu Âu> & R&amp;D châu Á",
    "<!-- và -->",
    "<b>có bản lĩnh</b>",
    '<iframe src="https://example.com"></iframe>',
)

BROWSER_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium() -> str | None:
    """The system's Chromium or Chrome, if one is installed."""
    names = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
    return next((path for name in names if (path := shutil.which(name))), None)
