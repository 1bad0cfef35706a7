"""Coded events in the PLOVER ontology (the one POLECAT uses), read from parsed sentences.

``find_events(page, sentences, quotes=..., places=..., dates=..., figures=..., dateline=...,
published=...)`` returns one :class:`~newsgraph.model.Event` per event a sentence evidences, and
``merge_events(events)`` groups the events that tell the same real-world event (within an article
or across articles). ``TRIGGERS`` holds the lowercase word forms that make a sentence worth
parsing for events (the pipeline parses a sentence when it holds one of them or a quote cue); forms
that are common outside events (``march`` the month, ``called``, ``free``, ``back``, ``fire``,
``released``) are left out of it (on the BBC corpus the event words send about 2% more sentences
to the parser than the quote cues already do). ``QUAD`` gives each type's PLOVER quad class.

How an event is found
---------------------
1. **Trigger.** Every token of a parsed sentence is looked up by lemma (verbs) or by lemma and
   lowercase form (nouns) in a lexicon of event words (``VERBS``, ``NOUNS``, ``PARTICIPANTS``).
   Ambiguous words are decided by their context in the parse:

   - ``strike``: ``air/drone/missile strike``, a strike ``on`` a target, or a military/rebel
     subject -> ASSAULT; ``go on strike``, ``general strike``, a civilian or labour subject ->
     PROTEST strike; ``strike a deal`` -> AGREE; anything else (``an earthquake struck``) -> none.
   - ``attack``: a quote cue or an abstract object (``attacked the budget``, ``attacked X for``)
     -> ACCUSE disapprove; armed subjects, weapons (``with knives``) or physical targets -> ASSAULT.
   - ``protest`` by a government, a ministry or an IGO, or a ``formal/diplomatic protest`` ->
     ACCUSE disapprove (PLOVER: diplomatic protest is verbal); ``rally`` of stocks, ``demonstrate
     that`` -> none; ``march`` needs a protest-like subject (``troops marched`` -> MOBILIZE).
   - ``fire`` is ASSAULT only with a weapon object (``fired tear gas/shots/rockets``) or ``opened
     fire``; ``charge`` is ASSAULT beat with ``with batons``, ACCUSE allege when legal.
   - ``ban``/``block``/``shut``/``seize``/``expel``/``withdraw``/``release``/``lift`` take their type
     from the object (``banned rallies`` -> COERCE restrict, ``blocked the road`` by protesters ->
     PROTEST obstruct, ``blocked websites`` -> COERCE censor, ``expelled diplomats`` -> SANCTION
     expel, ``expelled migrants`` -> COERCE deport, ``withdrew troops`` -> RETREAT withdraw,
     ``withdrew from the treaty`` -> SANCTION withdraw, ``released prisoners`` -> RETREAT release,
     ``lifted the curfew`` -> CONCEDE; ``banned cars``, ``released a report`` -> none).
   - ``kill``/``die`` caused by a disaster or accident (``floods killed``) is not an event.
   - Participant nouns (``protesters``, ``demonstrators``, ``strikers``) are a PROTEST when they
     are the acting subject of a non-speech verb (``protesters blocked the highway`` -> obstruct,
     ``rioters torched cars`` -> riot); as the target of police (``fired at protesters``) they are
     the recipient of that event only.

2. **Governors** (walking up the parse from the trigger through content dependencies:
   xcomp, ccomp, pcomp, prep/pobj, dobj; a relative clause or participle that only describes a
   noun is reached by nothing but a threat: ``warned that protesters who blocked roads would be
   arrested`` codes no blockade; an adverbial clause, ``after the government agreed``, by none):

   - a threat (``threatened to strike``, ``warned it would retaliate``) is THREATEN, mode from the
     content (violence, arrest, expel, restrict, relations, territory); the threatened act is not
     coded. ``warn`` is a THREATEN only with such content (``warned that prices would rise`` is not);
   - a call (``called for a protest``, ``urged workers to strike``, ``demanded the release of``)
     is REQUEST, mode from the content (meet, assist, yield, change); the called-for act is not
     coded; a protest's own demands (``..., demanding that ...``) are not coded separately;
   - a promise/agreement to a cooperative act (``agreed to hold talks``, ``pledged to send aid``) is
     AGREE (a promised withdrawal, release or ceasefire is CONCEDE), and the act is not coded; a
     vow to use force/repression (``vowed to retaliate``) is THREATEN;
   - a denial (``denied attacking``, ``denied that officers fired``), a refusal (``refused to
     withdraw``; the refusal itself is REJECT) and plain negation (``did not attack``, ``no
     protests were held``, ``no one was killed``) keep the event with ``negated=True``
     (documented choice: negated events are kept, flagged, so that contested claims stay visible;
     filter on ``negated``);
   - plans and the future (``plans a protest next week``, ``will strike on Monday``, an event
     date after the article's date) keep the event at lower confidence (x0.6); conditionals and
     modals (``if``, ``could``, ``might``) at x0.5; an act someone is accused of (``accused the
     police of beating``) at x0.6; called-off or cancelled acts (``called off the strike``) are
     dropped.

3. **Quotes as verbal events.** An attributed statement whose stance is accuse/condemn becomes
   ACCUSE (allege/disapprove), a rejection of a proposal, plan, report or demand (``rejected that
   account``; not a bare ``denied that ...``, which PLOVER does not code) REJECT, urge/call
   REQUEST, a warning with threatening content THREATEN, a promise AGREE, a welcome SUPPORT. The
   actor is the quote's resolved speaker; the recipient the cue's object (``accused X of``, ``urged
   India to``) or the addressee (not the press). A cue found in the parse and a quote with the same
   cue are one event; a cue verb the parse decided is not an event (``called the trial "a proud
   day"``) stays none. Verbal events (and CONSULT, COOPERATE, AID) need an actor: ``X was urged``
   with nobody urging is dropped, and so is a subject that cannot act (``the strength of the euro
   is threatening``).

4. **Actor and recipient.** The subject (or ``by``-agent of a passive) is the actor, the object or
   the object of ``against/on/at/upon/targeting`` the recipient; for a noun trigger, its
   possessor, ``by`` phrase, a modifier naming a group or a demonym (``Israeli airstrikes``), or
   the subject of its light verb (``staged a protest``, ``went on strike``, ``carried out raids``).
   Phrases are expanded to the full noun phrase (compounds, adjectives, possessors, ``of`` phrases,
   conjuncts: ``US and French troops``), without determiners and counts; ``thousands of
   protesters`` -> ``protesters``. Pronouns: a quote's speaker mention at that place; relative
   pronouns to their antecedent; ``they`` in a subordinate clause to a plural noun of the main one
   (``Police detained 35 workers after they blocked the gate``); ``X said it would ...`` to X;
   ``he``/``she`` to the last person quoted just before; ``they``/``it`` (an organisation) to the
   actor of the same or previous sentence; object pronouns are left unresolved. A person keeps
   their name only (``Mayor Lena Varga`` -> ``Lena Varga``, the name the quotes use); the title
   gives the sector, with acronyms the page defines expanded (``RTA president`` -> the Ridgeford
   Teachers' Association's: civil society). A bare surname becomes a quoted speaker's full name.

   **Sectors** (word lists ``SECTORS`` below, matched on the phrase and the actor's role in the
   quotes or an apposition; the head word decides, then the nearest modifier; ``opposition`` anywhere
   wins): government, military, police, party, opposition, rebel, crime, civil society, business,
   media, judiciary, international, religious, civilians.
   **Countries** (ISO alpha-2): a demonym in the phrase (``Israeli forces`` -> IL; through
   :func:`newsgraph.extractors.places.demonym_country`, with a small table of its own when that
   module is missing), a place inside the phrase or the phrase itself being a place (metonymy:
   ``Islamabad`` -> PK, sector government), else, for police, judiciary and ``authorities``, the
   country of the event's place. Conjoined parties of two countries (``Armenia and Azerbaijan``)
   get none: PLOVER lists both, one field cannot.

5. **Where, when, how many, who organised.** The location is a place in the sentence under a
   locative preposition (``in``, ``at``, ``outside``, ``near``, ``across``, ``through``,
   ``around``, ``inside``, ``on``+target; ``to``/``into`` only for movements and attacks) that
   belongs to the act, not to an apposition about someone in it - the most specific one (city
   before country) - or else the dateline's place at confidence x0.85 (not for verbal events).
   Without place records a GPE/LOC name under such a preposition is kept as written. The date is
   the resolved date expression of the trigger's own clause, else of a clause that governs it
   (``denied on Monday that officers fired``), never of a sibling clause or across ``after``/
   ``before`` (``a day after teachers rallied``); a verbal event takes no future date (``agreed to
   hold talks next month``: the talks' date). With none, a sentence about the present (``are
   protesting``, ``remain on strike``) takes the article's date at x0.7 and ``date_text``
   ``(article date)``; otherwise the date stays unknown. The size is the participants' figure (a count overlapping the
   actor, ``thousands of protesters``, ``around 4,000 dock workers``, ``a 5,000-strong march``),
   never a count of victims or arrests: those go to ``dead``/``injured`` (ASSAULT) and ``arrested``
   (COERCE), PLOVER's size object (`23 people were killed`, `arrested at least 37 workers`, `the death
   toll rose to 23`). Organisers come from ``organised/called/
   led/convened by X``, ``X called/organised the strike``, ``at the call of X``, ``X-led``;
   supporters from ``backed/supported/joined/endorsed by X``, ``X joined the protest``, ``with the
   support of X``. With no other actor, the organiser is the actor; one who joins is an actor, not
   a supporter.

6. **One event per act.** Triggers of one type in one sentence with compatible actors are one
   event (``Protesters marched ... in a rally``); MOBILIZE or a raid (COERCE seize) reported with
   an ASSAULT in the same sentence is coded only as the ASSAULT (PLOVER rule). A noun mention with
   neither actor nor recipient is dropped (``fear of sanctions``), except a PROTEST, ASSAULT or
   COERCE that the sentence dates or places. AID needs a political giver (a state, an IGO, an NGO,
   a company; not ``the Ricketts family donated``).

``merge_events``: an event joins a group when it conflicts with no member and is positively linked
to at least one. Conflicts: another type, negation or mode; dates more than a day apart; other
places (GeoNames id, else name); other actor countries; recipients that name other parties; actors
that name other parties (unless same sector at the same place on the same day: ``dock workers``
and ``the union``). Links: overlapping actor names (shared words, an acronym ``HWU`` = ``Harbour
Workers' Union``; organisers count as actors; generic ones such as ``protesters`` or ``they`` do
not), or the same place and day, or - within one article - the same place or day. Events are read
in a canonical order (type, date, article, offsets), so the groups and their order do not depend
on the input order.

Confidence: 0.9 for a verb trigger with an actor, 0.8 for a noun trigger or a missing actor,
0.7 for a word whose sense was decided by default, times the hedges above.

Pure: no I/O; the module holds only constant tables.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date as _Date
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from . import places
from ..model import Event, Figure, Place, Quote, TimeExpression
from .cues import SPEECH, inflect
from .speakers import GROUP_WORDS, INSTITUTIONS, ORG_WORDS, ROLE_WORDS

if TYPE_CHECKING:  # pragma: no cover
    from .quotes import Sentence

# --------------------------------------------------------------------------- PLOVER tables

QUAD = {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1, "COOPERATE": 2, "AID": 2, "RETREAT": 2,
        "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "PROTEST": 4, "SANCTION": 4,
        "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4}
VERBAL = {"AGREE", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"}
COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
# types whose content under a promise is a threat rather than an agreement
FORCEFUL = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"}

# Verb lemmas -> (type, mode). None as type means "decided by context" (see _verb_sense).
VERBS: dict[str, tuple[str | None, str | None]] = {
    # PROTEST
    "protest": (None, "demo"), "demonstrate": (None, None), "rally": (None, None), "march": (None, None),
    "picket": ("PROTEST", "demo"), "riot": ("PROTEST", "riot"), "boycott": (None, None), "take": (None, None),
    "blockade": (None, None), "strike": (None, None), "walk": (None, None), "occupy": (None, None),
    "vandalize": ("PROTEST", "vandalize"), "vandalise": ("PROTEST", "vandalize"), "storm": (None, None),
    # ASSAULT
    "kill": ("ASSAULT", None), "murder": ("ASSAULT", None), "shoot": (None, "firearms"),
    "gun": ("ASSAULT", "firearms"), "stab": ("ASSAULT", "primitive"), "bomb": ("ASSAULT", "explosives"),
    "shell": ("ASSAULT", "heavy-weapons"), "wound": ("ASSAULT", None), "injure": ("ASSAULT", None),
    "beat": (None, "beat"), "torture": ("ASSAULT", "torture"), "abduct": ("ASSAULT", "abduct"),
    "kidnap": ("ASSAULT", "abduct"), "assassinate": ("ASSAULT", "targeted"), "execute": (None, None),
    "massacre": ("ASSAULT", None), "ambush": ("ASSAULT", None), "attack": (None, None),
    "lynch": ("ASSAULT", "beat"), "behead": ("ASSAULT", None), "rape": ("ASSAULT", "sexual"),
    "torch": (None, "destroy"), "fire": (None, None), "clash": (None, None), "assault": (None, None),
    "invade": (None, None), "bombard": (None, "heavy-weapons"), "hijack": (None, "abduct"),
    "capture": (None, None),
    # COERCE
    "arrest": ("COERCE", "arrest"), "detain": ("COERCE", "arrest"), "jail": ("COERCE", "arrest"),
    "imprison": ("COERCE", "arrest"), "seize": (None, "seize"), "confiscate": ("COERCE", "seize"),
    "raid": ("COERCE", "seize"), "ban": (None, "restrict"), "censor": ("COERCE", "censor"),
    "deport": ("COERCE", "deport"), "expel": (None, None), "block": (None, None), "shut": (None, None),
    "disperse": ("COERCE", "restrict"), "evict": (None, "seize"), "outlaw": (None, "restrict"),
    "crack": (None, None),
    # MOBILIZE
    "deploy": ("MOBILIZE", None), "mobilize": ("MOBILIZE", None), "mobilise": ("MOBILIZE", None),
    "dispatch": (None, None), "mass": (None, None),
    # SANCTION
    "sanction": (None, None), "embargo": ("SANCTION", "discontinue"), "convict": ("SANCTION", "convict"),
    "sentence": (None, "convict"), "fine": (None, "convict"), "sever": (None, "discontinue"),
    "suspend": (None, "discontinue"), "recall": (None, "withdraw"), "withdraw": (None, None),
    "cut": (None, "discontinue"), "freeze": (None, "discontinue"), "downgrade": (None, "discontinue"),
    # THREATEN
    "threaten": ("THREATEN", None), "warn": (None, None),
    # ACCUSE
    "accuse": ("ACCUSE", "allege"), "allege": ("ACCUSE", "allege"), "blame": ("ACCUSE", "allege"),
    "charge": (None, None), "indict": ("ACCUSE", "allege"), "sue": ("ACCUSE", "allege"),
    "prosecute": ("ACCUSE", "allege"), "investigate": ("ACCUSE", "investigate"),
    "probe": ("ACCUSE", "investigate"), "condemn": ("ACCUSE", "disapprove"),
    "denounce": ("ACCUSE", "disapprove"), "criticize": ("ACCUSE", "disapprove"),
    "criticise": ("ACCUSE", "disapprove"), "slam": ("ACCUSE", "disapprove"), "blast": (None, None),
    "decry": ("ACCUSE", "disapprove"), "lambast": ("ACCUSE", "disapprove"), "censure": ("ACCUSE", "disapprove"),
    "rebuke": ("ACCUSE", "disapprove"), "summon": (None, None),
    # REJECT
    "reject": ("REJECT", None), "refuse": ("REJECT", None), "decline": (None, None), "rebuff": ("REJECT", None),
    "spurn": ("REJECT", None), "veto": ("REJECT", "change"), "dismiss": (None, None), "cancel": (None, None),
    "deny": (None, None),
    # AGREE
    "agree": (None, None), "promise": (None, None), "pledge": (None, None), "vow": (None, None),
    "offer": (None, None), "accept": (None, None),
    # REQUEST
    "urge": ("REQUEST", None), "demand": ("REQUEST", None), "ask": (None, None), "appeal": (None, None),
    "request": ("REQUEST", None), "call": (None, None), "press": (None, None), "implore": ("REQUEST", None),
    "petition": ("REQUEST", None), "plead": ("REQUEST", None),
    # AID
    "donate": ("AID", None), "provide": (None, None), "send": (None, None), "deliver": (None, None),
    "airlift": ("AID", None), "rescue": ("AID", None), "evacuate": ("AID", None), "grant": (None, None),
    "lend": (None, None),
    # CONSULT
    "meet": ("CONSULT", None), "visit": ("CONSULT", "visit"), "host": (None, None), "discuss": (None, None),
    "negotiate": ("CONSULT", None), "talk": (None, None), "speak": (None, None), "phone": ("CONSULT", "phone"),
    "telephone": ("CONSULT", "phone"), "confer": ("CONSULT", None), "mediate": ("CONSULT", "third-party"),
    # COOPERATE
    "cooperate": ("COOPERATE", None), "collaborate": ("COOPERATE", None), "extradite": ("COOPERATE", None),
    # RETREAT
    "release": (None, "release"), "free": (None, "release"), "resign": ("RETREAT", "resign"),
    "step": (None, None), "disarm": ("RETREAT", "disarm"), "pull": (None, None),
    # CONCEDE
    "apologize": ("CONCEDE", None), "apologise": ("CONCEDE", None), "pardon": ("CONCEDE", None),
    "lift": (None, None), "ease": (None, None),
    # SUPPORT
    "praise": ("SUPPORT", None), "hail": ("SUPPORT", None), "commend": ("SUPPORT", None),
    "endorse": ("SUPPORT", None), "back": (None, None), "recognize": (None, None), "recognise": (None, None),
    "sign": (None, None), "ratify": ("SUPPORT", None), "welcome": ("SUPPORT", None),
}

# Noun lemmas (and some forms) -> (type, mode); None type: decided by context (_noun_sense).
NOUNS: dict[str, tuple[str | None, str | None]] = {
    "protest": (None, "demo"), "demonstration": (None, "demo"), "rally": (None, "demo"), "march": (None, "demo"),
    "strike": (None, None), "walkout": ("PROTEST", "strike"), "stoppage": ("PROTEST", "strike"),
    "riot": ("PROTEST", "riot"), "boycott": (None, "boycott"), "blockade": (None, None),
    "vigil": ("PROTEST", "demo"), "picket": ("PROTEST", "demo"), "sit-in": ("PROTEST", "obstruct"),
    "airstrike": ("ASSAULT", "aerial"), "attack": (None, None), "bombing": ("ASSAULT", "explosives"),
    "shelling": ("ASSAULT", "heavy-weapons"), "shooting": ("ASSAULT", "firearms"),
    "gunfire": ("ASSAULT", "firearms"), "ambush": ("ASSAULT", None), "massacre": ("ASSAULT", None),
    "assassination": ("ASSAULT", "targeted"), "killing": ("ASSAULT", None), "kidnapping": ("ASSAULT", "abduct"),
    "abduction": ("ASSAULT", "abduct"), "clash": (None, None), "offensive": (None, None),
    "assault": (None, None), "invasion": ("ASSAULT", None), "bombardment": ("ASSAULT", "heavy-weapons"),
    "arrest": ("COERCE", "arrest"), "detention": ("COERCE", "arrest"), "crackdown": ("COERCE", None),
    "raid": (None, "seize"), "curfew": (None, "curfew"), "ban": (None, "restrict"),
    "censorship": ("COERCE", "censor"), "deportation": ("COERCE", "deport"), "shutdown": (None, None),
    "deployment": ("MOBILIZE", None), "mobilization": ("MOBILIZE", None), "mobilisation": ("MOBILIZE", None),
    "reinforcement": ("MOBILIZE", "troops"), "exercise": (None, None), "drill": (None, None),
    "sanction": (None, None), "embargo": ("SANCTION", "discontinue"), "conviction": ("SANCTION", "convict"),
    "expulsion": (None, None),
    "threat": (None, None), "ultimatum": ("THREATEN", None),
    "accusation": (None, "allege"), "allegation": (None, "allege"), "lawsuit": ("ACCUSE", "allege"),
    "investigation": (None, "investigate"), "probe": (None, "investigate"), "inquiry": (None, "investigate"),
    "condemnation": (None, "disapprove"), "criticism": (None, "disapprove"),
    "rejection": (None, None), "refusal": (None, None), "veto": ("REJECT", "change"),
    "agreement": (None, None), "deal": (None, None), "accord": (None, None), "truce": (None, None),
    "ceasefire": (None, None), "pledge": (None, None),
    "call": (None, None), "demand": (None, None), "appeal": (None, None), "plea": (None, None),
    "petition": (None, None),
    "aid": ("AID", None), "assistance": ("AID", None), "donation": (None, None), "relief": (None, None),
    "loan": (None, None), "bailout": ("AID", None), "asylum": (None, None), "rescue": ("AID", None),
    "evacuation": ("AID", None),
    "talk": (None, None), "meeting": (None, None), "visit": (None, "visit"), "summit": ("CONSULT", "multilateral"),
    "negotiation": ("CONSULT", None),
    "cooperation": (None, None), "extradition": ("COOPERATE", None),
    "fire": (None, "firearms"), "release": (None, "release"), "withdrawal": (None, "withdraw"),
    "resignation": ("RETREAT", "resign"),
    "apology": ("CONCEDE", None), "pardon": ("CONCEDE", None),
}

# people whose being the acting subject evidences a protest (form -> mode)
PARTICIPANTS = {"protesters": "demo", "protestors": "demo", "demonstrators": "demo", "marchers": "demo",
                "strikers": "strike", "rioters": "riot", "picketers": "demo", "protester": "demo",
                "protestor": "demo", "demonstrator": "demo", "rioter": "riot"}  # not `striker` (football)

# --------------------------------------------------------------------------- word lists

# Sectors, by the words that name them (lowercase; plurals are matched through lemmas too).
SECTORS: dict[str, set[str]] = {
    "government": {"government", "govt", "ministry", "minister", "ministers", "president", "premier", "cabinet",
                   "official", "officials", "authorities", "authority", "administration", "mayor", "governor",
                   "council", "councillor", "councillors", "regime", "embassy", "ambassador", "envoy",
                   "diplomat", "diplomats", "parliament", "lawmaker", "lawmakers", "legislator", "legislators",
                   "mp", "mps", "senate", "senator", "congress", "congressman", "kremlin", "chancellor", "king",
                   "queen", "monarch", "emir", "sultan", "treasury", "municipality", "state", "states",
                   "white house", "foreign office", "interior ministry", "prime minister", "secretary",
                   "commission", "commissioner", "prefect", "governments", "ministries", "presidency",
                   "regulator", "watchdog", "counterpart", "counterparts", "bureau", "directorate", "inspectorate"},
    "military": {"army", "armies", "military", "troops", "troop", "soldier", "soldiers", "forces", "force", "navy",
                 "air force", "marines", "commandos", "commando", "jets", "warplanes", "warplane", "tanks",
                 "artillery", "battalion", "brigade", "paratroopers", "sailors", "generals", "general",
                 "armed forces", "defence forces", "defense forces", "security forces", "special forces",
                 "pentagon", "idf", "junta", "warships", "drones", "drone", "gunboats", "helicopters",
                 "military's", "army's", "colonel", "commander", "commanders"},
    "police": {"police", "policeman", "policemen", "policewoman", "officers", "officer", "constable",
               "constables", "cops", "gendarmes", "gendarmerie", "riot police", "rangers", "guards",
               "border guards", "security personnel", "fbi", "paramilitary", "paramilitaries", "sheriff",
               "policing", "patrolmen", "inspector", "superintendent"},
    "party": {"party", "parties", "democrats", "republicans", "tories", "bjp", "pti", "ppp", "pml-n", "anc",
              "cdu", "spd", "afd", "snp", "likud", "muslim league", "insaf", "partisans", "candidate",
              "candidates", "campaign"},
    "opposition": {"opposition", "dissidents", "dissident"},
    "rebel": {"rebels", "rebel", "insurgents", "insurgent", "militants", "militant", "guerrillas", "guerrilla",
              "separatists", "separatist", "fighters", "gunmen", "gunman", "jihadists", "jihadist",
              "extremists", "terrorists", "terrorist", "militia", "militias", "militiamen", "armed group",
              "armed groups", "taliban", "hamas", "hezbollah", "houthis", "houthi", "isis", "isil",
              "islamic state", "al-qaeda", "al-shabaab", "boko haram", "ttp", "pkk", "farc", "attackers",
              "bombers", "bomber", "assailants", "insurgency"},
    "crime": {"gang", "gangs", "cartel", "cartels", "smugglers", "traffickers", "criminals", "robbers",
              "bandits", "kidnappers", "pirates", "gangsters", "thieves", "looters"},
    "civil society": {"students", "student", "union", "unions", "workers", "worker", "protesters", "protestors",
                      "demonstrators", "activists", "activist", "campaigners", "ngo", "ngos", "rights group",
                      "rights groups", "human rights", "charity", "charities", "teachers", "nurses", "doctors",
                      "farmers", "labourers", "laborers", "employees", "staff", "drivers", "miners", "lawyers",
                      "pensioners", "marchers", "strikers", "civil society", "association", "federation",
                      "movement", "volunteers", "youth", "trade union", "dockers", "truckers", "transporters",
                      "academics", "professors", "amnesty international", "human rights watch", "rioters",
                      "picketers", "crew", "crews", "members", "organisers", "organizers", "survivors",
                      "relatives", "victims' families", "tenants", "graduates", "physicians", "medics"},
    "business": {"company", "companies", "firm", "firms", "corporation", "corporations", "business", "businesses",
                 "bank", "banks", "employer", "employers", "investors", "traders", "shopkeepers", "merchants",
                 "vendors", "retailers", "manufacturers", "industry", "chamber of commerce", "inc", "ltd", "corp",
                 "plc", "airline", "airlines", "conglomerate", "executives", "ceo", "chief executive",
                 "shareholders", "landlords", "owners"},
    "media": {"journalists", "journalist", "reporters", "reporter", "media", "press", "newspaper", "newspapers",
              "broadcaster", "broadcasters", "tv", "television", "channel", "editor", "editors",
              "photographer", "photographers", "news agency", "bloggers", "blogger", "outlet", "outlets"},
    "judiciary": {"court", "courts", "judge", "judges", "justice", "prosecutors", "prosecutor", "prosecution",
                  "tribunal", "magistrate", "magistrates", "judiciary", "attorney general", "bench",
                  "supreme court", "high court", "chief justice"},
    "international": {"un", "united nations", "eu", "european union", "imf", "world bank", "nato",
                      "african union", "asean", "osce", "icc", "icj", "unicef", "unhcr", "wfp", "security council",
                      "red cross", "icrc", "red crescent", "international community", "peacekeepers",
                      "peacekeeping", "unrwa", "oic", "iaea", "opec", "wto", "general assembly",
                      "european commission", "interpol", "un's"},
    "religious": {"church", "churches", "clerics", "cleric", "imam", "imams", "bishop", "bishops", "priest",
                  "priests", "pope", "vatican", "rabbi", "rabbis", "monks", "clergy", "religious leaders",
                  "ulema", "archbishop", "pastor", "mullah", "mullahs", "clergymen"},
    "civilians": {"civilians", "civilian", "residents", "villagers", "people", "passengers", "children", "women",
                  "families", "pedestrians", "locals", "citizens", "commuters", "pilgrims", "worshippers",
                  "refugees", "migrants", "men", "man", "woman", "boy", "girl", "boys", "girls", "family",
                  "inhabitants", "shoppers", "voters", "crowd", "crowds", "mob", "youths", "teenagers",
                  "child", "person", "persons", "bystanders", "patients", "detainees", "prisoners", "hostages"},
}
# heads that only say "some of", "a part of": the modifier names the sector
GENERIC_HEADS = {"department", "unit", "office", "spokesman", "spokeswoman", "spokesperson", "chief", "head",
                 "leader", "leaders", "officials", "official", "members", "member", "wing", "branch",
                 "personnel", "staff", "representatives", "representative", "sources", "source", "group",
                 "groups", "team", "agency", "delegation", "supporters", "chairman", "director", "secretary",
                 "body", "bodies", "committee", "board", "minister", "officers", "officer", "workers",
                 "cadres", "general", "commander"}
# the order in which sectors are tried when a phrase names several and no head decides
SECTOR_ORDER = ("opposition", "international", "judiciary", "police", "military", "rebel", "crime", "party",
                "media", "religious", "government", "business", "civil society", "civilians")

PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us", "who", "which", "that",
            "whom", "this", "these", "those"}
# actors that say nothing about who acted (merge as wildcards)
GENERIC_ACTORS = {"people", "protesters", "protestors", "demonstrators", "crowd", "crowds", "thousands",
                  "hundreds", "dozens", "others", "some", "many", "group", "groups", "men", "residents",
                  "marchers", "supporters", "participants", "mob", "youths", "gunmen", "attackers", "assailants",
                  "unknown", "they", "he", "she", "it", "we", "officials", "authorities"}
QUANTITY_NOUNS = {"thousands", "hundreds", "dozens", "scores", "tens", "millions", "lots", "number", "numbers",
                  "crowd", "crowds", "group", "groups", "band", "bands", "handful", "majority", "some", "many",
                  "most", "all", "few", "several", "thousand", "hundred", "dozen", "million", "rest", "none",
                  "each", "both", "throngs", "throng", "wave", "swarm", "contingent", "batch", "column",
                  "convoy", "busloads", "hordes", "mass", "masses"}
SKIP_DETS = {"the", "a", "an", "some", "its", "their", "his", "her", "this", "that", "these", "those", "our",
             "another", "other", "such", "both", "all", "any", "each", "every", "several", "many", "few"}
LOCATIVE = {"in", "at", "outside", "near", "across", "throughout", "through", "around", "inside", "along",
            "into", "within", "over", "towards", "toward", "onto", "opposite", "beside", "outside of",
            "in front of", "nearby", "past", "off", "to"}
DIRECTIONAL = {"to", "into", "towards", "toward", "onto"}
PERSONISH = {"person", "people", "man", "men", "woman", "women", "child", "children", "boy", "girl", "boys",
             "girls", "civilian", "civilians", "protester", "protesters", "student", "students", "journalist",
             "journalists", "worker", "workers", "villager", "villagers", "resident", "residents", "soldier",
             "soldiers", "officer", "officers", "policeman", "policemen", "activist", "activists", "farmer",
             "farmers", "demonstrator", "demonstrators", "teenager", "teenagers", "youth", "youths", "member",
             "members", "leader", "leaders", "supporter", "supporters", "fighter", "fighters", "militant",
             "militants", "rebel", "rebels", "prisoner", "prisoners", "detainee", "detainees", "hostage",
             "hostages", "opponent", "opponents", "critic", "critics", "migrant", "migrants", "refugee",
             "refugees", "passenger", "passengers", "worshipper", "worshippers", "pilgrim", "pilgrims",
             "lawyer", "lawyers", "politician", "politicians", "official", "officials", "teacher", "teachers",
             "nurse", "nurses", "doctor", "doctors", "guard", "guards", "driver", "drivers", "family",
             "families", "relative", "relatives", "citizen", "citizens", "national", "nationals", "blogger",
             "bloggers", "dissident", "dissidents", "suspect", "suspects", "trader", "traders", "vendor",
             "vendors", "shopkeeper", "shopkeepers", "diplomat", "diplomats", "cleric", "clerics", "monk",
             "monks", "priest", "priests", "miner", "miners", "pensioner", "pensioners", "crew", "sailors",
             "sailor", "troops", "local", "locals", "mourner", "mourners", "bystander", "bystanders"}
DISASTERS = {"flood", "floods", "flooding", "earthquake", "quake", "storm", "cyclone", "hurricane", "typhoon",
             "landslide", "landslides", "avalanche", "accident", "crash", "collision", "heatwave", "heat",
             "disease", "virus", "outbreak", "fire", "blaze", "wildfire", "tsunami", "drought", "lightning",
             "cold", "snow", "rain", "rains", "cancer", "illness", "epidemic", "pandemic", "covid", "cholera",
             "disaster", "disasters", "tsunami", "eruption", "volcano", "crash", "accidents",
             "derailment", "stampede", "collapse", "explosion at", "tornado", "overdose", "drowning", "famine"}
WEAPON_MODES = (  # (mode, words) in priority order; matched on lowercase lemmas and two-word phrases
    ("suicide-attack", {"suicide bomber", "suicide bombing", "suicide attack", "suicide vest", "suicide bombers",
                        "suicide car"}),
    ("drone", {"drone", "drones", "uav", "uavs"}),
    ("aerial", {"airstrike", "airstrikes", "air strike", "air strikes", "air raid", "air raids", "warplane",
                "warplanes", "jet", "jets", "fighter jet", "helicopter gunship", "aircraft", "bomber plane",
                "air attack", "airstrike"}),
    ("heavy-weapons", {"shelling", "shell", "shells", "artillery", "mortar", "mortars", "rocket", "rockets",
                       "missile", "missiles", "tank fire", "howitzer", "barrage", "bombardment"}),
    ("explosives", {"bomb", "bombs", "bombing", "explosive", "explosives", "ied", "ieds", "blast", "explosion",
                    "grenade", "grenades", "landmine", "landmines", "car bomb", "detonate", "detonated", "mine"}),
    ("firearms", {"shoot", "shot", "gunfire", "gunmen", "gunman", "gun", "guns", "rifle", "rifles", "bullet",
                  "bullets", "open fire", "sniper", "snipers", "gunshot", "gunshots", "pistol", "firing",
                  "shooting"}),
    ("crowd-control", {"tear gas", "teargas", "rubber bullets", "rubber bullet", "water cannon", "water cannons",
                       "baton", "batons", "pepper spray", "stun grenade", "stun grenades", "lathi", "lathis",
                       "lathi-charge", "baton-charge", "pellets", "pellet"}),
    ("primitive", {"knife", "knives", "machete", "machetes", "stab", "stabbed", "stone", "stones", "stick",
                   "sticks", "club", "clubs", "axe", "axes", "sword", "swords", "rod", "rods", "acid"}),
    ("beat", {"beat", "beaten", "beating", "lynch", "lynched", "thrash", "thrashed", "assaulted"}),
    ("abduct", {"abduct", "kidnap", "hostage", "hostages", "abducted", "kidnapped"}),
    ("torture", {"torture", "tortured"}),
    ("sexual", {"rape", "raped", "sexual assault", "sexual violence"}),
    ("destroy", {"demolish", "bulldoze", "bulldozed", "razed", "raze", "torched", "burned down", "burnt down"}),
)
WEAPON_OBJECTS = {"shot", "shots", "bullet", "bullets", "round", "rounds", "gas", "teargas", "rocket", "rockets",
                  "missile", "missiles", "shell", "shells", "mortar", "mortars", "cannon", "gun", "guns",
                  "weapon", "weapons", "grenade", "grenades", "pellet", "pellets", "warning", "volley", "salvo",
                  "projectile", "projectiles", "artillery", "canister", "canisters", "flare", "flares"}
ATTACK_MODS = {"terror", "terrorist", "militant", "rebel", "insurgent", "suicide", "bomb", "rocket", "missile", "gun",
               "knife", "acid", "arson", "grenade", "deadly", "fatal", "armed", "military", "violent", "bloody",
               "brutal", "coordinated", "drone", "air", "mortar", "sectarian", "mob", "jihadist", "separatist",
               "retaliatory", "cross-border", "lethal", "suspected", "failed", "foiled"}
ABSTRACT = {"policy", "policies", "decision", "decisions", "plan", "plans", "budget", "remarks", "remark",
            "comments", "record", "handling", "proposal", "proposals", "law", "laws", "bill", "bills", "move",
            "idea", "ideas", "approach", "strategy", "reform", "reforms", "claim", "claims", "report", "reports",
            "statement", "statements", "stance", "position", "speech", "response", "failure", "failures",
            "government's", "agenda", "deal", "rhetoric", "leadership", "performance", "tweet", "views",
            "verdict", "ruling", "measures", "measure", "programme", "program", "scheme", "credibility"}
PHYSICAL_TARGETS = {"post", "posts", "convoy", "convoys", "village", "villages", "checkpoint", "checkpoints",
                    "base", "bases", "camp", "camps", "station", "stations", "school", "schools", "hospital",
                    "hospitals", "bus", "buses", "vehicle", "vehicles", "patrol", "patrols", "mosque", "church",
                    "temple", "house", "houses", "home", "homes", "market", "embassy", "consulate", "office",
                    "offices", "town", "city", "building", "buildings", "headquarters", "compound", "ship",
                    "tanker", "vessel", "train", "plane", "airport", "port", "bridge", "power", "plant",
                    "refinery", "facility", "facilities", "positions", "border", "outpost", "barracks",
                    "shrine", "hotel", "pipeline", "neighbourhood", "neighborhood", "district", "area", "areas",
                    "region", "territory", "targets", "target", "infrastructure", "depot"} | PERSONISH
LABOUR_WORDS = {"union", "unions", "worker", "workers", "wage", "wages", "salary", "salaries", "employees", "nurses",
                "teachers", "pension", "pensions", "industrial", "walkout", "labour", "labor", "picket",
                "dockers", "miners", "hunger", "pay rise", "pay dispute", "pay deal", "pay offer", "unpaid",
                "ballot", "strikers", "workforce"}
MILITARY_WORDS = {"air", "drone", "missile", "missiles", "rocket", "military", "israeli", "russian", "us",
                  "airstrike", "preemptive", "pre-emptive", "retaliatory", "precision", "surgical", "naval",
                  "artillery", "army", "troops", "forces", "jets", "warplanes", "nuclear", "rebels", "militants"}

# content words deciding modes of REQUEST/REJECT (assist, change, yield, meet) and THREATEN
MEET_WORDS = {"talk", "talks", "meeting", "meet", "negotiate", "negotiation", "negotiations", "dialogue",
              "table", "summit", "discuss", "discussion", "discussions", "mediation", "invitation", "visit"}
ASSIST_WORDS = {"aid", "help", "assist", "assistance", "support", "funds", "funding", "supplies", "relief",
                "loan", "loans", "donation", "donations", "food", "medicine", "medicines", "rescue", "money",
                "weapons", "arms", "asylum", "vaccines", "bailout"}
YIELD_WORDS = {"release", "free", "withdraw", "withdrawal", "resign", "resignation", "step", "ceasefire", "truce",
               "surrender", "disarm", "lift", "quit", "vacate", "halt", "stop", "end", "cease", "retreat",
               "hand", "return", "pull", "reopen", "restore", "allow", "access"}
CHANGE_WORDS = {"change", "reform", "reverse", "scrap", "shelve", "repeal", "revoke", "amend", "abandon",
                "drop", "reconsider", "review", "rethink", "cancel", "overturn", "postpone", "delay", "raise",
                "cut", "lower", "increase", "introduce", "pass", "adopt", "implement", "investigate", "probe",
                "accept", "plan", "plans", "proposal", "policy", "law", "bill", "decision", "order", "offer",
                "deal", "rule", "rules", "demands", "demand", "terms", "resolution", "scheme"}
THREAT_MODES = (
    ("violence", {"attack", "strike", "kill", "force", "war", "bomb", "retaliate", "retaliation", "invade",
                  "invasion", "destroy", "annihilate", "military", "hit", "shoot", "fire", "crush", "wipe",
                  "respond", "response", "revenge", "punish", "punishment", "eliminate", "nuclear", "assault",
                  "storm", "violence", "weapons"}),
    ("arrest", {"arrest", "detain", "prosecute", "jail", "imprison", "charge", "prosecution", "arrests",
                "custody", "warrant"}),
    ("expel", {"expel", "deport", "expulsion", "deportation", "oust"}),
    ("territory", {"annex", "occupy", "blockade", "territory", "occupation", "seize", "incursion"}),
    ("relations", {"sever", "relations", "ties", "sanction", "sanctions", "embargo", "tariff", "tariffs",
                   "boycott", "recall", "aid", "downgrade", "suspend", "cut", "withdraw", "diplomatic"}),
    ("restrict", {"ban", "restrict", "restriction", "restrictions", "curfew", "block", "shut", "close",
                  "censor", "suspend", "dissolve", "outlaw", "emergency", "martial"}),
)
# words that make a warning a threat (``warned of consequences``, ``would face sanctions``)
THREAT_STRONG = {"consequences", "retaliate", "retaliation", "sanctions", "sanction", "force", "punish",
                 "punishment", "revenge", "war", "expel", "expulsion", "arrest", "arrests", "ultimatum", "action",
                 "measures", "reprisal", "reprisals", "response", "respond", "strike", "strikes", "attack",
                 "attacks", "crackdown", "prosecution", "prosecute", "embargo", "blockade", "invasion",
                 "retribution", "penalty", "penalties", "jail", "imprisonment", "deportation", "ban"}

ALLEGE = {"accuse", "allege", "blame", "charge", "indict", "sue", "prosecute", "lawsuit", "accusation",
          "allegation"}

# Governors: lemmas that change what their content means (see the module docstring, step 2).
THREAT_GOV = {"threaten", "threat", "ultimatum"}
WARN_GOV = {"warn", "warning", "caution"}
REQUEST_GOV = {"urge", "demand", "appeal", "request", "plead", "implore", "petition", "press", "push", "ask",
               "encourage", "invite", "exhort", "beg", "lobby", "advise", "call", "demands", "plea"}
DENY_GOV = {"deny", "refute", "dismiss", "reject", "denial", "rebut", "contradict", "dispute"}
NEG_GOV = {"refuse", "decline", "fail", "avoid", "refrain", "stop", "cease", "prevent", "avert", "halt", "resist",
           "foil", "thwart"}
CANCEL_GOV = {"cancel", "postpone", "abandon", "scrap", "shelve", "delay", "defer", "prohibit", "forbid",
              "ban", "outlaw"}
FUTURE_GOV = {"plan", "intend", "prepare", "schedule", "aim", "expect", "hope", "want", "seek", "decide",
              "consider", "mull", "weigh", "announce", "propose", "set", "due", "likely", "poised", "ready",
              "vote", "try", "attempt", "plot", "scheme", "organise", "organize", "call", "mobilize", "mobilise"}
AGREE_GOV = {"agree", "promise", "pledge", "offer", "commit", "vow", "undertake", "guarantee", "consent",
             "agreement", "deal", "accord", "swear", "volunteer"}
ALLEGE_GOV = {"accuse", "allege", "blame", "charge", "claim", "suspect", "accusation", "allegation", "report",
              "rumour", "rumor"}
MODAL_HEDGES = {"could", "might", "may", "should", "can"}
FUTURE_AUX = {"will", "'ll", "shall", "wo", "would", "'d"}  # `said she would meet`: reported future

LIGHT_VERBS = {"hold", "stage", "launch", "carry", "conduct", "mount", "go", "begin", "start", "continue",
               "resume", "join", "lead", "organise", "organize", "call", "unleash", "make", "impose",
               "announce", "take", "participate", "attend", "order", "declare", "escalate", "intensify",
               "step", "extend", "end", "suspend", "perpetrate", "commit", "claim", "execute", "stage",
               "plan", "threaten", "reach", "strike", "sign", "seal", "broker", "provide", "send", "deliver",
               "give", "grant", "offer", "pledge", "open", "order", "host", "have", "attend", "receive",
               "accept", "level", "file", "lodge", "register", "issue", "voice", "express", "face", "keep",
               "remain", "stay", "pay", "approve"}
NO_COMMENT = {"comment", "say", "answer", "speak", "confirm", "elaborate", "disclose", "reveal", "identify", "name",
              "respond", "specify", "discuss", "be", "draw", "detail", "deny", "divulge", "go", "put", "explain",
              "clarify", "speculate", "take"}
INFO_WORDS = {"details", "detail", "names", "name", "figures", "information", "data", "statement", "comment",
              "numbers", "breakdown", "footage", "report", "documents", "results", "evidence", "specifics"}
RECEIVE_VERBS = {"need", "receive", "get", "seek", "lack", "await", "require", "want", "face", "suffer", "survive",
                 "escape", "fear", "avoid", "risk", "undergo", "endure", "welcome", "accept"}
ORGANISE_VERBS = {"organise", "organize", "call", "lead", "convene", "spearhead", "coordinate", "arrange",
                  "sponsor", "initiate", "mastermind"}
SUPPORT_VERBS = {"back", "support", "join", "endorse", "assist", "help"}
CAUSE_SUBJECTS = DISASTERS


# --------------------------------------------------------------------------- triggers

def _noun_forms(n: str) -> set[str]:
    if n.endswith("y") and n[-2:-1] not in "aeiou":
        return {n, n[:-1] + "ies"}
    if n.endswith(("s", "sh", "ch", "x")):
        return {n, n + "es"}
    return {n, n + "s"}


# forms left out of TRIGGERS because they are common outside events (each would make many
# sentences of a typical article go through the parser); sentences holding them are still coded
# when they are parsed for another reason (a quote cue, another trigger)
_COMMON_FORMS = {
    # the month, and verbs with many everyday senses
    "march", "free", "back", "backs", "backed", "backing", "sign", "signs", "signed", "signing", "host", "hosts",
    "hosted", "hosting", "lift", "lifts", "lifted", "lifting", "ease", "eases", "eased", "easing", "cut", "cuts",
    "cutting", "press", "presses", "pressing", "fine", "fines", "fining", "step", "steps", "stepped", "stepping",
    "pull", "pulls", "pulled", "pulling", "mass", "masses", "massed", "massing", "walk", "walks", "walking",
    "walked", "talk", "talking", "talked", "speak", "speaks", "spoke", "spoken", "speaking", "send", "sends",
    "sent", "sending", "provide", "provides", "provided", "providing", "deliver", "delivers", "delivered",
    "delivering", "grant", "grants", "granted", "granting", "offer", "offers", "offered", "offering", "accept",
    "accepts", "accepted", "accepting", "deal", "deals", "call", "calls", "called", "calling", "meeting",
    "meetings", "meet", "visit", "visits", "visiting", "discuss", "discusses", "discussed", "discussing",
    "discussion", "recognize", "recognise", "recognized", "recognised", "recognizes", "recognises", "release",
    "releases", "released", "releasing", "freed", "freeing", "shut", "shuts", "shutting", "block", "blocks",
    "blocking", "fires", "exercise", "exercises", "drill", "drills", "relief", "loan", "loans", "shell", "shells",
    "beat", "beats", "beating", "beaten", "storm", "storms", "agreement", "agreements", "suspend", "suspends",
    "suspended", "suspending", "recall", "recalls", "recalled", "recalling", "withdraw", "withdraws", "withdrew",
    "withdrawn", "withdrawing", "freeze", "freezes", "froze", "frozen", "sentence", "sentences", "execute",
    "executes", "executed", "capture", "captured", "captures", "decline", "declines", "declined", "dismiss",
    "dismissed", "dismisses", "cancel", "cancels", "cancelled", "canceled", "offensive", "accord", "drone",
    "phone", "phones", "phoned", "phoning", "telephone", "telephones", "lend", "lends", "lending", "lent",
    "plead", "pleads", "pleaded", "pleading", "summit", "summits", "shooting", "shootings", "cooperation",
    "confer", "confers",
    # quote cues: the pipeline parses their sentences anyway (cues.TRIGGERS)
    "deny", "denies", "denied", "ask", "asks", "asked", "asking", "appeal", "appeals", "promise", "promises",
    "promised", "pledge", "pledges", "pledged", "vow", "vows", "vowed", "agree", "agrees", "agreed", "warn",
    "warns", "warned", "welcome", "welcomes", "welcomed", "praise", "praised", "request", "requests", "demand",
    "demands", "demanded", "charge", "charges", "charged", "reject", "rejects", "rejected", "refuse",
    "refuses", "refused",
}


def _build_triggers() -> frozenset[str]:
    forms: set[str] = set()
    for lemma in VERBS:
        forms |= inflect(lemma)
    for noun in NOUNS:
        forms |= _noun_forms(noun)
    forms |= set(PARTICIPANTS) | {"streets"}
    forms |= {"killed", "airstrikes", "air", "clashes", "shot", "met", "fought", "arrested", "detained",
              "demonstrators", "protests", "walkout", "walkouts", "sit-in", "teargas", "gunmen", "bombers",
              "troops", "struck", "strikes", "striking", "bombed", "injured", "wounded", "hostages",
              "froze", "swore", "fled", "sought"}
    forms -= {"air", "troops", "froze", "swore", "fled", "sought", "injured", "wounded", "fought"}
    # the verb ``gun`` would be `gun`/`guns`: only `gunned` is an event word
    forms -= {"gun", "guns", "gunning", "mass", "walk", "step", "pull", "state", "take", "takes", "took", "taken",
              "taking"}
    return frozenset(f for f in forms if f not in _COMMON_FORMS)


TRIGGERS: frozenset[str] = _build_triggers()


# --------------------------------------------------------------------------- small helpers

_LEMMA_FIXES = {"stag": "stage", "staging": "stage"}


def _lemma(tok) -> str:
    lemma = (tok.lemma_ or tok.text).lower()
    return _LEMMA_FIXES.get(lemma, lemma)


def _children(tok, *deps):
    return [c for c in tok.children if c.dep_ in deps]


def _child(tok, *deps):
    for c in tok.children:
        if c.dep_ in deps:
            return c
    return None


def _prep_objects(tok, preps) -> list:
    """Objects of the prepositions ``preps`` attached to ``tok`` (``attack on X`` -> X)."""
    out = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent") and c.lower_ in preps:
            out.extend(g for g in c.children if g.dep_ in ("pobj", "pcomp"))
    return out


def _has_prep(tok, preps) -> bool:
    return any(c.dep_ == "prep" and c.lower_ in preps for c in tok.children)


def _particle(tok) -> str | None:
    p = _child(tok, "prt")
    return p.lower_ if p is not None else None


def _sent_lemmas(doc) -> set[str]:
    out = set()
    for t in doc:
        out.add(_lemma(t))
        out.add(t.lower_)
    for a, b in zip(doc, doc[1:]):
        out.add(f"{a.lower_} {b.lower_}")
        out.add(f"{_lemma(a)} {_lemma(b)}")
    return out


def _words_of(tok) -> set[str]:
    """Lowercase forms and lemmas of a token's subtree (bounded)."""
    out = set()
    for i, t in enumerate(tok.subtree):
        if i > 40:
            break
        out.add(t.lower_)
        out.add(_lemma(t))
    return out


