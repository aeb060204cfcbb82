"""How alike two items are, in [0, 1].

Items are compared on normalised text: NFC, case folded, tone placement unified, labels
and markdown already gone, frequent OCR slips folded ("đổi ngoại" → "đối ngoại"). The
features are syllables and syllable pairs (Vietnamese words are mostly one or two
syllables), weighted by inverse document frequency learned from the pool of items being
compared: words every paper repeats ("tiếp tục", "tăng cường", "công tác", "đối ngoại")
weigh little without anyone keeping a stop list up to date.

The score blends the cosine similarity of the two titles (the first clause, where papers
state their point), of the two full texts, and of each title against the other's text;
then a surface component from rapidfuzz (token-set similarity of the titles' content
words) rewards near-identical wording, which matters when the same province rewords an
item between two meetings.

For large pools, ``candidate_pairs`` finds each item's most similar items with one sparse
matrix product per block of rows, so only those pairs are scored exactly.

A pool small enough (items × features ≤ ``DENSE_LIMIT``, every comparison of a meeting's
papers) keeps its TF-IDF rows as a dense numpy array; a larger one as a scipy sparse
matrix. scipy.sparse takes longer to import (0.1 s) than a small pool takes to score, so it
is imported only for large pools.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.process import cdist, cpdist

from compiler.model import Item
from compiler.normalize import fold

if TYPE_CHECKING:
    from scipy import sparse

DENSE_LIMIT = 500_000  # items × features: a dense product costs n² × features, sparse ~ nonzeros

_BREAKS = frozenset(".,;:!?()[]“”\"'…\n–—-")
# Syllables of two letters or more, and the punctuation that ends a clause.
_TOKEN = re.compile(r"[^\W\d_]{2,}|[.,;:!?()\[\]“”\"'…\n–—-]")
_HAS_DIGIT = re.compile(r"\d")

# Frequent OCR slips in the corpus, as folded syllable pairs.
_OCR_PAIRS = {
    ("đổi", "ngoại"): ("đối", "ngoại"),
    ("đối", "ngũ"): ("đội", "ngũ"),
    ("chủ", "trọng"): ("chú", "trọng"),
    ("đầy", "mạnh"): ("đẩy", "mạnh"),
    ("quang", "bá"): ("quảng", "bá"),
    ("triền", "khai"): ("triển", "khai"),
    ("thông", "nhất"): ("thống", "nhất"),
    ("bồi", "sung"): ("bổ", "sung"),
}

# Legal references ("Nghị quyết số 22-NQ/TW ngày 10/4/2013 của Bộ Chính trị") say which
# text a point cites, not what the point is: left out of the comparison.
_CITATION = re.compile(
    r"\b(?:nghị quyết|kết luận|chỉ thị|quyết định|hướng dẫn|thông tư|nghị định|công văn"
    r"|chương trình hành động|kế hoạch|quy chế)\s+(?:số\s+)?\d+[\w/.-]*"
    r"(?:\s+ngày\s+\d{1,2}/\d{1,2}/\d{2,4})?"
    r"(?:\s+của\s+(?:bộ chính trị|ban bí thư|chính phủ|thủ tướng chính phủ|ban chấp hành trung ương"
    r"|ban thường vụ tỉnh ủy|ủy ban nhân dân tỉnh|ubnd tỉnh)(?:\s*\(khóa [ivxl]+\))?)?"
    r"|\b\d+-[a-zđ]+(?:/[a-zđ-]+)+|\bngày\s+\d{1,2}/\d{1,2}/\d{2,4}",
)

# The formula that hands a request to its addressee ("Đề nghị Bộ Ngoại giao …", "kiến nghị
# Chính phủ …") says whom a point asks, not what it asks. Across provinces the pool's weights
# make it generic; one province that opens every ask with it finds its own unrelated asks
# alike, so comparisons of one province's meetings leave it out (``Tuning.drop_requests``).
_REQUEST = re.compile(
    r"\b(?:(?:trân trọng|kính|xin|tiếp tục)\s+)?(?:đề nghị|kiến nghị|đề xuất|rất mong|mong)"
    r"\s+(?:với\s+)?(?:bộ ngoại giao|chính phủ|thủ tướng chính phủ|trung ương"
    r"|các bộ,? ngành(?:\s+trung ương)?)\b"
)
_REQUEST_CUE = re.compile(r"đề nghị|kiến nghị|đề xuất|mong")

# Work areas of local foreign affairs and the words papers use for them. Each area adds a
# feature "#area" to every item that names it, so "ngoại giao kinh tế" meets "kinh tế đối
# ngoại"; its weight is learned like any other feature's.
AREAS: dict[str, tuple[str, ...]] = {
    "economic": (
        "ngoại giao kinh tế",
        "kinh tế đối ngoại",
        "xúc tiến đầu tư",
        "thu hút đầu tư",
        "xúc tiến thương mại",
        "hội nhập kinh tế",
        "kết nối doanh nghiệp",
    ),
    "information": (
        "thông tin đối ngoại",
        "tuyên truyền đối ngoại",
        "quảng bá hình ảnh",
        "quảng bá tiềm năng",
        "thông tin tuyên truyền",
    ),
    "culture": ("ngoại giao văn hóa", "văn hóa đối ngoại"),
    "staff": ("đào tạo", "bồi dưỡng", "đội ngũ cán bộ", "nguồn nhân lực", "xây dựng đội ngũ"),
    "research": ("nghiên cứu", "dự báo", "tham mưu chiến lược"),
    "consular": ("lãnh sự", "bảo hộ công dân"),
    "overseas": ("người việt nam ở nước ngoài", "kiều bào", "nvnonn"),
    "multilateral": ("đối ngoại đa phương", "cơ chế đa phương", "diễn đàn đa phương"),
    "border": ("biên giới", "cửa khẩu", "mốc quốc giới", "chủ quyền", "toàn vẹn lãnh thổ"),
    "partners": (
        "đối tác",
        "địa phương nước ngoài",
        "quan hệ hữu nghị",
        "thỏa thuận hợp tác",
        "hợp tác quốc tế",
    ),
    "aid": ("phi chính phủ", "viện trợ", "oda", "ngo"),
    "security": ("an ninh", "quốc phòng", "thế lực thù địch", "diễn biến hòa bình"),
    "technology": (
        "khoa học công nghệ",
        "khoa học kỹ thuật",
        "cách mạng công nghiệp",
        "chuyển đổi số",
    ),
    "world": ("tình hình thế giới", "nước lớn", "cạnh tranh chiến lược", "cục diện"),
}

_AREA_PHRASES = {area: tuple(fold(p) for p in phrases) for area, phrases in AREAS.items()}


@dataclass(frozen=True, slots=True)
class Tuning:
    """The scorer's knobs, tuned on the gold pairs in ``tests/align_gold.py``."""

    # The title counts four times: in its own vector, against the other's text, in the
    # wording component and inside the full text; the body only in the full text.
    title: float = 0.30  # title against title
    full: float = 0.40  # full text (title included) against full text
    cross: float = 0.20  # each title against the other item's full text
    surface: float = 0.10  # rapidfuzz similarity of the titles' content wording
    idf_power: float = 1.0  # > 1 sharpens the contrast between rare and generic words
    area_boost: float = 3.0  # weight of a work-area feature relative to its IDF
    min_pmi: float = 3.5  # how strongly two syllables must cling together to count as a word
    drop_requests: bool = False  # leave out "Đề nghị Bộ Ngoại giao …" (one province's meetings)


