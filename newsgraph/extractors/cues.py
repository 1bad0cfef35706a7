"""The lexicon of attribution cues: verbs and phrases of saying, claiming, denying,
accusing, urging, warning, promising, believing and reporting.

Each cue lemma maps to a stance (used later for claims) and to whether its content is
usually a clause (``said that ...``) or an object (``urged X to ...``, ``denied the
report``). Inflected forms are generated once so that candidate sentences can be found
by a plain set lookup on lowercase tokens, before any statistical model runs.

The lexicon was assembled from news style guides and the cue distribution of the
PolNeAR training split (counts of annotated cues, not sentences).
"""
from __future__ import annotations

# lemma -> stance
# manners of saying, next to the words they report (`"Go back to Univision," Trump barked`): cues only with a
# clause or a quote (CLAUSE_ONLY below)
MANNER = {
    "bark": "assert", "snap": "assert", "thunder": "assert", "scoff": "deny", "sneer": "accuse", "growl": "assert",
    "sigh": "assert", "gush": "welcome", "marvel": "assert", "muse": "assert", "mutter": "assert",
    "murmur": "assert", "whisper": "assert", "scream": "assert", "yell": "assert", "exclaim": "assert",
    "tease": "assert", "gripe": "accuse", "grumble": "accuse", "fume": "accuse", "holler": "assert",
    "interject": "assert", "counter": "deny", "laugh": "assert", "chuckle": "assert", "cry": "assert",
}
SPEECH = {
    # neutral saying / asserting
    "say": "assert", "tell": "assert", "add": "assert", "state": "assert", "declare": "assert",
    "announce": "assert", "confirm": "assert", "claim": "assert", "assert": "assert", "insist": "assert",
    "maintain": "assert", "argue": "assert", "contend": "assert", "note": "assert", "observe": "assert",
    "remark": "assert", "comment": "assert", "explain": "assert", "stress": "assert", "emphasize": "assert",
    "emphasise": "assert", "point": "assert", "reiterate": "assert", "repeat": "assert", "recall": "assert",
    "write": "assert", "tweet": "assert", "post": "assert", "report": "assert", "reveal": "assert",
    "disclose": "assert", "indicate": "assert", "suggest": "assert", "acknowledge": "assert",
    "admit": "assert", "concede": "assert", "estimate": "assert", "predict": "assert", "forecast": "assert",
    "reply": "assert", "respond": "assert", "answer": "assert", "retort": "assert", "continue": "assert",
    "testify": "assert", "conclude": "assert", "agree": "assert", "mention": "assert", "describe": "assert",
    "inform": "assert", "brief": "assert", "assure": "assert", "boast": "assert", "joke": "assert",
    "quip": "assert", "complain": "assert", "lament": "assert", "concur": "assert", "specify": "assert",
    "clarify": "assert", "signal": "assert", "hint": "assert", "allege": "accuse", "charge": "accuse",
    "find": "assert", "show": "assert", "read": "assert", "put": "assert",
    "ask": "question", "question": "question", "wonder": "question", "inquire": "question",
    "cite": "assert", "quote": "assert", "echo": "assert", "forewarn": "warn",
    # denying / rejecting
    "deny": "deny", "reject": "deny", "dismiss": "deny", "refute": "deny", "dispute": "deny",
    "rebut": "deny", "contradict": "deny", "decline": "deny", "refuse": "deny", "disagree": "deny",
    "challenge": "deny", "contest": "deny",
    # accusing / condemning / praising
    "accuse": "accuse", "blame": "accuse", "criticize": "accuse", "criticise": "accuse", "attack": "accuse",
    "slam": "accuse", "blast": "accuse", "condemn": "condemn", "denounce": "condemn", "decry": "condemn",
    "welcome": "welcome", "praise": "welcome", "hail": "welcome", "applaud": "welcome", "thank": "welcome",
    "call": "urge", "urge": "urge", "demand": "urge", "appeal": "urge", "request": "urge", "press": "urge",
    "implore": "urge", "plead": "urge", "recommend": "urge", "propose": "urge", "advise": "urge",
    "instruct": "urge", "order": "urge", "invite": "urge",
    "warn": "warn", "caution": "warn", "threaten": "warn", "fear": "warn",
    "promise": "promise", "pledge": "promise", "vow": "promise", "commit": "promise", "guarantee": "promise",
    "swear": "promise", "undertake": "promise",
    # belief and intention (counted as attributions by PolNeAR)
    "believe": "believe", "think": "believe", "expect": "believe", "hope": "believe", "feel": "believe",
    "doubt": "believe", "suspect": "believe", "worry": "believe", "know": "believe", "learn": "believe",
    "want": "believe", "plan": "believe", "intend": "believe",
    # stances stated in public (derived from the PolNeAR training split: cues annotated in at least half
    # of their verb uses there, kept where they are acts of communication)
    "express": "assert", "defend": "assert", "refer": "assert", "tout": "welcome", "mock": "accuse",
    "highlight": "assert", "advocate": "urge", "portray": "assert", "endorse": "welcome", "oppose": "deny",
    "allude": "assert", "reaffirm": "assert", "lambast": "accuse", "ridicule": "accuse",
    # rulings and findings
    "rule": "assert", "decide": "assert", "determine": "assert",
    # acts of communication and public stances that the PolNeAR training split annotates in at least a
    # third of their uses with a subject (measured with newsgraph's own extraction, not by sentence)
    "discuss": "assert", "remind": "assert", "imply": "assert", "shout": "assert", "chant": "assert",
    "voice": "assert", "rail": "accuse", "reference": "assert", "speak": "assert", "persuade": "urge",
    "convince": "urge",
    **MANNER,
}
MANNER_CUES = set(MANNER)
# of these, the ones whose object is the content (`voiced concern about`, `spoke about the plan`)
STANCE_OBJECT_CUES = {"discuss", "remind", "imply", "shout", "chant", "voice", "rail", "reference", "speak",
                      "persuade", "convince"}

