"""Figures stated in prose: proactive total, applications received, reviews, lawsuits.

Each rule reads sentences (see prose.py) and returns the first statement that fits;
a count beats a statement that there were none. Table cells, read elsewhere, win over
these in the summary; the prose values are its fallback and feed the prose-vs-table checks.
"""

from __future__ import annotations

import re

from generator.extract import legacy, meta
from generator.extract.prose import NUMBER, Sentence, clauses, count, sentences
from generator.extract.text import Text
from generator.extract.vocab import CASE_UNITS, ITEM_UNITS, NEGATIONS, PARTIAL_CHANNELS, RECEIVE_VERBS
from generator.records import Figure, Section

_NUM = NUMBER + r"\s*(?P<more>余|多)?\s*"
# 主动公开 (strong) and a count after it in the same clause, not after 其中 or 占
STRONG_RX = re.compile(r"主动(?:向社会(?:各界)?|对外)?(?:公开|发布|公示)")
COUNT_AFTER_RX = re.compile(
    r"(?P<gap>[^,，。;；其占%]{0,30}?)(?P<approx>近|约|超过|逾)?"
    + _NUM
    + r"(?:(?P<unit>["
    + ITEM_UNITS
    + r"])|$)"
)
# a total stated without 主动 ('全年在网站公开信息77条', '全镇政府信息公开566条')
WEAK_RX = re.compile(
    r"(?:全年|本年度?|年度|共计|共|累计|合计|总计|全镇|全乡|全街道?|全苏木)[^,，。;；]{0,30}?(?:公开|发布|公示)"
)
CUMULATIVE_RX = re.compile(r"累计|历年")
# a count of applications, cases or consultations, not of disclosed items
NOT_ITEMS_RX = re.compile(r"申请|复议|诉讼|咨询|受理|办结")
CHANNEL_VERB_RX = re.compile(r"(?:" + "|".join(PARTIAL_CHANNELS) + r")(?:平台)?(?:公开|发布|推送)")
YEAR_NEW_RX = re.compile(
    r"((?:19|20)\d{2})\s*年度?[^,，。;；\d]{0,8}?(?:新增|发生数为?|新公开|公开|发布|新发布)[^,，。;；\d]{0,6}?(\d[\d,]*)\s*["
    + ITEM_UNITS
    + r"]"
)
_RECEIVE = "|".join(RECEIVE_VERBS)
APPLICATION_RXS = (
    # 共受理政府信息公开申请15件 / 收到依申请公开申请7件 / 共收到申请公开政府信息5宗
    re.compile(
        r"(?:"
        + _RECEIVE
        + r")[^,，。;；\d]{0,14}?申请(?!行政复议|复议|人)[^,，。;；\d]{0,8}?(?:共计|共|为)?\s*"
        + NUMBER
        + r"\s*["
        + CASE_UNITS
        + r"]"
    ),
    # 收到1份政府信息公开申请
    re.compile(r"(?:" + _RECEIVE + r")\s*" + NUMBER + r"\s*[" + CASE_UNITS + r"][^,，。;；\d]{0,12}?申请"),
    # 依申请公开政府信息共4件 / 申请总数为0
    # (件/宗 only: '依申请公开信息22条' counts items released on request)
    re.compile(
        r"(?:依申请公开(?:政府信息|信息|事项)?|申请(?:总数|总量|数量|件数))(?:共计|共|为|是)?\s*"
        + NUMBER
        + r"\s*[件宗]"
    ),
)
_NEG = "|".join(NEGATIONS) + "|不存在"
NEG_RX = re.compile(r"(?:" + _NEG + r")(?!法|正当|论|须|需|经|审结|关)")
REVIEW_WORDS, SUIT_WORDS = ("复议",), ("诉讼", "起诉")
CASE_COUNT_RX = {
    "reviews_total": re.compile(r"复议[^,，。;；\d、和及]{0,8}?" + NUMBER + r"\s*[" + CASE_UNITS + r"]"),
    "litigations_total": re.compile(
        r"(?:诉讼|起诉)[^,，。;；\d、和及]{0,8}?" + NUMBER + r"\s*[" + CASE_UNITS + r"]"
    ),
}
CARRIED_RX = re.compile(r"上年(?:度)?结转[^,，。;；\d]{0,14}?" + NUMBER + r"\s*[" + CASE_UNITS + r"]")
ALL_ZERO_RX = re.compile(r"(?:均为|均是|为|是)\s*(?:0|零)|均未|均无")


