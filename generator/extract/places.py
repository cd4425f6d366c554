"""The gazetteer shipped with `cpca`: province, prefecture and county-level names.

Loaded once, lazily. Every county-level unit is known by its official name and by the
short forms reports print: the autonomous part dropped (鄂温克族自治旗 -> 鄂温克旗) and,
since many counties became districts or cities over the years, its stem with any of
县/区/市 (增城区 was printed 增城市 before 2014).
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from generator.extract.vocab_places import (
    COUNTY_SUFFIXES,
    ETHNIC_GROUPS,
    NOT_PLACES,
    PLACE_LEAD_WORDS,
    PREFECTURE_SUFFIXES,
    PROVINCE_SUFFIXES,
)

COUNTY, PREFECTURE, PROVINCE = "county", "prefecture", "province"
# The last character of every printed form: where a scan can stop to look back.
END_CHARS = frozenset("县区市旗州盟省")
END_RX = re.compile("[县区市旗州盟省]")
# Function words before 县委/县政府 that are also the first character of a county (和县).
ORGAN_LEAD_CHARS = frozenset(w for w in PLACE_LEAD_WORDS if len(w) == 1)
# Generated variants that are ordinary words, never read as places.
COMMON_WORDS = frozenset({"新城市", "老城市", "新城县", "城中市", "中城市", "市中市", "市中县"})


@dataclass(frozen=True)
class Place:
    """One printed place name found in a string (end is exclusive)."""

    start: int
    end: int
    form: str  # as printed, e.g. 鄂温克旗
    level: str  # county | prefecture | province
    name: str  # the gazetteer's name, e.g. 鄂温克族自治旗


def _csv_path() -> Path | None:
    try:
        path = Path(str(resources.files("cpca") / "resources" / "adcodes.csv"))
    except (ModuleNotFoundError, TypeError):
        return None
    return path if path.exists() else None


def _level(code: str) -> str | None:
    if code[2:].strip("0") == "":
        return PROVINCE
    if code[4:].strip("0") == "":
        return PREFECTURE
    if code[6:].strip("0") == "":
        return COUNTY
    return None


def split_suffix(name: str, suffixes: tuple[str, ...]) -> tuple[str, str]:
    """'桦川县' -> ('桦川', '县'); the name itself and '' when no suffix fits."""
    for suffix in suffixes:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)], suffix
    return name, ""


def strip_ethnic(base: str) -> str:
    """'石林彝族' -> '石林', '双江拉祜族佤族布朗族傣族' -> '双江', '鄂温克族' -> '鄂温克'."""
    groups = sorted(ETHNIC_GROUPS, key=len, reverse=True)
    changed = True
    while changed:
        changed = False
        for group in groups:
            for tail in (group + "族", group):
                if base.endswith(tail) and len(base) - len(tail) >= 2:
                    base, changed = base[: -len(tail)], True
                    break
            if changed:
                break
    return base[:-1] if base.endswith("族") and len(base) >= 3 else base


def county_forms(name: str) -> set[str]:
    """Every printed form of one county-level name (official, short, renamed)."""
    base, suffix = split_suffix(name, COUNTY_SUFFIXES)
    if not suffix:
        return {name}
    forms = {name}
    stem = base
    if suffix.startswith("自治"):
        stem = strip_ethnic(base)
        forms.add(stem + suffix)  # 关岭自治县 for 关岭布依族苗族自治县
        suffix = suffix[-1]
        forms.add(stem + suffix)
    if len(stem) >= 2 and suffix in ("县", "区", "市"):
        forms.update(stem + other for other in ("县", "区", "市"))
    # 城区, 郊区, 矿区: districts whose names are also common words
    return {f for f in forms if not (len(f) == 2 and f.endswith("区")) and f not in COMMON_WORDS}


def _short_forms(name: str, suffixes: tuple[str, ...], level: str) -> set[str]:
    forms = {name}
    base, suffix = split_suffix(name, suffixes)
    if level == PREFECTURE and suffix == "自治州":
        forms.add(strip_ethnic(base) + "州")
    if level == PROVINCE and suffix and len(base) >= 2:
        forms.add(strip_ethnic(base) if suffix == "自治区" else base)
    return forms


@dataclass
class Gazetteer:
    forms: dict[str, tuple[str, str]]  # printed form -> (level, official name)
    longest: int
    # the lengths of the forms ending in each last two characters, longest first:
    # a lookup tries only those instead of every length
    sizes: dict[str, tuple[int, ...]] = field(default_factory=dict)


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """All printed forms, read from cpca's adcodes.csv once; empty if it is missing."""
    forms: dict[str, tuple[str, str]] = {}
    path = _csv_path()
    rows: list[tuple[str, str]] = []
    if path is not None:
        with path.open(encoding="utf-8") as fh:
            rows = [(r["adcode"], r["name"].strip()) for r in csv.DictReader(fh)]
    upper: dict[str, tuple[str, str]] = {}
    counties: list[str] = []
    for code, name in rows:
        level = _level(code)
        if level is None or name in NOT_PLACES or not name:
            continue
        if level == COUNTY:
            counties.append(name)
            continue
        suffixes = PROVINCE_SUFFIXES if level == PROVINCE else PREFECTURE_SUFFIXES
        for form in _short_forms(name, suffixes, level):
            upper.setdefault(form, (level, name))
    official = set(counties)
    for name in counties:
        for form in county_forms(name):
            if form in upper or (form in forms and form not in official):
                continue
            if form in official and form != name:
                continue  # a real county of that name wins over another's variant
            forms[form] = (COUNTY, name)
    for form, value in upper.items():
        forms.setdefault(form, value)
    sizes: dict[str, set[int]] = {}
    for form in forms:
        sizes.setdefault(form[-2:], set()).add(len(form))
    ordered = {tail: tuple(sorted(n, reverse=True)) for tail, n in sizes.items()}
    return Gazetteer(forms, max((len(f) for f in forms), default=0), ordered)


def place_ending_at(text: str, end: int, bounded: bool = True) -> Place | None:
    """The longest printed place name ending just before `end` in text, if any; a two-character
    one only where a word starts, unless not `bounded` (right before a town's name)."""
    gaz = gazetteer()
    if end <= 0 or text[end - 1] not in END_CHARS:
        return None
    for size in gaz.sizes.get(text[end - 2 : end], ()):
        if size > end:
            continue
        hit = gaz.forms.get(text[end - size : end])
        if hit and (size > 2 or not bounded or _bounded(text, end - size)):
            return Place(end - size, end, text[end - size : end], hit[0], hit[1])
    return None


def _bounded(text: str, start: int) -> bool:
    """Two-character names (泾县, 成县) only where a word starts: '完成县' is no 成县."""
    if start == 0 or not ("\u3400" <= text[start - 1] <= "\u9fff"):  # Han, Ext-A included
        return True
    return text.endswith(PLACE_LEAD_WORDS, 0, start) or place_ending_at(text, start) is not None


def scan(text: str) -> Iterator[Place]:
    """Every place name printed in text, left to right (at most one per end position)."""
    for m in END_RX.finditer(text):
        place = place_ending_at(text, m.end())
        if place is not None and not _party_organ(text, place):
            yield place


def _party_organ(text: str, place: Place) -> bool:
    """'《条例》和县委、县政府有关要求': a function word, then 县委/县政府 (no 和县)."""
    return (
        len(place.form) == 2
        and place.form[0] in ORGAN_LEAD_CHARS
        and text.startswith(("委", "政府"), place.end)
    )
