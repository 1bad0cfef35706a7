"""Attributions in one parsed sentence: a cue, the subject who speaks, the content, the addressee.

Works on the dependency parse of a spaCy ``Doc`` that holds one sentence (offsets are
made page offsets by adding the sentence's start). Covers

- clause complements: ``X said (that) ...``, ``..., X said.``, ``X told reporters ...``;
- object complements: ``X urged Y to ...``, ``X accused Y of ...``, ``X denied the report``,
  ``X called on Y to ...``, ``X called the trial "a proud day"``;
- ``according to X, ...`` and ``..., according to X``;
- subjects reached through control and coordination (``declined to say``, ``saying``,
  ``was quoted as saying``), relative clauses (``X, who said ...``) and passive agents;
- intros that end in a colon (``She replied:``), whose content is the quote that follows.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import cues

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
CLIMB_DEPS = ("xcomp", "advcl", "conj", "pcomp", "acl")
RELATIVE = {"who", "which", "that", "whom"}
EXPLETIVE = {"it", "there", "this", "that", "what", "which"}
OBJECT_PRONOUNS = {"him", "her", "them", "us", "me"}
OBJECT_DEPS = {"dobj", "xcomp", "oprd", "attr", "dative", "ccomp", "acomp"}
OBJECT_PREPS = {"of", "on", "upon", "for", "about", "against", "over", "to", "as", "from", "with"}
ADDRESSEE_CUES = {"tell", "inform", "assure", "brief", "warn", "remind", "ask", "urge", "caution"}
PUNCT_EDGE = " ,;:\u2014\u2013-"
# cues that, coordinated with a reported clause, are the speaker's own next act (`... and urged Y to`)
OWN_CONJ_CUES = {"say", "add", "urge", "warn", "call", "tell", "insist", "argue", "accuse", "deny", "reject",
                 "promise", "vow", "pledge", "claim", "demand", "note", "stress", "dismiss", "blame", "appeal",
                 "threaten", "criticize", "criticise", "condemn", "praise", "welcome", "ask", "suggest"}
# objects that report that nothing was said: `said nothing about`, `responded to a request for comment`
EMPTY_OBJECTS = {"nothing", "anything", "little", "none", "request", "requests", "question", "questions"}
MEDIUM_NOUNS = {"statement", "interview", "letter", "post", "tweet", "speech", "release", "email", "message",
                "briefing", "conference", "note", "report", "filing", "video", "broadcast", "column", "op-ed"}
CLOSING_MARKS = "\u201d\"'\u2019\u00bb"
QUOTE_MARKS = {"\u201c", "\u201d", '"', "''", "``", "\u2018", "\u2019", "'", "\u00ab", "\u00bb"}
# what may follow a cue that reports nothing in its own sentence (`X said in a statement on Monday.`)
BARE_DEPS = {"prep", "npadvmod", "advmod", "punct", "prt", "agent"}
# all a comment `as X said` may have besides its subject (`As he put it`, `as Ryan has pointed out`)
AS_DEPS = {"nsubj", "aux", "neg", "advmod", "prt", "punct", "mark", "npadvmod"}
# cues whose object comes with what is said of it (`showed Trump with a lead`, `found them at fault`)
SMALL_CLAUSE_CUES = {"show", "find", "indicate", "suggest"}
# media and occasions a speaker puts words in (`released a video that accuses`, `opened a rally blasting`)
AUTHORED_NOUNS = MEDIUM_NOUNS | {"ad", "advert", "advertisement", "commercial", "rally", "essay", "memo", "petition",
                                 "lawsuit", "suit", "complaint", "motion", "bill", "resolution", "e-mail", "text"}
PAREN_PUNCT = {",", "\u2014", "\u2013", "--", "-"}
# verbs that say the act below them did not happen (`failed to mention`, `neglected to say`)
FAILED_ACTS = {"fail", "neglect", "omit", "forget"}
# cues whose bare infinitive complement is the content (`vowed to fight`, `threatened to quit`)
SELF_CONTENT = {"promise", "pledge", "vow", "threaten", "swear", "guarantee", "propose", "undertake", "commit"}


@dataclass
class Attribution:
    cue: str  # the cue as written ("said", "according to", "called on")
    lemma: str
    cue_start: int  # page offsets
    cue_end: int
    subject: object | None  # spaCy Token of the speaker's head, or None
    content_start: int | None
    content_end: int | None
    addressee: str | None
    sent_start: int  # page offset of the sentence
    doc: object  # the sentence's spaCy Doc
    intro: bool = False  # "X said:" with the content in the quote that follows
    verb_i: int = -1

    @property
    def has_content(self) -> bool:
        return self.content_start is not None and self.content_end is not None


def _subject(v, depth: int = 0):
    """The speaker token of cue verb ``v``: its subject, or its controller's, or the agent."""
    if depth > 4:
        return None
    children = list(v.children)
    subjects = [c for c in children if c.dep_ in SUBJECT_DEPS]
    if len(subjects) > 1 and v.i > 0 and v.doc[v.i - 1].text in CLOSING_MARKS + ",":
        # `"Too many people left," said Maria Lopes`: the quoted words' subject hangs on `said` too;
        # the inverted subject after the cue is the speaker
        after = [c for c in subjects if c.i > v.i]
        if after:
            children = [c for c in children if c.dep_ not in SUBJECT_DEPS or c.i > v.i]
    elif len(subjects) > 1 and all(c.i < v.i for c in subjects) and \
            any(x.text in CLOSING_MARKS for x in v.doc[subjects[-2].i:subjects[-1].i]):
        # `"The citizens paid ...," Marchetti said`: the quoted words' subject hangs on `said` too; the
        # subject after the closing mark is the speaker
        children = [c for c in children if c.dep_ not in SUBJECT_DEPS or c.i == subjects[-1].i]
    for c in children:
        if c.dep_ in SUBJECT_DEPS:
            if c.lower_ in RELATIVE and v.dep_ == "relcl":
                return _author(v.head)
            if c.dep_ == "nsubjpass" and v.lemma_ not in ("quote", "cite"):
                # `X was told that`, `it was said` are not the speaker; `X was quoted as saying` is
                agent = _agent(v)
                return agent
            if c.lower_ in EXPLETIVE and c.dep_ != "csubj" and (
                    c.lower_ != "it" or v.lemma_ in ("seem", "appear", "be")):
                return None  # `there`, `what`, `this shows`, `it seems`; a referential `it said` speaks
            return c
    agent = _agent(v)
    if agent is not None:
        return agent
    if v.i > 0 and v.doc[v.i - 1].is_punct and v.doc[v.i - 1].text in CLOSING_MARKS + "," and v.tag_ != "VBG":
        # `"...?" asked Fatima Bennani`: the small model often parses the inverted speaker as object
        for c in v.children:
            if c.dep_ in ("dobj", "attr", "dative") and c.i > v.i and c.pos_ in ("PROPN", "NOUN"):
                return c
        name = _name_after(v)
        if name is not None:
            return name
    if v.dep_ == "relcl" and v.head.pos_ in ("PROPN", "NOUN"):
        return _author(v.head)
    if depth == 0 and v.dep_ == "ROOT" and v.tag_ != "VBN":
        # `Tuesday in New York, former president Bill Clinton said ...` parsed with the speaker
        # hanging off a fronted phrase: take the noun right before the cue
        j = _noun_before(v)
        if j >= 0 and v.doc[j].pos_ in ("PROPN", "NOUN", "PRON") and v.doc[j].lower_ not in EXPLETIVE:
            return v.doc[j]
    if _is_own_participle(v) and v.head.dep_ == "ccomp" and v.head.head.i != v.head.i and \
            v.head.head.lemma_.lower() in cues.SPEECH:
        return _subject(v.head.head, depth + 1)  # `X said A, adding that B`, parsed with `adding` inside A
    if _is_speakers_own_conj(v) and v.head.dep_ == "ccomp" and v.head.head.i != v.head.i and \
            v.head.head.lemma_.lower() in cues.SPEECH:
        return _subject(v.head.head, depth + 1)  # coordinated with the reported clause, spoken by its speaker
    if _is_speakers_own_conj(v) and v.head.dep_ in ("acl", "relcl", "ccomp", "conj"):
        # `rejected claims that the company had ignored ..., and dismissed ...`: the nearest cue above speaks
        a = v.head
        while a.head is not a and a.i != a.head.i:
            a = a.head
            if a.pos_ == "VERB" and a.lemma_.lower() in cues.SPEECH and a.i < v.i:
                return _subject(a, depth + 1)
    if v.dep_ == "xcomp" and v.head is not v and v.head.lemma_.lower() not in ("promise", "vow", "pledge"):
        objs = [c for c in v.head.children if c.dep_ == "dobj" and c.i < v.i and c.pos_ in ("NOUN", "PROPN", "PRON")]
        if objs:
            return objs[0]  # `led Republicans to say`, `urged officials to confirm`: the object speaks
    if v.dep_ in CLIMB_DEPS and v.head is not v:
        head = v.head
        if v.dep_ == "pcomp" and head.head is not head:  # quoted as saying
            head = head.head
            quoted = [c for c in head.children if c.dep_ == "dobj"]
            if quoted and head.lemma_ in ("quote", "cite"):
                return quoted[0]  # `media quoted X as saying`: X speaks
        if v.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):
            return _author(head)  # `a statement saying`, `officials saying`
        return _subject(head, depth + 1)
    return None


