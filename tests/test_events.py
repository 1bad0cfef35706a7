"""Coded events (newsgraph.extractors.events). Sentences and pages are invented for these tests.

Cases live in tests/data/events/cases.jsonl: one sentence (or a few) with the places the places
extractor would give, and the events expected (each listed field must match one event; ``exact``
means no other event may be found; ``absent`` lists types that must not be found).
"""
from __future__ import annotations

import json
import random
import time
from dataclasses import replace
from pathlib import Path

import pytest

from newsgraph import nlp
from newsgraph.extractors.dates import find_dates
from newsgraph.extractors.events import SECTORS, TRIGGERS, find_events, merge_events
from newsgraph.extractors.figures import find_figures
from newsgraph.extractors.quotes import Sentence
from newsgraph.model import Event, Place, Quote

DATA = Path(__file__).parent / "data" / "events"
PUBLISHED = "2026-03-05"  # a Thursday


@pytest.fixture(scope="module", autouse=True)
def _model():
    nlp.load()  # once per test session (cached)


def sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """Split ``text[start:end]`` and parse every sentence, as the pipeline does for trigger sentences."""
    end = len(text) if end is None else end
    doc = nlp.split(text[start:end])
    out, docs = [], []
    for s in doc.sents:
        out.append(Sentence(start + s.start_char, start + s.end_char))
        docs.append(s.as_doc())
    for s, d in zip(out, nlp.parse(docs)):
        s.doc = d
    return out


def places_in(text: str, specs) -> list[Place]:
    out = []
    for p in specs or ():
        i = text.index(p["text"])
        out.append(Place(text=p["text"], start=i, end=i + len(p["text"]), name=p.get("name", p["text"]),
                         country=p.get("country"), kind=p.get("kind", "city"), confidence=0.9,
                         geonameid=p.get("geonameid"), metonymy=p.get("metonymy", False)))
    return out


def events(text: str, *, places=(), quotes=(), published: str | None = PUBLISHED, dateline=None,
           sents=None) -> list[Event]:
    sents = sents if sents is not None else sentences(text)
    evs = find_events(text, sents, quotes=quotes, places=places,
                      dates=find_dates(text, reference=published) if published else [],
                      figures=find_figures(text), dateline=dateline, published=published)
    for e in evs:
        assert text[e.start:e.end] == e.text
        assert e.trigger_start is not None and text[e.trigger_start:e.trigger_end] == e.trigger, e
        assert 0.0 < e.confidence <= 1.0
        assert e.type in {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                          "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
    return evs


def brief(e: Event) -> dict:
    return {k: v for k, v in vars(e).items()
            if v not in (None, [], "", False) and k not in ("text", "start", "end", "trigger_start",
                                                            "trigger_end", "lat", "lon", "id", "article_id")}


def matches(e: Event, want: dict) -> bool:
    for k, v in want.items():
        if k == "max_confidence":
            if e.confidence > v:
                return False
        elif k == "size" and v is not None:
            if e.size is None or abs(e.size - v) > 1e-6:
                return False
        elif getattr(e, k) != v:
            return False
    return True


CASES = [json.loads(line) for line in (DATA / "cases.jsonl").read_text(encoding="utf-8").splitlines() if line]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case):
    text = case["text"]
    evs = events(text, places=places_in(text, case.get("places")))
    got = [brief(e) for e in evs]
    for want in case["expect"]:
        assert any(matches(e, want) for e in evs), f"missing {want}\n got {got}"
    for t in case.get("absent", ()):
        assert all(e.type != t for e in evs), f"unexpected {t}: {got}"
    if case.get("exact"):
        assert len(evs) == len(case["expect"]), got


