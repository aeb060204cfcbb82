"""The HTML report in a real browser: the system's Chromium, driven by Playwright (no browser
download; these tests skip where Chromium or Playwright is missing). One browser for the
module; each test opens its own page.

Shown on the seed compilation (skipped without ../shared) and on the bundled meeting: the page
loads with no console error and no request; the filters and the search change what is
visible; Vietnamese text is drawn; a paper's markup and script stay text; the keyboard
reaches everything; the phone layout does not scroll sideways; the print layout is A4.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner

from compiler.cli import main
from tests.corpus import COMPILATION, corpus_file
from tests.html_pages import BROWSER_ARGS, HOSTILE_COMPILATION, HOSTILE_TEXTS, chromium

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")

ROOT = Path(__file__).resolve().parents[1]
MEETING = ROOT / "sources" / "hoi-nghi-2025"
UNITS = "main li, main tbody tr, main section > p, main > p"


@pytest.fixture(scope="module")
def browser() -> Iterator:
    executable = chromium()
    if executable is None:
        pytest.skip("no Chromium installed (apt-get install chromium)")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=BROWSER_ARGS)
        yield launched
        launched.close()


def write_pack(folder: Path, *sources: Path, name: str = "briefing.html") -> Path:
    out = folder / name
    args = ["pack", *map(str, sources), "-o", str(out), "--date", "2021-12-15", "-q"]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return out


@pytest.fixture(scope="module", params=["seed", "bundled"])
def pack(request, tmp_path_factory) -> Path:
    """The brief of the seed compilation, or of the bundled meeting."""
    folder = tmp_path_factory.mktemp(request.param)
    if request.param == "seed":
        return write_pack(folder, corpus_file(COMPILATION))
    return write_pack(folder, MEETING)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    papers = folder / "papers.txt"
    papers.write_text(HOSTILE_COMPILATION, encoding="utf-8")
    return write_pack(folder, papers)


@pytest.fixture(scope="module")
def comparison(tmp_path_factory) -> Path:
    """One province at two meetings (the bundled sources): pairs side by side, redlined."""
    out = tmp_path_factory.mktemp("comparison") / "c.html"
    left, right = "Quảng Ninh@quang-ninh-2023.md", "Quảng Ninh@tham-luan-tong-hop.txt"
    args = ["compare", ROOT / "sources", "-l", left, "-r", right, "-s", "tasks", "-o", out]
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return out


@dataclass
class Opened:
    page: object
    problems: list[str] = field(default_factory=list)  # console errors and warnings
    requests: list[str] = field(default_factory=list)


@pytest.fixture
def open_page(browser) -> Iterator:
    pages = []

    def opening(path: Path, width: int = 1280, height: int = 900) -> Opened:
        page = browser.new_page(viewport={"width": width, "height": height})
        page.set_default_timeout(5000)
        pages.append(page)
        opened = Opened(page)
        page.on(
            "console",
            lambda message: (
                opened.problems.append(f"{message.type}: {message.text}")
                if message.type in ("error", "warning")
                else None
            ),
        )
        page.on("pageerror", lambda error: opened.problems.append(f"page error: {error}"))
        page.on("request", lambda request: opened.requests.append(request.url))
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
        return opened

    yield opening
    for page in pages:
        page.close()


def visible_units(page) -> list[dict]:
    """Each visible unit: its text and the provinces and kinds (option numbers) it has."""
    return page.evaluate(
        """(selector) => Array.from(document.querySelectorAll(selector))
            .filter((u) => u.checkVisibility())
            .map((u) => ({
                text: u.textContent,
                p: (u.closest('[data-p]') || {dataset: {}}).dataset.p,
                k: (u.closest('[data-k]') || {dataset: {}}).dataset.k,
            }))""",
        UNITS,
    )


def fold(text: str) -> str:
    """As the page's search folds: no diacritics, đ as d, lower case, single spaces."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "d"))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.lower().split())


