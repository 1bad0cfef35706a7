"""Speakers: who a speaker mention refers to, and in which role.

Given the subject token of an attribution (``he``, ``the minister``, ``Brisco``,
``Its chief executive, Daniel Brisco``, ``the health ministry``), decide the name the
quote belongs to, using what the article said before that point:

- people named in the article, with the gender their first name, honorific, role
  words (``spokeswoman``) and earlier pronouns give them; pronouns go to the most
  recent compatible person (the last speaker first);
- surnames and short forms to full names (``Rehman`` -> ``Naeem-ur-Rehman``);
- titles and roles (``the minister``) to the person who holds them;
- organisation descriptions (``the institute``, ``the union``) to the organisation
  named earlier, acronyms (``HWU``) to their expansion, and otherwise the description
  as written (``officials``, ``a ministry spokesman``).

The role or affiliation is kept as the article states it (``Foreign Office
spokesperson``, ``a crane operator with 22 years at the port``).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

HONORIFICS = {"mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f",
              "sir": "m", "lady": "f", "dame": "f", "lord": "m", "dr": None, "dr.": None, "prof": None,
              "prof.": None, "professor": None, "sen.": None, "rep.": None, "gov.": None, "gen.": None,
              "col.": None, "capt.": None, "sheikh": "m", "begum": "f", "madam": "f", "president": None}
FEMALE_WORDS = {"spokeswoman", "chairwoman", "businesswoman", "congresswoman", "woman", "mother", "wife",
                "daughter", "sister", "girl", "actress", "queen", "princess", "widow", "grandmother",
                "she", "her", "hers", "herself", "policewoman", "aunt", "niece"}
MALE_WORDS = {"spokesman", "chairman", "businessman", "congressman", "man", "father", "husband", "son",
              "brother", "boy", "actor", "king", "prince", "widower", "grandfather", "he", "him", "his",
              "himself", "policeman", "uncle", "nephew"}
# `the Amnesty report`: a document, never the organisation `the airline` refers to
DOCUMENT_WORDS = {"report", "reports", "statement", "study", "survey", "poll", "letter", "filing", "document"}
_PAPER_NAMES = ("times", "post", "news", "herald", "tribune", "journal", "dawn", "express", "guardian", "telegraph",
                "mail", "mirror", "gazette", "observer", "independent", "chronicle", "star", "sun", "globe")
# what a name must hold to be `the airline`, `the bank`: an airline's name says Air, a bank's Bank
_INSTITUTION_NAMES = {"airline": ("air", "airways", "airlines", "aviation", "jet", "wings"),
                      "carrier": ("air", "airways", "airlines", "aviation", "jet", "telecom", "mobile"),
                      "bank": ("bank", "banking"), "lender": ("bank", "finance", "credit"),
                      "university": ("university", "college"), "school": ("school", "academy", "college"),
                      "hospital": ("hospital", "clinic", "medical"), "court": ("court", "tribunal"),
                      "union": ("union", "federation", "association"), "party": ("party", "league", "movement"),
                      "ministry": ("ministry", "department"), "council": ("council",), "army": ("army",),
                      "club": ("club", "united", "city", "fc"), "newspaper": _PAPER_NAMES, "paper": _PAPER_NAMES,
                      "daily": _PAPER_NAMES}
# bodies of the state are never `the company`, `the group`
_STATE_WORDS = {"office", "ministry", "department", "government", "council", "police", "army", "court",
                "commission", "parliament", "assembly", "senate", "administration", "embassy", "forces"}


def institution_fits(head: str, name: str) -> bool:
    """Can `the <head>` refer to the organisation called ``name``?"""
    words = {w.lower().strip(".,'\u2019") for w in name.split()}
    need = _INSTITUTION_NAMES.get(head.lower())
    if need is not None:
        return any(w.startswith(n) for w in words for n in need)
    return not (words & _STATE_WORDS)


PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
PLURAL_PRONOUNS = {"they", "we"}
# nouns that name a kind of organisation: `the airline` is the airline just named
INSTITUTIONS = {"airline", "carrier", "company", "firm", "manufacturer", "maker", "retailer", "insurer",
                "lender", "operator", "broadcaster", "utility", "startup", "charity", "miner", "automaker",
                "developer", "supplier", "publisher", "producer", "group", "bank", "agency", "organisation",
                "organization", "club", "team", "network", "newspaper", "paper", "daily", "channel", "union", "party",
                "university", "school", "hospital", "court", "council", "ministry", "department", "army",
                "militia", "movement", "campaign", "coalition", "government", "administration", "regulator",
                "watchdog", "outlet", "website", "platform", "app", "service", "body", "institute", "chain"}
ORG_WORDS = {"ministry", "department", "office", "union", "court", "institute", "university", "party",
             "government", "council", "commission", "committee", "agency", "authority", "association",
             "company", "corporation", "bank", "group", "army", "police", "board", "embassy", "organization",
             "organisation", "foundation", "federation", "league", "coalition", "campaign", "alliance",
             "administration", "parliament", "assembly", "senate", "congress", "cabinet", "secretariat",
             "network", "newspaper", "paper", "daily", "agency", "service", "club", "firm", "bureau", "center", "centre",
             "fund", "society", "tribunal", "force", "forces", "military", "navy", "station", "school",
             "hospital", "team", "observatory", "trust", "watchdog", "regulator", "commission", "club",
             "white", "house", "pentagon", "kremlin", "survey", "study", "report", "poll", "statement",
             "airline", "carrier", "firm", "manufacturer", "maker", "retailer", "insurer", "lender", "operator",
             "broadcaster", "utility", "startup", "charity", "miner", "automaker", "developer", "supplier",
             "publisher", "producer", "brand", "chain", "conglomerate", "giant", "outlet", "channel", "ngo",
             "club", "museum", "zoo", "church", "mosque", "temple", "municipality", "province", "state",
             "city", "county", "district", "region", "country", "nation", "province", "organisers"}
ROLE_WORDS = {"minister", "spokesman", "spokeswoman", "spokesperson", "president", "secretary", "chief",
              "director", "mayor", "governor", "official", "officer", "chairman", "chairwoman", "chair",
              "leader", "head", "executive", "ceo", "founder", "ambassador", "envoy", "general", "commander",
              "senator", "lawmaker", "judge", "lawyer", "attorney", "professor", "researcher", "analyst",
              "economist", "doctor", "candidate", "nominee", "adviser", "advisor", "aide", "manager",
              "prosecutor", "premier", "king", "queen", "prime", "deputy", "councillor", "councilor",
              "representative", "activist", "organiser", "organizer", "coordinator", "expert",
              "epidemiologist", "scientist", "engineer", "student", "worker", "operator", "resident",
              "witness", "owner", "trader", "farmer", "teacher", "nurse", "editor", "reporter", "author",
              "historian", "commissioner", "inspector", "colonel", "captain", "sheriff", "strategist",
              "pollster", "surgeon", "physician", "economist", "diplomat", "negotiator", "vice", "coach",
              "captain", "striker", "player", "goalkeeper", "referee", "pilot", "driver", "chancellor",
              "councilman", "councilwoman", "justice", "bishop", "imam", "rabbi", "pastor", "priest",
              "sergeant", "lieutenant", "admiral", "superintendent", "detective", "constable", "principal",
              "dean", "chairperson", "treasurer", "governor", "consultant", "spokesperson", "correspondent",
              "assistant", "husband", "wife", "son", "daughter", "brother", "sister", "mother", "father",
              "colleague", "partner", "widow", "widower", "neighbour", "neighbor", "cousin", "uncle", "aunt",
              "mp", "mep", "mla", "mpa", "unionist", "legislator", "congressman", "congresswoman", "delegate",
              "whip", "speaker", "vice-president", "president-elect", "ceo", "cfo", "chairman", "owner"}
TITLE_WORDS = {"coach", "councillor", "councilman", "councilwoman", "judge", "justice", "senator", "sen",
               "rep", "gov", "governor", "mayor", "minister", "president", "chancellor", "king", "queen",
               "prince", "princess", "pope", "bishop", "archbishop", "cardinal", "imam", "rabbi", "pastor",
               "father", "sister", "brother", "general", "gen", "colonel", "col", "captain", "capt",
               "lieutenant", "lt", "sergeant", "sgt", "major", "maj", "admiral", "adm", "commissioner",
               "chief", "inspector", "superintendent", "detective", "officer", "ambassador", "secretary"}
GROUP_WORDS = {"officials", "sources", "residents", "witnesses", "analysts", "experts", "critics",
               "protesters", "traders", "workers", "police", "authorities", "agents", "organisers",
               "organizers", "supporters", "opponents", "lawmakers", "aides", "doctors", "activists",
               "people", "students", "families", "researchers", "scientists", "economists", "judges",
               "leaders", "members", "sources", "observers", "diplomats", "investigators", "prosecutors",
               "voters", "democrats", "republicans", "spokespeople", "representatives"}


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


@lru_cache(maxsize=1)
def _gender_detector():
    try:
        import gender_guesser.detector as gd
    except ImportError:  # pragma: no cover - optional at import time, pinned in pyproject
        return None
    return gd.Detector(case_sensitive=False)


@lru_cache(maxsize=8192)
def first_name_gender(first: str) -> str | None:
    d = _gender_detector()
    if d is None or not first or not first[0].isupper():
        return None
    g = d.get_gender(first)
    # only names the list gives one gender: `mostly_female` covers Bernie, Lindsey, Kim (too weak to
    # overrule a `he`), `andy` Jordan-like names
    if g == "male":
        return "m"
    if g == "female":
        return "f"
    return None


def is_known_first_name(first: str) -> bool:
    d = _gender_detector()
    return bool(d and first[:1].isupper() and d.get_gender(first) != "unknown")


@dataclass
class Entity:
    name: str
    kind: str  # person | organization | group | place
    gender: str | None = None
    roles: list[str] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)
    positions: list[int] = field(default_factory=list)  # page offsets of mentions
    age: int | None = None
    gender_guessed: bool = False  # from the first-name list only, so text evidence may overrule it
    subjects: list[int] = field(default_factory=list)  # positions where it was a subject or a speaker
    named_subjects: list[int] = field(default_factory=list)  # ... there by name, not by a pronoun

    @property
    def last_seen(self) -> int:
        return self.positions[-1] if self.positions else -1

    def seen(self, pos: int) -> None:
        i = bisect_left(self.positions, pos)
        if i == len(self.positions) or self.positions[i] != pos:
            self.positions.insert(i, pos)

    def as_subject(self, pos: int, named: bool = True) -> None:
        self.seen(pos)
        for lst in (self.subjects, self.named_subjects) if named else (self.subjects,):
            i = bisect_left(lst, pos)
            if i == len(lst) or lst[i] != pos:
                lst.insert(i, pos)

    def subject_before(self, pos: int) -> int:
        i = bisect_left(self.subjects, pos)
        return self.subjects[i - 1] if i else -1

    def named_subject_before(self, pos: int) -> int:
        i = bisect_left(self.named_subjects, pos)
        return self.named_subjects[i - 1] if i else -1

    def seen_before(self, pos: int) -> int:
        i = bisect_left(self.positions, pos)
        return self.positions[i - 1] if i else -1


def strip_honorifics(name: str) -> tuple[str, str | None]:
    words = name.split()
    gender = None
    while len(words) > 1 and words[0].lower().rstrip(".") + ("." if words[0].endswith(".") else "") in HONORIFICS:
        g = HONORIFICS.get(words[0].lower())
        gender = gender or g
        words = words[1:]
    return " ".join(words), gender


class Registry:
    """What one article has said about its people and organisations so far."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self.acronyms: dict[str, str] = {}
        self.last_speaker: Entity | None = None

    # -- building -------------------------------------------------------------------------------
    def add_person(self, name: str, pos: int, role: str | None = None, gender: str | None = None) -> Entity:
        name = _norm(name).strip(" ,.'\u2019")
        name = re.sub(r"['\u2019]s$", "", name)
        name, hon_gender = strip_honorifics(name)
        words = name.split()
        k = 0
        while k < len(words) - 1 and words[k].lower().rstrip(".") in ROLE_WORDS | TITLE_WORDS:
            k += 1  # `Councillor Pieter Venter`: the title is a role, not part of the name
        if k:
            role = role or " ".join(words[:k])
            name = " ".join(words[k:])
        gender = gender or hon_gender
        ent = self.find_person(name, gender, before=pos)
        if ent is None:
            guessed = None
            if gender is None and " " in name:
                guessed = first_name_gender(name.split()[0])
            ent = Entity(name, "person", gender or guessed, gender_guessed=gender is None and guessed is not None)
            self.entities.append(ent)
        elif len(name) > len(ent.name) and ent.name in name:
            ent.aliases.add(ent.name)
            ent.name = name  # a fuller form of the same name
            if ent.gender is None:
                ent.gender = first_name_gender(name.split()[0])
                ent.gender_guessed = ent.gender is not None
        if gender and (not ent.gender or ent.gender_guessed):
            ent.gender, ent.gender_guessed = gender, False
        if role:
            self.add_role(ent, role)
        ent.seen(pos)
        return ent

    def add_org(self, name: str, pos: int, kind: str = "organization") -> Entity:
        name = _norm(name)
        name = re.sub(r"^(the|The)\s+", "", name).strip(" ,.")
        name = re.sub(r"['\u2019]s?$", "", name) if name.endswith(("'s", "\u2019s")) else name
        ent = self.find_org(name)
        if ent is None:
            ent = Entity(name, kind)
            self.entities.append(ent)
        ent.seen(pos)
        return ent

    def add_acronym(self, short: str, long: str) -> None:
        self.acronyms[short] = _norm(long)

    @staticmethod
    def add_role(ent: Entity, role: str) -> None:
        role = _norm(role).strip(" ,.")
        if role and role not in ent.roles and role.lower() != ent.name.lower():
            ent.roles.append(role)
        # nouns only: `his deputy` says nothing of the deputy's gender
        low = [w for w in role.lower().split() if w not in PRONOUN_GENDER and w not in ("hers", "himself", "herself")]
        if ent.gender is None or ent.gender_guessed:
            if any(w in FEMALE_WORDS for w in low):
                ent.gender, ent.gender_guessed = "f", False
            elif any(w in MALE_WORDS for w in low):
                ent.gender, ent.gender_guessed = "m", False

    # -- lookup ---------------------------------------------------------------------------------
    def find_person(self, name: str, gender: str | None = None, before: int | None = None) -> Entity | None:
        """The person ``name`` (a full name, a surname, a fuller form) refers to; among several, the one seen
        last before ``before`` (a surname points back to the name it shortens), else the one seen last."""
        name, hon = strip_honorifics(_norm(name))
        gender = gender or hon
        low = name.lower()
        if not low:
            return None
        people = [e for e in self.entities if e.kind == "person"]
        for e in people:
            if e.name.lower() == low or low in (a.lower() for a in e.aliases):
                return e
        words = low.split()
        matches = []
        order = sorted(people, key=(lambda e: (-e.seen_before(before), -e.last_seen)) if before is not None
                       else (lambda e: -e.last_seen))
        for e in order:
            ewords = e.name.lower().split()
            if len(words) < len(ewords) and (ewords[-len(words):] == words):
                matches.append(e)  # surname (or last names) of a fuller name
            elif len(words) == 1 and ewords and "-" in ewords[-1] and ewords[-1].split("-")[-1] == words[0]:
                matches.append(e)  # Rehman -> Naeem-ur-Rehman
            elif len(words) > len(ewords) and words[-len(ewords):] == ewords:
                matches.append(e)  # fuller form of a name seen as surname only
        if not matches and len(words) == 1:
            # a first name alone (`Donald` for `Donald J. Trump`), or a family name first (`Kim Soo-jin` ... `Ms
            # Kim`, `Lou Jiwei` ... `Mr. Lou`)
            matches = [e for e in order if len(e.name.split()) > 1 and e.name.lower().split()[0] == words[0]]
        if gender and len(matches) > 1:
            same = [e for e in matches if e.gender == gender] or [e for e in matches if e.gender is None]
            if same:
                return same[0]  # two people share the surname: `Ms Kim` is the woman (or not the man)
        return matches[0] if matches else None

    def find_org(self, name: str) -> Entity | None:
        low = _norm(name).lower()
        if low in (k.lower() for k in self.acronyms):
            low = next(v for k, v in self.acronyms.items() if k.lower() == low).lower()
        for e in self.entities:
            if e.kind != "person" and (e.name.lower() == low or low in (a.lower() for a in e.aliases)):
                return e
        for short, long in self.acronyms.items():
            if long.lower() == low:
                for e in self.entities:
                    if e.kind != "person" and e.name.lower() == short.lower():
                        return e
        return None

    def org_by_head(self, head: str, before: int) -> Entity | None:
        """`the institute` -> the last organisation named before ``before`` whose name has that word."""
        head = head.lower()
        best = None
        for e in self.entities:
            if e.kind == "person":
                continue
            names = [e.name] + list(e.aliases)
            if any(re.search(r"\b" + re.escape(head) + r"\b", n.lower()) for n in names):
                p = e.seen_before(before)
                if p >= 0 and (best is None or p > best[0]):
                    best = (p, e)
        return best[1] if best else None

    def person_by_age(self, age: int, before: int) -> Entity | None:
        """`the 45-year-old` -> the person given that age (`Daniel Okoro, 45,`) before ``before``."""
        found = [(e.seen_before(before), e) for e in self.entities if e.kind == "person" and e.age == age]
        found = [(p, e) for p, e in found if p >= 0]
        return max(found, key=lambda pe: pe[0])[1] if found else None

    def recent_org(self, before: int, within: int, head: str | None = None) -> Entity | None:
        """The organisation mentioned last before ``before``, if within ``within`` characters, among those
        that were the subject of a sentence (`Kestrel Air cancelled 40 flights`), not a mere modifier."""
        best = None
        for e in self.entities:
            if e.kind == "organization" and e.subjects and e.name.split()[-1].lower() not in DOCUMENT_WORDS \
                    and (head is None or institution_fits(head, e.name)):
                p = e.seen_before(before)
                if p >= 0 and before - p <= within and (best is None or p > best[0]):
                    best = (p, e)
        return best[1] if best else None

    def person_by_role(self, role_word: str, before: int) -> Entity | None:
        role_word = role_word.lower()
        best = None
        for e in self.entities:
            if e.kind != "person":
                continue
            if any(re.search(r"\b" + re.escape(role_word) + r"\b", r.lower()) for r in e.roles):
                p = e.seen_before(before)
                if p >= 0 and (best is None or p > best[0]):
                    best = (p, e)
        return best[1] if best else None

    def person_for_pronoun(self, pronoun: str, before: int) -> Entity | None:
        gender = PRONOUN_GENDER.get(pronoun.lower())
        candidates, fallback = [], []
        for e in self.entities:
            if e.kind != "person":
                continue
            p = e.seen_before(before)
            if p < 0:
                continue
            if gender and e.gender and e.gender != gender:
                if e.gender_guessed:
                    fallback.append((p, e))
                continue
            candidates.append((p, e))
        if not candidates:
            # only people whose gender was guessed from a first-name list are left (`Sam`, `Jean`)
            return max(fallback, key=lambda pe: pe[0])[1] if fallback else None
        candidates.sort(key=lambda pe: -pe[0])
        # the last speaker, when compatible and recent, is who `he said` usually means
        last = self.last_speaker
        if last is not None and last.kind == "person" and (not gender or not last.gender or last.gender == gender):
            p = last.seen_before(before)
            # ... unless another person of the pronoun's gender was named since as a subject (`Debbie Kepler,
            # the organist, remembered ... Now, she said`): that person is who the pronoun continues
            newer = [e for _, e in candidates if e is not last and e.named_subject_before(before) > p
                     and (not gender or e.gender == gender)]
            if p >= 0 and before - p < 500 and not newer:
                return last
        # otherwise the compatible person last seen as a subject, if that was not long before the
        # most recent compatible mention (subjects are what pronouns continue: `Obama met Putin. He said`)
        subj = [(e.subject_before(before), e) for _, e in candidates]
        subj = [pe for pe in subj if pe[0] >= 0]
        if subj:
            ps, es = max(subj, key=lambda pe: pe[0])
            same = [pe for pe in subj if gender and pe[1].gender == gender and not pe[1].gender_guessed]
            if same and es.gender is None:
                pk, ek = max(same, key=lambda pe: pe[0])
                if ps - pk < 300:
                    ps, es = pk, ek  # `she` is the woman just named rather than someone of unknown gender
            if candidates[0][0] - ps < 300:
                return es
        # else the most recent compatible person; one of the pronoun's gender beats an unknown
        known = [pe for pe in candidates if pe[1].gender == gender] if gender else []
        if known and candidates[0][1].gender is None and candidates[0][0] - known[0][0] < 150:
            return known[0][1]
        return candidates[0][1]

    def group_for_pronoun(self, before: int) -> Entity | None:
        best = None
        for e in self.entities:
            if e.kind in ("organization", "group"):
                p = e.seen_before(before)
                if p >= 0 and (best is None or p > best[0]):
                    best = (p, e)
        return best[1] if best else None
