"""HTML of an article's text with its records marked, and the SVG charts of the pages.

Everything here turns untrusted text (the page, quotes, names) into markup, so every piece of text
goes through :func:`markupsafe.escape` and every attribute value is quoted and escaped; the result is
:class:`markupsafe.Markup` that the templates insert as is.
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from markupsafe import Markup, escape

from . import geo

PALETTE_SIZE = 10  # speaker colours sp0..sp9 in style.css; spx for an unknown speaker
CLOSING = "\"'\u201d\u2019\u00bb\u203a)"


def speaker_colours(quotes: Iterable[dict[str, Any]]) -> dict[str | None, str]:
    """CSS class of each speaker's colour, in order of first appearance (an unknown speaker: ``spx``)."""
    out: dict[str | None, str] = {None: "spx"}
    for q in quotes:
        name = q.get("speaker")
        if name not in out:
            out[name] = f"sp{(len(out) - 1) % PALETTE_SIZE}"
    return out


def attrs(**values: Any) -> Markup:
    """` name="value"` pairs, escaped; None and False are left out; ``class_`` is ``class``."""
    parts = []
    for k, v in values.items():
        if v is None or v is False:
            continue
        name = k.rstrip("_").replace("_", "-")
        parts.append(f' {name}="{escape(str(v))}"')
    return Markup("".join(parts))


@dataclass
class Mark:
    """A stretch of the page to wrap in an element: ``tag`` with attributes, nested by ``depth``
    (outer first). ``first`` holds attributes for the first piece only (an ``id``)."""

    start: int
    end: int
    depth: int
    tag: str = "span"
    attributes: dict[str, Any] = field(default_factory=dict)
    first: dict[str, Any] = field(default_factory=dict)


@dataclass
class Label:
    """Markup inserted at one position of the page (a quote's number after its closing mark)."""

    at: int
    html: Markup


def after_closing(page: str, at: int, limit: int) -> int:
    """The position after the quotation marks that close a quote ending at ``at``."""
    while at < limit and page[at] in CLOSING:
        at += 1
    return at


def highlight(page: str, start: int, end: int, marks: Sequence[Mark], labels: Sequence[Label] = ()) -> Markup:
    """``page[start:end]`` as HTML, every mark wrapped around its stretch.

    Marks may overlap in any way: the text is cut at every mark's edge, and each piece is wrapped in
    the elements of the marks that cover it (outer marks first), so the HTML is always well nested.
    """
    cuts = {start, end}
    inside = [m for m in marks if m.start < end and m.end > start and m.end > m.start]
    for m in inside:
        cuts.add(max(m.start, start))
        cuts.add(min(m.end, end))
    here = [lb for lb in labels if start <= lb.at <= end]
    for lb in here:
        cuts.add(lb.at)
    points = sorted(cuts)
    by_pos: dict[int, list[Label]] = {}
    for lb in here:
        by_pos.setdefault(lb.at, []).append(lb)
    opened: set[int] = set()
    out: list[str] = []
    for a, b in zip(points, points[1:]):
        for lb in by_pos.pop(a, []):
            out.append(lb.html)
        covering = sorted((m for m in inside if m.start <= a and m.end >= b),
                          key=lambda m: (m.depth, m.start, -m.end))
        for m in covering:
            extra = {}
            if id(m) not in opened:
                opened.add(id(m))
                extra = m.first
            out.append(f"<{m.tag}{attrs(**m.attributes, **extra)}>")
        out.append(str(escape(page[a:b])))
        for m in reversed(covering):
            out.append(f"</{m.tag}>")
    for at in sorted(by_pos):
        out.extend(lb.html for lb in by_pos[at])
    return Markup("".join(out))


def number(x: float | None) -> str:
    if x is None:
        return ""
    x = float(x)
    if x.is_integer():
        return f"{x:,.0f}"
    return f"{x:,.2f}".rstrip("0").rstrip(".")


def figure_value(f: dict[str, Any]) -> str:
    value = number(f.get("value"))
    if f.get("value_high") is not None:
        value += "\u2013" + number(f["value_high"])
    return value