def test_cases_cover_required_types_and_modes():
    required = {"PROTEST", "ACCUSE", "REJECT", "AGREE", "REQUEST", "THREATEN", "SANCTION", "ASSAULT", "COERCE",
                "MOBILIZE", "AID", "CONSULT", "COOPERATE"}
    types = {w["type"] for c in CASES for w in c["expect"]}
    assert required <= types
    modes = {(w["type"], w.get("mode")) for c in CASES for w in c["expect"]}
    for m in [("PROTEST", "demo"), ("PROTEST", "strike"), ("PROTEST", "riot"), ("PROTEST", "obstruct"),
              ("PROTEST", "hunger"), ("PROTEST", "boycott"), ("ASSAULT", "firearms"), ("ASSAULT", "aerial"),
              ("ASSAULT", "drone"), ("ASSAULT", "crowd-control"), ("COERCE", "arrest"), ("COERCE", "curfew"),
              ("COERCE", "censor"), ("MOBILIZE", "troops"), ("MOBILIZE", "police")]:
        assert m in modes


# --------------------------------------------------------------------------- quotes as verbal events

def quote(text: str, content: str, cue: str, speaker: str, mention: str | None = None, stance: str = "assert",
          kind: str = "person", role: str | None = None, qtype: str = "indirect", addressee=None) -> Quote:
    s = text.index(content)
    c = text.index(cue)
    m = text.index(mention or speaker)
    return Quote(text=content, start=s, end=s + len(content), type=qtype, cue=cue, cue_start=c, cue_end=c + len(cue),
                 speaker=speaker, speaker_mention=mention or speaker, speaker_start=m,
                 speaker_end=m + len(mention or speaker), speaker_kind=kind, speaker_role=role, stance=stance,
                 addressee=addressee)


def test_quote_accusation_takes_resolved_speaker():
    text = ("Foreign Office spokeswoman Mumtaz Zahra Baloch spoke to reporters on Friday. "
            "She accused India of sponsoring militancy in Balochistan.")
    q = quote(text, "of sponsoring militancy in Balochistan", "accused", "Mumtaz Zahra Baloch", mention="She",
              stance="accuse", role="Foreign Office spokeswoman")
    evs = [e for e in events(text, quotes=[q]) if e.type == "ACCUSE"]
    assert len(evs) == 1
    e = evs[0]
    assert (e.actor, e.actor_sector, e.mode, e.recipient, e.recipient_country) == (
        "Mumtaz Zahra Baloch", "government", "allege", "India", "IN")


def test_quote_noun_cue_warning_is_a_threat_only_with_consequences():
    text = ("The defence minister's warning that any incursion would be met with force came a day after the raid. "
            "The economist's warning that inflation would climb drew little notice.")
    q1 = quote(text, "any incursion would be met with force", "warning", "Khawaja Asif",
               mention="The defence minister", stance="warn", role="defence minister")
    q2 = quote(text, "inflation would climb", "warning", "Sara Malik", mention="The economist", stance="warn")
    evs = events(text, quotes=[q1, q2])
    threats = [e for e in evs if e.type == "THREATEN"]
    assert [(e.actor, e.mode) for e in threats] == [("Khawaja Asif", "violence")]


def test_quote_urge_and_promise():
    text = ('"We will rebuild every school," the governor promised. '
            'Aid groups urged donors to release emergency funds for the displaced families.')
    q1 = quote(text, "We will rebuild every school", "promised", "Ali Amin", mention="the governor",
               stance="promise", qtype="direct", role="governor")
    q2 = quote(text, "to release emergency funds for the displaced families", "urged", "Aid groups",
               stance="urge", kind="group")
    evs = events(text, quotes=[q1, q2])
    agree = [e for e in evs if e.type == "AGREE"]
    req = [e for e in evs if e.type == "REQUEST"]
    assert agree and agree[0].actor == "Ali Amin" and agree[0].actor_sector == "government"
    assert req and req[0].actor == "Aid groups" and req[0].recipient == "donors" and req[0].mode == "yield"


def test_quote_in_unparsed_sentence_still_gives_verbal_event():
    text = "The union condemned the decision as reckless."
    s = Sentence(0, len(text))  # doc None: the pipeline did not parse it
    q = quote(text, "the decision as reckless", "condemned", "Harbour Workers' Union", mention="The union",
              stance="condemn", kind="organization")
    evs = find_events(text, [s], quotes=[q], published=PUBLISHED)
    assert [(e.type, e.mode, e.actor) for e in evs] == [("ACCUSE", "disapprove", "Harbour Workers' Union")]


