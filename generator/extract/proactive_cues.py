"""Candidates for the proactive total: every count read after (or right before) a cue.

A cue is a verb that can state the year's disclosed items; each has a kind (CUES):
  strong   主动公开 and a count after it: '共主动公开政府信息98件', '主动公开…等方面信息423条'
  heading  under a 主动公开 (sub)heading, a count after a disclosure verb: '更新各类信息76条'
  total    a totalled count without 主动: '全年共上传信息385条', '全镇政府信息公开566条'
  plain    公开/公布/发布 and a count of information: '通过网站公开2条信息'
The count is the one soon after the cue ('主动公开政府信息98件'), else one further on with
no number between, else (after 主动公开) a 共计 total a few clauses on, a count after 等方面
('主动公开政府信息,主要涉及…等方面46条') or a long list closed by 等; a count right
before 主动公开 and its noun states it too ('发布了94篇法定主动公开内容').
A cumulative count gives way to the year's own in its sentence or the next
('累计…552条。…2018年发生数为184条' -> 184).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from generator.extract.proactive_parts import count_before
from generator.extract.prose import NUMBER, Sentence, count
from generator.extract.vocab import INFO_NOUNS, ITEM_UNITS, LIST_UNITS
from generator.extract.vocab_proactive import (
    APPROX_WORDS,
    AREA_NOUNS,
    CUMULATIVE_WORDS,
    DISCLOSE_VERBS,
    NOT_ITEM_WORDS,
    PLAIN_VERBS,
    PROACTIVE_OBJECTS,
    TO_DATE_SCOPE_WORDS,
    TO_DATE_WORDS,
    TOTAL_WORDS,
    YEAR_NEW_VERBS,
)
from generator.records import Figure


def _any(words: tuple[str, ...]) -> str:
    """An alternation of words, longest first."""
    return "|".join(sorted(words, key=len, reverse=True))


_NUM = NUMBER + r"\s*(?P<more>余|多)?\s*"
_UNIT = r"(?:(?P<unit>[" + ITEM_UNITS + LIST_UNITS + r"])|$)"
_APPROX = r"(?P<approx>" + _any(APPROX_WORDS) + r")?"
_VERB = r"(?:" + _any(DISCLOSE_VERBS).replace("发布", "发布(?!会)") + r")"
STRONG_RX = re.compile(r"主动地?(?:" + _any(PROACTIVE_OBJECTS) + r")?(?:公开|发布|公示)")
HEAD_VERB_RX = re.compile(_VERB)
PLAIN_VERB_RX = re.compile(_any(PLAIN_VERBS).replace("发布", "发布(?!会)"))
# ('年度' in '政府信息公开年度报告1条' names the report, no total)
_TOTALISER = r"(?:(?:" + _any(TOTAL_WORDS) + r")(?!(?:工作)?报告)|(?<![公中])共(?![和同享建]))"
TOTAL_WORD_RX = re.compile(_TOTALISER)
# a tally word: '全年共发布212条', '合计公开…' (not 全年, 年度 alone)
TALLY_RX = re.compile(r"共计|合计|总计|总共|一共|(?<![公中])共(?![和同享建])")
WEAK_RX = re.compile(_TOTALISER + r"[^,，。;；]{0,30}?" + _VERB)
# a count soon after the verb (other numbers may come between), or further on when none does
NEAR_RX = re.compile(r"(?P<gap>[^,，。;；其占%]{0,30}?)" + _APPROX + _NUM + _UNIT)
FAR_RX = re.compile(r"(?P<gap>[^,，。;；其占%\d]{31,80}?)" + _APPROX + _NUM + _UNIT)
# after 主动公开, a long list of categories closed by 等 before the count
LIST_AHEAD_RX = re.compile(
    r"(?P<gap>[^,，。;；其占%\d]{81,240}?等[^,，。;；其占%\d、]{0,12}?)" + _APPROX + _NUM + _UNIT
)
# '主动地公开了各类政府信息,具体包括…等方面的内容共计108条': the total a few clauses on
# ('相关信息14大领域内容,共计294小项': a count of areas may come between, and a 小 before the unit)
_AREA = r"\d+\s*(?:" + _any(AREA_NOUNS) + r")"
TOTAL_AHEAD_RX = re.compile(
    r"(?P<gap>(?:[^。;；\d其占%]|" + _AREA + r"){0,80}?(?:共计|合计|总计|共))\s*" + _NUM + r"小?" + _UNIT
)
# '主动公开政府信息,主要涉及工作动态、惠民政策等方面46条': a list of topics closed by
# 等方面 a clause or two on, and its count
ASPECTS_AHEAD_RX = re.compile(
    r"(?P<gap>[^。;；\d其占%]{0,80}?等方面的?(?:政府|政务)?(?:信息|内容)?)\s*" + _APPROX + _NUM + _UNIT
)
# right after 主动公开信息, a count in 期 or one with no unit before its breakdown
BARE_RX = re.compile(
    r"(?P<gap>\s*(?:政府|政务)?信息)\s*"
    + NUMBER
    + r"(?P<more>)\s*(?P<unit>期|(?=[,，]\s*其中[^。;；\d]{0,20}\d+\s*["
    + ITEM_UNITS
    + r"]))"
)
# a count printed with no unit closing its sentence right after 信息: '公开政府信息26。'
BARE_END_RX = re.compile(
    r"(?P<gap>[^,，。;；其占%\d]{0,30}?信息)\s*" + NUMBER + r"(?P<more>)\s*(?P<unit>(?=\s*。))"
)
BARE_END_COUNT_RX = re.compile(r"信息\s*\d[\d,]*\s*。")
UNIT_CHARS_RX = re.compile("[" + ITEM_UNITS + LIST_UNITS + "余多]|[一二三四五六七八九十百]$")
INFO_RX = re.compile("|".join(INFO_NOUNS))
INFO_AFTER_RX = re.compile(r"\s*(?:政府|政务)?信息")
# a breakdown of information after the count: '发布59条,其中政策公告类信息57条'
INFO_BREAKDOWN_RX = re.compile(r"\s*[,，]\s*其中[,，:：]?[^。;；\d]{0,15}?信息\s*\d")
LAST_COUNT_RX = re.compile(r"(\d[\d,]*)\D{0,4}$")
PART_RX = re.compile("(" + NUMBER + r")\s*[条篇件]")  # a part's count: '163 条', '23条'
CUMULATIVE_RX = re.compile(_any(CUMULATIVE_WORDS))
TO_DATE_RX = re.compile(_any(TO_DATE_WORDS))
TO_DATE = "cumulative to date"
# ('2020年1月至今', '年初至今' run from a date in the year reported: the year's own)
TO_DATE_SCOPE_RX = re.compile(r"(?<!月)(?<!日)(?<!年初)(?<!年)(?:" + _any(TO_DATE_SCOPE_WORDS) + r")")
TO_DATE_NOTE_RX = re.compile(r"\s*[(（][^)）]{0,4}?(?:" + _any(TO_DATE_SCOPE_WORDS) + r")")  # '(含历年)'
SCOPED_COUNT_RX = re.compile(r"\d[\d,]*\s*(?:余|多)?\s*[" + ITEM_UNITS + LIST_UNITS + r"期]")
CLAUSE_YEAR_RX = re.compile(r"((?:19|20)\d{2})\s*年度?(?![底末\d]|\s*\d{1,2}\s*月)")
REACH_BACK = 80  # how far before a cue a to-date scope is read
NOT_ITEMS_RX = re.compile(_any(NOT_ITEM_WORDS))
# '全年累计', '本年度累计', '2025年累计': a sum over the year only
YEAR_SUM_RX = re.compile(r"(?:全年|本年度?|今年|(?:19|20)\d{2}\s*年度?)(?:共|内|度内)?累计")
YEAR_NEW_RX = re.compile(
    r"(?:((?:19|20)\d{2})\s*年度?|本年度?|今年|全年)(?!底)[^,，。;；\d累]{0,20}?(?:"
    + _any(YEAR_NEW_VERBS)
    + r")[^,，。;；\d]{0,12}?(\d[\d,]*)\s*["
    + ITEM_UNITS
    + r"]"
)


@dataclass(frozen=True)
class Cue:
    """A kind of cue: its pattern, whether it is 主动公开, and whether it counts only under
    a 主动公开 heading."""

    name: str
    rx: re.Pattern[str]
    strong: bool
    under_heading: bool = False


CUES: tuple[Cue, ...] = (
    Cue("strong", STRONG_RX, True),
    Cue("heading", HEAD_VERB_RX, False, under_heading=True),
    Cue("total", WEAK_RX, False),
    Cue("plain", PLAIN_VERB_RX, False),
)


@dataclass(frozen=True)
class Candidate:
    """One count that could be the year's proactive total, and where it was read."""

    n: int  # the sentence
    cue: Cue
    order: int  # the cue's order among its kind in the sentence
    verb: int  # where the cue starts in the sentence
    cue_end: int
    at: int  # where the count starts
    end: int  # where the count (its unit) ends
    unit: str  # '' when none was printed ('主动公开政府信息72,其中…')
    gap: str  # the words between the cue and the count
    fig: Figure  # the value (the year's own when the count is cumulative) and its line
    before: bool = False  # printed before its cue: '发布了94篇法定主动公开内容'


