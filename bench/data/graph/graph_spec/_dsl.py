"""Small constructors for writing gold annotations as text; offsets are computed by build_gold.py.

``n`` is always the n-th occurrence (1-based) of the text inside the article, not counting
occurrences inside the article's ignored zones (the headline lines and site chrome lines).
"""


def _opt(optional, rec):
    """Mark a borderline record: the scorer neither rewards nor punishes a match with it."""
    if optional:
        rec["optional"] = True
    return rec


def E(name, kind, id, aliases=(), roles=(), org=None, country=None, optional=False):
    """A person or organisation the article names."""
    return _opt(optional, {"name": name, "kind": kind, "aliases": list(aliases), "roles": list(roles),
            "organization": org, "country": country, "id": id})


def P(text, name, country, kind, n=1, meto=False, dateline=False, optional=False):
    """A place mention: first mention of a distinct place, or one metonymic use (meto=True)."""
    return _opt(optional, {"text": text, "n": n, "name": name, "country": country, "kind": kind,
                           "metonymy": meto, "dateline": dateline})


def D(text, date, n=1, optional=False):
    """A date expression resolved against the article date ("YYYY-MM-DD", "YYYY-MM", "YYYY" or None)."""
    return _opt(optional, {"text": text, "n": n, "date": date})


def F(text, value, unit, what=None, q=None, src=None, high=None, n=1, optional=False):
    """A figure: the quantity as written (with its hedge), low value, optional high value."""
    return _opt(optional, {"text": text, "n": n, "value": value, "value_high": high, "unit": unit,
                           "what": what, "qualifier": q, "source": src})


def S(quote, speaker, stance, n=1, optional=False):
    """An attributed statement (content as in the quote gold format) and the stance of its cue."""
    return _opt(optional, {"quote": quote, "n": n, "speaker": speaker, "stance": stance})


def X(claim, claimant, stance, page=None, n=1):
    """A statement disputing a claim; page= names another page (n then counts in the whole page)."""
    rec = {"claim": claim, "n": n, "claimant": claimant, "stance": stance}
    if page:
        rec["page"] = page
    return rec


def C(claim, claimant, stance, disputed, n=1):
    """A contested claim and the statements that dispute it."""
    return {"claim": claim, "n": n, "claimant": claimant, "stance": stance, "disputed_by": list(disputed)}


def V(type, evidence, event, mode=None, actor=None, ac=None, recipient=None, place=None,
      country=None, date=None, size=None, n=1, optional=False):
    """A PLOVER event; ``evidence`` is any part of one sentence, expanded to the whole sentence."""
    return _opt(optional, {"type": type, "mode": mode, "actor": actor, "actor_country": ac,
                           "recipient": recipient, "place": place, "country": country, "date": date,
                           "size": size, "evidence": evidence, "n": n, "event": event})


def A(headline, date, entities=(), places=(), dates=(), figures=(), stances=(), claims=(), events=()):
    """One article: the headline exactly as on the page and its publication date (or None)."""
    return {"headline": headline, "date": date, "entities": list(entities), "places": list(places),
            "dates": list(dates), "figures": list(figures), "stances": list(stances),
            "claims": list(claims), "events": list(events)}
