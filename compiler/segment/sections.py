"""A paper's body → sections of canonical kinds → enumerated items.

Rules, in the order they apply while reading a paper from the top:
1. A top-level heading (nothing above it in the outline) opens a section: its kind comes
   from its cue words, else from its first sub-heading's cue, else `context` at the start
   of the paper and `other` later.
2. A sub-heading opens a section only with a cue of a specific kind (opportunities,
   challenges, tasks, proposals, lessons) different from the open one, or inside a
   compound section ("cơ hội và thách thức", "kết quả và hạn chế"), which hands over to
   its sub-headings (or, without any, splits its paragraphs by their cue words).
3. A paragraph can open a section by its opening phrase: "Tuy nhiên … hạn chế:" opens
   challenges, "… trân trọng đề nghị Bộ Ngoại giao …" opens proposals, and a paragraph
   introducing a list ("… kết quả đáng khích lệ, cụ thể:") the kind its last cue names.
4. Closing remarks at the end of a paper ("Có thể nói, …", or paragraphs that trail a list
   of one-paragraph items) are kept as `other`.
Every body paragraph ends up in exactly one section; items are taken within each section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from compiler.model import Block, BlockRole, Item, KindBasis, Section, SectionKind, span_all
from compiler.segment import cues, wording
from compiler.segment.outline import Node, block_label, build_outline, is_lead, node_key

K = SectionKind
_RUN_IN_SPLIT = re.compile(r":\s+(?=\S)")
_CLAUSE_END = re.compile(r"[.;:!?](?:\s|$)")


@dataclass(slots=True)
class _Draft:
    """A section while the paper is being read."""

    kind: SectionKind
    compound: tuple[SectionKind, ...] = ()  # the kinds a compound heading hands over to
    heading_blocks: list[Block] = field(default_factory=list)
    heading_node: Node | None = None
    indices: list[int] = field(default_factory=list)  # body blocks of the paper
    extra: dict[int, Block] = field(default_factory=dict)  # run-in heading remainders
    basis: KindBasis = KindBasis.OPENING  # heading drafts say so when they are opened


def build_sections(blocks: list[Block], single_kind: SectionKind | None = None) -> list[Section]:
    """Sections of one paper's body blocks (title and author line excluded).

    ``single_kind``: put everything in one section of that kind (a news article's general
    part, which has no paper structure to find), still taking its items.
    """
    keys = [node_key(b, block_label(b)) for b in blocks]
    leads = {i for i, b in enumerate(blocks) if keys[i] is None and is_lead(b, _next(blocks, i))}
    openers = {} if single_kind else _opening_phrases(blocks, keys, leads)
    nodes = build_outline(blocks, keys, barriers=leads | set(openers))
    if single_kind:
        drafts = [_Draft(single_kind, indices=list(range(len(blocks))))]
        # An article's sub-titles and captions are not points: every paragraph is.
        nodes = {i: n for i, n in nodes.items() if n.is_list_item or n.label is not None}
    else:
        drafts = _read_sections(blocks, nodes, openers)
        drafts = _resolve_compounds(drafts, blocks)
        drafts = _split_closing(drafts, blocks, nodes)
        _settle_guesses(drafts, blocks)
    return [_finish(d, blocks, nodes, leads) for d in drafts if d.indices or d.heading_blocks]


def _next(blocks: list[Block], index: int) -> Block | None:
    return blocks[index + 1] if index + 1 < len(blocks) else None


def _opening_phrases(
    blocks: list[Block], keys: list[str | None], leads: set[int]
) -> dict[int, SectionKind]:
    found: dict[int, SectionKind] = {}
    for index, block in enumerate(blocks):
        if keys[index] is not None or block.role != BlockRole.BODY:
            continue
        kind = cues.opening_phrase_kind(block.text, leads_list=index in leads)
        if kind is not None:
            found[index] = kind
    return found


def _read_sections(
    blocks: list[Block], nodes: dict[int, Node], openers: dict[int, SectionKind]
) -> list[_Draft]:
    drafts = [_Draft(K.CONTEXT)]  # what comes before the first heading introduces the paper
    for index, block in enumerate(blocks):
        current = drafts[-1]
        node = nodes.get(index)
        opened = _opened_by_heading(node, current, drafts) if node else None
        if opened is not None:
            drafts.append(opened)
            continue
        if index in openers and openers[index] != current.kind:
            drafts.append(_Draft(openers[index]))
        elif _is_closing(block, index, len(blocks), node):
            drafts.append(_Draft(K.OTHER))
        drafts[-1].indices.append(index)
    return drafts


def _opened_by_heading(node: Node, current: _Draft, drafts: list[_Draft]) -> _Draft | None:
    run_in = _run_in(node)
    if node.is_list_item or not (node.heading_like or run_in):
        return None
    text = run_in[0] if run_in else node.text_without_label
    cue, compound = cues.heading_kind(text), cues.compound_kinds(text)
    basis = KindBasis.HEADING
    if node.parent is None:
        named = compound[0] if compound else cue or _kind_from_subheadings(node)
        kind = named or _fallback_kind(drafts)
        if named is None:
            # The paper's opening section is its context; a later one is settled by the
            # paragraphs' wording (_settle_guesses).
            basis = KindBasis.OPENING if kind == K.CONTEXT else KindBasis.WORDING
    elif compound and not current.compound:
        kind = compound[0]
    elif cue is not None and _hands_over(current, cue):
        kind = cue
    else:
        return None
    draft = _Draft(kind, compound=compound, heading_node=node, basis=basis)
    if run_in:
        heading, rest = run_in
        draft.heading_blocks.append(node.block.with_text(heading))
        draft.indices.append(node.index)
        draft.extra[node.index] = node.block.with_text(rest)
    else:
        draft.heading_blocks.append(node.block)
    return draft


def _hands_over(current: _Draft, cue: SectionKind | None) -> bool:
    """A sub-heading opens a section of its own kind inside a compound section, or when it
    names a specific kind other than the open one."""
    if current.compound and cue in current.compound:
        return True
    return cue in cues.SPECIFIC_KINDS and (cue != current.kind or bool(current.compound))


def _run_in(node: Node) -> tuple[str, str] | None:
    """A numbered heading run into its paragraph: "1. Về những thành tựu …, đó là: Tỉnh …"."""
    if node.label is None or node.is_list_item or not node.children or node.heading_like:
        return None
    parts = _RUN_IN_SPLIT.split(node.block.text, maxsplit=1)
    if len(parts) == 2 and len(parts[0]) <= 200 and cues.heading_kind(parts[0]):
        return parts[0] + ":", parts[1]
    return None


def _kind_from_subheadings(node: Node) -> SectionKind | None:
    for child in node.descendants():
        if child.heading_like and not child.is_list_item:
            kind = cues.heading_kind(child.text_without_label)
            if kind not in (None, K.CONTEXT):
                return kind
    return None


def _settle_guesses(drafts: list[_Draft], blocks: list[Block]) -> None:
    """A section under a heading that names no kind takes the kind its paragraphs' wording
    scores highest together (the position's guess stands when it has no paragraphs)."""
    for draft in drafts:
        if draft.basis == KindBasis.WORDING and draft.indices:
            draft.kind = wording.joint_kind([blocks[i].text for i in draft.indices])


def _fallback_kind(drafts: list[_Draft]) -> SectionKind:
    started = [d for d in drafts if d.indices or d.heading_blocks]
    return K.CONTEXT if all(d.kind == K.CONTEXT for d in started) else K.OTHER


def _is_closing(block: Block, index: int, count: int, node: Node | None) -> bool:
    return node is None and index >= count - 2 and cues.is_closing_remark(block.text)


def _resolve_compounds(drafts: list[_Draft], blocks: list[Block]) -> list[_Draft]:
    """A compound section ("cơ hội và thách thức", "kết quả và hạn chế") hands over to the
    sub-sections after it; an empty one lends them its heading, one without sub-sections
    is split by the cue words of its paragraphs."""
    result: list[_Draft] = []
    for position, draft in enumerate(drafts):
        if not draft.compound:
            result.append(draft)
            continue
        following = drafts[position + 1] if position + 1 < len(drafts) else None
        if following is not None and _is_inside(following, draft):
            if draft.indices:
                draft.kind = following.kind
                result.append(draft)
            else:
                following.heading_blocks[:0] = draft.heading_blocks
        else:
            result.extend(_split_by_cues(draft, blocks))
    return result


def _is_inside(draft: _Draft, outer: _Draft) -> bool:
    node = draft.heading_node
    while node is not None:
        if node is outer.heading_node:
            return True
        node = node.parent
    return False


def _split_by_cues(draft: _Draft, blocks: list[Block]) -> list[_Draft]:
    """The paragraphs of a compound section without sub-headings, each filed under the
    kind its opening words name (else the kind of the paragraph before)."""
    parts: list[_Draft] = []
    for index in draft.indices:
        named = cues.heading_kinds(blocks[index].text[:200])
        kind = next((k for k in cues.PRIORITY if k in named and k in draft.compound), None)
        kind = kind or (parts[-1].kind if parts else draft.compound[0])
        if not parts or parts[-1].kind != kind:
            parts.append(_Draft(kind))
        parts[-1].indices.append(index)
    if not parts:
        parts.append(_Draft(draft.compound[0]))
    parts[0].heading_blocks, parts[0].heading_node = draft.heading_blocks, draft.heading_node
    parts[0].extra = draft.extra
    for part in parts:
        part.basis = KindBasis.HEADING
    return parts


def _split_closing(
    drafts: list[_Draft], blocks: list[Block], nodes: dict[int, Node]
) -> list[_Draft]:
    """Paragraphs trailing the last list of a paper, when every earlier item of that list
    was one paragraph long, are closing remarks, not part of the last item."""
    last = drafts[-1]
    item_starts = [i for i in last.indices if i in nodes and nodes[i].is_list_item]
    if len(item_starts) < 3:
        return drafts
    lengths = [b - a for a, b in zip(item_starts, item_starts[1:], strict=False)]
    trailing = [i for i in last.indices if i > item_starts[-1]]
    if any(length != 1 for length in lengths) or not trailing or any(i in nodes for i in trailing):
        return drafts
    last.indices = [i for i in last.indices if i not in trailing]
    return [*drafts, _Draft(K.OTHER, indices=trailing)]


# --- items ---------------------------------------------------------------------------------


def _finish(draft: _Draft, blocks: list[Block], nodes: dict[int, Node], leads: set[int]) -> Section:
    paragraphs = [draft.extra.get(i, blocks[i]) for i in draft.indices]
    provenance = span_all([b.provenance for b in draft.heading_blocks + paragraphs])
    items = _items(draft, blocks, nodes, leads)
    heading = draft.heading_blocks[-1].labelled_text if draft.heading_blocks else None
    return Section(
        draft.kind,
        heading,
        provenance,
        paragraphs,
        items,
        list(draft.heading_blocks),
        kind_from=draft.basis,
    )


def _items(
    draft: _Draft, blocks: list[Block], nodes: dict[int, Node], leads: set[int]
) -> list[Item]:
    members = set(draft.indices) - set(draft.extra)
    starts = _item_nodes(draft, nodes, members)
    if not starts:
        paragraphs = [
            draft.extra.get(i, blocks[i])
            for i in draft.indices
            if i not in leads and not _is_plain_heading(blocks[i], nodes.get(i))
        ]
        if draft.kind == K.PROPOSALS and not draft.heading_blocks:
            return [
                _make_item(None, [p.with_text(ask)]) for p in paragraphs for ask in _asks(p.text)
            ]
        return [_make_item(None, [p]) for p in paragraphs]
    items = []
    for node in starts:
        extent = _item_extent(node, draft.indices, nodes, leads)
        items.append(_make_item(node, [blocks[i] for i in extent]))
    return items


def _asks(text: str) -> list[str]:
    """The requests of a closing paragraph ("… trân trọng đề nghị Bộ Ngoại giao hỗ trợ …; mở
    rộng …; giới thiệu …"), one per clause between semicolons, when it lists three or more."""
    parts = [part.strip() for part in text.split(";")]
    return parts if len(parts) >= 3 and all(len(p) > 15 for p in parts) else [text]


def _is_plain_heading(block: Block, node: Node | None) -> bool:
    """A heading-shaped line among plain paragraphs (an article's sub-title)."""
    if node is not None:
        return bool(node.children)
    return node_key(block, None) is not None


def _item_nodes(draft: _Draft, nodes: dict[int, Node], members: set[int]) -> list[Node]:
    """The outermost nodes of the section that are not sub-headings."""
    chosen: list[Node] = []
    chosen_set: set[int] = set()
    for index in draft.indices:
        node = nodes.get(index)
        if node is None or index not in members:
            continue
        has_children = any(child.index in members for child in node.children)
        if has_children and not node.is_list_item and node.heading_like:
            continue  # a sub-heading grouping the items below it
        if _ancestor_in(node, chosen_set):
            continue  # part of an item chosen above it
        chosen.append(node)
        chosen_set.add(node.index)
    return chosen


def _ancestor_in(node: Node, indices: set[int]) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.index in indices:
            return True
        parent = parent.parent
    return False


def _item_extent(
    node: Node, section: list[int], nodes: dict[int, Node], leads: set[int]
) -> list[int]:
    """The item's own paragraph, its sub-items and the plain paragraphs that follow."""
    inside = {n.index for n in node.descendants()}
    extent = [node.index]
    for index in section:
        if index <= node.index:
            continue
        if index in leads or (index in nodes and index not in inside):
            break
        extent.append(index)
    return extent


def _make_item(node: Node | None, paragraphs: list[Block]) -> Item:
    first = node.text_without_label if node else paragraphs[0].text
    label = node.label.text if node and node.label else ""
    text = "\n".join([first, *(p.text for p in paragraphs[1:])])
    provenance = span_all([p.provenance for p in paragraphs])
    return Item(label, item_title(first), text, provenance, list(paragraphs))


def item_title(first_paragraph: str) -> str:
    """The first clause of an item, where papers state their point."""
    text = first_paragraph.strip()
    if len(text) <= 160:
        return text.rstrip(" .:;")
    end = _CLAUSE_END.search(text)
    if end and end.start() <= 220:
        return text[: end.start()].rstrip()
    words = text.split()
    return " ".join(words[:25]) + "…"


def prose_section(
    kind: SectionKind, basis: KindBasis, heading_blocks: list[Block], paragraphs: list[Block]
) -> Section:
    """A section of unheaded text: its kind decided elsewhere (wording, a question), every
    paragraph an item unless the paragraphs enumerate ("Một là …", "1.", "- ")."""
    built = build_sections(paragraphs, single_kind=kind) if paragraphs else []
    provenance = span_all([b.provenance for b in heading_blocks + paragraphs])
    section = built[0] if built else Section(kind, None, provenance)
    section.heading = heading_blocks[-1].labelled_text if heading_blocks else None
    section.heading_blocks = list(heading_blocks)
    section.provenance = provenance
    section.kind_from = basis
    return section
