#!/usr/bin/env python3
"""Convert world-atlas's TopoJSON into the events map's outline, once: ``newsgraph/web/static/world.svg``.

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python tools/world_outline.py package/countries-110m.json > newsgraph/web/static/world.svg

world-atlas (ISC licence, by Mike Bostock) redistributes Natural Earth's 1:110m countries (public
domain) as TopoJSON. This script decodes the topology (quantised, delta-encoded arcs shared between
neighbouring countries), projects every ring with the app's own projection (``newsgraph.web.geo``,
Equal Earth), and writes one SVG: the globe's outline as the sea, then one path per country, styled
inside the file so that it can be used as an ``<image>`` under the map's points. Nothing is fetched
at run time: the web app serves this file.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newsgraph.web.geo import HEIGHT, WIDTH, project  # noqa: E402


def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    """Absolute (lon, lat) points of every arc."""
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    out = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        out.append(pts)
    return out


def ring(arcs: list[list[tuple[float, float]]], indexes: list[int]) -> list[tuple[float, float]]:
    """A ring from its arcs: ``~i`` (negative) is arc i reversed; shared end points are not repeated."""
    pts: list[tuple[float, float]] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        pts.extend(arc if not pts else arc[1:])
    return pts


def _clip(ring: list[tuple[float, float]], edge: float, keep_below: bool) -> list[tuple[float, float]]:
    """Sutherland-Hodgman: the part of a ring on one side of the meridian ``lon = edge``."""
    def inside(p):
        return p[0] <= edge if keep_below else p[0] >= edge

    out: list[tuple[float, float]] = []
    for i, cur in enumerate(ring):
        prev = ring[i - 1]
        if inside(cur):
            if not inside(prev):
                out.append(_cross(prev, cur, edge))
            out.append(cur)
        elif inside(prev):
            out.append(_cross(prev, cur, edge))
    return out


def _cross(a: tuple[float, float], b: tuple[float, float], edge: float) -> tuple[float, float]:
    t = (edge - a[0]) / (b[0] - a[0])
    return edge, a[1] + t * (b[1] - a[1])


def _densify(ring: list[tuple[float, float]], step: float = 2.0) -> list[tuple[float, float]]:
    """Points every ``step`` degrees along the cut edges (the meridian at 180 is curved on the map)."""
    out: list[tuple[float, float]] = []
    for i, (lon, lat) in enumerate(ring):
        plon, plat = ring[i - 1]
        if i and abs(lon) == 180 and plon == lon and abs(lat - plat) > step:
            n = int(abs(lat - plat) // step)
            out.extend((lon, plat + (lat - plat) * k / (n + 1)) for k in range(1, n + 1))
        out.append((lon, lat))
    return out


def split_antimeridian(ring: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """A ring that crosses the antimeridian (Fiji, Chukotka) or goes round a pole (Antarctica) as rings
    within -180..180: unwrap the longitudes, close polar rings along the pole, clip each 360-degree window."""
    unwrapped = [ring[0]]
    offset = 0.0
    for (plon, _), (lon, lat) in zip(ring, ring[1:]):
        if lon - plon > 180:
            offset -= 360
        elif lon - plon < -180:
            offset += 360
        unwrapped.append((lon + offset, lat))
    if offset == 0 and all(-180 <= lon <= 180 for lon, _ in unwrapped):
        return [ring]
    if offset != 0:  # round a pole: close the ring along it
        pole = -90.0 if sum(lat for _, lat in ring) < 0 else 90.0
        unwrapped += [(unwrapped[-1][0], pole), (unwrapped[0][0], pole)]
    out = []
    for shift in (-720, -360, 0, 360, 720):
        moved = [(lon + shift, lat) for lon, lat in unwrapped]
        part = _clip(_clip(moved, 180.0, True), -180.0, False)
        if len(part) >= 3:
            out.append(_densify(part))
    return out


def path_data(rings: list[list[tuple[float, float]]]) -> str:
    parts = []
    for r in rings:
        coords = []
        last = None
        for lon, lat in r:
            x, y = project(lon, lat)
            p = (round(x, 1), round(y, 1))
            if p != last:
                coords.append(f"{p[0]:g} {p[1]:g}")
                last = p
        if len(coords) >= 3:
            parts.append("M" + "L".join(coords) + "Z")
    return "".join(parts)


def sphere() -> str:
    """The outline of the whole globe in the projection (the sea)."""
    edge = [(180, lat) for lat in range(-90, 91, 2)] + [(-180, lat) for lat in range(90, -91, -2)]
    return path_data([edge])


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    topo = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    arcs = decode_arcs(topo)
    countries = []
    for g in topo["objects"]["countries"]["geometries"]:
        polys = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]] if g["type"] == "Polygon" else []
        rings = [part for poly in polys for r in poly for part in split_antimeridian(ring(arcs, r))]
        d = path_data(rings)
        if d:
            name = (g.get("properties") or {}).get("name", "")
            countries.append(f'<path id={quoteattr("c" + str(g.get("id", "")))} d="{d}"><title>{escape(name)}</title></path>')
    w, h = WIDTH, HEIGHT
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{-w / 2:.1f} {-h / 2:.1f} {w:.1f} {h:.1f}">',
        "<!-- Natural Earth 1:110m countries (public domain), via world-atlas 2.0.2 (ISC, Mike Bostock);"
        " Equal Earth projection; made by tools/world_outline.py -->",
        "<style>.sea{fill:#e8eef3}.land path{fill:#d5d9dd;stroke:#fff;stroke-width:.35;stroke-linejoin:round}</style>",
        f'<path class="sea" d="{sphere()}"/>',
        '<g class="land">', *countries, "</g>", "</svg>",
    ]
    sys.stdout.write("\n".join(out) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
