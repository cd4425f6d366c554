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
from generator.extract.town_merge import merge_abbreviations, merge_short_streets
from generator.extract.vocab_places import (
    NOT_COUNTY_WORDS,
    NOT_IN_TOWN,
    NOT_IN_TOWN_STEM,
    NOT_TOWN_ENDINGS,
    NOT_TOWN_STEM_ENDS,
    TOWN_LEAD_WORDS,
)
from generator.extract.vocab_town import NOT_IN_TOWN_STEM_WORDS, VERB_TOWN_ENDINGS
from generator.records import Figure

# 惠民街2014年…报告: a 街道 printed short, before a year or its government
TOWN_END_RX = re.compile(r"街道办事处|街道办|街道|苏木|镇|乡|街(?=\s*\d{4}|人民政府|政府|办事处|党工委)")
CJK_RUN_RX = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+$")  # Ext-A too: 塘㙍镇
# a year opening a run: '年' after digits, or one in Chinese numerals (二〇二二年 reads as 二二年)
YEAR_LEAD_RX = re.compile(r"([〇零○一二三四五六七八九]{2,4})?年度?")
# a sentence opening with the year, then the name: '2025年,朝外街道在…', '2020年七里坪镇严格…'
YEAR_BEFORE_RX = re.compile(r"(?:\d{4}|[〇零○一二三四五六七八九]{4})\s*年度?\s*[,，]?\s*$")
GOVERNMENT_RX = re.compile(r"人民政府|政府|办事处|党委|党工委|党政办|党政综合办|\d{4}\s*年")
# a county-level unit's shape: two to four characters and 区/县/旗 ('光明区', '上党区', '西咸新区')
COUNTY_ENDS = "区县旗"
NOT_COUNTY_ENDINGS = tuple(NOT_COUNTY_WORDS)
# verbs and phrases that stand before a unit's name, never inside one ('成立', '运用')
LEAD_CHARS = frozenset(w for w in TOWN_LEAD_WORDS if len(w) == 1)
# ... and the verbs, adverbs and nouns of prose around a generic 街道 ('紧紧围绕街道')
LEAD_IN_STEM_RX = re.compile(
    "|".join([w for w in TOWN_LEAD_WORDS if len(w) >= 2] + list(NOT_IN_TOWN_STEM_WORDS))
)
# 乡村, 乡镇, 乡亲 ...: the suffix character starts another word
NOT_SUFFIX_BEFORE = {"乡": "村镇亲愁贤土音里邻情居建发统一规低医", "镇": "压守静定痛"}
PRONOUNS = tuple("我本全该各此每")
# an enumerator of points is never part of a name: '一是镇党委成员的主要工作职责'
ENUMERATOR_RX = re.compile(r"^[一二三四五六七八九十]{1,2}是")
MAX_STEM = 8  # the longest township stems seen are 5 characters (古砦仫佬族乡)
MAX_RUN = 24  # the longest county names (双江拉祜族佤族布朗族傣族自治县) and a stem


@dataclass
class TownCandidate:
    bounded: float = 0.0
    count: int = 0
    line: int = 0
    pos: int = 0


@functools.lru_cache(maxsize=4096)
def _cut(run: str) -> int:
    """Where a township name can start in a Chinese run: after the last place name,
    人民政府-like word or zone (开发区) inside it, or a county-level unit by its shape."""
    cut = 0
    for place in places.scan(run):
        cut = max(cut, place.end)
    for word in NOT_IN_TOWN + NOT_COUNTY_ENDINGS:  # 政府, 报告 …; 开发区, 示范区 …
        at = run.rfind(word)
        if at >= 0:
            cut = max(cut, at + len(word))
    return max(cut, county_shape_end(run, cut))


def _boundary(run: str, at: int, base: int) -> bool:
    """Whether a name can start at `at` in run: at its start (or base), or after a lead word."""
    return at == base or (at > base and run.endswith(TOWN_LEAD_WORDS, base, at))


