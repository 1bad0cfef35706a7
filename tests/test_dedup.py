"""Tests for newsgraph.dedup: near-duplicate (syndicated) articles. The stories are invented."""
from __future__ import annotations

import json
import os
import random
import subprocess
import sys

import pytest

from newsgraph.dedup import Cluster, NearDuplicates, cluster_articles, jaccard, shingle_hashes, words

WIRE = [
    "ROTTERDAM, Oct 6 (Newswire) - Dock workers at the eastern harbour returned to work on Sunday "
    "after a nine-day strike over pay that left ships waiting at anchor and shelves half empty in "
    "supermarkets across the region.",
    "The union and the port authority signed an agreement late on Saturday that raises wages by "
    "6 percent this year and another 4 percent next year, and limits night shifts to three a week.",
    "\u201cWe have a fair deal and we will honour it,\u201d union leader Tomas Verhoef told reporters "
    "at the gates of the container terminal. \u201cNobody wanted this strike to last as long as it did.\u201d",
    "The port authority said about 1,200 containers had piled up during the stoppage and that it "
    "expected the backlog to be cleared within two weeks if the weather held.",
    "Shipping companies had diverted at least 14 vessels to other ports in the north, and "
    "logistics firms warned of delays to deliveries of fresh produce and car parts.",
    "Transport minister Ilse Brandt welcomed the agreement and said the government would set up "
    "a commission to look at working conditions in the country's ports before the end of the year.",
    "The strike was the longest at the harbour since 1998, when a dispute over pensions closed "
    "the terminals for almost three weeks.",
]
WIRE_TEXT = "Harbour strike ends after nine days\n\n" + "\n\n".join(WIRE)

# Copy 1: another headline and the site's chrome around the story.
COPY_CHROME = (
    "Home | News | World | Business | Sport\nShare this article\n"
    "Port workers go back after pay deal\n\n" + "\n\n".join(WIRE)
    + "\n\nAdvertisement\nFollow The Valley Gazette on social media\n"
)
# Copy 2: a local paragraph added at the end.
COPY_EXTRA = WIRE_TEXT + (
    "\n\nIn Dordrecht, the chamber of commerce said local hauliers had lost several days of work and "
    "asked the province for help with the cost of the delays."
)
# Copy 3: a sentence cut, and the headline shortened.
COPY_CUT = "Harbour strike ends\n\n" + "\n\n".join(WIRE[:4] + WIRE[5:])

# Another story on the same topic: shares the union leader's quote and some phrases.
OTHER_STORY = "\n\n".join([
    "Harbour pay talks stall as union warns of strike",
    "ROTTERDAM, Sept 26 (Newswire) - Talks between dock workers and the port authority broke down "
    "on Thursday, and the union said its members would vote next week on a strike over pay.",
    "\u201cWe have a fair deal and we will honour it,\u201d union leader Tomas Verhoef said of the last "
    "agreement in 2021, adding that rising prices had since eaten into wages.",
    "The port authority said it had offered a 3 percent rise and that the union's demand of "
    "10 percent would make the harbour more expensive than its rivals in the north.",
    "Shipping companies said they were preparing plans to divert vessels to other ports if "
    "the dock workers walked out, which logistics firms said would delay fresh produce.",
    "The last strike at the harbour was in 1998, when a dispute over pensions closed the "
    "terminals for almost three weeks.",
])
# A follow-up that reuses two background paragraphs of the wire story, with new reporting.
FOLLOW_UP = "\n\n".join([
    "Harbour backlog cleared a week early, port says",
    "ROTTERDAM, Oct 14 (Newswire) - The eastern harbour has cleared the backlog of containers left "
    "by last month's strike, the port authority said on Monday, a week earlier than it had expected.",
    "Extra weekend shifts and calm weather helped crews move the last of the stranded boxes, a "
    "spokeswoman said, and the 14 vessels diverted north have returned to their usual routes.",
    WIRE[1],
    WIRE[6],
    "Transport minister Ilse Brandt is due to name the members of the ports commission on Friday.",
])


def wire_items():
    return [
        ("wire", WIRE_TEXT, "2024-10-06T07:30:00Z", "newswire.example"),
        ("gazette", COPY_CHROME, "2024-10-06T09:10:00Z", "valleygazette.example"),
        ("courier", COPY_EXTRA, "2024-10-06T08:00:00Z", "courier.example"),
        ("herald", COPY_CUT, "2024-10-07", "herald.example"),
        ("other", OTHER_STORY, "2024-09-26", "newswire.example"),
        ("follow-up", FOLLOW_UP, "2024-10-14", "newswire.example"),
    ]