DEFAULT_TUNING = Tuning()


def clauses(text: str, drop_requests: bool = False) -> list[list[str]]:
    """Folded syllables of each clause, OCR slips corrected, citations left out (and with
    ``drop_requests``, request formulas)."""
    folded = fold(text)
    if _HAS_DIGIT.search(folded):  # every citation has a number
        folded = _CITATION.sub(" ", folded)
    if drop_requests and _REQUEST_CUE.search(folded):
        folded = _REQUEST.sub(" ", folded)
    result: list[list[str]] = []
    current: list[str] = []
    for token in _TOKEN.findall(folded):
        if token[0] in _BREAKS:
            if current:
                result.append(current)
                current = []
        else:
            current.append(token)
    if current:
        result.append(current)
    return [_fix_ocr(c) if _OCR_FIRST.intersection(c) else c for c in result]


_OCR_FIRST = frozenset(first for first, _ in _OCR_PAIRS)


def correct_ocr(text: str) -> str:
    """The text with known OCR slips corrected, for labels the tool writes itself."""
    folded = fold(text)
    if not any(f"{a} {b}" in folded for a, b in _OCR_PAIRS):
        return text
    words = text.split(" ")
    for i in range(len(words) - 1):
        pair = _OCR_PAIRS.get((_bare(words[i]), _bare(words[i + 1])))
        if pair:
            words[i] = _respell(words[i], pair[0])
            words[i + 1] = _respell(words[i + 1], pair[1])
    return " ".join(words)


def _bare(word: str) -> str:
    return fold(word).strip(".,;:!?()“”\"'")


