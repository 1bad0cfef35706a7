"""Quotes of one article: direct, indirect and mixed, each with its speaker.

Input is the article's paragraphs, each already split into sentences; the sentences
that can hold an attribution carry a spaCy parse (see :mod:`newsgraph.pipeline`).
The steps:

1. quotation marks give the quoted stretches of every paragraph (:mod:`.marks`);
2. the parse gives attributions: cue, subject, content, addressee (:mod:`.attributions`);
3. an attribution whose content is (mostly) a quoted stretch is a *direct* quote, one
   whose content contains a quoted fragment is *mixed*, else *indirect*;
4. quoted statements without an attribution of their own take the one just before or
   after them (``"A," he said. "B."``), or continue the last speaker (a paragraph that
   is only a quote, a quote running over several paragraphs, a colon intro);
5. speaker mentions are resolved to names (:mod:`.speakers`).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass, field

from ..model import Part, Quote
from . import attributions, cues, marks
from .speakers import DOCUMENT_WORDS, GROUP_WORDS, INSTITUTIONS, ORG_WORDS, TITLE_WORDS, ROLE_WORDS, Entity, Registry, first_name_gender, \
    is_known_first_name

STATEMENT_MIN_WORDS = 4
_TITLES_BEFORE = re.compile(r"(?:\b(?:[A-Z][a-z]{1,4}\.|Mr|Mrs|Ms|Dr|President|Senator|Governor|Mayor|Judge|"
                            r"General|Minister|Chancellor|Secretary|Representative|Speaker)\s+)+$")
_HONORIFIC_BEFORE = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+$")
SENTENCE_OPENERS = {"The", "A", "An", "In", "On", "At", "But", "And", "It", "This", "That", "He", "She", "They",
                    "We", "I", "After", "Before", "When", "While", "As", "If", "There", "Its", "His", "Her",
                    "Their", "Our", "Some", "Many", "Most", "For", "With", "By", "From", "Since", "Although",
                    "Yet", "So", "Still", "Now", "Then", "Last", "Next", "Earlier", "Later", "Meanwhile", "Also"}
QUANTIFIERS = {"some", "others", "many", "those", "both", "several", "most", "few", "another", "all", "these",
               "either", "neither", "each", "one"}


@dataclass
class Sentence:
    start: int  # page offsets
    end: int
    doc: object | None = None  # parsed spaCy Doc of this sentence, when it was worth parsing


@dataclass
class Paragraph:
    part: Part
    kind: str  # body | bullet
    sentences: list[Sentence] = field(default_factory=list)
    quoted: list[marks.Quoted] = field(default_factory=list)  # page offsets
    statements: list[marks.Quoted] = field(default_factory=list)


@dataclass
class Speech:
    """A speaker as resolved at one attribution."""

    name: str | None
    mention: str
    start: int
    end: int
    kind: str
    role: str | None
    entity: Entity | None = None
    phrase: tuple[int, int] | None = None  # the whole source phrase (page offsets), modifiers included


def quoted_spans(part: Part) -> list[marks.Quoted]:
    """Quoted stretches of a paragraph, in page offsets."""
    out = []
    for q in marks.find(part.text):
        out.append(marks.Quoted(part.start + q.start, part.start + q.end,
                                part.start + q.open_at if q.open_at >= 0 else -1,
                                part.start + q.close_at if q.close_at >= 0 else -1, q.single))
    return out


def is_statement(q: marks.Quoted, page: str, para: Part) -> bool:
    """A quoted stretch that is a statement rather than a scare quote or a title."""
    text = page[q.start:q.end]
    words = len(text.split())
    if words >= STATEMENT_MIN_WORDS:
        return True
    before_open = page[para.start:q.open_at].rstrip() if q.open_at >= 0 else "x"
    # the quote opens the paragraph or a new sentence (`... euros. "It is fair," she said.`)
    at_para_start = q.open_at >= 0 and (not before_open or before_open[-1] in ".!?:")
    ends_sentence = text.rstrip()[-1:] in ".!?,"
    before = page[max(para.start, q.open_at - 3):max(q.open_at, para.start)] if q.open_at >= 0 else ""
    return (at_para_start or ":" in before) and (ends_sentence or not q.closed) and words >= 2


def _words(text: str) -> list[str]:
    """The words of a text that hold a letter or digit (marks and dashes alone are no words)."""
    return [w for w in text.split() if any(ch.isalnum() for ch in w)]


def _trim_range(page: str, start: int, end: int) -> tuple[int, int]:
    while start < end and page[start] in " \t\n,;:":
        start += 1
    while end > start and page[end - 1] in " \t\n,;:":
        end -= 1
    return start, end


def _overlap(a0, a1, b0, b1) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


class ArticleQuotes:
    """Runs steps 2-5 over one article's paragraphs."""

    def __init__(self, page: str, paragraphs: list[Paragraph], headline: Part | None = None,
                 dateline: Part | None = None):
        self.page = page
        self.paragraphs = paragraphs
        self.headline = headline
        self.dateline = dateline
        self.registry = Registry()
        self.quotes: list[Quote] = []
        self._entities: list[Entity | None] = []
        self._utterance: list[tuple[int, int] | None] = []  # (paragraph, attribution) of each quote
        self._open_quote: tuple[int, int] | None = None  # that of a quote left open at its paragraph's end
        self._paragraph = -1
        self._statement_starts: list[int] = []  # sorted, for _inside_statement
        self._statement_ends: list[int] = []
        self._spans: list[tuple[int, int]] = []  # emitted (start, end), sorted, for _emit
        self._longest = 0

    # ---------------------------------------------------------------- registry of names
    def _inside_statement(self, pos: int) -> bool:
        i = bisect_right(self._statement_starts, pos) - 1
        return i >= 0 and pos < self._statement_ends[i]

    def build_registry(self) -> None:
        reg = self.registry
        acr = re.compile(r"((?:[A-Z][\w'\u2019&.-]*\s+)(?:(?:of|for|and|the|de|al|on)\s+|[A-Z][\w'\u2019&.-]*\s+){0,8}?"
                         r"[A-Z][\w'\u2019&.-]*)\s+\(([A-Z][A-Za-z&]{1,9})\)")
        for p in self.paragraphs:
            for m in acr.finditer(p.part.text):
                long, short = m.group(1), m.group(2)
                initials = "".join(w[0] for w in re.findall(r"[A-Z][\w'\u2019-]*", long))
                if short.upper() in initials.upper() or initials.upper().startswith(short[:2].upper()):
                    # trim leading words that are not part of the initials
                    words = long.split()
                    while words and not short.upper().startswith(words[0][0].upper()):
                        words = words[1:]
                    long = " ".join(words) or long
                    reg.add_acronym(short, long)
                    ent = reg.add_org(long, p.part.start + m.start(1))
                    ent.aliases.add(short)
            for s in p.sentences:
                if s.doc is None:
                    self._names_by_pattern(p, s)
                    continue
                for ent in s.doc.ents:
                    pos = s.start + ent.start_char
                    if self._inside_statement(pos) or ent.label_ not in ("PERSON", "ORG", "GPE", "FAC"):
                        continue
                    kind = name_kind(ent.text, ent.label_, reg)
                    if kind == "person":
                        e = reg.add_person(ent.text, pos, role=_role_in_context(ent))
                        subj = ent.root if ent.root.dep_ != "appos" else ent.root.head
                        if subj.dep_ in ("nsubj", "nsubjpass"):
                            # the subject of the sentence itself, by full name, is who a later pronoun may
                            # continue; one of an embedded clause (`said Clinton raped her`) only counts as less
                            verb = subj.head
                            main = verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")
                            e.as_subject(pos, named=main and len(ent.text.split()) > 1)
                    elif kind == "organization":
                        if ent.root.dep_ == "compound" and ent.root.head.lower_ in DOCUMENT_WORDS:
                            continue  # `the Amnesty report`: a document named after the organisation
                        e = reg.add_org(ent.text, pos, "place" if ent.label_ == "GPE" else "organization")
                        if ent.root.dep_ in ("nsubj", "nsubjpass"):
                            e.as_subject(pos)  # `Kestrel Air cancelled 40 flights`: what `the airline` refers to
        # surnames and short forms mentioned anywhere count as mentions (for pronoun recency)
        people = [e for e in reg.entities if e.kind == "person"]
        if people:
            forms = {}
            for e in people:
                for f in {e.name, e.name.split()[-1], *e.aliases}:
                    if len(f) > 2 and f[0].isupper():
                        forms[f] = e
            pat = re.compile(r"\b(" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + r")\b")
            for p in self.paragraphs:
                for m in pat.finditer(p.part.text):
                    pos = p.part.start + m.start()
                    if not self._inside_statement(pos):
                        e = forms[m.group(1)]
                        if pos not in e.positions:
                            e.seen(pos)
                        hon = _HONORIFIC_BEFORE.search(p.part.text, max(0, m.start() - 6), m.start())
                        if hon and (e.gender is None or e.gender_guessed) and \
                                sum(1 for x in people if m.group(1) in x.name.split()) == 1:
                            # `Mr. Sanders` anywhere in the article says more than a first-name list
                            e.gender, e.gender_guessed = ("m" if hon.group(1) == "Mr" else "f"), False

    _NAME = re.compile(r"\b((?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?[A-Z][a-z]+(?:[ -][A-Z][a-z'\u2019-]+){1,3})\b")

    _OPENING_NAME = re.compile(r"(?:The\s+)?((?:[A-Z][\w&'\u2019.-]*\s+){1,4}[A-Z][\w&'\u2019.-]*)\s+[a-z]")
    _APPOS_AFTER = re.compile(r",\s+((?:the|a|an|his|her|its|their)\s+[^,.;:()\n]{2,80}?|\d{1,3})(?=,|\.|\s+(?:and|who)\b)")
    _APPOS_BEFORE = re.compile(r"(?:^|[\s(])((?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+[^,.;:()\n]{2,60}),\s+$")

    def _names_by_pattern(self, p: Paragraph, s: Sentence) -> None:
        """People named in sentences that were not parsed: capitalised names with a known first name,
        after a title (`Coach Emeka Obi`, `Finance Minister Tahir Saif-ur-Rehman`) or next to an
        apposition that gives their role (`his deputy, Shazia Malik,` / `Daniel Okoro, 45,`)."""
        text = self.page[s.start:s.end]
        m = self._OPENING_NAME.match(text)
        if m and m.group(1).split()[0] not in SENTENCE_OPENERS and not is_known_first_name(m.group(1).split()[0]) \
                and not self.registry.find_person(m.group(1)) and not self._inside_statement(s.start + m.start(1)):
            # `Kestrel Air cancelled 40 flights`: a capitalised name opening a sentence, before its verb,
            # that is not a person's: an organisation `the airline` may later refer to
            self.registry.add_org(m.group(1), s.start + m.start(1)).as_subject(s.start + m.start(1))
        for m in self._NAME.finditer(text):
            words = m.group(1).split()
            k = next((i for i, w in enumerate(words) if w.rstrip(".") in ("Mr", "Mrs", "Ms", "Dr", "Prof")
                      or is_known_first_name(w)), None)
            role = None
            after = self._APPOS_AFTER.match(text, m.end(1))
            before = self._APPOS_BEFORE.search(text[max(0, m.start(1) - 80):m.start(1)])
            appos_role = None
            for g in (after, before):
                if g and not g.group(1).isdigit() and any(w.lower().strip("\u2019's") in ROLE_WORDS
                                                          for w in g.group(1).split()):
                    appos_role = g.group(1)
                    break
            if k is None:
                r = max((i for i, w in enumerate(words) if w.lower() in ROLE_WORDS), default=None)
                if r is not None and r < len(words) - 1:
                    k = r + 1
                elif appos_role or (after and after.group(1).isdigit()):
                    k = 0  # an unknown first name, but the apposition says this is a person
                else:
                    continue
            if k > 0:
                lead = words[:k]
                while lead and lead[0].lower() in _NOT_ROLE:
                    lead = lead[1:]  # `And Chancellor Gordon Brown`
                role = " ".join(lead) if any(w.lower() in ROLE_WORDS for w in lead) else None
                if role is None:
                    continue
            pos = s.start + m.start(1) + len(" ".join(words[:k])) + (1 if k else 0)
            if self._inside_statement(pos):
                continue
            ent = self.registry.add_person(" ".join(words[k:]), pos, role=role or appos_role)
            prefix = _TITLES_BEFORE.sub("", text[:m.start(1)])  # `..., Sen. Bernie Sanders apologized`
            if not prefix.strip(" \u201c\"'(") or re.fullmatch(r"[^,]*,\s*", prefix):
                ent.as_subject(pos)  # the name opens its sentence (or follows an opening phrase)
            if after and after.group(1).isdigit():
                ent.age = int(after.group(1))
            if ent.gender is None or ent.gender_guessed:
                # `Sam Okafor has coached the team for six years, and her side won`: the sentence's pronoun
                rest = text[m.end(1):].lower()
                has_f = re.search(r"\b(she|her|hers)\b", rest)
                has_m = re.search(r"\b(he|him|his)\b", rest)
                if bool(has_f) != bool(has_m) and len(self._NAME.findall(text)) == 1:
                    ent.gender, ent.gender_guessed = ("f" if has_f else "m"), False

    # ---------------------------------------------------------------- speakers
    def speech(self, att: attributions.Attribution) -> Speech | None:
        """Who speaks in ``att``, with the whole phrase that names them."""
        sp = self._joint_speech(att)
        if sp is not None:
            sp.phrase = _source_phrase(att, att.subject)
        return sp

    def _joint_speech(self, att: attributions.Attribution) -> Speech | None:
        """The speaker; two people named as joint subjects (`Trump and Ryan said`, `Sen. Ann Lee and Rep.
        Bo Ray wrote`) speak together."""
        sp = self._speech_of(att, att.subject)
        t = att.subject
        if sp is None or sp.kind != "person" or sp.name is None or t is None or t.pos_ != "PROPN":
            return sp
        others = [c for c in t.children if c.dep_ == "conj" and c.pos_ == "PROPN" and c.i > t.i]
        if len(others) != 1 or any(c.dep_ == "appos" for c in t.children):
            return sp
        other = self._speech_of(att, others[0])
        if other is None or other.kind != "person" or not other.name or other.name == sp.name:
            return sp
        base = att.sent_start
        end = base + others[0].idx + len(others[0].text)
        return Speech(f"{sp.name} and {other.name}", self.page[sp.start:end], sp.start, end, "group", None)

    def _speech_of(self, att: attributions.Attribution, t) -> Speech | None:
        if t is None:
            return None
        doc = t.doc
        base = att.sent_start
        reg = self.registry
        pos = base + t.idx
        if t.pos_ == "PRON" or t.lower_ in ("he", "she", "they", "it", "we", "i") or \
                (t.lower_ in QUANTIFIERS and not list(t.children)):
            low = t.lower_
            if low in ("he", "she"):
                ent = reg.person_for_pronoun(low, pos)
                if ent:
                    if ent.gender is None or ent.gender_guessed:
                        ent.gender, ent.gender_guessed = ("m" if low == "he" else "f"), False
                    ent.seen(pos)
                    return Speech(ent.name, t.text, pos, pos + len(t.text), "person", _role(ent), ent)
                return Speech(None, t.text, pos, pos + len(t.text), "person", None)
            if low in ("they", "it", "we") or low in QUANTIFIERS:
                if low == "they" and reg.last_speaker and reg.last_speaker.kind == "group" \
                        and pos - reg.last_speaker.last_seen < 600:
                    ent = reg.last_speaker
                else:
                    ent = reg.group_for_pronoun(pos)
                if ent and low in ("they", "it", "we"):
                    return Speech(ent.name, t.text, pos, pos + len(t.text), ent.kind, _role(ent), ent)
            if low in QUANTIFIERS or low in ("i", "you", "we", "they"):
                # `Some argue that ...`, `others insist`, `I think`: a speaker known only as written
                drop = {y.i for c in t.children if c.dep_ in ("relcl", "acl", "appos", "punct") and c.i > t.i
                        for y in c.subtree}
                toks = [x for x in t.subtree if x.i not in drop]
                ms, me = base + toks[0].idx, base + toks[-1].idx + len(toks[-1].text)
                return Speech(None, self.page[ms:me], ms, me, "group", None)
            return None
        # the mention: the subject's phrase without relative clauses and appositions
        appos = [c for c in t.children if c.dep_ == "appos"]
        drop = {i for c in t.children if c.dep_ in ("relcl", "acl", "appos", "punct", "prep") and c.i > t.i
                for i in (x.i for x in c.subtree)}
        if any(c.dep_ == "prep" and c.i > t.i and c.lower_ in ("of", "at", "for", "from", "with", "in")
               for c in t.children) and t.pos_ == "NOUN":
            # `president of the Karachi Bar Association`: the prepositional phrase is part of the role
            drop -= {i for c in t.children if c.dep_ == "prep" and c.lower_ in ("of", "at", "for", "from", "with", "in")
                     for i in (x.i for x in c.subtree)}
        # `the leader of the opposition on Tuesday`: a time phrase is not part of who speaks
        drop |= {y.i for c in t.subtree if c.dep_ in ("prep", "npadvmod") and c.i > t.i and (
            c.ent_type_ in ("DATE", "TIME") or any(g.ent_type_ in ("DATE", "TIME") for g in c.children))
            for y in c.subtree}
        # `A spokesman for the summit, which meets in Geneva,`: a relative clause inside a kept phrase is no
        # part of who speaks either
        drop |= {y.i for c in t.subtree if c.dep_ == "relcl" and c.i > t.i and c.left_edge.i > 0
                 and doc[c.left_edge.i - 1].text == "," for y in c.subtree}
        toks = [x for x in t.subtree if x.i not in drop]
        while toks and (toks[0].is_punct or toks[0].dep_ == "cc"):
            toks = toks[1:]
        while toks and toks[-1].is_punct and not (toks[-1].text == ")" and any(x.text == "(" for x in toks)):
            toks = toks[:-1]
        if not toks:
            toks = [t]
        m_start, m_end = base + toks[0].idx, base + toks[-1].idx + len(toks[-1].text)
        mention = self.page[m_start:m_end]
        person_ent = _whole_name(_ent_of(t))
        if person_ent is not None and person_ent.label_ != "PERSON" and person_ent.start == t.i and t.i > 0 and \
                t.doc[t.i - 1].dep_ == "compound" and t.doc[t.i - 1].head.i == t.i and \
                is_known_first_name(t.doc[t.i - 1].text):
            person_ent = _relabel(t.doc[t.i - 1:person_ent.end], "PERSON")  # `Ana Lima` with `Lima` read as the city
        if person_ent is not None and person_ent.label_ != "PERSON" and \
                name_kind(person_ent.text, person_ent.label_, reg) == "person":
            person_ent = _relabel(person_ent, "PERSON")
        if person_ent is None and t.pos_ == "PROPN":
            # a name the NER missed: the proper nouns ending in the subject (`Carmen Ruiz`)
            i = t.i
            while i > 0 and t.doc[i - 1].pos_ == "PROPN" and t.doc[i - 1].dep_ == "compound" \
                    and t.doc[i - 1].lower_ not in ROLE_WORDS:
                i -= 1
            span = t.doc[i:t.i + 1]
            if name_kind(span.text, "ORG", reg) == "person" or span[0].text.rstrip(".") in ("Mr", "Mrs", "Ms", "Dr"):
                person_ent = _relabel(span, "PERSON")
        if person_ent is None and t.pos_ == "NOUN" and t.text[:1].isupper() and t.text[1:].islower() and \
                not any(c.dep_ in ("det", "poss", "amod", "compound", "nummod") for c in t.children) and \
                reg.find_person(t.text) is not None:
            person_ent = _relabel(t.doc[t.i:t.i + 1], "PERSON")  # `Meeks said`: a surname the tagger took for a noun
        appos_person = None
        for a in appos:
            ea = _ent_of(a)
            if ea is not None and (name_kind(ea.text, ea.label_, reg) == "person" or (
                    t.lower_ in ROLE_WORDS and a.pos_ == "PROPN" and ea.label_ in ("ORG", "GPE", "NORP"))):
                appos_person = (a, ea)  # `its chief executive, Wanjiku Kamau,`: a role's apposition is a person
            elif ea is None and a.pos_ == "PROPN" and t.lower_ in ROLE_WORDS:
                i = a.i  # `The law minister, Sadaf Naqvi,` with the name untagged
                while i > 0 and t.doc[i - 1].pos_ == "PROPN" and t.doc[i - 1].dep_ == "compound":
                    i -= 1
                appos_person = (a, _relabel(t.doc[i:a.i + 1], "PERSON"))
        role = None
        if appos_person and (person_ent is None or person_ent.label_ != "PERSON"):
            # `Its chief executive, Daniel Brisco,`: the name is in the apposition
            a, ea = appos_person
            role = _clean_role(doc[toks[0].i:t.i + 1].text)
            if role and role.lower().startswith(("its ", "their ")):
                org = reg.group_for_pronoun(pos)
                role = role.split(" ", 1)[1] + (f" of {org.name}" if org else "")
            name_pos = base + ea.start_char
            ent = reg.add_person(ea.text, name_pos, role=role)
            return Speech(ent.name, mention + ", " + ea.text if ea.text not in mention else mention,
                          m_start, m_end, "person", role or _role(ent), ent)
        if person_ent is not None and person_ent.label_ == "PERSON":
            # role words before the name (`HWU general secretary Marta Oyelaran`) or an apposition
            role = _role_prefix([x for x in toks if x.i < person_ent.start], person_ent.start)
            for a in appos:
                if _ent_of(a) is None or _ent_of(a).label_ != "PERSON":
                    role = _rolelike(_clean_role(_appos_text(a))) or role
            if role is None:
                for c in t.children:
                    if c.dep_ == "relcl" and c.i > t.i and c.lemma_ in ROLE_VERBS:
                        role = _clean_role(_appos_text(c))  # `who heads the students' union`
            hon = _HONORIFIC_BEFORE.search(doc.text[:person_ent.start_char])  # `Mr Howard`: the honorific tells
            name = f"{hon.group(1)} {person_ent.text}" if hon else person_ent.text
            ent = reg.add_person(name, base + person_ent.start_char, role=role)
            return Speech(ent.name, mention, m_start, m_end, "person", role or _role(ent), ent)
        if person_ent is not None and person_ent.label_ != "PERSON" and \
                name_kind(person_ent.text, person_ent.label_, reg) == "person":
            person_ent = _relabel(person_ent, "PERSON")
        elif person_ent is not None and person_ent.label_ == "PERSON" and \
                name_kind(person_ent.text, "PERSON", reg) != "person":
            person_ent = _relabel(person_ent, "ORG")
        if person_ent is not None and person_ent.label_ in ("ORG", "GPE", "NORP", "FAC"):
            name = person_ent.text
            ent = reg.find_org(name) or reg.add_org(name, base + person_ent.start_char)
            return Speech(ent.name, mention, m_start, m_end, "organization", None, ent)
        if t.pos_ == "PROPN":
            # a name the NER did not tag: a known person by surname, a first name, or an organisation
            propn = " ".join(x.text for x in toks if x.pos_ == "PROPN" or x.text[:1].isupper())
            ent = reg.find_person(propn, before=pos) or reg.find_org(propn)
            if ent is None:
                first = propn.split()[0] if propn else ""
                if first and (is_known_first_name(first) or first.rstrip(".") in ("Mr", "Mrs", "Ms", "Dr", "Prof")):
                    ent = reg.add_person(propn, pos)
                else:
                    ent = reg.add_org(propn or t.text, pos)
            return Speech(ent.name, mention, m_start, m_end, ent.kind, _role(ent), ent)
        age = re.match(r"(?i)the (\d{1,3})-year-old\b", mention)
        if age:
            ent = reg.person_by_age(int(age.group(1)), pos)
            if ent:
                ent.seen(pos)
                return Speech(ent.name, mention, m_start, m_end, "person", _role(ent), ent)
        named = _self_named(t)
        if named is not None:
            # `a group calling itself the Northern Shield Brigade`: the group speaks under that name; `a man
            # who calls himself Abu Omar`, a person
            if t.lower_ in ROLE_WORDS or t.lemma_.lower() in ("man", "woman", "person", "boy", "girl"):
                ent = reg.add_person(named.text, base + named.start_char)
            else:
                ent = reg.find_org(named.text) or reg.add_org(named.text, base + named.start_char)
            return Speech(ent.name, mention, m_start, m_end, ent.kind, None, ent)
        # a description: `the minister`, `the institute`, `officials`, `a ministry spokesman`
        head = t.lemma_.lower() if t.lemma_ else t.lower_
        det = next((c for c in t.children if c.dep_ == "det"), None)
        definite = det is not None and det.lower_ in ("the", "this", "that")
        possessor = next((c for c in t.children if c.dep_ == "poss"), None)
        words = mention
        if det is not None and toks[0].i == det.i and det.lower_ in ("the", "this", "that", "these", "those"):
            # `the institute` -> `institute`; `a new poll`, `some critics` keep what says how many
            words = self.page[base + toks[1].idx:m_end] if len(toks) > 1 else mention
        if t.tag_ in ("NNS", "NNPS") and t.lower_ not in ORG_WORDS:
            ent = reg.add_org(words, pos, kind="group")
            return Speech(ent.name, mention, m_start, m_end, "group", None, ent)
        if head in ROLE_WORDS or t.lower_ in ROLE_WORDS:
            if definite or (possessor is not None and possessor.pos_ == "PRON"):  # `the minister`, `her husband`
                ent = reg.person_by_role(t.lower_, pos) or reg.person_by_role(head, pos)
                if ent:
                    ent.seen(pos)
                    return Speech(ent.name, mention, m_start, m_end, "person", _role(ent), ent)
            if t.tag_ in ("NNS", "NNPS"):
                return Speech(words, mention, m_start, m_end, "group", None)
            return Speech(mention if not definite else words, mention, m_start, m_end, "person", words)
        if head in ORG_WORDS or t.lower_ in ORG_WORDS:
            if definite or possessor is None:
                ent = reg.org_by_head(t.lower_, pos) or (reg.org_by_head(head, pos) if head != t.lower_ else None)
                if ent and (definite or len(toks) <= 2):
                    ent.seen(pos)
                    return Speech(ent.name, mention, m_start, m_end, "organization", None, ent)
                if definite and len(toks) <= 2 and head in INSTITUTIONS:
                    # `Kestrel Air cancelled 40 flights ... The airline said`: the organisation just named
                    ent = reg.recent_org(pos, within=400, head=head)
                    if ent:
                        ent.seen(pos)
                        return Speech(ent.name, mention, m_start, m_end, "organization", None, ent)
            ent = reg.add_org(words, pos)
            return Speech(ent.name, mention, m_start, m_end, "organization", None, ent)
        if t.tag_ in ("NNS", "NNPS") or t.lower_ in GROUP_WORDS:
            ent = reg.add_org(words, pos, kind="group")
            return Speech(ent.name, mention, m_start, m_end, "group", None, ent)
        return Speech(words, mention, m_start, m_end, "unknown", None)

    # ---------------------------------------------------------------- quotes
    def run(self) -> list[Quote]:
        page = self.page
        for p in self.paragraphs:
            p.quoted = quoted_spans(p.part)
            p.statements = [q for q in p.quoted if is_statement(q, page, p.part)]
        stmts = sorted((st.start, st.end) for p in self.paragraphs for st in p.statements)
        self._statement_starts = [a for a, _ in stmts]
        self._statement_ends = [b for _, b in stmts]
        self.build_registry()
        if self.headline is not None:
            self._colon_statement(self.headline)
        last_speech: Speech | None = None
        last_cue = None
        pending_intro: tuple[Speech, attributions.Attribution] | None = None
        for pi, p in enumerate(self.paragraphs):
            self._paragraph = pi
            before_speech, before_cue = last_speech, last_cue  # the voice the paragraph opens with
            if p.kind == "body":
                self._colon_statement(p.part)
            atts = []
            for s in p.sentences:
                if s.doc is None:
                    continue
                for a in attributions.find(s.doc, s.start):
                    if any(st.start <= a.cue_start < st.end for st in p.statements):
                        continue  # a cue inside somebody's quoted words
                    atts.append(a)
            speeches = []
            for a in atts:
                sp = self.speech(a)
                if sp is not None and (sp.name or sp.mention):
                    speeches.append((a, sp))
                    # `X said he had met Y, who told him that ...`: Y speaks inside X's statement; the next
                    # `he` is still X
                    nested = any(b is not a and b.has_content and b.content_start <= a.cue_start < b.content_end
                                 for b, _ in speeches)
                    if sp.entity is not None and not nested:
                        self.registry.last_speaker = sp.entity
                        sp.entity.as_subject(sp.start, named=a.subject is not None and a.subject.pos_ != "PRON")
            assigned: dict[int, tuple[Speech, attributions.Attribution, str]] = {}  # statement idx -> speech
            for a, sp in speeches:
                if not a.intro and not a.has_content:
                    continue  # a bare `said X` between quotes: used for adjacency only
                if a.intro:
                    nxt = [i for i, st in enumerate(p.statements) if st.start > a.cue_end]
                    if nxt:
                        assigned.setdefault(nxt[0], (sp, a, a.cue))
                    else:
                        pending_intro = (sp, a)
                    continue
                cs, ce = _trim_range(page, a.content_start, _aside_cut(a))
                if ce <= cs:
                    continue
                cover = [i for i, st in enumerate(p.statements) if _overlap(cs, ce, st.start, st.end) > 0]
                uncovered = self._uncovered_words(cs, ce, [p.statements[i] for i in cover])
                if cover and uncovered <= 1:
                    for i in cover:
                        assigned.setdefault(i, (sp, a, a.cue))
                    continue
                # `calling them rapists`: an object cue's two words say something; but not an object before
                # a colon that introduces the statement (`described the season in a letter:`)
                min_words = 2 if cues.stance(a.lemma) in ("deny", "accuse", "condemn", "welcome") or (
                    a.lemma in cues.OBJECT_CUES and not a.doc.text.rstrip().endswith(":")) else 3
                words = _words(page[cs:ce])
                if a.lemma in cues.NAME_OBJECT_CUES and len(words) == 1 and words[0][:1].isupper():
                    min_words = 1  # `Sanders endorsed Clinton`: the name is who he endorsed
                if len(words) < min_words:
                    continue  # `Now, he said, ...` / `That, she said`: too short to be a statement
                frags = [q for q in p.quoted if _overlap(cs, ce, q.start, q.end) > 0 or (
                    q.open_at >= 0 and cs < q.open_at <= ce + 1 and not page[ce:q.open_at].strip())]
                qtype = "mixed" if frags else "indirect"
                for i, st in enumerate(p.statements):
                    if i in cover or any(q.start == st.start for q in frags):
                        assigned.setdefault(i, None)  # consumed by the mixed quote
                if frags:
                    # extend to take in a quoted fragment that runs past the clause's end
                    ce = max(ce, max(q.end for q in frags))
                    cs = min(cs, min(q.start for q in frags))
                self._emit(cs, ce, qtype, a, sp)
                last_speech, last_cue = sp, a
            # quoted statements with no attribution of their own
            for i, st in enumerate(p.statements):
                if i in assigned:
                    continue
                opens = st.open_at >= 0 and not page[p.part.start:st.open_at].strip()
                voiced = any(assigned.get(j) for j in range(i)) or (before_speech is not None and opens)
                got = self._adjacent(p, i, speeches, voiced)
                if got is None and voiced and opens and i == 0 and before_speech is not None and any(
                        a.cue_start > st.close_at >= 0 for a, _ in speeches):
                    # the paragraph's own attribution came after the quote and was passed over: the quote goes on
                    # with the voice before the paragraph
                    got = (before_speech, before_cue, "(continuation)")
                if got is None and i > 0:
                    prev = [(j, assigned[j]) for j in range(i - 1, -1, -1) if assigned.get(j)]
                    if prev:
                        # `"A," he added. His agent told the paper that B. "C."`: a reported statement in a
                        # sentence between the last quote and this one gives its speaker the floor
                        last_end = p.statements[prev[0][0]].end
                        between = [(a, sp) for a, sp in speeches if a.has_content and
                                   last_end <= min(a.sent_start, a.cue_start, a.content_start) and
                                   max(a.cue_end, a.content_end) <= st.start]
                        got = (prev[0][1][0], prev[0][1][1], "(continuation)")
                        if between and between[-1][1].name != got[0].name:
                            got = (between[-1][1], between[-1][0], "(continuation)")
                if got is None and pending_intro is not None and i == 0:
                    got = (pending_intro[0], pending_intro[1],
                           pending_intro[1].cue if pending_intro[1] is not None else ":")
                if got is None:
                    dash = self._dash_speaker(p, st)
                    if dash is not None:
                        got = (dash, None, "\u2014")
                if got is None and last_speech is not None and st.open_at >= 0 \
                        and not page[p.part.start:st.open_at].strip():
                    got = (last_speech, last_cue, "(continuation)")
                if got is None:
                    # `X said that Y. "Z."`: a quote after an attribution in its paragraph is the same voice
                    before = [(a, sp) for a, sp in speeches if a.cue_end <= st.start]
                    if before:
                        got = (before[-1][1], before[-1][0], "(continuation)")
                assigned[i] = got
            for i, st in enumerate(p.statements):
                got = assigned.get(i)
                if not got:
                    continue
                sp, a, cue = got
                # a quote left open at the end of its paragraph goes on in the next one: one statement
                carried = self._open_quote if (i == 0 and cue == "(continuation)" and st.open_at >= 0 and
                                               not page[p.part.start:st.open_at].strip()) else None
                key = self._emit(st.start, st.end, "direct", a, sp, cue=cue, utterance=carried)
                if key is not None:
                    self._open_quote = key if not st.closed and i == len(p.statements) - 1 else None
                last_speech, last_cue = sp, a
            if p.statements or speeches:
                pending_intro = pending_intro if not p.statements else None
            if p.part.text.rstrip().endswith(":") and p.kind == "body" and speeches and not p.statements:
                pending_intro = (speeches[-1][1], speeches[-1][0])  # `X described the season in a letter:`
            if pending_intro is None and p.part.text.rstrip().endswith(":") and p.kind == "body":
                named = self._last_named(p)
                if named is not None:
                    pending_intro = (named, None)
            if not p.statements and not speeches and p.kind == "body":
                # an unrelated paragraph ends the run of continuation
                if len(p.part.text) > 40:
                    last_speech = last_speech if self._mentions(p, last_speech) else None
        for q, ent in zip(self.quotes, self._entities):
            if q.speaker_role is None and ent is not None and ent.roles:
                q.speaker_role = ent.roles[0]  # the role the article gave this speaker elsewhere
        order = sorted(range(len(self.quotes)), key=lambda k: self.quotes[k].start)
        self.quotes = [self.quotes[k] for k in order]
        _number_statements(self.quotes, [self._utterance[k] for k in order])
        return self.quotes

    # `Sanders: Brexit's message could draw Trump support` (a headline), `JOEL BENENSON: This is a man who
    # ...` (a transcript): a name, a colon, and what the named one said
    _COLON = re.compile(r"((?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof)\.\s+)?[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){0,3})"
                        r":\s+(?=\S)")

    def _colon_statement(self, part: Part) -> None:
        m = self._COLON.match(part.text)
        if not m or (self.dateline is not None and part.start <= self.dateline.start < part.start + m.end()):
            return
        name = m.group(1)
        words = name.split()
        if len(name) < 3 or (name.isupper() and not (len(words) >= 2 and is_known_first_name(words[0].title()))):
            return  # `KARACHI:`, `Q:`, `FIX IS IN:`
        ent = self.registry.find_person(name)
        if ent is None and len(words) >= 2 and is_known_first_name(words[0].title()) and \
                not any(w.lower() in ORG_WORDS for w in words):
            ent = self.registry.add_person(name.title() if name.isupper() else name, part.start)
        if ent is None:
            return
        line_end = part.text.find("\n", m.end())
        cs, ce = _trim_range(self.page, part.start + m.end(), part.start + (line_end if line_end >= 0 else len(part.text)))
        if len(_words(self.page[cs:ce])) < 3:
            return
        # a transcript's line is the speaker's words; a headline's is the desk's summary unless in marks
        qtype = "direct" if part is not self.headline or self.page[part.start + m.end()] in marks.DOUBLE + "'\u2018" \
            else "indirect"
        sp = Speech(ent.name, name, part.start + m.start(1), part.start + m.end(1), "person", _role(ent), ent)
        self._emit(cs, ce, qtype, None, sp, cue=":")

    def _last_named(self, p: Paragraph) -> Speech | None:
        """The person (or else organisation) named last in a paragraph: who a colon intro introduces."""
        best = None
        for e in self.registry.entities:
            for pos in e.positions:
                if p.part.start <= pos < p.part.end and (best is None or (e.kind == "person", pos) > best[0]):
                    best = ((e.kind == "person", pos), e)
        if best is None:
            return None
        e = best[1]
        pos = best[0][1]
        return Speech(e.name, e.name, pos, pos + len(e.name), e.kind if e.kind != "place" else "organization",
                      _role(e), e)

    def _uncovered_words(self, cs: int, ce: int, spans) -> int:
        """Words of the content outside the given quoted stretches."""
        chars = list(self.page[cs:ce])
        for st in spans:
            for k in range(max(st.start, cs) - cs, min(st.end, ce) - cs):
                chars[k] = " "
        return len(_words("".join(chars)))

    def _mentions(self, p: Paragraph, sp: Speech | None) -> bool:
        return bool(sp and sp.entity and any(p.part.start <= x < p.part.end for x in sp.entity.positions))

    def _adjacent(self, p: Paragraph, i: int, speeches, voiced: bool = False):
        """An attribution right after the statement's closing mark or right before its opening mark.
        ``voiced``: the quote already has a voice to continue (an earlier quote of the paragraph, or the last
        speaker when it opens the paragraph)."""
        st = p.statements[i]
        page = self.page
        nxt_open = p.statements[i + 1].open_at if i + 1 < len(p.statements) else p.part.end
        prev_close = p.statements[i - 1].close_at if i > 0 else p.part.start
        # a quote closed on a full stop, then a new sentence that opens with words of its own and whose cue
        # reports something of its own (`"... final decision." In its plan, the government said it was ...`):
        # not the quote's attribution (`"..." Smith said the team was ready` may still be Smith's)
        ends_sentence = page[st.start:st.end].rstrip(" '\"\u201d\u2019").endswith((".", "!", "?"))
        if st.close_at >= 0:
            for a, sp in speeches:
                if ends_sentence and a.has_content and a.content_start > a.cue_end and (
                        re.search(r"\w", page[st.close_at + 1:min(sp.start, a.cue_start)]) or
                        (voiced and sp.start < a.cue_start)):
                    continue  # `"... our schools." The Refugee Council said X`: the quote goes on with its voice
                if st.close_at < a.cue_start < nxt_open and a.cue_start - st.close_at < 120:
                    between = page[st.close_at + 1:a.cue_start]
                    if "." not in between.replace("Dr.", "").replace("Mr.", "").replace("Ms.", ""):
                        return sp, a, a.cue
        for a, sp in reversed(speeches):
            if prev_close < a.cue_end <= st.open_at and st.open_at - a.cue_end < 80:
                between = page[a.cue_end:st.open_at]
                if between.strip()[-1:] in (":", ",") or not between.strip():
                    return sp, a, a.cue
        return None

    _DASH = re.compile(r"\s*,?\s*[\u2014\u2013-]{1,2}\s*([A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,4})(?:,\s*([^.\n]{2,80}))?")

    def _dash_speaker(self, p: Paragraph, st: marks.Quoted) -> Speech | None:
        """`"..." — Jane Roe, spokesperson`."""
        if st.close_at < 0:
            return None
        m = self._DASH.match(self.page, st.close_at + 1, p.part.end)
        if not m:
            return None
        name, role = m.group(1), m.group(2)
        pos = m.start(1)
        first = name.split()[0]
        if is_known_first_name(first) or len(name.split()) >= 2 or self.registry.find_person(name):
            ent = self.registry.add_person(name, pos, role=role)
            return Speech(ent.name, name, pos, pos + len(name), "person", role or _role(ent), ent)
        ent = self.registry.add_org(name, pos)
        return Speech(ent.name, name, pos, pos + len(name), "organization", None, ent)

    def _emit(self, start: int, end: int, qtype: str, a, sp: Speech, cue: str | None = None,
              utterance: tuple[int, int] | None = None) -> tuple[int, int] | None:
        """Record a quote unless (most of) it is recorded already. Its utterance (paragraph and
        attribution, for `Quote.statement`) is ``utterance`` when given; the key is returned, or None when
        nothing was recorded."""
        start, end = _trim_range(self.page, start, end)
        if end <= start:
            return None
        lo = bisect_left(self._spans, (start - self._longest, -1))
        for qs, qe in self._spans[lo:bisect_left(self._spans, (end, -1))]:
            if _overlap(qs, qe, start, end) > 0.5 * min(qe - qs, end - start):
                return None  # already have (most of) this one
        insort(self._spans, (start, end))
        self._longest = max(self._longest, end - start)
        if sp.entity is not None:
            sp.entity.seen(sp.start)
        self._entities.append(sp.entity)
        # the attribution object is alive for its whole paragraph, so its id is a key there
        key = utterance or ((self._paragraph, id(a)) if a is not None else None)
        self._utterance.append(key)
        phrase = sp.phrase if cue != "(continuation)" else None
        self.quotes.append(Quote(
            text=self.page[start:end], start=start, end=end, type=qtype,
            cue=cue if cue is not None else (a.cue if a else None),
            cue_start=a.cue_start if a is not None and cue != "(continuation)" else None,
            cue_end=a.cue_end if a is not None and cue != "(continuation)" else None,
            speaker=sp.name or sp.mention, speaker_mention=sp.mention,
            speaker_start=sp.start if cue != "(continuation)" else None,
            speaker_end=sp.end if cue != "(continuation)" else None,
            speaker_kind=sp.kind if sp.kind in ("person", "organization", "group") else "unknown",
            speaker_role=sp.role,
            speaker_phrase=self.page[phrase[0]:phrase[1]] if phrase else None,
            speaker_phrase_start=phrase[0] if phrase else None,
            speaker_phrase_end=phrase[1] if phrase else None,
            addressee=a.addressee if a is not None and cue != "(continuation)" else None,
            confidence=_confidence(qtype, a, sp, cue),
            stance=cues.stance(a.lemma) if a is not None else "assert",
        ))
        return key


