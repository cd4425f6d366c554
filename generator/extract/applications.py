"""Disclosure applications stated in prose: received in the year, carried over from the last.

'共受理政府信息公开申请15件', '收到1份政府信息公开申请', '依申请公开政府信息共4件' give the
count; '未收到…申请', '依申请办理事项为零' say none came. '本年新收' is the applications
table's own word for the year's new ones: '共收到申请3件。其中,上年结转1件,本年新收2件' -> 2.
"""

from __future__ import annotations

import re

from generator.extract.prose import HEADING_START_RX, LEAD_YEAR_RX, NUMBER, Sentence, clauses, count
from generator.extract.text import Text
from generator.extract.vocab import CASE_UNITS, NEGATIONS, RECEIVE_VERBS
from generator.extract.zero import figure, label_none, section_says_none, zero_statement
from generator.records import Figure, Section

CUMULATIVE_RX = re.compile(r"累计|历年")
_RECEIVE = "|".join(RECEIVE_VERBS)
APPLICATION_RXS = (
    # 共受理政府信息公开申请15件 / 收到依申请公开申请7件 / 共收到申请公开政府信息5宗 /
    # 受理公民、法人和其他组织向市政府提出的政府信息公开申请5件 (a long clause, no number)
    re.compile(
        r"(?:"
        + _RECEIVE
        + r")(?:(?!复议|诉讼)[^,，。;；\d]){0,40}?申请(?!行政复议|复议|人)[^,，。;；\d]{0,8}?(?:共计|共|为)?\s*"
        + NUMBER
        + r"\s*["
        + CASE_UNITS
        + r"]"
    ),
    # 收到1份政府信息公开申请
    re.compile(r"(?:" + _RECEIVE + r")\s*" + NUMBER + r"\s*[" + CASE_UNITS + r"][^,，。;；\d]{0,12}?申请"),
    # 依申请公开政府信息共4件 / 依申请公开政府信息申请 4件 / 依申请公开请求9件 / 依申请公开办理19件 / 申请总数为0 / 依申请公开3次 / 依申请公开共受理2件 / 依申请公开件共12件
    # (件/宗/次 only: '依申请公开信息22条' counts items released on request)
    re.compile(
        r"(?:依申请公开(?:政府信息|信息|事项)?(?:申请|请求)?(?:件数|数量|总数|件)?|申请(?:总数|总量|数量|件数))"
        r"(?:共计|共|为|是)?(?:受理|收到|办理)?\s*" + NUMBER + r"\s*[件宗次]"
    ),
    # 依申请公开2条 / 依申请公开数量为1条 (the count right after 依申请公开, no noun between)
    re.compile(r"依申请公开(?:数量|件数|总数)?(?:共计|共|为)?" + NUMBER + r"\s*条"),
    # 依申请公开系统共收到1宗 / 依申请公开渠道全年受理3件: its channel receives them
    re.compile(
        r"依申请公开[^,，。;；\d]{1,8}?(?:共计|共)?(?:" + _RECEIVE + r")\s*" + NUMBER + r"\s*[件宗次]"
    ),
)
# the year's new ones, the table's own word: '其中,上年结转申请1件,本年新收申请2件'
NEW_RX = re.compile(
    r"新收(?:(?!复议|诉讼|结转)[^,，。;；\d]){0,20}?(?:共计|共|为)?\s*" + NUMBER + r"\s*[" + CASE_UNITS + r"]"
)
# a count of applications stated as zero: '依申请办理事项为零', '申请件数均为0'
# ... or nothing disclosed on request at all: '全年依申请公开政府信息0条'
ZERO_COUNT_RX = re.compile(
    r"申请(?:(?!复议|诉讼|收费)[^,，。;；\d]){0,12}?(?:事项|件数|数量|总数|总量|数)均?(?:为|是)\s*(?:0|零)(?![\d.])"
    r"|依申请公开(?:政府)?信息(?:共|为)?\s*(?:0|零)\s*条"
)
# applications as one conjunct of a list of things that did not happen: '申请件及…'
APPLICATIONS_LISTED_RX = re.compile(r"(?:申请|请求)[件书]?\s*(?:及|和|以及|与|、)")
# a second statement joined by 且/并且/同时: '未接到政府信息公开申请且未出现…行政复议…等情况'
JOINED_RX = re.compile(r"(?:且|并且|而且|同时)(?=未|没有|无|不存在)")
# the year's own figure though summed: '2024年,我街道累计收到…6件', '全年累计受理…'
YEAR_SUM_RX = re.compile(r"(?:全年|本年度?|今年)[^,，。;；\d]{0,10}$")
CARRIED_RX = re.compile(
    r"(?:上年(?:度)?(?:结转|转结)|结转上年度?)[^,，。;；\d]{0,14}?" + NUMBER + r"\s*[" + CASE_UNITS + r"]"
)
# '上年无结转', '无上年结转的申请', '不存在上年度结转…申请': none carried over
NO_CARRIED_RX = re.compile(r"上年度?(?:无|没有)(?:结转|转结)|(?:无|没有|不存在)上年度?(?:结转|转结)")
CARRIED_WORD_RX = re.compile(r"上年度?[^,，。;；]{0,4}(?:结转|转结)|结转上年")
# a negation just before a receiving verb: '并未接收到一例依申请公开请求' says none
NEG_BEFORE_RX = re.compile(r"(?:" + "|".join(NEGATIONS) + r")[^,，。;；\d]{0,2}$")
NONE_RECEIVED_RX = re.compile(r"(?:未|没有|尚未|均未|并未)(?:收到|接到|受理|接收|发生)")
OTHER_MATTERS_RX = re.compile(r"复议|诉讼|起诉|咨询|投诉|举报|信访|来信")


