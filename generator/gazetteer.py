"""Province and prefecture of a county-level unit, from the cpca package's adcode table.

Adcodes have 12 digits: province XX0000000000, prefecture XXXX00000000, county XXXXXX000000.
Under a municipality (北京市) the prefecture level is a placeholder (市辖区, 县); a county
administered directly by its province (济源市) has 省直辖县级行政区划 there. For those the
folder name proposed is the municipality, or the county itself.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

PLACEHOLDERS = ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划")
MUNICIPALITIES = ("11", "12", "31", "50")
COUNTY_SUFFIXES = ("自治县", "自治旗", "县", "区", "市", "旗", "特区", "林区")


@dataclass(frozen=True)
class Place:
    """One county-level unit with the names of its prefecture and province."""

    county: str
    prefecture: str
    province: str
    adcode: str


def adcodes_path() -> Path | None:
    """The cpca package's adcodes.csv, or None when cpca is not installed."""
    try:
        path = resources.files("cpca") / "resources" / "adcodes.csv"
    except ModuleNotFoundError:
        return None
    return Path(str(path)) if path.is_file() else None


@lru_cache(maxsize=1)
def names_by_code() -> dict[str, str]:
    """adcode -> name for every row of the table (empty when cpca is missing)."""
    path = adcodes_path()
    if path is None:
        return {}
    with path.open(encoding="utf-8") as f:
        return {row["adcode"]: row["name"] for row in csv.DictReader(f) if row.get("adcode")}


def place_of(code: str) -> Place:
    """The county with this 12-digit adcode and the names above it."""
    names = names_by_code()
    province = names.get(code[:2] + "0" * 10, "")
    prefecture = names.get(code[:4] + "0" * 8, "")
    county = names[code]
    if not prefecture or prefecture in PLACEHOLDERS:
        prefecture = province if code[:2] in MUNICIPALITIES else county
    return Place(county, prefecture, province, code)


def find_county(name: str) -> list[Place]:
    """Every county-level unit called `name` ('桦川县', or '桦川' without its suffix)."""
    name = name.strip()
    if not name:
        return []
    found = []
    for code, county in names_by_code().items():
        if code.endswith("000000") and not code.endswith("00000000"):
            if county == name or (county.startswith(name) and county[len(name) :] in COUNTY_SUFFIXES):
                found.append(place_of(code))
    return found


def propose_place(county: str, hints: str = "") -> tuple[Place | None, list[Place]]:
    """The one place a county name means, using `hints` (a given prefecture or province, the
    report text) to choose among namesakes (鼓楼区 exists in four cities).

    Returns (place or None, all candidates)."""
    candidates = find_county(county)
    if len(candidates) == 1:
        return candidates[0], candidates
    named = [p for p in candidates if p.prefecture in hints]
    if len(named) == 1:
        return named[0], candidates
    named = [p for p in candidates if p.province in hints]
    if len(named) == 1:
        return named[0], candidates
    return None, candidates