# --- loading ---------------------------------------------------------------------------------


def test_page_loads_with_no_console_error_and_no_request(pack: Path, open_page) -> None:
    opened = open_page(pack)
    assert opened.problems == []
    assert opened.requests == [pack.as_uri()]  # nothing fetched but the page itself
    page = opened.page
    assert page.evaluate("document.getElementById('filters').hidden") is False  # script ran
    assert page.locator("h1").count() == 1
    assert page.evaluate("document.documentElement.lang") == "vi"
    assert page.evaluate("document.querySelector('nav.toc details').open") is True
    total = page.locator(UNITS).count()
    assert len(visible_units(page)) == total > 20


# --- filters ---------------------------------------------------------------------------------


def test_province_filter_shows_only_that_province(pack: Path, open_page) -> None:
    page = open_page(pack).page
    before = len(visible_units(page))
    options = page.locator("select[name=p] option")
    assert options.count() >= 4  # "all" and three provinces or more
    value, name = options.nth(2).get_attribute("value"), options.nth(2).inner_text()
    page.select_option("select[name=p]", value)
    units = visible_units(page)
    assert 0 < len(units) < before
    assert all(u["p"] is None or value in u["p"].split() for u in units)
    assert [u for u in units if u["p"] and value in u["p"].split()]
    # The province's own papers in the annex stay, the other papers go.
    papers = page.locator("main section:has(> h3[id^=p])")
    shown = [papers.nth(i).locator("h3").text_content() for i in range(papers.count())]
    shown = [title for title, visible in zip(shown, _visible(papers), strict=True) if visible]
    assert shown and all(name in title for title in shown)
    status = page.inner_text("#filter-status")
    assert re.fullmatch(rf"Đang hiện {len(units)}/{before} mục", status)


def test_kind_filter_shows_only_that_kind(pack: Path, open_page) -> None:
    page = open_page(pack).page
    before = len(visible_units(page))
    options = page.locator("select[name=k] option")
    kinds = [options.nth(i).inner_text() for i in range(options.count())]
    wanted = kinds.index("Phương hướng, nhiệm vụ")
    page.select_option("select[name=k]", str(wanted - 1))
    units = visible_units(page)
    assert 0 < len(units) < before
    assert all(u["k"] is None or str(wanted - 1) in u["k"].split() for u in units)
    headings = page.locator("main h2")
    titles = [headings.nth(i).text_content() for i, v in enumerate(_visible(headings)) if v]
    assert any("Phương hướng, nhiệm vụ" in t for t in titles)
    assert not any("Kiến nghị, đề xuất" in t or "Cơ hội" in t for t in titles)


def test_search_finds_words_typed_without_diacritics(pack: Path, open_page) -> None:
    page = open_page(pack).page
    total = len(visible_units(page))
    page.fill("input[name=q]", "hop tac quoc te")
    units = visible_units(page)
    assert 0 < len(units) < total
    assert all("hop tac quoc te" in fold(u["text"]) for u in units)
    page.fill("input[name=q]", "zzqxw không có")
    assert visible_units(page) == []
    assert page.inner_text("#filter-status") == f"Đang hiện 0/{total} mục"
    page.click("button[type=reset]")
    page.wait_for_function("document.getElementById('filter-status').textContent === ''")
    assert len(visible_units(page)) == total


def test_a_link_to_a_filtered_out_part_clears_the_filters(pack: Path, open_page) -> None:
    page = open_page(pack).page
    page.select_option("select[name=p]", "0")
    last_paper = page.locator("nav.toc a[href^='#p']").last
    target = last_paper.get_attribute("href")
    assert _visible(page.locator(target)) == [False]
    last_paper.click()
    assert _visible(page.locator(target)) == [True]
    assert page.locator(target).is_visible()  # drawn: in view
    assert page.input_value("select[name=p]") == ""