def _source_phrase(att: attributions.Attribution, t) -> tuple[int, int] | None:
    """The whole phrase that names the source, as written: the subject with its appositions, modifiers and
    relative clauses (`Woodrow Benford, 58, who lives outside Minneapolis`), up to the cue and never into
    the content. None for a pronoun."""
    if t is None or t.pos_ == "PRON" or t.lower_ in RELATIVE_PRONOUNS:
        return None
    doc = t.doc
    lo, hi = t.left_edge.i, t.right_edge.i
    base = att.sent_start
    stops = {att.verb_i} if att.verb_i >= 0 else set()
    if att.has_content and not att.content_start <= base + t.idx < att.content_end:
        # (a parenthetical source, `The risk, port director Amal Haddad said, is ...`, lies inside its content)
        stops |= {x.i for x in doc if att.content_start <= base + x.idx < att.content_end}
    for c in t.children:  # `Kim, explaining that ...`: a participle after a comma tells what the source did
        if c.dep_ == "acl" and c.tag_ == "VBG" and c.i > t.i and doc[c.left_edge.i - 1].text == ",":
            stops.add(c.left_edge.i)
    for i in range(t.i + 1, hi + 1):
        if i in stops:
            hi = i - 1
            break
    for i in range(t.i - 1, lo - 1, -1):
        if i in stops:
            lo = i + 1
            break
    while lo < t.i and (doc[lo].is_punct or doc[lo].dep_ == "cc"):
        lo += 1
    while hi > t.i and (doc[hi].is_punct or doc[hi].lower_ in RELATIVE_PRONOUNS or doc[hi].dep_ in ("cc", "aux")) \
            and not (doc[hi].text == ")" and any(x.text == "(" for x in doc[lo:hi])):
        hi -= 1
    return base + doc[lo].idx, base + doc[hi].idx + len(doc[hi].text)


