"""Near-duplicate articles: one wire story published by many sites with small edits.

A news agency's story appears on dozens of sites with a new headline, a paragraph added
or cut, the site's own chrome around it. Counted once per copy, its quotes and figures
would weigh many times over. :class:`NearDuplicates` groups the copies into clusters
and names one *canonical* article per cluster; the others are its ``copies``.

How:

* **Shingles.** The text is normalised (Unicode NFKC, case-folded, apostrophes dropped,
  split into runs of letters and digits, so punctuation, quote styles and whitespace do
  not matter) and cut into overlapping 5-word shingles. Five words are long enough that
  two different stories on one topic share few shingles (common phrases like "said on
  Monday that" are shorter), and short enough that one edited word changes only five.
  A text of fewer than five words is one shingle of all its words (so only the same
  short text matches it); a text with no words matches nothing.
* **MinHash + LSH** (datasketch): a 128-permutation MinHash (``affine32`` scheme, over the
  low 32 bits of the shingle hashes: three times faster than 64-bit, and the LSH only
  proposes candidates) with a fixed seed, indexed in LSH bands chosen so that a pair at the ``threshold`` is a
  candidate with probability >= 99.5% (datasketch's default bands find a pair *at* the
  threshold only about half the time).
* **Verification.** Every candidate pair's exact Jaccard similarity is computed on the
  stored shingle hashes; only pairs at or above ``threshold`` are joined, so an LSH false
  positive never merges two stories. The default, 0.75, keeps the usual syndication
  edits together: a 220-word story with a new headline and one 30-word sentence cut is
  at 0.80 to its original, one with a 60-word paragraph added or the site's chrome
  around it at about 0.88; two different stories on one topic that share a quote and
  background paragraphs stay under 0.2.
* **Union-find** joins verified pairs transitively: A~B and B~C give one cluster.

The result does not depend on the order articles are added in. Memory: per article its
sorted 64-bit shingle hashes (8 bytes a shingle), its length and date; no text is kept.
Pure: no I/O.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

import numpy as np
from datasketch import MinHash, MinHashLSH

from .readers.dates import normalize_date

__all__ = ["Cluster", "NearDuplicates", "cluster_articles", "shingle_hashes", "jaccard"]

SHINGLE_SIZE = 5
DEFAULT_THRESHOLD = 0.75
DEFAULT_NUM_PERM = 128
DEFAULT_SEED = 1
# Probability that LSH proposes a pair whose Jaccard similarity equals the threshold.
_LSH_RECALL = 0.995

_WORD = re.compile(r"\w+")
_APOSTROPHES = re.compile(r"(?<=\w)['\u2019\u02bc](?=\w)")
# Odd 64-bit constants: the polynomial base for combining word hashes, and splitmix64's.
_BASE = np.uint64(0x100000001B3)
_MIX1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX2 = np.uint64(0x94D049BB133111EB)
_LOW32 = np.uint64(0xFFFFFFFF)


@dataclass(frozen=True)
class Cluster:
    """Articles that are copies of one story. ``canonical`` is the one to keep (earliest
    published, then longest, then smallest id); ``members`` are all ids, sorted, the
    canonical one included; ``copies`` is ``len(members) - 1``; ``sources`` the distinct
    sources (sites) given for the members, sorted."""

    canonical: str
    members: list[str]
    copies: int = field(init=False)
    sources: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        object.__setattr__(self, "copies", len(self.members) - 1)


def words(text: str) -> list[str]:
    """Normalised words: NFKC, case-folded, ``don't``/``don’t`` -> ``dont``, runs of
    letters and digits only."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _APOSTROPHES.sub("", text)
    return _WORD.findall(text)


_WORD_CACHE: dict[str, int] = {}
_WORD_CACHE_SIZE = 1 << 18


def _word_hash(token: str) -> int:
    value = _WORD_CACHE.get(token)
    if value is None:
        digest = hashlib.blake2b(token.encode("utf-8", "surrogatepass"), digest_size=8).digest()
        value = int.from_bytes(digest, "little")
        if len(_WORD_CACHE) >= _WORD_CACHE_SIZE:  # bounded: a word's hash never changes
            _WORD_CACHE.clear()
        _WORD_CACHE[token] = value
    return value


