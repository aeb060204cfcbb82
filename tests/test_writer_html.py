"""The HTML writer without a browser: escaping, structure, self-containment, the stamp,
determinism, atomic output, and the CLI writing `-o *.html` for pack, compare and build.
(What a browser makes of the page: tests/test_html_browser.py.)"""

from __future__ import annotations

import re
import shutil
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from compiler.cli import main
from compiler.errors import OutputError
from compiler.ingest import load_document
from compiler.readers import is_own_report
from compiler.report import model as m
from compiler.writers import WriterOptions, html, write_report
from tests.html_pages import HOSTILE_COMPILATION, HOSTILE_TEXTS

ROOT = Path(__file__).resolve().parents[1]
MEETING = ROOT / "sources" / "hoi-nghi-2025"
NASTY = (
    '<script>alert(1)</script> "><img src=x onerror=alert(2)> </style> javascript:alert(3) &amp;'
)
# The tags the writer itself uses: a paper's text can add none.
WRITER_TAGS = set(
    "html head meta title style body a header h1 h2 h3 h4 h5 h6 p br nav ul li form div label"
    " select option input button main section span b i ins del sup details summary table"
    " caption colgroup col thead tbody tr th td script".split()
)


class _Page(HTMLParser):
    """Tags, attributes and text of a page, as a browser's tokenizer sees them."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.texts: list[str] = []
        self._in: list[str] = []
        self.feed(source)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in ("script", "style", "title"):
            self._in.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._in and self._in[-1] == tag:
            self._in.pop()

    def handle_data(self, data: str) -> None:
        if not self._in:
            self.texts.append(data)

    def text(self) -> str:
        return " ".join(" ".join(self.texts).split())

    def ids(self) -> set[str]:
        return {attrs["id"] or "" for _, attrs in self.tags if "id" in attrs}

    def links(self) -> list[str]:
        return [attrs.get("href") or "" for tag, attrs in self.tags if tag == "a"]


NOTE = m.Paragraph.plain(NASTY, m.ParagraphStyle.NOTE)


def hostile_report() -> m.Report:
    """A report with hostile text in every place a string can go."""
    run = m.Run(NASTY, link="x-1")
    scope = m.Scope(provinces=(NASTY,), kinds=("tasks",))
    return m.Report(
        title=NASTY,
        created=date(2025, 3, 1),
        language="vi-VN",
        author=NASTY,
        elements=[
            m.TitleBlock(NASTY, (NASTY,), NASTY, issuer=(NASTY,)),
            m.TableOfContents(NASTY),
            m.Heading(1, NASTY, anchor="x-1", scope=scope),
            m.Paragraph((run, m.Run(NASTY, bold=True, italic=True)), scope=scope),
            m.ItemList(
                (
                    m.ListEntry(
                        NASTY,
                        (m.Run(NASTY, style=m.RunStyle.INSERTED),),
                        note=NASTY,
                        note_link="x-1",
                        scope=m.Scope(provinces=("Đà Nẵng",)),
                        folded=(m.Paragraph.plain(NASTY),),
                    ),
                )
            ),
            m.Table(
                (m.Column(NASTY, 0.5), m.Column("Cột", 0.5)),
                (
                    (
                        m.Cell.plain(NASTY),
                        m.Cell((m.Paragraph.plain(NASTY, m.ParagraphStyle.NOTE),)),
                    ),
                ),
                caption=NASTY,
                landscape=True,
                row_scopes=(scope,),
            ),
        ],
    )


def test_hostile_text_in_every_place_stays_text() -> None:
    source = html.render(hostile_report())
    page = _Page(source)
    assert {tag for tag, _ in page.tags} <= WRITER_TAGS
    assert [tag for tag, _ in page.tags].count("script") == 1
    assert not [a for _, attrs in page.tags for a in attrs if a.startswith("on")]
    assert all(link.startswith("#") for link in page.links())
    assert page.text().count(" ".join(NASTY.split())) >= 10  # body, list, table, cover…
    title = re.search(r"<title>(.*)</title>", source, re.S)
    assert title and "<" not in title.group(1)
    # Attribute values: escaped, so they end where the writer ends them.
    assert f'content="{html.attribute(NASTY)}"' in source
    assert "onerror=alert" not in source.replace("onerror=alert(2)&gt;", "")


def test_page_is_self_contained_and_locked_down() -> None:
    source = html.render(hostile_report())
    page = _Page(source)
    for tag, attrs in page.tags:
        assert "src" not in attrs, tag
        if tag == "a":
            assert (attrs.get("href") or "").startswith("#")
    style = source[source.index("<style>") : source.index("</style>")]
    assert "url(" not in style and "@import" not in style
    policy = next(
        a["content"] for t, a in page.tags if a.get("http-equiv") == "Content-Security-Policy"
    )
    assert policy and "default-src 'none'" in policy and "script-src 'sha256-" in policy
    assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]


def test_the_script_hash_in_the_policy_is_the_scripts() -> None:
    import base64
    import hashlib

    source = html.render(hostile_report())
    script = re.search(r"<script>(.*?)</script>", source, re.S)
    assert script
    digest = base64.b64encode(hashlib.sha256(script.group(1).encode()).digest()).decode()
    assert f"'sha256-{digest}'" in source


def test_headings_sections_contents_and_tables_are_accessible() -> None:
    source = html.render(hostile_report())
    page = _Page(source)
    tags = [tag for tag, _ in page.tags]
    assert tags.count("h1") == 1  # the title; report headings start at h2
    assert '<html lang="vi">' in source
    headers = [attrs for tag, attrs in page.tags if tag == "th"]
    assert headers and all(attrs.get("scope") == "col" for attrs in headers)
    # A wide table scrolls in a region that a keyboard can reach and that has a name.
    region = next(a for t, a in page.tags if t == "div" and a.get("role") == "region")
    assert region.get("tabindex") == "0" and region.get("aria-labelledby") in page.ids()
    # Every control has a label; the filters are hidden until the script shows them.
    form = next(a for t, a in page.tags if t == "form")
    assert "hidden" in form and form.get("role") == "search"
    assert re.search(r"<label>[^<]+<input type=\"search\"", source)
    # Scopes: numbered facets, and the province list in the filter.
    assert 'data-k="0"' in source
    assert re.search(r'<option value="\d">Đà Nẵng</option>', source)


@pytest.mark.parametrize(
    "options",
    [(), ("--detail", "full"), ("--no-annex",), ("--provenance", "full"), ("--provenance", "none")],
    ids=" ".join,
)
def test_every_internal_link_has_its_target(tmp_path: Path, options: tuple[str, ...]) -> None:
    out = tmp_path / "b.html"
    run("pack", MEETING, "-o", out, "--date", "2025-12-15", *options)
    source = out.read_text(encoding="utf-8")
    page = _Page(source)
    targets = {link[1:] for link in page.links()}
    assert len(targets) > 10
    assert targets <= page.ids()
    assert len(page.ids()) == len([1 for _, a in page.tags if "id" in a])  # ids are unique
    # Full texts are folded under the entries unless the body shows them in full already.
    assert ("<details>" in source) == (options != ("--detail", "full"))
    assert ('id="annex"' in source) == ("--no-annex" not in options)


def test_pack_writes_the_same_content_as_the_pdf(tmp_path: Path) -> None:
    """Every paper's paragraphs are in the page (the annex), and every body entry has its
    full text folded under it when the body shows only its lead."""
    out = tmp_path / "b.html"
    run("pack", MEETING, "-o", out, "--date", "2025-12-15")
    source = out.read_text(encoding="utf-8")
    text = _Page(source).text()
    document = load_document(MEETING / "tham-luan-tong-hop.txt")
    blocks = [
        block
        for paper in document.papers
        for section in paper.sections
        for block in [*section.heading_blocks, *section.paragraphs]
    ]
    assert len(blocks) > 40
    for block in blocks:
        assert " ".join(block.text.split()) in text
    assert source.count("<details>") > 10
    assert "Ngày 15 tháng 12 năm 2025" in text


def test_same_report_gives_byte_identical_pages(tmp_path: Path) -> None:
    first, second = tmp_path / "a.html", tmp_path / "b.html"
    write_report(hostile_report(), first, WriterOptions())
    write_report(hostile_report(), second, WriterOptions())
    assert first.read_bytes() == second.read_bytes()


def test_page_is_stamped_as_the_tools_own_report(tmp_path: Path) -> None:
    out = tmp_path / "b.html"
    write_report(hostile_report(), out, WriterOptions())
    assert is_own_report(out)
    assert b'<meta name="generator" content="briefing-compiler report">' in out.read_bytes()[:300]


def test_pack_twice_never_reads_its_own_html(tmp_path: Path, monkeypatch) -> None:
    """Run twice, the page is the same; another run's page in the folder is a report brief
    wrote (its stamp), skipped with a warning, not read as a paper."""
    shutil.copy(MEETING / "tham-luan-tong-hop.txt", tmp_path / "papers.txt")
    monkeypatch.chdir(tmp_path)
    first = run("pack", ".", "-o", "briefing.html", "--date", "2025-12-15")
    page = (tmp_path / "briefing.html").read_bytes()
    second = run("pack", ".", "-o", "briefing.html", "--date", "2025-12-15")
    assert (tmp_path / "briefing.html").read_bytes() == page
    assert "briefing.html" not in first.stderr + second.stderr
    third = run("pack", ".", "-o", "again.html", "--date", "2025-12-15")
    assert "briefing.html: warning: skipped: a report written by brief" in third.stderr
    assert (tmp_path / "again.html").read_bytes() == page  # the same one paper was read


def test_an_unwritable_target_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "b.html"
    target.mkdir()  # a folder where the page should go: it cannot be replaced
    with pytest.raises(OutputError, match="cannot write HTML"):
        write_report(hostile_report(), target, WriterOptions())
    assert [p.name for p in tmp_path.iterdir()] == ["b.html"] and target.is_dir()


def test_compare_and_build_write_html(tmp_path: Path) -> None:
    papers = tmp_path / "h.txt"
    papers.write_text(HOSTILE_COMPILATION, encoding="utf-8")
    out = tmp_path / "c.html"
    run("compare", papers, "-l", "Cao Bằng", "-r", "Lạng Sơn", "-s", "tasks", "-o", out)
    page = _Page(out.read_text(encoding="utf-8"))
    assert any(tag == "table" for tag, _ in page.tags)
    for hostile in HOSTILE_TEXTS[:4]:
        assert hostile in page.text()
    manifest = tmp_path / "pack.toml"
    manifest.write_text(
        f'title = "Hội nghị"\ndate = "2025-12-15"\nsources = ["{papers.name}"]\n'
        'outputs = ["out/briefing.html", "out/briefing.pdf"]\n',
        encoding="utf-8",
    )
    run("build", manifest)
    assert is_own_report(tmp_path / "out" / "briefing.html")


def test_english_page_has_english_controls(tmp_path: Path) -> None:
    out = tmp_path / "b.html"
    run("pack", MEETING, "-o", out, "--date", "2025-12-15", "--language", "en")
    source = out.read_text(encoding="utf-8")
    assert '<html lang="en">' in source
    assert ">Full text</summary>" in source and "Showing {shown} of {total} entries" in source


def test_unknown_suffix_names_every_format() -> None:
    result = CliRunner().invoke(main, ["pack", str(MEETING), "-o", "b.odt"])
    assert result.exit_code == 2
    assert "(use .docx, .pdf or .html)" in result.stderr


def run(*args: object):
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == 0, result.stdout + result.stderr
    return result
