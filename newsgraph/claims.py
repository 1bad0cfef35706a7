"""Contested claims: which statement a denial or rejection disputes, within an article.

A quote whose stance is ``deny`` disputes

- the latest earlier statement by another speaker when its content only points back at it
  (`rejected that account`, `denied the accusation`, `dismissed the claims`);
- otherwise the earlier statement by another speaker that its content restates best
  (rapidfuzz token-set similarity of at least 55: `X said police fired tear gas` ... `the police
  denied firing tear gas`);
- and, when nothing earlier matches, the denial still marks a contested claim: what it denies is
  in its own content (`Police denied that officers had fired tear gas`), with no known claimant.

Pure: quote records in, claim links out (the store calls it per article).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

ANAPHORIC = re.compile(r"^(?:that|this|these|those|the|such|his|her|their|its)\b(?:\s+\S+){0,3}$", re.IGNORECASE)
# `rejected the criticism, saying ...`, `disputed the figures`: a denial whose object refers back to a statement
REFERRING = re.compile(
    r"^(?:that|this|these|those|the|such|his|her|their|its|[A-Z][\w-]*['\u2019]s)\s+(?:[\w'\u2019-]+\s+){0,3}?"
    r"(?:claims?|allegations?|accusations?|charges?|criticism|criticisms|argument|arguments|account|accounts|"
    r"explanation|explanations|figures?|estimates?|numbers?|reports?|assertions?|suggestions?|statements?|"
    r"remarks?|comments?|version|narrative|characteri[sz]ation|assessment|findings|sanctions|"
    r"accusation|story|stories|reports|rumou?rs?|speculation)\b",
    re.IGNORECASE)
STANCE_OF_NOUN = {"accusation": "accuse", "accusations": "accuse", "allegation": "accuse", "allegations": "accuse",
                  "criticism": "accuse", "criticisms": "accuse",
                  "charge": "accuse", "charges": "accuse", "criticism": "accuse", "warning": "warn",
                  "warnings": "warn", "threat": "warn", "threats": "warn", "promise": "promise",
                  "demand": "urge", "demands": "urge", "call": "urge", "calls": "urge"}
CLAIM_STANCES = ("assert", "accuse", "warn", "condemn", "promise", "believe", "urge")


@dataclass
class Claim:
    id: str
    claim: str
    claimant: str | None
    stance: str
    article: str
    start: int
    disputed_by: list[dict] = field(default_factory=list)


def _states_a_claim(text: str) -> bool:
    """A denial's content that says what is denied (`that officers had fired tear gas`), not only
    what it points back at (`the claim`, `that account`)."""
    if ANAPHORIC.match(text):
        return False
    m = REFERRING.match(text)
    return m is None or len(text) - m.end() >= 15


def contested(quotes: list[dict]) -> list[Claim]:
    """Claims of one article that a denial disputes, each with its denials.

    ``quotes``: dicts with ``id``, ``text``, ``speaker``, ``stance``, ``start``, ``article``.
    """
    quotes = sorted(quotes, key=lambda q: q["start"])
    claims: dict[str, Claim] = {}
    for i, d in enumerate(quotes):
        if d.get("stance") != "deny":
            continue
        denial = {"claim": d["text"], "claimant": d["speaker"], "stance": "deny", "id": d["id"]}
        earlier = [q for q in quotes[:i] if q.get("speaker") != d.get("speaker")
                   and q.get("stance") in CLAIM_STANCES]
        target = None
        if (ANAPHORIC.match(d["text"].strip()) or REFERRING.match(d["text"].strip())) and earlier:
            # `denied the accusation`: the latest accusation; `rejected that account`: the latest statement
            kind = next((STANCE_OF_NOUN[w] for w in re.findall(r"\w+", d["text"].lower()) if w in STANCE_OF_NOUN),
                        None)
            fitting = [q for q in earlier if kind and q.get("stance") == kind]
            if not fitting and re.search(r"(?i)\b(?:figures?|estimates?|numbers?)\b", d["text"][:60]):
                fitting = [q for q in earlier if re.search(r"\d", q["text"])]  # `disputed the figures`
            target = (fitting or earlier)[-1]
        elif earlier:
            scored = [(fuzz.token_set_ratio(d["text"], q["text"]), q) for q in earlier]
            best = max(scored, key=lambda sq: (sq[0], sq[1]["start"]))
            if best[0] >= 55:
                target = best[1]
        if target is not None:
            c = claims.setdefault(target["id"], Claim(target["id"], target["text"], target.get("speaker"),
                                                     target.get("stance") or "assert", target["article"],
                                                     target["start"]))
        elif _states_a_claim(d["text"].strip()) and re.match(r"(?i)(den|refut|rebut|disput|contest|contradict)",
                                                                     d.get("cue") or ""):
            # what is denied is stated in the denial itself; nobody in the article claims it
            c = claims.setdefault("denied:" + d["id"], Claim("denied:" + d["id"], d["text"], None, "assert",
                                                             d["article"], d["start"]))
        else:
            continue
        c.disputed_by.append(denial)
    return sorted(claims.values(), key=lambda c: c.start)


# -- across articles -------------------------------------------------------------------------------

_STOP = frozenset("""a an the and or but of in on at to for from by with about into over after before that this
these those it its it's is are was were be been being has have had will would could should may might can not no
he she they we i you his her their our them us him said says say told reports report according also than then
there here which who whom whose what when where why how all any some more most other such only own same so too
very just while during against between through again further once both each few nor off out up down under""".split())


def content_words(text: str) -> list[str]:
    """Lowercased words that carry content (for searching the other side of a claim)."""
    return [w for w in re.findall(r"[^\W\d_]{3,}", text.lower()) if w not in _STOP]


def same_speaker(a: str | None, b: str | None) -> bool:
    """`Idris Kamara` and `Kamara` are one speaker; missing speakers are never the same."""
    if not a or not b:
        return False
    a, b = (re.sub(r"^(?:the|a|an)\s+", "", x.casefold().strip()).split() for x in (a, b))
    if not a or not b:
        return False
    return a == b or a[-1] == b[-1] and (len(a) == 1 or len(b) == 1)


def disputes_across(denial: dict, candidates: list[dict], threshold: float = 60) -> dict | None:
    """The statement of another article that a denial restates best (token-set similarity of at
    least ``threshold``, by another speaker, with a claim stance), or None.

    ``denial`` and ``candidates``: dicts with ``id``, ``text``, ``speaker``, ``stance``, ``article``.
    """
    best, best_score = None, threshold
    mine = set(content_words(denial["text"]))
    for q in candidates:
        if q["article"] == denial["article"] or q.get("stance") not in CLAIM_STANCES \
                or same_speaker(q.get("speaker"), denial.get("speaker")):
            continue
        # across articles only a restatement counts: most of the denial's content words, two at least
        shared = mine & set(content_words(q["text"]))
        if len(shared) < 2 or len(shared) < 0.5 * len(mine):
            continue
        score = fuzz.token_set_ratio(denial["text"], q["text"])
        if score > best_score or score == best_score and best is not None and q["id"] < best["id"]:
            best, best_score = q, score
    return best


# -- counter-figures -------------------------------------------------------------------------------

_HOURS = {"minutes": 1 / 60, "hours": 1.0, "days": 24.0, "weeks": 168.0, "months": 730.0, "years": 8760.0}
_BELOW = {"within", "under", "less than", "fewer than", "up to", "at most", "no more than", "below"}
_ABOVE = {"more than", "over", "at least", "above", "upwards of", "exceeding"}
_ABOUT = {"nearly", "around", "about", "some", "roughly", "approximately", "almost", "estimated", "close to"}


def _interval(f: dict) -> tuple[str, float, float] | None:
    unit = f.get("unit")
    if not unit or unit == "years" and f.get("what") == "age":
        return None
    scale = 1.0
    if unit in _HOURS:
        unit, scale = "hours", _HOURS[unit]
    lo = f["value"] * scale
    hi = (f["value_high"] * scale) if f.get("value_high") is not None else lo
    q = (f.get("qualifier") or "").lower()
    if q in _BELOW:
        lo = 0.0
    elif q in _ABOVE:
        hi = float("inf")
    elif q in _ABOUT:
        lo, hi = lo * 0.9, hi * 1.1
    key = unit + ":" + (f.get("what") or "").lower() if unit not in ("hours",) else unit
    return key, lo, hi


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    s = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    e_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    e = min(e_candidates) + 1 if e_candidates else len(text)
    return (s + 1 if s >= 0 else 0), e


_PUTS_FIGURE_AT = re.compile(
    r"\b(?:put|puts|putting|estimated|estimates|placed|places|pegged|pegs)\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:figure|number|crowd|toll|total|turnout|size|damage|cost|losses|count|tally)\s+(?:[\w-]+\s+){0,2}?at\s+"
    r"(?:(?:about|around|some|nearly|roughly|only|just|more\s+than|over|at\s+least|fewer\s+than|less\s+than|between)\s+)?$",
    re.IGNORECASE)


def counter_figures(figures: list[dict], text: str) -> list[Claim]:
    """Figures of one article for the same quantity from different sources that cannot both be true
    (`clearance was granted within four hours`, India says; `more than 48 hours`, the airline says).

    ``figures``: dicts with ``id``, ``value``, ``value_high``, ``unit``, ``what``, ``qualifier``,
    ``source``, ``start``, ``end``, ``article``; ``text`` the page the offsets point into. Two figures
    are counter-figures when their units agree (durations compared in hours), their sources differ,
    their value intervals (qualifiers read as bounds: `within` = at most, `more than` = at least,
    `around` = +-10%) do not meet, and their sentences share a content word besides the number's.
    """
    sourced = []
    for f in sorted(figures, key=lambda f: f["start"]):
        if not f.get("source"):
            continue
        s0, s1 = _sentence(text, f["start"], f["end"])
        refers = bool(_PUTS_FIGURE_AT.search(text, max(s0, f["start"] - 120), f["start"]))
        # `put the figure at about 6,000`: a bare number that takes the unit of the quantity it answers
        iv = _interval(f if f.get("unit") or not refers else {**f, "unit": "?"})
        if iv is not None:
            sourced.append((f, iv, s0, s1, set(content_words(text[s0:s1])) - set(content_words(f.get("text") or "")),
                            refers))
    claims: dict[str, Claim] = {}
    for i, (a, (ka, alo, ahi), a0, a1, aw, _) in enumerate(sourced):
        for b, (kb, blo, bhi), b0, b1, bw, b_refers in sourced[i + 1:]:
            if same_speaker(a["source"], b["source"]) or a["source"].casefold() == b["source"].casefold():
                continue
            if not (ahi < blo * 0.999 or bhi < alo * 0.999):
                continue
            # `Police put the figure at about 6,000`: the figure of the quantity just given, whatever it counts
            if b_refers and kb.split(":")[0] in (ka.split(":")[0], "?") and kb.endswith(":") \
                    and b["start"] - a["end"] < 600 and ka.split(":")[0] != "?":
                pass
            elif ka != kb or not (aw & bw):
                continue
            c = claims.setdefault(a["id"], Claim("figure:" + a["id"], text[a0:a1].strip(), a["source"], "assert",
                                                 a["article"], a["start"]))
            c.disputed_by.append({"claim": text[b0:b1].strip(), "claimant": b["source"], "stance": "counter-figure",
                                  "id": b["id"], "figure": b.get("text")})
    return list(claims.values())
