"""The phrase that names a speaker (``Quote.speaker_phrase``) and the mention kept for the speaker's name,
on short invented sentences: what is in the phrase, what is left out, and that offsets hold."""
from __future__ import annotations

import pytest

from newsgraph import extract


def only_quote(text: str):
    quotes = [q for a in extract(text) for q in a.quotes]
    assert len(quotes) == 1, [(q.text, q.speaker) for q in quotes]
    q = quotes[0]
    if q.speaker_phrase is not None:
        assert text[q.speaker_phrase_start:q.speaker_phrase_end] == q.speaker_phrase
        # the phrase never reaches into what was said, and holds the mention
        assert q.speaker_phrase_end <= q.start or q.speaker_phrase_start >= q.end
        assert q.speaker_phrase_start <= q.speaker_start < q.speaker_end <= q.speaker_phrase_end
    return q


@pytest.mark.parametrize("text, phrase", [
    ("Woodrow Benford, 58, who has farmed outside Marshall for three decades, said the pipeline would cross "
     "his field.", "Woodrow Benford, 58, who has farmed outside Marshall for three decades"),
    ("The union, which represents 4,000 dock workers in three ports, said the strike would go ahead.",
     "The union, which represents 4,000 dock workers in three ports"),
    ("According to a report by the state auditor, the agency spent twice its budget on consultants.",
     "a report by the state auditor"),
    ("\u201cWe were never asked,\u201d said Lena Okafor, a nurse at the district hospital in Tamale.",
     "Lena Okafor, a nurse at the district hospital in Tamale"),
    ("Mayor Rui Costa, speaking at the opening of the bridge, said traffic would fall by half.", "Mayor Rui Costa"),
    ("The mayor met Tom Reyes, who said the bridge was unsafe.", "Tom Reyes"),
    ("Nearly two million people could be thrown into poverty, the Asian Development Bank (ADB) has said.",
     "the Asian Development Bank (ADB)"),  # a closing bracket stays with its opening one
])
def test_the_phrase_is_the_whole_source_up_to_the_cue(text, phrase):
    assert only_quote(text).speaker_phrase == phrase


def test_a_pronoun_has_no_phrase_and_a_continuation_none_either():
    text = ('Ann Lee, a crane operator, said the port would close. She said the talks had failed.\n\n'
            '"We have nowhere else to go."')
    quotes = [q for a in extract(text) for q in a.quotes]
    assert [q.speaker for q in quotes] == ["Ann Lee"] * 3
    assert [q.speaker_phrase for q in quotes] == ["Ann Lee, a crane operator", None, None]


def test_a_non_restrictive_relative_clause_is_no_part_of_a_described_speaker():
    q = only_quote('A spokesman for the Coastal Fisheries Forum (CFF), which is meeting this week in Mombasa, '
                   'told reporters: "Catches have halved."')
    assert q.speaker == "A spokesman for the Coastal Fisheries Forum (CFF)"
    assert "Mombasa" not in (q.speaker_role or "")
    assert q.speaker_phrase == q.speaker + ", which is meeting this week in Mombasa"  # the phrase keeps it
    q = only_quote("The president of the association that represents dock workers said the strike would go on.")
    assert q.speaker == "president of the association that represents dock workers"  # restrictive: kept