RELATIVE_PRONOUNS = attributions.RELATIVE | {"whose"}
_ASIDE_WORDS = {"which", "who", "whom", "whose"}


def _aside_cut(a) -> int:
    """Where reported content ends when the writer's own aside trails it: a non-restrictive relative
    clause after a comma (`said he was being "sarcastic", which raised concerns among experts`) that
    runs to the end of the content tells the reader something; it is not what was said."""
    doc, off, end = a.doc, a.sent_start, a.content_end
    for tok in doc:
        if tok.dep_ != "relcl" or tok.idx + off < a.content_start:
            continue
        first = tok.left_edge
        # `, which ...` or `, for whom ...`, after a comma
        wh = doc[first.i + 1] if first.lower_ in ("for", "of", "in") and first.i + 1 < len(doc) else first
        if first.i < 2 or doc[first.i - 1].text != "," or wh.lower_ not in _ASIDE_WORDS:
            continue
        last = tok.right_edge
        if abs(last.idx + len(last.text) + off - end) > 2 or first.idx + off <= a.content_start:
            continue
        if any(t.text in marks.DOUBLE for t in doc[first.i:last.i + 1]):
            continue  # quoted words inside: the speaker's
        return doc[first.i - 1].idx + off
    return end


def _number_statements(quotes: list[Quote], utterance: list[tuple[int, int] | None]) -> None:
    """Number the statements of an article: quotes in one paragraph that share their attribution
    (`"A," he said. "B."`, `X said A. "B."`, `"A," X told Y, after Y said Z. "B."`) are parts of
    one statement; every other quote is a statement of its own."""
    ids: dict[tuple[int, int], int] = {}
    quoted: set[int] = set()  # statements with a direct part
    n = 0
    for q, key in zip(quotes, utterance):
        if key is not None and key in ids and (q.type == "direct" or ids[key] not in quoted):
            # `X said A. "B."` is one statement; `"A," X shouted from the street`, read as a quote and
            # then an object, is two
            q.statement = ids[key]
            if q.type == "direct":
                quoted.add(q.statement)
            continue
        if q.type == "direct":
            quoted.add(n)
        q.statement = n
        if key is not None:
            ids[key] = n
        n += 1


