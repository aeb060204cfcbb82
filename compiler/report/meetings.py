"""The briefing's chapters on earlier meetings (``align.history``): what each province
changed since the previous meeting, and the asks provinces keep repeating.

"Thay đổi so với kỳ trước": per province, a table per section kind (tasks, proposals), one
row per item in the order the meeting's paper gives them, then the dropped ones: its status
and its text; a reworded item shows its redline (removed words struck through, added words
underlined), an unchanged one only its first clause. "Kiến nghị lặp lại": one row per
repeated ask, with its latest wording and every meeting that raised it.
"""

from __future__ import annotations

from pathlib import PurePath

from compiler.align.changes import Change
from compiler.align.history import History, KindChanges, ProvinceChanges, RepeatedAsk
from compiler.align.matching import DiffOp, Pair
from compiler.enumeration import to_roman as roman
from compiler.labels import Labels, MeetingLabels, labels, meeting_labels
from compiler.model import Item, Meeting
from compiler.report.model import (
    Cell,
    Column,
    Element,
    Heading,
    Paragraph,
    ParagraphStyle,
    Run,
    RunStyle,
    Table,
)

_STYLE = {DiffOp.EQUAL: RunStyle.NORMAL, DiffOp.DELETE: RunStyle.DELETED}
_BULLETS = ("", "-", "+", "•", "–")


def meeting_chapters(history: History | None, language: str, number: int) -> list[Element]:
    """The two chapters, numbered from ``number``; nothing without earlier meetings."""
    if history is None:
        return []
    text, words = labels(language), meeting_labels(language)
    elements: list[Element] = [
        Heading(1, f"{roman(number)}. {words.changes}"),
        Paragraph.plain(words.changes_intro),
    ]
    if not history.changes:
        elements.append(Paragraph.plain(words.no_common))
    for n, province in enumerate(history.changes, start=1):
        elements += _province(n, province, text, words)
    elements += [
        Heading(1, f"{roman(number + 1)}. {words.repeated}"),
        Paragraph.plain(words.repeated_intro),
    ]
    if history.repeated:
        elements.append(_repeated_table(history.repeated, text, words))
    else:
        elements.append(Paragraph.plain(words.no_repeated))
    return elements


def meeting_title(meeting: Meeting, words: MeetingLabels) -> str:
    if meeting.date is None:
        return meeting.name
    when = meeting.date
    shown = words.short_date.format(day=when.day, month=when.month, year=when.year)
    return words.dated.format(name=meeting.name, date=shown)


# --- changes ---------------------------------------------------------------------------------


def _province(
    n: int, province: ProvinceChanges, text: Labels, words: MeetingLabels
) -> list[Element]:
    sources = sorted(
        {PurePath(i.provenance.source).name for s in province.sections for i in _left(s)}
    )
    against = words.against.format(
        meeting=meeting_title(province.earlier, words), sources=", ".join(sources) or text.none
    )
    elements: list[Element] = [
        Heading(2, f"{n}. {province.province}"),
        Paragraph.plain(against, ParagraphStyle.NOTE),
    ]
    for section in province.sections:
        elements.append(_changes_table(section, text, words))
    return elements


def _left(section: KindChanges) -> list[Item]:
    return [p.left for p in section.matching.pairs] + section.changes.dropped


def _changes_table(section: KindChanges, text: Labels, words: MeetingLabels) -> Table:
    changes = section.changes
    counts = [
        (Change.UNCHANGED, len(changes.unchanged)),
        (Change.REWORDED, len(changes.reworded)),
        (Change.NEW, len(changes.new)),
        (Change.DROPPED, len(changes.dropped)),
    ]
    shown = ", ".join(f"{n} {text.change_status[c.value].lower()}" for c, n in counts if n)
    caption = words.kind_caption.format(kind=text.kinds[section.kind], counts=shown)
    reworded = {id(pair) for pair in changes.reworded}
    now: list[tuple[int, tuple[Cell, Cell]]] = []
    order = {id(item): n for n, item in enumerate(_right_items(section))}
    for pair in section.matching.pairs:
        change = Change.REWORDED if id(pair) in reworded else Change.UNCHANGED
        now.append((order[id(pair.right)], _pair_row(pair, change, text, words)))
    for item in changes.new:
        now.append((order[id(item)], _item_row(item, Change.NEW, words.current, text)))
    rows = [row for _, row in sorted(now, key=lambda entry: entry[0])]
    rows += [_item_row(item, Change.DROPPED, words.earlier, text) for item in changes.dropped]
    columns = (Column(text.status, 0.16), Column(words.content, 0.84))
    return Table(columns, tuple(rows), caption=caption)


