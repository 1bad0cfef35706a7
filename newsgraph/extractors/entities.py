"""Entities of one article: people, organisations and places, each with every mention.

The quote extractor already keeps a registry of the article's people and organisations (names
from the parser's NER in the sentences it parsed, and from name patterns in the others, with
roles, aliases and acronyms defined in the text such as ``Jamaat-e-Islami (JI)``). This module
turns that registry into :class:`~newsgraph.model.Entity` records:

- organisations named in sentences the parser did not see are added by pattern: a capitalised
  name ending in an organisation word (``Harbour Workers' Union``, ``Ministry of Health``,
  ``Pakistan Peoples Party``) and common acronyms with their expansion (``UN`` = ``United
  Nations``, ``FO`` = ``Foreign Office``), only when the text uses them;
- every mention is found by one scan of the article's parts for all the names an entity goes
  by (full name, aliases, acronyms, and a person's surname when no other person of the article
  has it), longest first, so ``Naeem-ur-Rehman`` and later ``Rehman`` are one entity;
- a person's organisation is read from their roles (``chief executive of Elmsworth Port
  Authority``), and the country from a demonym or country name in the roles or organisation;
- places come from :mod:`newsgraph.extractors.places`, grouped by their GeoNames id (or by their
  text when unresolved).

Pure: registry and parts in, records out.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Entity, Mention, Part, Place, content_id
from .speakers import ORG_WORDS, ROLE_WORDS, TITLE_WORDS, Registry, is_known_first_name

# common acronyms whose expansion news texts seldom spell out
COMMON_ACRONYMS = {
    "UN": "United Nations", "EU": "European Union", "NATO": "NATO", "IMF": "International Monetary Fund",
    "WHO": "World Health Organization", "UNICEF": "UNICEF", "UNHCR": "UN Refugee Agency",
    "FO": "Foreign Office", "MoFA": "Ministry of Foreign Affairs", "ICC": "International Criminal Court",
    "ICJ": "International Court of Justice", "ISPR": "Inter-Services Public Relations",
    "FIA": "Federal Investigation Agency", "NAB": "National Accountability Bureau",
    "ECP": "Election Commission of Pakistan", "SBP": "State Bank of Pakistan",
    "PTI": "Pakistan Tehreek-e-Insaf", "PPP": "Pakistan Peoples Party",
    "PML-N": "Pakistan Muslim League-Nawaz", "BJP": "Bharatiya Janata Party", "FBI": "FBI",
    "CIA": "CIA", "ASEAN": "ASEAN", "OPEC": "OPEC", "WTO": "World Trade Organization",
    "AU": "African Union", "ICRC": "International Committee of the Red Cross", "MSF": "Doctors Without Borders",
    "IDF": "Israel Defense Forces", "UNRWA": "UNRWA", "OIC": "Organisation of Islamic Cooperation",
    "SAARC": "SAARC", "IAEA": "International Atomic Energy Agency", "WFP": "World Food Programme",
    "NHS": "NHS", "BBC": "BBC", "AFP": "AFP", "AP": "Associated Press", "PTA": "Pakistan Telecommunication Authority",
}
_ACRONYM_WORDS = re.compile(r"\b(" + "|".join(re.escape(a) for a in sorted(COMMON_ACRONYMS, key=len, reverse=True))
                            + r")\b")

ORG_HEADS = (
    "Ministry|Department|Office|Union|Court|Institute|University|Party|Government|Council|Commission|"
    "Committee|Agency|Authority|Association|Company|Corporation|Bank|Group|Army|Police|Board|Embassy|"
    "Organization|Organisation|Foundation|Federation|League|Coalition|Alliance|Administration|Parliament|"
    "Assembly|Senate|Congress|Cabinet|Secretariat|Bureau|Fund|Society|Tribunal|Forces|Force|Navy|"
    "Hospital|Trust|Airlines|Airways|Ltd|Inc|Corp|Movement|Front|Network|Service|Services|Centre|Center|"
    "Chamber|Directorate|Inspectorate|Observatory|Programme|Program|Red Cross|Red Crescent|Jamaat|Tehreek|Insaf"
)
_CAP = r"[A-Z][\w&'\u2019.-]*"
_ORG_PATTERN = re.compile(
    rf"\b((?:{_CAP}\s+){{0,5}}(?:{ORG_HEADS})\b(?:\s+(?:of|for)\s+(?:the\s+)?{_CAP}(?:\s+(?:and\s+)?{_CAP}){{0,3}})?)"
)
_ORG_OF = re.compile(rf"\b((?:Ministry|Department|Office|Bank|Commission|Council|University|Court|Institute)"
                     rf"\s+(?:of|for)\s+(?:the\s+)?{_CAP}(?:\s+(?:and\s+)?{_CAP}){{0,3}})")
_LEAD_NOISE = {"The", "A", "An", "In", "On", "At", "But", "And", "Yet", "When", "While", "After", "Before",
               "Meanwhile", "However", "Last", "This", "That", "Its", "His", "Her", "Their", "Our", "Both",
               "Police", "Army"}
_ORGISH_LAST = {"partners", "holdings", "group", "consortium", "capital", "ventures", "associates", "limited",
                "ltd", "inc", "llc", "plc", "co", "corp", "industries", "enterprises", "media", "news", "times",
                "post", "airlines", "airways", "motors", "energy", "pharma", "systems", "technologies"}
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us"}


def article_entities(page: str, parts: Sequence[Part], registry: Registry | None,
                     places: Sequence[Place] = (), article_id: str = "",
                     country_of: callable | None = None, place_word: callable | None = None) -> list[Entity]:
    """The article's people, organisations and places with their mentions (page offsets).

    ``parts`` are the article's text parts (headline, bullets, paragraphs); ``registry`` the
    quote extractor's registry for the article; ``country_of(text)`` an optional lookup of a
    country code in a piece of text (demonym or country name) for roles and organisations;
    ``place_word(name)`` whether a whole name is a demonym or a country (`Sri Lankan`), never an organisation.
    """
    people: list[Entity] = []
    orgs: dict[str, Entity] = {}
    acronyms = dict(registry.acronyms) if registry else {}

    text_parts = [(p.start, page[p.start:p.end]) for p in parts]
    for _, text in text_parts:
        for m in _DEFINED_ACRONYM.finditer(text):
            short, words = m.group(2), m.group(1).split()
            # the longest tail of the capitalised run whose initials fit: `Supporters of Jamaat-e-Islami (JI)`
            for k in range(len(words)):
                long = " ".join(words[k:])
                if words[k][:1].isupper() and short not in acronyms and _initials_fit(short, long):
                    acronyms[short] = long
                    break
    used_common = {m.group(1) for _, text in text_parts for m in _ACRONYM_WORDS.finditer(text)}
    expand = {**{a: COMMON_ACRONYMS[a] for a in used_common}, **acronyms}

    def org(name: str, aliases: Sequence[str] = ()) -> Entity:
        name = _clean_org(name)
        if name in expand:
            aliases = [name, *aliases]
            name = _clean_org(expand[name])
        key = name.casefold()
        ent = orgs.get(key) or next((e for e in orgs.values() if key in (a.casefold() for a in e.aliases)), None)
        if ent is None:
            ent = orgs[key] = Entity(name, "organization")
        for a in aliases:
            if a and a != ent.name and a not in ent.aliases:
                ent.aliases.append(a)
        return ent

    for e in (registry.entities if registry else []):
        name = e.name.strip()
        if not _good_name(name):
            continue
        if e.kind == "person" and name.split()[-1].lower() in _ORGISH_LAST:
            org(name, sorted(e.aliases))  # `Riverline Partners`, `Kestrel Holdings`
        elif e.kind == "person":
            ent = Entity(name, "person", aliases=sorted(a for a in e.aliases if _good_name(a) and a != name),
                         roles=list(e.roles))
            people.append(ent)
        elif e.kind == "organization":
            words = name.split()
            k = next((i for i, w in enumerate(words[:-1]) if w.lower() in ROLE_WORDS | TITLE_WORDS
                      and is_known_first_name(words[i + 1])), None)
            if k is not None:  # `Finance Minister Aliya Khan`: a person with a title, not an organisation
                people.append(Entity(" ".join(words[k + 1:]), "person", roles=[" ".join(words[:k + 1])]))
            else:
                org(name, sorted(e.aliases))
    for short, long in acronyms.items():
        org(long, [short])

    for start, text in text_parts:
        for m in _ORG_PATTERN.finditer(text):
            name = _trim_org(m.group(1))
            if name:
                org(name)
        for m in _ORG_OF.finditer(text):
            org(m.group(1))
        for m in _ACRONYM_WORDS.finditer(text):
            org(m.group(1))

    # a name the gazetteer resolved as a place is a place, not a person (`Sri Lanka said`)
    place_names = {pl.text.casefold() for pl in places if pl.confidence >= 0.5} | \
        {pl.name.casefold() for pl in places if pl.name and pl.confidence >= 0.5}
    people = [p for p in people if p.name.casefold() not in place_names]
    for key in [k for k in orgs if k in place_names]:
        del orgs[key]
    # an org whose name is only a person's name, a role, a generic word, a fragment (`Traders'`) or a
    # demonym (`Israeli`) is not an org
    person_names = {p.name.casefold() for p in people}
    for key in [k for k, o in orgs.items() if k in person_names or o.name.lower() in ROLE_WORDS
                or o.name.lower() in ORG_WORDS or not o.name or o.name.endswith(("'", "\u2019"))
                or (place_word is not None and not o.name.isupper() and place_word(o.name))]:
        del orgs[key]
    # `Foreign Office` and `Pakistan Foreign Office`: the longer one when the shorter is inside it
    for key in sorted(orgs, key=len):
        o = orgs.get(key)
        if o is None or o.aliases:
            continue
        longer = [x for k, x in orgs.items() if k != key and re.search(r"\b" + re.escape(key) + r"$", k)]
        if len(longer) == 1:
            longer[0].aliases.append(o.name)
            del orgs[key]

    # forms -> entity; a surname only when one person of the article has it
    forms: dict[str, Entity] = {}
    surnames: dict[str, list[Entity]] = {}
    for p in people:
        words = p.name.split()
        if len(words) > 1:
            surnames.setdefault(words[-1], []).append(p)
            if "-" in words[-1]:
                surnames.setdefault(words[-1].split("-")[-1], []).append(p)
    for p in people:
        for f in (p.name, *p.aliases):
            forms.setdefault(f, p)
    for s, ps in surnames.items():
        if len(ps) == 1 and len(s) > 2 and s not in forms:
            forms[s] = ps[0]
    for o in orgs.values():
        for f in (o.name, *o.aliases):
            forms.setdefault(f, o)
    if forms:
        pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
                             + r")(?![\w-])")
        for start, text in text_parts:
            for m in pattern.finditer(text):
                ent = forms[m.group(1)]
                if ent.kind == "organization" and not m.group(1).isupper() and not _ORG_HEAD.search(m.group(1)):
                    nxt = re.match(r"\s+([A-Za-z]+)", text[m.end(1):m.end(1) + 30])
                    if nxt and nxt.group(1).lower() in ROLE_WORDS | TITLE_WORDS:
                        continue  # `Finance Minister`, `Sindh Home Minister`: part of a title, not an organisation
                    if " " not in m.group(1) and re.search(r"(?:^|[.!?]\s+|[\u2022*-]\s*)$", text[:m.start(1)]):
                        continue  # `Rights commission accuses ...`: a capital that only opens a sentence
                ent.mentions.append(Mention(m.group(1), start + m.start(1), start + m.end(1)))
                if m.group(1) != ent.name and m.group(1) not in ent.aliases and ent.kind == "person":
                    ent.aliases.append(m.group(1))

    out = [e for e in (*people, *orgs.values()) if e.mentions]
    for p in people:
        if p.mentions:
            from ..people import organization_of

            p.organization = next((o for o in map(organization_of, p.roles) if o), None)
            if country_of is not None:
                p.country = next((c for c in map(country_of, [*p.roles, p.organization or ""]) if c), None)
    if country_of is not None:
        for o in orgs.values():
            o.country = country_of(o.name)

    by_place: dict[object, Entity] = {}
    for pl in places:
        key = pl.geonameid if pl.geonameid is not None else pl.text.casefold()
        ent = by_place.get(key)
        if ent is None:
            ent = by_place[key] = Entity(pl.name or pl.text, "place", country=pl.country)
            out.append(ent)
        if pl.text != ent.name and pl.text not in ent.aliases:
            ent.aliases.append(pl.text)
        ent.mentions.append(Mention(pl.text, pl.start, pl.end))

    # one record per (kind, name): the registry can hold one name twice (`Ms Lee` and `Mr Lee` both `Lee`)
    merged: dict[tuple[str, str], Entity] = {}
    for e in out:
        first = merged.setdefault((e.kind, e.name), e)
        if first is not e:
            seen = {(m.start, m.end) for m in first.mentions}
            first.mentions += [m for m in e.mentions if (m.start, m.end) not in seen]
            first.aliases += [a for a in e.aliases if a not in first.aliases]
            first.roles += [r for r in e.roles if r not in first.roles]
            first.organization = first.organization or e.organization
            first.country = first.country or e.country
    out = list(merged.values())
    for e in out:
        e.mentions.sort(key=lambda m: m.start)
        e.article_id = article_id
        e.id = content_id(f"{article_id}:e:{e.kind}:{e.name}", 16)
    out.sort(key=lambda e: (e.mentions[0].start if e.mentions else 0, e.kind, e.name))
    return out


def _good_name(name: str) -> bool:
    return bool(name) and name[0].isupper() and name.lower() not in _PRONOUNS and len(name) > 1


_DEFINED_ACRONYM = re.compile(rf"((?:{_CAP}\s+(?:(?:of|for|and|the|de|al|on)\s+)*){{0,8}}{_CAP})\s+\(([A-Z][A-Za-z&-]{{1,9}})\)")


def _initials_fit(short: str, long: str) -> bool:
    """`JI` fits `Jamaat-e-Islami`, `HWU` fits `Harbour Workers' Union`, `PML-N` fits `Pakistan Muslim League-Nawaz`."""
    caps = [c for c in long if c.isupper()]
    letters = [c for c in short.upper() if c.isalpha()]
    i = 0
    for c in caps:
        if i < len(letters) and c == letters[i]:
            i += 1
    return i == len(letters) and bool(letters) and caps[:1] == letters[:1]


_ORG_HEAD = re.compile(rf"\b(?:{ORG_HEADS})\b")
_CONNECTORS = {"of", "for", "and", "the", "de", "al", "el", "du", "la", "&"}
_WEEKDAYS = re.compile(r"\s+(?:on|in|at)\s.*$|\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b.*$")


def _clean_org(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip(" ,.;:'\u2019")
    name = re.sub(r"^(?:the|The)\s+", "", name)
    words = name.split()
    cut = next((i for i, w in enumerate(words) if i and w[:1].islower() and w not in _CONNECTORS), None)
    if cut:  # `Police in Port Elmsworth`: the name ends before a lowercase word
        name = " ".join(words[:cut])
    name = _WEEKDAYS.sub("", name)
    name = name.split(" (")[0].split("(")[0].strip()  # `National Emergency Operations Centre (NEOC`
    return re.sub(r"['\u2019]s$", "", name)


def _trim_org(name: str) -> str | None:
    words = name.split()
    while words and (words[0] in _LEAD_NOISE or words[0].endswith(("'s", "\u2019s"))) and len(words) > 1:
        words = words[1:]
    if len(words) < 2:
        return None  # a bare `Ministry`, `Police`: a description, not a name
    return " ".join(words)