def _name_after(v):
    """The last word of the name right after an inverted cue that the parse gave no subject (`"...," said
    England sevens coach Mike Friday`, with `sevens` taken for a verb), or None: proper nouns before the
    first comma or preposition, a date not counted."""
    doc = v.doc
    last = None
    for j in range(v.i + 1, min(len(doc), v.i + 9)):
        t = doc[j]
        if t.is_punct or t.pos_ in ("ADP", "SCONJ", "CCONJ"):
            break
        if t.pos_ == "PROPN" and (t.ent_type_ not in ("DATE", "TIME") or (last is not None and last.i == j - 1)):
            last = t  # `Mike Friday`: a date word after a name is the surname
    return last


def _noun_before(v) -> int:
    """Index of the word before cue ``v`` that may be its speaker when the parse gives it no subject,
    passing over punctuation, adverbs, an age (`Marcel Lazar, 44, said`), a party tag (`Sen. Elizabeth
    Warren (D-MA) said`) and a phrase set off by commas that ends in an object (`Clinton, without naming
    him, also accused`); -1 if there is none."""
    doc = v.doc
    j = v.i - 1
    for _ in range(3):  # at most three such stretches
        while j >= 0 and (doc[j].is_punct or doc[j].pos_ == "ADV" or (
                doc[j].like_num and doc[j].dep_ == "appos" and j > 0 and doc[j - 1].text == ",")):
            if doc[j].text in QUOTE_MARKS:
                return -1  # never a word of the quoted words before the cue
            j -= 1
        if j < 0:
            return j
        opener = "(" if doc[j + 1].text == ")" else (
            "," if doc[j + 1].text == "," and (doc[j].lower_ in OBJECT_PRONOUNS or doc[j].dep_ in ("dobj", "pobj"))
            else None)
        if opener is None:
            return j
        k = j
        while k >= 0 and doc[k].text != opener and (opener == "," or j - k < 6):
            k -= 1
        if k < 1 or doc[k].text != opener:
            return j
        j = k - 1
    return j