def read_applications(
    sents: list[Sentence], text: Text, heads: list[Section], year: int | None
) -> Figure | None:
    """New applications that year: a count ('共受理政府信息公开申请15件'), else 0 when the
    text says none came ('未收到…申请', '无依申请公开'), else None."""
    every = sents
    sents = [s for s in sents if "申请" in s.text or "请求" in s.text]  # every statement below names one
    new = _new_this_year(sents, year)
    if new is not None:
        return new
    summed: Figure | None = None
    for sent in sents:
        if sent.earlier_year(year):
            continue
        for rx in APPLICATION_RXS:
            for m in rx.finditer(sent.text):
                value = count(m["n"])
                if value is None or NEG_BEFORE_RX.search(sent.text, max(0, m.start() - 4), m.start()):
                    continue  # '并未接收到一例…申请': none, read below
                if CUMULATIVE_RX.search(sent.text[max(0, m.start() - 6) : m.start("n")]):
                    if summed is None and _of_the_year(sent, m.start(), year):
                        summed = figure(value, sent, m.start("n"))
                    continue
                return figure(value, sent, m.start("n"))
    if summed is not None:
        return summed
    for sent in sents:
        for start, clause in _statements(sent.text):
            # '没有向…申请人收费': a statement on fees, not on applications
            at = zero_statement(clause, ("申请", "请求"), ("收费",))
            if at is not None and _reviews_first(clause, at):
                at = None  # '未收到…行政复议申请': applications for review
            if at is not None and not re.search(r"申请(?:行政复议|复议)", clause) and not _carried(clause):
                return figure(0, sent, start + at)
        label = label_none(sent, ("申请",), ("复议", "诉讼"))
        if label is not None:
            return label
        zero = ZERO_COUNT_RX.search(sent.text)
        if zero is not None:
            return figure(0, sent, zero.start())
    return _none_under_heading(every) or section_says_none(text, heads, ("依申请", "申请公开", "申请办理"))


