"""The proactive total: items a township disclosed on its own initiative in the year.

Four tiers, read in order; the first count found wins:
  1. 主动公开 and a count after it: '共主动公开政府信息98件', '主动公开涉及疫情防控、…等方面
     信息423条', '积极主动地公开了各类政府信息,具体包括…共计108条'
  2. under a 主动公开 (sub)heading, a count after a disclosure verb: '(一)政府信息主动公开
     情况' … '在平台网站上更新各类信息76条'
  3. a totalled count without 主动: '全年共上传信息385条', '全镇政府信息公开566条'
  4. 公开/公布/发布 and a count of information: '在区政府网站信息公开平台公开信息373条',
     '通过网站公开2条信息', '通过线上及线下公开的1860条信息'
A count right before 主动公开 and its noun states it too ('发布了94篇法定主动公开内容');
a label's count after its colon ('主动公开政府信息的情况:40条'); a long list closed by 等
('主动公开的政府信息主要包括…、回应关切等多个领域政府信息500余条').
Cumulative figures give way to the year's own ('截至目前共发布592条信息,2019年公开政府信息
60条' -> 60); per-channel figures side by side with no total are no total ('网站主动公开217条、
公众号主动公开308条' -> null); one channel's share is never the total (unless it is the only count under the 主动公开
heading: '(一)主动公开情况' … '微信平台公开发布信息78条'), nor are channels counted one per sentence ('网站…
更新政务信息62条。…微信公众号…发布信息685条').
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.extract.channels import (
    CHANNEL_RX,
    REACH,
    channels_listed,
    clause_start,
    distributive,
    partial,
)
from generator.extract.proactive_heading import sole_count_under_heading, under_proactive_heading
from generator.extract.proactive_parts import (
    COUNT_BEFORE_RX,
    breakdown_part,
    category_count,
    channel_items,
    count_before,
    heading_run_on,
    listed_category,
    next_channel_counts,
    next_item_info,
    publicity,
)
from generator.extract.prose import NUMBER, Sentence, count
from generator.extract.vocab import INFO_NOUNS, ITEM_UNITS, LIST_UNITS
from generator.records import Figure

_NUM = NUMBER + r"\s*(?P<more>余|多)?\s*"
_UNIT = r"(?:(?P<unit>[" + ITEM_UNITS + LIST_UNITS + r"])|$)"
_APPROX = r"(?P<approx>近|约|超过|逾)?"
STRONG_RX = re.compile(r"主动地?(?:向社会(?:各界)?|对外)?(?:公开|发布|公示)")
# a count soon after the verb (other numbers may come between), or further on when none does
NEAR_RX = re.compile(r"(?P<gap>[^,，。;；其占%]{0,30}?)" + _APPROX + _NUM + _UNIT)
FAR_RX = re.compile(r"(?P<gap>[^,，。;；其占%\d]{31,80}?)" + _APPROX + _NUM + _UNIT)
# after 主动公开, a long list of categories closed by 等 before the count ('主动公开的政府信息
# 主要包括政府领导、机构职能、…、回应关切等多个领域政府信息500余条')
LIST_AHEAD_RX = re.compile(
    r"(?P<gap>[^,，。;；其占%\d]{81,240}?等[^,，。;；其占%\d、]{0,12}?)" + _APPROX + _NUM + _UNIT
)
# '主动地公开了各类政府信息,具体包括…等方面的内容共计108条': the total a few clauses on
TOTAL_AHEAD_RX = re.compile(r"(?P<gap>[^。;；\d其占%]{0,80}?(?:共计|合计|总计|共))\s*" + _NUM + _UNIT)
# right after 主动公开信息, a count in 期 or one with no unit before its breakdown:
# '主动公开信息289期', '主动公开政府信息72,其中工作动态58条'
BARE_RX = re.compile(
    r"(?P<gap>\s*(?:政府|政务)?信息)\s*"
    + NUMBER
    + r"(?P<more>)\s*(?P<unit>期|(?=[,，]\s*其中[^。;；\d]{0,20}\d+\s*["
    + ITEM_UNITS
    + r"]))"
)
# a total stated without 主动 ('全年在网站公开信息77条', '全年共上传信息385条')
_TOTALISER = r"(?:全年|本年度?|年度|共计|合计|总计|累计|(?<![公中])共(?![和同享建])|全镇|全乡|全街道?|全苏木)"
WEAK_RX = re.compile(_TOTALISER + r"[^,，。;；]{0,30}?(?:公开|发布|公示|上传|录入|更新)")
PART_RX = re.compile("(" + NUMBER + r")\s*[条篇件]")  # a part's count: '163 条', '23条'
APPLIED_RX = re.compile(r"申请")  # '所申请信息已主动公开2件' counts answered applications
UNIT_CHARS_RX = re.compile("[" + ITEM_UNITS + LIST_UNITS + "余多]|[一二三四五六七八九十百]$")
HEAD_VERB_RX = re.compile(r"公开|发布(?!会)|公示|公布|上传|录入|更新|推送|发送")
PLAIN_VERB_RX = re.compile(r"公开|公布|发布(?!会)")
TOTAL_WORD_RX = re.compile(_TOTALISER)
INFO_RX = re.compile("|".join(INFO_NOUNS))
INFO_AFTER_RX = re.compile(r"\s*(?:政府|政务)?信息")
# a breakdown of information after the count: '发布59条,其中政策公告类信息57条'
INFO_BREAKDOWN_RX = re.compile(r"\s*[,，]\s*其中[,，:：]?[^。;；\d]{0,15}?信息\s*\d")
LAST_COUNT_RX = re.compile(r"(\d[\d,]*)\D{0,4}$")
CUMULATIVE_RX = re.compile(r"累计|历年|截[至止]目前|截[至止]今|至今")
# all years to date ('到目前累计…100条'): no year's total unless the year's own figure is found
TO_DATE_RX = re.compile(r"(?:到|截[至止])目前累计|至今累计|历年累计|历年来")
TO_DATE = "cumulative to date"
# a count of applications, cases, consultations or normative documents, not of disclosed items
NOT_ITEMS_RX = re.compile(r"申请|复议|诉讼|咨询|受理|办结|请求|规范性文件")
# the year's own figure: '2018年发生数为184条', '本年度新增公开信息87条'
YEAR_NEW_RX = re.compile(
    r"(?:((?:19|20)\d{2})\s*年度?|本年度?|今年|全年)(?!底)[^,，。;；\d累]{0,20}?(?:新增|发生数为?|新公开|公开|发布|新发布)[^,，。;；\d]{0,12}?(\d[\d,]*)\s*["
    + ITEM_UNITS
    + r"]"
)


def read_proactive_total(sents: list[Sentence], year: int | None) -> Figure | None:
    """The first count of the tiers in the module docstring, from sentences of the year."""
    sents = [s for s in sents if not s.earlier_year(year)]
    under = under_proactive_heading(sents)
    tiers = (
        (STRONG_RX, None, True),
        (HEAD_VERB_RX, under, False),
        (WEAK_RX, None, False),
        (PLAIN_VERB_RX, None, False),
    )
    # only sentences with a verb and a count unit can state the total
    counted = [n for n, s in enumerate(sents) if UNIT_CHARS_RX.search(s.text) and HEAD_VERB_RX.search(s.text)]
    parallel: set[int] = channel_items(sents)
    for rx, only, strong in tiers:
        for n in counted:
            sent = sents[n]
            if (only is not None and not only[n]) or n in parallel:
                continue
            for m in rx.finditer(sent.text):
                if strong and APPLIED_RX.search(sent.text, clause_start(sent.text, m.start()), m.start()):
                    continue  # '所申请信息已主动公开2件': an application's outcome, not a disclosure count
                if strong and breakdown_part(sent.text, m.start()):
                    continue  # '…43条,其中主动公开公文信息2条': a part of the total before
                if strong and _label_after_sibling(sents, n, m.start()):
                    parallel.update((n - 1, n))
                    break  # '发布动态信息165条;发布法定主动公开内容1条': one category of several
                if strong and (before := count_before(sent, m.start(), m.end())) is not None:
                    return before
                found = _count_after(sent, m.start(), m.end(), year, strong, need_info=not strong)
                if found is None:
                    continue
                fig, end = found
                sibling = _parallel(sent, m.start(), end, strong, _tail(sents, n))
                if not strong and not sibling and (others := next_channel_counts(sents, n, m.start(), end)):
                    parallel.update(others)
                    break  # '网站…更新政务信息62条。…公众号…发布信息685条': per channel, no total
                if sibling:
                    parallel.update((n, n + 1) if sibling == 2 else (n,))
                    break  # per-channel figures, no total: the sentence states none
                fig = _cumulative_next(sents, n, fig, year)
                if fig.note == TO_DATE:
                    break  # '到目前累计…100条': all years', no year's total
                return fig
    return sole_count_under_heading(sents, under)


def _matches_after(sent: Sentence, start: int, strong: bool) -> Iterator[re.Match[str]]:
    """Counts after a verb: after 主动公开 first a bare one right after 信息 (期, or no unit
    before 其中); then the near one, else a far one with no number between, else (after
    主动公开) a 共计 total a few clauses on."""
    for rx in (BARE_RX, NEAR_RX, FAR_RX, TOTAL_AHEAD_RX, LIST_AHEAD_RX) if strong else (NEAR_RX, FAR_RX):
        m = rx.match(sent.text, start)
        if m:
            yield m
            return


def _count_after(
    sent: Sentence, verb_start: int, start: int, year: int | None, strong: bool, need_info: bool
) -> tuple[Figure, int] | None:
    """The count of items after the verb ending at start (and where it ends), or None
    when it counts something else (applications, one channel's share, documents in 份 ...)."""
    m = next(_matches_after(sent, start, strong), None)
    if not m or (m["unit"] is None and m["more"] is None):
        return None
    value = count(m["n"])
    if value is None or (not m["n"][0].isdigit() and m["unit"] is None):
        return None
    gap = m["gap"]
    if heading_run_on(gap):
        return None  # '公开…执法信息的情况 2025年行政检查13件'
    if category_count(sent.text[verb_start : m.start("n")]):
        return None  # '公开规划类信息6条': one category's count
    info_after = INFO_AFTER_RX.match(sent.text, m.end())
    if m["unit"] and m["unit"] in LIST_UNITS and "信息" not in gap and not info_after:
        return None  # '文件11份', '更新两次': not items of information
    if need_info and not (
        info_after
        or _names_info(sent.text, verb_start, m.start("n"))
        or INFO_BREAKDOWN_RX.match(sent.text, m.end())
    ):
        return None
    # the words from the verb (its whole clause when weak) to the count: '依申请公开3件'
    said_start = verb_start - 3 if strong else clause_start(sent.text, verb_start)
    said = sent.text[max(0, said_start) : m.start("n")]
    if NOT_ITEMS_RX.search(said) or partial(sent.text, start, m.start("n")):
        return None
    if listed_category(sent.text, m.end()) and (
        not TOTAL_WORD_RX.search(said) or next_item_info(sent.text, m.end())
    ):
        return None  # '公开财政预决算信息2条、行政执法信息3条…': one category of a list
    if CUMULATIVE_RX.search(sent.text[max(0, start - 12) : m.start("n")]):
        for new in YEAR_NEW_RX.finditer(sent.text):
            if _of_year(new, year):
                fig = Figure(count(new.group(2)) or 0, sent.line_at(new.start(2)), sent.text.strip()[:120])
                return fig, m.end()
    note = TO_DATE if TO_DATE_RX.search(sent.text[max(0, start - 12) : m.start("n")]) else None
    return Figure(value, sent.line_at(m.start("n")), sent.text.strip()[:120], note), m.end()


def _names_info(sentence: str, verb: int, number: int) -> bool:
    """'政府信息公开566条', '公开机构职能、政策法规共计32条': the clause names information
    (or totals a list) before the count."""
    start = clause_start(sentence, verb)
    return bool(INFO_RX.search(sentence, start, number) or TOTAL_WORD_RX.search(sentence, verb, number))


def _parallel(sent: Sentence, verb_start: int, at: int, strong: bool, tail: str = "") -> int:
    """'在网站主动公开信息217条、公众号主动公开信息308条', '发布通知公告信息15条,公开采购
    信息2条', '通过网站公开信息23条;通过平台公开信息154条': another labelled count follows
    with its own verb (in the sentence, or in `tail`, the next one after a semicolon), with
    no total (共…) before and no 其中 between, unless it counts more than that total (so is
    no part of it: '共发布信息66条,通过公众号发布信息527条'). After 主动公开 the first count must name its
    channel. 0: none; 1: a sibling in the sentence; 2: one in the tail."""
    text = sent.text
    lo = max(0, verb_start - REACH)
    start = max(lo, max(text.rfind(c, lo, verb_start) for c in ",，:：、") + 1)
    total = next(reversed(list(TOTAL_WORD_RX.finditer(text, start, at))), None)  # the last
    stated = LAST_COUNT_RX.search(text, max(0, at - 12), at)
    value = (count(stated.group(1)) or 0) if stated else 0
    if strong and channels_listed(text[clause_start(text, verb_start) : verb_start]):
        return 0  # '通过网站、公众号等主动公开信息300条': all channels' total
    if strong and not CHANNEL_RX.search(text, start, at):
        return 0
    if not strong and not total and _counted_before(text, start):
        return 1
    own = text[at : at + REACH]
    with_tail = len(text) - at <= REACH
    parts = own.find("包括")
    own = own if parts < 0 else own[:parts]  # '346条,内容包括…主动公开内容36条': its parts
    rest = own + tail if with_tail else own
    cut = rest.find("其中")
    rest = rest if cut < 0 else rest[:cut]
    if parts_sum_to(rest, value):
        return 0  # '主动公开信息204条,网站163条,公众号23条,公开栏18条': its parts, adding up
    for v in HEAD_VERB_RX.finditer(rest):
        m = NEAR_RX.match(rest, v.end())
        if not (m and m["unit"] and (not strong or CHANNEL_RX.search(rest, 0, v.start()))):
            continue
        if strong and publicity(rest, v.start(), m.end()):
            continue  # '…通过报刊、媒体平台公开信息280余篇': publicity beside the labelled count
        if NOT_ITEMS_RX.search(rest, max(0, v.start() - 3), m.start("n")):
            return 0
        if v.start() >= len(own) and v.group(0) != _last_verb(text, verb_start, at):
            return 0  # the next sentence counts something else ('在报刊发布新闻报道20篇')
        if total and not distributive(text[total.end() : at], rest[: v.start()]) and not _exceeds(m, value):
            return 0  # '共主动公开信息300条;通过网站公开…200条': a total, then its parts
        return 1 if v.start() < len(own) else 2
    return 0


def parts_sum_to(rest: str, value: int) -> bool:
    """Two or more counts after a count that add up to it exactly are its parts, not siblings."""
    parts = [count(m.group(1)) for m in PART_RX.finditer(rest)]
    return value > 0 and len(parts) >= 2 and None not in parts and sum(p or 0 for p in parts) == value


def _exceeds(sibling: re.Match[str], value: int) -> bool:
    """The sibling count is larger than the total before it: no part of it."""
    n = count(sibling["n"])
    return n is not None and n > value


def _label_after_sibling(sents: list[Sentence], n: int, at: int) -> bool:
    """'…发布工作动态信息165条;发布法定主动公开内容1条': 主动公开 at `at` names a category
    after a verb of its own clause, and the sentence before (same paragraph, closed by a
    semicolon) counts another category with its own verb: siblings, neither the total."""
    sent = sents[n]
    if n == 0 or not PLAIN_VERB_RX.search(sent.text, clause_start(sent.text, at), at):
        return False
    prev = sents[n - 1]
    return (
        prev.starts is sent.starts
        and prev.text.rstrip().endswith((";", "；"))
        and COUNT_BEFORE_RX.search(prev.text) is not None
    )


def _last_verb(text: str, start: int, end: int) -> str:
    """The verb nearest before the count: '主动公开情况:网站发布信息25条' -> 发布."""
    verbs = HEAD_VERB_RX.findall(text, start, end)
    return verbs[-1] if verbs else ""


def _tail(sents: list[Sentence], n: int) -> str:
    """The next sentence of the same paragraph when sentence n ends at a semicolon
    ('网站发布信息25条;显示屏发布32条;'), else ''."""
    sent = sents[n]
    if n + 1 >= len(sents) or not sent.text.rstrip().endswith((";", "；")):
        return ""
    nxt = sents[n + 1]
    return nxt.text if nxt.starts is sent.starts else ""


def _counted_before(text: str, end: int) -> bool:
    """A count of items after its own verb earlier in the sentence, not a total before 其中."""
    before = text[max(0, end - REACH) : end]
    for v in HEAD_VERB_RX.finditer(before):
        m = NEAR_RX.match(before, v.end())
        if (
            m
            and m["unit"]
            and "其中" not in before[m.end() :]
            and not _totalled(before, v.start(), m.start("n"))
        ):
            return True
    return False


def _totalled(text: str, verb: int, number: int) -> bool:
    """'全镇政府信息公开566条', '共主动公开…': the count's clause totals it."""
    return bool(TOTAL_WORD_RX.search(text, clause_start(text, verb), number))


def _of_year(new: re.Match[str], year: int | None) -> bool:
    """A YEAR_NEW_RX figure of the year reported (本年度 is always that year)."""
    return year is None or new.group(1) is None or int(new.group(1)) == year


def _cumulative_next(sents: list[Sentence], n: int, fig: Figure, year: int | None) -> Figure:
    """'累计…552条。其中…2018年发生数为184条': the year's own figure in the next sentence."""
    sent = sents[n]
    if not CUMULATIVE_RX.search(sent.text) or n + 1 >= len(sents) or year is None:
        return fig
    if re.match(rf"\s*{year}\s*年(?:度)?(?:以来)?[,，]", sent.text) and not TO_DATE_RX.search(sent.text):
        return fig  # '2017年,主动公开政府信息累计204条': the year's own sum, not a running total
    nxt = sents[n + 1]
    for new in YEAR_NEW_RX.finditer(nxt.text):
        if _of_year(new, year):
            return Figure(count(new.group(2)) or 0, nxt.line_at(new.start(2)), nxt.text.strip()[:120])
    return fig
