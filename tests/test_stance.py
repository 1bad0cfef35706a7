"""Each attributed statement carries the stance its cue expresses."""
import newsgraph


def _stances(text):
    return {q.text: q.stance for a in newsgraph.extract(text) for q in a.quotes}


def test_stances_follow_the_cues():
    text = ("Interior Minister Omar Haddad denied that police had fired on the crowd. "
            "Opposition leader Rana Aziz accused the government of hiding the death toll. "
            "The UN urged both sides to show restraint. "
            "Haddad promised that an inquiry would report within a month. "
            "The Red Crescent said 14 people were wounded.")
    st = _stances(text)
    assert st["police had fired on the crowd"] == "deny"
    assert st["the government of hiding the death toll"] == "accuse"
    assert st["both sides to show restraint"] == "urge"
    assert st["an inquiry would report within a month"] == "promise"
    assert st["14 people were wounded"] == "assert"


def test_speaker_fallback_skips_a_party_tag_and_a_comma_set_phrase():
    """With no subject in the parse, the noun before the cue speaks; not the party tag in parentheses
    (`Warren (D-MA) said`) nor the object pronoun in a comma-set phrase (`Clinton, without naming him,`)."""
    import spacy
    from spacy.tokens import Doc

    from newsgraph.extractors import attributions

    vocab = spacy.blank("en").vocab
    words = ["Sen.", "Elizabeth", "Warren", "(", "D-MA", ")", "said", "Trump", "failed", "."]
    doc = Doc(vocab, words=words, heads=[2, 2, 2, 4, 2, 4, 6, 8, 6, 6],
              deps=["compound", "compound", "npadvmod", "punct", "appos", "punct", "ROOT", "nsubj", "ccomp", "punct"],
              pos=["PROPN", "PROPN", "PROPN", "PUNCT", "PROPN", "PUNCT", "VERB", "PROPN", "VERB", "PUNCT"],
              tags=["NNP", "NNP", "NNP", "-LRB-", "NNP", "-RRB-", "VBD", "NNP", "VBD", "."])
    assert attributions._subject(doc[6]).text == "Warren"

    # the small model's parse of `Speaking in Harlem, Clinton, without naming him, also accused Sanders.`
    words = ["Speaking", "in", "Harlem", ",", "Clinton", ",", "without", "naming", "him", ",", "also", "accused",
             "Sanders", "."]
    doc = Doc(vocab, words=words, heads=[11, 0, 1, 2, 2, 0, 0, 6, 7, 11, 11, 11, 11, 11],
              deps=["advcl", "prep", "pobj", "punct", "appos", "punct", "prep", "pcomp", "dobj", "punct", "advmod",
                    "ROOT", "dobj", "punct"],
              pos=["VERB", "ADP", "PROPN", "PUNCT", "PROPN", "PUNCT", "ADP", "VERB", "PRON", "PUNCT", "ADV", "VERB",
                   "PROPN", "PUNCT"],
              tags=["VBG", "IN", "NNP", ",", "NNP", ",", "IN", "VBG", "PRP", ",", "RB", "VBD", "NNP", "."])
    assert attributions._subject(doc[11]).text == "Clinton"
