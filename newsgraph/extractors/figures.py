"""Figures: the quantities a news text states, normalised to numbers.

``41,825 people``, ``nearly 1,200 people``, ``around 60 hours``, ``some 1,800 jobs``,
``Rs 5 billion``, ``78 percent of severe cases``, ``two-thirds of the workforce``,
``between 10 and 15 vessels``, ``tens of thousands of protesters``: each becomes a
:class:`~newsgraph.model.Figure` with its value (a range's low end, and ``value_high``),
unit (``count``, ``percent``, ``percentage points``, an ISO 4217 currency code, a duration
such as ``hours`` or ``days``, a measure such as ``km`` or ``tonnes``, ``fraction``), what
is counted (``people``, ``technical jobs``), a hedge (``nearly``, ``at least``), and the
source the text gives for it (the speaker of the quote it stands in, ``according to X``,
``X put the number at``,
``..., the health ministry says``).

How it works: one regex pass finds the places where a number can start (a digit, a
currency sign or code before a digit, a number word); at each, anchored regexes read
the number, a range, the unit or counted noun after it and the hedge before it, in a
bounded window, so the whole scan is linear in the text. Things that are numbers but not
quantities are skipped: years, dates (``June 12``, ``12 June 2026``, ``2026-06-12``),
times (``12:04``, ``3pm``), ordinals (``2nd``, ``third day``), decades (``1990s``), numbers
inside names and ids (``Terminal 2``, ``Route 66``, ``COVID-19``, ``G7``, ``Article 370``,
``page 3``), phone numbers, numeric dates and sports scores (``a 2-2 draw``).

Decisions worth knowing:

- counts have unit ``count`` and the counted noun phrase, adjectives kept, in ``what``
  (``600 technical jobs`` -> ``technical jobs``); a leading ``more``/``other`` stays in the span
  but not in ``what``; ``94 of the 170 seats`` counts ``seats`` (and ``170 seats`` is a figure too);
- ages (``a 45-year-old man``, ``aged 45``, ``Jane Doe, 45, said``) are emitted with unit
  ``years`` and what ``age``; ``ten years ago`` is a point in time and is skipped;
- sports scores (``won 3-1``, ``a 2-2 draw``) are skipped, as is any ``a-b`` with ``b < a``;
- ``from 10 to 15 percent`` is a change: two figures, the first borrowing the unit of the
  second; ``between 10 and 15``, ``10 to 15``, ``10-15``, ``two or three`` are ranges;
- vague plurals give their lower bound with qualifier ``at least`` (``thousands`` -> 1000,
  ``tens of thousands`` -> 10000, ``dozens`` -> 12) at confidence 0.4; ``several thousand``
  keeps ``several`` as its qualifier;
- hedges are lowercased and a few synonyms normalised (``an estimated`` -> ``estimated``,
  ``or more`` -> ``at least``, ``30-plus`` -> ``more than``, ``upwards of`` -> ``more than``);
- ``Rs`` is PKR, INR, LKR or NPR by the place names in the scanned text (0.8), else INR at
  0.5; ``$`` alone is USD at 0.9; ``pence`` become GBP (``64 pence`` -> 0.64);
- glued ``m``/``k``/``b`` (``1.2m``) read as million/thousand/billion, at 0.35 with no
  currency or counted noun (``1500m`` may be a race), 0.95 after a currency sign;
- a bare number with no unit (``killed 12``) is kept at 0.5 (number words without a unit
  are dropped);
- sources, in order: the innermost quote whose span holds the figure (its speaker, and its
  id in ``quote_id``), ``according to X`` nearest in the sentence, a closing ``, X said``,
  an opening ``X said (that)``; pronouns and clause-like phrases are never sources.

Confidence: 1.0 for digits with a clear unit; lower for number words, vague amounts
(``thousands`` -> 1000, qualifier ``at least``, 0.4), ambiguous abbreviations (``1.2m``
could be metres; ``Rs`` is the rupee of several countries; ``$`` of several), bare numbers
with no unit (0.5).

The module is pure: no I/O, no state but compiled regexes and constant tables.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Iterable, Sequence

from ..model import Figure, Quote

# --------------------------------------------------------------------------- tables

SMALL = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
SCALES = {"thousand": 1e3, "lakh": 1e5, "million": 1e6, "crore": 1e7, "billion": 1e9, "trillion": 1e12}
# scale suffixes after digits: (multiplier, ambiguous?)
DIGIT_SCALES = {
    "thousand": (1e3, False), "million": (1e6, False), "billion": (1e9, False), "trillion": (1e12, False),
    "lakh": (1e5, False), "lakhs": (1e5, False), "crore": (1e7, False), "crores": (1e7, False),
    "mn": (1e6, False), "mln": (1e6, False), "bn": (1e9, False), "tn": (1e12, False), "trn": (1e12, False),
    "m": (1e6, True), "b": (1e9, True), "k": (1e3, True),
}
VAGUE = {"tens": 10, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1e3, "millions": 1e6,
         "billions": 1e9}
DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5,
                "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8,
                "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10}

# currency sign before the number -> (ISO code, confidence of that reading)
SIGNS = {
    "US$": ("USD", 1.0), "U.S.$": ("USD", 1.0), "A$": ("AUD", 1.0), "AU$": ("AUD", 1.0), "C$": ("CAD", 1.0),
    "CA$": ("CAD", 1.0), "NZ$": ("NZD", 1.0), "HK$": ("HKD", 1.0), "S$": ("SGD", 1.0), "R$": ("BRL", 1.0),
    "$": ("USD", 0.9), "€": ("EUR", 1.0), "£": ("GBP", 1.0), "E£": ("EGP", 1.0), "¥": ("JPY", 0.8),
    "₹": ("INR", 1.0), "₦": ("NGN", 1.0), "₪": ("ILS", 1.0), "₱": ("PHP", 1.0), "₩": ("KRW", 1.0),
    "₽": ("RUB", 1.0), "₺": ("TRY", 1.0), "₴": ("UAH", 1.0), "৳": ("BDT", 1.0), "₫": ("VND", 1.0),
    "Tk": ("BDT", 0.9), "Tk.": ("BDT", 0.9), "KSh": ("KES", 1.0), "Ksh": ("KES", 1.0), "Dh": ("AED", 0.8),
    "Dhs": ("AED", 0.8), "SR": ("SAR", 0.8), "QR": ("QAR", 0.8), "Rp": ("IDR", 1.0), "RM": ("MYR", 0.9),
    "R": ("ZAR", 0.7),
    # "Rs"/"Re" are resolved from the text (Pakistan, India, Sri Lanka, Nepal)
}
ISO_CODES = {
    "USD", "EUR", "GBP", "JPY", "CNY", "INR", "PKR", "LKR", "NPR", "BDT", "NGN", "ZAR", "KES", "ILS", "AED",
    "SAR", "QAR", "EGP", "TRY", "RUB", "UAH", "BRL", "MXN", "CAD", "AUD", "NZD", "CHF", "SEK", "NOK", "DKK",
    "PLN", "HKD", "SGD", "KRW", "IDR", "MYR", "THB", "PHP", "VND", "GHS", "ETB", "TZS", "UGX", "KWD", "BHD",
    "OMR", "JOD", "IRR", "IQD", "AFN", "MAD", "TND", "DZD", "ARS", "CLP", "COP", "PEN",
}
CODE_ALIASES = {"RMB": "CNY"}
# currency names after the number -> (ISO code, confidence); "rupee" is resolved from the text
CURRENCY_NAMES = {
    "dollar": ("USD", 0.9), "euro": ("EUR", 1.0), "pound": ("GBP", 0.8), "sterling": ("GBP", 1.0),
    "yuan": ("CNY", 1.0), "renminbi": ("CNY", 1.0), "yen": ("JPY", 1.0), "shekel": ("ILS", 1.0),
    "naira": ("NGN", 1.0), "rand": ("ZAR", 1.0), "dirham": ("AED", 0.8), "riyal": ("SAR", 0.8),
    "taka": ("BDT", 1.0), "peso": ("MXN", 0.6), "franc": ("CHF", 0.6), "rouble": ("RUB", 1.0),
    "ruble": ("RUB", 1.0), "lira": ("TRY", 0.9), "rupiah": ("IDR", 1.0), "ringgit": ("MYR", 1.0),
    "baht": ("THB", 1.0), "dong": ("VND", 1.0), "shilling": ("KES", 0.6), "cedi": ("GHS", 1.0),
    "birr": ("ETB", 1.0), "hryvnia": ("UAH", 1.0), "zloty": ("PLN", 1.0), "krona": ("SEK", 0.8),
    "kronor": ("SEK", 1.0), "kroner": ("NOK", 0.5), "won": ("KRW", 1.0), "real": ("BRL", 1.0), "rupee": ("", 0.0),
}
# adjective before a currency name -> ISO code
CURRENCY_ADJ = {
    ("us", "dollar"): "USD", ("u.s.", "dollar"): "USD", ("american", "dollar"): "USD",
    ("australian", "dollar"): "AUD", ("canadian", "dollar"): "CAD", ("hong kong", "dollar"): "HKD",
    ("singapore", "dollar"): "SGD", ("new zealand", "dollar"): "NZD", ("taiwan", "dollar"): "TWD",
    ("taiwanese", "dollar"): "TWD", ("zimbabwean", "dollar"): "ZWL", ("pakistani", "rupee"): "PKR",
    ("indian", "rupee"): "INR", ("sri lankan", "rupee"): "LKR", ("nepali", "rupee"): "NPR",
    ("nepalese", "rupee"): "NPR", ("mauritian", "rupee"): "MUR", ("egyptian", "pound"): "EGP",
    ("lebanese", "pound"): "LBP", ("sudanese", "pound"): "SDG", ("syrian", "pound"): "SYP",
    ("british", "pound"): "GBP", ("chinese", "yuan"): "CNY", ("japanese", "yen"): "JPY",
    ("south african", "rand"): "ZAR", ("nigerian", "naira"): "NGN", ("kenyan", "shilling"): "KES",
    ("ugandan", "shilling"): "UGX", ("tanzanian", "shilling"): "TZS", ("israeli", "shekel"): "ILS",
    ("mexican", "peso"): "MXN", ("argentine", "peso"): "ARS", ("philippine", "peso"): "PHP",
    ("colombian", "peso"): "COP", ("chilean", "peso"): "CLP", ("swiss", "franc"): "CHF",
    ("turkish", "lira"): "TRY", ("russian", "rouble"): "RUB", ("russian", "ruble"): "RUB",
    ("ukrainian", "hryvnia"): "UAH", ("saudi", "riyal"): "SAR", ("qatari", "riyal"): "QAR",
    ("emirati", "dirham"): "AED", ("uae", "dirham"): "AED", ("moroccan", "dirham"): "MAD",
    ("swedish", "krona"): "SEK", ("swedish", "kronor"): "SEK", ("norwegian", "kroner"): "NOK",
    ("danish", "kroner"): "DKK", ("south korean", "won"): "KRW", ("korean", "won"): "KRW",
    ("brazilian", "real"): "BRL", ("ghanaian", "cedi"): "GHS", ("ethiopian", "birr"): "ETB",
    ("polish", "zloty"): "PLN", ("bangladeshi", "taka"): "BDT", ("indonesian", "rupiah"): "IDR",
    ("malaysian", "ringgit"): "MYR", ("thai", "baht"): "THB", ("vietnamese", "dong"): "VND",
}
DURATIONS = {"second": "seconds", "sec": "seconds", "minute": "minutes", "min": "minutes", "hour": "hours",
             "hr": "hours", "day": "days", "week": "weeks", "fortnight": "fortnights", "month": "months",
             "year": "years", "yr": "years", "decade": "decades", "century": "centuries",
             "centurie": "centuries"}
MEASURE_WORDS = {
    "kilometre": "km", "kilometer": "km", "mile": "miles", "metre": "m", "meter": "m", "centimetre": "cm",
    "centimeter": "cm", "millimetre": "mm", "millimeter": "mm", "kilogram": "kg", "kilo": "kg", "gram": "g",
    "tonne": "tonnes", "ton": "tons", "litre": "litres", "liter": "litres", "gallon": "gallons",
    "barrel": "barrels", "hectare": "hectares", "acre": "acres", "foot": "ft", "feet": "ft", "inch": "inches",
    "inche": "inches", "megawatt": "MW", "gigawatt": "GW", "kilowatt": "kW", "knot": "knots",
    "degree": "degrees",
}
MEASURE_ABBR = {"km": "km", "kg": "kg", "mm": "mm", "cm": "cm", "mph": "mph", "kph": "km/h", "km/h": "km/h",
                "kmh": "km/h", "MW": "MW", "GW": "GW", "kW": "kW", "kWh": "kWh", "MWh": "MWh", "GWh": "GWh",
                "TWh": "TWh", "lb": "lb", "lbs": "lb", "ft": "ft", "ha": "hectares", "bpd": "barrels per day",
                "sq km": "sq km", "km2": "sq km", "sq miles": "sq miles", "sq mi": "sq miles", "°C": "°C",
                "°F": "°F", "°": "degrees"}
QUALIFIER_NORMAL = {
    "approx.": "approximately", "approx": "approximately", "an estimated": "estimated",
    "upwards of": "more than", "upward of": "more than", "in excess of": "more than",
    "no fewer than": "at least", "no less than": "at least", "a minimum of": "at least",
    "no more than": "at most", "a maximum of": "at most", "as much as": "as many as",
    "close on": "close to", "nearly": "nearly", "or more": "at least", "or so": "around",
    "+": "more than", "plus": "more than",
}
# words that, just before a number, make it an identifier rather than a quantity
ID_WORDS = {
    "terminal", "route", "article", "section", "page", "pages", "flight", "gate", "platform", "room", "chapter",
    "clause", "paragraph", "item", "line", "bus", "highway", "interstate", "ward", "block", "sector", "zone",
    "level", "phase", "stage", "grade", "category", "class", "version", "episode", "season", "round", "game",
    "match", "no", "no.", "nos", "number", "resolution", "amendment", "schedule", "annex", "figure", "table",
    "exhibit", "vol", "vol.", "volume", "issue", "edition", "part", "step", "apartment", "flat", "floor",
    "channel", "tier", "pier", "berth", "runway", "wing", "track", "exit", "junction", "top", "rule",
    "act", "district", "unit", "cell", "bed", "seat", "row", "lot", "plot", "box", "pg", "p.", "pp.",
    "sec.", "art.", "ch.", "fig.", "model", "windows", "iphone", "galaxy", "boeing", "airbus", "mk", "mark",
    "covid", "covid-", "g", "f", "mig", "su", "type", "day", "week", "stage", "series", "formula",
}
# capitalised words that may stand just before a quantity (the rest make it a name: `Terminal 2`)
ALLOWED_CAPS = {
    "the", "a", "an", "and", "but", "or", "for", "by", "to", "from", "of", "in", "on", "at", "with", "within",
    "without", "after", "before", "since", "until", "during", "among", "across", "about", "around", "over",
    "under", "nearly", "almost", "some", "roughly", "approximately", "more", "less", "fewer", "at", "least",
    "up", "close", "just", "only", "another", "all", "those", "these", "its", "their", "his", "her", "our",
    "my", "your", "another", "every", "each", "than", "as", "so", "yet", "also", "then", "now", "today",
    "yesterday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "estimated",
    "exactly", "precisely", "nearly", "barely", "fully", "when", "while", "where", "if", "why", "how", "what",
    "that", "this", "there", "here", "those", "whereas", "although", "though", "because", "unlike", "like",
    "another", "many", "most", "both", "further", "extra", "additional", "total", "overall", "killing",
    "including", "between", "nearly", "some", "kill", "kills", "killed", "dead", "dies", "die", "died",
    "injured", "wounded", "says", "said", "say", "reports", "report", "sees", "lose", "loses", "lost",
    "cuts", "cut", "adds", "add", "hits", "hit", "rises", "rise", "falls", "fall", "to", "vs", "with",
}
STOP = {
    "a", "an", "the", "of", "in", "on", "at", "to", "from", "by", "for", "with", "without", "into", "onto",
    "over", "under", "about", "after", "before", "since", "during", "and", "or", "but", "nor", "so", "yet",
    "that", "which", "who", "whom", "whose", "what", "when", "where", "while", "as", "than", "then",
    "there", "here", "this", "these", "those", "it", "its", "they", "them", "their", "he", "she", "his",
    "her", "we", "our", "you", "your", "i", "me", "my", "is", "are", "was", "were", "be", "been", "being",
    "have", "has", "had", "do", "does", "did", "will", "would", "shall", "should", "can", "could", "may",
    "might", "must", "not", "no", "per", "each", "every", "said", "says", "say", "told", "according",
    "last", "next", "ago", "later", "earlier", "most", "less", "least", "also", "only", "just", "even",
    "still", "again", "up", "down", "out", "off", "away", "back", "all", "both", "via", "against", "among",
    "amid", "between", "through", "across", "along", "around", "within", "including", "like", "unlike",
    "versus", "vs", "if", "because", "though", "although", "whether", "how", "why", "times", "percent",
    "cent", "year", "years", "a.m.", "p.m.", "am", "pm", "once", "twice", "ever", "never", "already",
    "whereas", "plus", "minus", "apiece", "each", "respectively", "alone", "together", "altogether",
}
VERBISH = {
    "left", "fled", "went", "came", "took", "gave", "made", "fell", "rose", "won", "lost", "got", "saw", "ran",
    "stood", "held", "kept", "met", "paid", "sent", "spent", "built", "brought", "found", "became", "began",
    "knew", "grew", "shot", "fought", "hit", "cut", "put", "set", "quit", "remain", "remains", "live", "lives",
    "work", "works", "voted", "want", "wants", "say", "think", "thinks", "believe", "believes", "support",
    "supports", "oppose", "opposes", "own", "owns", "face", "faces", "lack", "lacks", "die", "dies", "go",
    "goes", "come", "comes", "get", "gets", "need", "needs", "use", "uses", "back", "backs", "fear", "fears",
}
LEAD_SKIP = {"more", "other", "further", "extra"}
IRREGULAR_PLURALS = {
    "people", "children", "men", "women", "police", "personnel", "staff", "cattle", "livestock", "sheep",
    "fish", "deer", "aircraft", "crew", "feet", "teeth", "mice", "geese", "oxen", "data", "media",
    "offspring", "clergy", "infantry", "folk", "poultry", "swine", "bison", "salmon", "series", "species",
    "headquarters", "militia", "spacecraft", "watercraft", "youth", "calves", "wolves", "lives", "wives",
    "knives", "thieves", "leaves", "shelves", "halves", "wharves", "policemen", "firemen", "fishermen",
    "gunmen", "servicemen", "businessmen", "chairmen", "congressmen", "tribesmen", "countrymen",
    "policewomen", "businesswomen", "congresswomen", "servicewomen", "kinsmen", "townspeople",
    "tradespeople", "salespeople", "craftsmen", "workmen", "linemen", "cameramen", "militiamen",
}
NOT_PLURAL = {
    "this", "his", "its", "is", "was", "has", "does", "as", "us", "thus", "yes", "less", "unless", "across",
    "always", "perhaps", "towards", "afterwards", "backwards", "forwards", "sometimes", "besides", "whereas",
    "nowadays", "indoors", "outdoors", "overseas", "news", "times", "whereabouts", "alas", "chaos",
    "mathematics", "physics", "politics", "economics", "athletics", "ethics", "tactics", "bus", "gas",
    "lens", "plus", "minus", "bonus", "status", "virus", "census", "campus", "focus", "versus", "yours",
    "ours", "theirs", "hers", "upstairs", "downstairs", "meanwhile", "various", "numerous", "famous",
    "serious", "previous", "obvious", "dangerous", "gets", "says", "goes", "makes", "takes", "comes",
    "gives", "seems", "means", "remains", "needs", "wants", "includes", "lives", "stands", "becomes",
    "works", "looks", "runs", "keeps", "sets", "puts", "hits", "rises", "falls", "cuts", "kills", "dies",
    "tells", "shows", "plans", "calls", "adds", "claims", "faces", "marks", "reports", "costs",
}
HUMAN_SINGULAR = {
    "person", "child", "man", "woman", "boy", "girl", "baby", "infant", "soldier", "officer", "civilian",
    "worker", "student", "patient", "passenger", "journalist", "resident", "member", "victim", "teenager",
    "migrant", "refugee", "protester", "protestor", "policeman", "policewoman", "firefighter", "doctor",
    "nurse", "teacher", "pilot", "driver", "tourist", "hostage", "prisoner", "detainee", "suspect",
    "militant", "fighter", "police officer", "employee", "farmer", "fisherman", "miner", "player",
}
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "who", "this", "that", "which", "one", "someone",
            "him", "her", "them", "us"}
MONTHS = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
          r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)")
DAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
RUPEE_CUES = {
    "PKR": re.compile(r"\b(?:Pakistan\w*|Karachi|Lahore|Islamabad|Rawalpindi|Peshawar|Quetta|Sindh|"
                      r"Khyber|Balochistan|Multan|Faisalabad|PKR)\b"),
    "INR": re.compile(r"\b(?:India|Indian|Indians|Delhi|Mumbai|Bengaluru|Bangalore|Kolkata|Chennai|"
                      r"Hyderabad|Gujarat|Maharashtra|Karnataka|Kerala|Lok Sabha|INR)\b"),
    "LKR": re.compile(r"\b(?:Sri Lanka\w*|Colombo|LKR)\b"),
    "NPR": re.compile(r"\b(?:Nepal\w*|Kathmandu|NPR)\b"),
}

NUMBER_WORDS = {*SMALL, *TENS, *SCALES, "hundred", "dozen", *VAGUE}
# words that cannot be part of a source's name: `But he was suspended after his ...`
NOT_IN_SOURCE = {
    "he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us", "his", "its", "their", "our", "my",
    "was", "were", "is", "are", "be", "been", "has", "have", "had", "will", "would", "could", "should", "can",
    "may", "might", "must", "do", "does", "did", "not", "but", "if", "when", "after", "before", "because",
    "while", "who", "which", "that", "this", "these", "those", "there", "then", "so", "also", "still",
}
NOT_FIRST_IN_SOURCE = {
    "earlier", "later", "though", "although", "however", "meanwhile", "last", "next", "in", "on", "at", "for",
    "with", "as", "and", "or", "now", "today", "yesterday", "tonight", "separately", "instead", "since",
    "until", "during", "from", "by", "to", "of", "about", "over", "under", "reports", "report",
}

# --------------------------------------------------------------------------- regexes

_WORD_NUMS = "|".join(sorted([*SMALL, *TENS, *SCALES, "hundred"], key=len, reverse=True))
_FRACS = "|".join(sorted(DENOMINATORS, key=len, reverse=True))
_SIGN_ALT = "|".join(re.escape(s) for s in sorted((s for s in SIGNS if not s[0].isalpha()), key=len,
                                                  reverse=True))
_LETTER_SIGNS = "|".join(re.escape(s) for s in sorted((s for s in SIGNS if s[0].isalpha()), key=len,
                                                      reverse=True))
_CODES = "|".join(sorted([*ISO_CODES, *CODE_ALIASES], key=len, reverse=True))

# where a figure can start
_CAND = re.compile(
    rf"(?P<sign>(?:\b(?:US|U\.S\.|AU|A|CA|C|NZ|HK|S|R)\$|E£|{_SIGN_ALT}))"
    rf"|(?P<code>\b(?:Rs\.?|Re\.?|{_LETTER_SIGNS}|{_CODES})(?=[ \t\u00a0]?\d))"
    r"|(?P<digit>\d)"
    rf"|(?P<word>\b(?:{_WORD_NUMS}|tens|dozens|scores|hundreds|thousands|millions|billions|several|few|"
    rf"(?:an?|half)(?=[ \t]+(?:dozen|hundred|thousand|million|billion|trillion|lakh|crore|few|couple|of|an?|the|its|"
    rf"their|{_FRACS})\b)|half(?=-))\b)",
    re.I,
)
_DIGITS = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|\d+)(?:\.\d+)?")
_DIGIT_SCALE = re.compile(
    r"(?:(?:[ \t\u00a0]*|-)(?P<w>thousand|million|billion|trillion|lakhs?|crores?|mn|mln|bn|tn|trn)\b"
    r"|(?P<a>m|b|k|M|B|K)(?![\w]))")
_AND_HALF = re.compile(r"[ \t]+and[ \t]+a[ \t]+half\b", re.I)
_SIGN_AT = re.compile(rf"(?:\b(?:US|U\.S\.|AU|A|CA|C|NZ|HK|S|R)\$|E£|{_SIGN_ALT}|\b(?:Rs\.?|Re\.?|{_LETTER_SIGNS}|"
                      rf"{_CODES})(?=[ \t\u00a0]?\d))[ \t\u00a0]?(?=\d)")
_WORD_SEQ = re.compile(
    rf"(?:an?[ \t]+(?=(?:hundred|thousand|million|billion|trillion|lakh|crore)\b))?(?:{_WORD_NUMS})\b"
    rf"(?:(?:[ \t]*-[ \t]*|[ \t]+(?:and[ \t]+)?)(?:{_WORD_NUMS})\b){{0,10}}",
    re.I)
_WORD_TOKEN = re.compile(r"[A-Za-z]+")
_A_DOZEN = re.compile(r"(?:an?|one)[ \t]+dozen\b|(?P<n>two|three|four|five|six|several)[ \t]+dozen\b", re.I)
_HALF_A = re.compile(r"half[ \t]+an?[ \t]+(?P<s>dozen|hundred|thousand|million|billion|trillion)\b", re.I)
_VAGUE_RE = re.compile(
    r"(?P<v>tens|dozens|scores|hundreds|thousands|millions|billions)"
    r"(?:[ \t]+of[ \t]+(?P<v2>thousands|millions|billions)\b)?\b", re.I)
_SEVERAL = re.compile(r"(?P<q>several|a[ \t]+few|a[ \t]+couple[ \t]+of|a[ \t]+couple|few)[ \t]+"
                      r"(?P<s>hundred|thousand|million|billion)\b", re.I)
_FRACTION = re.compile(
    rf"(?:(?P<num>an?|one|two|three|four|five|six|seven|eight|nine|ten)(?:[ \t]*-[ \t]*|[ \t]+))?"
    rf"(?P<den>{_FRACS})\b", re.I)
_ONE_IN = re.compile(
    r"(?P<a>one|two|three|four|five|six|seven|eight|nine|\d{1,3})[ \t]+(?P<p>in|out[ \t]+of|of)[ \t]+(?:every[ \t]+)?"
    rf"(?P<b>\d{{1,4}}|{'|'.join(sorted([*SMALL, *TENS, 'hundred', 'thousand'], key=len, reverse=True))})\b",
    re.I)
_OF_DET = re.compile(r"[ \t]+of(?:[ \t]+(?:the|its|their|his|her|our|all|those|these|this|that|an?))?(?=[ \t])", re.I)
_DET = re.compile(r"[ \t]+(?:the|its|their|his|her|our|those|these)(?=[ \t])", re.I)
_WORD_SCALE = re.compile(r"[ \t]+(million|billion|thousand|trillion)\b", re.I)
_LONG_DIGITS = re.compile(r"\d{9,}")
_GLUED = re.compile(r"['’]?[A-Za-z]+")
_DOTTED = re.compile(r"[.:/\d]+")
_SPACED_THOUSANDS = re.compile(r"\d{1,3}(?:[ .]\d{3})+")
_OF_NUM = re.compile(r"[ \t]+of(?:[ \t]+(?:the|its|their|his|her|our|those|these))?[ \t]+"
                     r"(?P<n>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(?![\w.,]\d)", re.I)
_STRONG = re.compile(r"-strong\b", re.I)
_OF_THE = re.compile(r"[ \t]+of[ \t]+(?:the|those|these|its|their|his|her|our)(?=[ \t])", re.I)
_NP_WORD = re.compile(r"[ \t\u00a0]+([A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*)")
_FOLLOWER_DET = re.compile(r"[ \t]+(?:of|an?|the|its|their|his|her|our|all)\b", re.I)

_PERCENT = re.compile(r"(?:[ \t\u00a0]*%|[ \t\u00a0]*(?:per[ \t]?cent|percent)\b|(?:[ \t]?)(?:pc|pct)\b)", re.I)
_PPOINTS = re.compile(r"[ \t]+(?:percentage|per[ \t]?cent(?:age)?)[ \t]+points?\b|[ \t]?pp\b|[ \t]?ppt\b", re.I)
_CUR_NAME = re.compile(
    r"[ \t\u00a0]+(?:(?P<adj>US|U\.S\.|American|Australian|Canadian|Hong[ \t]Kong|Singapore|New[ \t]Zealand|"
    r"Taiwan(?:ese)?|Zimbabwean|Pakistani|Indian|Sri[ \t]Lankan|Nepali|Nepalese|Mauritian|Egyptian|Lebanese|"
    r"Sudanese|Syrian|British|Chinese|Japanese|South[ \t]African|Nigerian|Kenyan|Ugandan|Tanzanian|Israeli|"
    r"Mexican|Argentine|Philippine|Colombian|Chilean|Swiss|Turkish|Russian|Ukrainian|Saudi|Qatari|Emirati|"
    r"UAE|Moroccan|Swedish|Norwegian|Danish|South[ \t]Korean|Korean|Brazilian|Ghanaian|Ethiopian|Polish|"
    r"Bangladeshi|Indonesian|Malaysian|Thai|Vietnamese)[ \t]+)?"
    r"(?P<name>dollars?|euros?|pounds?(?:[ \t]+sterling)?|sterling|rupees?|yuan|renminbi|yen|shekels?|naira|"
    r"rand|dirhams?|riyals?|taka|pesos?|francs?|roubles?|rubles?|liras?|rupiah|ringgit|baht|dong|shillings?|"
    r"cedis?|birr|hryvnias?|zlotys?|kronor|kroner|krona|won|reais|real|pence)\b")
_CUR_CODE_AFTER = re.compile(rf"[ \t\u00a0]?(?P<code>{_CODES})\b")
_OF = re.compile(r"[ \t]+of\b")
_AGE = re.compile(r"(?:-year-olds?\b|-years?[ \t]+old\b|[ \t]*-[ \t]*years?-old\b|[ \t]+years?[ \t]+old\b|[ \t]+years?[ \t]+of[ \t]+age\b)",
                  re.I)
_DURATION = re.compile(
    r"(?P<sep>[ \t\u00a0]+|[ \t]*-[ \t]*)(?P<u>seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|"
    r"fortnights?|months?|years?|yrs?|decades?|century|centuries)\b", re.I)
_RELATIVE = re.compile(r"[ \t]+(?:ago|earlier|later|from[ \t]+now|back)\b", re.I)
_MEASURE_WORD = re.compile(
    r"(?:[ \t\u00a0]+|[ \t]*-[ \t]*)(?P<sq>square[ \t]+)?(?P<u>kilomet(?:re|er)s?|miles?|met(?:re|er)s?|"
    r"centimet(?:re|er)s?|millimet(?:re|er)s?|kilograms?|kilos|grams?|tonnes?|tons?|litres?|liters?|"
    r"gallons?|barrels?|hectares?|acres?|feet|foot|inch(?:es)?|megawatts?|gigawatts?|kilowatts?|knots?|"
    r"degrees?)(?P<cf>[ \t]+(?:Celsius|Fahrenheit|centigrade))?\b(?P<pd>[ \t]+(?:a|per)[ \t]+day)?",
    re.I)
_MEASURE_ABBR = re.compile(
    r"(?:[ \t\u00a0]?|[ \t]*-[ \t]*)(?P<u>sq[ \t]?(?:km|mi(?:les)?)|km2|km/h|kmh|kph|km|kg|mm|cm|mph|kWh|MWh|GWh|TWh|"
    r"MW|GW|kW|lbs?|ft|ha|bpd)\b|(?P<deg>[ \t]?°[CF]?)")
_POST_QUAL = re.compile(r"[ \t]+or[ \t]+(?P<q>more|so)\b|[ \t]+(?:and|or)[ \t]+(?:above|over)\b", re.I)
_PLUS = re.compile(r"(?:\+|-plus\b|[ \t]+plus\b(?=[ \t]+[a-z]))")
_RANGE_SEP = re.compile(r"[ \t\u00a0]*(?:(?P<dash>[-–—])|(?P<w>to|or|and))[ \t\u00a0]*", re.I)

_QUALIFIERS = sorted([
    "nearly", "almost", "around", "about", "some", "roughly", "approximately", "approx.", "approx",
    "more than", "over", "at least", "up to", "less than", "under", "fewer than", "as many as", "as much as",
    "an estimated", "estimated", "close to", "close on", "just over", "just under", "well over", "well under",
    "upwards of", "upward of", "in excess of", "no fewer than", "no less than", "no more than", "at most",
    "a maximum of", "a minimum of", "within", "below", "above", "just below", "just above", "more or less",
    "an additional", "a further", "barely", "almost exactly", "exactly", "some estimated",
], key=len, reverse=True)
QUAL_LAST_WORDS = {q.split()[-1] for q in _QUALIFIERS}
_QUAL_BEFORE = re.compile(
    rf"(?<![\w-])(?P<q>{'|'.join(re.escape(q) for q in _QUALIFIERS)})[ \t\u00a0]+$", re.I)
_RANGE_BEFORE = re.compile(r"(?<![\w-])(?P<pre>(?:(?P<rng>ranging|range|ranged|anywhere|varying|vary)[ \t]+)?"
                           r"(?P<w>between|from))[ \t\u00a0]+$", re.I)
_AGED_BEFORE = re.compile(r"(?<![\w-])(?P<w>aged|ages|(?:at[ \t]+)?the[ \t]+ages?[ \t]+of)[ \t]+$", re.I)
_APPOSITIVE_AGE = re.compile(r"\b[A-Z][a-z'’-]+,[ \t]+$")
_APPOSITIVE_AFTER = re.compile(r"[ \t]*[,)]|[ \t]+(?:and|said|says|was|is|has|had|who|were)\b")
_PREV_TOKEN = re.compile(r"(?P<t>[A-Za-z][\w&.'’-]*)[ \t\u00a0]*[#№]?[ \t\u00a0]*$")
_MONTH_BEFORE = re.compile(rf"\b{MONTHS}\.?,?[ \t\u00a0]+$")
_MONTH_AFTER = re.compile(rf"(?:st|nd|rd|th)?[ \t\u00a0]+(?:of[ \t\u00a0]+)?{MONTHS}\b")
_ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)\b", re.I)
_TIME = re.compile(
    r"\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]*(?:[ap]\.m\.|[ap]m\b|[AP]M\b))?"
    r"|\d{1,2}(?:\.\d{2})?[ \t]*(?:[ap]\.m\.|[ap]m\b|[AP]M\b)"
    r"|\d{1,2}[ \t]+o['’]clock\b"
    r"|\d{3,4}[ \t]*(?:GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|IST|PKT|hrs\b|hours[ \t]+(?:GMT|local))"
    r"|0\d{3}\b(?![,.]\d)")
_NUMERIC_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}\b|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\d{1,4}/\d{1,4}\b")
_YEAR_RANGE = re.compile(r"(?:1[89]|20)\d{2}[-–/](?:\d{2}|(?:1[89]|20)\d{2})\b")
_PHONE = re.compile(r"\(?\d+\)?(?:[ \t.-]\(?\d+\)?){1,4}")
_SCORE_BEFORE = re.compile(r"\b(?:won|win|wins|lost|lose|loses|beat|beats|drew|draw|draws|defeated|score|scored|"
                           r"trail|trailed|trailing|led|lead|leads|leading|thrashed|edged|victory|defeat|"
                           r"scoreline|result)\b[^.;\n]{0,25}$", re.I)
_SCORE_AFTER = re.compile(r"[ \t]+(?:home[ \t]+|away[ \t]+)?(?:win|victory|defeat|draw|loss|lead|scoreline|"
                          r"thrashing|triumph|result|aggregate)\b|[ \t]+(?:on[ \t]+)?(?:penalties|aggregate)\b",
                          re.I)
_SENT_BREAK = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)|\n")
_ABBREV = {"mr", "mrs", "ms", "dr", "prof", "st", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep", "no",
           "jr", "sr", "inc", "ltd", "co", "corp", "vs", "etc", "e.g", "i.e", "u.s", "u.k", "u.n", "a.m", "p.m",
           "rs", "approx", "maj", "adm", "brig", "rev", "hon", "mt", "ft", "fig", "vol", "nos", "est", "dept"}
_ABBREV_END = re.compile(r"(?:\b[A-Z]\.){2,}$|\b(?:Inc|Ltd|Co|Corp|Bros)\.$")
_ACCORDING = re.compile(r"\baccording[ \t]+to[ \t]+(?P<src>(?:[^,.;:!?()\[\]\n\"“”—–]|\.(?=\w))+)", re.I)
_SRC_TRAIL = re.compile(
    rf"[ \t]+(?:(?:on|last|this|late|early|earlier|in)[ \t]+(?:{DAYS}|week|month|year|morning|afternoon|evening|"
    rf"night|{MONTHS}|\d)|(?:on|in)[ \t]+\w+day\b|released|published|issued|seen|obtained|cited|quoted|which|"
    r"that|who|as[ \t]+of).*$", re.I)
_SAY = (r"(?:said|says|say|reported|reports|estimated|estimates|announced|confirmed|added|claimed|claims|"
        r"stated|noted|told[ \t]+[\w.]+(?:[ \t]+[\w.]+)?)")
_NP_SRC = r"(?:[A-Za-z][\w'’.&-]*(?:[ \t]+[A-Za-z][\w'’.&-]*){0,7}?)"
_TAIL_SAID = re.compile(rf"[,;][ \t]*(?P<src>{_NP_SRC})(?:[ \t]+(?:has|have|had))?[ \t]+{_SAY}(?:[ \t]+on[ \t]+\w+)?[ \t]*[.!?]?[\"”’]?[ \t]*$")
_TAIL_SAID_INV = re.compile(
    rf"[,;][ \t]*(?:said|says|reported|according[ \t]+to)[ \t]+(?P<src>{_NP_SRC})(?:[ \t]+on[ \t]+\w+)?[ \t]*"
    r"[.!?]?[\"”’]?[ \t]*$")
# `Police put the number at about 3,000`, `the ministry estimates the damage at $300 million`
_PUT_AT = re.compile(
    rf"(?:^|[\s\"“‘'(])(?P<src>{_NP_SRC})[ \t]+(?:(?:has|have|had)[ \t]+)?(?:put|puts|putting|estimated|estimates|estimate|"
    r"placed|places|gave|gives|pegged|pegs|set|sets)[ \t]+(?:the[ \t]+|its[ \t]+|their[ \t]+)?(?:[\w-]+[ \t]+){0,3}?"
    r"(?:number|figure|toll|total|crowd|size|turnout|count|damage|damages|cost|costs|losses|loss|bill|attendance|"
    r"tally|estimate)(?:[ \t]+(?:of|at)[ \t]+[\w-]+(?:[ \t]+[\w-]+){0,2})?[ \t]+(?:at|as)[ \t]+$")
_LEAD_SAID = re.compile(
    rf"[\s\"“‘']*(?P<src>{_NP_SRC})[ \t]+{_SAY}(?![ \t]+(?:by|at|to|in|as|for|with)\b)(?:[ \t]+(?:on|last|this)[ \t]+\w+)?(?:[ \t]+that)?[ \t]+")

# --------------------------------------------------------------------------- records


@dataclass
class _Num:
    start: int
    end: int
    value: float
    kind: str  # digit | word | vague | fraction
    conf: float = 1.0
    currency: str | None = None
    cur_conf: float = 1.0
    sign_start: int | None = None
    scale: float = 1.0  # multiplier already applied
    raw: float = 0.0  # value before scale
    qualifier: str | None = None
    plain_int: bool = False  # digits only, no separators, decimals or scale
    ambiguous_scale: bool = False


@dataclass
class _Unit:
    unit: str | None
    end: int
    what: str | None = None
    conf: float = 1.0
    kind: str = "none"  # percent | currency | age | duration | measure | count | none
    resume: int | None = None  # where scanning goes on when the span holds another figure


# --------------------------------------------------------------------------- API


def find_figures(text: str, start: int = 0, end: int | None = None, quotes: Sequence[Quote] = (),
                 parsed: Iterable[tuple[int, object]] = ()) -> list[Figure]:
    """The figures stated in ``text[start:end]``, in text order, with offsets into ``text``.

    ``quotes`` (page offsets) give the source of a figure inside a quote: its speaker and id.
    ``parsed`` optionally gives spaCy docs of sentences with their page offsets; when they
    carry a dependency parse they help name what a bare number counts.
    """
    lo = max(0, start)
    hi = len(text) if end is None else max(lo, min(end, len(text)))
    scanner = _Scanner(text, lo, hi)
    figures = scanner.scan()
    if not figures:
        return []
    docs = sorted(((off, d) for off, d in parsed), key=lambda p: p[0]) if parsed else []
    if docs:
        _refine_with_parse(text, figures, docs)
    _attribute(text, lo, hi, figures, quotes)
    return figures


# --------------------------------------------------------------------------- scanner


class _Scanner:
    def __init__(self, text: str, lo: int, hi: int):
        self.text, self.lo, self.hi = text, lo, hi
        self._rupee: tuple[str, float] | None = None

    # -- helpers ---------------------------------------------------------------

    def _before(self, pos: int, width: int = 48) -> tuple[int, int]:
        return max(self.lo, pos - width), pos

    def _search_before(self, rx: re.Pattern, pos: int, width: int = 48):
        a, b = self._before(pos, width)
        return rx.search(self.text, a, b)

    def _match(self, rx: re.Pattern, pos: int):
        return rx.match(self.text, pos, self.hi)

    def _prev_word(self, pos: int) -> str:
        """The word just before ``pos`` (lowercased, across spaces), or ''."""
        text, i = self.text, pos - 1
        stop = max(self.lo, pos - 40)
        while i >= stop and text[i] in " \t\u00a0":
            i -= 1
        j = i
        while j >= stop and (text[j].isalpha() or text[j] == "."):
            j -= 1
        return text[j + 1:i + 1].lower()

    def _rupee_code(self) -> tuple[str, float]:
        if self._rupee is None:
            counts = {code: sum(1 for _ in rx.finditer(self.text, self.lo, self.hi))
                      for code, rx in RUPEE_CUES.items()}
            best = max(counts.values())
            winners = [c for c, n in counts.items() if n == best]
            if best and len(winners) == 1:
                self._rupee = (winners[0], 0.8)
            else:  # nothing in the text says whose rupee: the most common reading, with low confidence
                self._rupee = ("INR", 0.5)
        return self._rupee

    def _sign_code(self, sign: str) -> tuple[str, float]:
        s = sign.strip()
        if s.rstrip(".") in ("Rs", "Re"):
            return self._rupee_code()
        if s in SIGNS:
            return SIGNS[s]
        up = s.upper()
        if up in CODE_ALIASES:
            return CODE_ALIASES[up], 1.0
        if up in ISO_CODES and s == up:
            return up, 1.0
        return "", 0.0

    # -- main loop -------------------------------------------------------------

    def scan(self) -> list[Figure]:
        out: list[Figure] = []
        consumed = self.lo
        text = self.text
        for m in _CAND.finditer(text, self.lo, self.hi):
            pos = m.start()
            if pos < consumed:
                continue
            kind = m.lastgroup
            if kind == "code":
                code_txt = m.group("code")
                if code_txt.isalpha() and code_txt.upper() in ISO_CODES | set(CODE_ALIASES) and code_txt != code_txt.upper():
                    continue  # `usd7`: not a code
            if kind == "word" and pos > 0 and text[pos - 1] in "-'’":
                continue  # `forty-five` is read from its start; `'one'`
            figs, stop = self._at(pos, kind)
            if figs:
                out.extend(figs)
            consumed = max(consumed, stop, pos + 1)
        return out

    def _at(self, pos: int, kind: str, allow_change: bool = True) -> tuple[list[Figure], int]:
        """Figures read at ``pos`` and the offset up to which the text was consumed."""
        text = self.text
        if kind == "digit":
            skip = self._skip_digit_token(pos)
            if skip:
                return [], skip
        num = self._number(pos, kind)
        if num is None:
            return [], pos + 1
        if num.kind == "digit":
            bad = self._digit_context_bad(num)
            if bad:
                return [], bad
        elif text[pos].isupper() and not _at_sentence_start(text, pos, self.lo) and text[pos:pos + 2] != "A ":
            return [], num.end  # `the Six Nations`, `the Big Four`: a name, not a quantity

        head = num.sign_start if num.sign_start is not None else num.start
        prev = self._prev_word(head)
        qual_m = self._search_before(_QUAL_BEFORE, head) if prev in QUAL_LAST_WORDS else None
        qualifier = _norm_qual(qual_m.group("q")) if qual_m else None
        span_start = qual_m.start("q") if qual_m else num.start
        rng_m = self._search_before(_RANGE_BEFORE, head, 32) if prev in ("between", "from") else None
        aged_m = self._search_before(_AGED_BEFORE, head, 24) if prev in ("aged", "ages", "of") else None

        # ranges: `10-15`, `10 to 15`, `between 10 and 15`, `two or three`
        high: _Num | None = None
        change_to: _Num | None = None
        after = num.end
        rm = self._match(_RANGE_SEP, num.end)
        if rm and (rm.group("dash") or rm.group("w")):
            sep = (rm.group("w") or "-").lower()
            between = bool(rng_m and rng_m.group("w").lower() == "between")
            from_ = bool(rng_m and rng_m.group("w").lower() == "from")
            ok_sep = (sep == "and" and between) or (sep in ("to", "-") and not between) or (
                sep == "or" and not between) or (sep == "-" and between)
            second = self._second(rm.end(), num) if ok_sep else None
            if second is not None and sep == "-" and num.kind == "digit" and second.kind == "digit":
                if self._is_score(num, second):
                    return [], second.end
                if second.raw < num.raw and num.scale == second.scale:
                    return [], second.end  # `3-1`, `1990-91`: not a range
            if second is not None:
                if second.scale != 1.0 and num.scale == 1.0 and num.raw < 1000 and num.kind == second.kind:
                    # `5 to 10 million`, `from 1.5 to 1.2 billion`: the scale word serves both
                    num.value = num.raw * second.scale
                    num.scale = second.scale
                    num.ambiguous_scale = second.ambiguous_scale
                if num.currency is None and second.currency:
                    num.currency, num.cur_conf = second.currency, second.cur_conf
                if from_ and sep == "to" and not rng_m.group("rng") and allow_change:
                    change_to = second  # `rose from 10 to 15 percent`: a change, not a range
                elif second.value > num.value:
                    high = second
                    after = second.end
                    if between:
                        span_start = min(span_start, rng_m.start("pre"))
                        qualifier = None
                    elif rng_m and rng_m.group("rng"):
                        span_start = min(span_start, rng_m.start("pre"))

        if change_to is not None:
            # two figures; the first takes the unit (and what) of the second
            if change_to.sign_start is not None:
                pos2, kind2 = change_to.sign_start, "sign"
            else:
                pos2, kind2 = change_to.start, ("digit" if change_to.kind == "digit" else "word")
            later, _ = self._at(pos2, kind2, allow_change=False)
            if not later:
                return [], num.end
            unit = _Unit(later[0].unit, num.end, later[0].what, 1.0, "borrowed")
            conf = num.conf * (0.9 if unit.unit else 0.5)
            return [self._figure(span_start, num.end, num, None, unit, qualifier, conf)], num.end

        unit = self._unit(after, num, high)
        # `10% to 15%`, `$10m-$15m` handled above; `10 percent to 15 percent` here
        if high is None and unit.kind in ("percent", "duration", "measure", "currency"):
            rm2 = self._match(_RANGE_SEP, unit.end)
            if rm2 and (rm2.group("dash") or (rm2.group("w") or "").lower() in ("to", "or", "and")):
                w = (rm2.group("w") or "-").lower()
                between = bool(rng_m and rng_m.group("w").lower() == "between")
                if (w == "and") == between or (w == "-" and between):
                    second = self._second(rm2.end(), num)
                    if second is not None and second.value > num.value:
                        unit2 = self._unit(second.end, second, None)
                        if unit2.unit == unit.unit:
                            high = second
                            unit = unit2
                            if between:
                                span_start = min(span_start, rng_m.start("pre"))
                                qualifier = None

        if unit.kind == "relative":  # `ten years ago`: a point in time, not a quantity
            return [], unit.end
        if unit.kind == "none" and aged_m:
            unit = _Unit("years", unit.end, "age", 0.9, "age")
            span_start = min(span_start, aged_m.start("w"))
        elif (unit.kind == "none" and high is None and num.plain_int and 10 <= num.value <= 110
              and self._search_before(_APPOSITIVE_AGE, num.start, 32) and self._match(_APPOSITIVE_AFTER, num.end)):
            unit = _Unit("years", unit.end, "age", 0.7, "age")  # `Jane Doe, 45, said`

        # a year is not a quantity unless the text makes it one
        if num.plain_int and 1000 <= num.value <= 2100 and len(text[num.start:num.end]) == 4:
            strong = unit.kind in ("percent", "currency", "measure") or num.currency
            counted = unit.kind in ("count", "duration") and (qualifier or num.value < 1900)
            if not (strong or counted):
                return [], max(unit.end, num.end)
            num.conf = min(num.conf, 0.6)

        # number words must say what they count
        if num.kind in ("word", "fraction") and unit.kind == "none" and num.currency is None:
            if num.kind == "word" or num.value >= 1:
                return [], num.end
        if num.kind == "word" and num.value == 1 and unit.kind == "duration":
            unit.conf *= 0.6  # `one day` is as often a narrative phrase as a duration

        # after the unit: `or more`, `or so`
        end = max(unit.end, high.end if high else num.end)
        pq = self._match(_POST_QUAL, end)
        if pq and pq.group("q"):
            if qualifier is None:
                qualifier = _norm_qual("or " + pq.group("q").lower())
            end = pq.end()

        if num.qualifier and qualifier is None:
            qualifier = num.qualifier
        if qualifier is None and num.kind == "vague":
            qualifier = "at least"

        conf = num.conf * unit.conf
        if num.currency and unit.kind != "currency":
            conf *= num.cur_conf
        if unit.kind == "none" and not num.currency:
            conf = min(conf, 0.5)
            if high is not None and high.kind == "digit" and text[num.end:high.start].strip() in "-–—":
                conf = min(conf, 0.4)
        if num.ambiguous_scale and not num.currency and unit.kind not in ("count", "currency"):
            conf = min(conf, 0.35)
        start = min(span_start, num.sign_start if num.sign_start is not None else num.start)
        f = self._figure(start, end, num, high, unit, qualifier, conf)
        return [f], unit.resume or end

    def _figure(self, start: int, end: int, num: _Num, high: _Num | None, unit: _Unit,
                qualifier: str | None, conf: float) -> Figure:
        u = unit.unit
        if num.currency and unit.kind in ("none", "count", "borrowed"):
            u = num.currency
        value = num.value / 100 if unit.kind == "pence" else num.value
        high_value = (high.value / 100 if unit.kind == "pence" else high.value) if high else None
        value = _clean(value)
        return Figure(text=self.text[start:end], start=start, end=end, value=value, unit=u,
                      what=unit.what if not (num.currency and unit.kind == "none") else None,
                      qualifier=qualifier, value_high=_clean(high_value) if high else None,
                      confidence=round(max(0.05, min(1.0, conf)), 2))

    # -- skips for digit tokens -------------------------------------------------

    def _skip_digit_token(self, pos: int, in_range: bool = False, after_sign: bool = False) -> int:
        """End of a digit token that is not a quantity (time, numeric date, phone, id), or 0."""
        text = self.text
        prev = " " if after_sign else (text[pos - 1] if pos > self.lo else " ")
        prev2 = text[pos - 2] if pos - 1 > self.lo else " "
        if prev.isalpha() or prev == "_":  # `MH17`, `4x4`, `A320`
            m = _DIGITS.match(text, pos, self.hi)
            return m.end() if m else pos + 1
        if prev in "/@=&_\\" or (prev in ".:/," and prev2.isdigit()) or (
                prev in "-–" and prev2.isdigit() and not in_range):
            m = _DIGITS.match(text, pos, self.hi)
            return m.end() if m else pos + 1
        if prev in "-" and prev2.isalpha():  # COVID-19, F-16, MH-17
            m = _DIGITS.match(text, pos, self.hi)
            return m.end() if m else pos + 1
        if prev in "'’" and (pos - 2 < self.lo or not text[pos - 2].isalnum()):  # '90s
            m = _DIGITS.match(text, pos, self.hi)
            return m.end() if m else pos + 1
        if prev in "#№§":
            m = _DIGITS.match(text, pos, self.hi)
            return m.end() if m else pos + 1
        for rx in (_TIME, _NUMERIC_DATE, _YEAR_RANGE):
            m = rx.match(text, pos, self.hi)
            if m:
                return m.end()
        m = _PHONE.match(text, pos, self.hi)
        if m:
            chunk = m.group()
            digits = sum(c.isdigit() for c in chunk)
            seps = sum(1 for c in chunk if c in " \t.-()")
            if digits >= 8 and (prev == "+" or chunk[0] == "0" or "(" in chunk or seps >= 2 or
                                (seps == 1 and digits >= 10)) and "," not in chunk:
                if not _SPACED_THOUSANDS.fullmatch(chunk) or prev == "+":
                    return m.end()
        m = _LONG_DIGITS.match(text, pos, self.hi)
        if m and m.end() - pos >= 9 and (m.end() >= self.hi or not text[m.end()].isdigit()):
            if "," not in text[pos:m.end()]:
                return m.end()
        return 0

    def _digit_context_bad(self, num: _Num) -> int:
        """End to skip to when the digits at ``num`` are not a quantity (ordinal, date, id), else 0."""
        text = self.text
        nxt_end = num.end
        # letters glued to the number: ordinals, decades, `5G`, `3D`, `4x4`
        if nxt_end < self.hi and (text[nxt_end].isalpha() or text[nxt_end] in "'’" and nxt_end + 1 < self.hi
                                  and text[nxt_end + 1] == "s"):
            probe = nxt_end
            ok = (self._match(_PERCENT, probe) or self._match(_MEASURE_ABBR, probe) or self._match(_AGE, probe)
                  or self._match(_DURATION, probe) or self._match(_PPOINTS, probe))
            if not ok and not (num.currency and text[nxt_end:nxt_end + 1] in "mbkMBK"):
                m = _GLUED.match(text, nxt_end, self.hi)
                return m.end() if m else nxt_end + 1
        if nxt_end + 1 < self.hi and text[nxt_end] in ".:/" and text[nxt_end + 1].isdigit():
            m = _DOTTED.match(text, nxt_end, self.hi)
            return m.end() if m else nxt_end + 1
        if num.kind != "digit" or num.currency:
            return 0
        s = text[num.start:num.end]
        if num.plain_int and num.value <= 31 and (self._search_before(_MONTH_BEFORE, num.start, 16)
                                                   or self._match(_MONTH_AFTER, num.end)):
            return num.end
        # an identifier word before it: `Terminal 2`, `page 3`, `Article 370`, `No. 10`
        tok = self._search_before(_PREV_TOKEN, num.start, 24)
        if tok:
            t = tok.group("t")
            lw = t.lower().rstrip(".") if t.lower() not in ("no.", "p.", "pp.", "vol.") else t.lower()
            between = text[tok.end("t"):num.start]
            if "#" in between or "№" in between:
                return num.end
            if lw in ID_WORDS or t.lower() in ID_WORDS:
                if not self._strong_unit_after(num):
                    return num.end
            elif t[0].isupper() and lw not in ALLOWED_CAPS and not _is_qual_word(lw) and s.isdigit():
                if not self._strong_unit_after(num):
                    return num.end
        # paragraph list numbering: `1. `, `2) `
        if num.plain_int and num.end < self.hi and text[num.end] in ".)" and (
                num.start == self.lo or text[num.start - 1] == "\n") and text[num.end + 1:num.end + 2] in (" ", "\t"):
            return num.end + 1
        return 0

    def _strong_unit_after(self, num: _Num) -> bool:
        p = num.end
        cur = self._match(_CUR_NAME, p)
        if cur and cur.group("name").lower() in ("won", "real", "rand", "pound", "pounds") and not cur.group("adj"):
            cur = None  # `Burnout 3 won`, `Windows 7 real`
        return bool(self._match(_PERCENT, p) or cur or self._match(_PPOINTS, p) or num.scale != 1.0)

    def _is_score(self, a: _Num, b: _Num) -> bool:
        if not (a.plain_int and b.plain_int and a.value <= 20 and b.value <= 20):
            return False
        return bool(self._search_before(_SCORE_BEFORE, a.start, 40) or self._match(_SCORE_AFTER, b.end)
                    or b.value <= a.value)

    # -- numbers -------------------------------------------------------------

    def _number(self, pos: int, kind: str) -> _Num | None:
        text = self.text
        if kind in ("sign", "code"):
            m = self._match(_SIGN_AT, pos)
            if not m:
                return None
            sign = text[pos:m.end()].strip()
            code, cconf = self._sign_code(sign)
            if not code:
                return None
            n = self._digits(m.end(), with_currency=True)
            if n is None:
                return None
            if self._skip_digit_token(n.start, after_sign=True):
                return None
            n.currency, n.cur_conf, n.sign_start = code, cconf, pos
            n.plain_int = False
            return n
        if kind == "digit":
            n = self._digits(pos)
            if n is None:
                return None
            m = self._match(_ONE_IN, pos)
            if m:
                return self._one_in(m) or n
            return n
        # words: only the readers that can start with this word
        first = text[pos:pos + 10].split(None, 1)[0].split("-", 1)[0].lower() if pos < self.hi else ""
        if first in VAGUE:
            readers = ((_VAGUE_RE, self._vague),)
        elif first in ("several", "few"):
            readers = ((_A_DOZEN, self._dozen), (_SEVERAL, self._several))
        elif first == "half":
            readers = ((_HALF_A, self._half_a), (_FRACTION, self._fraction))
        elif first in ("a", "an"):
            readers = ((_A_DOZEN, self._dozen), (_SEVERAL, self._several), (_FRACTION, self._fraction),
                       (_WORD_SEQ, self._words))
        elif first in SMALL:
            readers = ((_ONE_IN, self._one_in), (_A_DOZEN, self._dozen), (_FRACTION, self._fraction),
                       (_WORD_SEQ, self._words))
        elif first in TENS:
            readers = ((_WORD_SEQ, self._words),)
        else:
            readers = ()
        for rx, fn in readers:
            m = self._match(rx, pos)
            if m:
                n = fn(m)
                if n is not None:
                    return n
        return None

    def _digits(self, pos: int, with_currency: bool = False) -> _Num | None:
        text = self.text
        m = _DIGITS.match(text, pos, self.hi)
        if not m:
            return None
        s = m.group()
        try:
            raw = float(s.replace(",", ""))
        except ValueError:  # pragma: no cover - the regex only lets digits through
            return None
        end = m.end()
        n = _Num(pos, end, raw, "digit", raw=raw)
        n.plain_int = s.isdigit()
        h = _AND_HALF.match(text, end, self.hi)
        if h and n.plain_int:
            n.value = n.raw = raw + 0.5
            end = n.end = h.end()
            n.plain_int = False
        sm = _DIGIT_SCALE.match(text, end, self.hi)
        if sm:
            w = (sm.group("w") or sm.group("a")).lower()
            mult, ambiguous = DIGIT_SCALES[w]
            # `5m` glued (million or metres?), `10k`; `5 m` with a space is not a scale
            if not (ambiguous and sm.group("a") is None):
                n.value = n.raw * mult
                n.scale = mult
                n.end = sm.end()
                n.plain_int = False
                if ambiguous:
                    n.ambiguous_scale = True
                    n.conf = 0.95 if with_currency else 0.7
        p = _PLUS.match(text, n.end, self.hi)
        if p:
            n.qualifier = "more than"
            n.end = p.end() if p.group().strip() != "plus" else n.end
            n.plain_int = False
        return n

    def _words(self, m: re.Match) -> _Num | None:
        total, cur, last, big, used_end = 0.0, 0.0, None, float("inf"), None
        first_word = ""
        pending_and = False
        for i, t in enumerate(_WORD_TOKEN.finditer(self.text, m.start(), m.end())):
            w, e = t.group().lower(), t.end()
            if i == 0:
                first_word = w
            if w in ("a", "an") and i == 0:
                cur, last = 1, "a"
            elif w == "and":
                if last not in ("hundred", "scale") or pending_and:
                    break
                pending_and = True
                continue
            elif pending_and and w not in SMALL and w not in TENS:
                break
            elif w in SMALL:
                if last in (None, "hundred", "scale") or (last == "tens" and SMALL[w] < 10):
                    cur += SMALL[w]
                    last = "unit"
                else:
                    break
            elif w in TENS:
                if last in (None, "hundred", "scale"):
                    cur += TENS[w]
                    last = "tens"
                else:
                    break
            elif w == "hundred":
                if last in ("unit", "a") and cur < 10 or (last == "unit" and cur < 100):
                    cur = (cur or 1) * 100
                    last = "hundred"
                else:
                    break
            elif w in SCALES:
                sc = SCALES[w]
                if last in ("unit", "tens", "hundred", "a") and sc < big:
                    total += (cur or 1) * sc
                    cur, last, big = 0, "scale", sc
                else:
                    break
            else:
                break
            used_end = e
            pending_and = False
        if used_end is None or last == "a":
            return None
        value = total + cur
        n = _Num(m.start(), used_end, value, "word", conf=0.9, raw=value)
        if first_word in ("a", "an"):
            n.conf = 0.7
        h = _AND_HALF.match(self.text, used_end, self.hi)
        if h and last in ("unit", "tens"):
            n.value = n.raw = value + 0.5
            n.end = h.end()
            sm = _WORD_SCALE.match(self.text, n.end, self.hi)
            if sm:
                n.value *= SCALES[sm.group(1).lower()]
                n.end = sm.end()
        return n

    def _dozen(self, m: re.Match) -> _Num | None:
        k = m.group("n")
        if k and k.lower() == "several":
            return _Num(m.start(), m.end(), 12, "vague", conf=0.4, raw=12, qualifier="several")
        value = 12 * (SMALL[k.lower()] if k else 1)
        return _Num(m.start(), m.end(), value, "word", conf=0.8, raw=value)

    def _half_a(self, m: re.Match) -> _Num:
        w = m.group("s").lower()
        value = 0.5 * (12 if w == "dozen" else 100 if w == "hundred" else SCALES[w])
        return _Num(m.start(), m.end(), value, "word", conf=0.8, raw=value)

    def _several(self, m: re.Match) -> _Num:
        q = " ".join(m.group("q").lower().split())
        s = m.group("s").lower()
        value = 100 if s == "hundred" else SCALES[s]
        return _Num(m.start(), m.end(), value, "vague", conf=0.4, raw=value,
                    qualifier="a few" if q.startswith("a couple") or q == "a few" else q)

    def _vague(self, m: re.Match) -> _Num | None:
        v = m.group("v").lower()
        v2 = (m.group("v2") or "").lower()
        value = VAGUE[v] * (VAGUE[v2] if v2 else 1)
        if v in ("tens", "scores") and not (v2 or self._match(_OF, m.end())):
            return None  # `test scores`
        if v == "tens" and not v2:
            return None
        if m.start() > self.lo and self.text[m.start() - 1] in "-":
            return None
        return _Num(m.start(), m.end(), value, "vague", conf=0.4, raw=value)

    def _fraction(self, m: re.Match) -> _Num | None:
        num = (m.group("num") or "").lower()
        den_w = m.group("den").lower()
        den = DENOMINATORS[den_w]
        needs_of = num in ("", "a", "an")
        if needs_of:
            fm = self._match(_FOLLOWER_DET, m.end())
            if not fm or (den_w != "half" and not fm.group().strip().lower() == "of"):
                return None
            if num == "" and den_w != "half":
                return None
        n = 1 if num in ("", "a", "an") else SMALL[num]
        if n >= den and den_w not in ("half", "halves"):
            return None
        value = round(n / den, 3)
        return _Num(m.start(), m.end(), value, "fraction", conf=0.9 if num not in ("", "a", "an") else 0.8, raw=value)

    def _one_in(self, m: re.Match) -> _Num | None:
        a, b = m.group("a").lower(), m.group("b").lower()
        av = float(a) if a.isdigit() else SMALL[a]
        bv = float(b) if b.isdigit() else (SMALL.get(b) or TENS.get(b) or (100 if b == "hundred" else 1000))
        if not (0 < av < bv <= 10000) or (b.isdigit() and 1000 <= bv <= 2100 and len(b) == 4):
            return None
        if _DURATION.match(self.text, m.end(), self.hi):
            return None  # `5 in 10 minutes`
        if m.group("p").lower() != "in" and bv > 10:
            return None  # `30 of 50 members` is a count; `eight of 10 voters`, `nine out of ten` are shares
        value = round(av / bv, 4)
        return _Num(m.start(), m.end(), value, "fraction", conf=0.9, raw=value)

    def _second(self, pos: int, first: _Num) -> _Num | None:
        """The high end of a range starting at ``pos`` (same kind of number as ``first``)."""
        text = self.text
        if pos >= self.hi:
            return None
        if first.kind == "digit":
            if first.currency and self._match(_SIGN_AT, pos):
                n = self._number(pos, "sign")
                return n
            if text[pos].isalpha():  # `between 700,000 and one million`
                m = self._match(_WORD_SEQ, pos)
                n = self._words(m) if m else None
                return n if n is not None and n.value > first.value else None
            if not text[pos].isdigit():
                return None
            if self._skip_digit_token(pos, in_range=True):
                return None
            n = self._digits(pos)
            if n is None or (n.end < self.hi and text[n.end].isalpha() and not
                             (self._match(_PERCENT, n.end) or self._match(_MEASURE_ABBR, n.end))):
                return None
            return n
        if first.kind == "word":
            m = self._match(_WORD_SEQ, pos)
            return self._words(m) if m else None
        return None

    # -- units -----------------------------------------------------------------

    def _unit(self, pos: int, num: _Num, high: _Num | None) -> _Unit:
        text = self.text
        if num.currency:
            return _Unit(num.currency, pos, None, num.cur_conf, "currency")
        m = self._match(_PPOINTS, pos)
        if m:
            return self._with_of(_Unit("percentage points", m.end(), None, 1.0, "percent"))
        m = self._match(_PERCENT, pos)
        if m:
            return self._with_of(_Unit("percent", m.end(), None, 1.0, "percent"))
        if num.kind == "fraction":
            u = self._with_of(_Unit("fraction", pos, None, 1.0, "fraction"))
            if u.what is None:
                c = self._count_np(pos, num.value, allow_singular=False)
                if c:
                    u.what, u.end = c
            return u
        m = self._match(_CUR_CODE_AFTER, pos)
        if m and m.group("code") == m.group("code").upper():
            code = CODE_ALIASES.get(m.group("code"), m.group("code"))
            return _Unit(code, m.end(), None, 1.0, "currency")
        probe = pos
        of = None
        if num.kind == "vague":
            of = self._match(_OF, pos)
            if of:
                probe = of.end()
        m = self._match(_CUR_NAME, probe)
        if m:
            name = m.group("name").lower()
            base = _currency_base(name)
            code, c = CURRENCY_NAMES.get(base, ("", 0.0))
            adj = (m.group("adj") or "").lower()
            adj = " ".join(adj.split())
            if adj and (adj, base) in CURRENCY_ADJ:
                code, c = CURRENCY_ADJ[(adj, base)], 1.0
            elif base == "rupee":
                code, c = self._rupee_code()
            elif base == "won" and not adj:
                # `won` is a verb far more often than a currency, but not after `12 trillion`
                code, c = ("KRW", 0.7) if num.scale >= 1e6 else ("", 0.0)
            elif base == "real" and not adj and name != "reais":
                code = ""
            elif base == "penny":
                return _Unit("GBP", m.end(), None, 0.9, "pence")
            if base == "pound" and not adj and self._match(_OF, m.end()):
                return _Unit("lb", m.end(), None, 0.8, "measure")
            if code:
                return _Unit(code, m.end(), None, c, "currency")
        m = self._match(_AGE, pos)
        if m:
            return _Unit("years", m.end(), "age", 0.9, "age")
        m = self._match(_DURATION, pos)
        if m:
            u = m.group("u").lower().rstrip("s")
            unit = DURATIONS.get(u, DURATIONS.get(u + "s", "years"))
            sep = m.group("sep")
            if "-" not in sep and _RELATIVE.match(text, m.end(), self.hi):
                return _Unit(None, m.end(), None, 0.0, "relative")
            return self._with_of(_Unit(unit, m.end(), None, 1.0, "duration"))
        m = self._match(_MEASURE_WORD, pos)
        if m:
            u = m.group("u").lower()
            base = u[:-1] if u.endswith("s") and u not in ("feet",) else u
            if base.endswith("inche"):
                base = "inch"
            unit = MEASURE_WORDS.get(base, base)
            if m.group("sq"):
                unit = "sq " + unit
            if m.group("cf"):
                unit = "°F" if m.group("cf").strip().lower().startswith("f") else "°C"
            if m.group("pd"):
                unit += " per day"
            return self._with_of(_Unit(unit, m.end(), None, 1.0, "measure"))
        m = self._match(_MEASURE_ABBR, pos)
        if m:
            if m.group("deg"):
                d = m.group("deg").strip()
                return _Unit(MEASURE_ABBR.get(d, "degrees"), m.end(), None, 1.0, "measure")
            u = " ".join(m.group("u").split())
            u = "sq miles" if u.startswith("sq") and "mi" in u else ("sq km" if u.startswith("sq") else u)
            return self._with_of(_Unit(MEASURE_ABBR.get(u, u), m.end(), None, 1.0, "measure"))
        m = self._match(_STRONG, pos)
        if m:  # `a 5,000-strong crowd`
            c = self._np(m.end(), require_plural=False)
            if c:
                return _Unit("count", c[1], c[0], 1.0, "count")
            return _Unit("count", m.end(), None, 1.0, "count")
        # counts
        if num.kind == "vague":
            c = (self._count_np(of.end(), 2, allow_singular=False, skip_det=True) if of
                 else self._count_np(pos, 2, allow_singular=False))
            if c:
                return _Unit("count", c[1], c[0], 1.0, "count")
            return _Unit("count", pos, None, 1.0, "count")
        value = high.value if high else num.value
        c = self._count_np(pos, value, allow_singular=(value == 1))
        if c:
            what, end = c
            conf = 0.7 if value == 1 and not _is_plural(what.split()[-1]) else 1.0
            return _Unit("count", end, what, conf, "count")
        # `1,200 of the detained`, `five of the suspects`
        m = _OF_NUM.match(text, pos, self.hi)
        if m:
            # `94 of the 170 seats`, `30 of 50 members`: what the whole is made of
            c = self._count_np(m.end(), 2, allow_singular=False)
            if c:
                return _Unit("count", c[1], c[0], 0.9, "count", resume=m.start("n"))
            return _Unit(None, pos, None, 1.0, "none")
        m = _OF_THE.match(text, pos, self.hi)
        if m:
            c = self._np(m.end(), require_plural=False) if value != 1 else None  # `one of the largest`
            if c:
                return _Unit("count", c[1], c[0], 0.9, "count")
        return _Unit(None, pos, None, 1.0, "none")

    def _with_of(self, u: _Unit) -> _Unit:
        """`78 percent of severe cases`, `two-thirds of the workforce`: what the share or time is of."""
        m = self._match(_OF_DET, u.end)
        if not m:
            return u
        c = self._np(m.end(), require_plural=False)
        if c:
            u.what, u.end = c
        return u

    def _count_np(self, pos: int, value: float, allow_singular: bool, skip_det: bool = False):
        """(what, end) of the plural noun phrase a number counts: `600 technical jobs`."""
        text = self.text
        if skip_det:
            m = _DET.match(text, pos, self.hi)
            if m:
                pos = m.end()
        words = []
        p = pos
        while len(words) < 5:
            m = _NP_WORD.match(text, p, self.hi)
            if not m:
                break
            w = m.group(1)
            lw = w.lower()
            if not words and lw in LEAD_SKIP:
                p = m.end()
                words.append(None)  # placeholder: `30 more people`: `more` is in the span, not in `what`
                continue
            if lw in STOP or lw in DURATIONS or lw.rstrip("s") in DURATIONS or lw in NUMBER_WORDS:
                break
            if "'" in w or "’" in w:
                break
            words.append((w, m.start(1), m.end(1)))
            p = m.end()
        real = [w for w in words if w is not None]
        best = None
        for i, (w, s, e) in enumerate(real):
            if w[0].isupper():
                # `30 Palestinians`, `12 NGOs`; else a capitalised modifier: `30 Palestinian prisoners`
                if len(w) > 3 and w.endswith("s") and (_is_plural(w) or w[:-1].isupper()):
                    best = i
                    break
                continue
            if _is_plural(w):
                best = i
                break
            if i == 0 and allow_singular and w.lower() in HUMAN_SINGULAR:
                best = i
                break
            if w[0].isupper() or w.endswith("ly") or w.endswith("ing") and i > 0:
                break
        if best is None:
            return None
        first, last = real[0], real[best]
        return text[first[1]:last[2]], last[2]

    def _np(self, pos: int, require_plural: bool):
        """A short noun phrase after `of`: `severe cases`, `the workforce` (determiner dropped)."""
        text = self.text
        words = []
        p = pos
        while len(words) < 4:
            m = _NP_WORD.match(text, p, self.hi)
            if not m:
                break
            w = m.group(1)
            if w.lower() in STOP or w.lower() in NUMBER_WORDS or "'" in w or "’" in w:
                break
            words.append((w, m.start(1), m.end(1)))
            p = m.end()
        if not words:
            return None
        # prefer the longest stretch that ends in a plural noun (`of severe cases`); else cut at the
        # first word that reads as a verb (`of the workforce voted`, `of wheat arrived`)
        plural = [i for i, w in enumerate(words) if _is_plural(w[0]) and (w[0][0].islower() or i == len(words) - 1)]
        if plural:
            words = words[:plural[0] + 1]
        else:
            if require_plural:
                return None
            keep = [words[0]]
            for w in words[1:]:
                if _verbish(w[0]) or w[0][0].isupper() != keep[-1][0][0].isupper():
                    break
                keep.append(w)
            words = keep
            if len(words) > 1 and _verbish(words[-1][0]):
                words = words[:-1]
        last = words[-1]
        return text[words[0][1]:last[2]], last[2]


# --------------------------------------------------------------------------- helpers


def _clean(v: float) -> float:
    r = round(v, 4)
    return float(int(r)) if r == int(r) else r


def _norm_qual(q: str) -> str:
    q = " ".join(q.lower().split())
    return QUALIFIER_NORMAL.get(q, q)


def _is_qual_word(w: str) -> bool:
    return any(q.split()[0] == w for q in _QUALIFIERS)


def _is_plural(w: str) -> bool:
    lw = w.lower()
    if lw in IRREGULAR_PLURALS:
        return True
    if lw in NOT_PLURAL or len(lw) < 3:
        return False
    if lw.endswith(("ss", "us", "is", "ous", "'s", "’s")):
        return False
    return lw.endswith("s")


def _verbish(w: str) -> bool:
    lw = w.lower()
    return lw in VERBISH or lw.endswith(("ed", "ing")) and len(lw) > 4 or lw.endswith("ly") and len(lw) > 4


def _currency_base(name: str) -> str:
    n = name.split()[0]
    if n in ("reais",):
        return "real"
    if n == "pence":
        return "penny"
    if n in ("liras",):
        return "lira"
    if n in ("kronor", "kroner", "krona"):
        return n
    if n.endswith("ies"):
        return n[:-3] + "y"
    if n.endswith("s") and n not in ("naira", "taka", "baht", "birr", "rand", "yuan", "yen"):
        return n[:-1]
    return n


def _at_sentence_start(text: str, pos: int, lo: int) -> bool:
    i = pos - 1
    while i >= lo and text[i] in " \t\u00a0\"“‘'(":
        i -= 1
    return i < lo or text[i] in ".!?\n"


# --------------------------------------------------------------------------- parse refinement


def _refine_with_parse(text: str, figures: list[Figure], docs: list[tuple[int, object]]) -> None:
    """Name what a bare number counts from the dependency parse: `1,200 of the detained ...`."""
    offs = [o for o, _ in docs]
    for f in figures:
        if f.unit is not None or f.what is not None:
            continue
        i = bisect_right(offs, f.start) - 1
        if i < 0:
            continue
        off, doc = docs[i]
        try:
            if f.end > off + len(doc.text) or not doc.has_annotation("DEP"):
                continue
            span = doc.char_span(f.start - off, f.end - off, alignment_mode="expand")
        except Exception:  # not a spaCy Doc: nothing to learn from it
            continue
        if span is None or not len(span):
            continue
        tok = span[-1]
        head = tok.head
        if tok.dep_ != "nummod" or head.i <= tok.i or head.i - tok.i > 4 or head.pos_ not in ("NOUN", "PROPN"):
            continue
        between = doc[tok.i + 1:head.i + 1]
        if any(t.is_punct for t in between):
            continue
        end = off + head.idx + len(head.text)
        if end > len(text):
            continue
        f.what = text[off + between[0].idx:end]
        f.unit = "count"
        f.end = end
        f.text = text[f.start:end]
        f.confidence = round(max(f.confidence, 0.8), 2)


# --------------------------------------------------------------------------- sources

SENTENCE_WINDOW = 600  # characters either side of a figure searched for its source


def _sentence_starts(text: str, lo: int, hi: int) -> list[int]:
    starts = [lo]
    for m in _SENT_BREAK.finditer(text, lo, hi):
        e = m.end()
        if m.group() != "\n":
            # `Mr. Smith`, `U.S. officials`, `approx. 40`: not the end of a sentence
            j = m.start()
            k = j
            while k > lo and (text[k - 1].isalpha() or text[k - 1] == "."):
                k -= 1
            word = text[k:j].lower().rstrip(".")
            if word in _ABBREV or len(word) == 1:
                continue
            n = e
            while n < hi and text[n] in " \t\u00a0":
                n += 1
            if n < hi and (text[n].islower() or text[n].isdigit()):
                continue
        starts.append(e)
    return starts


def _attribute(text: str, lo: int, hi: int, figures: list[Figure], quotes: Sequence[Quote]) -> None:
    qs = sorted((q for q in quotes if q is not None), key=lambda q: (q.start, -q.end))
    q_starts = [q.start for q in qs]
    max_end = []
    running = -1
    for q in qs:
        running = max(running, q.end)
        max_end.append(running)
    starts = _sentence_starts(text, lo, hi)
    according = [(m.start(), m.start("src"), m.end("src"), m.group("src")) for m in _ACCORDING.finditer(text, lo, hi)]
    according_at = [a[0] for a in according]
    said: dict[int, tuple] = {}
    for f in figures:
        # 1. the quote it stands in
        quote = None
        j = bisect_right(q_starts, f.start) - 1
        stop = max(-1, j - 256)  # quotes do not nest deeply: a bounded look back keeps this linear
        while j > stop and max_end[j] > f.start:
            q = qs[j]
            if q.start <= f.start < q.end and (quote is None or q.end - q.start < quote.end - quote.start):
                quote = q
            j -= 1
        if quote is not None:
            f.quote_id = quote.id or None
            f.source = quote.speaker or quote.speaker_mention
            if f.source:
                continue
        # 2. the sentence: `according to X` (the nearest), `..., the ministry said.`, `X said that ...`
        k = bisect_right(starts, f.start) - 1
        s0, e0 = starts[k], (starts[k + 1] if k + 1 < len(starts) else hi)
        s_start, s_end = max(s0, f.start - SENTENCE_WINDOW), min(e0, f.end + SENTENCE_WINDOW)
        best, best_d = None, None
        i = bisect_left(according_at, s_start)
        while i < len(according) and according[i][0] < s_end:
            at, src_s, src_e, src = according[i]
            i += 1
            if src_s <= f.start < src_e:
                continue  # the figure is part of the source: `according to 3 agencies`
            src = _trim_source(src)
            d = abs(at - f.start)
            if src and (best_d is None or d < best_d):
                best, best_d = src, d
        if best:
            f.source = best
            continue
        m = _PUT_AT.search(text, max(s0, f.start - 160), f.start)
        if m and m.end() == f.start:
            src = _trim_source(m.group("src"))
            if src:
                f.source = src
                continue
        if k not in said:
            said[k] = _said_in(text, s0, e0)
        (tail_at, tail_src), (lead_end, lead_src) = said[k]
        if tail_src and f.end <= tail_at and tail_at - f.end <= SENTENCE_WINDOW:
            f.source = tail_src
        elif lead_src and lead_end <= f.start and f.start - lead_end <= SENTENCE_WINDOW:
            f.source = lead_src


def _said_in(text: str, s: int, e: int) -> tuple[tuple[int, str | None], tuple[int, str | None]]:
    """A sentence's closing attribution (`..., the health ministry says.`) and opening one
    (`The ministry said on Monday that ...`): (offset, source) each, source None when absent."""
    tail: tuple[int, str | None] = (0, None)
    for rx in (_TAIL_SAID, _TAIL_SAID_INV):
        m = rx.search(text, max(s, e - 200), e)
        if m:
            src = _trim_source(m.group("src"))
            if src:
                tail = (m.start(), src)
                break
    lead: tuple[int, str | None] = (0, None)
    m = _LEAD_SAID.match(text, s, min(e, s + 200))
    if m:
        src = _trim_source(m.group("src"))
        if src and (src[0].isupper() or src.split()[0].lower() in ("the", "a", "an")):
            lead = (m.end(), src)
    return tail, lead


def _trim_source(src: str) -> str | None:
    src = _SRC_TRAIL.sub("", src).strip(" \t\u00a0\"'“”‘’")
    if src.endswith(".") and not _ABBREV_END.search(src):
        src = src[:-1]
    words = src.split()
    if not words or len(words) > 10:
        return None
    if words[0].lower() in PRONOUNS or words[0].lower() in NOT_FIRST_IN_SOURCE or any(
            w.lower() in NOT_IN_SOURCE for w in words):
        return None
    return src