# object-taking cues: the content is what follows the verb (`urged both sides to ...`,
# `denied the allegations`, `accused Y of ...`) even without a that-clause
OBJECT_CUES = {
    "accuse", "blame", "criticize", "criticise", "attack", "slam", "blast", "condemn", "denounce", "decry",
    "welcome", "praise", "hail", "applaud", "thank", "call", "urge", "demand", "request",
    "press", "implore", "plead", "recommend", "propose", "advise", "instruct", "invite",
    "deny", "reject", "dismiss", "refute", "dispute", "rebut", "contradict", "decline", "refuse",
    "challenge", "contest", "warn", "caution", "threaten", "promise", "pledge", "vow", "ask",
    "announce", "confirm", "describe", "predict", "estimate", "allege", "acknowledge", "admit", "cite",
    "question", "reveal", "disclose", "express", "defend", "refer", "tout", "mock", "highlight", "advocate",
    "portray", "endorse", "oppose", "allude", "lambast", "ridicule",
} | STANCE_OBJECT_CUES
# stances whose object may be a bare name (`endorsed Clinton`, `attacked Obama`, `praised Merkel`): who
# the speaker supports, opposes or accuses is the content
NAME_OBJECT_CUES = {
    "endorse", "oppose", "defend", "criticize", "criticise", "praise", "attack", "blame", "condemn", "denounce",
    "slam", "blast", "mock", "thank", "applaud", "hail", "lambast", "ridicule", "accuse", "challenge", "mention",
    "cite", "reject",
}
# the prepositions whose object is the content, for cues that take fewer than the usual ones
# (`spoke about the plan`, but not `spoke to reporters`; `discussed the plan`, but not `discuss with partners`)
CONTENT_PREPS = {"speak": {"about", "of", "on", "against"}, "discuss": {"about", "of", "on"}}
# cues whose object (not only a clause) is what was said: `said the same`, `claimed victory`,
# `a poll showed Trump leading`; and those whose prepositional object is (`argued for`, `responded to`)
DOBJ_CUES = {"show", "find", "indicate", "suggest", "respond", "answer", "mention", "echo", "recall", "say",
             "claim", "declare", "report", "emphasize", "emphasise", "concede", "stress", "reiterate", "repeat"}
PREP_CUES = {"respond", "answer", "complain", "argue", "disagree", "comment"}
# intentions a subject states: content is the infinitive (`plans to cut 1,800 jobs`)
INTENT_CUES = {"hope", "plan", "expect", "intend"}

# cues that only count with a clause complement (too common otherwise)
CLAUSE_ONLY = {
    "add", "point", "continue", "find", "show", "read", "put", "know", "learn", "want", "plan", "feel",
    "expect", "hope", "worry", "fear", "write", "post", "agree", "answer", "respond", "reply", "signal",
    "indicate", "mention", "commit", "undertake", "note", "observe", "charge", "hint", "echo", "quote",
    "recall", "tell", "inform", "brief", "believe", "think", "suspect", "doubt", "agree", "conclude",
    "testify", "specify", "clarify", "order", "appeal", "rule", "decide",
} | MANNER_CUES