def name_kind(text: str, label: str, reg: Registry) -> str | None:
    """person, organization or None (not a name) for a named-entity span, correcting the small
    model's frequent confusions with what the article already knows and a first-name list."""
    words = text.split()
    if words and words[0].lower() == "the":
        words = words[1:]  # `the Ridgeford Institute of Tropical Medicine`
    while len(words) > 1 and words[0].lower().rstrip(".") in TITLE_WORDS:
        words = words[1:]  # `Councillor Pieter Venter`: judge the name after the title
    text = " ".join(words)
    if not words or not text[0].isupper() or (text.isupper() and len(text) > 4 and " " not in text):
        return None  # lowercase junk or an all-caps dateline word
    if text.isupper() and label == "PERSON":
        return None
    if label == "PERSON":
        if any(w.lower() in ORG_WORDS for w in words) and len(words) > 1:
            return "organization"
        return "person"
    if label in ("ORG", "GPE", "FAC") and len(words) <= 3 and not any(w.lower() in ORG_WORDS for w in words):
        if reg.find_person(text) is not None:
            return "person"
        first = words[0].rstrip(".")
        if len(words) >= 2 and (is_known_first_name(first) or first in ("Mr", "Mrs", "Ms", "Dr", "Prof")):
            return "person"
    return "organization"