def _reviews_first(clause: str, neg: int) -> bool:
    """Whether the negation is about reviews or lawsuits ('未收到行政复议申请', '未发生因依申请
    公开引发的行政复议'), unless the applications are one of the things listed as not having
    happened ('无受理政府信息公开申请件及…行政复议及行政诉讼')."""
    rest = clause[neg:]
    if not any(x in rest for x in ("复议", "诉讼")):
        return False
    return not APPLICATIONS_LISTED_RX.search(rest)


def _statements(sentence: str) -> list[tuple[int, str]]:
    """The sentence's clauses, each cut again where 且/同时 joins a second negated statement."""
    out = []
    for start, clause in clauses(sentence):
        cuts = [0] + [m.start() for m in JOINED_RX.finditer(clause)] + [len(clause)]
        out += [(start + a, clause[a:b]) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]
    return out


def _new_this_year(sents: list[Sentence], year: int | None) -> Figure | None:
    """'共收到申请3件。其中,上年结转申请1件,本年新收申请2件': the 新收 count of the year."""
    for sent in sents:
        if sent.earlier_year(year) or "新收" not in sent.text:
            continue
        m = NEW_RX.search(sent.text)
        value = count(m["n"]) if m else None
        if m and value is not None:
            return figure(value, sent, m.start("n"))
    return None


def _carried(clause: str) -> bool:
    """'不存在上年度结转政府信息公开申请': the clause speaks of last year's carried-over
    applications, not of the year's new ones."""
    return bool(CARRIED_WORD_RX.search(clause))


def _of_the_year(sent: Sentence, start: int, year: int | None) -> bool:
    """A sum of the year itself: '2024年,我街道累计收到…' (the sentence opens with the year
    reported), '全年累计受理…'; not '历年累计6件' nor a sum to date."""
    if YEAR_SUM_RX.search(sent.text, 0, start):
        return True
    m = LEAD_YEAR_RX.match(sent.text)
    return bool(m and year is not None and int(m.group(1)) == year)


def _none_under_heading(sents: list[Sentence]) -> Figure | None:
    """'(二)依申请公开情况。2025年,未收到政府信息公开型案件。': the sentence right under a
    short 依申请公开 heading says none were received (of nothing else: 复议, 咨询 …)."""
    for n, sent in enumerate(sents[:-1]):
        head = sent.text.strip()
        if len(head) > 30 or "依申请" not in head or not HEADING_START_RX.match(head):
            continue
        nxt = sents[n + 1]
        m = NONE_RECEIVED_RX.search(nxt.text)
        if m and not OTHER_MATTERS_RX.search(nxt.text):
            return figure(0, nxt, m.start())
    return None


def read_carried_over(sents: list[Sentence], year: int | None) -> Figure | None:
    """Applications carried over from the year before ('上年结转政府信息公开申请1宗')."""
    for sent in (s for s in sents if "结转" in s.text or "转结" in s.text):
        # the year before named as the one none came from ('未转结2023年…申请'), even when
        # it leads the sentence
        none = _none_of_year_before(year).search(sent.text) if year else None
        if none:
            return figure(0, sent, none.start())
        if sent.earlier_year(year):
            continue
        m = CARRIED_RX.search(sent.text)
        value = count(m["n"]) if m else None
        if m and value is not None:
            return figure(value, sent, m.start("n"))
        none = NO_CARRIED_RX.search(sent.text)
        if none:
            return figure(0, sent, none.start())
    return None


def _none_of_year_before(year: int) -> re.Pattern[str]:
    """'2021年未转结政府信息公开申请', '未结转2021年度申请' (the year before the report's), with
    no count after it in its clause: none carried over."""
    prior = rf"{year - 1}\s*年度?"
    return re.compile(
        rf"(?:{prior}(?:无|没有|未)(?:结转|转结)|(?:无|没有|未|不存在)(?:结转|转结){prior})"
        + r"[^,，。;；\d]{0,14}?申请(?=\s*(?:[,，。;；]|$))"
    )
