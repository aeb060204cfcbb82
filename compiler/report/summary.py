"""The brief's first part, "Những điểm chính": what a leader reads when reading nothing else.

For each section kind: the themes several provinces share, ranked by how many provinces
raise them, with the provinces named and each theme linked to its detail; then what only
one province raises. Then the asks grouped by addressee and the key figures (read by
``compiler.asks`` and ``compiler.figures``).

The summary has a page budget (``summary_pages``: two pages for up to ten papers, four
beyond): lines are estimated as they are added, and when the budget runs out the rest of a
list becomes one line pointing to the body ("Và 5 điểm riêng khác (IV.2)"). The result is
then laid out (``writers.pdf.pages_needed``) and rebuilt with fewer lines until it fits,
with room to spare for Word's slightly longer layout (``PAGE_FILL``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from compiler.align.strength import theme_strength
from compiler.align.themes import Member, Theme
from compiler.collation import vietnamese_key
from compiler.model import SectionKind
from compiler.normalize import fold
from compiler.report.catalogue import Catalogue, kind_scope, province_scope
from compiler.report.concise import phrase
from compiler.report.model import Element, Heading, ItemList, ListEntry, Paragraph, Run

# Page geometry of the estimate (A4 portrait, 13 pt, the margins of Nghị định 30).
LINES_PER_PAGE = 44
CHARS_PER_LINE = 96
SMALL_MEETING = 10  # papers; more than this gets the larger budget


def summary_pages(papers: int) -> int:
    return 2 if papers <= SMALL_MEETING else 4


@dataclass(slots=True)
class _Budget:
    lines: float

    def take(self, characters: int, indent: int = 0, spacing: float = 0.3) -> bool:
        """Spend the lines a paragraph of ``characters`` needs; False when it does not fit."""
        needed = _lines(characters, indent, spacing)
        if needed > self.lines + 1e-9:
            return False
        self.lines -= needed
        return True


def _lines(characters: int, indent: int = 0, spacing: float = 0.3) -> float:
    """The estimated lines of a paragraph of ``characters`` (``indent``: its hanging indent
    in characters) with the space after it."""
    return math.ceil(max(characters, 1) / (CHARS_PER_LINE - indent)) + spacing


# The share of each page the summary may fill as laid out in the PDF: Word's layout of the
# same text runs some 8 % longer (its line spacing), and keep-with-next leaves gaps.
PAGE_FILL = 0.86


def summary(
    catalogue: Catalogue, kinds: tuple[SectionKind, ...], body_numbers: dict[SectionKind, str]
) -> list[Element]:
    """The summary, fitted to its page budget: built from a line estimate, then measured as
    laid out and rebuilt until it fits, the one-province points, asks and figures giving up
    their lines before the shared themes do."""
    from compiler.writers.pdf import pages_needed

    allowed = summary_pages(len(catalogue.papers)) * PAGE_FILL
    themes_scale = rest_scale = 1.0
    for _ in range(12):
        elements = _summary(catalogue, kinds, body_numbers, themes_scale, rest_scale)
        needed = pages_needed(elements)
        if needed <= allowed:
            break
        if rest_scale > 0.2:
            rest_scale *= (0.95 * allowed / needed) ** 2
        else:
            themes_scale *= 0.97 * allowed / needed
    return elements


def _summary(
    catalogue: Catalogue,
    kinds: tuple[SectionKind, ...],
    body_numbers: dict[SectionKind, str],
    themes_scale: float = 1.0,
    rest_scale: float = 1.0,
) -> list[Element]:
    """The summary's elements within the estimated page budget, the themes' lines scaled by
    ``themes_scale``, the rest by ``rest_scale``.
    ``body_numbers``: the roman numeral of each kind's body part.

    The shared themes come first: they get the lines they need, up to ``THEMES_SHARE`` of
    the budget (each kind in proportion to its need). Of the rest, ``UNIQUE_SHARE`` goes to
    the kinds' one-province points, the remainder to the asks and the key figures in equal
    parts; what a part leaves unused goes to the next one."""
    text = catalogue.text
    provinces = catalogue.provinces()
    intro = text.summary_intro.format(
        papers=len(catalogue.province_papers()), provinces=", ".join(provinces)
    )
    elements: list[Element] = [Heading(1, text.summary, anchor="summary"), Paragraph.plain(intro)]
    total = _Budget(summary_pages(len(catalogue.papers)) * LINES_PER_PAGE)
    total.take(len(intro), spacing=3)  # the heading and the intro
    needs = {kind: _themes_need(catalogue, kind) for kind in kinds}
    themes_lines = min(sum(needs.values()), THEMES_SHARE * total.lines)
    rest = (total.lines - themes_lines) * rest_scale
    themes_lines *= themes_scale
    scale = themes_lines / sum(needs.values()) if sum(needs.values()) else 0.0
    carry = _Budget(0)
    for kind in kinds:
        themes_budget = _Budget(needs[kind] * scale)
        carry.lines += rest * UNIQUE_SHARE / len(kinds)
        elements.extend(_kind(catalogue, kind, body_numbers[kind], themes_budget, carry))
        carry.lines += themes_budget.lines  # what the themes did not use
    for part in (asks_by_addressee, key_figures):
        carry.lines += rest * (1 - UNIQUE_SHARE) / 2
        elements.extend(part(catalogue, carry))
    return elements


THEMES_SHARE = 0.55
UNIQUE_SHARE = 0.4  # of the rest, for the one-province points; the asks and figures share 0.6


def _themes_need(catalogue: Catalogue, kind: SectionKind) -> float:
    """The lines a kind's heading and theme lines take in full."""
    need = _lines(len(catalogue.text.kinds[kind]), spacing=1.7)
    for n, theme in enumerate(catalogue.themes_of(kind), start=1):
        need += _lines(sum(len(r.text) for r in _theme_runs(catalogue, kind, n, theme)), 6)
    return need