def _subject(tok):
    """The subject of a verb token: its own, a controlling verb's (xcomp), a conjoined verb's."""
    seen = 0
    t = tok
    while t is not None and seen < 6:
        seen += 1
        s = _child(t, "nsubj", "csubj", "expl")
        if s is not None:
            if s.lower_ in ("who", "which", "that") and t.dep_ == "relcl":
                return t.head  # `protesters who blocked the road`
            if s.lower_ == "they":
                return _antecedent(s) or s
            return s
        if _child(t, "nsubjpass") is not None:
            return None
        if t.dep_ in ("xcomp", "conj", "advcl") and t.head.i != t.i and t.head.pos_ in ("VERB", "AUX"):
            if t.dep_ == "advcl" and t.tag_ != "VBG":
                return None
            if t.dep_ == "xcomp":
                # object control: `ordered troops to march`, `urged workers to strike`
                o = _child(t.head, "dobj")
                if o is not None and o.i < t.i:
                    return o
            t = t.head
            continue
        if t.dep_ in ("acl", "relcl") and t.tag_ in ("VBG", "VBD", "VBZ", "VBP", "VB") and t.head.i != t.i:
            h = t.head
            if _lemma(h) in MEDIUM_NOUNS and h.dep_ in ("dobj", "pobj"):
                # `the DNC issued a statement apologizing`: the one who issued it
                v = h.head if h.dep_ == "dobj" else h.head.head
                return _subject(v) if v.pos_ in ("VERB", "AUX") else h
            return h
        if t.dep_ == "acl" and t.tag_ == "VBN" and _lemma(t) in INTRANSITIVE and _agent(t) is None:
            return t.head  # `The teachers, led by X, protested on Monday` misparsed as a participle
        return None
    return None


