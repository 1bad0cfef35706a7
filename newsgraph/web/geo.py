"""The map's projection: Equal Earth (Šavrič, Patterson, Jenny 2018), an equal-area world map.

The bundled world outline (``static/world.svg``, made once by ``tools/world_outline.py``) and the
points drawn on it go through the same :func:`project`, so they line up. Map units: the whole world
spans ``-WIDTH/2 .. WIDTH/2`` across and ``-HEIGHT/2 .. HEIGHT/2`` down (north up).
"""
from __future__ import annotations

import math

_A1, _A2, _A3, _A4 = 1.340264, -0.081106, 0.000893, 0.003796
_M = math.sqrt(3) / 2
SCALE = 180.0  # map units per unit of the unit-sphere projection


def _raw(lon: float, lat: float) -> tuple[float, float]:
    lam, phi = math.radians(lon), math.radians(lat)
    theta = math.asin(_M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (_M * (_A1 + 3 * _A2 * t2 + t6 * (7 * _A3 + 9 * _A4 * t2)))
    y = theta * (_A1 + _A2 * t2 + t6 * (_A3 + _A4 * t2))
    return x, y


def project(lon: float, lat: float) -> tuple[float, float]:
    """Map coordinates (x to the east, y down) of a longitude and latitude in degrees."""
    lon = max(-180.0, min(180.0, float(lon)))
    lat = max(-90.0, min(90.0, float(lat)))
    x, y = _raw(lon, lat)
    return x * SCALE, -y * SCALE


WIDTH = 2 * project(180, 0)[0]
HEIGHT = 2 * -project(0, 90)[1]