def _author(noun):
    """Who speaks through ``noun`` in `X released a video that accuses ...`, `X emailed a message saying
    ...`: a medium that is the object of somebody's act is that somebody's; otherwise the noun itself
    (`a statement saying`, `officials saying`, `a report that found`)."""
    if noun.lemma_.lower() not in AUTHORED_NOUNS or noun.dep_ not in ("dobj", "pobj"):
        return noun
    verb = noun.head if noun.dep_ == "dobj" else noun.head.head
    if noun.dep_ == "pobj" and (noun.head.dep_ != "prep" or noun.head.lower_ not in ("in", "on", "through", "via")):
        return noun
    if verb.pos_ != "VERB" or verb.i == noun.i:
        return noun
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.lower_ not in EXPLETIVE), None)
    if subj is None:
        return noun
    if subj.lower_ in RELATIVE and verb.dep_ == "relcl":
        return verb.head
    return subj


def _is_own_participle(x) -> bool:
    """`X said A, telling Y that B` / `..., adding that B`: a cue participle after a comma, with no subject
    of its own and a clause of its own, is the speaker's next statement (a second span), not part of
    the reported clause; `..., citing data` stays with it."""
    return x.dep_ == "advcl" and x.tag_ == "VBG" and x.i > 0 and x.doc[x.i - 1].text == "," and \
        (x.lemma_.lower() in cues.SPEECH or cues.lemma_of(x.lower_) is not None) and \
        not any(c.dep_ in SUBJECT_DEPS for c in x.children) and any(c.dep_ == "ccomp" for c in x.children)


def _is_speakers_own_conj(x) -> bool:
    """A cue verb coordinated inside a reported clause without a subject of its own."""
    return x.dep_ == "conj" and x.pos_ == "VERB" and (x.lemma_.lower() in OWN_CONJ_CUES) and \
        not any(c.dep_ in SUBJECT_DEPS for c in x.children)


def _agent(v):
    for c in v.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None


def _span(tokens) -> tuple[int, int] | None:
    toks = [t for t in tokens]
    if not toks:
        return None
    start = min(t.idx for t in toks)
    end = max(t.idx + len(t.text) for t in toks)
    return start, end


def _trim(doc, start: int, end: int, strip_mark: bool = True) -> tuple[int, int] | None:
    text = doc.text
    changed = True
    while changed and start < end:
        changed = False
        while start < end and text[start] in PUNCT_EDGE:
            start += 1
            changed = True
        while end > start and text[end - 1] in PUNCT_EDGE + ".":
            if text[end - 1] == "." and end - 2 >= start and text[end - 2].isupper():
                break  # U.S.
            end -= 1
            changed = True
        if strip_mark:
            for mark in ("that ", "whether ", "That "):
                if text.startswith(mark, start) and end - start > len(mark) + 3:
                    start += len(mark)
                    changed = True
    return (start, end) if end > start else None


def _subtree_span(tok, exclude=()) -> tuple[int, int]:
    excluded = set()
    for e in exclude:
        excluded.update(t.i for t in e.subtree)
    toks = [t for t in tok.subtree if t.i not in excluded]
    return _span(toks)