def countable(sents: list[Sentence]) -> list[int]:
    """The sentences that can state a total: a disclosure verb and a count unit in them
    (or a count closing the sentence right after 信息)."""
    return [
        n
        for n, s in enumerate(sents)
        if (UNIT_CHARS_RX.search(s.text) or BARE_END_COUNT_RX.search(s.text)) and HEAD_VERB_RX.search(s.text)
    ]


def collect(
    sents: list[Sentence], year: int | None, under: list[bool], cue: Cue, counted: list[int]
) -> Iterator[Candidate]:
    """Every count after the cue in the countable sentences, in sentence order (read lazily:
    the first that wins ends the reading)."""
    for n in counted:
        if cue.under_heading and not under[n]:
            continue
        for order, m in enumerate(cue.rx.finditer(sents[n].text)):
            cand = _candidate(sents, n, cue, order, m, year)
            if cand is not None and not _earlier_clause(sents[n].text, m.start(), year):
                yield cand  # (a clause opening with an earlier year counts that year)


def _candidate(
    sents: list[Sentence], n: int, cue: Cue, order: int, verb: re.Match[str], year: int | None
) -> Candidate | None:
    """The count a cue states: right before 主动公开 and its noun, else after the cue."""
    sent = sents[n]
    if cue.strong and (fig := count_before(sent, verb.start(), verb.end())) is not None:
        return Candidate(
            n, cue, order, verb.start(), verb.end(), verb.start(), verb.start(), "", "", fig, True
        )
    m = next(_matches_after(sent, verb.end(), cue.strong), None)
    if not m or (m["unit"] is None and m["more"] is None):
        return None
    value = count(m["n"])
    if value is None or (not m["n"][0].isdigit() and m["unit"] is None):
        return None
    fig = _year_own(sents, n, verb.end(), m, year)
    if fig is None:
        to_date = TO_DATE_RX.search(sent.text, max(0, verb.end() - 12), m.start("n")) or all_years(
            sent.text, verb.start(), m.start("n"), m.end()
        )
        fig = Figure(value, sent.line_at(m.start("n")), sent.text.strip()[:120], TO_DATE if to_date else None)
    return Candidate(
        n, cue, order, verb.start(), verb.end(), m.start("n"), m.end(), m["unit"] or "", m["gap"], fig
    )