def test_every_control_is_reached_and_used_with_the_keyboard(pack: Path, open_page) -> None:
    page = open_page(pack).page
    focused = []
    for _ in range(5):
        page.keyboard.press("Tab")
        focused.append(
            page.evaluate("document.activeElement.name || document.activeElement.className")
        )
    assert focused == ["skip", "p", "k", "q", ""]  # the skip link, the filters, the reset button
    page.focus("select[name=k]")
    page.keyboard.press("ArrowDown")
    assert page.input_value("select[name=k]") == "0"
    assert page.inner_text("#filter-status").startswith("Đang hiện")
    page.click("button[type=reset]")
    details = page.locator("main details").first
    details.locator("summary").focus()
    page.keyboard.press("Enter")
    assert details.evaluate("d => d.open") is True


CONTRAST = """(selector) => {
    const rgb = (c) => c.match(/[\\d.]+/g).slice(0, 4).map(Number);
    const luminance = ([r, g, b]) => {
        const lin = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
        return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const el = document.querySelector(selector);
    let back = el;
    while (back && rgb(getComputedStyle(back).backgroundColor)[3] === 0) back = back.parentElement;
    const fg = getComputedStyle(el).color;
    const bg = getComputedStyle(back || document.body).backgroundColor;
    const [a, b] = [luminance(rgb(fg)), luminance(rgb(bg))];
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}"""


def test_text_has_enough_contrast(pack: Path, open_page) -> None:
    """WCAG AA: 4.5 : 1 for text against the background it is drawn on."""
    page = open_page(pack).page
    selectors = [
        "main p",  # body text
        "main a",  # links
        "span.note",  # item references
        ".muted",  # references in tables
        "thead th",  # on the grey header
        "details > summary",  # the full-text toggles
        ".filters label",  # the filter bar
        ".filters input",
    ]
    ratios = {selector: page.evaluate(CONTRAST, selector) for selector in selectors}
    assert min(ratios.values()) >= 4.5, ratios


def test_comparison_colours_have_enough_contrast(comparison: Path, open_page) -> None:
    page = open_page(comparison).page
    for selector in ("main ins", "main del"):
        assert page.evaluate(CONTRAST, selector) >= 4.5


def test_headings_never_skip_a_level(pack: Path, open_page) -> None:
    page = open_page(pack).page
    levels = page.evaluate(
        "Array.from(document.querySelectorAll('h1,h2,h3,h4,h5,h6')).map((h) => +h.tagName[1])"
    )
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False))


# --- drawing ---------------------------------------------------------------------------------


def _variance(png: bytes) -> float:
    from PIL import Image, ImageStat

    return ImageStat.Stat(Image.open(io.BytesIO(png)).convert("L")).var[0]


def test_vietnamese_text_is_drawn(pack: Path, open_page) -> None:
    page = open_page(pack).page
    title = page.locator("h1")
    assert re.search("[ổợ]", title.inner_text())  # "Tổng hợp"
    assert _variance(title.screenshot()) > 500  # dark glyphs on white, not a blank strip
    paragraph = page.locator("#summary + p")
    assert "tham luận" in paragraph.inner_text()
    assert _variance(paragraph.screenshot()) > 500
    # Every letter, "ổ" and "ợ" included, is drawn in one face: none had to come from a
    # fallback face, which is how a face without Vietnamese letters shows.
    for selector in ("h1", "#summary + p"):
        used = _platform_fonts(page, selector)
        assert len(used) == 1, (selector, used)
    # The measure tells text from blank: the empty margin beside the cover is blank.
    blank = page.screenshot(clip={"x": 0, "y": 0, "width": 40, "height": 40})
    assert _variance(blank) < 1