def test_denial_of_a_claim_is_not_coded_but_rejecting_an_account_is():
    text = "The Elmsworth Port Authority rejected that account. The ministry denied that any talks had been held."
    q = quote(text, "that any talks had been held", "denied", "ministry", mention="The ministry", stance="deny",
              kind="organization")
    evs = events(text, quotes=[q])
    assert [(e.type, e.actor) for e in evs] == [("REJECT", "Elmsworth Port Authority")]
    assert evs[0].actor_sector == "government"


def test_quote_pipeline_integration():
    from newsgraph.pipeline import extract

    page = ("PORT ELMSWORTH: Police detained 35 dock workers on Wednesday after they blocked the entrance to the "
            "container terminal, the harbour union said.\n"
            "Union leader Marta Oyelaran condemned the arrests. \"This is an attack on the right to strike,\" "
            "she said.\n"
            "Labour minister Sofia Regan urged both sides to return to talks.\n")
    arts = extract(page, published="2026-03-05")
    art = arts[0]
    sents = []
    for p in art.paragraphs:
        sents.extend(sentences(page, p.start, p.end))
    dl = Place(text="PORT ELMSWORTH", start=0, end=14, name="Port Elmsworth", kind="city", confidence=0.5,
               dateline=True)
    evs = find_events(page, sents, quotes=art.quotes, dates=art.dates, figures=art.figures, dateline=dl,
                      published="2026-03-05")
    got = {(e.type, e.mode, e.actor) for e in evs}
    assert ("COERCE", "arrest", "Police") in got
    assert ("PROTEST", "obstruct", "dock workers") in got
    assert ("ACCUSE", "disapprove", "Marta Oyelaran") in got
    assert ("REQUEST", "meet", "Sofia Regan") in got
    coerce = next(e for e in evs if e.type == "COERCE")
    assert coerce.place == "Port Elmsworth" and coerce.confidence < 0.9  # from the dateline: lower confidence
    assert coerce.recipient == "dock workers" and coerce.size is None  # arrested people are not participants
    assert coerce.date == "2026-03-04"


# --------------------------------------------------------------------------- places, dates, sizes

def test_location_prefers_locative_city_and_falls_back_to_dateline():
    text = "Police fired tear gas at protesters in Karachi, Pakistan. Later the crowd dispersed and marched again."
    pls = places_in(text, [{"text": "Karachi", "country": "PK", "kind": "city"},
                           {"text": "Pakistan", "country": "PK", "kind": "country"}])
    dl = Place(text="LAHORE", start=0, end=0, name="Lahore", country="PK", kind="city", confidence=0.9,
               dateline=True)
    evs = events(text, places=pls, dateline=dl)
    first = next(e for e in evs if e.type == "ASSAULT")
    assert first.place == "Karachi" and first.mode == "crowd-control" and first.recipient == "protesters"
    later = next(e for e in evs if e.type == "PROTEST")
    assert later.place == "Lahore"  # no place in the sentence: the dateline's


def test_metonymy_actor_country():
    text = "Islamabad expelled the Afghan charge d'affaires on Monday."
    pls = places_in(text, [{"text": "Islamabad", "country": "PK", "kind": "city", "metonymy": True}])
    e = events(text, places=pls)[0]
    assert (e.type, e.mode, e.actor, e.actor_country, e.actor_sector) == (
        "SANCTION", "expel", "Islamabad", "PK", "government")
    assert e.place is None  # the capital acts; it is not where


def test_date_only_from_the_evidence_sentence():
    text = "Protesters gathered outside the court on Monday. Riot police later charged the crowd with batons."
    evs = events(text)
    beat = next(e for e in evs if e.type == "ASSAULT")
    assert beat.mode == "beat" and beat.date is None  # no date in its own sentence, none guessed
    assert beat.actor == "Riot police" and beat.actor_sector == "police"


def test_strong_size_and_counted_participants():
    text = "A 5,000-strong march wound through Nairobi as teachers demanded better pay."
    pls = places_in(text, [{"text": "Nairobi", "country": "KE", "kind": "city"}])
    e = next(e for e in events(text, places=pls) if e.type == "PROTEST")
    assert e.size == 5000 and e.place == "Nairobi"