def _matches_after(sent: Sentence, start: int, strong: bool) -> Iterator[re.Match[str]]:
    """Counts after a verb: after 主动公开 first a bare one right after 信息 (期, or no unit
    before 其中); then the near one, else a far one with no number between, else (after
    主动公开) a 共计 total a few clauses on, a count after 等方面 a few clauses on, or a list
    closed by 等."""
    strong_rxs = (BARE_RX, BARE_END_RX, NEAR_RX, FAR_RX, TOTAL_AHEAD_RX, ASPECTS_AHEAD_RX, LIST_AHEAD_RX)
    for rx in strong_rxs if strong else (BARE_END_RX, NEAR_RX, FAR_RX):
        m = rx.match(sent.text, start)
        if m:
            yield m
            return


def _earlier_clause(text: str, verb: int, year: int | None) -> bool:
    """'2020年主动公开…150条,2019年主动公开…120条': the words of the cue's clause before it
    name a year before the one reported (not a date: '2019年12月')."""
    if year is None:
        return False
    lo = max(0, verb - REACH_BACK)
    years = [m.start() for m in CLAUSE_YEAR_RX.finditer(text, lo, verb) if int(m.group(1)) < year]
    if not years:
        return False
    start = max(text.rfind(c, lo, verb) for c in ",，:：;；") + 1
    return years[-1] >= start