MEDIUM_NOUNS = {"statement", "letter", "tweet", "post", "release", "video", "message", "communique", "note",
                "notice", "order", "decree", "resolution", "report", "speech", "address"}
INTRANSITIVE = {"protest", "march", "rally", "demonstrate", "strike", "riot", "resign", "clash", "walk"}


def _antecedent(pron):
    """`Police detained 35 workers after they blocked the gate`: a plural noun of the main clause
    (its passive subject or object first, then its subject) that `they` most likely refers to."""
    v = pron.head
    if v.dep_ not in ("advcl", "ccomp", "conj") or v.head.i == v.i:
        return None
    main = v.head
    for dep in ("nsubjpass", "dobj", "nsubj"):
        for c in main.children:
            if c.dep_ == dep and c.pos_ in ("NOUN", "PROPN"):
                h = _np_head(c)
                if h.tag_ in ("NNS", "NNPS") or h.lower_ in ("police", "people") or \
                        any(x.dep_ == "conj" for x in h.children):
                    return c
    return None


def _is_passive(tok) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children) or (
        tok.tag_ == "VBN" and tok.dep_ in ("acl",) and _child(tok, "agent") is not None)


def _agent(tok):
    for c in tok.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by" and tok.tag_ == "VBN"):
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None


# --------------------------------------------------------------------------- noun phrases


OF_HEADS = GENERIC_HEADS | {"ministry", "university", "people", "residents", "families", "government", "city",
                            "state", "bank", "minister", "union", "federation", "association", "chamber",
                            "council", "department", "army", "forces", "soldiers", "troops", "police", "party",
                            "president", "king", "prime", "parliament", "court", "residents", "citizens"}


def _of_belongs(head, prep) -> bool:
    """``members of the union``, ``Ministry of Health``: the ``of`` phrase is part of the name;
    ``accused the police of lying``: it is not."""
    objs = [g for g in prep.children if g.dep_ == "pobj"]
    if not objs:
        return False
    o = objs[0]
    return head.lower_ in OF_HEADS or _lemma(head) in OF_HEADS or (head.pos_ == "PROPN" and o.pos_ == "PROPN")


def _np_tokens(head):
    """(first token index, last token index) of the noun phrase headed by ``head``: modifiers on the
    left, ``of`` phrases and conjuncts on the right; relative clauses, participles, other
    prepositions and appositions are left out."""
    lo = hi = head.i
    for c in head.lefts:
        if c.dep_ in ("compound", "amod", "nmod", "poss", "nn", "flat") or (c.dep_ == "punct" and c.text in "-'"):
            lo = min(lo, c.left_edge.i)
    for c in head.rights:
        if c.dep_ in ("compound", "flat", "case"):
            hi = max(hi, c.right_edge.i)
        elif c.dep_ == "prep" and c.lower_ == "of" and _of_belongs(head, c):
            hi = max(hi, c.right_edge.i)
        elif c.dep_ in ("cc",) and any(x.dep_ == "conj" for x in head.rights):
            pass  # included with its conjunct
        elif c.dep_ == "conj" and (c.pos_ == "PROPN" or c.lower_ in PERSONISH or
                                   _sector_of_words([c.lower_], _lemma(c)) is not None):
            # `students and teachers`, `US and France`; not `police and the deaths`
            lo2, hi2 = _np_tokens(c)
            hi = max(hi, hi2)
    doc = head.doc
    # a possessor or compound may itself have a left edge before lo
    while lo < head.i and (doc[lo].lower_ in SKIP_DETS or doc[lo].dep_ in ("det", "predet", "nummod",
                                                                             "quantmod", "punct")
                           or doc[lo].like_num):
        lo += 1
    while hi > head.i and doc[hi].dep_ in ("punct", "cc"):
        hi -= 1
    return lo, hi


PROTEST_CONTEXT = {"protesters", "protestors", "demonstrators", "slogans", "banners", "placards", "chanting",
                   "chanted", "police", "demands", "demanding", "activists", "sit-in", "dharna", "dissent",
                   "tear gas", "teargas", "riot"}
FINANCE = {"stock", "stocks", "share", "shares", "market", "markets", "price", "prices", "currency", "rupee",
           "dollar", "euro", "index", "bond", "bonds", "oil", "gold", "yen", "pound", "sterling", "value",
           "equities", "equity", "futures", "commodities", "rouble", "yuan", "investors", "team", "side"}
FORCE_WORDS = {"troops", "soldiers", "forces", "police", "policemen", "officers", "army", "warships", "ships",
               "tanks", "jets", "missiles", "artillery", "battalion", "battalions", "brigade", "brigades",
               "units", "reinforcements", "paramilitaries", "rangers", "marines", "commandos", "militia",
               "militias", "reservists", "reserves", "guards", "navy", "submarines", "bombers", "warplanes",
               "drones", "carrier", "destroyers", "frigates", "launchers", "weapons", "personnel", "contingent",
               "peacekeepers", "fighters", "gendarmes", "military", "force"}
MEASURE_NOUNS = {"tonne", "tonnes", "ton", "tons", "kg", "kilograms", "litres", "liters", "truckloads", "truckload",
                 "consignment", "consignments", "shipment", "shipments", "package", "packages", "worth",
                 "million", "billion", "millions", "billions", "lorries", "trucks", "planeloads", "boxes",
                 "crates", "bags", "sacks", "round", "rounds", "canisters", "volley", "volleys", "barrage",
                 "salvo", "kind", "kinds", "type", "types", "wave", "series", "string", "spate"}


def _np_head(tok):
    """``thousands of protesters`` -> protesters; ``a crowd of students`` -> students."""
    low = tok.lower_
    if low in QUANTITY_NOUNS or low in MEASURE_NOUNS or tok.pos_ == "NUM" or tok.lemma_.lower() in QUANTITY_NOUNS:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for g in c.children:
                    if g.dep_ == "pobj":
                        return g
    return tok


@dataclass
class _Phrase:
    text: str
    start: int  # page offsets
    end: int
    head: Any
    lo: int  # token indices
    hi: int


def _phrase(tok, base: int, page: str) -> _Phrase:
    head = _np_head(tok)
    lo, hi = _np_tokens(head)
    doc = head.doc
    start = base + doc[lo].idx
    end = base + doc[hi].idx + len(doc[hi].text)
    raw = page[start:end]
    text = raw.strip(" ,;:\u2014\u2013-\"\u201c\u201d")
    start += raw.index(text) if text else 0
    # a possessor's own mark (`the union's`) is not part of the name
    for mark in ("'s", "\u2019s", "'", "\u2019"):
        if text.endswith(mark) and doc[hi].dep_ == "case":
            text = text[:-len(mark)]
            break
    return _Phrase(text, start, start + len(text), head, lo, hi)


# --------------------------------------------------------------------------- sectors and countries

def demonym_country(word: str) -> str | None:
    """ISO alpha-2 country of a demonym (``Pakistani`` -> PK): :func:`newsgraph.extractors.places.demonym_country`."""
    return places.demonym_country(word)


@lru_cache(maxsize=4096)
def _country_name(name: str) -> str | None:
    """The country a country's or a capital's name stands for (``Britain`` -> GB, ``Islamabad`` -> PK)."""
    p = places.resolve(name.strip())
    if p is None or not p.country or p.confidence < 0.8:
        return None
    return p.country if p.kind in ("country", "region") or places.is_capital(p) else None


def _sector_of_words(words: list[str], head: str | None) -> str | None:
    """Sector named by a phrase's lowercase words; ``head`` (lowercase, lemma) decides first."""
    text = " ".join(words)
    if "opposition" in words:
        return "opposition"
    hits: dict[str, int] = {}
    padded = f" {text} "
    for sector, vocab in SECTORS.items():
        for w in vocab:
            if " " in w and f" {w} " in padded:
                hits.setdefault(sector, 0)
                hits[sector] += 2
    if head in ("supporters", "supporter", "followers", "loyalists", "sympathisers", "sympathizers", "workers",
                "activists", "cadres") and len(words) > 1:
        # `supporters of the former prime minister`, `PTI workers`: a party's people
        rest = _sector_of_words([w for w in words if w != head], None)
        if rest in ("government", "party"):
            return "party"
        if rest == "opposition":
            return "opposition"
    if head and head not in GENERIC_HEADS:
        for sector in SECTOR_ORDER:
            vocab = SECTORS[sector]
            if head in vocab or (head.endswith("s") and head[:-1] in vocab):
                # a multiword name of another sector wins over a generic head word (`riot police`)
                multi = [s for s in hits if s != sector]
                if multi and sector in ("civilians", "civil society", "government"):
                    return max(multi, key=lambda s: (hits[s], -SECTOR_ORDER.index(s)))
                return sector
    if hits:
        return max(hits, key=lambda s: (hits[s], -SECTOR_ORDER.index(s)))
    # nearest modifier to the head first
    for w in reversed(words):
        for sector in SECTOR_ORDER:
            vocab = SECTORS[sector]
            if w in vocab or (w.endswith("s") and w[:-1] in vocab):
                return sector
    return None


# names whose sector depends on their capitals (`Labour` the party, `labour` the work; `WHO`)
CASED_NAMES = {"Labour": "party", "Conservatives": "party", "Tories": "party", "Lib Dems": "party",
               "Liberal Democrats": "party", "Democrats": "party", "Republicans": "party", "Greens": "party",
               "WHO": "international", "UN": "international", "EU": "international", "Congress": "government",
               "Kremlin": "government", "White House": "government", "Downing Street": "government",
               "Pentagon": "military", "Hamas": "rebel", "Hezbollah": "rebel", "Taliban": "rebel"}


def _cased_sector(name: str) -> str | None:
    for key, sector in CASED_NAMES.items():
        if re.search(rf"(?<![\w-]){re.escape(key)}(?![\w-])", name):
            return sector
    return None


def _org_suffix_sector(text: str) -> str | None:
    """Sector from a capitalised name's last word (``Harbour Workers' Union``, ``Supreme Court``)."""
    last = re.findall(r"[A-Za-z]+", text)
    if not last:
        return None
    w = last[-1].lower()
    return {"union": "civil society", "party": "party", "ministry": "government", "court": "judiciary",
            "army": "military", "police": "police", "association": "civil society", "federation": "civil society",
            "front": None, "movement": "civil society", "council": "government", "authority": "government",
            "commission": "government", "bank": "business", "inc": "business", "ltd": "business",
            "corp": "business", "company": "business", "corporation": "business", "forces": "military",
            "force": "military", "navy": "military", "parliament": "government", "assembly": "government",
            "senate": "government", "government": "government", "league": "party", "tribunal": "judiciary",
            "church": "religious", "times": "media", "post": "media", "news": "media", "tv": "media",
            "network": "media"}.get(w)


# --------------------------------------------------------------------------- the candidate event

@dataclass
class _Cand:
    """An event being read from one sentence: its trigger token and what the parse says of it."""

    tok: Any
    type: str
    mode: str | None
    conf: float = 0.9
    negated: bool = False
    future: bool = False
    actor_tok: Any = None  # head tokens of the actor and recipient phrases
    recipient_tok: Any = None
    quote: Quote | None = None  # the attributed statement this verbal event is
    content: Any = None  # the content token of a verbal event (`agreed to [release] ...`)
    extra_tokens: list = field(default_factory=list)  # other triggers folded into this event
    participant: bool = False  # coded from a participant noun (`protesters blocked ...`)


# --------------------------------------------------------------------------- sense decisions

def _weapon_mode(words: set[str]) -> str | None:
    for mode, vocab in WEAPON_MODES:
        if words & vocab:
            return mode
    return None


def _tok_sector(tok) -> str | None:
    """Sector named by the noun phrase of ``tok`` (its own words, not its clauses)."""
    if tok is None:
        return None
    head = _np_head(tok)
    lo, hi = _np_tokens(head)
    return _sector_of_words([t.lower_ for t in head.doc[lo:hi + 1]], _lemma(head))


def _is_civil(tok) -> bool:
    """A subject/actor that is civilian, labour or protest-like."""
    if tok is None:
        return False
    return _tok_sector(tok) in ("civil society", "civilians", "opposition", "party", "religious", "business") or \
        _np_head(tok).lower_ in PARTICIPANTS


def _is_armed(tok) -> bool:
    return _tok_sector(tok) in ("military", "rebel", "police", "crime")


def _is_state(tok) -> bool:
    if tok is None:
        return False
    head = _np_head(tok)
    return _tok_sector(tok) in ("government", "international") or (head.ent_type_ == "GPE" and head.dep_ == "nsubj")


def _political_giver(subj) -> bool:
    """A giver PLOVER codes AID for: a state, an IGO, an armed force, an NGO or charity, a company."""
    if subj is None:
        return True  # unknown: decided by the object
    head = _np_head(subj)
    if head.ent_type_ == "PERSON" or head.pos_ == "PRON" and head.lower_ in ("he", "she", "i"):
        return False
    return _tok_sector(subj) not in ("civilians",)


def _victim(tok) -> bool:
    """A person, a group of people or a named body that can be harmed (not `the ball`, `foxes`)."""
    h = _np_head(tok)
    if h.ent_type_ in ("PERSON", "NORP", "ORG", "GPE") or h.lower_ in PERSONISH or _lemma(h) in PERSONISH:
        return True
    if h.pos_ == "PRON" and h.lower_ in ("him", "her", "them", "us", "me", "who", "whom"):
        return True
    return _tok_sector(h) is not None and _tok_sector(h) != "business"


def _objects(tok):
    objs = _children(tok, "dobj", "attr", "oprd")
    if not objs:
        objs = [c for c in _children(tok, "nsubjpass")]
    return objs


def _obj_words(tok) -> set[str]:
    """Head words of a verb's objects (and their modifiers; `three rounds of tear gas` -> gas)."""
    out: set[str] = set()
    for o in _objects(tok):
        for h in {o, _np_head(o)}:
            out.add(h.lower_)
            out.add(_lemma(h))
            for c in h.children:
                if c.dep_ in ("compound", "amod"):
                    out.add(c.lower_)
    return out


def _warn_is_threat(tok) -> bool:
    """``warned that it would retaliate``, ``warned of consequences``, ``warned X it would face
    sanctions``: a warning of what the speaker (or someone) will do to the addressee; not
    ``warned that prices would rise``."""
    subj = _subject(tok)
    subj_lemma = _lemma(_np_head(subj)) if subj is not None else None
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "against"):
            for g in c.children:
                if g.dep_ in ("pobj", "pcomp") and (_lemma(g) in THREAT_STRONG or
                                                    _content_senses(g) & FORCEFUL):
                    return True
        if c.dep_ in ("ccomp", "xcomp"):
            cs = _subject(c) if c.dep_ == "ccomp" else None
            own = cs is None or cs.pos_ == "PRON" or (subj_lemma is not None and _lemma(_np_head(cs)) == subj_lemma)
            if _lemma(c) == "face" and (_obj_words(c) & THREAT_STRONG or any(
                    _content_senses(o) & FORCEFUL for o in _objects(c))):
                return True
            if own and (_lemma(c) in THREAT_STRONG or _content_senses(c) & (FORCEFUL | {"ASSAULT"}) or
                        _obj_words(c) & THREAT_STRONG):
                return True
    return False


def _near_words(tok) -> set[str]:
    """The content head, its particle, objects and prepositional objects (one level down)."""
    out = {tok.lower_, _lemma(tok)}
    for c in tok.children:
        if c.dep_ in ("dobj", "prt", "compound", "amod", "pobj", "xcomp", "nsubjpass"):
            out |= {c.lower_, _lemma(c)}
        if c.dep_ in ("prep", "xcomp", "dobj", "pobj"):
            for g in c.children:
                if g.dep_ in ("pobj", "dobj", "compound", "amod", "prt"):
                    out |= {g.lower_, _lemma(g)}
    return out


def _content_senses(tok, limit: int = 25) -> set[str]:
    """Event types triggered inside a content subtree (``to impose sanctions`` -> SANCTION)."""
    out: set[str] = set()
    for i, t in enumerate(tok.subtree):
        if i > limit:
            break
        lemma = _lemma(t)
        try:
            if t.pos_ in ("VERB", "AUX") and lemma in VERBS:
                sense = _verb_sense(t, set())
            elif t.pos_ == "NOUN" and (lemma in NOUNS or t.lower_ in NOUNS):
                sense = _noun_sense(t, set())
            else:
                sense = None
        except RecursionError:  # pragma: no cover
            sense = None
        if sense is not None:
            out.add(sense[0])
            if sense[1]:
                out.add(f"{sense[0]}:{sense[1]}")
    return out