def article_marks(art: dict[str, Any], colours: dict[str | None, str],
                  figures: Sequence[dict[str, Any]] = (), events: Sequence[dict[str, Any]] = (),
                  prefix: str = "") -> tuple[list[Mark], list[Label]]:
    """The marks of an article page: quotes (one colour per speaker), their cues and speaker
    mentions, figures, event triggers and the dateline; and each quote's number after it.
    ``prefix`` keeps element ids apart when a page shows several articles."""
    page: str = art["text"]
    marks: list[Mark] = []
    labels: list[Label] = []
    for i, q in enumerate(art["quotes"], 1):
        colour = colours.get(q.get("speaker"), "spx")
        who = q.get("speaker") or "unknown speaker"
        tip = who + (f", {q['speaker_role']}" if q.get("speaker_role") else "") + (
            f" \u00b7 {q['cue']}" if q.get("cue") else "")
        marks.append(Mark(q["start"], q["end"], 0, "span",
                          {"class_": f"quote {colour}", "data_q": f"{prefix}{i}", "title": tip},
                          {"id": f"quote-{q.get('id') or prefix + str(i)}"}))
        if q.get("cue_start") is not None and q.get("cue_end") is not None:
            marks.append(Mark(q["cue_start"], q["cue_end"], 1, "span", {"class_": "cue", "data_q": f"{prefix}{i}"}))
        if q.get("speaker_start") is not None and q.get("speaker_end") is not None:
            marks.append(Mark(q["speaker_start"], q["speaker_end"], 1, "span",
                              {"class_": f"who {colour}", "data_q": f"{prefix}{i}"}))
        at = after_closing(page, q["end"], art["end"] if art.get("end") is not None else len(page))
        labels.append(Label(at, Markup(f'<a{attrs(class_="qref " + colour, href=f"#m-{prefix}{i}", data_q=f"{prefix}{i}")}'
                                       f'{attrs(aria_label=f"quote {i}: {who}")}>{i}</a>')))
    for f in figures:
        tip = " ".join(x for x in (f.get("qualifier"), figure_value(f), f.get("unit"), f.get("what")) if x)
        if f.get("source"):
            tip += f" (source: {f['source']})"
        marks.append(Mark(f["start"], f["end"], 3, "span", {"class_": "fig", "title": tip}))
    for k, e in enumerate(events, 1):
        s, t = e.get("trigger_start"), e.get("trigger_end")
        if s is None or t is None:
            s, t = e.get("start"), e.get("end")
        if s is None or t is None:
            continue
        label = e.get("type") or "event"
        marks.append(Mark(s, t, 2, "span", {"class_": "ev", "title": _event_tip(e)}, {"id": f"e-{prefix}{k}"}))
        labels.append(Label(t, Markup(f'<a{attrs(class_="evref", href=f"#me-{prefix}{k}")}>{escape(label)}</a>')))
    if art.get("dateline_start") is not None and art.get("dateline_end") is not None:
        marks.append(Mark(art["dateline_start"], art["dateline_end"], 1, "strong", {"class_": "dateline"}))
    return marks, labels


def _event_tip(e: dict[str, Any]) -> str:
    parts = [e.get("type") or "event"]
    if e.get("mode"):
        parts[0] += f" ({e['mode']})"
    for key, word in (("actor", "by"), ("recipient", "against"), ("place", "in"), ("date", "on")):
        if e.get(key):
            parts.append(f"{word} {e[key]}")
    return " ".join(parts)


# -- charts ---------------------------------------------------------------------------------------

def nice_ticks(lo: float, hi: float, n: int = 5) -> list[float]:
    """Round tick values covering lo..hi."""
    if hi < lo:
        lo, hi = hi, lo
    if hi == lo:
        hi = lo + 1 if lo == 0 else lo + abs(lo) * 0.1
    raw = (hi - lo) / max(1, n)
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    first = math.floor(lo / step) * step
    ticks = []
    v = first
    while v <= hi + step * 0.5:
        ticks.append(round(v, 10))
        v += step
    return ticks


def _parse_day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def time_buckets(days: Sequence[date]) -> tuple[str, list[tuple[date, date]]]:
    """Consecutive periods covering the dates: days, months or years, whichever gives a readable chart."""
    first, last = min(days), max(days)
    span = (last - first).days
    out: list[tuple[date, date]] = []
    if span <= 45:
        d = first
        while d <= last:
            out.append((d, d + timedelta(days=1)))
            d += timedelta(days=1)
        return "day", out
    if span <= 3 * 366:
        y, m = first.year, first.month
        while date(y, m, 1) <= last:
            ny, nm = (y + 1, 1) if m == 12 else (y, m + 1)
            out.append((date(y, m, 1), date(ny, nm, 1)))
            y, m = ny, nm
        return "month", out
    for y in range(first.year, last.year + 1):
        out.append((date(y, 1, 1), date(y + 1, 1, 1)))
    return "year", out