def county_shape_end(run: str, base: int = 0) -> int:
    """The end of a county-level unit printed before a township in run, read by its shape
    when the gazetteer lacks it: '深圳市|光明区公明', '请与上党区西火', '西咸新区底张' (base
    is where the run may start; 0 if none). Its two-character stem (three for X新区) starts
    the run or follows a lead word, and at least two characters stay for the township."""
    end = 0
    for j in range(base + 2, len(run) - 2):
        if run[j] not in COUNTY_ENDS:
            continue
        start = j - 3 if run[j - 1] == "新" and run[j] == "区" else j - 2  # 西咸新区
        word = run[max(start, 0) : j + 1]
        if (
            start >= base
            and _boundary(run, start, base)
            and not any(c in LEAD_CHARS for c in word)
            and not word.endswith(NOT_COUNTY_ENDINGS)
        ):
            end = j + 1
    return end


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


@functools.lru_cache(maxsize=8192)
def _is_town_word(name: str) -> bool:
    """A candidate that can be a name: no ending of another word (城乡, 乡镇), no 政府/报告
    inside, no stem ending in a word before a name ('成立了由乡') or holding one ('运用乡')."""
    stem = name[:-2] if name.endswith(("街道", "苏木")) else name[:-1]
    return not (
        name.endswith(NOT_TOWN_ENDINGS)
        or any(w in name for w in NOT_IN_TOWN)
        or stem.endswith(tuple(NOT_TOWN_STEM_ENDS))
        or any(c in stem for c in NOT_IN_TOWN_STEM)
        or LEAD_IN_STEM_RX.search(stem)
        or ENUMERATOR_RX.match(stem)
    )


def _joined(text: Text) -> tuple[str, list[int]]:
    """The normalised lines joined by newlines, and each line's start (kept on the Text:
    town and county rules both scan it, and scanning once is much faster than per line)."""
    cached = getattr(text, "_town_joined", None)
    if cached is None:
        cached = text.joined()
        text._town_joined = cached  # type: ignore[attr-defined]
    return cached


def town_candidates(text: Text, title_lines: set[int]) -> dict[str, TownCandidate]:
    """Every candidate township name with its score (see module docstring)."""
    found: dict[str, TownCandidate] = {}
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
        cut = max(_cut(run), _year_end(joined, run_m.start(), run))
        part = run[cut:]
        i = Text.line_at(starts, m.start())
        if not part and cut == _cut(run) and len(run) >= 2 and i in title_lines:
            part = run  # '新县镇2012年度…报告': a place name is the whole stem of the title's town
        if not part:
            continue
        governed = bool(GOVERNMENT_RX.match(joined, m.end()))
        letterhead = part == run and (run_m.start() == 0 or joined[run_m.start() - 1] == "\n")
        if part.endswith(PRONOUNS) and not _titled_name(part, i in title_lines or letterhead, governed):
            continue  # 我镇, 本街道, 全乡: the report speaking of itself
        weight = 1.0 + (2.0 if i in title_lines else 0.0)
        if governed or word.startswith("街道办"):
            weight += 1.0
        suffix = "街道" if word.startswith("街道") else word
        if len(part) == 1 and not (i in title_lines and governed):
            continue  # one-character names (螅镇) only in a title, before 政府 or the year
        tails = [(part + suffix, True)] if len(part) == 1 else _tails(part, suffix)
        opens = _opens_sentence(joined, m.start() - len(part))
        for name, bounded in tails:
            if not _is_town_word(name) or (name.endswith(VERB_TOWN_ENDINGS) and not governed):
                continue  # '送科技下乡' is no name; '溪下乡党政办' is
            cand = found.setdefault(name, TownCandidate(line=i, pos=m.start()))
            cand.count += 1
            cand.bounded += (
                weight + (1.0 if opens and len(name) == len(part) + len(suffix) else 0.0) if bounded else 0.0
            )
    return found


def _titled_name(part: str, in_title: bool, governed: bool) -> bool:
    """'2023年下各镇政府信息公开工作年度报告': in a title, a two-character stem before 政府
    is the name even when it ends like a pronoun (各, 全 ...); so is one opening its line
    before 人民政府 (a letterhead)."""
    return in_title and governed and len(part) == 2


def _opens_sentence(joined: str, start: int) -> bool:
    """Whether the name starting at start follows the year opening its sentence:
    '2025年,朝外街道在区委…', '2020年七里坪镇严格按照…' (the subject of the year's work)."""
    return bool(YEAR_BEFORE_RX.search(joined, max(0, start - 12), start))