def _confidence(qtype: str, a, sp: Speech, cue) -> float:
    c = 0.9 if qtype == "direct" else 0.75
    if cue == "(continuation)":
        c -= 0.15
    if sp.name is None:
        c -= 0.3
    if a is not None and a.lemma in ("think", "believe", "know", "want", "hope", "feel", "expect"):
        c -= 0.15
    return round(max(0.1, c), 2)


def _role_in_context(ent) -> str | None:
    """The role a sentence gives a named person: title words before the name (`Coach Emeka Obi`),
    an apposition after it (`Irina Sokolova, the regional governor,`) or the noun it is in
    apposition to (`the regional governor, Irina Sokolova`)."""
    role = _role_in_context_words(ent)
    party = _PARTY_TAG.match(ent.doc.text, ent.end_char)
    if party:  # `Sen. Ron Johnson (R-Wis.)`: party and state, the affiliation as written
        return f"{role}, {party.group(1)}" if role else party.group(1)
    return role


# `(R-Wis.)`, `(D-N.Y.)`, `(I-Vt.)`: the party and state US newsrooms put after a legislator's name
_PARTY_TAG = re.compile(r"\s*\(((?:R|D|I)-[A-Z][A-Za-z.]{0,4}(?:\s?[A-Z][a-z.]{0,4})?)\)")