def _right_items(section: KindChanges) -> list[Item]:
    """The meeting's items of the kind, in the paper's order."""
    items = [p.right for p in section.matching.pairs] + section.changes.new
    return sorted(items, key=_position)


def _position(item: Item) -> tuple[str, int]:
    where = item.provenance
    return (where.source, where.line_start or where.paragraph_start or where.page_start or 0)


def _pair_row(pair: Pair, change: Change, text: Labels, words: MeetingLabels) -> tuple[Cell, Cell]:
    label = _label(pair.right)
    body = [Run(_first_clause(pair.right))] if change is Change.UNCHANGED else _redline(pair)
    note = (
        f"{words.earlier}: {pair.left.provenance.describe()} · "
        f"{words.current}: {pair.right.provenance.describe()}"
    )
    return (
        Cell.plain(text.change_status[change.value]),
        Cell((Paragraph((*label, *body)), _note(note))),
    )


def _item_row(item: Item, change: Change, side: str, text: Labels) -> tuple[Cell, Cell]:
    label = _label(item)
    note = f"{side}: {item.provenance.describe()}"
    return (
        Cell.plain(text.change_status[change.value]),
        Cell((Paragraph((*label, Run(item.text))), _note(note))),
    )


def _label(item: Item) -> list[Run]:
    """The item's label in bold, unless it is a bare bullet (which says nothing)."""
    return [Run(f"{item.label} ", bold=True)] if item.label not in _BULLETS else []


def _first_clause(item: Item) -> str:
    if item.title == item.text or item.title.endswith("…"):
        return item.title
    return f"{item.title} …"


def _redline(pair: Pair) -> list[Run]:
    """The later wording with the earlier one's words struck through where they went."""
    runs: list[Run] = []
    for run in pair.diff:
        if runs:
            runs.append(Run(" "))
        runs.append(Run(run.text, style=_STYLE.get(run.op, RunStyle.INSERTED)))
    return runs


def _note(text: str) -> Paragraph:
    return Paragraph((Run(text, style=RunStyle.MUTED),), ParagraphStyle.NOTE)


# --- repeated asks ---------------------------------------------------------------------------


def _repeated_table(asks: list[RepeatedAsk], text: Labels, words: MeetingLabels) -> Table:
    rows = []
    for ask in asks:
        latest = ask.latest.item
        label = _label(latest)
        wording = Cell((Paragraph((*label, Run(latest.text))), _note(latest.provenance.describe())))
        raised = Cell((_appearances(ask, words),))
        rows.append((Cell.plain(ask.province), wording, raised))
    columns = (Column(text.province, 0.15), Column(words.ask, 0.55), Column(words.raised_at, 0.30))
    return Table(columns, tuple(rows))


def _appearances(ask: RepeatedAsk, words: MeetingLabels) -> Paragraph:
    """Every meeting that raised the ask, oldest first, in one paragraph: its name and date,
    the item's label, and where (muted)."""
    runs: list[Run] = []
    for appearance in ask.appearances:
        item = appearance.item
        label = f" ({item.label})" if item.label not in _BULLETS else ""
        if runs:
            runs.append(Run("; "))
        runs.append(Run(f"{meeting_title(appearance.meeting, words)}{label}"))
        runs.append(Run(f" {item.provenance.describe()}", style=RunStyle.MUTED))
    return Paragraph(tuple(runs))
