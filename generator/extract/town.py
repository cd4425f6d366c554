"""The township and the county-level unit a report names.

A township is read from every place its suffix (镇/乡/街道/苏木) is printed: the
Chinese run before the suffix, cut after any place name from the gazetteer or
人民政府, gives candidate names; a candidate scores where it starts a run or follows
a word that is never part of a name (现公布, 请与, 年 ...), in the title, or before
人民政府. The county is the county-level name printed just before the township,
else the one the text names most often.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass

from generator.extract import places
from generator.extract.text import Text
from generator.extract.vocab import NOT_IN_TOWN, NOT_TOWN_ENDINGS, TOWN_LEAD_WORDS
from generator.records import Figure

# 惠民街2014年…报告: a 街道 printed short, before a year or its government
TOWN_END_RX = re.compile(r"街道办事处|街道办|街道|苏木|镇|乡|街(?=\s*\d{4}|人民政府|办事处|党工委)")
CJK_RUN_RX = re.compile(r"[\u4e00-\u9fff]+$")
# a year opening a run: '年' after digits, or one in Chinese numerals (二〇二二年 reads as 二二年)
YEAR_LEAD_RX = re.compile(r"([〇零○一二三四五六七八九]{2,4})?年度?")
GOVERNMENT_RX = re.compile(r"人民政府|政府|办事处|党委|党工委|\d{4}\s*年")
# 乡村, 乡镇, 乡亲 ...: the suffix character starts another word
NOT_SUFFIX_BEFORE = {"乡": "村镇亲愁贤土音里邻情居建发统一规低医", "镇": "压守静定痛"}
PRONOUNS = tuple("我本全该各此每")
MAX_STEM = 8  # the longest township stems seen are 5 characters (古砦仫佬族乡)
MAX_RUN = 24  # the longest county names (双江拉祜族佤族布朗族傣族自治县) and a stem


@dataclass
class _Candidate:
    bounded: float = 0.0
    count: int = 0
    line: int = 0
    pos: int = 0


@functools.lru_cache(maxsize=4096)
def _cut(run: str) -> int:
    """Where a township name can start in a Chinese run: after the last place name or
    人民政府-like word inside it."""
    cut = 0
    for place in places.scan(run):
        cut = max(cut, place.end)
    for word in NOT_IN_TOWN:
        at = run.rfind(word)
        if at >= 0:
            cut = max(cut, at + len(word))
    return cut


def _year_end(joined: str, start: int, run: str) -> int:
    """Where a year opening the run ends: '2022年坝头镇', '二〇二二年坝头镇' (0 if none)."""
    m = YEAR_LEAD_RX.match(run)
    if m is None or (not m.group(1) and not joined[start - 1 : start].isdigit()):
        return 0
    return m.end()


def _tails(name_part: str, suffix: str) -> list[tuple[str, bool]]:
    """Candidate names ending in name_part+suffix, each with whether it is bounded."""
    out = []
    for k in range(len(name_part) - 1):
        stem = name_part[k:]
        if len(stem) > MAX_STEM:
            continue
        lead = name_part[:k]
        bounded = k == 0 or lead.endswith(TOWN_LEAD_WORDS)
        out.append((stem + suffix, bounded))
    return out


def _is_town_word(name: str) -> bool:
    return not name.endswith(NOT_TOWN_ENDINGS) and not any(w in name for w in NOT_IN_TOWN)


def _joined(text: Text) -> tuple[str, list[int]]:
    """The normalised lines joined by newlines, and each line's start (kept on the Text:
    town and county rules both scan it, and scanning once is much faster than per line)."""
    cached = getattr(text, "_town_joined", None)
    if cached is None:
        cached = text.joined()
        text._town_joined = cached  # type: ignore[attr-defined]
    return cached


def town_candidates(text: Text, title_lines: set[int]) -> dict[str, _Candidate]:
    """Every candidate township name with its score (see module docstring)."""
    found: dict[str, _Candidate] = {}
    joined, starts = _joined(text)
    for m in TOWN_END_RX.finditer(joined):
        word = m.group(0)
        after = joined[m.end() : m.end() + 1]
        if after and after in NOT_SUFFIX_BEFORE.get(word, ""):
            continue
        run_m = CJK_RUN_RX.search(joined, max(0, m.start() - MAX_RUN), m.start())
        if not run_m:
            continue
        run = run_m.group(0)
        part = run[max(_cut(run), _year_end(joined, run_m.start(), run)) :]
        if not part or part.endswith(PRONOUNS):
            continue  # 我镇, 本街道, 全乡: the report speaking of itself
        i = Text.line_at(starts, m.start())
        weight = 1.0 + (2.0 if i in title_lines else 0.0)
        governed = bool(GOVERNMENT_RX.match(joined, m.end()))
        if governed or word.startswith("街道办"):
            weight += 1.0
        suffix = "街道" if word.startswith("街道") else word
        if len(part) == 1 and not (i in title_lines and governed):
            continue  # one-character names (螅镇) only in a title, before 政府 or the year
        tails = [(part + suffix, True)] if len(part) == 1 else _tails(part, suffix)
        for name, bounded in tails:
            if not _is_town_word(name):
                continue
            cand = found.setdefault(name, _Candidate(line=i, pos=m.start()))
            cand.count += 1
            cand.bounded += weight if bounded else 0.0
    return found


def _merge_short_streets(found: dict[str, _Candidate]) -> None:
    """'惠民街2014年…' and '惠民街道' elsewhere are one 街道; a 街 printed only short stays 街."""
    for name in [n for n in found if n.endswith("街") and n + "道" in found]:
        short, full = found.pop(name), found[name + "道"]
        full.bounded += short.bounded
        full.count += short.count
        if short.line < full.line:
            full.line, full.pos = short.line, short.pos


def read_town(text: Text, title_lines: set[int]) -> Figure | None:
    """The township: best bounded score, then most mentions, then the longest name."""
    found = town_candidates(text, title_lines)
    _merge_short_streets(found)
    scored = [(c.bounded, c.count, len(n), -c.line, n) for n, c in found.items() if c.bounded > 0]
    if not scored:
        return None
    name = max(scored)[-1]
    cand = found[name]
    return Figure(name, cand.line, text.raw[cand.line - 1].strip()[:80])


def _county_before(line: str, start: int) -> places.Place | None:
    """A county-level name printed right before position start ('泾县黄村镇', '桦甸市人民政府新华街道')."""
    head = line[:start].rstrip()
    for word in ("人民政府", "政府"):
        if head.endswith(word):
            head = head[: -len(word)]
            break
    place = places.place_ending_at(head, len(head))
    return place if place is not None and place.level == places.COUNTY else None


def read_county(text: Text, town: str | None) -> Figure | None:
    """The county-level unit: the one printed before the township, else the most named."""
    joined, starts = _joined(text)
    adjacent: Counter[str] = Counter()
    if town:
        at = joined.find(town)
        while at >= 0:
            place = _county_before(joined, at)
            if place is not None:
                adjacent[place.name] += 1
            at = joined.find(town, at + 1)
    mentions: Counter[str] = Counter()
    printed: dict[str, Counter[str]] = {}
    first: dict[str, int] = {}
    for place in places.scan(joined):
        if place.level != places.COUNTY:
            continue
        mentions[place.name] += 1
        printed.setdefault(place.name, Counter())[place.form] += 1
        first.setdefault(place.name, Text.line_at(starts, place.start))
    pool = adjacent or mentions
    if not pool:
        return None
    name = max(pool, key=lambda n: (pool[n], mentions[n], -first.get(n, 0)))
    form = max(printed[name], key=lambda f: (printed[name][f], len(f)))
    line = first[name]
    return Figure(form, line, text.raw[line - 1].strip()[:80])