def _bucket_label(unit: str, start: date) -> str:
    return {"day": start.isoformat(), "month": start.strftime("%Y-%m"), "year": str(start.year)}[unit]


def timeline_chart(items: Sequence[dict[str, Any]], *, what: str = "quotes", key: str = "published",
                   width: int = 640, height: int = 160, stack: str | None = None,
                   classes: dict[str, str] | None = None) -> Markup:
    """A bar chart of how many items fall in each period (day, month or year) of their dates.

    ``stack`` names a field whose values split each bar (a quote's stance); ``classes`` maps those
    values to CSS classes. Undated items are counted in the title, not drawn."""
    dated = [(d, it) for it in items if (d := _parse_day(it.get(key))) is not None]
    undated = len(items) - len(dated)
    if not dated:
        return Markup(f'<p class="muted">No dated {escape(what)}.</p>') if items else Markup("")
    unit, buckets = time_buckets([d for d, _ in dated])
    counts: list[dict[str, int]] = [dict() for _ in buckets]
    starts = [b[0] for b in buckets]
    import bisect

    for d, it in dated:
        i = bisect.bisect_right(starts, d) - 1
        group = str(it.get(stack) or "other") if stack else "all"
        counts[i][group] = counts[i].get(group, 0) + 1
    top = max(sum(c.values()) for c in counts)
    ticks = [t for t in nice_ticks(0, top, 3) if t == int(t)]
    top = max(top, ticks[-1])
    left, right, tpad, bottom = 34, 8, 10, 26
    pw, ph = width - left - right, height - tpad - bottom
    bw = pw / len(buckets)
    out = [f'<svg class="chart timeline" viewBox="0 0 {width} {height}" role="img"'
           f'{attrs(aria_label=f"{what} per {unit}")}>']
    for t in ticks:
        y = tpad + ph - ph * t / top
        out.append(f'<line class="grid" x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}"/>'
                   f'<text class="tick" x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{int(t)}</text>')
    order = list(classes or {})
    for i, ((b0, _b1), c) in enumerate(zip(buckets, counts)):
        x = left + i * bw
        y = tpad + ph
        total = sum(c.values())
        label = f"{_bucket_label(unit, b0)}: {total} {what}"
        if stack and total:
            label += " (" + ", ".join(f"{n} {k}" for k, n in sorted(c.items(), key=lambda kv: -kv[1])) + ")"
        out.append(f"<g><title>{escape(label)}</title>")
        for group in sorted(c, key=lambda g: order.index(g) if g in order else len(order)):
            h = ph * c[group] / top
            y -= h
            cls = (classes or {}).get(group, "bar")
            width = min(max(bw * 0.8, 1), 48)
            out.append(f'<rect class="{escape(cls)}" x="{x + (bw - width) / 2:.1f}" y="{y:.1f}" '
                       f'width="{width:.1f}" height="{h:.1f}"/>')
        if not total:  # a hit area for the tooltip of an empty period
            out.append(f'<rect class="hit" x="{x:.1f}" y="{tpad}" width="{bw:.1f}" height="{ph}"/>')
        out.append("</g>")
    step = max(1, math.ceil(len(buckets) / 8))
    for i in range(0, len(buckets), step):
        x = left + i * bw + bw / 2
        out.append(f'<text class="tick" x="{x:.1f}" y="{height - 8}" text-anchor="middle">'
                   f"{escape(_bucket_label(unit, buckets[i][0]))}</text>")
    out.append(f'<line class="axis" x1="{left}" x2="{width - right}" y1="{tpad + ph}" y2="{tpad + ph}"/>')
    out.append("</svg>")
    if undated:
        out.append(f'<p class="muted small">{undated} undated {escape(what)} not shown.</p>')
    return Markup("".join(out))


SERIES = 8  # colour classes s0..s7 in style.css