def _content(v, lemma: str, subject):
    """Character span (in the sentence doc) of what ``v`` attributes, or None."""
    doc = v.doc
    ccomps = [c for c in v.children if c.dep_ == "ccomp"]
    # `said on Sunday that ...` / `told reporters that ...`
    if ccomps:
        # `Carson said he saw ..., telling X that "A, B"`: the clause right after the cue, when the small
        # model hangs a second one on it; `A; he says B`: the one after it, not the sentence before
        right = [c for c in ccomps if c.i > v.i]
        c = min(right, key=lambda c: c.i) if len(right) > 1 else (
            right[0] if right else max(ccomps, key=lambda c: len(list(c.subtree))))
        excluded = [t for t in [subject] if t is not None and t in c.subtree]
        # `said the offer was 'an insult' and urged members to reject it`: the second cue is the speaker's
        excluded += [x for x in c.children if _is_speakers_own_conj(x) or _is_own_participle(x)]
        excluded += [x for x in c.children if x.dep_ == "cc" and any(
            _is_speakers_own_conj(y) and y.i > x.i for y in c.children)]
        if c.i > v.i and any(t.i < v.i for t in c.subtree):
            # `a bill, which critics said was discriminatory`: the relative pronoun before the cue is not
            # part of what was said; the content is the clause after the cue
            excluded += [t for t in c.subtree if t.i < v.i]
        span = _subtree_span(c, exclude=excluded)
        return _trim(doc, *span) if span else None
    # `said in a statement that ...`, `told a news conference that ...`: the small model hangs the
    # clause on the noun; a clause with the complementiser `that` (a `mark`) is no relative clause
    for c in v.children:
        if c.i < v.i:
            continue
        if c.dep_ in ("dobj", "dative"):
            # not `rejected claims that ...`: there the claim itself is what is rejected
            nouns = [c] if c.lower_ not in cues.NOUN_FORMS and c.lower_ not in ("report", "reports", "suggestions") else []
        elif c.dep_ == "prep":
            nouns = [n for n in c.children if n.dep_ == "pobj" and n.lower_ in MEDIUM_NOUNS]
        else:
            continue
        for n in nouns:
            for cl in n.children:
                if cl.dep_ in ("acl", "ccomp", "relcl") and cl.i > n.i and any(
                        g.dep_ == "mark" and g.lower_ == "that" for g in cl.children):
                    span = _subtree_span(cl)
                    return _trim(doc, *span) if span else None
    # `told the audience at his fundraiser for veterans that ...`, `telling her in a debate that ...`: the
    # small model hangs the that-clause on a noun of the cue's object or adjunct
    deep = _deep_that_clause(v, lemma)
    if deep is not None:
        return deep
    # `The bigger risk, he said, is a clash`: the attribution sits inside the reported sentence
    par = _parenthetical(v, subject)
    if par is not None:
        return par
    # `As Ryan has pointed out, that is the definition of racism` / `..., as Sanders noted`
    as_clause = _as_clause(v, lemma, subject)
    if as_clause is not None:
        return as_clause
    # `..., X said.` parsed with the reported clause as the head of `said`
    if v.dep_ in ("parataxis", "ccomp", "conj", "advcl") and v.head.i < v.i and subject is not None \
            and subject.head is v:
        head = v.head
        left = [t for t in head.subtree if t.i < v.left_edge.i]
        right = [t for t in head.subtree if t.i > v.right_edge.i]
        if left:
            span = _span(left)
            if right and doc[v.right_edge.i + 1].text == "," and sum(1 for t in right if not t.is_punct) >= 2:
                span = _span(left + right)  # `The bigger risk, he said, is a clash`: both sides
            return _trim(doc, *span) if span else None
    # `CLAUSE, the institute said on Sunday.` parsed without a clause complement
    if subject is not None and subject.i > 0 and v.i > subject.i and not any(
            c.dep_ in ("dobj", "xcomp") and c.i > v.i for c in v.children):
        left = subject.left_edge.i
        if left > 1 and doc[left - 1].text in (",", "\u2014", "\u2013", "-") and not any(
                t.lower_ in ("but", "and", "or", "while", "when", "if", "because", "as", "after") and t.i == left - 2
                for t in doc):
            start_tok = doc[0]
            end_char = doc[left - 1].idx
            right = v.right_edge.i + 1
            if right < len(doc) - 1 and doc[right].text == "," and \
                    sum(1 for t in doc[right + 1:] if not t.is_punct) >= 3:
                end_char = len(doc.text)  # `Over the years, she said, email has helped her ...`
            span = _trim(doc, start_tok.idx, end_char, strip_mark=False)
            tops = [t for t in doc[:left - 1] if not (0 <= t.head.i < left - 1) or t.head.i == t.i]
            has_clause = any(t.pos_ in ("VERB", "AUX") and any(c.dep_ in SUBJECT_DEPS + ("expl",) for c in t.children)
                             for t in tops) or end_char == len(doc.text)
            if span and has_clause:
                return span
    rights = [c for c in v.children if c.i > v.i]
    if lemma in cues.INTENT_CUES:
        xs = [c for c in rights if c.dep_ == "xcomp"]
        if xs:
            return _trim(doc, *_subtree_span(xs[0]), strip_mark=False)
    negated = any(c.dep_ == "neg" for c in v.children)
    if (lemma in cues.DOBJ_CUES or lemma in cues.PREP_CUES) and not negated:
        xs = [c for c in rights if c.dep_ == "dobj" and lemma in cues.DOBJ_CUES] + \
             [c for c in rights if c.dep_ == "prep" and c.lower_ in ("to", "about", "of", "for", "with", "on")
              and lemma in cues.PREP_CUES and any(g.dep_ in ("pobj", "pcomp") for g in c.children)]
        if xs:
            x = xs[0]
            if x.dep_ == "prep":
                x = next(g for g in x.children if g.dep_ in ("pobj", "pcomp"))
            toks = list(x.subtree)
            if x.dep_ == "dobj" and lemma in SMALL_CLAUSE_CUES:
                # `polls show Clinton with a double-digit lead`: the object and what is said of it
                toks += [t for c in rights if c.i > x.i and c.dep_ in ("prep", "oprd", "xcomp", "acomp")
                         and (c.dep_ != "prep" or c.lower_ in ("with", "at", "in", "as", "ahead", "behind"))
                         for t in c.subtree]
            span = _span(toks)
            if x.lower_.endswith(("self", "selves")):
                span = None  # `found himself in an awkward position`: no finding
            if lemma == "find" and x.dep_ == "dobj" and any(
                    c.dep_ in ("acl", "relcl") and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
                    for c in x.children):
                span = None  # `has found a way to broadcast data`, `found time to talk`: no finding
            if xs[0].dep_ == "prep" and (x.ent_type_ == "PERSON" or x.lower_ in OBJECT_PRONOUNS):
                span = None  # `responding to Julian Lewis, who said ...`: whom, not what, is answered
            if span and sum(1 for t in toks if not t.is_punct) >= 2 and x.lower_ not in EMPTY_OBJECTS and \
                    not any(t.lower_ in ("comment", "comments") for t in x.subtree):
                return _trim(doc, *span, strip_mark=False)
    if lemma in cues.CLAUSE_ONLY:
        return None
    if lemma in cues.OBJECT_CUES:
        parts = []
        for c in v.children:
            if c.dep_ == "advcl" and not parts and any(g.dep_ == "mark" and g.lower_ == "for" and g.i == v.i + 1
                                                        for g in c.children):
                parts.append(c)  # `called for all candidates to lay out ...`: `for` read as a subordinator
                continue
            if c.i < v.i or c.dep_ in ("punct", "cc", "advcl", "npadvmod", "advmod", "neg", "aux", "auxpass"):
                continue
            if c.dep_ == "prep" and any(g.lemma_.lower() in ("condition", "anonymity") for g in c.children):
                continue  # `spoke on condition of anonymity`: no content
            if c.dep_ == "prep" and parts and any(g.ent_type_ in ("DATE", "TIME") for g in c.children):
                continue  # `endorsed Clinton on Tuesday`: when, not what
            # `spoke to reporters`: not every cue's prepositional object is content
            if c.dep_ in OBJECT_DEPS or (c.dep_ == "prep" and c.lower_ in cues.CONTENT_PREPS.get(lemma, OBJECT_PREPS)
                                         and lemma != "say"):
                if c.dep_ == "dative" or (lemma in ADDRESSEE_CUES and c.dep_ == "dobj" and
                                          any(x.dep_ in ("xcomp", "ccomp") for x in v.children)):
                    if lemma in ("tell", "inform", "assure", "brief", "remind"):
                        continue  # the addressee is not the content
                parts.append(c)
            elif parts:
                break
        if not parts:
            return None
        if all(p.dep_ == "xcomp" for p in parts) and lemma not in SELF_CONTENT:
            return None  # `declined to comment`, `asked not to be named`: no statement
        if lemma == "call" and any(p.lower_.endswith(("self", "selves")) for p in parts) and \
                any(p.dep_ in ("oprd", "attr", "dobj") and p.pos_ == "PROPN" for p in parts):
            return None  # `a group calling itself the Islamic Front`: a name it goes by, no statement
        # `warned of "serious consequences" if ...`: the condition belongs to the warning
        parts += [c for c in v.children if c.dep_ == "advcl" and c.i > parts[-1].i and any(
            g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in c.children)]
        first = min(parts, key=lambda p: p.i)
        start = first.left_edge.idx
        if first.left_edge.i + 1 < len(doc) and ((first.dep_ == "prep" and first.i == first.left_edge.i) or (
                first.dep_ == "advcl" and first.left_edge.lower_ == "for")):
            start = doc[first.left_edge.i + 1].idx  # `of ...`, `for ...`: the content starts after it
        # a coordinated cue of the speaker's own (`rejected claims ..., and dismissed ...`) is not content
        own = [t for p in parts for t in p.subtree if _is_speakers_own_conj(t) and t.head.i != v.i]
        toks = [t for p in parts for t in p.subtree if not any(o.left_edge.i <= t.i <= o.right_edge.i for o in own)]
        if own:
            cut = min(o.left_edge.i for o in own)
            toks = [t for t in toks if t.i < cut]
            while toks and (toks[-1].is_punct or toks[-1].dep_ == "cc"):
                toks.pop()
        if not toks:
            return None
        last = max(toks, key=lambda t: t.i)
        end = last.idx + len(last.text)
        words = [t for t in doc if start <= t.idx < end and not t.is_punct]
        if len(words) < 2 and not (lemma in cues.NAME_OBJECT_CUES and words and words[0].pos_ == "PROPN"):
            return None  # but `endorsed Clinton` names who is endorsed
        return _trim(doc, start, end, strip_mark=False)
    return None


