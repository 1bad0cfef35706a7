"""Entities of an article: people and organisations with every mention, aliases, roles, acronyms."""
from __future__ import annotations

import pytest

from newsgraph import extract

PAGE = """Opposition party rallies in Lahore against fuel prices

LAHORE: Thousands of supporters of Jamaat-e-Islami (JI) marched through Lahore on Sunday against rising fuel prices.
JI chief Hafiz Naeem-ur-Rehman told the crowd that the government had "abandoned the poor".
Rehman said the party would hold a sit-in outside the Punjab Assembly next week.
A spokesperson for the Ministry of Energy, Sana Qureshi, said prices followed global markets.
The FO said separately that talks with the IMF would resume in May, and the UN urged restraint.
Qureshi added that subsidies for farmers would continue.
"""


@pytest.fixture(scope="module")
def article():
    (art,) = extract(PAGE, published="2026-05-10")
    return art


def by_name(article, name):
    found = [e for e in article.entities if e.name == name]
    assert found, [e.name for e in article.entities]
    return found[0]


def test_a_person_and_the_surname_are_one_entity(article):
    rehman = by_name(article, "Hafiz Naeem-ur-Rehman")
    assert rehman.kind == "person"
    assert [m.text for m in rehman.mentions] == ["Hafiz Naeem-ur-Rehman", "Rehman"]
    assert "JI chief" in rehman.roles


def test_every_mention_points_into_the_page(article):
    for e in article.entities:
        assert e.mentions, e
        for m in e.mentions:
            assert PAGE[m.start:m.end] == m.text


def test_acronym_defined_in_the_text_is_an_alias(article):
    ji = by_name(article, "Jamaat-e-Islami")
    assert ji.kind == "organization" and "JI" in ji.aliases
    assert len(ji.mentions) >= 2  # `Jamaat-e-Islami` and `JI`


def test_common_acronyms_are_expanded_only_when_used(article):
    names = {e.name for e in article.entities if e.kind == "organization"}
    assert {"Foreign Office", "International Monetary Fund", "United Nations"} <= names
    assert "European Union" not in names


def test_organisation_names_by_pattern(article):
    energy = by_name(article, "Ministry of Energy")
    assert energy.kind == "organization"
    assert "Punjab Assembly" in {e.name for e in article.entities}


def test_person_organisation_from_role(article):
    qureshi = by_name(article, "Sana Qureshi")
    assert [m.text for m in qureshi.mentions][-1] == "Qureshi"
    assert qureshi.organization == "Ministry of Energy"


def test_shared_surname_is_not_a_mention_of_either():
    page = ("Two Khans in court\n\nISLAMABAD: Finance Minister Aliya Khan and opposition leader Omar Khan "
            "clashed in parliament on Monday. Omar Khan said the budget was unfair. Khan also said more.\n")
    (art,) = extract(page)
    people = {e.name: e for e in art.entities if e.kind == "person"}
    assert {"Aliya Khan", "Omar Khan"} <= set(people)
    for e in people.values():
        assert all(m.text != "Khan" for m in e.mentions)


def test_ids_are_stable_and_distinct(article):
    ids = [e.id for e in article.entities]
    assert len(ids) == len(set(ids))
    (again,) = extract(PAGE, published="2026-05-10")
    assert [e.id for e in again.entities] == ids


def test_fragments_titles_and_demonyms_are_not_organisations():
    page = ("Relief row\n\nCOLOMBO: Sindh Home Minister Nadeem Qureshi met Sri Lankan officials on Monday.\n"
            "Rights commission accuses police of excessive force.\n"
            "The National Emergency Operations Centre (NEOC) said Israeli and Sri Lankan teams had arrived.\n")
    (art,) = extract(page)
    orgs = {e.name for e in art.entities if e.kind == "organization"}
    assert "National Emergency Operations Centre" in orgs
    assert not orgs & {"Sindh Home", "Rights", "Sri Lankan", "Israeli"}, orgs
    assert not any("(" in o for o in orgs)


def test_figure_sources_take_the_name_the_article_defines():
    page = ("Sit-in\n\nKARACHI: Supporters of Jamaat-e-Islami (JI) gathered on Sunday. "
            "The JI said more than 100 of its workers had been detained.\n")
    (art,) = extract(page)
    (fig,) = [f for f in art.figures if f.value == 100]
    assert fig.source == "Jamaat-e-Islami"