def _threat_mode(tok) -> str | None:
    """THREATEN mode from the content of a threat: what would be done."""
    senses: set[str] = set()
    words: set[str] = set()
    for x in tok.children:
        if x.dep_ in ("xcomp", "ccomp", "dobj", "prep", "pcomp", "advcl", "acl"):
            senses |= _content_senses(x)
            words |= _near_words(x)
    if "PROTEST" in senses and not senses & {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"}:
        return None
    if "COERCE:arrest" in senses:
        return "arrest"
    if "COERCE:deport" in senses or "SANCTION:expel" in senses:
        return "expel"
    if senses & {"COERCE:restrict", "COERCE:censor", "COERCE:curfew", "COERCE:martial-law"}:
        return "restrict"
    if "SANCTION" in senses:
        return "relations"
    if senses & {"ASSAULT", "MOBILIZE"}:
        return "violence"
    return _content_mode("THREATEN", words)


def _verb_sense(tok, sent_words: set[str]) -> tuple[str, str | None, float] | None:
    """(type, mode, confidence) of a verb trigger, or None when this use is not an event."""
    lemma = _lemma(tok)
    typ, mode = VERBS[lemma]
    subj = _subject(tok)
    objs = _obj_words(tok)
    prt = _particle(tok)
    if typ is not None:
        if lemma == "refuse":
            x = _child(tok, "xcomp")
            if x is not None and (_lemma(x) in NO_COMMENT or _obj_words(x) & INFO_WORDS):
                return None  # `refused to comment`, `refused to give details`: not a rejection PLOVER codes
            if x is not None and _lemma(x) in VERBS and VERBS[_lemma(x)][0] in VERBAL | {None} and \
                    _lemma(x) in SPEECH:
                return None  # `refused to blame X`: the (negated) verbal act is what is coded
        if lemma in ("wound", "injure", "kill", "murder") and (
                _children(tok, "dobj") and not any(_victim(o) for o in _children(tok, "dobj")) or
                any(o.lower_ in ("himself", "herself", "themselves", "itself") for o in _children(tok, "dobj"))):
            return None  # `injuring her knee`, `killing the ball`, `killed himself`
        if lemma == "kill" or lemma in ("wound", "injure"):
            # a disaster or accident is not an event
            subj_words = _words_of(subj) if subj is not None else set()
            agent = _agent(tok)
            agent_words = _words_of(agent) if agent is not None else set()
            causes = (subj_words | agent_words | sent_words) & CAUSE_SUBJECTS
            if causes and not (sent_words & {w for _, ws in WEAPON_MODES[:6] for w in ws}) and \
                    not _is_armed(subj) and not _is_armed(agent):
                return None  # `a fire at one cafe that killed 25 people`
        if lemma in ("raid",) and "air" in sent_words and ("air raid" in sent_words or "air raids" in sent_words):
            return "ASSAULT", "aerial", 0.9
        if lemma == "visit" and objs & {"website", "site", "page", "doctor", "dentist"}:
            return None
        if lemma == "meet":
            targets = _objects(tok)
            if targets and not any(_entityish(o) for o in targets):
                return None  # `failed to meet the ones he has`
            if objs & {"demand", "demands", "target", "targets", "requirement", "requirements", "deadline",
                       "criteria", "standard", "standards", "need", "needs", "expectations", "goal", "goals",
                       "cost", "costs", "end"} or prt == "up":
                return None
        if lemma == "threaten" and not (_children(tok, "xcomp", "ccomp", "dative") or _prep_objects(tok, {"with"}) or
                                        any(_entityish(o) for o in _children(tok, "dobj"))):
            return None  # `Rangers had rarely threatened`, `it threatens the work`: a danger, not a threat
        if lemma in ("donate",) and (objs & {"blood", "organs", "kidney"} or not _political_giver(subj)):
            return None  # `the Ricketts family donated`: private giving is not PLOVER AID
        if lemma in ("deploy", "mobilize", "mobilise"):
            forces = objs | _words_of(subj) if subj is not None else set(objs)
            if _is_passive(tok) and _child(tok, "nsubjpass") is not None:
                forces |= _words_of(_child(tok, "nsubjpass"))
            if not (forces & FORCE_WORDS or _is_armed(subj) or (lemma != "deploy" and _is_state(subj))):
                return None  # `deployed a fleet of test cars`, `mobilised voters`
        return typ, mode, 0.9

    # ---- context-decided verbs
    if lemma == "strike":
        if objs & {"deal", "agreement", "accord", "bargain", "balance", "tone", "chord", "note", "compromise",
                   "pact", "truce"}:
            return "AGREE", None, 0.85
        subj_h = _np_head(subj) if subj is not None else None
        if subj_h is not None and (_lemma(subj_h) in DISASTERS or subj_h.lower_ in {"lightning", "tragedy",
                                                                                      "disaster", "virus"}):
            return None
        if _is_armed(subj) or (subj_h is not None and _lemma(subj_h) in {"missile", "rocket", "drone", "jet",
                                                                          "warplane", "shell", "bomb"}):
            return "ASSAULT", _weapon_mode(sent_words) or None, 0.85
        if _is_civil(subj) or sent_words & LABOUR_WORDS:
            return "PROTEST", "strike", 0.9
        if any(_victim(o) or _np_head(o).lower_ in PHYSICAL_TARGETS for o in _objects(tok)) and \
                not objs & {"ball", "shot", "post", "bar", "chord", "note", "pose", "match", "blow"}:
            return "ASSAULT", _weapon_mode(sent_words), 0.7  # `struck the convoy`
        return None
    if lemma == "take":
        tos = _prep_objects(tok, {"to"})
        if any(_lemma(o) in ("street", "road", "square") for o in tos):
            return "PROTEST", "demo", 0.85  # `took to the streets`
        return None
    if lemma == "walk":
        if prt in ("out", "off") or _has_prep(tok, {"out", "off"}):
            words = _words_of(tok)
            if "job" in words or "jobs" in words or "work" in words or prt == "out" or _is_civil(subj):
                if "talks" in words or "meeting" in words or "negotiations" in words:
                    return "REJECT", "meet", 0.8
                return "PROTEST", "strike", 0.85
        return None
    if lemma == "demonstrate":
        if _child(tok, "ccomp", "dobj", "xcomp") is not None or _has_prep(tok, {"to"}):
            return None  # `demonstrated their products`, `demonstrated that ...`
        return "PROTEST", "demo", 0.85
    if lemma == "rally":
        if subj is not None and _lemma(_np_head(subj)) in FINANCE:
            return None
        if objs & {"support", "supporters", "voters", "troops"} or _has_prep(tok, {"behind", "around", "round"}):
            return "SUPPORT", None, 0.7
        if _is_civil(subj) or _has_prep(tok, {"against", "outside", "for"}) or sent_words & PROTEST_CONTEXT:
            return "PROTEST", "demo", 0.85
        return None  # `Fiji rallied`, `the currency rallied`
    if lemma == "march":
        if tok.pos_ == "PROPN" or tok.text == "March" and tok.ent_type_ == "DATE":
            return None
        if _is_armed(subj):
            return "MOBILIZE", "troops", 0.8
        return "PROTEST", "demo", 0.85
    if lemma == "boycott":
        if _is_state(subj):
            return "SANCTION", "discontinue", 0.8
        return "PROTEST", "boycott", 0.85
    if lemma == "blockade":
        if _is_armed(subj) or _is_state(subj):
            return "ASSAULT", None, 0.8
        return "PROTEST", "obstruct", 0.85
    if lemma == "occupy":
        if _is_armed(subj):
            return "ASSAULT", None, 0.75
        if _is_civil(subj):
            return "PROTEST", "obstruct", 0.85
        return None
    if lemma == "storm":
        if _is_civil(subj):
            return "PROTEST", "riot", 0.8
        if _is_armed(subj):
            return "ASSAULT", None, 0.8
        return None
    if lemma == "torch":
        if _is_civil(subj):
            return "PROTEST", "riot", 0.8
        return "ASSAULT", "destroy", 0.8
    if lemma == "shoot":
        if objs & {"video", "film", "footage", "scene", "scenes", "photo", "photos", "movie", "documentary"} or \
                prt == "up":
            return None  # `the euro shot up`, `a film shot in Cape Town`
        if prt == "down" and objs & {"plane", "drone", "aircraft", "jet", "helicopter", "missile", "drones"}:
            return "ASSAULT", "firearms", 0.8
        targets = _objects(tok) + _prep_objects(tok, {"at", "on"})
        if any(_victim(t) for t in targets) or any(c.lower_ == "dead" for c in tok.children) or _is_armed(subj):
            return "ASSAULT", "firearms", 0.9
        return None  # `flushing out foxes to be shot`, `shot straight to the top of the charts`
    if lemma == "beat":
        if tok.tag_ == "VBN" or _is_passive(tok) or objs & PERSONISH or prt == "up":
            return "ASSAULT", "beat", 0.85
        return None
    if lemma == "invade":
        if _is_armed(subj) or _is_state(subj) or any(_np_head(o).ent_type_ == "GPE" or _np_head(o).lower_ in (
                "territory", "country", "region", "island", "border") for o in _objects(tok)):
            return "ASSAULT", None, 0.85
        return None  # `would not "invade" the money`
    if lemma == "bombard":
        if not (_is_armed(subj) or _is_armed(_agent(tok)) or _weapon_mode(sent_words - {"bombard", "bombarded"})):
            return None  # `bombarded the sites with data`, `bombarded by U2 fans`
        return "ASSAULT", "heavy-weapons", 0.85
    if lemma == "hijack":
        if objs & {"plane", "aircraft", "airliner", "jet", "flight", "ship", "vessel", "tanker", "bus", "truck",
                   "lorry", "train", "boat", "car", "vehicle", "convoy"}:
            return "ASSAULT", "abduct", 0.85
        return None  # `hijack personal data`
    if lemma == "execute":
        if objs & PERSONISH or _is_passive(tok):
            return "ASSAULT", None, 0.8
        return None
    if lemma == "attack":
        targets = [_np_head(o) for o in _objects(tok)]
        weapon = _weapon_mode(sent_words)
        if _has_prep(tok, {"for"}) or objs & ABSTRACT:
            return "ACCUSE", "disapprove", 0.8
        if _is_armed(subj) or weapon or _has_prep(tok, {"with"}):
            return "ASSAULT", weapon, 0.85
        if any(t.ent_type_ in ("PERSON", "ORG") or t.pos_ == "PRON" for t in targets) or \
                any(c.dep_ == "conj" and _lemma(c) in SPEECH for c in tok.children) or \
                (subj is not None and _np_head(subj).ent_type_ == "PERSON"):
            return "ACCUSE", "disapprove", 0.7  # `attack and critique Donald Trump`, `never attack him`
        if any(t.lower_ in PHYSICAL_TARGETS - {"website", "websites", "site"} or t.ent_type_ in ("GPE", "FAC", "NORP")
               for t in targets):
            return "ASSAULT", weapon, 0.75  # `attacked a police post`
        return None  # `attacked previous privatisations`, `attacking a spammer's website`
    if lemma == "assault":
        return "ASSAULT", "sexual" if "sexually" in sent_words else (_weapon_mode(sent_words) or "beat"), 0.85
    if lemma == "fire":
        if objs & WEAPON_OBJECTS or any(_victim(t) for t in _prep_objects(tok, {"at", "on", "upon"})):
            wm = _weapon_mode(sent_words | objs)
            if objs & {"gas", "teargas", "pellets", "pellet", "canisters", "canister"} or "tear gas" in sent_words \
                    or "rubber bullets" in sent_words or "water cannon" in sent_words:
                wm = "crowd-control"
            elif objs & {"rocket", "rockets", "missile", "missiles", "shell", "shells", "mortar", "mortars",
                         "artillery"}:
                wm = "heavy-weapons"
                targets = _prep_objects(tok, {"into", "toward", "towards", "over"})
                if objs & {"missile", "missiles"} and targets and all(
                        _lemma(_np_head(x)) in ("sea", "ocean", "water", "waters", "test", "zone") for x in targets):
                    return "MOBILIZE", "weapons", 0.8  # a missile test: a show of force
            return "ASSAULT", wm or "firearms", 0.85
        if _lemma(tok.head) == "open" or (tok.dep_ == "dobj" and _lemma(tok.head) == "open"):
            return "ASSAULT", "firearms", 0.85
        return None
    if lemma == "clash":
        if _is_civil(subj):
            return "PROTEST", "riot", 0.8
        if _is_armed(subj) or any(_is_armed(p) for p in _prep_objects(tok, {"with"})) or _weapon_mode(sent_words):
            return "ASSAULT", _weapon_mode(sent_words), 0.8
        return None  # `the two ministers clashed over the budget`
    if lemma == "capture":
        if objs & {"fighters", "soldiers", "militants", "rebels", "troops", "hostages", "soldier", "fighter",
                   "commander", "prisoners"}:
            return "ASSAULT", "abduct", 0.8
        if objs & {"town", "city", "village", "territory", "base", "district", "region", "airport", "hill"}:
            return "ASSAULT", None, 0.75
        return None
    if lemma == "seize":
        if objs & {"power", "control", "opportunity", "moment", "initiative", "chance", "momentum"}:
            if "power" in objs:
                return "ASSAULT", None, 0.6
            return None
        if objs & {"town", "city", "village", "territory", "base", "district", "region", "airport"} and _is_armed(subj):
            return "ASSAULT", None, 0.75
        return "COERCE", "seize", 0.85
    if lemma == "evict":
        if objs & {"families", "residents", "tenants", "squatters", "protesters", "people", "villagers", "settlers",
                   "farmers", "traders", "vendors", "refugees", "migrants", "students", "activists"} or \
                (_is_passive(tok) and _child(tok, "nsubjpass") is not None and
                 _np_head(_child(tok, "nsubjpass")).lower_ in PERSONISH):
            return "COERCE", "seize", 0.8
        return None
    if lemma in ("ban", "outlaw"):
        if objs & {"protest", "protests", "rally", "rallies", "gathering", "gatherings", "march", "marches",
                   "demonstration", "demonstrations", "party", "parties", "group", "groups", "organization",
                   "organisation", "movement", "union", "assembly", "assemblies", "strike", "strikes", "travel",
                   "entry", "opposition", "activity", "activities", "candidate", "leader", "meetings", "sit-in"}:
            return "COERCE", "restrict", 0.85
        if objs & {"newspaper", "newspapers", "website", "websites", "book", "books", "film", "broadcast",
                   "broadcasts", "channel", "channels", "app", "platform", "media", "outlet", "outlets",
                   "publication", "x", "twitter", "tiktok", "youtube", "facebook", "journalists", "reporting"}:
            return "COERCE", "censor", 0.85
        if _is_passive(tok) and _child(tok, "nsubjpass") is not None and \
                _np_head(_child(tok, "nsubjpass")).lower_ in PERSONISH | {"party", "group"}:
            return "COERCE", "restrict", 0.8
        return None
    if lemma == "block":
        words = objs
        if words & {"internet", "website", "websites", "access", "platform", "platforms", "app", "apps", "x",
                    "twitter", "facebook", "youtube", "tiktok", "whatsapp", "broadcast", "channel", "channels",
                    "signal", "mobile", "network", "networks", "service", "services"}:
            return "COERCE", "censor", 0.8
        if _is_civil(subj) and (words & {"road", "roads", "highway", "highways", "street", "streets", "entrance",
                                         "entrances", "gate", "gates", "port", "railway", "rail", "bridge",
                                         "traffic", "access", "junction", "intersection", "motorway", "route",
                                         "routes", "border", "crossing", "terminal", "terminals", "line",
                                         "lines", "tracks"}):
            return "PROTEST", "obstruct", 0.85
        return None
    if lemma == "shut":
        if prt == "down" and objs & {"internet", "newspaper", "newspapers", "website", "websites", "channel",
                                     "channels", "broadcaster", "station", "paper", "outlet", "outlets"}:
            return "COERCE", "censor", 0.8
        if prt == "down" and objs & {"ngo", "ngos", "office", "offices", "party", "organisation", "organization",
                                     "group", "groups", "schools", "universities", "mosques", "churches"}:
            return "COERCE", "restrict", 0.75
        return None
    if lemma == "crack":
        if prt == "down" or _has_prep(tok, {"down"}):
            return "COERCE", None, 0.8
        return None
    if lemma == "expel":
        if objs & {"diplomat", "diplomats", "ambassador", "envoy", "envoys", "attache", "staff"} or \
                _has_prep(tok, {"from"}) and objs & {"member", "members", "party", "leader"}:
            return "SANCTION", "expel", 0.85
        if objs & (PERSONISH | {"foreigners", "nationals", "journalists", "correspondent", "correspondents",
                               "missionaries", "workers"}):
            return "COERCE", "deport", 0.85
        return "SANCTION", "expel", 0.7
    if lemma == "dispatch" or lemma == "mass":
        if objs & {"troops", "soldiers", "forces", "police", "warships", "tanks", "jets", "army", "units",
                   "reinforcements", "officers", "ships", "battalion", "battalions"} or \
                (lemma == "mass" and _is_armed(subj)):
            return "MOBILIZE", None, 0.85
        if objs & {"aid", "supplies", "relief", "food", "medicine", "medicines", "doctors", "rescuers"}:
            return "AID", None, 0.8
        return None
    if lemma == "sanction":
        targets = _objects(tok)
        if not targets or not all(_entityish(o) for o in targets) or \
                any(c.like_num for c in tok.subtree if c.i > tok.i):
            return None  # `sanctioned Rs 5bn`, `sanctioned its use`: approved
        return "SANCTION", None, 0.85
    if lemma == "sentence":
        if tok.tag_ == "VBN" or _is_passive(tok) or objs & PERSONISH:
            return "SANCTION", "convict", 0.9
        return None
    if lemma == "fine":
        if tok.pos_ == "VERB" and (tok.tag_ == "VBN" or objs & PERSONISH or objs & {"company", "firm", "bank"}):
            return "SANCTION", "convict", 0.8
        return None
    if lemma in ("sever", "cut", "freeze", "downgrade", "suspend"):
        rel = objs & {"ties", "relations", "aid", "assistance", "cooperation", "trade", "links", "contacts",
                      "funding", "talks", "negotiations", "membership", "imports", "exports", "flights",
                      "supplies", "assets", "accounts", "diplomatic", "dialogue", "agreement", "deal",
                      "treaty", "loan", "loans", "visas", "exchanges"}
        if lemma == "cut" and prt != "off" and not (objs & {"ties", "relations", "links", "contacts", "aid",
                                                             "assistance", "funding", "supplies"}):
            return None
        if not objs & {"ties", "relations", "links", "contacts", "diplomatic", "membership", "treaty", "talks",
                       "negotiations", "dialogue", "assets", "accounts"} and not any(
                _np_head(x).ent_type_ in ("GPE", "NORP", "ORG") for o in _objects(tok)
                for x in _prep_objects(_np_head(o), {"to", "for", "with"}) + _prep_objects(tok, {"to", "for", "with"})):
            return None  # `Congress cut funding for the pilot program`: a budget, not a sanction
        if rel:
            if lemma == "freeze" and objs & {"assets", "accounts"}:
                return "SANCTION", None, 0.85
            if lemma == "suspend" and objs & {"talks", "negotiations", "dialogue"}:
                return "REJECT", "meet", 0.8
            return "SANCTION", "discontinue", 0.85
        if lemma == "suspend" and objs & {"broadcast", "broadcasts", "newspaper", "channel", "licence", "license",
                                          "internet", "service", "services", "transmission"}:
            return "COERCE", "censor", 0.75
        if lemma == "cut" and prt == "off" and objs & {"internet", "electricity", "water", "power", "fuel",
                                                        "food", "phone", "supplies"}:
            return "COERCE", "withhold", 0.75
        return None
    if lemma == "recall":
        if objs & {"ambassador", "envoy", "diplomats", "diplomat", "ambassadors", "envoys", "staff"}:
            return "SANCTION", "withdraw", 0.85
        return None
    if lemma == "withdraw":
        froms = _prep_objects(tok, {"from"})
        from_words = {_lemma(_np_head(f)) for f in froms} | {f.lower_ for f in froms}
        if from_words & {"treaty", "agreement", "deal", "accord", "pact", "talks", "negotiations", "organization",
                         "organisation", "union", "alliance", "council", "body", "court", "convention",
                         "bloc", "league", "summit", "process", "race", "election", "coalition"}:
            return "SANCTION", "withdraw", 0.85
        if objs & {"troops", "forces", "soldiers", "army", "units", "peacekeepers", "tanks", "personnel"} or \
                (_is_armed(subj) and from_words):
            return "RETREAT", "withdraw", 0.85
        if objs & {"support", "aid", "funding", "recognition", "assistance", "ambassador", "envoy", "backing"}:
            return "SANCTION", "discontinue", 0.8
        if objs & {"charges", "case", "lawsuit", "complaint", "petition", "bill", "plan", "proposal", "demand"}:
            return "CONCEDE", None, 0.7
        return None
    if lemma == "pull":
        if prt == "out" and (_is_armed(subj) or objs & {"troops", "forces", "soldiers"}):
            return "RETREAT", "withdraw", 0.8
        return None
    if lemma in ("release", "free"):
        if objs & {"prisoners", "prisoner", "hostages", "hostage", "detainees", "detainee", "captives", "captive",
                   "activists", "journalist", "journalists", "leader", "leaders", "students", "protesters",
                   "people", "men", "women", "children", "soldiers", "fighters", "crew", "sailors", "suspects",
                   "opposition", "dissidents", "citizens", "nationals", "workers", "inmates"} or \
                (_is_passive(tok) and _child(tok, "nsubjpass") is not None and
                 (_np_head(_child(tok, "nsubjpass")).ent_type_ == "PERSON" or
                  _np_head(_child(tok, "nsubjpass")).lower_ in PERSONISH)) or \
                (_has_prep(tok, {"from"}) and any(_lemma(_np_head(f)) in {"custody", "jail", "prison", "detention",
                                                                            "captivity"}
                                                  for f in _prep_objects(tok, {"from"}))):
            return "RETREAT", "release", 0.85
        return None
    if lemma == "step":
        if prt == "down" or _has_prep(tok, {"down"}):
            return "RETREAT", "resign", 0.85
        return None
    if lemma in ("lift", "ease"):
        if objs & {"curfew", "ban", "bans", "sanctions", "blockade", "restrictions", "embargo", "siege",
                   "emergency", "lockdown", "suspension", "moratorium"}:
            return "CONCEDE", None, 0.85
        return None
    if lemma == "warn":
        return ("THREATEN", None, 0.8) if _warn_is_threat(tok) else None
    if lemma == "protest":
        if _is_state(subj) or sent_words & {"diplomatic", "embassy", "envoy", "ambassador", "formally"} and \
                not _is_civil(subj):
            return "ACCUSE", "disapprove", 0.8
        return "PROTEST", "demo", 0.9
    if lemma == "charge":
        if _has_prep(tok, {"with"}) and _prep_objects(tok, {"with"}) and \
                {_lemma(_np_head(o)) for o in _prep_objects(tok, {"with"})} & {"baton", "stick", "horse", "bayonet",
                                                                                "lathi", "club", "truncheon"}:
            return "ASSAULT", "beat", 0.85
        if _has_prep(tok, {"with"}) or _is_passive(tok) or tok.tag_ == "VBN":
            return "ACCUSE", "allege", 0.85
        return None
    if lemma == "blast":
        if objs and subj is not None and not (_is_armed(subj) or _lemma(_np_head(subj)) in {"bomb", "explosion"}):
            return "ACCUSE", "disapprove", 0.8
        return None
    if lemma == "summon":
        if objs & {"ambassador", "envoy", "diplomat", "diplomats", "charge", "chargé", "high commissioner",
                   "commissioner"}:
            return "ACCUSE", "disapprove", 0.85
        return None
    if lemma in ("decline", "dismiss"):
        if lemma == "decline" and (_child(tok, "xcomp") is not None or objs & {"offer", "invitation", "request",
                                                                                "proposal", "demand", "appeal"}):
            x = _child(tok, "xcomp")
            if x is not None and (_lemma(x) in NO_COMMENT or _obj_words(x) & INFO_WORDS):
                return None
            return "REJECT", None, 0.8
        if lemma == "dismiss" and objs & {"claim", "claims", "allegation", "allegations", "accusation",
                                          "accusations", "report", "reports", "proposal", "demand", "demands",
                                          "offer", "plan", "criticism", "charges", "call", "calls", "appeal"}:
            return "REJECT", None, 0.8
        return None
    if lemma == "cancel":
        if objs & {"talks", "meeting", "meetings", "visit", "trip", "summit", "negotiations", "call", "tour"}:
            return "REJECT", "meet", 0.85
        if objs & {"agreement", "deal", "contract", "treaty", "accord", "visas", "visa", "flights", "licence",
                   "license"} and _is_state(subj):
            return "SANCTION", "discontinue", 0.75
        return None
    if lemma == "deny":
        if objs & {"entry", "visa", "visas", "access", "permission", "request", "bail", "asylum", "passage",
                   "permit", "landing", "leave"}:
            return "REJECT", None, 0.85
        return None
    if lemma in ("agree", "accept"):
        if lemma == "agree":
            # `agreed that ...`, `agreed with the assessment`: opinions, not agreements
            if _child(tok, "ccomp") is not None and _child(tok, "xcomp") is None:
                return None
            withs = _prep_objects(tok, {"with"})
            if withs and not _child(tok, "xcomp", "dobj") and not _prep_objects(tok, {"on", "to", "upon"}):
                return None  # `do not agree with Trump`: an opinion
            return "AGREE", None, 0.85
        if objs & {"offer", "deal", "proposal", "terms", "plan", "agreement", "demands", "demand", "ceasefire",
                   "truce", "invitation", "compromise", "settlement", "mediation", "conditions", "package",
                   "bid"}:
            return "AGREE", None, 0.8
        return None
    if lemma in ("promise", "pledge", "vow", "offer"):
        if lemma == "offer" and not (objs & (ASSIST_WORDS | MEET_WORDS | YIELD_WORDS | {
                "concessions", "concession", "deal", "compromise", "cooperation", "mediation", "troops", "truce",
                "amnesty", "pardon", "guarantees", "protection", "shelter", "resignation", "apology"}) or
                _child(tok, "xcomp") is not None):
            return None  # `cable companies offering net voice calls`
        if lemma == "offer" and objs & {"condolences", "prayers", "sympathy", "thoughts", "explanation",
                                         "details", "comment", "view", "glimpse", "insight", "services",
                                         "discounts", "discount", "course", "courses"}:
            return None
        if objs & ASSIST_WORDS:
            return "AGREE", None, 0.8
        return "AGREE", None, 0.8  # content decided by the governor rule (see _apply_governors)
    if lemma == "ask":
        x = _child(tok, "xcomp")
        if x is not None and (_neg_on(x) or _lemma(x) in {"be", "name", "identify", "remain", "speak", "comment"}):
            return None  # `asked not to be named`
        if x is not None or _has_prep(tok, {"for"}):
            return "REQUEST", None, 0.75
        return None
    if lemma == "appeal":
        if _has_prep(tok, {"for", "to"}) or _child(tok, "xcomp") is not None:
            if _prep_objects(tok, {"against"}):
                return "ACCUSE", "allege", 0.6  # a legal appeal
            return "REQUEST", None, 0.85
        return None
    if lemma == "call":
        if prt == "off":
            return None
        # `called for X`, `called on X to`: the preposition right after the verb
        # (not `called the trial "a proud day for our scientists"`)
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if nxt is not None and nxt.lower_ in ("for", "on", "upon") and nxt.head.i == tok.i:
            return "REQUEST", None, 0.85
        return None
    if lemma == "press":
        if _child(tok, "xcomp") is not None or _has_prep(tok, {"for"}) or prt == "for":
            return "REQUEST", None, 0.8
        return None
    if lemma in ("provide", "send", "deliver", "grant", "lend"):
        if not _political_giver(subj) and not _is_passive(tok):
            return None  # `lent his platform`, `the family provided the group's funding`
        if objs & {"troops", "soldiers", "forces", "police", "warships", "tanks", "jets", "reinforcements"} and \
                lemma == "send":
            return "MOBILIZE", None, 0.8
        if objs & (ASSIST_WORDS | {"tents", "blankets", "equipment", "ammunition", "shelter", "fuel", "water",
                                  "grain", "wheat", "rice", "humanitarian", "vaccine", "doses", "ambulances",
                                  "missiles", "drones", "jets", "tanks"}):
            return "AID", None, 0.85
        if lemma == "grant" and objs & {"pardon", "amnesty", "clemency"}:
            return "CONCEDE", None, 0.85
        if lemma in ("provide", "send", "grant", "lend") and any(
                c.dep_ == "dobj" and (c.ent_type_ == "MONEY" or any(t.text in "$£€¥₹" or t.ent_type_ == "MONEY"
                                                                  for t in c.subtree)) for c in tok.children):
            return "AID", None, 0.75  # `has provided $4.5 million`: money given by a state or an agency
        return None
    if lemma == "host":
        if objs & {"talks", "summit", "meeting", "president", "minister", "delegation", "leader", "counterpart",
                   "leaders", "envoy", "king", "conference", "visit"} or any(
                _np_head(o).ent_type_ in ("PERSON", "NORP", "GPE") for o in _objects(tok)):
            return "CONSULT", None, 0.85
        return None
    if lemma in ("discuss", "talk", "speak"):
        if lemma == "speak" and not (sent_words & {"phone", "telephone", "call"}) and not _prep_objects(tok, {"with"}):
            return None
        if lemma == "talk" and not _prep_objects(tok, {"with", "to"}):
            return None
        if lemma == "discuss" and not _prep_objects(tok, {"with"}) and not (subj is not None and any(
                c.dep_ == "conj" for c in subj.children)):
            return None
        mode = "phone" if sent_words & {"phone", "telephone", "call", "video call"} else None
        return "CONSULT", mode, 0.75
    if lemma in ("recognize", "recognise"):
        if objs & {"independence", "state", "statehood", "government", "sovereignty", "palestine", "kosovo",
                   "taiwan"} or any(_np_head(o).ent_type_ == "GPE" for o in _objects(tok)):
            return "SUPPORT", None, 0.8
        return None
    if lemma == "sign":
        if objs & {"agreement", "deal", "accord", "treaty", "memorandum", "mou", "pact", "declaration",
                   "protocol", "contract", "ceasefire", "truce", "convention", "charter"}:
            return "SUPPORT", None, 0.8
        return None
    if lemma == "back":
        if tok.pos_ == "VERB" and objs and tok.tag_ != "VBN":
            return "SUPPORT", None, 0.75
        return None
    return None


def _noun_sense(tok, sent_words: set[str]) -> tuple[str, str | None, float] | None:
    lemma = _lemma(tok)
    low = tok.lower_
    if low in ("in", "ins") and tok.i >= 2 and tok.doc[tok.i - 1].text == "-" and tok.doc[tok.i - 2].lower_ == "sit":
        low = lemma = "sit-in"  # tokenised `sit - in`
    key = lemma if lemma in NOUNS else low
    if key not in NOUNS:
        key = low.rstrip("s") if low.rstrip("s") in NOUNS else key
    if key not in NOUNS:
        return None
    typ, mode = NOUNS[key]
    mods = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}
    light = _light_verb(tok)
    light_lemma = _lemma(light) if light is not None else None
    if typ is not None:
        if key == "arrest" and "house" in mods:
            return "COERCE", "arrest", 0.85
        if key == "aid" and (mods & {"first", "legal"} or low == "aide" or low == "aides"):
            return None
        if key == "killing" and mods & {"mercy", "honour", "honor"}:
            return "ASSAULT", None, 0.7
        if key in ("crackdown",) and tok.i > 0 and tok.doc[tok.i - 1].lower_ == "the" and not light:
            return typ, mode, 0.7
        return typ, mode, 0.8
    if key in ("protest", "demonstration", "rally", "march"):
        if key == "march" and (tok.text == "March" or tok.ent_type_ == "DATE"):
            return None
        if key == "demonstration" and _prep_objects(tok, {"of"}):
            return None
        if key == "rally" and (mods & {"campaign", "election", "electoral", "relief"} or
                               any(_lemma(_np_head(o)) in FINANCE for o in _prep_objects(tok, {"in", "of"})) or
                               (sent_words & FINANCE and not sent_words & {"protesters", "police", "against"})):
            return None
        if key == "march" and mods & {"long"}:
            return "PROTEST", "demo", 0.8
        if key == "protest" and (mods & {"formal", "diplomatic", "strong", "official"} or
                                 light_lemma in {"lodge", "register", "file", "convey"}):
            return "ACCUSE", "disapprove", 0.85
        if key == "protest" and (light is not None and _is_state(_subject(light)) or
                                 any(_is_state(x) for x in _prep_objects(tok, {"from", "by"})) or
                                 _is_state(_child(tok, "poss"))):
            return "ACCUSE", "disapprove", 0.75  # a government's protest is verbal
        mode = "demo"
        if mods & {"hunger"}:
            mode = "hunger"
        elif mods & {"violent"} or sent_words & {"riot", "riots", "rioting", "looting", "looted", "torched",
                                                   "set fire", "stones", "vandalized", "vandalised"}:
            mode = "riot"
        return "PROTEST", mode, 0.85
    if key == "strike":
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if mods & {"hunger"} or (tok.i > 0 and tok.doc[tok.i - 1].lower_ == "hunger"):
            return "PROTEST", "hunger", 0.9
        if mods & {"air", "drone", "missile", "rocket", "military", "airstrike", "preemptive", "pre-emptive",
                   "retaliatory", "precision", "surgical", "naval", "artillery", "nuclear", "israeli",
                   "russian", "american", "us", "u.s.", "targeted", "aerial"} or \
                (tok.i > 0 and tok.doc[tok.i - 1].lower_ in {"air", "drone", "missile"}):
            mode = "drone" if "drone" in mods or (tok.i > 0 and tok.doc[tok.i - 1].lower_ == "drone") else \
                "aerial" if mods & {"air", "aerial"} or (tok.i > 0 and tok.doc[tok.i - 1].lower_ == "air") else \
                "heavy-weapons" if mods & {"missile", "rocket", "artillery"} else _weapon_mode(sent_words)
            return "ASSAULT", mode, 0.9
        if light_lemma in {"go", "join", "stage", "end", "suspend", "lead", "organise", "organize"} and \
                not sent_words & MILITARY_WORDS:
            return "PROTEST", "strike", 0.85  # `joined the strike`, `went on strike`
        if light_lemma == "call" and tok.dep_ == "nsubjpass" and any(c.dep_ == "agent" for c in light.children) \
                and not sent_words & MILITARY_WORDS:
            return "PROTEST", "strike", 0.85  # `the strike was called by the traders' association`
        if light_lemma == "go" or mods & {"general", "national", "nationwide", "indefinite", "labour", "labor",
                                          "teachers", "doctors", "nurses", "transport", "rail", "token",
                                          "one-day", "two-day", "24-hour", "48-hour", "wildcat", "sympathy",
                                          "warning", "workers", "staff"} or \
                (nxt is not None and nxt.lower_ in ("action", "ballot", "pay", "fund")) or \
                light_lemma in {"call", "stage", "hold", "join", "end", "suspend", "continue", "organise",
                                "organize", "threaten", "lead"} and (sent_words & LABOUR_WORDS or
                                                                     _is_civil(_subject(light))):
            return "PROTEST", "strike", 0.9
        if _prep_objects(tok, {"on", "against"}) and (sent_words & MILITARY_WORDS or
                                                      any(_is_armed(x) for x in _prep_objects(tok, {"on", "against"}))):
            return "ASSAULT", _weapon_mode(sent_words), 0.8
        if sent_words & LABOUR_WORDS:
            return "PROTEST", "strike", 0.8
        if sent_words & MILITARY_WORDS:
            return "ASSAULT", _weapon_mode(sent_words), 0.75
        return None  # `strikes from Rivaldo`: neither a labour nor a military context
    if key == "boycott":
        if light is not None and _is_state(_subject(light)):
            return "SANCTION", "discontinue", 0.75
        return "PROTEST", "boycott", 0.85
    if key == "blockade":
        if mods & {"naval", "military", "israeli"} or (light is not None and _is_armed(_subject(light))):
            return "ASSAULT", None, 0.8
        return "PROTEST", "obstruct", 0.8
    if key == "attack":
        if mods & {"heart", "panic", "asthma", "anxiety", "allergy", "allergic"}:
            return None
        if mods & {"verbal", "personal", "scathing", "political", "blistering", "stinging", "legal"} or \
                any(_lemma(_np_head(o)) in ABSTRACT for o in _prep_objects(tok, {"on"})):
            return "ACCUSE", "disapprove", 0.8
        if mods & {"cyber", "cyberattack", "ransomware", "hacking", "phishing", "virus", "malware", "ddos",
                   "denial-of-service", "hacker", "spam"}:
            return None  # computer attacks are not ASSAULT (PLOVER COERCE cyber needs a state actor)
        mode = _weapon_mode(sent_words | mods)
        if mods & {"suicide"}:
            mode = "suicide-attack"
        who = _child(tok, "poss") or next(iter(_prep_objects(tok, {"by"})), None)
        on = [_np_head(o) for o in _prep_objects(tok, {"on", "against"})]
        if mode or _is_armed(who) or mods & ATTACK_MODS or any(
                m.ent_type_ in ("NORP", "GPE", "DATE") for m in tok.children if m.dep_ in ("compound", "amod",
                                                                                         "nmod", "poss")) or \
                any(o.lower_ in PHYSICAL_TARGETS - {"website", "websites", "site"} or o.ent_type_ in ("GPE", "FAC")
                    for o in on):
            return "ASSAULT", mode, 0.85
        if who is not None and _tok_sector(who) in ("party", "government", "opposition") or \
                (who is not None and _np_head(who).ent_type_ == "PERSON"):
            return "ACCUSE", "disapprove", 0.7  # `the latest Tory attack`
        return None
    if key == "assault":
        if mods & {"sexual"}:
            return "ASSAULT", "sexual", 0.85
        return "ASSAULT", _weapon_mode(sent_words), 0.8
    if key == "offensive":
        if mods & {"military", "ground", "air", "major", "new", "fresh", "final", "spring", "counter", "army",
                   "rebel", "joint"} or sent_words & MILITARY_WORDS or light_lemma in ("launch", "mount", "begin"):
            return "ASSAULT", _weapon_mode(sent_words), 0.8
        return None  # `went on the offensive` in a debate
    if key == "clash":
        parts = _prep_objects(tok, {"between", "with"})
        if any(_is_civil(p) for p in parts) or (light is not None and _is_civil(_subject(light))) or \
                mods & {"violent"} and sent_words & PROTEST_CONTEXT:
            return "PROTEST", "riot", 0.75
        if any(_is_armed(p) for p in parts) or mods & {"armed", "violent", "deadly", "border", "sectarian",
                                                      "tribal", "ethnic", "fierce", "heavy", "fresh"} or \
                sent_words & MILITARY_WORDS or _weapon_mode(sent_words):
            return "ASSAULT", _weapon_mode(sent_words), 0.8
        return None  # `the top-of-the-table clash with Chelsea`
    if key == "raid":
        if mods & {"air"} or (tok.i > 0 and tok.doc[tok.i - 1].lower_ == "air"):
            return "ASSAULT", "aerial", 0.85
        return "COERCE", "seize", 0.8
    if key == "curfew":
        if light_lemma in {"lift", "ease", "relax", "end"}:
            return "CONCEDE", None, 0.85
        return "COERCE", "curfew", 0.85
    if key == "ban":
        objs = {_lemma(_np_head(o)) for o in _prep_objects(tok, {"on"})}
        if light_lemma in {"lift", "ease", "end"}:
            return "CONCEDE", None, 0.8
        if objs & {"protest", "rally", "gathering", "march", "demonstration", "party", "group", "assembly",
                   "strike", "travel", "entry", "sit-in", "meeting"}:
            return "COERCE", "restrict", 0.8
        if objs & {"newspaper", "website", "book", "film", "broadcast", "channel", "app", "platform", "media"}:
            return "COERCE", "censor", 0.8
        return None
    if key == "shutdown":
        if mods & {"internet", "communications", "mobile", "media", "network"}:
            return "COERCE", "censor", 0.85
        return None
    if key in ("exercise", "drill"):
        if mods & {"military", "naval", "war", "live-fire", "joint", "missile", "air", "combat", "army"} or \
                low in ("wargames",):
            if mods & {"joint"} or _prep_objects(tok, {"with"}):
                return "COOPERATE", None, 0.8
            return "MOBILIZE", "troops", 0.8
        return None
    if key == "sanction":
        if light_lemma in {"lift", "ease", "remove", "end", "scrap", "relax", "waive"}:
            return "CONCEDE", None, 0.85
        return "SANCTION", None, 0.8
    if key == "expulsion":
        return "SANCTION", "expel", 0.75
    if key == "threat":
        # someone's threat (`the union's threat of a strike`, `issued a threat`), not a danger
        if _child(tok, "poss") is not None or light_lemma in {"issue", "make", "repeat", "renew", "carry"} or \
                _prep_objects(tok, {"by", "from"}):
            return "THREATEN", None, 0.75
        return None
    if key in ("accusation", "allegation", "condemnation", "criticism", "investigation", "probe", "inquiry"):
        if key in ("investigation", "probe", "inquiry"):
            if light_lemma in {"launch", "open", "order", "begin", "start", "announce", "conduct", "carry",
                               "set"} or _child(tok, "poss") is not None:
                return "ACCUSE", "investigate", 0.8
            return None
        if _child(tok, "poss") is not None or light_lemma in {"level", "make", "voice", "express", "issue",
                                                              "face", "draw"} or _prep_objects(tok, {"by", "from"}):
            return "ACCUSE", mode, 0.75
        return None
    if key in ("rejection", "refusal"):
        if _child(tok, "poss") is not None or _prep_objects(tok, {"by"}):
            return "REJECT", None, 0.7
        return None
    if key in ("agreement", "deal", "accord", "truce", "ceasefire"):
        if light_lemma in {"reach", "strike", "broker", "seal", "conclude", "agree", "hammer", "clinch"}:
            return "AGREE", None, 0.85
        if light_lemma in {"sign", "ratify", "endorse", "approve"}:
            return "SUPPORT", None, 0.8
        if key in ("ceasefire", "truce") and light_lemma in {"declare", "announce", "observe", "respect"}:
            return ("CONCEDE" if light_lemma in {"declare", "announce"} else "RETREAT"), \
                ("ceasefire" if light_lemma in {"observe", "respect"} else None), 0.75
        return None
    if key == "pledge":
        if _child(tok, "poss") is not None or light_lemma in {"make", "give", "announce"}:
            return "AGREE", None, 0.7
        return None
    if key in ("call", "demand", "appeal", "plea", "petition"):
        if key == "call" and (mods & {"phone", "telephone", "video", "conference"} or
                              _prep_objects(tok, {"with"})):
            if _prep_objects(tok, {"with", "between"}) or light_lemma in {"hold", "have", "make", "receive", "take"}:
                return "CONSULT", "phone", 0.8
            return None
        if key == "demand" and mods & {"consumer", "energy", "oil", "market", "global", "domestic", "strong",
                                       "weak", "power", "electricity"}:
            return None
        if key == "appeal" and (mods & {"court", "legal"} or light_lemma in {"file", "lodge", "hear", "reject",
                                                                           "dismiss", "win", "lose"}):
            return None
        # someone's call (`the union's call for talks`, `a call by the UN`, `issued an appeal`)
        if _child(tok, "poss") is not None or _prep_objects(tok, {"by", "from"}) or \
                light_lemma in {"issue", "make", "renew", "repeat", "launch", "lead", "sign", "submit", "voice",
                                "reiterate", "press", "echo", "answer", "heed", "reject", "ignore", "back"}:
            if light_lemma in {"reject", "ignore"}:
                return None  # the rejection is coded from its verb
            return "REQUEST", None, 0.75
        return None
    if key == "fire":
        if light_lemma == "open":
            return "ASSAULT", "firearms", 0.85  # `opened fire on the crowd`
        return None
    if key == "donation":
        if light_lemma in {"make", "give", "send", "pledge", "announce", "deliver", "hand"} or \
                _prep_objects(tok, {"to", "for"}) and any(_entityish(o) for o in _prep_objects(tok, {"to", "for"})):
            return "AID", None, 0.75
        return None
    if key == "relief":
        if mods & {"debt", "humanitarian", "food", "disaster", "emergency", "flood", "earthquake"} or \
                light_lemma in {"send", "deliver", "provide", "distribute", "airlift", "dispatch"}:
            return "AID", None, 0.8
        return None
    if key == "loan":
        if light_lemma in {"give", "grant", "provide", "approve", "extend", "disburse", "offer"}:
            return "AID", None, 0.75
        return None
    if key == "asylum":
        if light_lemma in {"grant", "give", "offer"}:
            return "AID", None, 0.8
        return None
    if key in ("talk", "meeting"):
        if key == "talk" and low != "talks":
            return None
        if light_lemma in {"hold", "have", "begin", "start", "open", "resume", "host", "attend", "continue",
                           "conclude", "convene", "chair"} or _prep_objects(tok, {"with", "between"}):
            if light_lemma in {"cancel", "boycott", "skip", "postpone"}:
                return "REJECT", "meet", 0.75
            mode = "third-party" if _prep_objects(tok, {"between"}) and light_lemma in {"host", "convene",
                                                                                          "chair"} else None
            return "CONSULT", mode, 0.8
        return None
    if key == "visit":
        if light_lemma in {"make", "pay", "begin", "start", "undertake", "conclude", "end", "arrive", "host"} or \
                _child(tok, "poss") is not None or _prep_objects(tok, {"to"}):
            return "CONSULT", "visit", 0.8
        return None
    if key == "cooperation":
        if light_lemma in {"expand", "deepen", "boost", "strengthen", "step", "increase", "begin", "launch"}:
            return "COOPERATE", None, 0.7
        return None
    if key == "release":
        objs = {_lemma(_np_head(o)) for o in _prep_objects(tok, {"of"})}
        if objs & {"prisoner", "hostage", "detainee", "captive", "activist", "journalist", "leader", "student",
                   "protester", "soldier", "sailor", "national", "dissident"} or any(
                _np_head(o).ent_type_ == "PERSON" for o in _prep_objects(tok, {"of"})):
            return "RETREAT", "release", 0.75
        return None
    if key == "withdrawal":
        if _prep_objects(tok, {"of"}) and {_lemma(_np_head(o)) for o in _prep_objects(tok, {"of"})} & {
                "troop", "force", "soldier", "army", "peacekeeper"} or mods & {"troop", "military"}:
            return "RETREAT", "withdraw", 0.75
        froms = _prep_objects(tok, {"from"})
        if froms and any(_lemma(_np_head(f)) in ("treaty", "agreement", "deal", "accord", "pact", "talks",
                                                 "organization", "organisation", "alliance", "union", "council",
                                                 "court", "convention", "bloc", "league", "body", "process")
                         for f in froms):
            return "SANCTION", "withdraw", 0.7
        if froms:
            return "RETREAT", "withdraw", 0.7  # `the US withdrawal from the region`
        return None
    return None