# --- the wire story -----------------------------------------------------------------------


def test_edited_copies_of_a_wire_story_are_one_cluster():
    clusters = cluster_articles(wire_items())
    assert clusters[0] == Cluster(canonical="wire", members=["courier", "gazette", "herald", "wire"],
                                  sources=["courier.example", "herald.example", "newswire.example",
                                           "valleygazette.example"])
    assert clusters[0].copies == 3
    # the other stories on the topic stay alone
    assert [(c.canonical, c.members, c.copies) for c in clusters[1:]] == [
        ("follow-up", ["follow-up"], 0), ("other", ["other"], 0)]


def test_each_copy_is_above_and_each_other_story_below_the_threshold():
    index = NearDuplicates()
    for item in wire_items():
        index.add(*item)
    for copy in ("gazette", "courier", "herald"):
        assert index.similarity("wire", copy) >= index.threshold, copy
    for story in ("other", "follow-up"):
        for copy in ("wire", "gazette", "courier", "herald"):
            assert index.similarity(story, copy) < 0.5, (story, copy)
    assert index.similarity("other", "follow-up") < 0.2


def test_clusters_are_transitive():
    """A~B and B~C are one cluster even when A and C are too far apart."""
    base = random.Random(11)
    vocab = [f"w{i}" for i in range(3000)]
    a = [base.choice(vocab) for _ in range(300)]
    b = a[:]
    b[100:120] = [base.choice(vocab) for _ in range(20)]
    c = b[:]
    c[200:220] = [base.choice(vocab) for _ in range(20)]
    index = NearDuplicates()
    for key, tokens in (("a", a), ("b", b), ("c", c)):
        index.add(key, " ".join(tokens))
    assert index.similarity("a", "b") >= index.threshold and index.similarity("b", "c") >= index.threshold
    assert index.similarity("a", "c") < index.threshold
    [cluster] = index.clusters()
    assert cluster.members == ["a", "b", "c"]


def test_verified_pairs_only_and_exact_threshold():
    """Pairs are joined exactly when their shingle sets' Jaccard similarity reaches the
    threshold: LSH candidates below it (false positives) are not merged."""
    rng = random.Random(5)
    vocab = [f"t{i}" for i in range(50_000)]
    index = NearDuplicates()
    expected: dict[str, bool] = {}
    for n in range(60):
        base = [rng.choice(vocab) for _ in range(400)]
        copy = base[:]
        # replace one block: each replaced word changes up to five shingles
        size = rng.choice([10, 14, 18, 45, 60, 80])
        start = rng.randrange(0, 400 - size)
        copy[start:start + size] = [rng.choice(vocab) for _ in range(size)]
        index.add(f"{n}a", " ".join(base))
        index.add(f"{n}b", " ".join(copy))
        expected[str(n)] = index.similarity(f"{n}a", f"{n}b") >= index.threshold
    clusters = {c.canonical: c.members for c in index.clusters(min_size=2)}
    joined = {members[0][:-1] for members in clusters.values()}
    assert all(len(m) == 2 for m in clusters.values())
    assert joined == {n for n, above in expected.items() if above}
    assert 0 < len(joined) < len(expected)
    # some pairs below the threshold were LSH candidates: verification is what kept them apart
    below = [n for n, above in expected.items() if not above]
    candidates = [n for n in below
                  if f"{n}a" in index._lsh.query(index._minhash(index._entries[f"{n}b"].shingles))]
    assert candidates


# --- canonical choice ---------------------------------------------------------------------


def test_canonical_is_earliest_then_longest_then_smallest_id():
    text = WIRE_TEXT
    longer = WIRE_TEXT + "\n\nMore to follow."
    assert cluster_articles([("b", text, "2024-10-06"), ("a", text, "2024-10-07")])[0].canonical == "b"
    # time zones: 09:00+02:00 is 07:00 UTC, before 08:00Z
    assert cluster_articles([("x", text, "2024-10-06T08:00:00Z"),
                             ("y", text, "2024-10-06T09:00:00+02:00")])[0].canonical == "y"
    # a dated article beats an undated one; unreadable dates count as none
    assert cluster_articles([("a", longer), ("b", text, "2024-10-06"),
                             ("c", longer, "yesterday")])[0].canonical == "b"
    # same date: the longest text
    assert cluster_articles([("a", text, "2024-10-06"), ("b", longer, "2024-10-06")])[0].canonical == "b"
    # all equal: the smallest id
    assert cluster_articles([("b", text), ("a", text), ("c", text)])[0].canonical == "a"
    # other date forms
    assert cluster_articles([("a", text, "7 October 2024"), ("b", text, "October 6, 2024")])[0].canonical == "b"


