"""Figures stated in prose: proactive total, applications received, reviews, lawsuits.

Each rule reads sentences (see prose.py) and returns the first statement that fits;
a count beats a statement that there were none. Table cells, read elsewhere, win over
these in the summary; the prose values are its fallback and feed the prose-vs-table checks.
"""

from __future__ import annotations

import re

from generator.extract import legacy, meta, proactive
from generator.extract.prose import (
    HEADING_START_RX,
    LEAD_YEAR_RX,
    NUMBER,
    Sentence,
    clauses,
    count,
    sentences,
)
from generator.extract.text import Text
from generator.extract.vocab import CASE_UNITS, NEGATIONS, RECEIVE_VERBS
from generator.records import Figure, Section

CUMULATIVE_RX = re.compile(r"累计|历年")
_RECEIVE = "|".join(RECEIVE_VERBS)
APPLICATION_RXS = (
    # 共受理政府信息公开申请15件 / 收到依申请公开申请7件 / 共收到申请公开政府信息5宗 /
    # 受理公民、法人和其他组织向市政府提出的政府信息公开申请5件 (a long clause, no number)
    re.compile(
        r"(?:"
        + _RECEIVE
        + r")[^,，。;；\d]{0,40}?申请(?!行政复议|复议|人)[^,，。;；\d]{0,8}?(?:共计|共|为)?\s*"
        + NUMBER
        + r"\s*["
        + CASE_UNITS
        + r"]"
    ),
    # 收到1份政府信息公开申请
    re.compile(r"(?:" + _RECEIVE + r")\s*" + NUMBER + r"\s*[" + CASE_UNITS + r"][^,，。;；\d]{0,12}?申请"),
    # 依申请公开政府信息共4件 / 依申请公开政府信息申请 4件 / 申请总数为0 / 依申请公开3次 / 依申请公开共受理2件 / 依申请公开件共12件
    # (件/宗/次 only: '依申请公开信息22条' counts items released on request)
    re.compile(
        r"(?:依申请公开(?:政府信息|信息|事项)?(?:申请)?(?:件数|数量|总数|件)?|申请(?:总数|总量|数量|件数))"
        r"(?:共计|共|为|是)?(?:受理|收到)?\s*" + NUMBER + r"\s*[件宗次]"
    ),
    # 依申请公开2条 (the count right after 依申请公开, no noun between)
    re.compile(r"依申请公开(?:共计|共|为)?" + NUMBER + r"\s*条"),
)
# the year's own figure though summed: '2024年,我街道累计收到…6件', '全年累计受理…'
YEAR_SUM_RX = re.compile(r"(?:全年|本年度?|今年)[^,，。;；\d]{0,10}$")
_NEG = "|".join(NEGATIONS) + "|不存在"
NEG_RX = re.compile(r"(?:" + _NEG + r")(?!法|正当|论|须|需|经|审结|关)")
REVIEW_WORDS, SUIT_WORDS = ("复议",), ("诉讼", "起诉")
# a count after the noun, with its unit or its breakdown in brackets ('行政复议1(结果维持1)'),
# or before it ('全年有3起因政府信息公开申请提起的行政复议')
_CASE_UNIT = r"(?:\s*[" + CASE_UNITS + r"]|(?=\s*[(（]))"
NUMBER_BEFORE = NUMBER.replace("?P<n>", "?P<n2>")  # the count before the noun
CASE_COUNT_RX = {
    "reviews_total": re.compile(
        r"复议(?![^,，。;；\d]{0,8}?(?:起诉|诉讼))[^,，。;；\d、和及]{0,8}?"
        + NUMBER
        + _CASE_UNIT
        + r"|(?<![未没无不])(?:有|发生|出现)"
        + NUMBER_BEFORE
        + r"\s*[起件宗例][^,，。;；\d]{0,24}?(?:提起|引起|申请)的?行政复议"
    ),
    "litigations_total": re.compile(
        r"(?:诉讼|起诉)[^,，。;；\d、和及]{0,8}?"
        + NUMBER
        + _CASE_UNIT
        + r"|(?<![未没无不])(?:有|发生|出现)"
        + NUMBER_BEFORE
        + r"\s*[起件宗例][^,，。;；\d]{0,24}?(?:提起|引起)的?行政诉讼"
    ),
}
# both kinds of lawsuit, added like the table's columns: '未经复议直接起诉2件,复议后起诉2件'
SUIT_KINDS_RX = re.compile(
    r"(?:直接起诉|复议后(?:提起)?(?:行政)?(?:起诉|诉讼))[^,，。;；\d]{0,6}?"
    + NUMBER
    + r"\s*["
    + CASE_UNITS
    + r"]"
)
# '全年实现答复“零复议、零诉讼”'
ZERO_CASES_RX = {
    "reviews_total": re.compile(r"零(?:行政)?复议"),
    "litigations_total": re.compile(r"零(?:行政)?诉讼"),
}
CARRIED_RX = re.compile(
    r"(?:上年(?:度)?(?:结转|转结)|结转上年度?)[^,，。;；\d]{0,14}?" + NUMBER + r"\s*[" + CASE_UNITS + r"]"
)
# '上年无结转', '无上年结转的申请', '不存在上年度结转…申请': none carried over
NO_CARRIED_RX = re.compile(r"上年度?(?:无|没有)(?:结转|转结)|(?:无|没有|不存在)上年度?(?:结转|转结)")
CARRIED_WORD_RX = re.compile(r"上年度?[^,，。;；]{0,4}(?:结转|转结)|结转上年")
# a numbered item's label answered '无': '2、行政机关依申请公开政府信息的数量:无。'
LABEL_NONE_RX = re.compile(r"(?P<label>[^:：。;；]{2,40})[:：]\s*(?:无|没有)\s*[。.;；]?\s*$")
# a negation just before a receiving verb: '并未接收到一例依申请公开请求' says none
NEG_BEFORE_RX = re.compile(r"(?:" + "|".join(NEGATIONS) + r")[^,，。;；\d]{0,2}$")
NONE_RECEIVED_RX = re.compile(r"(?:未|没有|尚未|均未|并未)(?:收到|接到|受理|接收|发生)")
OTHER_MATTERS_RX = re.compile(r"复议|诉讼|起诉|咨询|投诉|举报|信访|来信")
ALL_ZERO_RX = re.compile(r"(?:均为|均是|为|是)\s*(?:0|零)|均未|均无")