def _kind(
    catalogue: Catalogue,
    kind: SectionKind,
    number: str,
    budget: _Budget,
    unique_budget: _Budget,
) -> list[Element]:
    text = catalogue.text
    themes = catalogue.themes_of(kind)
    entry = catalogue.themes.get(kind)
    unique = entry.themes.unique if entry else []
    if not themes and not unique:
        return []
    elements: list[Element] = [
        Heading(2, text.kinds[kind], in_contents=False, scope=kind_scope(kind))
    ]
    budget.take(len(text.kinds[kind]), spacing=1.7)
    lines = []
    for n, theme in enumerate(themes, start=1):
        runs = _theme_runs(catalogue, kind, n, theme)
        if not budget.take(sum(len(r.text) for r in runs), indent=6):
            more = text.summary_more_themes.format(count=len(themes) - n + 1, where=f"{number}.1")
            lines.append(
                ListEntry("•", (Run(more, italic=True, link=catalogue.kind_anchor(kind)),))
            )
            break
        scope = province_scope(*theme.provinces)
        lines.append(ListEntry("•", tuple(runs), scope=scope))
    if not themes:
        lines.append(ListEntry("•", (Run(text.summary_no_themes, italic=True),)))
        budget.take(len(text.summary_no_themes))
    elements.append(ItemList(tuple(lines)))
    if unique:
        elements.append(_unique(catalogue, kind, unique, number, unique_budget))
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
    named: list[str] = []
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
        named.append(province)
    if shown < len(unique):
        template = text.summary_more_unique if shown else text.summary_unique_count
        more = template.format(count=len(unique) - shown, where=f"{number}.2")
        if shown:
            more = more[:1].upper() + more[1:]
        runs.append(Run(more + ".", italic=True, link=catalogue.kind_anchor(kind)))
    return Paragraph(tuple(runs), scope=province_scope(*named))


def _position(member: Member) -> int:
    prov = member.item.provenance
    return prov.line_start or prov.paragraph_start or prov.page_start or 0


# --- asks and key figures (compiler.asks, compiler.figures) --------------------------------


