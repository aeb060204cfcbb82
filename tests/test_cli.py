"""The ``brief`` command line through Click's runner: help, ingest, show, export and errors."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from docx_builder import build_docx

from compiler.cli import main
from compiler.model import SectionKind

FIXTURES = Path(__file__).parent / "fixtures" / "papers"
BINH_DINH = FIXTURES / "binh-dinh.txt"
MIEN_TRUNG = FIXTURES / "hoi-nghi-mien-trung.txt"
LAM_DONG = FIXTURES / "lam-dong.md"


def run_cli(*args: object, exit_code: int = 0) -> Result:
    """Run ``brief`` with ``args``; fail with its stdout and stderr unless it exits as expected."""
    result = CliRunner().invoke(
        main, [str(a) for a in args], prog_name="brief", catch_exceptions=False
    )
    assert result.exit_code == exit_code, (
        f"brief {' '.join(map(str, args))}: exit code {result.exit_code}, expected {exit_code}\n"
        f"--- stdout ---\n{result.stdout}\n--- stderr ---\n{result.stderr}"
    )
    return result


def squeeze(text: str) -> list[str]:
    """Output lines with runs of spaces collapsed (column padding is not the point)."""
    return [" ".join(line.split()) for line in text.splitlines()]


# --- help ------------------------------------------------------------------------------------


def test_main_help_lists_every_command() -> None:
    result = run_cli("--help")
    assert result.stdout.startswith("Usage: brief [OPTIONS] COMMAND [ARGS]...")
    for name in main.commands:
        assert f"  {name} " in result.stdout
    assert {"ingest", "show", "export"} <= set(main.commands)


def test_short_help_option() -> None:
    assert run_cli("-h").stdout == run_cli("--help").stdout


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_has_help(command: str) -> None:
    result = run_cli(command, "--help")
    usage = {
        "build": "MANIFEST",
        "search": "QUERY [SOURCES]...",
        "store": "COMMAND [ARGS]...",
    }.get(command, "SOURCES...")
    assert result.stdout.startswith(f"Usage: brief {command} [OPTIONS] {usage}")
    assert main.commands[command].help, f"{command} has no docstring"
    assert result.stderr == ""


def test_version() -> None:
    from compiler import __version__

    assert run_cli("--version").stdout == f"brief, version {__version__}\n"


def test_python_dash_m_compiler_help() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "compiler", "--help"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.startswith("Usage: python -m compiler [OPTIONS] COMMAND")
    assert "ingest" in completed.stdout


def test_no_command_shows_usage() -> None:
    result = run_cli(exit_code=2)
    assert "Usage: brief" in result.stdout + result.stderr


def test_sources_are_required() -> None:
    result = run_cli("ingest", exit_code=2)
    assert "Missing argument 'SOURCES...'" in result.stderr


# --- ingest ----------------------------------------------------------------------------------

INGEST_TABLE = [
    "binh-dinh.txt — text, 1 paper(s)",
    "Bình Định → Gia Lai context 1 · achievements 3 · challenges 3 · tasks 3 · proposals 2",
    "(1 footnotes)",
    "hoi-nghi-mien-trung.txt — text, 2 paper(s)",
    "Khánh Hòa context 1 · achievements 2 · tasks 3",
    "Quảng Nam → Đà Nẵng context 1 · challenges 2 · tasks 2 · proposals 1",
    "(1 title lines, 1 furniture)",
    "lam-dong.md — text, 1 paper(s)",
    "Lâm Đồng context 1 · achievements 2 · lessons 2 · proposals 1",
]


def test_ingest_a_folder_prints_every_document_with_provinces_and_item_counts() -> None:
    result = run_cli("ingest", FIXTURES)
    assert squeeze(result.stdout) == INGEST_TABLE
    assert result.stderr == ""


def test_ingest_skips_hidden_files_and_readme(tmp_path: Path) -> None:
    shutil.copy(LAM_DONG, tmp_path / "lam-dong.md")
    (tmp_path / "README.md").write_text("# Ghi chú\n\nThư mục mẫu.\n", encoding="utf-8")
    (tmp_path / ".nhap.txt").write_text("Bản nháp.\n", encoding="utf-8")
    (tmp_path / "anh.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    result = run_cli("ingest", tmp_path)
    assert squeeze(result.stdout) == INGEST_TABLE[-2:]


def test_ingest_files_in_the_order_given() -> None:
    result = run_cli("ingest", LAM_DONG, BINH_DINH)
    assert squeeze(result.stdout)[0] == "lam-dong.md — text, 1 paper(s)"
    assert squeeze(result.stdout)[2] == "binh-dinh.txt — text, 1 paper(s)"


def test_ingest_reads_docx(tmp_path: Path) -> None:
    path = build_docx(
        tmp_path / "ha-tinh.docx",
        [
            ("title", "TỈNH HÀ TĨNH VỚI CÔNG TÁC ĐỐI NGOẠI"),
            ("body", "Tỉnh ủy Hà Tĩnh"),
            ("heading1", "I. NHIỆM VỤ THỜI GIAN TỚI"),
            ("bullet", "Mở rộng hợp tác với các tỉnh Trung Lào."),
            ("bullet", "Thu hút đầu tư vào khu kinh tế cửa khẩu."),
        ],
    )
    result = run_cli("ingest", path)
    assert squeeze(result.stdout) == ["ha-tinh.docx — docx, 1 paper(s)", "Hà Tĩnh tasks 2"]


# --- show ------------------------------------------------------------------------------------


@pytest.mark.parametrize("selector", ["Khánh Hòa", "Khánh Hoà", "Khanh Hoa", "KHÁNH HÒA"])
def test_show_a_province_however_it_is_written(selector: str) -> None:
    result = run_cli("show", FIXTURES, "--province", selector)
    lines = result.stdout.splitlines()
    assert lines[0] == f"# {MIEN_TRUNG}"
    assert lines[1] == "Khánh Hòa — VÙNG BIỂN XANH HỘI NHẬP"
    assert lines[2] == (
        "author: Tỉnh ủy Khánh Hoà · 2025 unit: Khánh Hòa · hoi-nghi-mien-trung.txt:4-19"
    )
    assert "[achievements] I. NHỮNG KẾT QUẢ NỔI BẬT  (hoi-nghi-mien-trung.txt:9-13)" in lines
    assert (
        "  Thứ nhất tỉnh đã tổ chức thành công nhiều sự kiện văn hóa quốc tế  "
        "(hoi-nghi-mien-trung.txt:11)" in lines
    )
    assert "[tasks] II. NHIỆM VỤ TRỌNG TÂM  (hoi-nghi-mien-trung.txt:15-19)" in lines
    assert sum(line.startswith("# ") for line in lines) == 1


def test_show_province_at_file() -> None:
    result = run_cli("show", FIXTURES, "-p", "Quảng Nam@hoi-nghi-mien-trung.txt")
    lines = result.stdout.splitlines()
    assert lines[:2] == [f"# {MIEN_TRUNG}", "Quảng Nam — TỈNH QUẢNG NAM VỚI CÔNG TÁC ĐỐI NGOẠI"]
    assert [line for line in lines if line.startswith("[")] == [
        "[context] (no heading)  (hoi-nghi-mien-trung.txt:24)",
        "[challenges] 1. Khó khăn, thách thức  (hoi-nghi-mien-trung.txt:26-29)",
        "[tasks] 2. Phương hướng thời gian tới  (hoi-nghi-mien-trung.txt:31-34)",
        "[proposals] 3. Kiến nghị  (hoi-nghi-mien-trung.txt:36-38)",
    ]


def test_show_by_the_2025_unit_finds_the_merged_province() -> None:
    result = run_cli("show", FIXTURES, "-p", "Gia Lai")
    assert result.stdout.splitlines()[1] == "Bình Định — TỈNH BÌNH ĐỊNH CHỦ ĐỘNG HỘI NHẬP QUỐC TẾ"


def test_show_only_the_sections_asked_for_with_full_item_texts() -> None:
    result = run_cli("show", BINH_DINH, "-p", "Bình Định", "--section", "tasks")
    lines = result.stdout.splitlines()
    assert [line for line in lines if line.startswith("[")] == [
        "[tasks] III. PHƯƠNG HƯỚNG, NHIỆM VỤ  (binh-dinh.txt:24-28)",
    ]
    assert lines[-3:] == [
        "  1. Nâng cao hiệu quả phối hợp giữa các sở, ngành trong công tác đối ngoại.  "
        "(binh-dinh.txt:26)",
        "  2. Đẩy mạnh ngoại giao kinh tế gắn với thu hút đầu tư chất lượng cao.  "
        "(binh-dinh.txt:27)",
        "  3. Tăng cường quảng bá hình ảnh Bình Định ra thế giới.  (binh-dinh.txt:28)",
    ]


def test_show_several_section_kinds_comma_separated() -> None:
    result = run_cli("show", BINH_DINH, "-p", "Bình Định", "-s", "challenges,proposals")
    kinds = [
        line.split("]")[0] + "]" for line in result.stdout.splitlines() if line.startswith("[")
    ]
    assert kinds == ["[challenges]", "[proposals]"]


def test_show_an_unknown_province_lists_the_provinces_found() -> None:
    result = run_cli("show", FIXTURES, "-p", "Huế", exit_code=2)
    assert result.stdout == ""
    assert result.stderr == (
        "brief: no paper matches 'Huế' (provinces found: Bình Định, Khánh Hòa, Lâm Đồng, "
        "Quảng Nam)\n"
    )


def test_show_an_unknown_section_kind_is_a_usage_error() -> None:
    result = run_cli("show", BINH_DINH, "-p", "Bình Định", "-s", "ketluan", exit_code=2)
    assert result.stderr == (
        "brief: --section: unknown section kind 'ketluan' (known: context, achievements, "
        "opportunities, challenges, tasks, proposals, lessons, other, all)\n"
    )


# --- export ----------------------------------------------------------------------------------


def test_export_json_schema_and_values() -> None:
    result = run_cli("export", "--format", "json", MIEN_TRUNG, BINH_DINH)
    assert "Khánh Hòa" in result.stdout and "\\u" not in result.stdout  # Vietnamese unescaped
    data = json.loads(result.stdout)
    assert [d["source"] for d in data["documents"]] == [str(MIEN_TRUNG), str(BINH_DINH)]
    mien_trung, binh_dinh = data["documents"]
    assert mien_trung["format"] == "text"
    # The compilation's own title; the circulation note is page furniture.
    assert mien_trung["title"] == "HỘI NGHỊ CÔNG TÁC ĐỐI NGOẠI CÁC TỈNH MIỀN TRUNG"
    assert mien_trung["front_matter"] == []
    assert "Tài liệu phục vụ hội nghị, lưu hành nội bộ." in [
        b["text"] for b in mien_trung["furniture"]
    ]
    assert [(p["province"], p["province_2025"], p["author"]) for p in mien_trung["papers"]] == [
        ("Khánh Hòa", "Khánh Hòa", "Tỉnh ủy Khánh Hoà"),
        ("Quảng Nam", "Đà Nẵng", "Tỉnh ủy Quảng Nam"),
    ]
    quang_nam = mien_trung["papers"][1]
    assert quang_nam["title"] == "TỈNH QUẢNG NAM VỚI CÔNG TÁC ĐỐI NGOẠI"
    assert quang_nam["provenance"] == {"source": str(MIEN_TRUNG), "line_start": 21, "line_end": 38}
    assert [(s["kind"], s["heading"]) for s in quang_nam["sections"]] == [
        ("context", None),
        ("challenges", "1. Khó khăn, thách thức"),
        ("tasks", "2. Phương hướng thời gian tới"),
        ("proposals", "3. Kiến nghị"),
    ]
    tasks = quang_nam["sections"][2]
    assert tasks["text"] == (
        "a) Tăng cường quảng bá di sản ra thế giới.\n"
        "b) Mở rộng hợp tác với các địa phương kết nghĩa."
    )
    assert tasks["provenance"] == {"source": str(MIEN_TRUNG), "line_start": 31, "line_end": 34}
    assert [
        (i["label"], i["text"], i["provenance"]["line_start"], i["provenance"]["line_end"])
        for i in tasks["items"]
    ] == [
        ("a)", "Tăng cường quảng bá di sản ra thế giới.", 33, 33),
        ("b)", "Mở rộng hợp tác với các địa phương kết nghĩa.", 34, 34),
    ]
    assert [(f["text"], f["footnote_refs"]) for f in binh_dinh["footnotes"]] == [
        ("Số liệu do Sở Ngoại vụ tổng hợp đến hết năm 2023.", ["1"]),
    ]


def test_export_every_section_kind_is_canonical_and_every_item_has_provenance() -> None:
    data = json.loads(run_cli("export", FIXTURES).stdout)
    kinds = {k.value for k in SectionKind}
    for document in data["documents"]:
        for paper in document["papers"]:
            assert set(paper) >= {
                "province",
                "province_2025",
                "title",
                "author",
                "provenance",
                "sections",
            }
            for section in paper["sections"]:
                assert section["kind"] in kinds
                assert set(section) >= {"kind", "heading", "text", "provenance", "items"}
                for item in section["items"]:
                    assert set(item) >= {"label", "title", "text", "provenance"}
                    prov = item["provenance"]
                    assert prov["source"] == document["source"]
                    assert 1 <= prov["line_start"] <= prov["line_end"]


def test_export_docx_provenance_uses_paragraph_numbers(tmp_path: Path) -> None:
    path = build_docx(
        tmp_path / "ha-tinh.docx",
        [
            ("title", "TỈNH HÀ TĨNH VỚI CÔNG TÁC ĐỐI NGOẠI"),
            ("body", "Tỉnh ủy Hà Tĩnh"),
            ("heading1", "I. NHIỆM VỤ THỜI GIAN TỚI"),
            ("numbered", "Mở rộng hợp tác với các tỉnh Trung Lào."),
            ("numbered", "Thu hút đầu tư vào khu kinh tế cửa khẩu."),
        ],
    )
    data = json.loads(run_cli("export", path).stdout)
    [paper] = data["documents"][0]["papers"]
    assert data["documents"][0]["format"] == "docx"
    [tasks] = paper["sections"]
    assert [(i["label"], i["provenance"]) for i in tasks["items"]] == [
        ("1.", {"source": str(path), "paragraph_start": 4, "paragraph_end": 4}),
        ("2.", {"source": str(path), "paragraph_start": 5, "paragraph_end": 5}),
    ]


# --- errors ----------------------------------------------------------------------------------


def make_bad(folder: Path, kind: str) -> tuple[Path, str]:
    """A file that cannot be read, and the reason ``brief`` must give."""
    if kind == "missing":
        return folder / "khong-ton-tai.txt", "no such file or folder"
    if kind == "empty":
        path = folder / "rong.txt"
        path.write_bytes(b"")
        return path, "no text found (empty file?)"
    if kind == "binary":
        path = folder / "anh-scan.txt"
        path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
        return path, "not a text file (binary content)"
    if kind == "suffix":
        path = folder / "bang-tinh.xyz"
        path.write_text("Nội dung bất kỳ.\n", encoding="utf-8")
        return path, "unsupported file type '.xyz' (known: "
    if kind == "docx":
        path = folder / "hong.docx"
        path.write_bytes(b"day khong phai tep Word")
        return path, "not a valid DOCX file ("
    raise ValueError(kind)


BAD_KINDS = ["missing", "empty", "binary", "suffix", "docx"]


@pytest.mark.parametrize("kind", BAD_KINDS)
def test_a_bad_file_gives_one_line_on_stderr_and_exit_1(tmp_path: Path, kind: str) -> None:
    bad, reason = make_bad(tmp_path, kind)
    result = run_cli("ingest", LAM_DONG, bad, exit_code=1)
    line, summary = result.stderr.splitlines()
    assert line.startswith(f"{bad}: {reason}")
    assert summary == "1 file read, 0 warnings, 1 refused"
    assert squeeze(result.stdout) == INGEST_TABLE[-2:]  # the good file still went through


def test_all_bad_files_in_one_run(tmp_path: Path) -> None:
    bad = [make_bad(tmp_path, kind) for kind in BAD_KINDS]
    result = run_cli("ingest", LAM_DONG, *(path for path, _ in bad), BINH_DINH, exit_code=1)
    *lines, summary = result.stderr.splitlines()
    assert len(lines) == len(bad)
    assert summary == "2 files read, 0 warnings, 5 refused"
    for path, reason in bad:
        assert sum(line.startswith(f"{path}: {reason}") for line in lines) == 1
    assert squeeze(result.stdout) == INGEST_TABLE[-2:] + INGEST_TABLE[:3]


def test_a_folder_with_bad_files_still_reads_the_good_ones(tmp_path: Path) -> None:
    shutil.copy(BINH_DINH, tmp_path / "binh-dinh.txt")
    empty, empty_reason = make_bad(tmp_path, "empty")
    docx, docx_reason = make_bad(tmp_path, "docx")
    result = run_cli("ingest", tmp_path, exit_code=1)
    assert squeeze(result.stdout) == INGEST_TABLE[:3]
    assert result.stderr.splitlines() == [
        f"{docx}: not a valid DOCX file (not a zip archive)",
        f"{empty}: {empty_reason}",
        "1 file read, 0 warnings, 2 refused",
    ]


def test_export_with_a_bad_file_still_writes_valid_json(tmp_path: Path) -> None:
    bad, reason = make_bad(tmp_path, "binary")
    result = run_cli("export", bad, LAM_DONG, exit_code=1)
    assert result.stderr == f"{bad}: {reason}\n1 file read, 0 warnings, 1 refused\n"
    data = json.loads(result.stdout)
    assert [d["source"] for d in data["documents"]] == [str(LAM_DONG)]


def test_show_with_a_bad_file_still_shows_the_paper(tmp_path: Path) -> None:
    bad, reason = make_bad(tmp_path, "empty")
    result = run_cli("show", bad, LAM_DONG, "-p", "Lâm Đồng", exit_code=1)
    assert result.stderr == f"{bad}: {reason}\n1 file read, 0 warnings, 1 refused\n"
    assert result.stdout.splitlines()[1] == "Lâm Đồng — TỈNH LÂM ĐỒNG VỚI HỢP TÁC QUỐC TẾ"


def test_an_empty_folder_is_reported(tmp_path: Path) -> None:
    result = run_cli("ingest", tmp_path, exit_code=1)
    assert result.stderr == (
        f"{tmp_path}: folder holds no readable documents\n0 files read, 0 warnings, 1 refused\n"
    )
    assert result.stdout == ""
