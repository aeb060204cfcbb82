"""Synthetic inputs for benchmarks (real papers replicated and perturbed), and the way
benchmarks print their numbers.

- ``national_compilation``: a compilation of 63 papers (one per pre-2025 province), each a
  paper of the seed compilation (or of the bundled sample papers when the shared corpus is
  absent) with the province renamed and 8 % of its words dropped or swapped at random.
- ``perturbed_items``: any number of items made the same way from the seed items.
- ``national_history``: ten yearly meetings of the 34 provinces, five papers each a year
  (1,700 papers), one file per paper and a manifest per meeting naming the year before.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from compiler import provinces
from compiler.ingest import load_document
from compiler.model import Document, Item

ROOT = Path(__file__).resolve().parents[1]
READING_PAPERS = ROOT / "tests" / "reading" / "train"
CORPUS = ROOT.parent / "shared" / "corpus" / "000_819b2faa9b76d63a.txt"
SAMPLES = ROOT / "sources" / "hoi-nghi-2025" / "tham-luan-tong-hop.txt"
_LABEL = re.compile(r"^(\s*(?:Thứ \w+|\w+ là|[\d.]+[-.)]|[a-z]\)|-)\s*,?)")


def seed_path() -> Path:
    return CORPUS if CORPUS.exists() else SAMPLES


def seed_document() -> Document:
    return load_document(seed_path())


def perturb(text: str, rng: random.Random, rate: float = 0.08) -> str:
    """Drop or duplicate a share of the words, keeping an opening enumeration label."""
    label = _LABEL.match(text)
    head = label.group(1) if label else ""
    words = text[len(head) :].split()
    out = []
    for word in words:
        roll = rng.random()
        if roll < rate / 2:
            continue
        out.append(word)
        if roll > 1 - rate / 2:
            out.append(rng.choice(words))
    return (head + " " + " ".join(out)).strip()


def national_compilation(count: int = 63, seed: int = 0) -> str:
    """One paper per province, as the text of one compilation file."""
    rng = random.Random(seed)
    document = seed_document()
    lines = seed_path().read_text(encoding="utf-8").splitlines()
    templates = [
        (p.province, lines[(p.provenance.line_start or 1) - 1 : p.provenance.line_end])
        for p in document.papers
    ]
    papers = []
    for n, province in enumerate(provinces.all_provinces("2024")[:count]):
        source_name, template = templates[n % len(templates)]
        text = "\n".join(template).replace(source_name or "", province.name)
        text = text.replace((source_name or "").upper(), province.name.upper())
        papers.append(
            "\n".join(perturb(line, rng) if len(line) > 120 else line for line in text.splitlines())
        )
    return "\n\n".join(papers) + "\n"


def print_numbers(title: str, numbers: dict[str, float | int], width: int = 45) -> None:
    """One benchmark's results, aligned: floats with three decimals, counts with separators."""
    print(f"\n== {title}")
    for key, value in numbers.items():
        shown = f"{value:,.3f}" if isinstance(value, float) else f"{value:,}"
        print(f"  {key:<{width}} {shown}")


def print_peak_rss() -> None:
    import resource

    print(f"\npeak RSS MB: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f}")


def perturbed_items(count: int, seed: int = 0) -> list[Item]:
    rng = random.Random(seed)
    base = [item for p in seed_document().papers for s in p.sections for item in s.items]
    items = []
    for n in range(count):
        item = base[n % len(base)]
        text = perturb(item.text, rng, rate=0.15)
        items.append(Item(item.label, perturb(item.title, rng, rate=0.1), text, item.provenance))
    return items


# --- a national history -----------------------------------------------------------------------


def history_templates(min_items: int = 25) -> list[tuple[str, list[str]]]:
    """(province, lines) of the one-province papers of the reading tests with at least
    ``min_items`` items: the papers each synthetic paper is made from."""
    templates = []
    for path in sorted(READING_PAPERS.glob("t-*-paper-*.txt")):
        document = load_document(path)
        if len(document.papers) != 1:
            continue
        paper = document.papers[0]
        if paper.province and sum(len(s.items) for s in paper.sections) >= min_items:
            templates.append((paper.province, path.read_text(encoding="utf-8").splitlines()))
    return templates


def national_history(
    folder: Path, years: int = 10, per_year: int = 5, first_year: int = 2016, seed: int = 0
) -> list[Path]:
    """Write ``years`` meetings into ``folder`` (``<year>/<province>-<n>.txt`` and
    ``<year>/pack.toml``, each naming the year before as ``previous``); return the
    manifests, oldest first.

    Every 2025 province has ``per_year`` papers a year, each made from a template paper with
    the province renamed. A paper's first year perturbs 8 % of the words of its long lines;
    each later year starts from the year before and keeps a long line as it was (60 %),
    rewords it a little (38 %, 6 % of its words) or drops it (2 %), as provinces carry
    their papers from one meeting to the next.
    """
    rng = random.Random(seed)
    templates = history_templates()
    units = provinces.all_provinces("2025")
    texts: dict[tuple[int, int], list[str]] = {}
    manifests = []
    for year in range(first_year, first_year + years):
        meeting = folder / str(year)
        meeting.mkdir(parents=True, exist_ok=True)
        for u, unit in enumerate(units):
            for n in range(per_year):
                name, lines = templates[(u * per_year + n) % len(templates)]
                key = (u, n)
                if key not in texts:
                    renamed = _renamed("\n".join(lines), name, unit.name).splitlines()
                    texts[key] = [_long(line, lambda t: perturb(t, rng)) for line in renamed]
                else:
                    texts[key] = [
                        kept for line in texts[key] if (kept := _next_year(line, rng)) is not None
                    ]
                path = meeting / f"{unit.key}-{n + 1}.txt"
                path.write_text("\n".join(texts[key]) + "\n", encoding="utf-8")
        manifests.append(_history_manifest(meeting, year, first_year))
    return manifests


def _renamed(text: str, old: str, new: str) -> str:
    return text.replace(old, new).replace(old.upper(), new.upper())


def _long(line: str, change) -> str:
    return change(line) if len(line) > 120 else line


def _next_year(line: str, rng: random.Random) -> str | None:
    if len(line) <= 120:
        return line
    roll = rng.random()
    if roll < 0.02:
        return None
    return perturb(line, rng, rate=0.06) if roll < 0.40 else line


def _history_manifest(meeting: Path, year: int, first_year: int) -> Path:
    previous = f'previous = ["../{year - 1}/pack.toml"]\n' if year > first_year else ""
    manifest = meeting / "pack.toml"
    manifest.write_text(
        f'title = "Hội nghị Ngoại vụ toàn quốc năm {year}"\n'
        f'meeting = "Hội nghị {year}"\n'
        f"date = {year}-12-15\n"
        'sources = ["."]\n'
        'sections = ["opportunities", "challenges", "tasks", "proposals"]\n'
        f'outputs = ["../out/{year}/briefing.docx", "../out/{year}/briefing.pdf"]\n'
        f"{previous}",
        encoding="utf-8",
    )
    return manifest