PARTITIVES = QUANTITY_NOUNS | MEASURE_NOUNS | {"some", "one", "part", "series", "round", "wave", "spate", "string",
                                               "raft", "set", "package", "batch", "list", "host"}


def _light_verb(tok):
    """The verb a noun trigger is the object of (``staged a protest``, ``went on strike``,
    ``took part in protests``, ``carried out raids``)."""
    h = tok
    for _ in range(3):
        if h.dep_ in ("dobj", "nsubjpass", "attr", "oprd"):
            v = h.head
            return v if v.pos_ in ("VERB", "AUX") else None
        if h.dep_ == "pobj" and h.head.dep_ in ("prep", "agent"):
            prep = h.head
            if prep.lower_ == "of" and prep.head.lower_ in PARTITIVES:
                h = prep.head  # `imposed some of the harshest sanctions`
                continue
            if prep.lower_ not in ("on", "in", "into", "to", "for"):
                return None
            if prep.head.pos_ in ("VERB", "AUX") and (_lemma(prep.head) in LIGHT_VERBS | REQUEST_GOV |
                                                      {"engage", "resort", "participate", "take", "join"}):
                return prep.head
            if prep.head.pos_ == "NOUN" and _lemma(prep.head) in ("part", "participation") and \
                    prep.head.dep_ in ("dobj",):
                return prep.head.head
            return None
        if h.dep_ == "conj":
            h = h.head
            continue
        return None
    return None


# --------------------------------------------------------------------------- governors

@dataclass
class _Frame:
    kind: str | None = None  # threat | request | agree | cancel | None
    gov: Any = None
    negated: bool = False
    future: bool = False
    hedge: bool = False
    alleged: bool = False


_CONTENT_DEPS = {"xcomp", "ccomp", "pcomp", "advcl", "prep", "pobj", "dobj", "conj", "acomp", "oprd", "attr",
                 "nsubjpass", "agent", "npadvmod", "dative"}


def _neg_on(tok) -> bool:
    for c in tok.children:
        if c.dep_ == "neg" or (c.dep_ in ("advmod",) and c.lower_ in ("never", "not")):
            return True
        if c.dep_ in ("det",) and c.lower_ == "no":
            return True
        if c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in ("nobody", "none", "nothing", "noone") or
                                                  any(g.dep_ == "det" and g.lower_ == "no" for g in c.children)):
            return True
    return False


def _modal(tok) -> tuple[bool, bool]:
    """(future, hedged) from the auxiliaries of a verb."""
    fut = hedge = False
    for c in tok.children:
        if c.dep_ in ("aux", "auxpass"):
            if c.lower_ in FUTURE_AUX:
                fut = True
            elif c.lower_ in MODAL_HEDGES:
                hedge = True
        if c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether"):
            hedge = True
    # `is going to strike`, `are set to march`, `is due to`
    return fut, hedge