def _deep_that_clause(v, lemma: str) -> tuple[int, int] | None:
    """A clause opened by the complementiser `that` below the cue's object or prepositional phrase, with
    only nouns and prepositions between it and the cue (no verb of its own in between)."""
    if lemma in cues.WEAK or lemma not in cues.SPEECH:
        return None
    for c in v.subtree:
        if c.i <= v.i or c.dep_ not in ("relcl", "acl", "ccomp", "advcl") or c.head.i == v.i:
            continue
        mark = c.left_edge
        if mark.lower_ != "that" or mark.dep_ != "mark" or mark.head.i != c.i:
            continue
        h = c.head
        if h.lower_ in cues.NOUN_FORMS or h.lower_ in ("report", "reports", "suggestions", "idea", "notion"):
            return None  # `rejected claims that ...`: the claim is what is rejected
        while h.i != v.i and h.pos_ in ("NOUN", "PROPN", "PRON", "ADP", "NUM") and h.head.i != h.i:
            h = h.head
        if h.i != v.i:
            continue
        span = _subtree_span(c)
        return _trim(v.doc, *span) if span else None
    return None


def _as_clause(v, lemma: str, subject) -> tuple[int, int] | None:
    """`As X has pointed out, CLAUSE` / `CLAUSE, as X noted`: the clause the `as`-attribution comments on."""
    if subject is None or v.dep_ != "advcl" or subject.head.i != v.i or subject.i > v.i:
        return None
    mark = [c for c in v.children if c.dep_ == "mark"]
    if not mark or mark[0].lower_ != "as" or mark[0].i != v.left_edge.i:
        return None
    if lemma in cues.WEAK or lemma in cues.INTENT_CUES or not all(
            c.dep_ in AS_DEPS or (c.dep_ == "dobj" and c.lower_ == "it") or
            (c.dep_ == "prep" and c.lower_ in ("in", "on", "at", "during")) for c in v.children):
        return None  # `as Trump called for a boycott`, `as Republicans continue to warn`: `as` means while
    head = v.head
    if head.pos_ not in ("VERB", "AUX"):
        return None
    lo, hi = v.left_edge.i, v.right_edge.i
    toks = [t for t in head.subtree if not (lo <= t.i <= hi) and not t.is_punct]
    nested = {t.i for c in head.children if not (lo <= c.i <= hi) and c.dep_ in ("advcl", "conj", "parataxis")
              and any(_own_attribution(x) for x in c.subtree) for t in c.subtree}
    toks = [t for t in toks if t.i not in nested]
    # the clause on one side of the `as` phrase
    side = [t for t in toks if t.i > hi] if lo <= head.left_edge.i + 1 else [t for t in toks if t.i < lo]
    if sum(1 for t in side if t.is_alpha) < 3:
        return None
    span = _span(side)
    return _trim(v.doc, *span, strip_mark=False) if span else None


