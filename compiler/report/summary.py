"""The brief's first part, "Những điểm chính": what a leader reads when reading nothing else.

For each section kind: the themes several provinces share, ranked by how many provinces
raise them, with the provinces named and each theme linked to its detail; then what only
one province raises. Then the asks grouped by addressee and the key figures (both from the
key-figures stage, see the hooks below).

The summary has a page budget (``summary_pages``: two pages for up to ten papers, four
beyond): lines are estimated as they are added, and when the budget runs out the rest of a
list becomes one line pointing to the body ("và 5 điểm riêng khác (mục IV.2)").
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from compiler.align.strength import theme_strength
from compiler.align.themes import Member, Theme
from compiler.collation import vietnamese_key
from compiler.model import Document, SectionKind
from compiler.report.catalogue import Catalogue
from compiler.report.concise import phrase
from compiler.report.model import Element, Heading, ItemList, ListEntry, Paragraph, Run

# Page geometry of the estimate (A4 portrait, 13 pt, the margins of Nghị định 30).
LINES_PER_PAGE = 42
CHARS_PER_LINE = 88
SMALL_MEETING = 10  # papers; more than this gets the larger budget


def summary_pages(papers: int) -> int:
    return 2 if papers <= SMALL_MEETING else 4


@dataclass(slots=True)
class _Budget:
    lines: float

    def take(self, characters: int, indent: int = 0, spacing: float = 0.3) -> bool:
        """Spend the lines a paragraph of ``characters`` needs; False when it does not fit."""
        needed = math.ceil(max(characters, 1) / (CHARS_PER_LINE - indent)) + spacing
        if needed > self.lines:
            return False
        self.lines -= needed
        return True


def summary(
    catalogue: Catalogue, kinds: tuple[SectionKind, ...], body_numbers: dict[SectionKind, str]
) -> list[Element]:
    """The summary's elements. ``body_numbers``: the roman numeral of each kind's body part.

    Each kind gets an equal share of the page budget, themes first; what a kind leaves
    unused goes to the next one."""
    text = catalogue.text
    provinces = catalogue.provinces()
    intro = text.summary_intro.format(
        papers=len(catalogue.province_papers()), provinces=", ".join(provinces)
    )
    elements: list[Element] = [Heading(1, text.summary, anchor="summary"), Paragraph.plain(intro)]
    total = _Budget(summary_pages(len(catalogue.papers)) * LINES_PER_PAGE)
    total.take(len(intro), spacing=3)  # the heading and the intro
    budget = _Budget(0)
    for index, kind in enumerate(kinds):
        budget.lines += total.lines / (len(kinds) - index)
        total.lines -= total.lines / (len(kinds) - index)
        elements.extend(_kind(catalogue, kind, body_numbers[kind], budget))
    elements.extend(asks_by_addressee(catalogue.documents, catalogue))
    elements.extend(key_figures(catalogue.documents, catalogue))
    return elements


def _kind(catalogue: Catalogue, kind: SectionKind, number: str, budget: _Budget) -> list[Element]:
    text = catalogue.text
    themes = catalogue.themes_of(kind)
    entry = catalogue.themes.get(kind)
    unique = entry.themes.unique if entry else []
    if not themes and not unique:
        return []
    elements: list[Element] = [Heading(2, text.kinds[kind], in_contents=False)]
    budget.take(len(text.kinds[kind]), spacing=1.2)
    lines = []
    for n, theme in enumerate(themes, start=1):
        runs = _theme_runs(catalogue, kind, n, theme)
        if not budget.take(sum(len(r.text) for r in runs), indent=6):
            more = text.summary_more_themes.format(
                count=len(themes) - n + 1, where=f"{text.theme} – {number}.1"
            )
            lines.append(
                ListEntry("•", (Run(more, italic=True, link=catalogue.kind_anchor(kind)),))
            )
            break
        lines.append(ListEntry("•", tuple(runs)))
    if not themes:
        lines.append(ListEntry("•", (Run(text.summary_no_themes, italic=True),)))
        budget.take(len(text.summary_no_themes))
    elements.append(ItemList(tuple(lines)))
    if unique:
        elements.append(_unique(catalogue, kind, unique, number, budget))
    return elements


def _theme_runs(catalogue: Catalogue, kind: SectionKind, number: int, theme: Theme) -> list[Run]:
    text = catalogue.text
    provinces = sorted(theme.provinces, key=vietnamese_key)
    word = theme_strength(theme.cohesion)
    runs = [
        Run(theme.label, bold=True, link=catalogue.theme_anchor(kind, number)),
        Run(f" – {text.provinces_count.format(count=len(provinces))}: {', '.join(provinces)}"),
    ]
    if word:
        runs.append(Run(f" ({text.strength[word.value]})", italic=True))
    return runs


def _unique(
    catalogue: Catalogue, kind: SectionKind, unique: list[Member], number: str, budget: _Budget
) -> Paragraph:
    """One paragraph, province by province: "Chỉ một địa phương nêu: Cần Thơ: …; …. Lạng
    Sơn: …." Each point links to its line in the body; what the budget leaves out is
    counted and pointed to."""
    text = catalogue.text
    by_province: dict[str, list[Member]] = {}
    for member in sorted(unique, key=lambda m: (vietnamese_key(m.province), _position(m))):
        by_province.setdefault(member.province, []).append(member)
    head = f"{text.summary_unique}: "
    runs: list[Run] = [Run(head, italic=True)]
    budget.take(len(head), spacing=0.5)
    used, shown = len(head), 0
    for province, members in by_province.items():
        pieces = [phrase(member.item.text) for member in members]
        cost_chars = len(province) + 2 + sum(len(piece) + 2 for piece in pieces)
        lines = (used + cost_chars) // CHARS_PER_LINE - used // CHARS_PER_LINE
        if lines and not budget.take(lines * CHARS_PER_LINE, spacing=0):
            break
        used += cost_chars
        runs.append(Run(f"{province}: ", bold=True))
        for n, (member, piece) in enumerate(zip(members, pieces, strict=True)):
            runs.append(Run(piece, link=catalogue.body_anchor(member.item)))
            last = n + 1 == len(members)
            runs.append(Run("; " if not last else " " if piece.endswith("…") else ". "))
        shown += len(members)
    if shown < len(unique):
        more = text.summary_more_unique.format(count=len(unique) - shown, where=f"{number}.2")
        runs.append(
            Run(more[:1].upper() + more[1:] + ".", italic=True, link=catalogue.kind_anchor(kind))
        )
    return Paragraph(tuple(runs))


def _position(member: Member) -> int:
    prov = member.item.provenance
    return prov.line_start or prov.paragraph_start or prov.page_start or 0


# --- hooks for the key-figures stage (issue 9) ---------------------------------------------


def asks_by_addressee(documents: list[Document], catalogue: Catalogue) -> list[Element]:
    """HOOK (issue 9): the proposals' asks grouped by addressee (Bộ Ngoại giao, Chính phủ,
    các bộ, ngành …), each ask linked to its item. Empty until the asks stage exists."""
    del documents, catalogue
    return []


def key_figures(documents: list[Document], catalogue: Catalogue) -> list[Element]:
    """HOOK (issue 9): the key figures per province (partners, agreements, FDI, ODA, trade
    …) as a table. Empty until the key-figures stage exists."""
    del documents, catalogue
    return []