def _frame(tok) -> _Frame:
    """Walk from a trigger up through content dependencies; collect what governs it."""
    fr = _Frame()
    t = tok
    steps = 0
    if _neg_on(tok):
        fr.negated = True
    f, h = _modal(tok)
    fr.future |= f
    fr.hedge |= h
    described = False
    while steps < 8 and (t.dep_ in _CONTENT_DEPS or t.dep_ in ("relcl", "acl")) and t.head.i != t.i:
        steps += 1
        dep = t.dep_
        parent = t.head
        t = parent
        if dep == "conj":
            continue  # a conjoined act shares what governs its first conjunct
        lemma = _lemma(parent)
        if dep in ("relcl", "acl"):
            described = True  # `protesters who blocked roads`: the act describes someone
            continue
        if described:
            # only a threat reaches into a description (`warned that protesters who blocked roads
            # would be arrested`: no road was blocked); negation and tense stay the clause's own
            if parent.pos_ == "VERB" and lemma in THREAT_GOV | WARN_GOV and dep in ("ccomp", "xcomp"):
                fr.kind, fr.gov = ("threat" if lemma in THREAT_GOV else "warn"), parent
                return fr
            continue
        if lemma in ("be", "have", "do") and parent.pos_ == "AUX":
            continue
        if dep == "advcl" and not (parent.pos_ == "VERB" and lemma in FUTURE_GOV | AGREE_GOV and
                                   tok.tag_ == "VB"):
            # `..., after the government agreed to ...`: the trigger's clause only modifies another
            return fr
        light = parent.pos_ in ("VERB", "AUX") and dep in ("dobj", "pobj", "prep") and lemma in LIGHT_VERBS
        if parent.pos_ in ("VERB", "AUX") or parent.pos_ == "NOUN" and lemma in (
                THREAT_GOV | REQUEST_GOV | AGREE_GOV | CANCEL_GOV | DENY_GOV | {"plan", "plans", "call"}):
            if lemma in THREAT_GOV:
                fr.kind, fr.gov = "threat", parent
                return fr
            if lemma in WARN_GOV:
                fr.kind, fr.gov = "warn", parent
                return fr
            if lemma == "call" and (_particle(parent) == "off"):
                fr.kind, fr.gov = "cancel", parent
                return fr
            if lemma == "call" and (dep == "dobj" or dep == "nsubjpass" and any(
                    c.dep_ == "agent" for c in parent.children)) and parent.pos_ == "VERB":
                # `the union called a strike`, `the protest was called by the coalition`: organised it
                fr.future = fr.future or _modal(parent)[0]
                if _neg_on(parent):
                    fr.negated = True
                continue
            if lemma in REQUEST_GOV and not (lemma == "demand" and dep == "dobj" and parent.pos_ == "NOUN"):
                if lemma == "ask" and dep not in ("xcomp", "prep", "pobj", "ccomp"):
                    pass
                else:
                    fr.kind, fr.gov = "request", parent
                    return fr
            if lemma in CANCEL_GOV and dep in ("dobj", "xcomp", "nsubjpass"):
                fr.kind, fr.gov = "cancel", parent
                return fr
            if lemma in DENY_GOV and parent.pos_ == "VERB" and dep in ("ccomp", "xcomp", "dobj", "pcomp", "prep",
                                                                        "pobj"):
                fr.negated = True
                fr.gov = parent
                return fr
            if lemma in NEG_GOV and dep in ("xcomp", "dobj", "pcomp", "prep", "pobj"):
                if lemma in ("refuse", "decline"):
                    fr.kind, fr.gov = "refuse", parent
                fr.negated = True
                return fr
            if lemma in AGREE_GOV and (dep in ("xcomp", "dobj", "prep", "pobj", "pcomp") or
                                       dep == "ccomp" and lemma in ("pledge", "promise", "vow", "swear", "guarantee")):
                fr.kind, fr.gov = "agree", parent
                fr.future = True
                return fr
            if lemma in ALLEGE_GOV and dep in ("pcomp", "pobj", "prep", "ccomp", "dobj"):
                fr.alleged = True
            if lemma in FUTURE_GOV and dep in ("xcomp", "dobj", "ccomp", "prep", "pobj"):
                if lemma not in ("organise", "organize", "call", "mobilize", "mobilise", "announce") or \
                        dep == "xcomp":
                    fr.future = True
            if not light and lemma in SPEECH and dep in ("ccomp",):
                # `said that troops attacked`: reported, not hedged; stop at the statement
                if _neg_on(parent) and lemma not in ("say",):
                    fr.negated = True
                return fr
            if _neg_on(parent) and (light or dep in ("xcomp",)):
                fr.negated = True
            f, h = _modal(parent)
            if dep in ("xcomp", "dobj", "prep", "pobj", "conj"):
                fr.future |= f
                fr.hedge |= h
            if parent.tag_ == "VBG" and _lemma(parent) == "go" and dep == "xcomp":
                fr.future = True
            if dep == "advcl":
                # the trigger's clause modifies another; only a conditional hedges it
                return fr
        elif parent.pos_ in ("ADJ",) and lemma in ("set", "due", "likely", "poised", "ready", "expected",
                                                   "scheduled", "planned", "able"):
            fr.future = True
    return fr


# --------------------------------------------------------------------------- modes from content

def _content_mode(kind: str, words: set[str]) -> str | None:
    if kind in ("REQUEST", "REJECT"):
        if words & MEET_WORDS:
            return "meet"
        if words & YIELD_WORDS:
            return "yield"
        if words & ASSIST_WORDS:
            return "assist"
        if words & CHANGE_WORDS:
            return "change"
        return None
    if kind == "THREATEN":
        for mode, vocab in THREAT_MODES:
            if words & vocab:
                return mode
        return None
    return None


def _threat_words(tok) -> set[str]:
    out = set()
    for x in tok.children:
        if x.dep_ in ("xcomp", "ccomp", "dobj", "prep", "advcl", "pcomp"):
            out |= _words_of(x)
    return out


# --------------------------------------------------------------------------- the extractor

class _Sentence:
    """One sentence at work: its doc, offsets and the records that fall inside it."""

    def __init__(self, ctx: "_Context", s: "Sentence"):
        self.ctx = ctx
        self.index = ctx.index
        self.s = s
        self.doc = s.doc
        self.base = s.start
        self.words = _sent_lemmas(s.doc) if s.doc is not None else set()

    def tok_start(self, tok) -> int:
        return self.base + tok.idx

    def tok_end(self, tok) -> int:
        return self.base + tok.idx + len(tok.text)


@dataclass
class _Context:
    page: str
    quotes: Sequence[Quote]
    places: Sequence[Place]
    dates: Sequence[TimeExpression]
    figures: Sequence[Figure]
    dateline: Place | None
    published: str | None
    last_actor: tuple[str, str | None, str | None, int] | None = None  # (name, country, sector, sentence)
    sentences: Sequence["Sentence"] = ()
    acronyms: dict[str, str] | None = None
    index: int = 0  # the sentence being read
    speaker_names: list[str] = field(default_factory=list)
    speaker_roles: dict[str, str] = field(default_factory=dict)


def find_events(page: str, sentences: Sequence["Sentence"], *, quotes: Sequence[Quote] = (),
                places: Sequence[Place] = (), dates: Sequence[TimeExpression] = (),
                figures: Sequence[Figure] = (), dateline: Place | None = None,
                published: str | None = None) -> list[Event]:
    """Events evidenced by the parsed ``sentences`` of one article (page offsets), in text order.

    ``quotes``, ``places``, ``dates`` and ``figures`` are the article's records (page offsets);
    ``dateline`` the dateline's place and ``published`` the article's ISO date. Sentences without
    a parse give only the verbal events of their quotes.
    """
    ctx = _Context(page, quotes, places, dates, figures, dateline, (published or "")[:10] or None)
    ctx.sentences = sentences
    for q in quotes:
        if q.speaker and q.speaker_kind != "group" and q.speaker not in ctx.speaker_names:
            ctx.speaker_names.append(q.speaker)
        if q.speaker and q.speaker_role:
            ctx.speaker_roles.setdefault(q.speaker, q.speaker_role)
    out: list[Event] = []
    for i, s in enumerate(sorted(sentences, key=lambda x: x.start)):
        ctx.index = i
        out.extend(_sentence_events(ctx, s))
    out.sort(key=lambda e: (e.start, e.trigger_start if e.trigger_start is not None else e.start, e.type))
    return out


def _sentence_events(ctx: _Context, s: "Sentence") -> list[Event]:
    sq = [q for q in ctx.quotes if q.cue_start is not None and s.start <= q.cue_start < s.end]
    if s.doc is None:
        return [e for e in (_quote_only_event(ctx, s, q) for q in sq) if e is not None]
    st = _Sentence(ctx, s)
    cands: list[_Cand] = []
    handled_tokens: set[int] = set()
    for tok in st.doc:
        cand = _candidate(st, tok)
        if cand is None:
            continue
        cands.extend(cand)
        handled_tokens.add(tok.i)
    # verbal events of quotes whose cue the parse did not code
    for q in sq:
        cue_toks = [t for t in st.doc if st.tok_start(t) < (q.cue_end or q.cue_start + 1) and
                    st.tok_end(t) > q.cue_start]
        if any(t.i in handled_tokens for t in cue_toks):
            for c in cands:
                if c.tok in cue_toks:
                    c.quote = c.quote or q
            continue
        c = _quote_cand(st, q, cue_toks)
        if c is not None:
            cands.append(c)
    cands = _fold(st, cands)
    events: list[Event] = []
    for c in cands:
        ev = _finish(st, c)
        if ev is None:
            continue
        # two roads to one event (a promised apology and its promise): keep the surer one
        twin = next((o for o in events if o.type == ev.type and o.negated == ev.negated and
                     (o.trigger_start == ev.trigger_start or (o.actor == ev.actor and o.recipient == ev.recipient
                                                               and ev.type in VERBAL))), None)
        if twin is None:
            events.append(ev)
        elif ev.confidence > twin.confidence:
            events[events.index(twin)] = ev
    return events


def _candidate(st: _Sentence, tok) -> list[_Cand] | None:
    """The event(s) a token triggers, after governors; None when it triggers none."""
    lemma = _lemma(tok)
    low = tok.lower_
    sense = None
    participant = False
    if tok.dep_ == "compound" and tok.pos_ == "NOUN" and _lemma(tok.head) not in (
            "action", "campaign", "wave", "movement", "force", "operation"):
        return None  # `curfew deadline`, `aid workers`, `arrest warrant`: a modifier, not an act
    if tok.dep_ == "amod" and tok.pos_ in ("VERB", "ADJ"):
        return None  # `a convicted fraudster`, `wounded soldiers`: a description, not a report
    if tok.text[:1].isupper() and tok.i > 0 and (
            (tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].pos_ == "PROPN" and tok.doc[tok.i + 1].text[:1].isupper())
            or (tok.doc[tok.i - 1].pos_ == "PROPN" and tok.doc[tok.i - 1].text[:1].isupper())):
        return None  # part of a name: `Live Aid`, `Operation Protective Edge`, `Strike Force`
    if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "ADJ" and tok.tag_ == "VBN"):
        if lemma in VERBS:
            sense = _verb_sense(tok, st.words)
        elif low in ("gunned",):
            sense = ("ASSAULT", "firearms", 0.9)
    elif tok.pos_ in ("NOUN", "PROPN") or low in PARTICIPANTS or (low == "in" and tok.pos_ == "NOUN"):
        if low in PARTICIPANTS:
            sense = _participant_sense(tok, st.words)
            participant = sense is not None
        elif tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and lemma in NOUNS and tok.text[:1].islower()):
            if lemma in NOUNS or low in NOUNS or low.rstrip("s") in NOUNS or low in ("in", "ins"):
                sense = _noun_sense(tok, st.words)
    if sense is None:
        return None
    typ, mode, conf = sense
    fr = _frame(tok)
    cand = _Cand(tok, typ, mode, conf, participant=participant)
    cand.negated = fr.negated
    if fr.alleged:
        cand.conf *= 0.6
    if fr.hedge:
        cand.conf *= 0.5
    if fr.future:
        cand.future = True
    if fr.kind == "cancel":
        return None
    if fr.kind in ("threat", "warn"):
        # the act is the content of a threat: code the threat (the governor emits it); not the act
        return None
    if fr.kind == "request":
        return None
    if fr.kind == "agree":
        gov_lemma = _lemma(fr.gov)
        if typ in ("RETREAT", "CONCEDE"):
            cand.type, cand.mode, cand.future = "CONCEDE", None, False
            cand.tok = fr.gov
            cand.content = tok
            return [cand]
        if typ in COOPERATIVE:
            return None  # the AGREE of the governor stands for it
        if typ in FORCEFUL and gov_lemma in ("vow", "pledge", "promise", "swear"):
            return None  # a vow of force: THREATEN from the governor
        return [cand]
    if fr.kind == "refuse":
        cand.negated = True
    if cand.future:
        cand.conf *= 0.6
    # a verbal-event trigger's own governing content: THREATEN/REQUEST/AGREE pick modes from it
    return [cand]


def _participant_sense(tok, words: set[str]) -> tuple[str, str, float] | None:
    head = tok
    # `thousands of protesters` -> the quantity noun carries the dependency
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in QUANTITY_NOUNS | {
            "thousands", "hundreds", "dozens"}:
        head = head.head.head
    if head.dep_ not in ("nsubj", "conj"):
        return None
    verb = head.head
    if head.dep_ == "conj":
        if verb.dep_ != "nsubj":
            return None
        verb = verb.head
    if verb.pos_ not in ("VERB",):
        return None
    vl = _lemma(verb)
    if vl in SPEECH or vl in ("be", "have", "say", "tell", "want", "need", "fear", "face", "include", "number",
                              "remain", "include", "receive", "suffer", "die", "lose", "get", "flee", "disperse"):
        if vl in ("remain",) and ({"camped", "street", "streets", "square", "outside"} & _words_of(verb)):
            pass
        else:
            return None
    mode = PARTICIPANTS[tok.lower_]
    vw = _words_of(verb)
    if vl in ("block", "occupy", "barricade", "blockade", "obstruct") or vw & {"road", "roads", "highway",
                                                                                 "blocked", "sit-in"}:
        mode = "obstruct"
    if vl in ("torch", "loot", "smash", "vandalize", "vandalise", "burn", "ransack", "hurl", "throw", "pelt",
              "attack", "storm", "set", "clash") or vw & {"stones", "fire", "rocks", "molotov"}:
        mode = "riot"
    return "PROTEST", mode, 0.8


def _quote_cand(st: _Sentence, q: Quote, cue_toks) -> _Cand | None:
    """A verbal event from an attributed statement whose cue the parse did not code."""
    typ, mode = _quote_type(q, st.ctx.page[q.start:q.end], cue_toks)
    if typ is None:
        return None
    tok = cue_toks[0] if cue_toks else None
    if tok is None:
        return None
    if any(_lemma(t) in VERBS and t.pos_ in ("VERB", "AUX") for t in cue_toks):
        return None  # the parse already decided this verb (`called the trial "a proud day"`: no event)
    c = _Cand(tok, typ, mode, 0.8, quote=q)
    c.negated = any(_neg_on(t) for t in cue_toks)
    return c


def _quote_type(q: Quote, content: str, cue_toks) -> tuple[str | None, str | None]:
    cue = (q.cue or "").lower()
    words = set(re.findall(r"[a-z][a-z'-]+", content.lower())) | set(re.findall(r"[a-z]+", cue))
    lemmas = {_lemma(t) for t in cue_toks} if cue_toks else set()
    st = q.stance
    if st in ("accuse", "condemn"):
        if lemmas & ALLEGE or any(w.startswith(("accus", "alleg", "blam", "charg")) for w in cue.split()):
            return "ACCUSE", "allege"
        return "ACCUSE", "disapprove"
    if st == "deny":
        rej = lemmas & {"reject", "refuse", "decline", "dismiss", "rebuff", "spurn", "veto"} or \
            any(w.startswith(("reject", "refus", "declin", "dismiss", "rebuff")) for w in cue.split())
        first = set(content.lower().split()[:4])
        if rej or first & (CHANGE_WORDS | MEET_WORDS | {"offer", "request", "proposal", "demand", "demands"}):
            return "REJECT", _content_mode("REJECT", words)
        return None, None  # denying a claim or report is a statement PLOVER does not code
    if st == "urge":
        if lemmas & {"propose", "recommend", "advise", "invite"} and not words & (YIELD_WORDS | MEET_WORDS):
            return "REQUEST", _content_mode("REQUEST", words)
        return "REQUEST", _content_mode("REQUEST", words)
    if st == "warn":
        if not (lemmas & {"warn", "threaten", "caution"} or re.search(r"warn|threat|ultimatum", cue)):
            return None, None  # `fearing the electoral consequences`: a worry, not a threat
        if lemmas & {"threaten"} or words & THREAT_STRONG:
            return "THREATEN", _content_mode("THREATEN", words)
        return None, None
    if st == "promise":
        return "AGREE", None
    if st == "welcome":
        return "SUPPORT", None
    return None, None


def _quote_only_event(ctx: _Context, s: "Sentence", q: Quote) -> Event | None:
    typ, mode = _quote_type(q, ctx.page[q.start:q.end], [])
    if typ is None or not q.speaker:
        return None
    ev = Event(type=typ, text=ctx.page[s.start:s.end], start=s.start, end=s.end, trigger=q.cue or "",
               trigger_start=q.cue_start, trigger_end=q.cue_end, mode=mode, actor=q.speaker,
               confidence=round(0.6 * q.confidence, 3))
    if q.addressee and _sector_of_words(q.addressee.lower().split(), None) != "media":
        ev.recipient = q.addressee
    _fill_where_when(ctx, None, ev, s, None)
    return ev


# --------------------------------------------------------------------------- roles

def _roles(st: _Sentence, c: _Cand) -> None:
    """Fill the actor and recipient tokens of a candidate from the parse."""
    tok = c.tok
    if c.participant:
        c.actor_tok = tok
        verb = tok.head if tok.dep_ == "nsubj" else tok.head.head.head if tok.dep_ == "pobj" else tok.head
        if verb.pos_ == "VERB":
            for o in _children(verb, "dobj"):
                if _np_head(o).ent_type_ in ("ORG", "GPE", "PERSON", "NORP") or _sector(st, o):
                    c.recipient_tok = o
            for o in _prep_objects(verb, {"against", "at"}):
                c.recipient_tok = c.recipient_tok or o
        return
    if tok.pos_ in ("VERB", "AUX", "ADJ"):
        lemma = _lemma(tok)
        if _is_passive(tok):
            c.actor_tok = _agent(tok)
            sp = _child(tok, "nsubjpass")
            if sp is None and tok.dep_ == "acl":
                sp = tok.head
            if c.type == "MOBILIZE":
                # `troops were deployed`: the forces moved are the actor
                c.actor_tok = c.actor_tok or sp
            else:
                c.recipient_tok = sp
        else:
            c.actor_tok = _subject(tok)
            objs = _children(tok, "dobj", "dative")
            if lemma in ("host",) and objs:
                # PLOVER: the visitor is the actor, the host the recipient
                c.actor_tok, c.recipient_tok = objs[0], c.actor_tok
                return
            if objs and c.type not in ("PROTEST",) or objs and _np_head(objs[0]).ent_type_ in ("ORG", "PERSON",
                                                                                               "GPE", "NORP"):
                o = objs[0]
                if _lemma(_np_head(o)) in WEAPON_OBJECTS or _np_head(o).lower_ in WEAPON_OBJECTS:
                    pass
                elif c.type in ("ACCUSE", "REJECT", "SUPPORT", "THREATEN") and _lemma(_np_head(o)) in ABSTRACT | {
                        "attack", "attacks", "killing", "violence", "decision", "move", "claim", "report",
                        "proposal", "offer", "plan", "demand", "demands", "request", "call", "calls"}:
                    # `condemned the attack by X`, `rejected the union's offer`: the target is the one behind it
                    inner = _child(_np_head(o), "poss") or next(iter(_prep_objects(_np_head(o), {"by", "of", "from"})),
                                                                None)
                    c.recipient_tok = inner
                elif c.type in ("MOBILIZE",) or (c.type == "PROTEST" and c.mode == "obstruct"):
                    pass
                elif c.type in ("AID",) and not (_np_head(o).lower_ in PERSONISH or
                                                 _np_head(o).ent_type_ in ("GPE", "ORG", "NORP", "PERSON")):
                    to = _prep_objects(tok, {"to", "for"})  # `donated tents to families`
                    c.recipient_tok = to[0] if to else None
                else:
                    c.recipient_tok = o
            if c.recipient_tok is None:
                preps = {"against", "on", "at", "upon", "with", "to", "into"} if c.type in (
                    "ASSAULT", "PROTEST", "ACCUSE", "THREATEN", "COERCE", "SANCTION", "CONSULT", "COOPERATE",
                    "AGREE", "REQUEST", "AID", "RETREAT") else {"against", "on", "at"}
                if c.type == "PROTEST":
                    preps = {"against", "with"} if lemma == "clash" else {"against"}
                if c.type == "REQUEST":
                    preps = {"on", "upon", "to"}
                if c.type == "AGREE":
                    preps = {"with"}
                if c.type == "CONSULT":
                    preps = {"with"}
                if c.type == "ASSAULT":
                    preps = {"against", "on", "at", "upon", "into"}
                for o in _prep_objects(tok, preps):
                    if c.type in ("ASSAULT", "COERCE") and _is_place_tok(st, o):
                        continue
                    c.recipient_tok = o
                    break
        if c.actor_tok is None and tok.dep_ in ("acl",) and tok.tag_ == "VBG":
            c.actor_tok = tok.head
        if c.actor_tok is None and tok.dep_ == "relcl" and not _is_passive(tok):
            c.actor_tok = tok.head
        return
    # noun triggers
    poss = _child(tok, "poss")
    bys = _prep_objects(tok, {"by", "from"})
    light = _light_verb(tok)
    if poss is not None:
        # `its protests`: the subject of the verb that governs the noun says who
        c.actor_tok = (_subject(light) if poss.pos_ == "PRON" and light is not None else None) or poss
    elif bys and bys[0].head.lower_ == "by":
        c.actor_tok = bys[0]
    else:
        mods = [m for m in tok.children if m.dep_ in ("compound", "amod", "nmod") and m.i < tok.i]
        for m in reversed(mods):
            if m.ent_type_ in ("NORP", "GPE", "ORG") or demonym_country(m.text) or _sector(st, m, alone=True):
                if _lemma(m) in ("air", "drone", "missile", "general", "national", "hunger", "military", "joint",
                                 "nationwide", "naval", "violent", "new", "mass", "street", "large", "peaceful",
                                 "rival", "anti", "diplomatic", "formal", "strong", "humanitarian", "suicide"):
                    continue
                c.actor_tok = m
                break
    if c.actor_tok is None and bys and _lemma(tok) not in ("withdrawal", "release", "expulsion", "deportation"):
        c.actor_tok = bys[0]  # `a protest from the Thai government`
    if c.actor_tok is None and light is not None:
        ll = _lemma(light)
        if ll in RECEIVE_VERBS and c.type in ("AID", "COERCE", "SANCTION", "ASSAULT"):
            # `Ethiopians need assistance`, `X faces sanctions`: the subject is on the receiving end
            if c.recipient_tok is None and not _is_passive(light):
                c.recipient_tok = _subject(light)
        elif ll in LIGHT_VERBS | ORGANISE_VERBS | SUPPORT_VERBS | {"engage", "resort", "participate"}:
            if _is_passive(light):
                c.actor_tok = _agent(light)
            else:
                c.actor_tok = _subject(light)
    if c.actor_tok is None and c.type == "PROTEST":
        ofs = _prep_objects(tok, {"of"})
        if ofs and (_np_head(ofs[0]).lower_ in PERSONISH or _sector(st, ofs[0])):
            c.actor_tok = ofs[0]
    if c.actor_tok is None and tok.dep_ in ("nsubj",) and c.type in ("PROTEST",) and False:
        pass
    preps = {"on", "against", "at", "upon", "targeting", "with"} if c.type != "PROTEST" else {"against"}
    if c.type in ("COERCE", "ASSAULT") and _lemma(tok) not in ("attack", "wave", "series"):
        preps = preps | {"of"}  # `the invasion of Ukraine`, `the arrest of a colleague`
    if c.type == "CONSULT":
        preps = {"with", "between"}
    for o in _prep_objects(tok, preps):
        if _is_place_tok(st, o) and c.type in ("ASSAULT", "COERCE", "PROTEST"):
            continue
        c.recipient_tok = o
        break
    if c.recipient_tok is None and light is not None and c.type in ("SANCTION", "ACCUSE", "ASSAULT", "COERCE"):
        # `imposed sanctions on X`, `opened fire on the crowd`
        for o in _prep_objects(light, {"on", "against", "upon", "at"}):
            if _is_place_tok(st, o) and c.type in ("ASSAULT", "COERCE"):
                continue
            c.recipient_tok = o
            break