def _parenthetical(v, subject) -> tuple[int, int] | None:
    """The reported sentence around a parenthetical attribution set off by commas or dashes
    (`Now, she said, the two groups rarely meet.`, `Take action early, they said, and you risk ...`):
    the whole clause, the parenthetical included, as one span. Not for split direct quotes
    (`"A," he said, "B."`), whose quoted parts are separate statements."""
    if subject is None or v.dep_ not in ("parataxis", "advcl", "conj", "ccomp") or v.head.i == v.i \
            or subject.i > v.i or subject.head.i != v.i:
        return None
    doc = v.doc
    lo = min([subject.left_edge.i] + [c.i for c in v.children if c.dep_ == "mark" and c.i < subject.i])
    # the parenthetical ends after the cue's own words (`the airline added, and had passed ...`: the small
    # model may coordinate the rest of the reported clause with the cue; that part is not the cue's)
    coordinated = {t.i for c in v.children if c.i > v.i and c.dep_ in ("conj", "cc") for t in c.subtree}
    own = [t.i for t in v.subtree if not t.is_punct and t.i not in coordinated]
    close = max(own) + 1
    if close - lo > 12 or lo < 2 or close + 2 >= len(doc) or doc[close].text not in PAREN_PUNCT:
        return None
    if any(not (lo <= t.head.i <= close or t.head.i == v.head.i) for t in doc[lo:close]) or any(
            c.dep_ in ("ccomp", "dobj", "xcomp", "oprd", "mark") and c.i > v.i for c in v.children):
        return None  # not one self-contained `X said` phrase (`In a statement, X said that A, B` is not one)
    if doc[lo - 1].text not in PAREN_PUNCT or (doc[close].text == ",") != (doc[lo - 1].text == ","):
        return None  # set off by a pair of commas or a pair of dashes
    if doc[lo - 2].text in QUOTE_MARKS or doc[close + 1].text in QUOTE_MARKS:
        return None  # `"A," he said, "B."`
    head = v.head
    # a clause of its own after the parenthetical (`- although she admitted that ...`) is not this content
    nested = {t.i for c in list(head.children) + list(v.children) if c.i > close and c.dep_ in ("advcl", "conj", "parataxis")
              and any(_own_attribution(x) for x in c.subtree) for t in c.subtree}
    # the reported clause, and what the small model coordinated with the cue (`..., the airline added, and
    # had passed all checks`), but not the cue's own adjuncts (`..., the minister said, citing costs`)
    scope = {t.i for t in head.subtree} | {t.i for c in v.children if c.i > close and c.dep_ in ("conj", "cc")
                                           for t in c.subtree}
    outside = [doc[i] for i in sorted(scope) if not (lo - 1 <= i <= close) and i not in nested]
    left = [t for t in outside if t.i < lo and not t.is_punct]
    right = [t for t in outside if t.i > close and not t.is_punct]
    if v.head.i < v.i and right:
        # `X will end this year, the office said, a reversal of ...`: what follows must go on with the clause
        first = right[0]
        if first.pos_ in ("DET", "NOUN", "PROPN", "NUM", "ADJ", "PUNCT", "X", "SYM") and first.lower_ not in RELATIVE:
            return None
    if not left or len(right) < 2 or len(left) + len(right) < 4:
        return None
    span = _span(left + right)
    return _trim(doc, *span, strip_mark=False) if span else None


def _shares_subject(v, subject) -> bool:
    """The cue is its subject's own act through coordination or a participle (`X met Y and called
    him ...`, `X pushed back, calling it ...`), not through a control verb (`videos appeared to show`)."""
    h = v
    for _ in range(4):
        if h.dep_ == "conj" or (h.dep_ == "advcl" and h.tag_ == "VBG" and h.i > 0 and h.doc[h.i - 1].text == ","):
            h = h.head
        else:
            return False
        if any(c.i == subject.i for c in h.children):
            return subject.dep_ in ("nsubj", "nsubjpass") and subject.head.i == h.i
    return False


def _own_attribution(x) -> bool:
    """A cue verb with a subject of its own (`she admitted`, `officials say`)."""
    if x.pos_ != "VERB" or (x.lemma_.lower() not in cues.SPEECH and cues.lemma_of(x.lower_) is None):
        return False
    holders = [x, x.head] if x.dep_ == "conj" else [x]  # `she laughed and admitted ...`
    return any(c.dep_ in ("nsubj", "nsubjpass") for h in holders for c in h.children)