def _role_in_context_words(ent) -> str | None:
    doc = ent.doc
    root = ent.root
    i = ent.start - 1
    pre = []
    while i >= 0 and doc[i].dep_ in ("compound", "amod", "nmod") and doc[i].head.i >= ent.start - 1 \
            and not doc[i].is_punct:
        pre.insert(0, doc[i])
        i -= 1
    role = _role_prefix(pre, ent.start)
    if role:
        return role
    for c in root.children:
        if c.dep_ == "appos" and c.i > root.i and c.pos_ == "NOUN":
            role = _rolelike(_clean_role(_appos_text(c)))
            if role:
                return role
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.lower_ in ROLE_WORDS:
        head = root.head
        toks = [t for t in head.subtree if t.i < root.left_edge.i and not t.is_punct and t.dep_ != "det"]
        if toks:
            return _clean_role(doc[toks[0].i:toks[-1].i + 1].text)
    return None


def _whole_name(ent):
    """An entity the NER cut after a function word (`the Office of the` | `Deputy Prime Minister`), run on
    over the proper nouns that complete it; other entities as they are."""
    if ent is None or ent[-1].pos_ not in ("DET", "ADP", "CCONJ"):
        return ent
    doc, end = ent.doc, ent.end
    while end < len(doc) and (doc[end].pos_ == "PROPN" or (doc[end].pos_ in ("DET", "ADP") and end + 1 < len(doc)
                                                          and doc[end + 1].pos_ == "PROPN")):
        end += 1
    while end > ent.start and doc[end - 1].pos_ != "PROPN":
        end -= 1
    return _relabel(doc[ent.start:end], ent.label_) if end > ent.start else ent