def _entityish(tok) -> bool:
    """Whether a phrase can be an actor or recipient: a name, a group, a person, a target."""
    h = _np_head(tok)
    if h.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"):
        return False
    if h.ent_type_ in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC") or h.pos_ == "PROPN":
        return True
    if h.pos_ == "PRON":
        return h.lower_ in ("he", "she", "they", "them", "him", "her", "it", "we", "us", "who", "which", "that")
    low, lem = h.lower_, _lemma(h)
    if low in PERSONISH or lem in PERSONISH or low in PHYSICAL_TARGETS or low in PARTICIPANTS or \
            low in ACTOR_NOUNS or lem in ACTOR_NOUNS:
        return True
    lo, hi = _np_tokens(h)
    return _sector_of_words([t.lower_ for t in h.doc[lo:hi + 1]], lem) is not None


# heads of phrases that name a body or a group (besides the sector words)
ACTOR_NOUNS = ({w.lower() for w in ORG_WORDS | INSTITUTIONS | GROUP_WORDS | ROLE_WORDS} |
               {"bureau", "regulator", "watchdog", "directorate", "inspectorate", "alliance", "coalition",
                "front", "committee", "counterpart", "counterparts", "delegation", "side", "sides", "leadership",
                "junta", "caucus", "bloc", "consortium", "cartel", "network", "syndicate", "donors", "donor",
                "lenders", "creditors", "countries", "nations", "states", "parties", "members", "allies",
                "neighbours", "neighbors", "partners"})


def _noun_actor(h):
    """The actor named inside an event noun used as a subject (`Israeli airstrikes killed`)."""
    poss = _child(h, "poss")
    if poss is not None:
        return poss
    bys = _prep_objects(h, {"by", "from"})
    if bys:
        return bys[0]
    for m in h.children:
        if m.dep_ in ("compound", "amod", "nmod") and m.i < h.i and (
                m.ent_type_ in ("NORP", "GPE", "ORG") or demonym_country(m.text)):
            return m
    return None


def _clean_roles(c: _Cand) -> None:
    if c.actor_tok is not None and not _entityish(c.actor_tok):
        h = _np_head(c.actor_tok)
        c.actor_tok = _noun_actor(h) if (_lemma(h) in NOUNS or h.lower_ in NOUNS or
                                         _lemma(h) in {"bomb", "missile", "rocket", "shell", "blast",
                                                       "explosion", "drone", "jet"}) else None
    if c.recipient_tok is not None and not _entityish(c.recipient_tok):
        c.recipient_tok = None
    if c.recipient_tok is not None and c.actor_tok is not None and \
            _np_head(c.recipient_tok).i == _np_head(c.actor_tok).i:
        c.recipient_tok = None


def _is_place_tok(st: _Sentence, tok) -> bool:
    head = _np_head(tok)
    if head.ent_type_ in ("GPE", "LOC", "FAC"):
        return True
    a, b = st.tok_start(head), st.tok_end(head)
    return any(p.start <= a and b <= p.end and not p.metonymy for p in st.ctx.places)


def _sector(st: _Sentence, tok, alone: bool = False) -> str | None:
    head = _np_head(tok)
    if alone:
        return _sector_of_words([head.lower_], _lemma(head))
    lo, hi = _np_tokens(head)
    words = [t.lower_ for t in head.doc[lo:hi + 1]]
    return _sector_of_words(words, _lemma(head))


# --------------------------------------------------------------------------- folding

def _fold(st: _Sentence, cands: list[_Cand]) -> list[_Cand]:
    """Roles for every candidate, then one event per act in the sentence."""
    for c in cands:
        if c.quote is None or c.actor_tok is None:
            _roles(st, c)
            _clean_roles(c)
    types = {c.type for c in cands if not c.negated}
    out: list[_Cand] = []
    for c in cands:
        # PLOVER: MOBILIZE and raids reported with an ASSAULT are coded as the ASSAULT
        if c.type == "MOBILIZE" and "ASSAULT" in types:
            continue
        if c.type == "COERCE" and c.mode == "seize" and _lemma(c.tok) == "raid" and "ASSAULT" in types:
            continue
        # a protest's own demands are not a separate REQUEST
        if c.type == "REQUEST" and "PROTEST" in types and c.tok.dep_ in ("advcl", "conj", "xcomp", "acl") and \
                any(o.type == "PROTEST" and c.tok.head.i in (o.tok.i, o.tok.head.i) for o in cands):
            continue
        if c.type == "REQUEST" and c.tok.pos_ == "NOUN" and "PROTEST" in types:
            continue
        merged = False
        for o in out:
            if o.type == c.type and o.negated == c.negated and _same_act(st, o, c):
                _absorb(o, c)
                merged = True
                break
        if not merged:
            out.append(c)
    return out


def _same_act(st: _Sentence, a: _Cand, b: _Cand) -> bool:
    if a.mode and b.mode and a.mode != b.mode and a.type not in ("PROTEST", "ASSAULT"):
        return False
    ha = _np_head(a.actor_tok).i if a.actor_tok is not None else None
    hb = _np_head(b.actor_tok).i if b.actor_tok is not None else None
    # `Israeli airstrikes ... killing 20`: the one's actor is the other's trigger
    if hb == a.tok.i or ha == b.tok.i:
        return True
    if ha is not None and hb is not None and ha != hb:
        # `protesters` inside `thousands of protesters` and the same phrase: one actor
        lo, hi = _np_tokens(_np_head(a.actor_tok))
        if not (lo <= hb <= hi):
            return False
    # the actor of one is the trigger of the other (`protesters marched`)
    return True


def _absorb(into: _Cand, other: _Cand) -> None:
    # the verb trigger wins over a noun or participant trigger
    if into.participant and not other.participant or (into.tok.pos_ != "VERB" and other.tok.pos_ == "VERB"
                                                       and not other.participant and
                                                       other.tok.dep_ not in ("oprd", "acomp", "amod")):
        into.tok, other.tok = other.tok, into.tok
        # the verb's own roles first (`a drone strike on a compound killed four militants`)
        if other.recipient_tok is not None:
            into.recipient_tok, other.recipient_tok = other.recipient_tok, into.recipient_tok
        if other.actor_tok is not None and not into.participant:
            into.actor_tok, other.actor_tok = other.actor_tok, into.actor_tok
        into.participant = False
        if other.mode and (into.mode in (None, "demo") or other.mode in ("riot", "obstruct")):
            into.mode = other.mode if other.mode != "demo" else into.mode or other.mode
        else:
            into.mode = into.mode or other.mode
    else:
        if other.mode in ("riot", "obstruct", "hunger", "strike") and into.mode in (None, "demo"):
            into.mode = other.mode
        into.mode = into.mode or other.mode
    into.actor_tok = into.actor_tok if into.actor_tok is not None else other.actor_tok
    into.recipient_tok = into.recipient_tok if into.recipient_tok is not None else other.recipient_tok
    into.quote = into.quote or other.quote
    into.conf = max(into.conf, other.conf)
    into.future = into.future and other.future
    into.extra_tokens.append(other.tok)


# --------------------------------------------------------------------------- finishing an event

def _finish(st: _Sentence, c: _Cand) -> Event | None:
    ctx = st.ctx
    page = ctx.page
    s = st.s
    tok = c.tok
    typ, mode = c.type, c.mode
    # verbal events take modes from their content
    if typ in ("REQUEST", "REJECT", "THREATEN"):
        content = _threat_words(tok) if tok.pos_ in ("VERB", "AUX") else _words_of(tok)
        if c.quote is not None and c.quote.type != "direct":
            content |= set(re.findall(r"[a-z]+", page[c.quote.start:c.quote.end].lower()))
        if typ == "THREATEN" and not mode:
            mode = _threat_mode(tok) if tok.pos_ in ("VERB", "AUX") else _content_mode("THREATEN", content)
        elif typ in ("REQUEST", "REJECT") and not mode:
            mode = _content_mode(typ, content)
    if typ == "AGREE" and tok.pos_ in ("VERB", "NOUN") and _lemma(tok) in {"vow", "pledge", "promise", "swear",
                                                                           "undertake", "commit", "offer"}:
        content = [x for x in tok.children if x.dep_ in ("xcomp", "ccomp", "dobj", "prep")]
        senses: set[str] = set()
        for x in content:
            senses |= _content_senses(x)
        x = _child(tok, "xcomp")
        if senses & FORCEFUL or (x is not None and _lemma(x) in {
                "retaliate", "avenge", "crush", "punish", "respond", "hit", "destroy", "eliminate", "wipe"}):
            # a vow to use force or repression is a threat
            typ, mode = "THREATEN", _threat_mode(tok) or "violence"
        elif "PROTEST" in senses:
            return None  # the protest itself is coded (future) from its own trigger
        elif senses & {"RETREAT", "CONCEDE"}:
            typ, mode = "CONCEDE", None  # a promised release or withdrawal: PLOVER CONCEDE
        elif _lemma(tok) in ("vow", "swear") and x is not None and not senses & COOPERATIVE and not (
                _near_words(x) & (ASSIST_WORDS | MEET_WORDS | YIELD_WORDS | CHANGE_WORDS)):
            return None  # `vowed to fight back`: neither an offer of cooperation nor a threat we can name
    if typ == "MOBILIZE" and mode is None:
        words = _words_of(tok) if tok.pos_ != "VERB" else set()
        for o in _objects(tok) if tok.pos_ == "VERB" else []:
            words |= _words_of(o)
        if tok.pos_ == "VERB" and _child(tok, "nsubjpass") is not None:
            words |= _words_of(_child(tok, "nsubjpass"))
        if words & {"police", "policemen", "officers", "rangers", "gendarmes", "riot"}:
            mode = "police"
        elif words & {"militia", "militias", "volunteers", "militiamen"}:
            mode = "militia"
        elif words & {"missiles", "missile", "tanks", "warships", "jets", "artillery", "weapons", "warplanes",
                      "bombers", "carrier", "submarines", "rocket", "rockets", "launchers", "drones"}:
            mode = "weapons"
        else:
            mode = "troops"
    if typ == "ASSAULT" and mode is None:
        mode = _weapon_mode(st.words)
    if typ == "PROTEST" and mode == "demo":
        if st.words & {"riot", "riots", "rioting", "looting", "looted", "torched", "vandalised", "vandalized",
                       "set fire", "hurled stones", "pelted"}:
            mode = "riot"
    # the trigger text
    t_start = st.tok_start(tok)
    t_end = st.tok_end(tok)
    if tok.lower_ in ("in", "ins") and tok.i >= 2 and tok.doc[tok.i - 2].lower_ == "sit":
        t_start = st.tok_start(tok.doc[tok.i - 2])  # `sit-in`
    prt = _child(tok, "prt")
    if prt is not None and prt.i == tok.i + 1:
        t_end = st.tok_end(prt)
    ev = Event(type=typ, text=page[s.start:s.end], start=s.start, end=s.end, trigger=page[t_start:t_end],
               trigger_start=t_start, trigger_end=t_end, mode=mode, negated=c.negated)
    conf = c.conf
    # actor
    actor = _resolve_party(st, c.actor_tok, c.quote, role="actor")
    recipient = _resolve_party(st, c.recipient_tok, None, role="recipient") if c.recipient_tok is not None else None
    if c.quote is not None and c.quote.speaker and (actor is None or actor[0].lower() in PRONOUNS or
                                                    c.actor_tok is None) and _speaker_ok(st, c.quote):
        actor = _describe(st, c.quote.speaker, None, quote=c.quote)
    if recipient is None and c.quote is not None and c.quote.addressee:
        ad = c.quote.addressee
        if _sector_of_words(ad.lower().split(), ad.lower().split()[-1]) != "media" and \
                ad.lower() not in ("reporters", "journalists") and typ in ("REQUEST", "THREATEN", "ACCUSE", "AGREE"):
            recipient = _describe(st, ad, None)
    orgs, sups = _organisers(st, c)
    ev.organizers = orgs
    ev.supporters = [x for x in sups if actor is None or x != actor[0]]  # `X joined the strike`: X acts
    if actor is None and orgs:
        actor = _describe(st, orgs[0], None)
    if actor is None and typ in VERBAL | {"CONSULT", "COOPERATE", "AID"}:
        return None  # PLOVER needs the one who says, asks, meets or gives
    if actor is None and tok.pos_ == "NOUN" and recipient is None and not c.participant and not (
            typ in ("PROTEST", "ASSAULT", "COERCE") and _has_when_or_where(st, c)):
        return None  # a bare mention (`fear of sanctions`, `speak out over censorship`)
    if actor is not None and actor[1] and actor[2] is None and demonym_country(actor[0]) and \
            " " not in actor[0].strip():
        # `Israeli airstrikes`: the actor is named by its country only
        actor = (actor[0], actor[1], "military" if typ in ("ASSAULT", "MOBILIZE") else "government", actor[3])
    if actor is not None:
        ev.actor, ev.actor_country, ev.actor_sector = actor[0], actor[1], actor[2]
        if actor[0].lower() not in PRONOUNS:
            st.ctx.last_actor = (actor[0], actor[1], actor[2], st.index)
    else:
        conf *= 0.85
    if recipient is not None:
        ev.recipient, ev.recipient_country, ev.recipient_sector = recipient[0], recipient[1], recipient[2]
        if ev.actor and ev.recipient == ev.actor:
            ev.recipient = ev.recipient_country = ev.recipient_sector = None
    conf = _fill_where_when(ctx, st, ev, s, c, conf)
    # domestic forces act in the country where they act
    if ev.actor and not ev.actor_country and ev.actor_sector in ("police", "judiciary") and ev.country:
        ev.actor_country = ev.country
    if ev.actor and not ev.actor_country and ev.actor.lower() in ("authorities", "the authorities") and ev.country:
        ev.actor_country = ev.country
    if ev.recipient and not ev.recipient_country and ev.recipient_sector in ("police", "judiciary") and ev.country:
        ev.recipient_country = ev.country
    ev.size, ev.size_text = _size(st, c, ev)
    if c.type in ("ASSAULT", "COERCE"):
        counts = _casualties(st)
        if c.type == "ASSAULT":
            ev.dead, ev.injured = counts.get("dead"), counts.get("injured")
        else:
            ev.arrested = counts.get("arrested")
    if c.future:
        pass  # already applied
    ev.confidence = round(max(0.05, min(1.0, conf)), 3)
    return ev


def _describe(st: _Sentence, name: str, tok, quote: Quote | None = None,
              title: str | None = None) -> tuple[str, str | None, str | None, Any] | None:
    """(name, country, sector, head token) of a named party, from the words of its name, the places
    inside it, and the role its quotes give it (or ``title``, the words before a person's name)."""
    if not name:
        return None
    words = [w.lower() for w in re.findall(r"[\w'\u2019-]+", name)]
    head = words[-1] if words else None
    country = None
    sector = None
    multi = False
    role = title or st.ctx.speaker_roles.get(name) or (quote.speaker_role if quote is not None else None)
    if tok is not None:
        head_tok = _np_head(tok)
        lo, hi = _np_tokens(head_tok)
        toks = list(head_tok.doc[lo:hi + 1])
        found: list[str] = []
        for t in toks:
            if t.ent_type_ == "NORP" or t.pos_ == "ADJ" or t.pos_ == "PROPN":
                cc = demonym_country(t.text)
                if cc:
                    found.append(cc)
        a, b = st.tok_start(toks[0]), st.tok_end(toks[-1])
        for p in st.ctx.places:
            if a <= p.start and p.end <= b and p.country:
                found.append(p.country)
        conjuncts = [head_tok] + [t for t in toks if t.dep_ == "conj"]
        if len(conjuncts) > 1:
            # `Armenia and Azerbaijan`, `US and French troops`: one country per conjunct, if any
            per = []
            for cj in conjuncts:
                cc = next((p.country for p in st.ctx.places if p.start <= st.tok_start(cj) < p.end and p.country),
                          None) or demonym_country(cj.text) or _country_name(cj.text)
                if cc is None:
                    for m in cj.children:
                        if m.dep_ in ("amod", "compound") and demonym_country(m.text):
                            cc = demonym_country(m.text)
                per.append(cc)
            found = found if all(per) and len(set(per)) == 1 else [c for c in per if c] + ["?"] * (None in per)
        # `US and French troops` are two countries: PLOVER lists both, one field cannot
        country = found[0] if found and len(set(found)) == 1 else None
        multi = len(set(found)) > 1
        head = _lemma(head_tok)
        person = _person_span(head_tok)
        # a person's sector is their role's, not their name's (`RTA president Dana Okafor`)
        sector = None if person is not None else _sector_of_words([t.lower_ for t in toks], head)
        if sector is None and head_tok.ent_type_ == "ORG":
            sector = _org_suffix_sector(name)
        # an apposition naming a role: `Mira Solano, who heads the students' union` / `X, a police officer`
        if sector is None:
            for ch in head_tok.children:
                if ch.dep_ == "appos" or (ch.dep_ == "relcl" and _lemma(ch) in (
                        "be", "head", "lead", "chair", "run", "command", "represent", "direct")):
                    # `X, a police officer`, `X, who heads the students' union`
                    aw = [t.lower_ for t in ch.subtree][:15]
                    sector = _sector_of_words(aw, None)
                    if sector:
                        break
    else:
        sector = _sector_of_words(words, head)
        if sector is None:
            sector = _org_suffix_sector(name)
    if country is None and not (tok is not None and multi):
        for w in re.findall(r"[A-Z][\w-]+(?: [A-Z][\w-]+)?", name):
            cc = demonym_country(w) or _country_name(w)
            if cc:
                country = cc
                break
    if sector is None:
        sector = _cased_sector(name)
    if role:
        role = _expand_acronyms(st.ctx, role)
        rw = [w.lower() for w in re.findall(r"[\w'-]+", role)]
        head_word = rw[-1] if rw else None
        if head_word in TITLES and len(rw) > 1:
            # `RTA president`, `union general secretary`: the body named before the title decides
            rs = _sector_of_words(rw[:-1], None) or (
                None if any(w[:1].isupper() for w in re.findall(r"[\w'-]+", role)[:-1]) else
                _sector_of_words(rw, head_word))
        else:
            rs = _sector_of_words(rw, head_word)
        if rs and (sector is None or sector in ("civilians",)):
            sector = rs
        if country is None:
            for w in re.findall(r"[A-Z][\w-]+", role):
                cc = demonym_country(w) or _country_name(w)
                if cc:
                    country = cc
                    break
    # metonymy: a capital or country acting (`Islamabad said`, `Pakistan expelled`)
    if tok is not None:
        head_tok = _np_head(tok)
        a, b = st.tok_start(head_tok), st.tok_end(head_tok)
        for p in st.ctx.places:
            if p.start <= a and b <= p.end and p.country:
                country = country or p.country
                if p.metonymy or p.kind in ("country",) or head_tok.ent_type_ == "GPE":
                    sector = sector or "government"
        if head_tok.ent_type_ == "GPE" and (lo == hi or head_tok.i == lo or multi):
            # a country or capital acting stands for its government (`Islamabad expelled`, `Iran said`)
            country = country or (None if multi else _country_name(name))
            sector = sector or "government"
    return name, country, sector, tok


# titles whose sector is the one of the body they head (`union president`, `RTA spokesman`)
TITLES = {"president", "chairman", "chairwoman", "chair", "secretary", "director", "chief", "head", "leader",
          "spokesman", "spokeswoman", "spokesperson", "executive", "officer", "coordinator", "member", "founder",
          "convener", "convenor", "organiser", "organizer", "treasurer", "deputy", "vice-president", "general"}
_ACRONYM_DEF = re.compile(r"((?:[A-Z][\w'\u2019.-]*\s+){1,6}[A-Z][\w'\u2019.-]*)\s+\(([A-Z][A-Za-z]{1,7})\)")


def _expand_acronyms(ctx: "_Context", text: str) -> str:
    """`RTA president` -> `Ridgeford Teachers' Association president`, by the page's own definitions."""
    if ctx.acronyms is None:
        lo = min((s_.start for s_ in ctx.sentences), default=0)
        hi = max((s_.end for s_ in ctx.sentences), default=0)
        ctx.acronyms = {}
        for m in _ACRONYM_DEF.finditer(ctx.page, max(0, lo - 2000), hi):
            name, acr = m.group(1).strip(), m.group(2)
            words = [w for w in re.findall(r"[A-Z][\w'\u2019]*", name)]
            if "".join(w[0] for w in words[-len(acr):]) == acr.upper():
                ctx.acronyms[acr] = " ".join(name.split()[-len(acr):]) if len(name.split()) > len(acr) else name
    for acr, name in ctx.acronyms.items():
        text = re.sub(rf"(?<![\w-]){re.escape(acr)}(?![\w-])", name, text)
    return text


def _speaker_ok(st: _Sentence, q: Quote) -> bool:
    """A quote's speaker that can be an actor (`the strength of the euro` cannot)."""
    if q.speaker_kind in ("person", "organization"):
        return True
    d = _describe(st, q.speaker or "", None, quote=q)
    return d is not None and (d[1] is not None or d[2] is not None)