def _addressee(v, lemma: str) -> str | None:
    for c in v.children:
        if (c.dep_ in ("dative", "dobj") and lemma in ADDRESSEE_CUES) or \
                (c.dep_ == "prep" and c.lower_ == "to" and lemma in ("say", "speak", "explain", "write", "announce")):
            target = c
            if c.dep_ == "prep":
                objs = [g for g in c.children if g.dep_ == "pobj"]
                if not objs:
                    continue
                target = objs[0]
            if target.pos_ not in ("NOUN", "PROPN", "PRON"):
                continue
            # the noun with its left modifiers: `reporters`, `Arab News`, `a news conference`
            toks = [t for t in target.subtree if t.i <= target.i and t.dep_ not in ("punct",)]
            start = toks[0].i
            return doc_text(v.doc, start, target.i + 1)
    return None


def marks_chars() -> str:
    from .marks import DOUBLE

    return DOUBLE


def doc_text(doc, i: int, j: int) -> str:
    return doc[i:j].text


def _phrase(v, lemma: str) -> tuple[str, int, int]:
    """The cue as written, with its particle or preposition (`called on`, `pointed out`)."""
    end_tok = v
    for c in v.children:
        if c.i == v.i + 1 and ((c.dep_ == "prt") or (lemma == "call" and c.lower_ in ("on", "for"))):
            end_tok = c
    return v.doc[v.i:end_tok.i + 1].text, v.idx, end_tok.idx + len(end_tok.text)


def find(doc, sent_start: int = 0) -> list[Attribution]:
    """Every attribution in a parsed one-sentence ``doc``."""
    out: list[Attribution] = []
    for tok in doc:
        lw = tok.lower_
        if lw == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            att = _according(tok, sent_start)
            if att:
                out.append(att)
            continue
        if tok.pos_ == "NOUN" and lw in cues.NOUN_FORMS:
            att = _nominal(tok, cues.NOUN_FORMS[lw], sent_start)
            if att:
                out.append(att)
            continue
        lemma = tok.lemma_.lower() if tok.lemma_ else ""
        if lemma not in cues.SPEECH:
            lemma = cues.lemma_of(lw) or ""
            if lemma not in cues.SPEECH:
                continue
        if tok.pos_ not in ("VERB", "AUX") or tok.dep_ in ("amod", "compound", "nmod"):
            continue
        misread = tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i < tok.i and (
            tok.head.dep_ == "ROOT" or (tok.head.i == tok.i - 1 and tok.i >= 2 and doc[tok.i - 2].text in QUOTE_MARKS))
        # `The commissioner called on ...` read as a noun phrase with no verb; `"...," Trump barked` read as
        # a name with a participle
        if tok.tag_ == "VBN" and tok.dep_ in ("acl", "advcl", "ROOT", "conj") and not misread and \
                not any(c.dep_ in ("agent", "nsubj", "nsubjpass", "auxpass", "aux") for c in tok.children) and \
                not (tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX") and tok.head.tag_ != "VBN"
                     and any(c.dep_ == "ccomp" for c in tok.children)):
            # `the plan announced last week`, `Asked whether ..., she replied`; but `X called on Y to ... and
            # said Z` (a past tense the small model tags as a participle) reports Z
            continue
        if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in FAILED_ACTS:
            continue  # `failing to announce any details`: nothing was said (`refused to rule out` is a stance)
        subject = _subject(tok)
        if subject is None:
            continue
        if lemma in cues.WEAK and subject.pos_ == "PRON" and subject.lower_ in ("it",):
            continue
        if lemma in cues.WEAK and subject.head.i != tok.i and not (misread and subject.i == tok.head.i) \
                and not _shares_subject(tok, subject):
            continue  # `videos appeared to show ...`: a weak cue needs a subject of its own
        span = _content(tok, lemma, subject)
        phrase, cs, ce = _phrase(tok, lemma)
        if span is None:
            # `She replied:` / `X said in a statement:` introducing a quote that follows
            rest = doc.text[ce:].rstrip()
            if rest.endswith(":") and not any(ch in rest for ch in "\u201c\"") and len(rest) < 80:
                out.append(Attribution(phrase, lemma, sent_start + cs, sent_start + ce, subject, None, None,
                                       _addressee(tok, lemma), sent_start, doc, intro=True, verb_i=tok.i))
            elif any(ch in doc.text for ch in marks_chars()):
                # `"A," said X, "B."`: no content of its own, but it attributes the quotes around it
                out.append(Attribution(phrase, lemma, sent_start + cs, sent_start + ce, subject, None, None,
                                       _addressee(tok, lemma), sent_start, doc, verb_i=tok.i))
            elif ":" in doc.text[ce:ce + 60]:
                colon = doc.text.index(":", ce)
                after = _trim(doc, colon + 1, len(doc.text), strip_mark=False)
                if after:
                    out.append(Attribution(phrase, lemma, sent_start + cs, sent_start + ce, subject,
                                           sent_start + after[0], sent_start + after[1],
                                           _addressee(tok, lemma), sent_start, doc, verb_i=tok.i))
            elif lemma not in cues.WEAK and all(
                    c.dep_ in BARE_DEPS or (c.dep_ in ("dobj", "dative") and lemma in ADDRESSEE_CUES)
                    for c in tok.children if c.i > tok.i):
                # `X said in a statement.` / `X told reporters.` before a quote: nothing reported in the
                # sentence itself, but the quotes that follow in the paragraph are X's
                out.append(Attribution(phrase, lemma, sent_start + cs, sent_start + ce, subject, None, None,
                                       _addressee(tok, lemma), sent_start, doc, verb_i=tok.i))
            continue
        s, e = span
        if s <= tok.idx < e and not (lemma in cues.OBJECT_CUES) and _parenthetical(tok, subject) is None:
            continue
        if subject.i > tok.i and s <= subject.left_edge.idx and (
                subject.idx < e or not doc.text[e:subject.left_edge.idx].strip()):
            # `"...," said England sevens coach Mike Friday` misparsed as a clause: the speaker is no content
            out.append(Attribution(phrase, lemma, sent_start + cs, sent_start + ce, subject, None, None,
                                   _addressee(tok, lemma), sent_start, doc, verb_i=tok.i))
            continue
        out.append(Attribution(phrase, lemma, sent_start + cs, sent_start + ce, subject, sent_start + s,
                               sent_start + e, _addressee(tok, lemma), sent_start, doc, verb_i=tok.i))
    return _drop_nested_controls(out)