def read_facts(text: Text, heads: list[Section], year: int | None = None) -> dict[str, Figure]:
    """Every prose figure the rules know; a rule that fails on odd text is skipped."""
    sents = [s for s in sentences(text) if not s.table]
    if year is None:  # the year covered tells this year's figures from earlier ones
        year = meta.year_of(text)
    found: dict[str, Figure] = {}
    rules = {
        "proactive_total": lambda: proactive.read_proactive_total(sents, year),
        "applications_received": lambda: read_applications(sents, text, heads, year),
        "applications_carried_over": lambda: read_carried_over(sents, year),
        "reviews_total": lambda: read_cases(sents, text, heads, "reviews_total", year),
        "litigations_total": lambda: read_cases(sents, text, heads, "litigations_total", year),
    }
    for key, rule in rules.items():
        try:
            fig = rule()
        except Exception:  # odd text must never stop the other rules
            fig = None
        if fig is not None:
            found[key] = fig
    try:
        found.update(legacy.read_legacy(sents, year))
    except Exception:
        pass
    return found


def _figure(value: int, sent: Sentence, pos: int) -> Figure:
    return Figure(value, sent.line_at(pos), sent.text.strip()[:120])


def _zero_statement(clause: str, words: tuple[str, ...], excluded: tuple[str, ...]) -> int | None:
    """Position of a negation that covers one of words later in the clause ('未收到…申请')."""
    for neg in NEG_RX.finditer(clause):
        rest = clause[neg.end() :]
        at = min((rest.find(w) for w in words if w in rest), default=-1)
        if at >= 0 and not any(x in rest for x in excluded):
            return neg.start()
    return None


def _section_says_none(text: Text, heads: list[Section], words: tuple[str, ...]) -> Figure | None:
    """A section about applications (or reviews) whose whole body is '无'."""
    for n, head in enumerate(heads):
        if not any(w in head.title for w in words):
            continue
        end = heads[n + 1].line - 1 if n + 1 < len(heads) else len(text)
        body = [(i, text.line(i).strip()) for i in range(head.line + 1, end + 1) if text.line(i).strip()]
        if body and re.fullmatch(r"无[。.]?", body[0][1]) and len(body) <= 1 + (n + 1 < len(heads)):
            return Figure(0, body[0][0], body[0][1])
    return None