def all_years(text: str, verb: int, at: int, end: int) -> bool:
    """'截至目前,累计主动公开政府信息1230条', '…1230条(含历年)': a count scoped to all years so
    far, the scope read back to the last count before the cue (so not '截至目前共发布592条,
    2019年…60条') or right after the count."""
    ends = [m.end() for m in SCOPED_COUNT_RX.finditer(text, max(0, verb - REACH_BACK), verb)]
    start = ends[-1] if ends else max(0, verb - REACH_BACK)
    return bool(TO_DATE_SCOPE_RX.search(text, start, at) or TO_DATE_NOTE_RX.match(text, end))


def _year_own(sents: list[Sentence], n: int, start: int, m: re.Match[str], year: int | None) -> Figure | None:
    """A cumulative count's year figure: '截至目前共发布592条信息,2019年公开政府信息60条'
    in its sentence, or '累计…552条。其中…2018年发生数为184条' in the next of its paragraph; None if none."""
    sent = sents[n]
    whole = count(m["n"])
    if CUMULATIVE_RX.search(sent.text[max(0, start - 12) : m.start("n")]):
        for new in YEAR_NEW_RX.finditer(sent.text):
            if _of_year(new, year) and _own_part(new, whole):
                return Figure(count(new.group(2)) or 0, sent.line_at(new.start(2)), sent.text.strip()[:120])
    if not CUMULATIVE_RX.search(sent.text) or n + 1 >= len(sents) or year is None:
        return None
    if YEAR_SUM_RX.search(sent.text, max(0, start - 12), m.start("n")):
        return None  # '全年累计公开信息59条': the year's own sum, not a running total
    if re.match(rf"\s*{year}\s*年(?:度)?(?:以来)?[,，]", sent.text) and not TO_DATE_RX.search(sent.text):
        return None  # '2017年,主动公开政府信息累计204条': the year's own sum, not a running total
    nxt = sents[n + 1]
    if nxt.starts is not sent.starts:
        return None  # the next paragraph counts something of its own
    for new in YEAR_NEW_RX.finditer(nxt.text):
        if _of_year(new, year) and _own_part(new, whole):
            return Figure(count(new.group(2)) or 0, nxt.line_at(new.start(2)), nxt.text.strip()[:120])
    return None


def _own_part(new: re.Match[str], whole: int | None) -> bool:
    """The year's figure is a part of the running total: no larger than it, and no count of
    applications or cases ('2024年本街道共收到依申请公开…5件' after '累计发布…478条')."""
    value = count(new.group(2))
    return value is not None and (whole is None or value <= whole) and not NOT_ITEMS_RX.search(new.group(0))


def _of_year(new: re.Match[str], year: int | None) -> bool:
    """A YEAR_NEW_RX figure of the year reported (本年度 is always that year)."""
    return year is None or new.group(1) is None or int(new.group(1)) == year