def read_town(text: Text, title_lines: set[int]) -> Figure | None:
    """The township: best bounded score, then most mentions, then the first printed (a report
    introduces itself before it speaks of 街道 as a common noun), then the longest name."""
    found = town_candidates(text, title_lines)
    merge_short_streets(found)
    merge_abbreviations(found, title_lines)
    scored = [(c.bounded, c.count, -c.pos, len(n), n) for n, c in found.items() if c.bounded > 0]
    if not scored:
        return None
    name = max(scored)[-1]
    cand = found[name]
    return Figure(name, cand.line, text.raw[cand.line - 1].strip()[:80])


def _county_before(line: str, start: int) -> places.Place | None:
    """A county-level name printed right before position start ('泾县黄村镇', '桦甸市人民政府新华街道',
    '通过盂县东梁乡…': a two-character one though no word starts there)."""
    head = line[:start].rstrip()
    for word in ("人民政府", "政府"):
        if head.endswith(word):
            head = head[: -len(word)]
            break
    place = places.place_ending_at(head, len(head), bounded=False)
    if place is None or place.level != places.COUNTY or _cut_from_city_name(head, place):
        return None
    return place


def _cut_from_city_name(head: str, place: places.Place) -> bool:
    """'绍兴县' read as '兴县': the characters before the county's stem make with it a
    prefecture's name (绍兴市), so the county is the one named after that city."""
    forms = places.gazetteer().forms
    stem = place.form[:-1]
    for k in (1, 2, 3):
        city = head[max(0, place.start - k) : place.start] + stem + "市"
        if len(city) == k + len(stem) + 1 and forms.get(city, ("",))[0] == "prefecture":
            return True
    return False


def _shaped_county_before(line: str, start: int) -> str | None:
    """A county-level name the gazetteer lacks, read by its shape right before position
    start: '深圳市光明区公明街道', '请与上党区西火镇' (never X新区, no formal county name)."""
    run_m = CJK_RUN_RX.search(line, max(0, start - MAX_RUN), start)
    if not run_m:
        return None
    run = run_m.group(0)
    base = max((p.end for p in places.scan(run) if p.end < len(run)), default=0)
    for word in ("人民政府", "政府"):
        if run.endswith(word):
            run = run[: -len(word)]
    end = county_shape_end(run + "镇镇", base)  # two stand-ins for the township's stem
    if not run or end != len(run) or run.endswith("新区"):
        return None  # nothing left before 人民政府 ('区(qū)人民政府': a gloss ends the run)
    return run[-3:]


def read_county(text: Text, town: str | None) -> Figure | None:
    """The county-level unit: the one printed before the township (from the gazetteer,
    else by its shape), else the most named."""
    joined, starts = _joined(text)
    adjacent: Counter[str] = Counter()
    shaped: Counter[str] = Counter()
    shaped_line: dict[str, int] = {}
    mentions: Counter[str] = Counter()
    printed: dict[str, Counter[str]] = {}
    first: dict[str, int] = {}
    if town:
        at = joined.find(town)
        while at >= 0:
            place = _county_before(joined, at)
            if place is not None:
                adjacent[place.name] += 1
                if place.name not in printed:  # '通过盂县东梁乡': a form the scan skips
                    printed[place.name] = Counter({place.form: 0})
                    first[place.name] = Text.line_at(starts, place.start)
            elif name := _shaped_county_before(joined, at):  # never an empty name
                shaped[name] += 1
                shaped_line.setdefault(name, Text.line_at(starts, at))
            at = joined.find(town, at + 1)
    for place in places.scan(joined):
        if place.level != places.COUNTY or (town and joined.startswith(town, place.start)):
            continue  # '新县镇': the township's own name, not a county printed before it
        mentions[place.name] += 1
        printed.setdefault(place.name, Counter())[place.form] += 1
        line = Text.line_at(starts, place.start)
        first[place.name] = min(first.get(place.name, line), line)
    if not adjacent and shaped:
        name = max(shaped, key=lambda n: (shaped[n], -shaped_line[n]))
        line = shaped_line[name]
        return Figure(name, line, text.raw[line - 1].strip()[:80])
    pool = adjacent or mentions
    if not pool:
        return None
    name = max(pool, key=lambda n: (pool[n], mentions[n], -first.get(n, 0)))
    form = max(printed[name], key=lambda f: (printed[name][f], len(f)))
    line = first[name]
    return Figure(form, line, text.raw[line - 1].strip()[:80])
