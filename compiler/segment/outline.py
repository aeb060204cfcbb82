"""The outline of a paper's body: which paragraphs are headings or list items, and how
they nest.

Papers mix numbering styles freely ("I." over "1." over "Thứ nhất" over "- ", or bare
phrase headings over "1-" items), so levels are not fixed: the first time a label style
appears it nests under the open node; when a style already open appears again, it closes
back to that level (its sibling). Headings never nest under list items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from compiler.enumeration import Label, parse_label
from compiler.model import Block, BlockRole
from compiler.normalize import is_caps

# Label styles of lists: they hold items, never headings of sections.
LIST_KEYS = frozenset({"ordinal", "ordinal_la", "bullet", "bullet+", "letter", "paren"})

_MAX_HEADING = 160  # characters of a heading's text (without its label)
_MAX_RUN_IN_HEADING = 300  # a numbered heading that ends with ':' may run longer
_SENTENCE_END = re.compile(r"[.;!?…][\"'”’»)]*$")
_INNER_SENTENCE = re.compile(r"[.!?] +[A-ZĐÀ-Ỹ]")


@dataclass(eq=False, slots=True)
class Node:
    """A paragraph that is a heading or a list item, placed in the outline."""

    index: int  # position in the paper's body blocks
    block: Block
    key: str  # level key: "h1", "roman", "arabic", "decimal2", "caps", "bold", "phrase", …
    label: Label | None
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)

    @property
    def is_list_item(self) -> bool:
        return self.key in LIST_KEYS

    @property
    def text_without_label(self) -> str:
        return self.label.rest if self.label else self.block.text

    @property
    def heading_like(self) -> bool:
        """Shaped like a heading: short, no sentence end (or a run-in heading with children)."""
        if self.is_list_item:
            return False
        if self.label is None or self.block.role == BlockRole.HEADING:
            return True  # explicit headings, caps, bold and phrase lines were chosen as such
        text = self.label.rest
        if len(text) <= _MAX_HEADING and not _SENTENCE_END.search(text):
            return True
        return bool(self.children) and len(text) <= _MAX_RUN_IN_HEADING and text.endswith(":")

    def descendants(self) -> list[Node]:
        result: list[Node] = []
        for child in self.children:
            result.append(child)
            result.extend(child.descendants())
        return result


def block_label(block: Block) -> Label | None:
    """The enumeration label of a block: typed in its text, or rendered by Word numbering."""
    if block.list_label:
        return parse_label(f"{block.list_label} {block.text}")
    return parse_label(block.text)


def node_key(block: Block, label: Label | None) -> str | None:
    """The outline level key of a block, or None for a plain paragraph."""
    if block.role == BlockRole.TABLE_CELL:
        return None
    if block.role == BlockRole.HEADING:
        return f"h{block.heading_level or 1}"
    if label is not None:
        return "roman" if label.kind == "roman" else label.level_key
    text = block.text
    if len(text) > _MAX_HEADING * 1.5 or text.endswith((".", ";", ",")):
        return None
    if is_caps(text):
        return "caps"
    if block.bold:
        return "bold"
    if not is_phrase_heading(text):
        return None
    # "Về quan hệ với Lào:" lines list the topics under a bare heading: one level below it.
    return "about" if text.startswith("Về ") and text.endswith(":") else "phrase"


def is_phrase_heading(text: str) -> bool:
    """A short unnumbered line such as "Về thời cơ, vận hội" or "Bối cảnh mới, thách thức mới".

    A line ending with ':' is a sentence introducing a list ("Để …, tỉnh kiến nghị Bộ Ngoại
    giao:") unless it is a "Về …:" line or a few words long ("Về cơ hội:", "Kết quả:").
    """
    words = text.split()
    if text.endswith(":") and not (words[0] == "Về" and len(words) <= 15) and len(words) > 8:
        return False
    return (
        len(text) <= 120
        and 2 <= len(words) <= 20
        and text[0].isupper()
        and not _SENTENCE_END.search(text.rstrip(":"))
        and not _INNER_SENTENCE.search(text)
        and not text.startswith(("(", "[", "“", '"'))
    )


def is_lead(block: Block, following: Block | None) -> bool:
    """A paragraph ending with ':' right before a list: it introduces that list."""
    return (
        block.role == BlockRole.BODY
        and block.text.endswith(":")
        and following is not None
        and block_label(following) is not None
    )


def build_outline(
    blocks: list[Block], keys: list[str | None], barriers: set[int]
) -> dict[int, Node]:
    """Nodes by block index, nested. ``keys`` come from ``node_key``; ``barriers`` are
    paragraphs that open a new list context (a lead paragraph, a paragraph that opens a
    section): open lists close there.
    """
    nodes: dict[int, Node] = {}
    stack: list[Node] = []
    for index, (block, key) in enumerate(zip(blocks, keys, strict=True)):
        if index in barriers:
            _close_lists(stack)
            continue
        if key is None:
            continue
        node = Node(index, block, key, block_label(block))
        _place(node, stack)
        nodes[index] = node
    return nodes


def _place(node: Node, stack: list[Node]) -> None:
    open_keys = [n.key for n in stack]
    if node.key in open_keys:
        while stack[-1].key != node.key:
            stack.pop()
        stack.pop()  # the sibling it follows
    elif node.key == "caps":
        stack.clear()  # an unnumbered all-caps heading ("KẾT LUẬN") is never a sub-heading
    elif not node.is_list_item:
        _close_lists(stack)
    node.parent = stack[-1] if stack else None
    if node.parent is not None:
        node.parent.children.append(node)
    stack.append(node)


def _close_lists(stack: list[Node]) -> None:
    while stack and stack[-1].is_list_item:
        stack.pop()