def _self_named(t):
    """The name in `a group calling itself the Northern Shield Brigade` / `a man who calls himself Abu
    Omar` (the proper nouns of the complement, without `the`), or None."""
    for c in t.children:
        if c.i < t.i or c.dep_ not in ("acl", "relcl") or c.lemma_.lower() not in ("call", "name", "style"):
            continue
        kids = list(c.children)
        if not any(k.dep_ == "dobj" and k.lower_.endswith(("self", "selves")) for k in kids):
            continue
        for k in kids:
            if k.dep_ in ("oprd", "attr", "dobj") and k.pos_ == "PROPN":
                names = [x for x in k.subtree if x.pos_ == "PROPN"]  # `the Army of the Faithful`: from Army on
                return t.doc[names[0].i:names[-1].i + 1]
    return None


def _relabel(span, label: str):
    from spacy.tokens import Span

    return Span(span.doc, span.start, span.end, label=label)


def _ent_of(tok):
    for ent in tok.doc.ents:
        if ent.start <= tok.i < ent.end:
            return ent
    return None


def _appos_text(tok) -> str:
    drop = {y.i for x in tok.children if x.dep_ == "relcl" for y in x.subtree}
    toks = [x for x in tok.subtree if x.i not in drop]
    while toks and toks[-1].is_punct:
        toks = toks[:-1]
    if not toks:
        return ""
    doc, i = tok.doc, toks[0].i
    while i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_:
        i = min(i - 2, doc[i - 2].left_edge.i)  # `co-ordinator` split by the tokenizer into `co`, `-`, `ordinator`
    return doc[i:toks[-1].i + 1].text