def figure_chart(values: Sequence[dict[str, Any]], unit: str | None, *, width: int = 720,
                 height: int = 280) -> tuple[Markup, dict[str, str]]:
    """One quantity's reported values over time, a colour per source: dots (ranges as bars), the
    reports of one named source joined by a line. The sources that report most get a colour each
    (up to ``SERIES - 1``), the rest share grey. Values spanning more than three orders of magnitude
    are drawn on a log scale. Returns the SVG and the legend (source -> colour class)."""
    dated = [(d, v) for v in values if (d := _parse_day(v.get("published"))) is not None]
    if not dated:
        return Markup('<p class="muted">No dated reports to chart.</p>'), {}
    counts: dict[str, int] = {}
    for _, v in dated:
        s = v.get("source") or "(no source)"
        counts[s] = counts.get(s, 0) + 1
    ranked = sorted(counts, key=lambda s: (-counts[s], s == "(no source)", s))
    named = ranked[:SERIES - 1] if len(ranked) > SERIES else ranked
    colour = {s: f"s{i}" for i, s in enumerate(named)}
    legend = dict(colour)
    if len(ranked) > len(named):
        legend[f"{len(ranked) - len(named)} other sources"] = f"s{SERIES - 1}"
    lows = [v["value"] for _, v in dated]
    highs = [v["value_high"] if v.get("value_high") is not None else v["value"] for _, v in dated]
    log = min(lows) > 0 and max(highs) / min(lows) > 1000
    if log:
        lo, hi = math.floor(math.log10(min(lows))), math.ceil(math.log10(max(highs)))
        step = max(1, math.ceil((hi - lo) / 6))
        ticks = [10.0 ** e for e in range(lo, hi + 1, step)]
        lo, hi = float(lo), float(hi)
    else:
        lo, hi = min(0.0, min(lows)), max(highs)
        ticks = nice_ticks(lo, hi, 5)
        lo, hi = min(lo, ticks[0]), max(hi, ticks[-1])
    d0, d1 = min(d for d, _ in dated), max(d for d, _ in dated)
    span = max((d1 - d0).days, 1)
    left, right, tpad, bottom = 64, 16, 12, 28
    pw, ph = width - left - right, height - tpad - bottom
    inset = 14  # dots at the first and last dates stay inside the plot

    def X(d: date) -> float:
        return left + inset + (pw - 2 * inset) * (((d - d0).days / span) if d1 != d0 else 0.5)

    def Y(v: float) -> float:
        if log:
            v = math.log10(max(v, 10.0 ** lo))
        return tpad + ph - ph * (v - lo) / ((hi - lo) or 1)

    label = "reported values over time" + (" (log scale)" if log else "")
    out = [f'<svg class="chart figures" viewBox="0 0 {width} {height}" role="img"{attrs(aria_label=label)}>']
    for t in ticks:
        out.append(f'<line class="grid" x1="{left}" x2="{width - right}" y1="{Y(t):.1f}" y2="{Y(t):.1f}"/>'
                   f'<text class="tick" x="{left - 6}" y="{Y(t) + 4:.1f}" text-anchor="end">'
                   f"{escape(_short_number(t))}</text>")
    unit_days = time_buckets([d0, d1])[0]
    ticks_x = _date_ticks(d0, d1)
    for i, d in enumerate(ticks_x):
        anchor = "middle" if d0 == d1 else "start" if i == 0 else "end" if i == len(ticks_x) - 1 else "middle"
        out.append(f'<text class="tick" x="{X(d):.1f}" y="{height - 8}" text-anchor="{anchor}">'
                   f"{escape(_bucket_label(unit_days if unit_days != 'year' else 'month', d))}</text>")
    by_source: dict[str, list[tuple[date, dict[str, Any]]]] = {}
    for d, v in sorted(dated, key=lambda dv: dv[0]):
        by_source.setdefault(v.get("source") or "(no source)", []).append((d, v))
    # the sources without a colour first, so that the coloured ones are drawn on top
    for s, pts in sorted(by_source.items(), key=lambda kv: kv[0] in colour):
        cls = colour.get(s, f"s{SERIES - 1}")
        if len(pts) > 1 and s in colour and s != "(no source)":
            line = " ".join(f"{X(d):.1f},{Y(v['value']):.1f}" for d, v in pts)
            out.append(f'<polyline class="series {cls}" points="{line}"/>')
        for d, v in pts:
            tip = f"{d.isoformat()} \u00b7 {s}: " + " ".join(
                x for x in (v.get("qualifier"), figure_value(v), unit or "") if x)
            out.append(f"<g><title>{escape(tip)}</title>")
            if v.get("value_high") is not None:
                out.append(f'<line class="range {cls}" x1="{X(d):.1f}" x2="{X(d):.1f}" '
                           f'y1="{Y(v["value"]):.1f}" y2="{Y(v["value_high"]):.1f}"/>')
            shape = "dot" if not v.get("qualifier") else "dot hedged"
            out.append(f'<circle class="{shape} {cls}" cx="{X(d):.1f}" cy="{Y(v["value"]):.1f}" r="5"/></g>')
    out.append(f'<line class="axis" x1="{left}" x2="{width - right}" y1="{tpad + ph}" y2="{tpad + ph}"/>')
    if log:
        out.append(f'<text class="tick" x="{width - right}" y="{tpad + 10}" text-anchor="end">log scale</text>')
    out.append("</svg>")
    return Markup("".join(out)), legend


