"""A meeting against the earlier ones: the changes chapter and the repeated asks, on the
three-meeting example in sources/ (what was planted there is listed in sources/README.md),
and in the reports read back."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from docx import Document as WordDocument
from test_pack import docx_text, pdf_text, squash

from compiler.align.history import history
from compiler.cli import main
from compiler.meetings import read_meetings
from compiler.model import Meeting
from compiler.options import load_manifest
from compiler.pack import build_pack

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "sources"
LATEST = SOURCES / "hoi-nghi-2025" / "pack.toml"


def run(*args: object, exit_code: int = 0) -> Result:
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == exit_code, f"{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def example():
    meetings = read_meetings(load_manifest(LATEST), LATEST)  # no store
    return history(meetings.current, meetings.earlier)


def labels(items) -> list[str]:
    return [item.label for item in items]


def pairs(changes_pairs) -> list[tuple[str, str]]:
    return [(pair.left.label, pair.right.label) for pair in changes_pairs]


def test_meetings_are_read_from_the_chain_of_manifests(example) -> None:
    assert [m.name for m in example.earlier] == [
        "Hội nghị Ngoại vụ lần thứ 20",
        "Hội nghị Ngoại vụ lần thứ 21",
    ]
    assert [m.date for m in example.earlier] == [date(2021, 12, 10), date(2023, 12, 12)]
    assert example.meeting.name == "Hội nghị Ngoại vụ lần thứ 22"
    assert [c.province for c in example.changes] == ["Cần Thơ", "Lào Cai", "Quảng Ninh"]
    assert all(c.earlier.name.endswith("21") for c in example.changes)


def test_changes_of_lao_cai_since_2023(example) -> None:
    lao_cai = next(c for c in example.changes if c.province == "Lào Cai")
    tasks, proposals = (s.changes for s in lao_cai.sections)
    assert pairs(tasks.unchanged) == [("4.3-", "4.3-")]
    assert pairs(tasks.reworded) == [("4.1-", "4.1-"), ("4.2-", "4.2-"), ("4.5-", "4.5-")]
    assert [i.text[:28] for i in tasks.dropped] == ["Khôi phục thị trường khách d"]
    assert [i.text[:28] for i in tasks.new] == ["Đẩy mạnh quảng bá hình ảnh L"]
    assert [p.right.text[:22] for p in proposals.unchanged] == ["Thường xuyên cung cấp "]
    assert [p.right.text[:22] for p in proposals.reworded] == [
        "Phối hợp với các bộ, n",  # Bản Vược, now with a lane for farm produce
        "Dành chỉ tiêu cho cán ",  # training quota, now with a handbook
    ]
    assert [i.text[:22] for i in proposals.new] == ["Hỗ trợ giới thiệu hình"]
    assert proposals.dropped == []


def test_changes_of_can_tho_and_quang_ninh_since_2023(example) -> None:
    can_tho = next(c for c in example.changes if c.province == "Cần Thơ")
    tasks, proposals = (s.changes for s in can_tho.sections)
    assert pairs(tasks.unchanged) == [("3.", "Bốn là")]
    assert pairs(tasks.reworded) == [("1.", "Hai là"), ("2.", "Ba là"), ("5.", "Năm là")]
    assert labels(tasks.dropped) == ["4."] and labels(tasks.new) == ["Một là"]
    assert len(proposals.reworded) == 3 and proposals.unchanged == []
    assert [i.text[:20] for i in proposals.new] == ["giới thiệu, kết nối "]  # climate funds
    quang_ninh = next(c for c in example.changes if c.province == "Quảng Ninh")
    tasks, proposals = (s.changes for s in quang_ninh.sections)
    assert pairs(tasks.unchanged) == [("1.", "Thứ nhất"), ("4.", "Thứ ba")]
    assert pairs(tasks.reworded) == [("2.", "Thứ hai"), ("5.", "Thứ năm")]
    assert labels(tasks.dropped) == ["3."] and labels(tasks.new) == ["Thứ tư"]
    assert pairs(proposals.unchanged) == [("2.", "3.")]
    assert pairs(proposals.reworded) == [("1.", "1.")]
    assert labels(proposals.new) == ["2.", "4."] and labels(proposals.dropped) == ["3."]


def test_repeated_asks_with_the_meetings_that_raised_them(example) -> None:
    found = {
        (ask.province, ask.latest.item.text[:24]): [a.meeting.name[-2:] for a in ask.appearances]
        for ask in example.repeated
    }
    assert found == {
        ("Lào Cai", "Phối hợp với các bộ, ngà"): ["20", "21", "22"],  # Bản Vược – Bá Sái
        ("Quảng Ninh", "Chỉ đạo các Đại sứ quán,"): ["20", "21", "22"],  # reports from missions
        ("Quảng Ninh", "Tiếp tục mở các lớp bồi "): ["20", "21", "22"],  # training courses
        ("Cần Thơ", "đồng thời khuyến khích c"): ["20", "21", "22"],  # consulates in Cần Thơ
        ("Cần Thơ", "Để hiện thực hóa những p"): ["21", "22"],  # economic-diplomacy courses
        ("Cần Thơ", "ủng hộ thành phố đăng ca"): ["21", "22"],  # hosting Mekong forums
        ("Lào Cai", "Thường xuyên cung cấp ch"): ["21", "22"],  # reports via Côn Minh
        ("Lào Cai", "Dành chỉ tiêu cho cán bộ"): ["21", "22"],  # Học viện Ngoại giao quota
    }
    assert [len(ask.appearances) for ask in example.repeated] == [3, 3, 3, 3, 2, 2, 2, 2]


def test_an_ask_missing_from_a_meeting_ends_there(tmp_path: Path) -> None:
    """Quảng Ninh's 2021 vaccine ask is gone in 2023: nothing of 2025 continues it."""
    meetings = read_meetings(load_manifest(LATEST), LATEST)
    found = history(meetings.current, meetings.earlier)
    vaccine = [
        ask for ask in found.repeated if any("vắc-xin" in a.item.text for a in ask.appearances)
    ]
    assert vaccine == []