# --------------------------------------------------------------------------- merging

def ev(**kw) -> Event:
    base = dict(type="PROTEST", text="x", start=0, end=1)
    base.update(kw)
    return Event(**base)


def test_merge_one_strike_told_in_two_articles():
    a = events("Around 4,000 dock workers walked off the job on Tuesday in Port Elmsworth.",
               places=places_in("Around 4,000 dock workers walked off the job on Tuesday in Port Elmsworth.",
                                [{"text": "Port Elmsworth", "kind": "city"}]))
    b_text = "Dock workers in Port Elmsworth were on strike for a second day on Wednesday, the HWU said."
    b = events(b_text, places=places_in(b_text, [{"text": "Port Elmsworth", "kind": "city"}]))
    for e in a:
        e.article_id = "doc1-0"
    for e in b:
        e.article_id = "doc2-0"
    groups = merge_events(a + b)
    strike = [g for g in groups if g[0].type == "PROTEST"]
    assert len(strike) == 1 and len(strike[0]) == 2


def test_merge_keeps_apart_other_days_places_types_and_denials():
    base = ev(actor="students", actor_sector="civil society", place="Dhaka", date="2026-03-02", mode="demo")
    same = replace(base, date="2026-03-03", start=5, end=9)  # a day later: may be the same protest
    far = replace(base, date="2026-03-09", start=10, end=12)
    elsewhere = replace(base, place="Chittagong", start=13, end=15)
    other_type = replace(base, type="ASSAULT", mode=None, start=16, end=17)
    denied = replace(base, negated=True, start=18, end=19)
    groups = merge_events([base, same, far, elsewhere, other_type, denied])
    sizes = sorted(len(g) for g in groups)
    assert sizes == [1, 1, 1, 1, 2]
    assert any({e.start for e in g} == {0, 5} for g in groups)


def test_merge_actor_overlap_acronym_and_unknowns():
    a = ev(actor="Harbour Workers' Union", mode="strike", place="Port Elmsworth")
    b = ev(actor="HWU", mode="strike", start=3, end=4)  # unknown place: compatible
    c = ev(actor=None, mode="strike", place="Port Elmsworth", start=5, end=6)  # no actor, same place
    d = ev(actor="Israeli forces", type="ASSAULT", start=7, end=8)
    e = ev(actor="Russian forces", type="ASSAULT", actor_country="RU", start=9, end=10)
    f = ev(actor="Israeli forces", type="ASSAULT", actor_country="IL", start=11, end=12)
    groups = merge_events([a, b, c, d, e, f])
    union = next(g for g in groups if g[0].type == "PROTEST")
    assert len(union) == 3
    assault = [sorted(x.start for x in g) for g in groups if g[0].type == "ASSAULT"]
    assert sorted(assault) == [[7, 11], [9]]


def test_merge_nothing_known_is_not_enough():
    a = ev(mode="demo")
    b = ev(mode="demo", start=3, end=4)
    assert len(merge_events([a, b])) == 2


def test_merge_is_order_independent():
    text = ("Thousands of protesters marched in Karachi on Friday. Police fired tear gas at the protesters in "
            "Karachi on Friday. The march in Karachi drew thousands on Friday, organisers said. Troops "
            "shelled rebel positions near Kidal on Friday.")
    pls = places_in(text, [{"text": "Kidal", "country": "ML", "kind": "city"}])
    for i in [m for m in range(len(text)) if text.startswith("Karachi", m)]:
        pls.append(Place(text="Karachi", start=i, end=i + 7, name="Karachi", country="PK", kind="city",
                         confidence=0.9))
    evs = events(text, places=pls)
    want = [[(e.type, e.start) for e in g] for g in merge_events(evs)]
    rng = random.Random(7)
    for _ in range(5):
        shuffled = evs[:]
        rng.shuffle(shuffled)
        assert [[(e.type, e.start) for e in g] for g in merge_events(shuffled)] == want
    protest = next(g for g in merge_events(evs) if g[0].type == "PROTEST")
    assert len(protest) == 2


# --------------------------------------------------------------------------- triggers and speed

