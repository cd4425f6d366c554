"""URL slugs for place names: pinyin, ASCII, stable, and never colliding among siblings."""

from __future__ import annotations

import hashlib
import re

from pypinyin import lazy_pinyin

_NON_SLUG = re.compile(r"[^a-z0-9]+")


def pinyin_slug(name: str) -> str:
    """'悦来镇' -> 'yuelaizhen'; anything that is not a letter or digit is dropped."""
    text = "".join(lazy_pinyin(name)).lower()
    slug = _NON_SLUG.sub("", text)
    return slug or "x" + hashlib.sha1(name.encode()).hexdigest()[:6]


def sibling_slugs(names: list[str]) -> dict[str, str]:
    """Slugs for names under one parent; names sharing a pinyin get a short hash suffix."""
    by_slug: dict[str, list[str]] = {}
    for name in sorted(set(names)):
        by_slug.setdefault(pinyin_slug(name), []).append(name)
    out: dict[str, str] = {}
    for slug, group in by_slug.items():
        for name in group:
            out[name] = slug if len(group) == 1 else f"{slug}-{hashlib.sha1(name.encode()).hexdigest()[:4]}"
    return out
