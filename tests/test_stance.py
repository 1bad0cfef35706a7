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