def test_triggers_are_event_words_only():
    for w in ("protest", "protested", "protesters", "rallied", "strike", "killed", "arrested", "airstrikes",
              "sanctions", "deployed", "curfew", "accused", "urged", "threatened", "talks", "aid", "walkout"):
        assert w in TRIGGERS, w
    for w in ("said", "march", "the", "company", "profits", "rose", "meeting", "called", "back", "free"):
        assert w not in TRIGGERS, w
    plain = ("The company said quarterly profits rose by 12 percent. Its new chief executive joined from a rival "
             "bank in March. Analysts expect the shares to open higher on Monday.")
    assert not any(t.lower_ in TRIGGERS for t in nlp.split(plain))


def test_sector_word_lists_are_disjoint_enough():
    # a word that names two sectors would make the lists disagree with themselves
    seen: dict[str, str] = {}
    for sector, words in SECTORS.items():
        for w in words:
            assert w not in seen, (w, seen.get(w), sector)
            seen[w] = sector


def test_speed_on_trigger_sentences():
    text = " ".join([
        "Around 4,000 dock workers walked off the job on Tuesday in Port Elmsworth, demanding better pay.",
        "Police fired tear gas at protesters who blocked the highway into the capital.",
        "The United States imposed sanctions on three Iranian officials on Thursday.",
        "Foreign Minister Ishaq Dar met his Chinese counterpart in Beijing on Thursday.",
        "The army denied attacking the village, saying its troops were miles away.",
    ] * 40)
    sents = sentences(text)
    dates = find_dates(text, reference=PUBLISHED)
    figs = find_figures(text)
    t0 = time.perf_counter()
    evs = find_events(text, sents, dates=dates, figures=figs, published=PUBLISHED)
    dt = time.perf_counter() - t0
    assert len(evs) >= 200
    assert dt < 1.0, dt  # 200 parsed sentences; typically under 0.1 s


# --------------------------------------------------------------------------- a whole page

def page_events(path: Path, town: str) -> list[Event]:
    """Events of every article of a page, as the pipeline will call find_events (places given by hand:
    every mention of ``town``, and the dateline)."""
    from newsgraph.pipeline import document, process

    doc = document(path.read_text(encoding="utf-8"))
    out = []
    for art in process(doc):
        sents = []
        for part in art.bullets + art.paragraphs:
            sents.extend(sentences(doc.text, part.start, part.end))
        pls = []
        i = doc.text.find(town, art.start)
        while 0 <= i < art.end:
            if not (art.dateline and art.dateline.start <= i < art.dateline.end):
                pls.append(Place(text=town, start=i, end=i + len(town), name=town, kind="city", confidence=0.6))
            i = doc.text.find(town, i + 1)
        dl = None
        if art.dateline:
            dl = Place(text=art.dateline.text, start=art.dateline.start, end=art.dateline.end, name=town, kind="city",
                       confidence=0.6, dateline=True)
        evs = find_events(doc.text, sents, quotes=art.quotes, places=pls, dates=art.dates, figures=art.figures,
                          dateline=dl, published=(art.published or "")[:10] or None)
        for e in evs:
            e.article_id = art.id
            assert doc.text[e.start:e.end] == e.text
        out.extend(evs)
    return out