def _resolve_party(st: _Sentence, tok, quote: Quote | None, role: str):
    """(name, country, sector, token) for an actor/recipient token, with names resolved."""
    if tok is None:
        return None
    ctx = st.ctx
    head = _np_head(tok)
    a = st.tok_start(head)
    # a quote's speaker mention at this place gives the resolved name
    for q in ctx.quotes:
        if q.speaker and q.speaker_start is not None and q.speaker_end is not None and \
                q.speaker_start <= a < q.speaker_end and (q.speaker_kind != "group" or head.pos_ == "PRON"):
            return _describe(st, q.speaker, tok if head.lower_ not in PRONOUNS else None, quote=q)
    low = head.lower_
    if low in PRONOUNS or head.pos_ == "PRON":
        if head.dep_ in ("nsubj", "nsubjpass") and low in ("who", "that", "which"):
            ante = head.head.head if head.head.dep_ == "relcl" else None
            if ante is not None:
                return _resolve_party(st, ante, quote, role)
        if role == "recipient" or head.dep_ not in ("nsubj", "poss"):
            return None  # an object pronoun is too often someone else than the last actor
        # `X said it would retaliate`: the subject of the statement
        v = head.head
        if head.dep_ == "nsubj" and v.dep_ in ("ccomp", "xcomp") and _lemma(v.head) in SPEECH:
            sb = _child(v.head, "nsubj")
            if sb is not None and sb.i != head.i and sb.pos_ != "PRON":
                return _resolve_party(st, sb, quote, role)
        if low in ("he", "she"):
            prev = [q for q in ctx.quotes if q.speaker and q.speaker_kind == "person" and
                    (q.speaker_start or q.start) <= a and a - (q.speaker_start or q.start) < 400]
            if prev:
                q = max(prev, key=lambda q: q.speaker_start or q.start)
                return _describe(st, q.speaker, None, quote=q)
        if ctx.last_actor is not None and st.index - ctx.last_actor[3] <= 1 and (
                low in ("they", "their") or low in ("it", "its") and ctx.last_actor[2] not in (None, "civilians")):
            # the actor of an event in this or the previous sentence
            name, country, sector, _ = ctx.last_actor
            return name, country, sector, None
        return None
    ph = _phrase(tok, st.base, ctx.page)
    name = ph.text
    if not name:
        return None
    # a bare surname -> the full name of a quoted speaker
    if head.pos_ == "PROPN" and ph.lo == ph.hi:
        for full in ctx.speaker_names:
            parts = full.split()
            if len(parts) > 1 and parts[-1] == head.text:
                name = full
                break
    # `Mayor Lena Varga`, `Foreign Minister Ishaq Dar`: the person's name; the title gives the sector
    person = _person_span(head)
    title = None
    if person is not None and person[0] > ph.lo and not any(
            t.dep_ == "conj" for t in head.doc[ph.lo:ph.hi + 1]):
        doc = head.doc
        title = doc[ph.lo:person[0]].text.strip(" ,")
        name = doc[person[0]:person[1]].text
        for full in ctx.speaker_names:
            if full.endswith(name) or name.endswith(full):
                name = full
                break
    return _describe(st, name, tok, title=title)


def _person_span(head) -> tuple[int, int] | None:
    """Token range of the PERSON entity that ``head`` ends, if any."""
    if head.ent_type_ != "PERSON":
        return None
    for ent in head.doc.ents:
        if ent.label_ == "PERSON" and ent.start <= head.i < ent.end:
            return ent.start, ent.end
    return None


def _organisers(st: _Sentence, c: _Cand) -> tuple[list[str], list[str]]:
    orgs: list[str] = []
    sups: list[str] = []
    if c.type not in ("PROTEST", "ASSAULT", "MOBILIZE", "COERCE", "AID", "CONSULT"):
        return orgs, sups
    tok = c.tok
    triggers = [tok] + list(c.extra_tokens)

    def add(lst, t):
        r = _resolve_party(st, t, None, "organizer")
        if r is not None and r[0] not in lst and r[0].lower() not in PRONOUNS:
            lst.append(r[0])

    holders = list(triggers)
    if c.actor_tok is not None:
        holders.append(_np_head(c.actor_tok))  # `the teachers, led by the association, protested`
    for trig in holders:
        # `the strike, called by the union` / `a march organised by students`
        acls = []
        for ch in trig.children:
            if ch.dep_ in ("acl", "relcl"):
                acls.append(ch)
                acls.extend(x for x in ch.children if x.dep_ == "conj" and x.tag_ == "VBN")
        for ch in acls:
            if _lemma(ch) in ORGANISE_VERBS | SUPPORT_VERBS:
                ag = _agent(ch)
                if ag is not None:
                    add(orgs if _lemma(ch) in ORGANISE_VERBS else sups, ag)
                elif ch.dep_ == "relcl":
                    sb = _child(ch, "nsubj")
                    if sb is not None and sb.lower_ not in ("that", "which", "who"):
                        add(orgs if _lemma(ch) in ORGANISE_VERBS else sups, sb)
        for ch in trig.children:
            if ch.dep_ == "prep" and ch.lower_ in ("at", "with"):
                for g in ch.children:
                    if g.dep_ == "pobj" and _lemma(g) in ("call", "support", "backing", "behest", "invitation"):
                        for x in _prep_objects(g, {"of", "from"}):
                            add(orgs if _lemma(g) in ("call", "behest", "invitation") else sups, x)
            if ch.dep_ in ("amod", "compound") and ch.lower_ == "led":
                for g in ch.children:
                    if g.dep_ in ("npadvmod", "compound", "nmod"):
                        add(orgs, g)
        # `X organised/called/led the protest`, `X joined the strike`
        light = _light_verb(trig) if trig.pos_ != "VERB" else None
        if light is not None:
            ll = _lemma(light)
            sb = _agent(light) if _is_passive(light) else _subject(light)
            if sb is not None:
                if ll in ORGANISE_VERBS:
                    add(orgs, sb)
                elif ll in SUPPORT_VERBS:
                    add(sups, sb)
        # verbs: `..., backed by the opposition`, `joined by teachers`
        if trig.pos_ == "VERB":
            for ch in trig.children:
                if ch.dep_ in ("advcl", "conj", "acl") and _lemma(ch) in SUPPORT_VERBS | ORGANISE_VERBS and \
                        ch.tag_ == "VBN":
                    ag = _agent(ch)
                    if ag is not None:
                        add(orgs if _lemma(ch) in ORGANISE_VERBS else sups, ag)
            for ch in trig.children:
                if ch.dep_ == "prep" and ch.lower_ in ("with",):
                    for g in ch.children:
                        if g.dep_ == "pobj" and _lemma(g) in ("support", "backing"):
                            for x in _prep_objects(g, {"of", "from"}):
                                add(sups, x)
    # `union-led protest` written with a hyphen
    text = st.ctx.page[st.s.start:st.s.end]
    for m in re.finditer(r"\b([A-Z][\w'\u2019]*(?:\s+[A-Z][\w'\u2019]*){0,4})-led\b", text):
        if m.group(1) not in orgs:
            orgs.append(m.group(1))
    return orgs, sups


# --------------------------------------------------------------------------- where, when, how many

def _fill_where_when(ctx: _Context, st: _Sentence | None, ev: Event, s: "Sentence", c: _Cand | None,
                     conf: float = 1.0) -> float:
    # place
    best = None
    if st is not None:
        cand_places = []
        for p in ctx.places:
            if not (s.start <= p.start and p.end <= s.end) or p.metonymy or p.dateline:
                continue
            tok = _tok_at(st, p.start)
            if tok is None:
                continue
            if _locative(tok, c) and _attached(tok, c):
                cand_places.append((p, tok))
        if cand_places:
            rank = {"city": 0, "admin": 1, "region": 2, "unknown": 1, "country": 3}
            trig = c.tok.i if c is not None else 0
            best = min(cand_places, key=lambda pt: (rank.get(pt[0].kind, 1), abs(pt[1].i - trig)))[0]
        elif not ctx.places and st.doc is not None:
            # no place records: a GPE/LOC/FAC name under a locative preposition, resolved if we can
            for ent in st.doc.ents:
                if ent.label_ in ("GPE", "LOC", "FAC") and _locative(ent.root, c):
                    best = _resolve_place(ent.text, st.tok_start(ent[0]), st.tok_end(ent[-1]))
                    break
    if best is not None:
        ev.place = best.name or best.text
        ev.country = best.country
        ev.lat, ev.lon, ev.geonameid = best.lat, best.lon, best.geonameid
    elif ctx.dateline is not None and ev.type not in ("ACCUSE", "REQUEST", "REJECT", "THREATEN", "AGREE",
                                                      "SUPPORT", "CONCEDE"):
        d = ctx.dateline
        ev.place = d.name or d.text
        ev.country = d.country
        ev.lat, ev.lon, ev.geonameid = d.lat, d.lon, d.geonameid
        conf *= 0.85
    # date
    inside = [d for d in ctx.dates if s.start <= d.start and d.end <= s.end and d.date]
    if inside and st is not None and c is not None and st.doc is not None:
        own, other_time = _clause_span(st, c.tok)
        mine = [d for d in inside if own[0] <= d.start < own[1]]
        # a date of a governing clause may be borrowed (`denied on Monday that officers fired`),
        # not one of a sibling clause (`did not meet them on Monday ... but has invited them`)
        inside = mine or ([] if other_time else [d for d in inside if _governs(st, d.start, c.tok)])
    if inside:
        ref = ev.trigger_start if ev.trigger_start is not None else s.start
        d = min(inside, key=lambda d: (abs(d.start - ref), d.start))
        later = bool(ctx.published and d.date > ctx.published)
        if later and ev.type in VERBAL:
            pass  # `agreed to hold talks next month`: the date is the content's, not the statement's
        else:
            ev.date, ev.date_text = d.date, d.text
            if later and c is not None and not c.future:
                conf *= 0.6
    elif ctx.published and st is not None and c is not None and _about_now(c.tok):
        ev.date, ev.date_text = ctx.published, "(article date)"
        conf *= 0.7
    return conf


def _governs(st: _Sentence, pos: int, tok) -> bool:
    """Whether the word at page offset ``pos`` belongs to a clause that governs ``tok``."""
    t = _tok_at(st, pos)
    if t is None:
        return False
    v = t
    for _ in range(6):
        if v.pos_ in ("VERB", "AUX") and v.dep_ != "aux":
            break
        if v.head.i == v.i:
            break
        v = v.head
    return v.i == tok.i or any(a.i == v.i for a in tok.ancestors)


def _clause_span(st: _Sentence, tok) -> tuple[tuple[int, int], bool]:
    """Page span of the clause that states the act (the trigger's verb, or a noun's light verb, with
    their dependents), and whether that clause is set at another time than the sentence's main one
    (`..., a day after thousands of teachers rallied`)."""
    v = tok
    if v.pos_ != "VERB":
        lv = _light_verb(tok)
        v = lv if lv is not None else tok
    other = False
    t = v
    for _ in range(4):
        if t.dep_ in ("advcl", "pcomp", "pobj", "prep") and any(
                x.lower_ in ("after", "before", "since", "until", "till", "while", "when", "once")
                for x in [t] + [c for c in t.children if c.dep_ in ("mark", "advmod")] + [t.head]):
            other = True
            break
        if t.head.i == t.i:
            break
        t = t.head
    return (st.tok_start(v.left_edge), st.tok_end(v.right_edge)), other


def _has_when_or_where(st: _Sentence, c: _Cand) -> bool:
    """Whether the sentence reports the act itself: it is what the sentence is about (`a knife attack
    in the market left three injured`), or the sentence dates or places it."""
    tok = c.tok
    if tok.dep_ in ("nsubj", "nsubjpass") or any(ch.dep_ == "prep" and ch.lower_ in LOCATIVE and
                                                 _child(ch, "pobj") is not None for ch in tok.children):
        return True
    s = st.s
    if any(s.start <= d.start and d.end <= s.end and d.date for d in st.ctx.dates):
        return True
    for p in st.ctx.places:
        if s.start <= p.start and p.end <= s.end and not p.metonymy:
            t = _tok_at(st, p.start)
            if t is not None and _locative(t, c):
                return True
    if not st.ctx.places:
        return any(e.label_ in ("GPE", "LOC", "FAC") and _locative(e.root, c) for e in st.doc.ents)
    return False


def _resolve_place(text: str, start: int, end: int) -> Place:
    """A place the caller gave no record for (no places passed): kept as written, with the country
    of a well-known name. (The gazetteer is the places extractor's job; the pipeline passes its
    records, so this fallback never loads it.)"""
    return Place(text=text, start=start, end=end, name=text, country=_country_name(text))


def _tok_at(st: _Sentence, pos: int):
    rel = pos - st.base
    for t in st.doc:
        if t.idx <= rel < t.idx + len(t.text):
            return t
        if t.idx > rel:
            return None
    return None


def _locative(tok, c: _Cand | None) -> bool:
    """Whether a place token sits under a locative preposition (``in Karachi``, ``outside the
    Karachi press club``), or under ``on``/``against`` of a physical act (``a raid on Jenin``)."""
    t = tok
    for step in range(5):
        if t.dep_ in ("compound", "amod", "nmod", "poss", "appos", "conj", "flat", "nn"):
            t = t.head
            continue
        if t.dep_ == "pobj":
            prep = t.head
            if prep.lower_ in LOCATIVE:
                # `sent aid to Sudan`, `agreed to`: a destination is a place only of a movement
                return prep.lower_ not in DIRECTIONAL or (c is not None and c.type in ("PROTEST", "MOBILIZE",
                                                                                      "ASSAULT"))
            if prep.lower_ in ("on", "against", "from") and c is not None and c.type in (
                    "ASSAULT", "COERCE", "MOBILIZE") and prep.lower_ != "from":
                return True
            if prep.lower_ == "of" and _lemma(prep.head) in ("streets", "street", "outskirts", "centre", "center",
                                                               "heart", "capital", "city", "town", "part",
                                                               "parts", "area", "areas", "district", "province",
                                                               "region", "north", "south", "east", "west"):
                t = prep.head
                continue
            return False
        if t.dep_ == "npadvmod" or (t.dep_ == "advmod" and t.lower_ in ("here", "there")):
            return True
        if t.dep_ == "dobj" and step == 0 and c is not None and c.type == "ASSAULT":
            return True  # `airstrikes hit Gaza` (not `condemned Russia's invasion`)
        return False
    return False


def _attached(tok, c: _Cand | None) -> bool:
    """Whether a place phrase belongs to the act rather than to a description of someone in it
    (`Petraeus, a general in the conflicts in Iraq, was sentenced`: Iraq is not where)."""
    if c is None:
        return True
    trig = c.tok
    anc = {a.i for a in trig.ancestors} | {trig.i}
    t = tok
    for _ in range(12):
        if t.i in anc:
            return True
        if t.dep_ in ("appos", "relcl") and not any(a.i == trig.i for a in [t] + list(t.subtree)):
            return False
        if t.head.i == t.i:
            return True
        t = t.head
    return True


def _about_now(tok) -> bool:
    """A trigger stated in the present (``are protesting``, ``remain on strike``, ``is under curfew``)."""
    v = tok
    for _ in range(3):
        if v.pos_ in ("VERB", "AUX"):
            break
        v = v.head
    if v.pos_ not in ("VERB", "AUX"):
        return False
    auxes = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
    if v.tag_ == "VBG" and any(a.lower_ in ("is", "are", "am", "'re", "'s") for a in auxes):
        return True
    if _lemma(v) in ("remain", "continue", "stay") and v.tag_ in ("VBZ", "VBP"):
        return True
    if v.tag_ in ("VBZ", "VBP") and any(c.lower_ in ("still", "now") for c in v.children):
        return True
    return False


_CASUALTY_WORDS = {
    "dead": r"(?:killed|dead|died|killing|shot\s+dead|lost\s+their\s+lives|deaths|fatalities|bodies)",
    "injured": r"(?:injured|wounded|hurt|injuring|wounding|injuries)",
    "arrested": r"(?:arrested|detained|held|arresting|detaining|arrests|detentions|rounded\s+up|taken\s+into\s+custody"
                r"|in\s+custody)",
}
# `23 people were killed`, `45 people had been arrested`, `at least 30 protesters injured`
_CASUALTY_AFTER = {k: re.compile(r"[ \t]+(?:[\w'-]+[ \t]+){0,3}?(?:(?:were|was|are|is|have|has|had)[ \t]+(?:been[ \t]+)?)?"
                                 r"(?:reportedly[ \t]+|also[ \t]+)?" + w + r"\b", re.IGNORECASE)
                   for k, w in _CASUALTY_WORDS.items()}
# `killing 23 people`, `arrested at least 37 workers`, `the death toll rose to 23`
_CASUALTY_BEFORE = {k: re.compile(r"\b" + w + r"[ \t]+(?:(?:some|about|around|at[ \t]+least|nearly|more[ \t]+than|over)[ \t]+)?$",
                                  re.IGNORECASE) for k, w in _CASUALTY_WORDS.items()}
_TOLL_BEFORE = re.compile(r"\b(?:death[ \t]+)?toll[ \t]+(?:[\w-]+[ \t]+){0,3}?(?:to|at|of)[ \t]+$", re.IGNORECASE)


def _casualties(st: _Sentence) -> dict[str, float]:
    """The counts of people killed, injured and arrested that the sentence gives (PLOVER's size object)."""
    page = st.ctx.page
    figs = [f for f in st.ctx.figures if st.s.start <= f.start and f.end <= st.s.end
            and f.unit in (None, "count") and f.value and f.value >= 1]
    out: dict[str, float] = {}
    for f in figs:
        after = page[f.end:min(st.s.end, f.end + 60)]
        before = page[max(st.s.start, f.start - 40):f.start]
        for kind in ("dead", "injured", "arrested"):
            if kind in out:
                continue
            m = _CASUALTY_AFTER[kind].match(after)
            if m and not re.search(r"[.;:]", after[:m.start() + len(m.group(0))]) or \
                    _CASUALTY_BEFORE[kind].search(before) or kind == "dead" and _TOLL_BEFORE.search(before):
                out[kind] = f.value
                break
    return out


def _size(st: _Sentence, c: _Cand, ev: Event) -> tuple[float | None, str | None]:
    """Participants' number: a count overlapping the actor phrase or naming participants."""
    figs = [f for f in st.ctx.figures if st.s.start <= f.start and f.end <= st.s.end]
    if not st.ctx.figures:
        try:
            from .figures import find_figures  # noqa: PLC0415 - only when the caller gave no figures

            figs = find_figures(st.ctx.page, st.s.start, st.s.end)
        except Exception:  # noqa: BLE001
            figs = []
    figs = [f for f in figs if (f.unit in (None, "count")) and f.value and f.value >= 2]
    if not figs or c.type not in ("PROTEST", "MOBILIZE", "ASSAULT", "COERCE"):
        return None, None
    actor_span = None
    if c.actor_tok is not None:
        h = _np_head(c.actor_tok)
        # the whole phrase including counts (`around 4,000 dock workers`, `thousands of protesters`)
        top = c.actor_tok
        lo, hi = top.left_edge.i, max(h.i, top.i)
        actor_span = (st.tok_start(top.doc[lo]), st.tok_end(top.doc[hi]))
    recip_span = None
    if c.recipient_tok is not None:
        r = c.recipient_tok
        recip_span = (st.tok_start(r.left_edge), st.tok_end(r.right_edge))
    for f in figs:
        if actor_span and f.start < actor_span[1] and f.end > actor_span[0]:
            return f.value, f.text
    if c.type not in ("PROTEST", "MOBILIZE"):
        return None, None
    for f in figs:
        if recip_span and f.start < recip_span[1] and f.end > recip_span[0]:
            continue
        what = (f.what or "").lower().split()
        last = what[-1] if what else ""
        trig_rel = c.tok.idx + st.base
        # `a 5,000-strong march`
        if "strong" in st.ctx.page[f.start:f.end + 8] and abs(f.end - trig_rel) < 20 or \
                f.start <= trig_rel < f.end:
            return f.value, f.text
        if last in PARTICIPANTS or last in PERSONISH or _sector_of_words([last], last) in (
                "civil society", "civilians") or (c.type == "MOBILIZE" and last in SECTORS["military"] |
                                                  SECTORS["police"]):
            return f.value, f.text
    return None, None


# --------------------------------------------------------------------------- merging

_STOP = {"the", "of", "and", "a", "an", "'s", "\u2019s", "its", "their", "in", "for", "on", "to", "at", "s"}


def _norm_words(name: str | None) -> set[str]:
    if not name:
        return set()
    out = set()
    for w in re.findall(r"[\w]+", name.lower()):
        if w in _STOP:
            continue
        if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        out.add(w)
    return out


def _acronym(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w'\u2019]*", name) if w[0].isupper())


def _names_overlap(a: str, b: str) -> bool:
    if a.lower() == b.lower():
        return True
    wa, wb = _norm_words(a), _norm_words(b)
    if not wa or not wb:
        return False
    # acronyms: `HWU` and `Harbour Workers' Union`
    for x, y in ((a, b), (b, a)):
        if re.fullmatch(r"[A-Z]{2,6}", x.strip()) and _acronym(y) == x.strip():
            return True
        m = re.search(r"\(([A-Z]{2,6})\)", y)
        if m and m.group(1) == x.strip():
            return True
    inter = wa & wb
    if not inter:
        return False
    return len(inter) / min(len(wa), len(wb)) > 0.5


def _generic(name: str | None) -> bool:
    if not name:
        return True
    ws = _norm_words(name)
    return not ws or all(w in GENERIC_ACTORS or w + "s" in GENERIC_ACTORS for w in ws)


def _parties(e: Event) -> list[str]:
    out = [e.actor] if e.actor else []
    out += [o for o in e.organizers if o]
    return out


def _days(a: str, b: str) -> int | None:
    try:
        return abs((_Date.fromisoformat(a[:10]) - _Date.fromisoformat(b[:10])).days)
    except ValueError:
        return None


def _same_place(a: Event, b: Event) -> bool | None:
    """True/False when both places are known, None when one is not."""
    if not a.place or not b.place:
        return None
    if a.geonameid and b.geonameid:
        return a.geonameid == b.geonameid
    return a.place.strip().lower() == b.place.strip().lower()


def _conflict(a: Event, b: Event) -> bool:
    """Whether two events cannot be one: other type or negation, other mode, dates more than a day
    apart, other places, other actor countries, recipients or actors that name different parties."""
    if a.type != b.type or a.negated != b.negated:
        return True
    if a.mode and b.mode and a.mode != b.mode:
        return True
    if a.date and b.date:
        d = _days(a.date, b.date)
        if d is None or d > 1:
            return True
    sp = _same_place(a, b)
    if sp is False:
        return True
    if a.actor_country and b.actor_country and a.actor_country != b.actor_country:
        return True
    if a.recipient and b.recipient and not _generic(a.recipient) and not _generic(b.recipient):
        if not _names_overlap(a.recipient, b.recipient) and \
                not (a.recipient_sector and a.recipient_sector == b.recipient_sector and
                     a.recipient_country == b.recipient_country and sp):
            return True
    known_a = [p for p in _parties(a) if not _generic(p)]
    known_b = [p for p in _parties(b) if not _generic(p)]
    if known_a and known_b and not any(_names_overlap(x, y) for x in known_a for y in known_b):
        # different names for one collective (`dock workers`, `the union`) only at one place and time
        return not (a.actor_sector and a.actor_sector == b.actor_sector and sp and
                    (not a.date or not b.date or _days(a.date, b.date) == 0))
    return False


def _evidence(a: Event, b: Event) -> bool:
    """Whether two events that do not conflict are positively the same: the same named actor, or
    the same place and day, or (within one article) the same place or day."""
    known_a = [p for p in _parties(a) if not _generic(p)]
    known_b = [p for p in _parties(b) if not _generic(p)]
    if any(_names_overlap(x, y) for x in known_a for y in known_b):
        return True
    same_day = bool(a.date and b.date and _days(a.date, b.date) is not None and _days(a.date, b.date) <= 1)
    same_place = bool(_same_place(a, b))
    if same_day and same_place:
        return True
    if a.article_id == b.article_id and (same_day or same_place):
        return True
    if known_a and known_b and same_place and a.actor_sector == b.actor_sector:
        return True
    return False


def _key(e: Event) -> tuple:
    return (e.type, e.date or "~", e.article_id, e.start, e.trigger_start if e.trigger_start is not None else -1,
            e.end, e.actor or "", e.recipient or "", e.mode or "", e.place or "", e.negated, e.text, e.id)


def merge_events(events: Sequence[Event]) -> list[list[Event]]:
    """Group events that tell one real-world event (see the module docstring).

    Pure and deterministic: the groups and their order do not depend on the order of ``events``
    (groups in the canonical order of their first event: type, date, article, offsets)."""
    order = sorted(events, key=_key)
    groups: list[list[Event]] = []
    for e in order:
        for g in groups:
            if g[0].type == e.type and not any(_conflict(e, o) for o in g) and any(_evidence(e, o) for o in g):
                g.append(e)
                break
        else:
            groups.append([e])
    return groups
