"""Township candidates that are one township printed two ways: a 街 printed short and its
街道 ('惠民街' / '惠民街道'), and the title's full name with the body's abbreviation
('广安门外街道' / '广外街道'). Their scores and mentions are added under one name."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from generator.extract.town import TownCandidate


def merge_short_streets(found: dict[str, TownCandidate]) -> None:
    """'惠民街2014年…' and '惠民街道' elsewhere are one 街道, so are '文化街2014年…' and
    '文化街街道' (a street named …街); a 街 printed only short stays 街."""
    for name in [n for n in found if n.endswith("街") and (n + "道" in found or n + "街道" in found)]:
        short, full = found.pop(name), found[name + "街道" if name + "街道" in found else name + "道"]
        full.bounded += short.bounded
        full.count += short.count
        if short.line < full.line:
            full.line, full.pos = short.line, short.pos


def _is_abbreviation(short: str, full: str, suffix: str) -> bool:
    """'广外街道' of '广安门外街道': same first character and suffix, the shorter stem (two
    characters or more) the longer one's characters in order."""
    a, b = short[: -len(suffix)], full[: -len(suffix)]
    if len(a) < 2 or len(a) >= len(b) or a[0] != b[0]:
        return False
    rest = iter(b)
    return all(ch in rest for ch in a)


def merge_abbreviations(found: dict[str, TownCandidate], title_lines: set[int]) -> None:
    """A name the title prints in full and the body mostly abbreviates ('北京市西城区广安门外
    街道办事处…报告' and '广外街道' after) is one township, under its full name."""
    for full in [n for n, c in found.items() if c.line in title_lines]:
        suffix = next((x for x in ("街道", "苏木", "镇", "乡") if full.endswith(x)), "")
        for short in [
            n for n in found if suffix and n.endswith(suffix) and _is_abbreviation(n, full, suffix)
        ]:
            cand = found.pop(short)
            found[full].bounded += cand.bounded
            found[full].count += cand.count