def test_page_one_protest_told_by_two_articles():
    evs = page_events(DATA / "page_unrest.txt", "Ridgeford")
    groups = merge_events(evs)
    protest = [g for g in groups if g[0].type == "PROTEST"]
    assert len(protest) == 1, [[brief(e) for e in g] for g in protest]
    g = protest[0]
    assert len({e.article_id for e in g}) == 2 and len(g) >= 3
    assert {e.date for e in g} - {None} == {"2026-05-04"}
    assert any("Ridgeford Teachers' Association" in e.organizers for e in g)
    assert any("nurses' union" in e.supporters for e in g)
    # the detentions: told in a bullet and in the body, one event
    coerce = [g for g in groups if g[0].type == "COERCE"]
    assert len(coerce) == 1 and len(coerce[0]) == 2
    assert coerce[0][0].actor_sector == "police" and coerce[0][0].recipient == "marchers"
    # verbal events, with the speakers' names and sectors from their roles
    accuse = next(e for e in evs if e.type == "ACCUSE")
    assert (accuse.actor, accuse.actor_sector) == ("Dana Okafor", "civil society")  # `RTA president`
    request = [e for e in evs if e.type == "REQUEST"]
    assert ("Lena Varga", "government", "teachers") in {(e.actor, e.actor_sector, e.recipient) for e in request}
    threat = next(e for e in evs if e.type == "THREATEN")
    assert threat.actor == "Ridgeford Teachers' Association" and threat.actor_sector == "civil society"
    # `did not meet the teachers on Monday`: a negated meeting; `would meet ... on Wednesday`: planned
    consult = {(e.negated, e.date) for e in evs if e.type == "CONSULT"}
    assert (True, "2026-05-04") in consult and (False, "2026-05-06") in consult
    planned = next(e for e in evs if e.type == "CONSULT" and not e.negated)
    assert planned.confidence < 0.6
    # `has called for a one-day strike`: a request, not a strike
    assert not any(e.type == "PROTEST" and e.mode == "strike" for e in evs)


def test_casualty_and_arrest_counts_are_plovers_size_object():
    from newsgraph import extract

    page = ("Clashes in the capital\n\nKARACHI: Police arrested at least 37 party workers after clashes on Sunday. "
            "An air strike on a school killed 23 people and wounded 40 others, officials said. "
            "Gunmen shot dead two polio workers in Quetta.\n")
    (art,) = extract(page, published="2024-10-08")
    by_type = {}
    for e in art.events:
        by_type.setdefault(e.type, []).append(e)
    (arrest,) = by_type["COERCE"]
    assert arrest.arrested == 37 and arrest.dead is None and arrest.size is None
    strike, shooting = sorted(by_type["ASSAULT"], key=lambda e: e.start)
    assert (strike.dead, strike.injured) == (23, 40)
    assert shooting.dead == 2 and shooting.arrested is None


def test_states_acting_get_their_gazetteer_names():
    from newsgraph import extract

    page = ("Strike on shelter\n\nGAZA CITY: An Israeli air strike on a school killed 23 people on Sunday. "
            "Britain extradited two men to Pakistan on Monday.\n")
    (art,) = extract(page, published="2024-10-07")
    actors = {e.type: e.actor for e in art.events}
    assert actors.get("ASSAULT") == "Israel"
    assert actors.get("COOPERATE") == "United Kingdom"


def test_bullet_highlights_are_not_coded_again():
    from newsgraph import extract

    page = ("Police detain protesters\n\nUpdated 08 October 2024\n\n  • Police detain 120 protesters near the border\n"
            "  • Union backs the strike\n\nLAHORE: Police detained 120 protesters near the border on Monday, "
            "officials said.\n")
    (art,) = extract(page)
    assert art.bullets
    assert art.events and all(not any(b.start <= e.start < b.end for b in art.bullets) for e in art.events)
    assert [e.type for e in art.events].count("COERCE") == 1


def test_money_given_by_an_agency_is_aid():
    from newsgraph import extract

    page = ("Flood aid\n\nCOLOMBO: The World Health Organization has provided $4.5 million for emergency care, "
            "officials said on Monday. The family provided $200 for the party.\n")
    (art,) = extract(page, published="2024-10-07")
    aid = [e for e in art.events if e.type == "AID"]
    assert len(aid) == 1 and "World Health Organization" in aid[0].actor


def test_a_protest_called_by_an_organiser_is_the_protest_not_a_request():
    from newsgraph import extract

    page = ("Protest\n\nNAIROBI: The protest was called by the Haki Sasa Coalition, an alliance of youth groups. "
            "The strike was called by the Lagos Market Traders Association. Activists called for a protest on Friday.\n")
    (art,) = extract(page, published="2024-10-08")
    got = [(e.type, e.mode, e.organizers) for e in art.events]
    assert ("PROTEST", "demo", ["Haki Sasa Coalition"]) in got
    assert any(t == "PROTEST" and m == "strike" for t, m, _ in got)
    assert any(t == "REQUEST" for t, _, _ in got)  # a call for a protest is a request