def read_facts(text: Text, heads: list[Section], year: int | None = None) -> dict[str, Figure]:
    """Every prose figure the rules know; a rule that fails on odd text is skipped."""
    sents = [s for s in sentences(text) if not s.table]
    if year is None:  # the year covered tells this year's figures from earlier ones
        year = meta.year_of(text)
    found: dict[str, Figure] = {}
    rules = {
        "proactive_total": lambda: read_proactive_total(sents, year),
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


def _count_after(
    sent: Sentence, start: int, year: int | None, verb_start: int | None = None
) -> Figure | None:
    """The first count of items after position start in the sentence (see COUNT_AFTER_RX)."""
    m = COUNT_AFTER_RX.match(sent.text, start)
    if not m or (m["unit"] is None and m["more"] is None):
        return None
    value = count(m["n"])
    if value is None or (not m["n"][0].isdigit() and m["unit"] is None):
        return None
    # the words from the verb (or its totaliser) to the count: '依申请公开3件' counts applications
    said = sent.text[max(0, (start if verb_start is None else verb_start) - 3) : m.start("n")]
    if NOT_ITEMS_RX.search(said) or _partial(sent.text, start, m.start("n")):
        return None
    if CUMULATIVE_RX.search(sent.text[max(0, start - 12) : m.start("n")]):
        for new in YEAR_NEW_RX.finditer(sent.text, m.end()):
            if year is None or int(new.group(1)) == year:
                return _figure(count(new.group(2)) or 0, sent, new.start(2))
    return _figure(value, sent, m.start("n"))


def _partial(sentence: str, verb: int, number: int) -> bool:
    """One channel's share, not the total: '线上,…71条', '公众号公开…331篇', '通过微信发布25条'."""
    clause_start = max(sentence.rfind(c, 0, verb) for c in ",，:：") + 1
    clause = sentence[clause_start:number]
    listed = "、" in clause or "等" in clause  # several channels listed: their total
    if not listed and any(w in clause for w in PARTIAL_CHANNELS):
        return True
    if sentence.lstrip().startswith(("线上", "线下")):
        return True
    return bool(CHANNEL_VERB_RX.search(sentence[:number]))


def read_proactive_total(sents: list[Sentence], year: int | None) -> Figure | None:
    """Items proactively disclosed that year: '共主动公开政府信息98件', '近200条',
    '累计552条…2018年发生数为184条' -> 184; else a total without 主动 ('全年…公开信息77条')."""
    for rx in (STRONG_RX, WEAK_RX):
        for n, sent in enumerate(sents):
            if sent.earlier_year(year):
                continue
            for m in rx.finditer(sent.text):
                fig = _count_after(sent, m.end(), year, m.start())
                if fig is not None:
                    return _cumulative_next(sents, n, fig, year)
    return None


def _cumulative_next(sents: list[Sentence], n: int, fig: Figure, year: int | None) -> Figure:
    """'累计…552条。其中…2018年发生数为184条': the year's own figure in the next sentence."""
    sent = sents[n]
    if not CUMULATIVE_RX.search(sent.text) or n + 1 >= len(sents) or year is None:
        return fig
    nxt = sents[n + 1]
    for new in YEAR_NEW_RX.finditer(nxt.text):
        if int(new.group(1)) == year:
            return _figure(count(new.group(2)) or 0, nxt, new.start(2))
    return fig


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
    sents = [s for s in sents if "申请" in s.text]  # every statement below names 申请
    for sent in sents:
        if sent.earlier_year(year):
            continue
        for rx in APPLICATION_RXS:
            for m in rx.finditer(sent.text):
                if CUMULATIVE_RX.search(sent.text[max(0, m.start() - 6) : m.start("n")]):
                    continue
                value = count(m["n"])
                if value is not None:
                    return _figure(value, sent, m.start("n"))
    for sent in sents:
        for start, clause in clauses(sent.text):
            at = _zero_statement(clause, ("申请",), ("复议", "诉讼"))
            if at is not None and not re.search(r"申请(?:行政复议|复议)", clause):
                return _figure(0, sent, start + at)
    return _section_says_none(text, heads, ("依申请", "申请公开", "申请办理"))


def read_carried_over(sents: list[Sentence], year: int | None) -> Figure | None:
    """Applications carried over from the year before ('上年结转政府信息公开申请1宗')."""
    for sent in (s for s in sents if "结转" in s.text):
        m = CARRIED_RX.search(sent.text)
        value = count(m["n"]) if m else None
        if m and value is not None and not sent.earlier_year(year):
            return _figure(value, sent, m.start("n"))
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
            value = count(m["n"])
            if value is not None:
                return _figure(value, sent, m.start("n"))
    for sent in sents:
        for start, clause in clauses(sent.text):
            at = _zero_statement(clause, words, ())
            if at is None:
                mention = min((clause.find(w) for w in words if w in clause), default=-1)
                zero = ALL_ZERO_RX.search(clause, mention) if mention >= 0 else None
                at = mention if zero else None
            if at is not None:
                return _figure(0, sent, start + at)
    return _section_says_none(text, heads, ("复议", "诉讼"))
