"""``brief figures`` and ``brief asks`` through Click's runner: text, JSON and CSV (read back
with the csv module, byte-order mark and all), province and category filters, errors, and
both in ``brief export``."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from test_cli import run_cli

FIXTURES = Path(__file__).parent / "fixtures" / "figures"
QUANG_BINH = FIXTURES / "quang-binh.txt"
BINH_DUONG = FIXTURES / "binh-duong.md"

FIGURE_KEYS = [
    "province",
    "section",
    "category",
    "value",
    "value_max",
    "unit",
    "multiplier",
    "qualifier",
    "as_written",
    "period",
    "sentence",
    "provenance",
]
ASK_KEYS = ["province", "addressees", "action", "theme", "text", "provenance"]


def test_figures_json_shape_and_values() -> None:
    data = json.loads(run_cli("figures", QUANG_BINH, "--format", "json").stdout)
    assert list(data) == ["figures"]
    assert all(list(f) == FIGURE_KEYS for f in data["figures"])
    capital = next(f for f in data["figures"] if f["as_written"] == "3,862 tỷ USD")
    assert capital | {"sentence": None} == {
        "province": "Quảng Bình",
        "section": "achievements",
        "category": "fdi_capital",
        "value": 3862000000,
        "value_max": None,
        "unit": "USD",
        "multiplier": "tỷ",
        "qualifier": None,
        "as_written": "3,862 tỷ USD",
        "period": "lũy kế đến năm 2023",
        "sentence": None,
        "provenance": {"source": str(QUANG_BINH), "line_start": 17, "line_end": 17},
    }
    ranged = next(f for f in data["figures"] if f["value_max"] is not None)
    assert (ranged["value"], ranged["value_max"], ranged["unit"]) == (3, 5, "delegations")


def test_figures_csv_has_a_bom_and_reads_back_in_vietnamese(tmp_path: Path) -> None:
    result = run_cli("figures", QUANG_BINH, BINH_DUONG, "--format", "csv")
    raw = result.stdout_bytes
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    json_rows = json.loads(run_cli("figures", QUANG_BINH, BINH_DUONG, "--format", "json").stdout)
    assert len(rows) == len(json_rows["figures"]) == 39
    assert list(rows[0]) == [k for k in FIGURE_KEYS if k != "provenance"] + ["source", "location"]
    remittance = next(r for r in rows if r["category"] == "remittances")
    assert remittance["as_written"] == "120 triệu USD"
    assert remittance["sentence"] == "Lượng kiều hối chuyển về tỉnh hằng năm trên 120 triệu USD."
    assert (remittance["value"], remittance["value_max"], remittance["location"]) == (
        "120000000",
        "",
        "line 19",
    )
    path = tmp_path / "figures.csv"  # as Excel would open the file a user saves
    path.write_bytes(raw)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        assert next(csv.reader(handle))[0] == "province"


def test_figures_text_lists_every_figure_per_province_then_side_by_side() -> None:
    out = run_cli("figures", BINH_DUONG, QUANG_BINH).stdout
    assert "Bình Dương — 9 figure(s)" in out and "Quảng Bình — 30 figure(s)" in out
    assert out.index("Bình Dương — ") < out.index("Quảng Bình — ") < out.index("Side by side")
    side = out[out.index("Side by side: fdi_projects") :].split("\n\n")[0].splitlines()
    assert [" ".join(line.split()) for line in side[1:]] == [
        "Bình Dương 4.210 dự án [tháng 06/2024]",
        "Quảng Bình 52 dự án [lũy kế đến năm 2023]; 06 dự án [năm 2023]",
    ]


def test_figures_province_and_category_filters() -> None:
    data = json.loads(
        run_cli("figures", FIXTURES, "-p", "quang binh", "-c", "trade", "--format", "json").stdout
    )
    assert [f["as_written"] for f in data["figures"]] == [
        "450 triệu USD",
        "52,5% kế hoạch",
        "12.170,76 tỷ đồng",
        "2 tỷ USD",
    ]
    both = json.loads(
        run_cli("figures", FIXTURES, "-p", "Bình Dương,Quảng Bình", "--format", "json").stdout
    )
    assert len(both["figures"]) == 39


def test_figures_unknown_province_or_category_is_a_usage_error() -> None:
    result = run_cli("figures", QUANG_BINH, "-p", "Atlantis", exit_code=2)
    assert "no paper matches 'Atlantis' (provinces found: Quảng Bình)" in result.stderr
    result = run_cli("figures", QUANG_BINH, "-c", "tourism", exit_code=2)
    assert "'tourism' is not one of" in result.stderr


def test_figures_bad_file_is_reported_and_the_others_go_through(tmp_path: Path) -> None:
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"not a zip")
    result = run_cli("figures", bad, QUANG_BINH, "--format", "json", exit_code=1)
    assert result.stderr.startswith(f"{bad}: ")
    assert len(json.loads(result.stdout)["figures"]) == 30


def test_asks_json_text_and_csv() -> None:
    data = json.loads(run_cli("asks", FIXTURES, "--format", "json").stdout)
    assert all(list(a) == ASK_KEYS for a in data["asks"])
    assert [(a["province"], a["addressees"], a["action"]) for a in data["asks"]][3:5] == [
        ("Quảng Bình", ["Bộ Ngoại giao"], "hỗ trợ"),
        ("Quảng Bình", ["Chính phủ", "Thủ tướng Chính phủ"], "ban hành"),
    ]
    text = run_cli("asks", FIXTURES).stdout
    assert "→ Bộ Ngoại giao (from lead) · hỗ trợ · quang-binh.txt:33" in text
    assert "  Trung ương: 3 ask(s) from Bình Dương" in text
    raw = run_cli("asks", FIXTURES, "--format", "csv").stdout_bytes
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows[4]["addressees"] == "Chính phủ; Thủ tướng Chính phủ"
    assert rows[0]["addressed_in"] == "heading" and rows[0]["location"] == "line 12"


def test_asks_province_filter_keeps_themes_found_across_all_papers() -> None:
    data = json.loads(run_cli("asks", FIXTURES, "-p", "Bình Dương", "--format", "json").stdout)
    assert {a["province"] for a in data["asks"]} == {"Bình Dương"}
    assert data["asks"][0]["theme"]  # shared with Quảng Bình, which the filter leaves out


@pytest.mark.parametrize("command", ["figures", "asks"])
def test_export_holds_figures_and_asks_as_their_commands_give_them(command: str) -> None:
    exported = json.loads(run_cli("export", FIXTURES).stdout)
    assert exported["schema"] == 1
    own = json.loads(run_cli(command, FIXTURES, "--format", "json").stdout)
    assert exported[command] == own[command]