def _nominal(tok, lemma: str, sent_start: int) -> Attribution | None:
    """`the minister's claim that ...`, `a call by the UN for a ceasefire`, `his warning that ...`:
    the speaker is the possessor or the `by`/`from` agent, the content the that-clause (or the
    `for`/`of`/`on` object of a call, demand or criticism)."""
    doc = tok.doc
    speaker = None
    for c in tok.children:
        if c.dep_ == "poss":
            speaker = c
        elif c.dep_ == "prep" and c.lower_ in ("by", "from") and speaker is None:
            speaker = next((g for g in c.children if g.dep_ == "pobj"), None)
    if speaker is None:
        return None
    content = None
    for c in tok.children:
        if c.i < tok.i:
            continue
        if c.dep_ in ("acl", "ccomp") and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children):
            toks = list(c.subtree)
            head = tok.head
            if tok.dep_ in ("nsubj", "nsubjpass") and head.i > tok.i:
                # `X's claim that A was questioned`: the clause ends before the verb the noun is subject of
                stop = min([head.i] + [a.i for a in head.children if a.dep_ in ("aux", "auxpass") and a.i > tok.i])
                toks = [t for t in toks if t.i < stop]
            if toks:
                content = _trim(doc, *_span(toks))
            break
        if c.dep_ == "acl" and c.tag_ == "VB" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children) and \
                cues.NOUNS.get(lemma) in ("urge", "promise", "warn"):
            content = _trim(doc, *_subtree_span(c), strip_mark=False)  # `his pledge to cut taxes`
            break
        if c.dep_ == "prep" and c.lower_ in ("for", "of", "on", "against") and \
                cues.NOUNS.get(lemma) in ("urge", "accuse", "condemn", "welcome", "deny"):
            objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if objs and sum(1 for t in objs[0].subtree if not t.is_punct) >= 2:
                content = _trim(doc, *_subtree_span(objs[0]), strip_mark=False)
                break
    if not content:
        return None
    return Attribution(tok.text, lemma, sent_start + tok.idx, sent_start + tok.idx + len(tok.text), speaker,
                       sent_start + content[0], sent_start + content[1], None, sent_start, doc, verb_i=tok.i)


def _according(tok, sent_start: int) -> Attribution | None:
    doc = tok.doc
    to = doc[tok.i + 1]
    objs = [c for c in to.children if c.dep_ == "pobj"]
    source = objs[0] if objs else (doc[tok.i + 2] if tok.i + 2 < len(doc) else None)
    if source is None:
        return None
    phrase_toks = set(t.i for t in tok.subtree) | set(t.i for t in to.subtree) | {tok.i, to.i}
    comma = next((t.i for t in doc[to.i + 1:to.i + 14] if t.text == ","), None)
    if comma is not None and all(t.is_punct for t in doc[:tok.i]) and max(phrase_toks) < comma - 1:
        # `According to blog analysis firm Technorati, ...` misparsed (`blog` a verb): the opening phrase runs
        # to its comma, and its last name is the source
        phrase_toks |= set(range(to.i + 1, comma))
        names = [t for t in doc[to.i + 1:comma] if t.pos_ == "PROPN"]
        source = names[-1] if names else doc[comma - 1]
    lo, hi = min(phrase_toks), max(phrase_toks)
    before = _trim(doc, 0, doc[lo].idx, strip_mark=False) if lo > 0 else None
    after = _trim(doc, doc[hi].idx + len(doc[hi].text), len(doc.text), strip_mark=False) if hi + 1 < len(doc) else None
    # the content is the larger side; a phrase at the start governs what follows it
    if before and after:
        span = before if (before[1] - before[0]) >= (after[1] - after[0]) else after
    else:
        span = before or after
    if not span:
        return None
    j = lo - 1
    while j >= 0 and doc[j].is_punct:
        j -= 1
    if j >= 0 and (_own_attribution(doc[j]) or (doc[j].dep_ in SUBJECT_DEPS and _own_attribution(doc[j].head))):
        return None  # `"A," Welch said, according to Vermont Edition`: the outlet reports Welch's attribution
    return Attribution("according to", "according to", sent_start + tok.idx, sent_start + to.idx + len(to.text),
                       source, sent_start + span[0], sent_start + span[1], None, sent_start, doc, verb_i=tok.i)


def _drop_nested_controls(atts: list[Attribution]) -> list[Attribution]:
    """`declined to say X`: keep the inner `say`, drop `declined` whose content is `to say X`."""
    keep = []
    for a in atts:
        inner = [b for b in atts if b is not a and b.has_content and a.has_content
                 and a.content_start <= b.cue_start < a.content_end
                 and b.doc[b.verb_i].head.i == a.verb_i and b.doc[b.verb_i].dep_ == "xcomp"]
        if not inner:
            keep.append(a)
    return keep
