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
STANCE_OF_NOUN = {"accusation": "accuse", "accusations": "accuse", "allegation": "accuse", "allegations": "accuse",
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
        if ANAPHORIC.match(d["text"].strip()) and earlier:
            # `denied the accusation`: the latest accusation; `rejected that account`: the latest statement
            kind = next((STANCE_OF_NOUN[w] for w in re.findall(r"\w+", d["text"].lower()) if w in STANCE_OF_NOUN),
                        None)
            fitting = [q for q in earlier if kind and q.get("stance") == kind]
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
        elif not ANAPHORIC.match(d["text"].strip()) and re.match(r"(?i)(den|refut|rebut|disput|contest|contradict)",
                                                                     d.get("cue") or ""):
            # what is denied is stated in the denial itself; nobody in the article claims it
            c = claims.setdefault("denied:" + d["id"], Claim("denied:" + d["id"], d["text"], None, "assert",
                                                             d["article"], d["start"]))
        else:
            continue
        c.disputed_by.append(denial)
    return sorted(claims.values(), key=lambda c: c.start)