# lemmas that are too vague as cues when their subject is not a speaker-like noun
WEAK = {"find", "show", "read", "put", "know", "learn", "want", "plan", "feel", "expect", "hope",
        "continue", "agree", "commit", "undertake", "answer", "call", "order", "press", "post",
        "speak", "voice"}

# multiword cues: first word -> continuations, matched on lowercase tokens
PHRASES = {
    "according": ("according to",),
    "call": ("called on", "called for"),
    "point": ("pointed out",),
    "went": ("went on to say",),
}

_IRREGULAR = {
    "say": ("said", "says", "saying"), "tell": ("told", "tells", "telling"),
    "write": ("wrote", "written", "writes", "writing"), "think": ("thought", "thinks", "thinking"),
    "know": ("knew", "known", "knows", "knowing"), "feel": ("felt", "feels", "feeling"),
    "find": ("found", "finds", "finding"), "show": ("showed", "shown", "shows", "showing"),
    "swear": ("swore", "sworn", "swears", "swearing"), "read": ("reads", "reading"),
    "put": ("puts", "putting"), "learn": ("learned", "learnt", "learns", "learning"),
    "forecast": ("forecasts", "forecasting", "forecasted"),
    "undertake": ("undertook", "undertaken", "undertakes", "undertaking"),
    "forewarn": ("forewarned", "forewarns"),
    "speak": ("spoke", "spoken", "speaks", "speaking"),
}
_DOUBLE = {"admit", "commit", "plan", "quip", "regret", "rebut", "slam", "refer", "occur", "prefer",
           "concur", "compel", "control", "propel", "patrol", "submit", "transmit", "omit", "permit"}


def inflect(lemma: str) -> set[str]:
    """The base form and its regular (or listed irregular) inflections."""
    if lemma in _IRREGULAR:
        return {lemma, *_IRREGULAR[lemma]}
    out = {lemma}
    if lemma.endswith("e"):
        out |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        out |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif lemma in _DOUBLE:
        out |= {lemma + "s", lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    elif lemma.endswith(("s", "sh", "ch", "x", "z")):
        out |= {lemma + "es", lemma + "ed", lemma + "ing"}
    else:
        out |= {lemma + "s", lemma + "ed", lemma + "ing"}
    return out


FORMS: dict[str, str] = {}
for _lemma in SPEECH:
    for _form in inflect(_lemma):
        FORMS.setdefault(_form, _lemma)
for _first in PHRASES:
    FORMS.setdefault(_first, _first)

# nouns of saying: `the minister's claim that ...`, `a call by the UN for ...`, `his warning that ...`
NOUNS = {
    "claim": "assert", "statement": "assert", "assertion": "assert", "remark": "assert", "comment": "assert",
    "announcement": "assert", "argument": "assert", "insistence": "assert", "admission": "assert",
    "prediction": "assert", "estimate": "assert", "assurance": "promise", "promise": "promise",
    "pledge": "promise", "vow": "promise", "warning": "warn", "threat": "warn", "call": "urge",
    "demand": "urge", "appeal": "urge", "plea": "urge", "proposal": "urge", "suggestion": "urge",
    "request": "urge", "denial": "deny", "rejection": "deny", "allegation": "accuse", "accusation": "accuse",
    "charge": "accuse", "criticism": "accuse", "condemnation": "condemn", "praise": "welcome",
    "belief": "believe", "view": "believe", "concern": "warn", "fear": "warn", "hope": "believe",
}
NOUN_FORMS = {f: n for n in NOUNS for f in (n, n + "s", n[:-1] + "ies" if n.endswith("y") else n + "es")}

TRIGGERS = frozenset(FORMS) | frozenset(NOUN_FORMS)  # lowercase token texts that make a sentence worth parsing


def lemma_of(word: str) -> str | None:
    """The cue lemma of a lowercase word form, or None if it is not a cue."""
    return FORMS.get(word.lower())


def stance(lemma: str | None) -> str:
    """The stance a cue expresses (`denied` -> deny, `urged` -> urge, `claim` -> assert)."""
    if not lemma:
        return "assert"
    return SPEECH.get(lemma) or NOUNS.get(lemma) or "assert"


def count() -> int:
    """Number of distinct cue verbs, nouns and phrases in the lexicon."""
    return len(SPEECH) + len(NOUNS) + sum(len(v) for v in PHRASES.values())
