"""Synthetic inputs for benchmarks (real papers replicated and perturbed), and the way
benchmarks print their numbers.

- ``national_compilation``: a compilation of 63 papers (one per pre-2025 province), each a
  paper of the seed compilation (or of the bundled sample papers when the shared corpus is
  absent) with the province renamed and 8 % of its words dropped or swapped at random.
- ``perturbed_items``: any number of items made the same way from the seed items.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from compiler import provinces
from compiler.ingest import load_document
from compiler.model import Document, Item

ROOT = Path(__file__).resolve().parents[1]
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