def test_phone_width_does_not_scroll_sideways(pack: Path, open_page) -> None:
    page = open_page(pack, width=390, height=844).page
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    # The contents fold, so the filters sit right above what they show, on the first screen.
    assert page.evaluate("document.querySelector('nav.toc details').open") is False
    assert page.locator("#filters").bounding_box()["y"] < 844
    wide = page.locator(".table.wide").first  # the overview table scrolls in its own box
    assert wide.evaluate("e => e.scrollWidth > e.clientWidth")


def test_print_layout_is_a4_without_the_controls(pack: Path, open_page) -> None:
    from pypdf import PdfReader

    page = open_page(pack).page
    pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    sizes = {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in pdf.pages}
    assert sizes == {(595, 842), (842, 595)}  # portrait, and landscape for the overview
    text = "\n".join(p.extract_text() for p in pdf.pages)
    assert "Những điểm chính" in text
    assert "Bỏ lọc" not in text and "Đến nội dung chính" not in text  # controls, skip link
    lines = [line.strip() for line in text.splitlines()]
    assert "Toàn văn" not in lines  # the full-text toggles (the annex has the texts)


# --- hostile papers ----------------------------------------------------------------------------


def test_hostile_paper_text_stays_text(hostile: Path, open_page) -> None:
    opened = open_page(hostile)
    page = opened.page
    assert opened.problems == [] and opened.requests == [hostile.as_uri()]
    state = page.evaluate(
        """() => ({
            pwned: window.__pwned === undefined ? null : String(window.__pwned),
            scripts: document.scripts.length,
            images: document.images.length,
            frames: document.querySelectorAll('iframe, object, embed').length,
            styles: document.querySelectorAll('style').length,
            handlers: Array.from(document.querySelectorAll('*')).flatMap(
                (e) => Array.from(e.attributes).map((a) => a.name)
            ).filter((n) => n.startsWith('on')),
            hrefs: Array.from(document.links).map((a) => a.getAttribute('href')),
            display: getComputedStyle(document.body).display,
            text: document.querySelector('main').textContent,
        })"""
    )
    assert state["pwned"] is None
    assert (state["scripts"], state["images"], state["frames"], state["styles"]) == (1, 0, 0, 1)
    assert state["handlers"] == []
    assert state["hrefs"] and all(href.startswith("#") for href in state["hrefs"])
    assert state["display"] != "none"
    text = " ".join(state["text"].split())
    for hostile_text in HOSTILE_TEXTS:
        assert hostile_text in text
    # "javascript:" in a link's label (the theme it opens) is only a label.
    label = page.locator("main a", has_text="window.__pwned='link").first
    assert label.get_attribute("href").startswith("#t-")
    label.click()
    assert page.evaluate("window.__pwned === undefined")


def test_comparison_page_shows_two_sides_with_word_differences(comparison: Path, open_page) -> None:
    opened = open_page(comparison)
    page = opened.page
    assert opened.problems == []
    headers = page.locator("main table").first.locator("thead th")
    assert headers.count() == 3
    assert headers.first.get_attribute("scope") == "col"
    deleted, inserted = page.locator("main del").first, page.locator("main ins").first
    assert "line-through" in deleted.evaluate("e => getComputedStyle(e).textDecorationLine")
    assert "underline" in inserted.evaluate("e => getComputedStyle(e).textDecorationLine")
    left, right = (
        page.locator("main tbody tr").first.locator("td").nth(i).bounding_box() for i in (0, 2)
    )
    assert left and right and left["x"] + left["width"] <= right["x"]  # side by side


def _platform_fonts(page, selector: str) -> set[str]:
    """The font families Chromium draws an element's text with (DevTools protocol)."""
    session = page.context.new_cdp_session(page)
    session.send("DOM.enable")
    session.send("CSS.enable")
    root = session.send("DOM.getDocument")["root"]["nodeId"]
    node = session.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    fonts = session.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    session.detach()
    return {font["familyName"] for font in fonts if font["glyphCount"]}


def _visible(locator) -> list[bool]:
    return locator.evaluate_all("(all) => all.map((e) => e.checkVisibility())")