ROLE_VERBS = {"be", "head", "lead", "chair", "run", "work", "serve", "represent", "own", "manage", "direct",
              "coach", "teach", "study", "found", "co-found", "oversee", "command", "edit", "advise"}
_PLAIN_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "madam", "sheikh",
                     "begum", "mx"}
_NOT_ROLE = {"and", "but", "or", "earlier", "later", "then", "meanwhile", "also", "now", "still", "yet", "so",
             "however", "instead", "both", "when", "while", "after", "before", "as"}


def _role_prefix(tokens, name_start: int) -> str | None:
    """Title words right before a name (`HWU general secretary`, `Labour minister`), or None: dates,
    places, honorifics and sentence adverbs (`Earlier`, `Wednesday`, `And`) are not a role, and a
    role ends in a role word."""
    words = [t for t in tokens if t.dep_ not in ("det", "punct") and not (t.dep_ == "poss" and t.pos_ == "PRON")]
    keep = []
    for t in reversed(words):
        if t.i != (keep[0].i - 1 if keep else name_start - 1) and not (keep and t.i == keep[0].i - 2 and
                                                                       t.doc[t.i + 1].dep_ == "case"):
            break  # not contiguous with the name
        if t.lower_.rstrip(".") in _PLAIN_HONORIFICS or t.lower_ in _NOT_ROLE or \
                t.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL"):
            break
        keep.insert(0, t)
    while keep and keep[-1].lower_.rstrip(".") in _PLAIN_HONORIFICS:
        keep.pop()
    if not keep or not any(t.lower_ in ROLE_WORDS or t.lower_ in TITLE_WORDS for t in keep):
        return None
    while keep and keep[0].lower_ not in ROLE_WORDS and keep[0].lower_ not in TITLE_WORDS and \
            keep[0].ent_type_ in ("GPE",) and len(keep) > 1 and keep[1].ent_type_ != "GPE":
        keep = keep[1:]  # `Harrogate Mr ...` leaves nothing; `Karachi mayor` keeps its place (single GPE)
    doc = keep[0].doc
    return _clean_role(doc[keep[0].i:keep[-1].i + 1].text)


_ROLE_SUFFIXES = ("ist", "er", "or", "ian", "ant", "ent", "ee", "ive", "man", "woman", "person", "ary")


def _rolelike(role: str | None) -> str | None:
    """The role if it names one (`a crane operator with 22 years at the port`, `chief executive of X`),
    else None (`himself`, `the memory`, `instrumental in ...`)."""
    if not role:
        return None
    words = [w.strip(".,'\u2019s").lower() for w in re.findall(r"[\w'\u2019.-]+", role)]
    head = [w for w in words[:6] if w not in ("the", "a", "an", "its", "his", "her", "their", "of", "and")]
    if any(w in ROLE_WORDS or w in TITLE_WORDS for w in words) or \
            any(len(w) > 4 and w.endswith(_ROLE_SUFFIXES) for w in head[:3]):
        return role
    return None


def _clean_role(role: str | None) -> str | None:
    if not role:
        return None
    role = re.sub(r"\s+", " ", role).strip(" ,.")
    role = re.sub(r"^(who|which|that)\s+(is|was|has been)\s+", "", role)
    role = re.sub(r"^(who|which|that)\s+", "", role)
    return role or None


def _role(ent: Entity | None) -> str | None:
    if ent is None or not ent.roles:
        return None
    return ent.roles[0]


__all__ = ["ArticleQuotes", "Paragraph", "Sentence", "quoted_spans", "is_statement", "first_name_gender"]