def _date_ticks(d0: date, d1: date, n: int = 6) -> list[date]:
    if d0 == d1:
        return [d0]
    span = (d1 - d0).days
    return [d0 + timedelta(days=round(span * i / (n - 1))) for i in range(n)] if span >= n else [d0, d1]


def _short_number(x: float) -> str:
    a = abs(x)
    for div, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")):
        if a >= div:
            return number(round(x / div, 2)) + suffix
    return number(x)


def month_bars(months: Sequence[dict[str, Any]], *, width: int = 240, height: int = 48) -> Markup:
    """A small histogram of articles per month (the search page's date facet)."""
    rows = [m for m in months if m.get("value")]
    if len(rows) < 2:
        return Markup("")
    top = max(m["count"] for m in rows)
    bw = width / len(rows)
    out = [f'<svg class="chart spark" viewBox="0 0 {width} {height}" role="img"'
           f'{attrs(aria_label="articles per month")}>']
    for i, m in enumerate(rows):
        h = max(1.0, (height - 2) * m["count"] / top)
        out.append(f'<rect class="bar" x="{i * bw + bw * 0.1:.1f}" y="{height - h:.1f}" '
                   f'width="{max(bw * 0.8, 0.8):.1f}" height="{h:.1f}"><title>{escape(m["value"])}: '
                   f'{m["count"]} articles</title></rect>')
    out.append("</svg>")
    return Markup("".join(out))


def world_map(points: Sequence[dict[str, Any]], *, static: str = "/static/world.svg") -> Markup:
    """The bundled world outline with a dot per place (size by number of events), zoomed to the dots.

    ``points``: dicts with ``lat``, ``lon``, ``label`` (tooltip), ``href`` (a link) and ``count``."""
    w, h = geo.WIDTH, geo.HEIGHT
    xy = [(geo.project(p["lon"], p["lat"]), p) for p in points
          if p.get("lat") is not None and p.get("lon") is not None]
    if xy:
        xs = [x for (x, _), _ in xy]
        ys = [y for (_, y), _ in xy]
        cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
        vw = max(max(xs) - min(xs) + 100, 320.0)
        vh = max(max(ys) - min(ys) + 60, vw * h / w)
        vw = max(vw, vh * w / h)
        vw, vh = min(vw, w), min(vh, h)
        vx = min(max(cx - vw / 2, -w / 2), w / 2 - vw)
        vy = min(max(cy - vh / 2, -h / 2), h / 2 - vh)
    else:
        vx, vy, vw, vh = -w / 2, -h / 2, w, h
    scale = vw / w  # dots keep their size on screen whatever the zoom
    out = [f'<svg class="map" viewBox="{vx:.1f} {vy:.1f} {vw:.1f} {vh:.1f}" role="img"'
           f'{attrs(aria_label="map of events")}>',
           f'<image href="{escape(static)}" x="{-w / 2:.1f}" y="{-h / 2:.1f}" width="{w:.1f}" height="{h:.1f}"/>']
    top = max((p.get("count") or 1 for _, p in xy), default=1)
    for (x, y), p in sorted(xy, key=lambda t: -(t[1].get("count") or 1)):
        r = (3.5 + 7 * math.sqrt((p.get("count") or 1) / top)) * scale
        dot = (f'<circle class="dot" cx="{x:.2f}" cy="{y:.2f}" r="{r:.2f}" stroke-width="{1.2 * scale:.2f}">'
               f"<title>{escape(p.get('label') or '')}</title></circle>")
        if p.get("name"):
            dot += (f'<text class="lbl" x="{x + r + 2 * scale:.2f}" y="{y + 4 * scale:.2f}" '
                    f'font-size="{12 * scale:.2f}" stroke-width="{3 * scale:.2f}">{escape(p["name"])}</text>')
        if p.get("href"):
            dot = f'<a{attrs(href=p["href"], aria_label=p.get("label") or "")}>{dot}</a>'
        out.append(dot)
    out.append("</svg>")
    return Markup("".join(out))
