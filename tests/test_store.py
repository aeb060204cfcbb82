"""The store and search: documents round-trip through the export schema, builds read only
what changed, search finds diacritic-free queries across meetings, and nothing read is
unsearchable."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings

from compiler.cli import main
from compiler.export import document_from_dict, document_to_dict
from compiler.ingest import load_document
from compiler.model import SectionKind
from compiler.normalize import ascii_fold
from compiler.options import load_manifest
from compiler.pack import build_pack
from compiler.readers.text import blocks_from_text
from compiler.search import match_expression, outside_items, passages
from compiler.segment import build_document
from compiler.store import Store
from tests.corpus import CORPUS
from tests.test_conservation_property import papers

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "sources"
FIXTURES = Path(__file__).parent / "fixtures" / "papers"
READ_DOCUMENTS = sorted(
    [
        *SOURCES.glob("*/*.txt"),
        *SOURCES.glob("*/*.md"),
        *FIXTURES.iterdir(),
        *(ROOT / "tests" / "reading").glob("*/*.txt"),
        *CORPUS.glob("0*.txt"),
    ]
)


def run(*args: object, exit_code: int = 0) -> Result:
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == exit_code, f"{result.stdout}\n{result.stderr}"
    return result


# --- one serialisation, both ways --------------------------------------------------------------


def round_trip(data: dict) -> dict:
    return document_to_dict(document_from_dict(json.loads(json.dumps(data))))


@pytest.mark.parametrize("path", READ_DOCUMENTS, ids=lambda p: p.name)
def test_every_document_read_round_trips_and_is_searchable(path: Path) -> None:
    document = load_document(path)
    data = document_to_dict(document)
    assert document_from_dict(data) == replace(document, warnings=[])  # stderr's, not data
    assert round_trip(data) == data
    assert_searchable(document)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(papers())
def test_export_import_export_is_identical_for_generated_papers(text: str) -> None:
    raw = blocks_from_text(text, "x.txt")
    if not any(b.text.strip() for b in raw):
        return
    document = build_document("x.txt", "text", raw)
    data = document_to_dict(document)
    assert round_trip(data) == data
    assert document_from_dict(data) == replace(document, warnings=[])


# --- documents kept by content ----------------------------------------------------------------


def meeting_copy(tmp_path: Path) -> Path:
    """The three example meetings copied, outputs inside the copy."""
    folder = tmp_path / "sources"
    shutil.copytree(SOURCES, folder, ignore=shutil.ignore_patterns("brief.db*"))
    for manifest in folder.glob("*/pack.toml"):
        text = manifest.read_text(encoding="utf-8").replace("../../output/", "../output/")
        manifest.write_text(text, encoding="utf-8")
    return folder / "hoi-nghi-2025" / "pack.toml"


def test_a_rebuild_reads_only_the_changed_file_and_gives_the_same_pack(
    tmp_path: Path, monkeypatch
) -> None:
    manifest = meeting_copy(tmp_path)
    options = load_manifest(manifest)
    reads: list[str] = []
    real = Store.read

    def counted(self, path: Path):
        before = self.read_fresh
        document = real(self, path)
        if self.read_fresh > before:
            reads.append(path.name)
        return document

    monkeypatch.setattr(Store, "read", counted)
    build_pack(options, manifest)
    assert sorted(reads) == [
        "can-tho-2023.txt",
        "lao-cai-2023.txt",
        "quang-ninh-2023.md",
        "tham-luan-2021.txt",
        "tham-luan-tong-hop.txt",
    ]
    cold = [path.read_bytes() for path in options.outputs]
    reads.clear()
    build_pack(options, manifest)
    assert reads == []
    assert [path.read_bytes() for path in options.outputs] == cold  # from the store, same files
    changed = manifest.parent.parent / "hoi-nghi-2023" / "lao-cai-2023.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    build_pack(options, manifest)
    assert reads == ["lao-cai-2023.txt"]
    assert (manifest.parent / "brief.db").is_file()


def test_same_bytes_under_another_name_are_not_read_again(tmp_path: Path) -> None:
    source = SOURCES / "hoi-nghi-2023" / "lao-cai-2023.txt"
    copy = tmp_path / "ban-sao.txt"
    shutil.copy(source, copy)
    with Store(tmp_path / "brief.db") as store:
        first = store.read(source)
        again = store.read(copy)
    assert (store.read_fresh, store.reused) == (1, 1)
    assert again == load_document(copy)  # the provenance names the copy
    assert again.papers[0].provenance.source == str(copy) != first.papers[0].provenance.source


def test_a_new_reading_reads_everything_again(tmp_path: Path, monkeypatch) -> None:
    source = SOURCES / "hoi-nghi-2023" / "can-tho-2023.txt"
    with Store(tmp_path / "brief.db") as store:
        store.read(source)
    monkeypatch.setattr("compiler.store.reading_version", lambda: "0.2.0+different")
    with Store(tmp_path / "brief.db") as store:
        store.read(source)
        assert (store.read_fresh, store.reused) == (1, 0)


def test_store_list_and_gc(tmp_path: Path) -> None:
    manifest = meeting_copy(tmp_path)
    db = manifest.parent / "brief.db"
    run("build", manifest)
    listed = json.loads(run("store", "list", "--store", db, "--format", "json").stdout)
    assert [(m["name"], m["date"], len(m["files"])) for m in listed["meetings"]] == [
        ("Hội nghị Ngoại vụ lần thứ 20", "2021-12-10", 1),
        ("Hội nghị Ngoại vụ lần thứ 21", "2023-12-12", 3),
        ("Hội nghị Ngoại vụ lần thứ 22", "2025-12-15", 1),
    ]
    assert (listed["documents"], listed["unused"]) == (5, 0)
    paper = manifest.parent / "tham-luan-tong-hop.txt"
    paper.write_text(paper.read_text(encoding="utf-8").replace("Bản Vược", "Bản Vền"), "utf-8")
    run("build", manifest)
    text = run("store", "list", "--store", db).stdout
    assert "6 document(s), 1 no meeting uses ('brief store gc' removes them)" in text
    assert run("store", "gc", "--store", db).stdout.startswith(f"{db}: removed 1 document(s);")
    listed = json.loads(run("store", "list", "--store", db, "--format", "json").stdout)
    assert (listed["documents"], listed["unused"]) == (5, 0)
    found = json.loads(run("search", "ban ven", "--store", db, "--format", "json").stdout)
    assert found["results"] and all("Bản Vền" in r["text"] for r in found["results"])
    asks = ["search", "ban vuoc", "--store", db, "-p", "Lào Cai", "-s", "proposals"]
    found = json.loads(run(*asks, "--format", "json").stdout)
    assert [r["meeting"] for r in found["results"]] == [
        "Hội nghị Ngoại vụ lần thứ 20",
        "Hội nghị Ngoại vụ lần thứ 21",
    ]


def test_a_renamed_meeting_replaces_its_old_name(tmp_path: Path) -> None:
    manifest = meeting_copy(tmp_path)
    run("build", manifest)
    text = manifest.read_text(encoding="utf-8").replace('lần thứ 22"', 'lần thứ XXII"')
    manifest.write_text(text, encoding="utf-8")
    run("build", manifest)
    summary = json.loads(
        run("store", "list", "--store", manifest.parent / "brief.db", "--format", "json").stdout
    )
    names = [m["name"] for m in summary["meetings"]]
    assert "Hội nghị Ngoại vụ lần thứ XXII" in names and "Hội nghị Ngoại vụ lần thứ 22" not in names


def test_a_file_that_is_not_a_store_is_one_clear_line(tmp_path: Path) -> None:
    bad = tmp_path / "brief.db"
    bad.write_text("not a database at all", encoding="utf-8")
    result = run("store", "list", "--store", bad, exit_code=1)
    assert result.stderr.startswith(f"brief: {bad}: not a brief store")
    assert len(result.stderr.splitlines()) == 1
    missing = run("store", "gc", "--store", tmp_path / "none.db", exit_code=2)
    assert "none.db: no store here" in missing.stderr


def test_the_store_is_never_read_as_a_source(tmp_path: Path) -> None:
    manifest = meeting_copy(tmp_path)
    run("build", manifest)
    result = run("ingest", manifest.parent)
    assert "brief.db" not in result.stdout + result.stderr


def test_build_store_option_and_manifest_key(tmp_path: Path) -> None:
    manifest = meeting_copy(tmp_path)
    elsewhere = tmp_path / "kho" / "archive.db"
    elsewhere.parent.mkdir()
    run("build", manifest, "--store", elsewhere)
    assert elsewhere.is_file() and not (manifest.parent / "brief.db").exists()
    manifest.write_text(
        manifest.read_text(encoding="utf-8") + 'store = "../chung.db"\n', encoding="utf-8"
    )
    run("build", manifest)
    assert (manifest.parent.parent / "chung.db").is_file()
    result = run("build", manifest, "--store", tmp_path, exit_code=2)
    assert result.stderr.startswith(f"brief: --store: {tmp_path}: is a folder")


# --- search ------------------------------------------------------------------------------------


def test_search_finds_diacritic_free_queries_across_the_three_meetings() -> None:
    found = json.loads(run("search", "ngoai giao kinh te", SOURCES, "--format", "json").stdout)
    assert set(found) == {"query", "results"} and found["query"] == "ngoai giao kinh te"
    results = found["results"]
    assert {r["meeting"] for r in results} >= {
        "Hội nghị Ngoại vụ lần thứ 21",
        "Hội nghị Ngoại vụ lần thứ 22",
    }
    for result in results:
        assert set(result) == {
            "province",
            "meeting",
            "section",
            "label",
            "text",
            "provenance",
            "score",
        }
        assert all(w in ascii_fold(result["text"]) for w in ("ngoai", "giao", "kinh", "te"))
        assert Path(result["provenance"]["source"]).exists()
    scores = [r["score"] for r in results]
    assert scores == sorted(scores, reverse=True)
    bare = json.loads(run("search", "BAN VUOC", SOURCES, "--format", "json").stdout)["results"]
    assert {r["meeting"][-2:] for r in bare if r["section"] == "proposals"} == {"20", "21", "22"}
    assert all(r["province"] == "Lào Cai" for r in bare)


def test_phrases_words_filters_and_prefixes() -> None:
    def texts(*args: str) -> list[str]:
        data = json.loads(run("search", *args, SOURCES, "--format", "json", "-n", "100").stdout)
        return [r["text"] for r in data["results"]]

    words = texts("lanh su co quan")  # every word, any order
    phrase = texts('"co quan lanh su"')  # the words in this order
    assert phrase and set(phrase) <= set(words)
    assert all("co quan lanh su" in ascii_fold(t) for t in phrase)
    assert texts("“co quan lanh su”") == phrase  # typographic quotes are quotes too
    only = json.loads(
        run("search", "dao tao", SOURCES, "-p", "can tho", "-s", "tasks", "--format", "json").stdout
    )["results"]
    assert only and {(r["province"], r["section"]) for r in only} == {("Cần Thơ", "tasks")}
    assert texts("xuc tie*") and not texts("xuc tie")


def test_bad_searches_are_usage_errors() -> None:
    assert "nothing to search for" in run("search", '"" -', SOURCES, exit_code=2).stderr
    assert (
        "unknown province 'Atlantis'"
        in run("search", "bien", SOURCES, "-p", "Atlantis", exit_code=2).stderr
    )
    both = run("search", "bien", SOURCES, "--store", "x.db", exit_code=2).stderr
    neither = run("search", "bien", exit_code=2).stderr
    assert "give sources to read or --store" in both and both == neither


def test_query_syntax_never_reaches_fts5() -> None:
    """Operators are words; a word holding punctuation is the phrase of its parts."""
    assert match_expression('ODA AND "cửa khẩu" NEAR(x) xúc* 59-NQ/TW') == (
        '"oda" "and" "cua khau" "near x" "xuc"* "59 nq tw"'
    )


def test_the_text_view_shows_where_each_result_comes_from() -> None:
    out = run("search", "Côn Minh", SOURCES, "-n", "2").stdout
    assert out.splitlines()[0].startswith("2 of ") and 'passage(s) for "Côn Minh"' in out
    assert "Lào Cai · Hội nghị Ngoại vụ lần thứ" in out and "(lao-cai-2023.txt:" in out


def words(text: str) -> list[str]:
    """Words as the index sees them: folded, letters and digits."""
    return re.findall(r"[^\W_]+", ascii_fold(text))


def assert_searchable(document) -> None:
    """Nothing read is unsearchable: every word of every section is in one of the section's
    passages (its items and the paragraphs outside them)."""
    found = list(passages(document))
    for paper in document.papers:
        for section in paper.sections:
            mine = [
                p for p in found if p.province == paper.province and p.section == section.kind.value
            ]
            indexed = {w for p in mine for w in words(f"{p.label} {p.text}")}
            missing = set(words(section.text)) - indexed
            assert not missing, (section.kind, sorted(missing)[:10])
    assert all(p.text for p in found)


def test_an_interview_is_searched_paragraph_by_paragraph(tmp_path: Path) -> None:
    interviews = sorted((ROOT / "tests" / "reading").glob("*/*interview*.txt"))
    document = load_document(interviews[0])
    items = [i for p in document.papers for s in p.sections for i in s.items if not i.label]
    assert len(items) >= 5  # its paragraphs
    with Store(tmp_path / "s.db") as store:
        store.read(interviews[0])
        store.record_meeting("Phỏng vấn", date(2024, 1, 1), None, [document])
        opening = " ".join(ascii_fold(items[0].text).split()[:6])
        total, results = store.search(match_expression(f'"{opening}"'), [], [], 50)
    assert total >= 1 and any(r["text"] == items[0].text for r in results)


def test_lead_paragraphs_outside_items_are_passages() -> None:
    document = load_document(SOURCES / "hoi-nghi-2023" / "lao-cai-2023.txt")
    (proposals,) = document.papers[0].section(SectionKind.PROPOSALS)
    outside = [b.text for b in outside_items(proposals)]
    assert "Tỉnh Lào Cai kiến nghị Bộ Ngoại giao:" in outside


def test_store_schema_has_the_documented_tables(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db"):
        pass
    db = sqlite3.connect(tmp_path / "s.db")
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for table in ("meta", "documents", "passages", "passages_fts", "meetings", "meeting_files"):
        assert table in tables and f"| `{table}` |" in readme
    assert db.execute("SELECT value FROM meta WHERE key='schema'").fetchone() == ("1",)


def test_pack_with_a_store_records_its_meeting(tmp_path: Path) -> None:
    db = tmp_path / "kho.db"
    out = tmp_path / "b.docx"
    run("pack", SOURCES / "hoi-nghi-2023", "--store", db, "--meeting", "Kỳ 2023", "-o", out)
    found = json.loads(run("search", "con minh", "--store", db, "--format", "json").stdout)
    assert {r["meeting"] for r in found["results"]} == {"Kỳ 2023"}


def test_a_document_from_the_store_brings_its_warnings(tmp_path: Path) -> None:
    interview = sorted((ROOT / "tests" / "reading").glob("*/*interview*.txt"))[0]
    fresh = load_document(interview)
    assert fresh.warnings  # e.g. "no section headings: kinds come from the wording"
    with Store(tmp_path / "s.db") as store:
        store.read(interview)
    with Store(tmp_path / "s.db") as store:
        kept = store.read(interview)
        assert store.reused == 1
    assert kept == fresh
