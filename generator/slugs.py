"""URL slugs for place names: pinyin, ASCII, stable, and never colliding among siblings.

Every build slugs every place name; importing pypinyin and its dictionaries costs ≈ 0.3 s, a
tenth of a one-report rebuild. So slugs are memoised (use_memo/save_memo: .cache/slugs.json,
keyed by pypinyin's version) and pypinyin is imported only for a name not seen before.
"""

from __future__ import annotations

import hashlib
import json
import re
from importlib import metadata
from pathlib import Path

_NON_SLUG = re.compile(r"[^a-z0-9]+")
_MEMO: dict[str, str] = {}
_MEMO_STATE = {"dirty": False}


def pinyin_slug(name: str) -> str:
    """'悦来镇' -> 'yuelaizhen'; anything that is not a letter or digit is dropped."""
    if name in _MEMO:
        return _MEMO[name]
    from pypinyin import lazy_pinyin  # only for a name not memoised (see the module docstring)

    text = "".join(lazy_pinyin(name)).lower()
    slug = _NON_SLUG.sub("", text) or "x" + hashlib.sha1(name.encode()).hexdigest()[:6]
    _MEMO[name] = slug
    _MEMO_STATE["dirty"] = True
    return slug


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


def _version() -> str:
    return metadata.version("pypinyin")


def use_memo(path: Path) -> None:
    """Load the slugs of an earlier build made with the same pypinyin (anything else: ignored)."""
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    if (
        isinstance(stored, dict)
        and stored.get("pypinyin") == _version()
        and isinstance(stored.get("slugs"), dict)
    ):
        _MEMO.update({str(k): str(v) for k, v in stored["slugs"].items()})


def save_memo(path: Path) -> None:
    """Write the memo when this build slugged a name it did not hold."""
    if not _MEMO_STATE["dirty"]:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(
        json.dumps({"pypinyin": _version(), "slugs": dict(sorted(_MEMO.items()))}, ensure_ascii=False)
    )
    tmp.replace(path)
    _MEMO_STATE["dirty"] = False