def test_canonicals_map_every_article():
    index = NearDuplicates()
    for item in wire_items():
        index.add(*item)
    mapping = index.canonicals()
    assert mapping == {"wire": "wire", "gazette": "wire", "courier": "wire", "herald": "wire",
                       "other": "other", "follow-up": "follow-up"}


# --- short and odd texts --------------------------------------------------------------------


def test_short_texts():
    clusters = cluster_articles([
        ("a", "Harbour strike ends"), ("b", "harbour   STRIKE ends!"), ("c", "Harbour strike over"),
        ("d", ""), ("e", "   "), ("f", "..."), ("g", WIRE_TEXT), ("h", "Harbour strike ends"),
    ])
    groups = sorted(c.members for c in clusters)
    assert groups == [["a", "b", "h"], ["c"], ["d"], ["e"], ["f"], ["g"]]


def test_normalisation_ignores_case_punctuation_quotes_and_spacing():
    a = "\u201cWe have a fair deal,\u201d he said. It doesn\u2019t end here; the talks go on."
    b = '"we HAVE a fair   deal" he said -- it doesn\'t end here, the talks go on'
    assert words(a) == words(b)
    assert jaccard(shingle_hashes(a), shingle_hashes(b)) == 1.0
    assert shingle_hashes("one two three four five six").size == 2
    assert shingle_hashes("one two three").size == 1
    assert shingle_hashes("").size == 0
    # word order matters inside a shingle
    assert jaccard(shingle_hashes("one two three four five"), shingle_hashes("five four three two one")) == 0.0


def test_bad_arguments():
    index = NearDuplicates()
    index.add("a", WIRE_TEXT)
    with pytest.raises(ValueError):
        index.add("a", WIRE_TEXT)
    with pytest.raises(ValueError):
        NearDuplicates(threshold=0)
    with pytest.raises(ValueError):
        NearDuplicates(threshold=1.5)
    assert len(index) == 1 and "a" in index and "b" not in index


def test_threshold_can_be_lowered():
    items = [("wire", WIRE_TEXT), ("other", OTHER_STORY), ("follow-up", FOLLOW_UP)]
    assert all(c.copies == 0 for c in cluster_articles(items))
    sim = NearDuplicates()
    for item in items:
        sim.add(*item)
    low = sim.similarity("wire", "follow-up") - 0.01
    assert low > 0
    joined = cluster_articles(items, threshold=low)
    assert ["follow-up", "wire"] in [c.members for c in joined]


# --- determinism and scale -------------------------------------------------------------------


def _corpus(stories: int, copies: int, seed: int = 3) -> list[tuple[str, str, str]]:
    """``stories`` random 'articles' of 250-450 words, each with ``copies`` edited copies
    (a word changed here and there, a block cut or added); ids are shuffled."""
    rng = random.Random(seed)
    vocab = [f"v{i}" for i in range(30_000)]
    items = []
    for s in range(stories):
        base = [rng.choice(vocab) for _ in range(rng.randint(250, 450))]
        items.append((f"s{s:04d}-0", " ".join(base), f"2024-01-{1 + s % 28:02d}"))
        for c in range(1, copies + 1):
            copy = base[:]
            for _ in range(3):
                copy[rng.randrange(len(copy))] = rng.choice(vocab)
            if c % 2:
                del copy[rng.randrange(len(copy) - 12):][:12]
            else:
                copy += [rng.choice(vocab) for _ in range(10)]
            items.append((f"s{s:04d}-{c}", " ".join(copy), f"2024-02-{1 + c:02d}"))
    return items


def test_same_result_for_any_input_order():
    items = _corpus(40, 3) + wire_items()
    expected = cluster_articles(items)
    for seed in range(3):
        shuffled = items[:]
        random.Random(seed).shuffle(shuffled)
        assert cluster_articles(shuffled) == expected


def test_same_hashes_in_another_process():
    """Shingle hashes (and so clusters) do not depend on Python's per-process hash seed."""
    code = ("import json; from newsgraph.dedup import shingle_hashes; "
            f"print(json.dumps(shingle_hashes({WIRE_TEXT!r}).tolist()))")
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert json.loads(out.stdout) == shingle_hashes(WIRE_TEXT).tolist()


def test_two_thousand_documents():
    items = _corpus(500, 3)
    assert len(items) == 2000
    clusters = cluster_articles(items)
    assert len(clusters) == 500
    for cluster in clusters:
        story = cluster.canonical.split("-")[0]
        assert cluster.members == [f"{story}-{c}" for c in range(4)]
        assert cluster.canonical == f"{story}-0" and cluster.copies == 3