def read_applications(
    sents: list[Sentence], text: Text, heads: list[Section], year: int | None
) -> Figure | None:
    """New applications that year: a count ('共受理政府信息公开申请15件'), else 0 when the
    text says none came ('未收到…申请', '无依申请公开'), else None."""
    every = sents
    sents = [s for s in sents if "申请" in s.text]  # every statement below names 申请
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
                        summed = _figure(value, sent, m.start("n"))
                    continue
                return _figure(value, sent, m.start("n"))
    if summed is not None:
        return summed
    for sent in sents:
        for start, clause in clauses(sent.text):
            at = _zero_statement(clause, ("申请",), ("复议", "诉讼"))
            if at is not None and not re.search(r"申请(?:行政复议|复议)", clause) and not _carried(clause):
                return _figure(0, sent, start + at)
        label = _label_none(sent, ("申请",), ("复议", "诉讼"))
        if label is not None:
            return label
    return _none_under_heading(every) or _section_says_none(text, heads, ("依申请", "申请公开", "申请办理"))


def _carried(clause: str) -> bool:
    """'不存在上年度结转政府信息公开申请': the clause speaks of last year's carried-over
    applications, not of the year's new ones."""
    return bool(CARRIED_WORD_RX.search(clause))


def _label_none(sent: Sentence, words: tuple[str, ...], excluded: tuple[str, ...]) -> Figure | None:
    """0 from a label answered '无': '2、行政机关依申请公开政府信息的数量:无。', '5、因政府
    信息公开申请行政复议、提起行政诉讼的情况:无。' (the label names one of words, none of excluded)."""
    if not sent.text.rstrip(" 。.;；").endswith(("无", "没有")):
        return None  # most sentences: no regex
    m = LABEL_NONE_RX.search(sent.text)
    if m is None:
        return None
    label = m["label"]
    if any(w in label for w in words) and not any(x in label for x in excluded):
        return _figure(0, sent, m.end("label"))
    return None


def _both_kinds(sentence: str) -> int | None:
    """The lawsuits of both kinds added: '未经复议直接起诉2件(…),复议后起诉2件' -> 4."""
    values = [count(m["n"]) for m in SUIT_KINDS_RX.finditer(sentence)]
    return sum(v for v in values if v is not None) if len(values) >= 2 else None


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
            return _figure(0, nxt, m.start())
    return None


def read_carried_over(sents: list[Sentence], year: int | None) -> Figure | None:
    """Applications carried over from the year before ('上年结转政府信息公开申请1宗')."""
    for sent in (s for s in sents if "结转" in s.text or "转结" in s.text):
        if sent.earlier_year(year):
            continue
        m = CARRIED_RX.search(sent.text)
        value = count(m["n"]) if m else None
        if m and value is not None:
            return _figure(value, sent, m.start("n"))
        none = NO_CARRIED_RX.search(sent.text)
        if none:
            return _figure(0, sent, none.start())
    return None


def read_cases(
    sents: list[Sentence], text: Text, heads: list[Section], key: str, year: int | None
) -> Figure | None:
    """Reviews (行政复议) or lawsuits (行政诉讼): a count ('行政复议4起'), else 0 when the
    text says none occurred ('未发生…行政复议、诉讼'), else None."""
    words = REVIEW_WORDS if key == "reviews_total" else SUIT_WORDS
    sents = [s for s in sents if any(w in s.text for w in words)]
    for sent in sents:
        if sent.earlier_year(year):
            continue
        for m in CASE_COUNT_RX[key].finditer(sent.text):
            n = "n" if m["n"] is not None else "n2"
            value = count(m[n])
            if value is not None:
                if key == "litigations_total":
                    value = _both_kinds(sent.text) or value
                return _figure(value, sent, m.start(n))
    for sent in sents:
        if ZERO_CASES_RX[key].search(sent.text):
            return _figure(0, sent, ZERO_CASES_RX[key].search(sent.text).start())
        for start, clause in clauses(sent.text):
            at = _zero_statement(clause, words, ())
            if at is None:
                mention = min((clause.find(w) for w in words if w in clause), default=-1)
                zero = ALL_ZERO_RX.search(clause, mention) if mention >= 0 else None
                at = mention if zero else None
            if at is not None:
                return _figure(0, sent, start + at)
        label = _label_none(sent, words, ())
        if label is not None:
            return label
    return _section_says_none(text, heads, ("复议", "诉讼"))