def _word_hashes(tokens: list[str]) -> np.ndarray:
    return np.fromiter(map(_word_hash, tokens), dtype=np.uint64, count=len(tokens))


def _mix(values: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser over an array (uint64 arithmetic wraps, as intended)."""
    values = values ^ (values >> np.uint64(30))
    values = values * _MIX1
    values = values ^ (values >> np.uint64(27))
    values = values * _MIX2
    return values ^ (values >> np.uint64(31))


def shingle_hashes(text: str, k: int = SHINGLE_SIZE) -> np.ndarray:
    """Sorted unique 64-bit hashes of the ``k``-word shingles of ``text`` (see the module
    doc). Deterministic across runs and machines."""
    if k < 1:
        raise ValueError("k must be at least 1")
    tokens = words(text)
    if not tokens:
        return np.empty(0, dtype=np.uint64)
    hashes = _word_hashes(tokens)
    if len(tokens) < k:
        k = len(tokens)
    n = len(tokens) - k + 1
    with np.errstate(over="ignore"):
        combined = np.zeros(n, dtype=np.uint64)
        for j in range(k):  # polynomial in the word hashes: order matters
            combined = combined * _BASE + hashes[j:j + n]
        combined = _mix(combined + np.uint64(k))
    return np.unique(combined)


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Exact Jaccard similarity of two sorted unique hash arrays; 0.0 when both are empty."""
    if a.size == 0 or b.size == 0:
        return 0.0
    common = np.intersect1d(a, b, assume_unique=True).size
    return common / (a.size + b.size - common)


def _lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """Bands ``b`` and rows ``r`` (``b * r <= num_perm``) such that a pair at ``threshold``
    is a candidate with probability >= _LSH_RECALL, with as many rows per band (as few
    false candidates) as that allows."""
    best = (num_perm, 1)
    for rows in range(1, num_perm + 1):
        bands = num_perm // rows
        if bands < 2:
            break
        recall = 1.0 - (1.0 - threshold ** rows) ** bands
        if recall >= _LSH_RECALL:
            best = (bands, rows)
    return best


def _time_key(published: Any) -> str | None:
    """A sortable UTC timestamp ``YYYY-MM-DDTHH:MM:SS`` for an ISO date or datetime (a date
    alone counts as its midnight), or None when it cannot be read."""
    if published is None or published == "":
        return None
    if isinstance(published, str):
        text = published.strip()
        try:
            stamp = datetime.fromisoformat(text.replace("Z", "+00:00") if text.endswith("Z") else text)
        except ValueError:
            stamp = None
        if stamp is not None:
            if stamp.tzinfo is not None:
                stamp = stamp.astimezone(timezone.utc).replace(tzinfo=None)
            return stamp.isoformat(timespec="seconds")
    if isinstance(published, datetime):
        stamp = published
        if stamp.tzinfo is not None:
            stamp = stamp.astimezone(timezone.utc).replace(tzinfo=None)
        return stamp.isoformat(timespec="seconds")
    day = normalize_date(published)
    return f"{day}T00:00:00" if day else None


@dataclass
class _Entry:
    shingles: np.ndarray
    length: int
    time: str | None
    source: str | None


class NearDuplicates:
    """Incremental near-duplicate clustering.

    >>> nd = NearDuplicates()
    >>> nd.add("a", text_a, published="2024-10-06")
    >>> nd.add("b", text_b)
    >>> [c for c in nd.clusters() if c.copies]

    ``threshold`` is the least Jaccard similarity of 5-word shingle sets for two articles
    to be copies; ``num_perm`` and ``seed`` set the MinHash; ``k`` the shingle length.
    """

    def __init__(self, threshold: float = DEFAULT_THRESHOLD, *, num_perm: int = DEFAULT_NUM_PERM,
                 seed: int = DEFAULT_SEED, k: int = SHINGLE_SIZE) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError("threshold must be in (0, 1]")
        if num_perm < 2:
            raise ValueError("num_perm must be at least 2")
        if k < 1:
            raise ValueError("k must be at least 1")
        self.threshold = threshold
        self.num_perm = num_perm
        self.seed = seed
        self.k = k
        self._template = MinHash(num_perm=num_perm, seed=seed, scheme="affine32")
        self._lsh = MinHashLSH(num_perm=num_perm, params=_lsh_params(threshold, num_perm))
        self._entries: dict[str, _Entry] = {}
        self._parent: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._entries

    # --- union-find -----------------------------------------------------------------

    def _find(self, key: str) -> str:
        root = key
        while self._parent[root] != root:
            root = self._parent[root]
        while self._parent[key] != root:  # path compression
            self._parent[key], key = root, self._parent[key]
        return root

    def _union(self, a: str, b: str) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra != rb:
            # The smaller id becomes the root: the structure, like the result, does not
            # depend on the order of additions.
            if rb < ra:
                ra, rb = rb, ra
            self._parent[rb] = ra

    # --- adding -------------------------------------------------------------------------

    def _minhash(self, shingles: np.ndarray) -> MinHash:
        minhash = MinHash(num_perm=self.num_perm, seed=self.seed, scheme="affine32",
                          permutations=self._template.permutations, hashfunc=_identity)
        minhash.update_batch((shingles & _LOW32).tolist())
        return minhash

    def add(self, article_id: str, text: str, published: str | None = None,
            source: str | None = None) -> None:
        """Add an article; ``published`` (ISO date or datetime) and ``source`` (site) are
        optional. Raises ValueError for an id added before."""
        if not isinstance(article_id, str):
            raise TypeError("article_id must be a string")
        if article_id in self._entries:
            raise ValueError(f"article {article_id!r} was added before")
        shingles = shingle_hashes(text or "", self.k)
        self._entries[article_id] = _Entry(shingles, len(text or ""), _time_key(published), source)
        self._parent[article_id] = article_id
        if shingles.size == 0:
            return  # no words: a copy of nothing
        minhash = self._minhash(shingles)
        for other in sorted(self._lsh.query(minhash)):
            if self._find(other) == self._find(article_id):
                continue
            if jaccard(shingles, self._entries[other].shingles) >= self.threshold:
                self._union(article_id, other)
        self._lsh.insert(article_id, minhash, check_duplication=False)

    def add_many(self, items: Iterable[tuple[Any, ...]]) -> None:
        """Add ``(id, text)``, ``(id, text, published)`` or ``(id, text, published, source)``."""
        for item in items:
            self.add(*item)

    # --- results ------------------------------------------------------------------------

    def similarity(self, a: str, b: str) -> float:
        """Exact Jaccard similarity of two added articles' shingle sets."""
        return jaccard(self._entries[a].shingles, self._entries[b].shingles)

    def _rank(self, article_id: str) -> tuple:
        entry = self._entries[article_id]
        return (entry.time is None, entry.time or "", -entry.length, article_id)

    def clusters(self, *, min_size: int = 1) -> list[Cluster]:
        """Every cluster of at least ``min_size`` members (1: each article is in one, so the
        canonical ids are exactly the articles to keep), largest first, then by canonical id."""
        groups: dict[str, list[str]] = {}
        for article_id in self._entries:
            groups.setdefault(self._find(article_id), []).append(article_id)
        out = []
        for members in groups.values():
            if len(members) < min_size:
                continue
            members.sort()
            canonical = min(members, key=self._rank)
            sources = sorted({s for m in members if (s := self._entries[m].source)})
            out.append(Cluster(canonical=canonical, members=members, sources=sources))
        out.sort(key=lambda c: (-len(c.members), c.canonical))
        return out

    def canonicals(self) -> dict[str, str]:
        """Each article's canonical article (itself when it is the canonical one)."""
        return {member: cluster.canonical for cluster in self.clusters() for member in cluster.members}


def _identity(value: Any) -> Any:
    return value


def cluster_articles(items: Iterable[tuple[Any, ...]], **kw: Any) -> list[Cluster]:
    """Clusters of ``(id, text)`` items (or ``(id, text, published[, source])``); keyword
    arguments go to :class:`NearDuplicates` (``threshold``, ``num_perm``, ``seed``, ``k``)."""
    index = NearDuplicates(**kw)
    index.add_many(items)
    return index.clusters()