def _respell(word: str, correct: str) -> str:
    core = _bare(word)
    start = fold(word).find(core)
    if word[start : start + 1].isupper():
        correct = correct[:1].upper() + correct[1:]
    return word[:start] + correct + word[start + len(core) :]


def has_ocr_slip(text: str) -> bool:
    """Whether a text holds one of the known OCR slips ("Chủ trọng" for "Chú trọng")."""
    return any(
        (a, b) in _OCR_PAIRS
        for clause in clauses(text)
        for a, b in zip(clause, clause[1:], strict=False)
    )


def _fix_ocr(syllables: list[str]) -> list[str]:
    fixed = list(syllables)
    for i in range(len(fixed) - 1):
        pair = _OCR_PAIRS.get((fixed[i], fixed[i + 1]))
        if pair:
            fixed[i], fixed[i + 1] = pair
    return fixed


def features(text: str, words: set[str] | None = None) -> Counter[str]:
    """Syllables, pairs of adjacent syllables within a clause, and work areas named.

    ``words``: the syllable pairs that behave like words in the pool (``collocations``);
    None keeps every pair.
    """
    return _features(_tokens(clauses(text)), words)


@dataclass(slots=True)
class _Tokens:
    """A text's syllables, its pairs of adjacent syllables and its clauses joined, computed
    once and shared by the collocation count and the features."""

    syllables: list[str]
    pairs: list[str]
    joined: str

    def __add__(self, other: _Tokens) -> _Tokens:
        return _Tokens(
            self.syllables + other.syllables,
            self.pairs + other.pairs,
            f"{self.joined} | {other.joined}",
        )


def _tokens(clause_list: list[list[str]]) -> _Tokens:
    return _Tokens(
        [syllable for clause in clause_list for syllable in clause],
        [f"{a} {b}" for clause in clause_list for a, b in zip(clause, clause[1:], strict=False)],
        " | ".join(" ".join(clause) for clause in clause_list),
    )


def _features(tokens: _Tokens, words: set[str] | None) -> Counter[str]:
    pairs = tokens.pairs if words is None else [p for p in tokens.pairs if p in words]
    return Counter(tokens.syllables + pairs + _areas(tokens.joined))


def collocations(texts: Sequence[str], min_count: int = 2, min_pmi: float = 2.0) -> set[str]:
    """Syllable pairs that recur together more than chance: Vietnamese two-syllable words
    ("bồi dưỡng", "ngoại giao") rather than junctions of two words ("quốc tế về")."""
    return _collocations([_tokens(clauses(t)) for t in texts], min_count, min_pmi)


def _collocations(token_lists: list[_Tokens], min_count: int, min_pmi: float) -> set[str]:
    syllable_counts = Counter(s for tokens in token_lists for s in tokens.syllables)
    pair_counts = Counter(p for tokens in token_lists for p in tokens.pairs)
    log_total = math.log(sum(syllable_counts.values()) or 1)
    words = set()
    for pair, count in pair_counts.items():
        if count < min_count:
            continue
        first, second = pair.split(" ")
        pmi = (
            math.log(count) + log_total - math.log(syllable_counts[first] * syllable_counts[second])
        )
        if pmi >= min_pmi:
            words.add(pair)
    return words


def _areas(folded: str) -> list[str]:
    padded = f" {folded} "
    return [
        f"#{area}"
        for area, phrases in _AREA_PHRASES.items()
        if any(f" {phrase} " in padded for phrase in phrases)
    ]