def test_only_provinces_in_both_meetings_are_compared(tmp_path: Path) -> None:
    earlier = tmp_path / "truoc"
    earlier.mkdir()
    shutil.copy(SOURCES / "hoi-nghi-2023" / "lao-cai-2023.txt", earlier)
    (earlier / "pack.toml").write_text(
        'meeting = "Kỳ trước"\ndate = 2023-01-01\nsources = ["lao-cai-2023.txt"]\n', "utf-8"
    )
    options = replace(load_manifest(LATEST), previous=(earlier / "pack.toml",))
    meetings = read_meetings(options, LATEST)
    found = history(meetings.current, meetings.earlier)
    assert [c.province for c in found.changes] == ["Lào Cai"]
    assert {ask.province for ask in found.repeated} == {"Lào Cai"}


def test_a_cycle_of_previous_meetings_is_read_once(tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    for folder, other, paper in (
        (one, two, "can-tho-2023.txt"),
        (two, one, "lao-cai-2023.txt"),
    ):
        folder.mkdir()
        shutil.copy(SOURCES / "hoi-nghi-2023" / paper, folder)
        (folder / "pack.toml").write_text(
            f'meeting = "{folder.name}"\nsources = ["{paper}"]\n'
            f'previous = ["../{other.name}/pack.toml"]\n',
            encoding="utf-8",
        )
    options = load_manifest(one / "pack.toml")
    meetings = read_meetings(options, one / "pack.toml")
    assert [m.name for m in meetings.earlier] == ["two"]


def test_two_meetings_with_one_name_are_refused(tmp_path: Path) -> None:
    manifest = tmp_path / "pack.toml"
    manifest.write_text(
        'meeting = "Hội nghị Ngoại vụ lần thứ 21"\n'
        f'sources = ["{(SOURCES / "hoi-nghi-2025" / "tham-luan-tong-hop.txt").as_posix()}"]\n'
        f'previous = ["{(SOURCES / "hoi-nghi-2023" / "pack.toml").as_posix()}"]\n'
        'outputs = ["b.pdf"]\n',
        encoding="utf-8",
    )
    result = run("build", manifest, exit_code=2)
    assert "'Hội nghị Ngoại vụ lần thứ 21' is the name of another meeting too" in result.stderr
    assert not (tmp_path / "b.pdf").exists()


def test_a_missing_previous_manifest_is_a_usage_error(tmp_path: Path) -> None:
    manifest = tmp_path / "pack.toml"
    manifest.write_text('sources = ["a.txt"]\nprevious = ["../khong-co/pack.toml"]\n', "utf-8")
    result = run("build", manifest, exit_code=2)
    assert result.stderr == (
        f"brief: {manifest}: previous: {tmp_path.parent / 'khong-co' / 'pack.toml'}: "
        "no such manifest\n"
    )


# --- in the reports ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("meetings")
    options = replace(
        load_manifest(LATEST),
        outputs=(folder / "b.docx", folder / "b.pdf"),
        store=folder / "brief.db",
    )
    build_pack(options, LATEST)
    return options.outputs


def test_both_reports_have_the_two_chapters(built) -> None:
    docx, pdf = built
    for text in (docx_text(docx), pdf_text(pdf)):
        changes = text.rindex("VI. Thay đổi so với kỳ trước")  # the chapter, not the contents
        repeated = text.rindex("VII. Kiến nghị lặp lại")
        assert changes < repeated < text.rindex("Phụ lục")
        chapter = text[changes:repeated]
        assert squash("So với Hội nghị Ngoại vụ lần thứ 21 (12/12/2023): lao-cai-2023.txt") in (
            chapter
        )
        assert squash("Kiến nghị, đề xuất: 1 giữ nguyên, 2 điều chỉnh, 1 mới") in chapter
        # Table cells (DOCX lists them after the paragraphs): words only these chapters have.
        assert "Không còn" in text and "Khôi phục thị trường khách du lịch quốc tế" in text
        for meeting in ("lần thứ 20 (10/12/2021)", "lần thứ 21 (12/12/2023) (2.)"):
            assert meeting in text


def test_the_redline_strikes_what_went_and_underlines_what_came(built) -> None:
    docx, _ = built
    word = WordDocument(str(docx))
    runs = [
        run
        for table in word.tables
        for row in table.rows
        for cell in row.cells
        for paragraph in cell.paragraphs
        for run in paragraph.runs
    ]
    styles = {run.style.name for run in runs if run.text.strip()}
    assert {"Deleted", "Inserted"} <= styles
    deleted = " ".join(run.text for run in runs if run.style.name == "Deleted")
    inserted = " ".join(run.text for run in runs if run.style.name == "Inserted")
    assert "Đẩy mạnh" in deleted  # Cần Thơ's economic-diplomacy task, 2023 wording
    assert "mở thêm luồng thông quan chuyên dụng cho hàng nông sản." in inserted  # Bản Vược


def test_english_wording(tmp_path: Path) -> None:
    options = replace(
        load_manifest(LATEST),
        outputs=(tmp_path / "b.docx",),
        store=tmp_path / "brief.db",
        language="en",
    )
    build_pack(options, LATEST)
    text = docx_text(tmp_path / "b.docx")
    assert "VI. Changes since the previous meeting" in text
    assert "VII. Repeated asks" in text and "Against Hội nghị Ngoại vụ lần thứ 21" in text
    assert "Thay đổi so với kỳ trước" not in text


def test_pack_previous_on_the_command_line(tmp_path: Path) -> None:
    out = tmp_path / "b.docx"
    run(
        "pack",
        SOURCES / "hoi-nghi-2025",
        "--previous",
        SOURCES / "hoi-nghi-2023" / "pack.toml",
        "--meeting",
        "Kỳ này",
        "-o",
        out,
        "--date",
        "2025-12-15",
    )
    assert "VI. Thay đổi so với kỳ trước" in docx_text(out)


def test_without_previous_meetings_there_is_no_such_chapter(tmp_path: Path) -> None:
    out = tmp_path / "b.docx"
    run("pack", SOURCES / "hoi-nghi-2025", "-o", out, "--date", "2025-12-15")
    assert "Thay đổi so với kỳ trước" not in docx_text(out)


def test_history_of_a_meeting_alone_is_empty() -> None:
    alone = history(Meeting("x", None, []), [])
    assert alone.changes == [] and alone.repeated == []
