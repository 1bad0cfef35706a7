"""People across articles: one canonical person per real person, with aliases and roles over time.

Within an article the extractor already resolves `Oyelaran` to `Marta Oyelaran`. Across articles
the same person can appear under several names (`Donald J. Trump`, `Donald Trump`, `Trump`) and
two people can share one (`Imran Baloch`, `Sana Baloch`). :func:`cluster` merges speaker names:

- full names that differ only by a middle name or initial, or by spelling (rapidfuzz ratio >= 92
  on names with the same surname and first initial), are one person;
- a bare surname joins the one full name that has it, and only when exactly one person of that
  surname is known, or when the roles' organisation points to one of them; otherwise it stays
  apart, so that two people who share a surname are never merged by it.

Pure: records in, people out; the store calls it at query time.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from .extractors.speakers import ROLE_WORDS, TITLE_WORDS

_HONORIFIC = re.compile(r"^(?:mr|mrs|ms|miss|dr|prof|sir|dame|lord|lady|sen|rep|gov|gen)\.?\s+", re.IGNORECASE)
_ORG_AFTER = re.compile(r"\b(?:of|at|for|with|from)\s+(?:the\s+)?([A-Z][\w&'\u2019.-]*(?:\s+(?:(?:of|for|and|&)\s+(?:the\s+)?)?[A-Z][\w&'\u2019.-]*){0,6})")


@dataclass
class Record:
    """One speaker name as stored, with what the articles said about it."""

    speaker_id: int
    name: str
    quotes: int = 0
    articles: int = 0
    roles: list[tuple[str, str | None]] = field(default_factory=list)  # (role, ISO date of the article)


@dataclass
class Person:
    name: str
    aliases: list[str]
    speaker_ids: list[int]
    roles: list[dict]  # {"role", "organization", "date"}
    quotes: int
    articles: int


def organization_of(role: str | None) -> str | None:
    """The organisation a role names: `chief executive of Elmsworth Port Authority`, `HWU general secretary`."""
    if not role:
        return None
    m = _ORG_AFTER.search(role)
    if m:
        return re.sub(r"['\u2019]s$", "", m.group(1).strip(" ,.'\u2019")) or None
    # `the PTI's Punjab leader`: the possessor is the organisation
    m = re.match(r"(?:the\s+)?((?:[A-Z][\w&.-]*\s+){0,4}[A-Z][\w&.-]*)['\u2019]s\s+(?:[A-Z][\w-]*\s+)*[a-z]", role)
    if m and not any(w.lower() in ROLE_WORDS | TITLE_WORDS for w in m.group(1).split()) \
            and any(w.lower().strip(".,") in ROLE_WORDS | TITLE_WORDS for w in role[m.end(1):].split()):
        return m.group(1)
    # `Arsenal manager`, `HWU general secretary`, `UKIP MEP`: capitalised words before a role word
    words = role.replace("\u2019s ", " ").replace("'s ", " ").split()
    if words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    if words and words[0].lower() in ("its", "his", "her", "their", "our", "my", "your"):
        return None  # `Its chief executive`: the organisation is named elsewhere
    prefix = []
    for w in words:
        if w[:1].isupper() and w.lower() not in ROLE_WORDS and w.lower() not in TITLE_WORDS:
            prefix.append(w)
        else:
            break
    rest = words[len(prefix):]
    if not prefix or not rest or not any(w.lower().strip(".,") in ROLE_WORDS | TITLE_WORDS for w in rest):
        return None
    acronym = prefix[0].isupper() and len(prefix[0]) > 1
    if rest[0][:1].islower() or acronym:  # `Prime Minister`, `Foreign Secretary` name no organisation
        return " ".join(prefix).strip(" ,")
    return None


def _key(name: str) -> list[str]:
    name = _HONORIFIC.sub("", name.strip())
    return [w for w in re.findall(r"[\w'\u2019-]+", name.lower())]


def _is_name(name: str) -> bool:
    """A proper name (`Marta Oyelaran`, `Brisco`) rather than a description (`a ministry spokesman`)."""
    words = _HONORIFIC.sub("", name.strip()).split()
    return bool(words) and all(w[:1].isupper() or w.lower() in _PARTICLES for w in words) and \
        words[0].lower() not in ("the", "a", "an", "its", "his", "her", "their")


_PARTICLES = {"bin", "bint", "ibn", "al", "el", "de", "da", "di", "du", "van", "von", "der", "den", "la", "le",
              "dos", "das", "del", "y", "ul", "ur", "ud", "abu", "ben", "st."}


def _same_person(a: list[str], b: list[str]) -> bool:
    if len(a) < 2 or len(b) < 2:
        return False
    if a[-1] != b[-1] or a[0][0] != b[0][0]:
        return False
    if a[0] == b[0]:
        return True  # Donald J. Trump ~ Donald Trump
    return fuzz.ratio(" ".join(a), " ".join(b)) >= 92  # Mohammed ~ Mohammad


def cluster(records: list[Record]) -> list[Person]:
    """Merge speaker names into people (deterministic: the order of ``records`` does not matter)."""
    records = sorted(records, key=lambda r: (-len(_key(r.name)), r.name, r.speaker_id))
    groups: list[list[Record]] = []
    keys: list[list[str]] = []
    singles: list[Record] = []
    by_surname: dict[str, list[int]] = {}  # last name word -> groups (only those can be the same person)

    def new_group(r: Record, k: list[str]) -> None:
        groups.append([r])
        keys.append(k)
        by_surname.setdefault(k[-1], []).append(len(groups) - 1)
        if "-" in k[-1]:
            by_surname.setdefault(k[-1].split("-")[-1], []).append(len(groups) - 1)

    for r in records:
        k = _key(r.name)
        if not _is_name(r.name):
            groups.append([r])  # `a ministry spokesman`: a description, never merged with anyone
            keys.append(["\0" + r.name])
            continue
        if len(k) < 2:
            singles.append(r)
            continue
        for i in by_surname.get(k[-1], ()):
            if _same_person(k, keys[i]):
                groups[i].append(r)
                break
        else:
            new_group(r, k)
    for r in singles:
        k = _key(r.name)
        if not k:
            continue
        cands = sorted(set(by_surname.get(k[0], ())))
        if len(cands) > 1:
            orgs = {organization_of(role) for role, _ in r.roles} - {None}
            cands = [i for i in cands if orgs & {organization_of(role) for x in groups[i] for role, _ in x.roles}]
        if len(cands) == 1:
            groups[cands[0]].append(r)
        else:
            new_group(r, k)
    people = []
    for g in groups:
        main = max(g, key=lambda r: (len(_key(r.name)), r.quotes, r.name))
        seen, roles = set(), []
        for r in g:
            for role, date in r.roles:
                if (role, date) not in seen:
                    seen.add((role, date))
                    roles.append({"role": role, "organization": organization_of(role), "date": date})
        roles.sort(key=lambda x: (x["date"] or "", x["role"]))
        people.append(Person(
            name=main.name, aliases=sorted({r.name for r in g} - {main.name}),
            speaker_ids=sorted(r.speaker_id for r in g), roles=roles,
            quotes=sum(r.quotes for r in g), articles=sum(r.articles for r in g)))
    people.sort(key=lambda p: (-p.quotes, p.name))
    return people
