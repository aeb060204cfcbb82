"""One options object for the command line and manifests; one warning channel.

Options: the same value is refused with the same reason on the command line and in a
manifest (exit 2, one line naming the option), before any source is read. Warnings: every
guess goes to stderr as ``path: warning: …``, ``--quiet`` hides them, and a summary line
closes a run that had any; per-file reasons always come before a summary error.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from test_reader_legacy import to_tcvn3

from compiler import diagnostics
from compiler.cli import main
from compiler.ingest import load_documents
from compiler.model import SectionKind
from compiler.options import SETTINGS, PackOptions, from_values, load_manifest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "papers"
BINH_DINH = FIXTURES / "binh-dinh.txt"
LAM_DONG = FIXTURES / "lam-dong.md"


def run(*args: object, exit_code: int) -> Result:
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == exit_code, f"{result.stdout}\n{result.stderr}"
    return result


# --- same rules, same messages, exit 2 --------------------------------------------------------

# (command-line option and value, manifest line, the reason both must give)
BAD_VALUES = [
    (("--date", "2025-13-01"), 'date = "2025-13-01"', "must be YYYY-MM-DD, not '2025-13-01'"),
    (
        ("-s", "budget"),
        'sections = ["budget"]',
        "unknown section kind 'budget' (known: context, achievements, opportunities, "
        "challenges, tasks, proposals, lessons, other, all)",
    ),
    (("--language", "fr"), 'language = "fr"', "unknown language 'fr' (known: vi, en)"),
    (("--title", "   "), 'title = "   "', "the title is empty"),
    (("--template", "khong-co.docx"), 'template = "khong-co.docx"', "khong-co.docx: no such file"),
    (
        ("-o", "bao-cao.odt"),
        'outputs = ["bao-cao.odt"]',
        "bao-cao.odt: unsupported report type '.odt' (use .docx, .pdf or .html)",
    ),
]


@pytest.mark.parametrize(("cli", "line", "reason"), BAD_VALUES, ids=lambda v: str(v)[:20])
def test_a_bad_value_gets_the_same_reason_on_the_command_line_and_in_a_manifest(
    tmp_path: Path, monkeypatch, cli: tuple[str, str], line: str, reason: str
) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(BINH_DINH, tmp_path / "binh-dinh.txt")
    flag = next(s.flags[0] for s in SETTINGS if cli[0] in s.flags)
    from_cli = run("pack", "binh-dinh.txt", *cli, exit_code=2)
    assert from_cli.stderr == f"brief: {flag}: {reason}\n"
    Path("pack.toml").write_text(f'sources = ["binh-dinh.txt"]\n{line}\n', encoding="utf-8")
    from_manifest = run("build", "pack.toml", exit_code=2)
    key = line.split(" =")[0]
    assert from_manifest.stderr == f"brief: pack.toml: {key}: {reason}\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["binh-dinh.txt", "pack.toml"]
    assert "SectionKind" not in from_cli.stderr + from_manifest.stderr


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("title = 5", "title: must be text, not 5"),
        ("sections = [1, 2]", "sections: must be a list of texts, not [1, 2]"),
        ('date = "15/12/2025"', "date: must be YYYY-MM-DD, not '15/12/2025'"),
        ('outputs = "b.docx"\ntemplate = []', "template: must be a path, not []"),
    ],
)
def test_manifest_values_of_the_wrong_type_are_usage_errors(
    tmp_path: Path, line: str, reason: str
) -> None:
    manifest = tmp_path / "pack.toml"
    manifest.write_text(f'sources = ["a.txt"]\n{line}\n', encoding="utf-8")
    result = run("build", manifest, exit_code=2)
    assert result.stderr == f"brief: {manifest}: {reason}\n"


def test_all_sections_on_the_command_line_and_in_a_manifest(tmp_path: Path) -> None:
    from_cli = from_values({"sources": (BINH_DINH,), "sections": ("all",)})
    manifest = tmp_path / "pack.toml"
    manifest.write_text(f'sources = ["{BINH_DINH.as_posix()}"]\nsections = "all"\n', "utf-8")
    assert from_cli.kinds == load_manifest(manifest).kinds == tuple(SectionKind)
    assert from_values({"sources": (BINH_DINH,), "sections": ("tasks,all",)}).kinds == tuple(
        SectionKind
    )


def test_manifest_and_command_line_give_equal_options(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    manifest = tmp_path / "pack.toml"
    manifest.write_text(
        'sources = ["a.txt"]\noutputs = ["x/b.pdf"]\ntitle = "Hội  nghị"\n'
        'date = 2025-12-15\nsections = ["tasks", "proposals"]\nprovinces = ["Huế, Lào Cai"]\n'
        'language = "en"\n',
        encoding="utf-8",
    )
    values = {
        "sources": (Path("a.txt"),),
        "outputs": (Path("x/b.pdf"),),
        "title": "Hội nghị",
        "date": "2025-12-15",
        "sections": ("tasks,proposals",),
        "provinces": ("Huế", "Lào Cai"),
        "language": "en",
    }
    assert load_manifest(Path("pack.toml")) == from_values(values)


def test_every_setting_is_a_field_an_option_and_a_documented_manifest_key() -> None:
    fields = {f.name for f in dataclasses.fields(PackOptions)}
    help_text = run("pack", "--help", exit_code=0).stdout
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    manifest_block = re.search(r"```toml\n(.*?)```", readme, re.DOTALL).group(1)
    for setting in SETTINGS:
        assert setting.field_name in fields
        # A boolean pair ("--annex/--no-annex") is listed as both of its flags.
        assert all(name in help_text for flag in setting.flags for name in flag.split("/"))
        assert re.search(rf"^{setting.key} = ", manifest_block, re.MULTILINE), setting.key


# --- outputs never overwrite inputs; checked before any work -------------------------------------


def test_compare_checks_its_output_suffix_before_any_work() -> None:
    args = ("compare", FIXTURES, "-l", "Khánh Hòa", "-r", "Quảng Nam", "-s", "all", "-o", "x.txt")
    result = run(*args, exit_code=2)
    assert result.stdout == ""
    assert result.stderr == (
        "brief: --output: x.txt: unsupported report type '.txt' (use .docx, .pdf or .html)\n"
    )


@pytest.mark.parametrize("how", ["same name", "through ..", "found in a source folder"])
def test_an_output_that_is_an_input_is_refused(tmp_path: Path, monkeypatch, how: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "papers").mkdir()
    from docx_builder import build_docx

    paper = build_docx(
        tmp_path / "papers" / "lam-dong.docx",
        [("title", "TỈNH LÂM ĐỒNG VỚI HỢP TÁC QUỐC TẾ"), ("body", "Tỉnh ủy Lâm Đồng")],
    )
    before = paper.read_bytes()
    source, output = {
        "same name": ("papers/lam-dong.docx", "papers/lam-dong.docx"),
        "through ..": ("papers/lam-dong.docx", "papers/../papers/lam-dong.docx"),
        "found in a source folder": ("papers", "papers/lam-dong.docx"),
    }[how]
    result = run("pack", source, "-o", output, exit_code=2)
    assert result.stderr == (
        f"brief: --output: {output}: is one of the inputs; write the report somewhere else\n"
    )
    assert paper.read_bytes() == before
    assert run("compare", source, "-l", "x", "-r", "y", "-s", "tasks", "-o", output, exit_code=2)


# --- the warning channel ---------------------------------------------------------------------


def tcvn3_paper(folder: Path) -> Path:
    path = folder / "binh-dinh-tcvn3.txt"
    path.write_text(to_tcvn3(BINH_DINH.read_text(encoding="utf-8")), encoding="utf-8")
    return path


def test_a_guess_is_a_warning_on_stderr_with_a_summary_line(tmp_path: Path) -> None:
    legacy = tcvn3_paper(tmp_path)
    result = run("ingest", legacy, LAM_DONG, exit_code=0)
    assert result.stderr.splitlines() == [
        f"{legacy}: warning: legacy TCVN3 (ABC) text converted to Unicode",
        "2 files read, 1 warning, 0 refused",
    ]
    assert "Bình Định" in result.stdout


def test_quiet_hides_warnings_and_the_summary_but_not_refusals(tmp_path: Path) -> None:
    legacy = tcvn3_paper(tmp_path)
    missing = tmp_path / "khong-co.txt"
    for args in (("--quiet", "ingest"), ("ingest", "-q")):
        result = run(*args, legacy, missing, exit_code=1)
        assert result.stderr == f"{missing}: no such file or folder\n"


def test_a_clean_run_prints_nothing_on_stderr() -> None:
    assert run("ingest", BINH_DINH, exit_code=0).stderr == ""


def test_every_file_in_a_folder_is_read_or_named(tmp_path: Path) -> None:
    shutil.copy(BINH_DINH, tmp_path / "binh-dinh.txt")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "bang.xlsx").write_bytes(b"PK\x03\x04")
    (tmp_path / "README.md").write_text("Ghi chú của thư mục.\n", encoding="utf-8")
    (tmp_path / "pack.toml").write_text('sources = ["."]\n', encoding="utf-8")
    result = run("ingest", tmp_path, exit_code=0)
    assert result.stderr.splitlines() == [
        f"{tmp_path / 'bang.xlsx'}: warning: skipped: not a document brief reads ('.xlsx')",
        f"{tmp_path / 'logo.png'}: warning: skipped: not a document brief reads ('.png')",
        "1 file read, 2 warnings, 0 refused",
    ]


def test_per_file_reasons_come_before_the_summary_error(tmp_path: Path) -> None:
    empty = tmp_path / "rong.txt"
    empty.write_bytes(b"")
    missing = tmp_path / "khong-co.docx"
    result = run("pack", empty, missing, "-o", tmp_path / "b.pdf", exit_code=1)
    assert result.stderr.splitlines() == [
        f"{missing}: no such file or folder",
        f"{empty}: no text found (empty file?)",
        "0 files read, 0 warnings, 2 refused",
        "brief: no paper with a province to put in the pack (2 sources refused, reasons above)",
    ]
    manifest = tmp_path / "pack.toml"
    manifest.write_text('sources = ["a.txt", "b.md"]\noutputs = ["b.pdf"]\n', encoding="utf-8")
    result = run("build", manifest, exit_code=1)
    assert result.stderr.splitlines()[:2] == [
        f"{tmp_path / 'a.txt'}: no such file or folder",
        f"{tmp_path / 'b.md'}: no such file or folder",
    ]
    assert not (tmp_path / "b.pdf").exists()


def test_library_code_never_prints(tmp_path: Path, capsys) -> None:
    legacy = tcvn3_paper(tmp_path)
    channel = diagnostics.Channel()
    with diagnostics.using(channel):
        result = load_documents([legacy, tmp_path / "khong-co.txt"])
    assert capsys.readouterr() == ("", "")
    assert result.documents[0].warnings == ["legacy TCVN3 (ABC) text converted to Unicode"]
    assert (channel.files_read, channel.warnings, channel.refusals) == (1, 1, 1)
    assert channel.summary() == "1 file read, 1 warning, 1 refused"


# --- selecting a paper by file ---------------------------------------------------------------


def test_a_file_name_written_in_nfd_can_be_selected(tmp_path: Path) -> None:
    name = unicodedata.normalize("NFD", "Lâm-Đồng.md")
    shutil.copy(LAM_DONG, tmp_path / name)
    composed = unicodedata.normalize("NFC", name)
    result = run("show", tmp_path, "-p", f"Lâm Đồng@{composed}", exit_code=0)
    assert "TỈNH LÂM ĐỒNG" in result.stdout


def test_a_file_part_that_names_no_source_says_so() -> None:
    result = run("show", LAM_DONG, BINH_DINH, "-p", "Lâm Đồng@lam-dong.docx", exit_code=2)
    assert result.stderr == (
        "brief: no paper matches 'Lâm Đồng@lam-dong.docx': no source file is named "
        "'lam-dong.docx' (sources: lam-dong.md, binh-dinh.txt)\n"
    )