def asks_by_addressee(catalogue: Catalogue, budget: _Budget) -> list[Element]:
    """The proposals' asks grouped by addressee (Bộ Ngoại giao, Chính phủ, các bộ, ngành …):
    each addressee with how many asks from which provinces, then as many of the asks as the
    budget holds, province by province, each linked to its line in the body."""
    from compiler.asks import by_addressee

    text = catalogue.text
    if not catalogue.asks:
        return []
    elements: list[Element] = [
        Heading(2, text.asks, in_contents=False, scope=kind_scope(SectionKind.PROPOSALS))
    ]
    budget.take(len(text.asks), spacing=1.7)
    entries = []
    for addressee, asks in by_addressee(catalogue.asks):
        provinces = sorted({a.province or text.general_part for a in asks}, key=vietnamese_key)
        head = text.asks_count.format(count=len(asks), provinces=", ".join(provinces))
        runs = [Run(addressee or text.no_addressee, bold=True), Run(f" – {head}")]
        if not budget.take(len(runs[0].text) + len(head), indent=6):
            break
        line = len(runs[0].text) + len(head)
        shown, province = 0, None
        for ask in sorted(asks, key=lambda a: (vietnamese_key(a.province or ""), _place(a))):
            piece = phrase(_asked(ask), 12)
            new = ask.province != province
            cost = len(piece) + 2 + (len(ask.province or "") + 2 if new else 0)
            extra = _lines(line + cost, 6, 0) - _lines(line, 6, 0)
            if extra and not budget.take(int(extra * (CHARS_PER_LINE - 6)), indent=6, spacing=0):
                break
            line += cost
            item = catalogue.item_at(ask.provenance, ask.text)
            runs.append(Run(": " if not shown else ". " if new else "; "))
            if new:
                runs.append(Run(f"{ask.province}: ", italic=True))
            runs.append(Run(piece, link=catalogue.body_anchor(item) if item else None))
            shown, province = shown + 1, ask.province
        if shown == len(asks):
            runs.append(Run("" if runs[-1].text.endswith("…") else "."))
        else:
            runs.append(Run("; …"))
        scope = province_scope(*(a.province for a in asks))
        entries.append(ListEntry("•", tuple(runs), scope=scope))
    if len(entries) < len(by_addressee(catalogue.asks)):
        more = text.summary_more_asks.format(count=len(by_addressee(catalogue.asks)) - len(entries))
        entries.append(ListEntry("•", (Run(more, italic=True),)))
    elements.append(ItemList(tuple(entries)))
    return elements


def _place(ask) -> int:
    prov = ask.provenance
    return prov.line_start or prov.paragraph_start or prov.page_start or 0


def _asked(ask) -> str:
    """An ask's text from the verb it asks for ("hỗ trợ tỉnh kết nối …"), past the request
    and its framing ("Để tiếp tục …, Tỉnh trân trọng đề nghị Bộ Ngoại giao quan tâm …")."""
    if ask.action:
        at = fold(ask.text).find(fold(ask.action))
        if at > 0:
            return ask.text[at:]
    return ask.text


FIGURES_PER_PROVINCE = 2  # in a summary line; the body's table has them all


def key_figures(catalogue: Catalogue, budget: _Budget) -> list[Element]:
    """One line per category that two provinces or more report (partner localities, FDI,
    trade …): as many provinces' figures as the budget holds, each with its period; the
    category links to the body's full table."""
    from compiler.figures import shared_categories, side_by_side

    text = catalogue.text
    categories = shared_categories(catalogue.figures)
    if not categories:
        return []
    elements: list[Element] = [Heading(2, text.figures, in_contents=False)]
    budget.take(len(text.figures), spacing=1.7)
    entries = []
    for category in categories:
        name = text.figure_categories[category]
        if not budget.take(len(name) + 40, indent=6):
            break
        rows = sorted(side_by_side(catalogue.figures, category), key=lambda r: vietnamese_key(r[0]))
        parts: list[str] = []
        named: list[str] = []
        line = len(name) + 40
        for province, figures in rows:
            part = f"{province} {'; '.join(distinct_quotes(figures)[:FIGURES_PER_PROVINCE])}"
            extra = _lines(line + len(part) + 2, 6, 0) - _lines(line, 6, 0)
            if parts and extra and not budget.take(int(extra * (CHARS_PER_LINE - 6)), 6, 0):
                break
            parts.append(part)
            named.append(province)
            line += len(part) + 2
        rest = (
            ""
            if len(parts) == len(rows)
            else f"; {text.and_more.format(count=len(rows) - len(parts))}"
        )
        entries.append(
            ListEntry(
                "•",
                (Run(name, bold=True, link="figures"), Run(": " + ", ".join(parts) + rest + ".")),
                scope=province_scope(*named),
            )
        )
    if len(entries) < len(categories):
        more = text.summary_more_figures.format(count=len(categories) - len(entries))
        entries.append(ListEntry("•", (Run(more, italic=True, link="figures"),)))
    elements.append(ItemList(tuple(entries)))
    return elements


def distinct_quotes(figures) -> list[str]:
    """Each figure quoted once (a paper may repeat "03 văn kiện" in three sentences)."""
    return list(dict.fromkeys(quoted(figure) for figure in figures))


def quoted(figure) -> str:
    """ "trên 3,862 tỷ USD (lũy kế đến nay)": the figure as a leader quotes it, with its
    period."""
    return f"{figure.quoted} ({figure.period})" if figure.period else figure.quoted