class Scorer:
    """Scores items of one pool; the pool teaches it which words are generic."""

    def __init__(self, pool: Sequence[Item], tuning: Tuning = DEFAULT_TUNING) -> None:
        self.items = list(pool)
        self.tuning = tuning
        self._index = {id(item): n for n, item in enumerate(self.items)}
        drop = tuning.drop_requests
        title_clauses = [clauses(item.title, drop) for item in self.items]
        titles_tokens = [_tokens(c) for c in title_clauses]
        full_tokens = [
            title + _tokens(clauses(item.text, drop))
            for title, item in zip(titles_tokens, self.items, strict=True)
        ]
        words = _collocations(full_tokens, 2, tuning.min_pmi)
        self.words = words  # two-syllable words of the pool ("đẩy mạnh", "đa phương")
        titles = [_features(t, words) for t in titles_tokens]
        fulls = [_features(t, words) for t in full_tokens]
        self.idf = _idf(fulls)
        # A syllable in a tenth of the pool's items (at least 3) is generic wording.
        total = len(fulls)
        self._generic = math.log((1 + total) / (1 + max(3.0, 0.1 * total))) + 1.0
        self._vocabulary = {f: n for n, f in enumerate(sorted(self.idf))}
        self.titles = self._matrix(titles)
        self.fulls = self._matrix(fulls)
        # Token-sorted once: a plain ratio of two of them is their token_sort_ratio.
        self._wording = [" ".join(sorted(self._content_wording(c).split())) for c in title_clauses]

    def index(self, item: Item) -> int:
        return self._index[id(item)]

    def score(self, a: Item, b: Item) -> float:
        return float(self.matrix([self.index(a)], [self.index(b)])[0, 0])

    def matrix(self, left: Sequence[int], right: Sequence[int], workers: int = 1) -> np.ndarray:
        """Scores of every left item against every right item (indices into the pool)."""
        if not left or not right:
            return np.zeros((len(left), len(right)))
        t_l, t_r = self.titles[list(left)], self.titles[list(right)]
        f_l, f_r = self.fulls[list(left)], self.fulls[list(right)]
        cross = 0.5 * (_products(t_l, f_r) + _products(f_l, t_r))
        surface = self._wording_similarity(left, right, paired=False, workers=workers)
        return self._blend(_products(t_l, t_r), _products(f_l, f_r), cross, surface)

    def square(self, indices: Sequence[int], block: int = 1024) -> np.ndarray:
        """``matrix(indices, indices)``, exact, for pools of any size: beyond one block, the
        upper triangle is computed a block of rows at a time (on every core) and mirrored,
        so the work halves and the memory is one n × n float32 array and one block. The
        three cosine terms of a block come from one sparse product: with L = [a·T + c/2·F,
        c/2·T + b·F] and R = [T, F], L·Rᵀ = a·T·Tᵀ + b·F·Fᵀ + c/2·(T·Fᵀ + F·Tᵀ)."""
        indices = list(indices)
        n = len(indices)
        if n <= block:
            return self.matrix(indices, indices)
        t = self.tuning
        titles, fulls = self.titles[indices], self.fulls[indices]
        dense = isinstance(titles, np.ndarray)  # a small vocabulary keeps dense rows

        def stack(parts: list[Any]) -> Any:
            if dense:
                return np.hstack(parts)
            from scipy import sparse

            return sparse.hstack(parts, format="csr")

        right = stack([titles, fulls])
        left = stack(
            [t.title * titles + t.cross / 2 * fulls, t.cross / 2 * titles + t.full * fulls]
        )
        scores = np.empty((n, n), dtype=np.float32)
        for start in range(0, n, block):
            end = min(start + block, n)
            cosines = _products(left[start:end], right[start:])
            rows, columns = indices[start:end], indices[start:]
            surface = self._wording_similarity(rows, columns, paired=False, workers=-1)
            part = np.clip(cosines + t.surface * _wording(surface), 0.0, 1.0)
            scores[start:end, start:] = part
            scores[start:, start:end] = part.T
        return scores

    def pair_scores(self, pairs: np.ndarray, chunk: int = 50_000) -> np.ndarray:
        """Exact scores of the given index pairs (rows of ``pairs``)."""
        scores = np.empty(len(pairs), dtype=np.float32)
        for start in range(0, len(pairs), chunk):
            left, right = pairs[start : start + chunk, 0], pairs[start : start + chunk, 1]
            t_l, t_r, f_l, f_r = (
                self.titles[left],
                self.titles[right],
                self.fulls[left],
                self.fulls[right],
            )
            cross = 0.5 * (_row_dots(t_l, f_r) + _row_dots(f_l, t_r))
            surface = self._wording_similarity(left, right, paired=True)
            blended = self._blend(_row_dots(t_l, t_r), _row_dots(f_l, f_r), cross, surface)
            scores[start : start + len(left)] = blended
        return scores

    def _wording_similarity(
        self,
        left: Sequence[int] | np.ndarray,
        right: Sequence[int] | np.ndarray,
        paired: bool,
        workers: int = 1,
    ) -> np.ndarray:
        """rapidfuzz token-sort similarity (0–100) of the titles' content wording; 0 where a
        title has no content words. ``paired``: element-wise instead of all against all.
        The wordings are token-sorted already, so ``fuzz.ratio`` gives ``token_sort_ratio``
        without sorting again for every pair (four times faster)."""
        words_l = [self._wording[i] for i in left]
        words_r = [self._wording[j] for j in right]
        compare = cpdist if paired else cdist
        scores = compare(words_l, words_r, scorer=fuzz.ratio, dtype=np.float32, workers=workers)
        empty_l = np.array([not w for w in words_l])
        empty_r = np.array([not w for w in words_r])
        empty = empty_l | empty_r if paired else empty_l[:, None] | empty_r[None, :]
        return np.where(empty, 0.0, scores)

    def _blend(
        self, title: np.ndarray, full: np.ndarray, cross: np.ndarray, surface: np.ndarray
    ) -> np.ndarray:
        t = self.tuning
        blended = t.title * title + t.full * full + t.cross * cross + t.surface * _wording(surface)
        return np.clip(blended, 0.0, 1.0)

    def candidate_pairs(self, k: int = 20, floor: float = 0.05, block: int = 2048) -> np.ndarray:
        """Each item's ``k`` nearest other items by full-text cosine, as an (n, 2) array of
        index pairs (i < j), without ever holding the n × n matrix."""
        from scipy import sparse

        found: set[tuple[int, int]] = set()
        rows = self._discriminative(sparse.csr_matrix(self.fulls))
        transposed = rows.T.tocsc()
        for start in range(0, rows.shape[0], block):
            products = (rows[start : start + block] @ transposed).toarray()
            for offset, row in enumerate(products):
                i = start + offset
                row[i] = -1.0
                top = np.argpartition(-row, min(k, len(row) - 1))[:k]
                for j in top[row[top] >= floor]:
                    found.add((min(i, int(j)), max(i, int(j))))
        return np.array(sorted(found), dtype=np.int64).reshape(-1, 2)

    def _discriminative(self, matrix: sparse.csr_matrix, share: float = 0.05) -> sparse.csr_matrix:
        """The matrix without features in more than ``share`` of the items: they weigh
        little in any score but make every item a neighbour of every other."""
        from scipy import sparse

        if matrix.shape[0] < 200:
            return matrix
        document_frequency = np.bincount(matrix.indices, minlength=matrix.shape[1])
        keep = sparse.diags((document_frequency <= share * matrix.shape[0]).astype(np.float32))
        return sparse.csr_matrix(matrix @ keep)

    def _matrix(self, counters: list[Counter[str]]) -> Any:
        """L2-normalised TF-IDF rows: a dense array for a small pool, else a sparse matrix."""
        vocabulary = self._vocabulary
        if not hasattr(self, "_weights"):
            names = sorted(vocabulary, key=vocabulary.__getitem__)
            idf = np.array([self.idf[f] for f in names]) ** self.tuning.idf_power
            boost = np.array([self.tuning.area_boost if f.startswith("#") else 1.0 for f in names])
            self._weights = (idf * boost).astype(np.float32)
        indptr = np.cumsum([0] + [len(c) for c in counters])
        indices = np.fromiter((vocabulary[f] for c in counters for f in c), np.int64, indptr[-1])
        counts = np.fromiter((n for c in counters for n in c.values()), np.float32, indptr[-1])
        data = (1.0 + np.log(counts)) * self._weights[indices]
        rows = np.repeat(np.arange(len(counters)), np.diff(indptr))
        norms = np.sqrt(np.bincount(rows, weights=data * data, minlength=len(counters)))
        norms[norms == 0] = 1.0
        data = (data / norms[rows]).astype(np.float32)
        shape = (len(counters), len(vocabulary))
        if shape[0] * shape[1] <= DENSE_LIMIT:
            dense = np.zeros(shape, dtype=np.float32)
            dense[rows, indices] = data
            return dense
        from scipy import sparse

        return sparse.csr_matrix((data, indices, indptr), shape=shape, dtype=np.float32)

    def _content_wording(self, title_clauses: list[list[str]]) -> str:
        """The title's syllables in order, less the generic ones."""
        return " ".join(w for c in title_clauses for w in c if self.idf.get(w, 0.0) > self._generic)


def _wording(surface: np.ndarray) -> np.ndarray:
    """The wording component from rapidfuzz's 0–100: unrelated titles score 30–50, so only
    wording beyond half alike counts."""
    return np.clip((surface / 100.0 - 0.5) * 2.0, 0.0, 1.0)


def _products(a: Any, b: Any) -> np.ndarray:
    """Every row of ``a`` against every row of ``b``, as a dense array."""
    product = a @ b.T
    return product if isinstance(product, np.ndarray) else product.toarray()


def _row_dots(a: Any, b: Any) -> np.ndarray:
    """Row i of ``a`` against row i of ``b``."""
    if isinstance(a, np.ndarray):
        return np.einsum("ij,ij->i", a, b)
    return np.asarray(a.multiply(b).sum(axis=1)).ravel()


def _idf(documents: list[Counter[str]]) -> dict[str, float]:
    frequency: Counter[str] = Counter()
    for counts in documents:
        frequency.update(counts.keys())
    total = len(documents)
    return {f: math.log((1 + total) / (1 + df)) + 1.0 for f, df in frequency.items()}
