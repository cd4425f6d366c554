"""Smaller figures legacy (pre-2019) reports state in prose: applications handled, fees,
staff, training, and the proactive items by channel and by category where listed."""

from __future__ import annotations

import re

from generator.extract.prose import NUMBER, Sentence, count
from generator.extract.vocab import CASE_UNITS, ITEM_UNITS
from generator.records import Figure

_N = NUMBER
# a word each rule's sentences must hold: most sentences are skipped without a regex
KEYWORDS = {
    "applications_handled": ("办结", "答复", "处理"),
    "fees": ("收",),
    "staff_fulltime": ("专职",),
    "staff_parttime": ("兼职",),
    "training_sessions": ("培训",),
}
KEYWORD_RXS = {key: re.compile("|".join(words)) for key, words in KEYWORDS.items()}
RULES: dict[str, tuple[re.Pattern[str], ...]] = {
    # 已办结4件 / 答复申请3件
    "applications_handled": (
        re.compile(
            r"(?:已办结|办结|已答复|答复|已处理)[^,，。;；\d]{0,8}?" + _N + r"\s*[" + CASE_UNITS + "]"
        ),
    ),
    # 收取费用120元 / 收费0元
    "fees": (re.compile(r"(?:收取|收费)[^,，。;；\d]{0,10}?" + _N + r"\s*(?:万元|元)"),),
    # 专职人员1人 / 配备1名专职工作人员
    "staff_fulltime": (
        re.compile(r"专职(?:工作)?人员?[^,，。;；\d]{0,4}?" + _N + r"\s*[人名]"),
        re.compile(_N + r"\s*名专职"),
    ),
    "staff_parttime": (
        re.compile(r"兼职(?:工作)?人员?[^,，。;；\d]{0,4}?" + _N + r"\s*[人名]"),
        re.compile(_N + r"\s*名兼职"),
    ),
    # 举办学习培训会3次 / 开展培训2期
    "training_sessions": (re.compile(r"培训[会班]?[^,，。;；\d]{0,6}?" + _N + r"\s*[次期场]"),),
}
# 未收取任何费用 / 没有收费: no fee was charged
NO_FEE_RX = re.compile(r"(?:未|没有|无|不)(?:收取|收费|产生)[^,，。;；]{0,12}?(?:费用|收费)?|免费")
CHANNEL_RX = re.compile(
    r"(网站|门户网站|微信公众号|微信|微博|政务公开栏|公示栏|公开栏|宣传栏|报刊|电视|广播)"
    r"[^,，。;；\d]{0,8}?(?:公开|发布|公布)[^,，。;；\d]{0,6}?" + _N + r"\s*[" + ITEM_UNITS + "]"
)
CATEGORY_RX = re.compile(
    r"(?:^|[,，;；、:：])\s*([\u4e00-\u9fff、]{2,14}?)(?:类信息|类|信息)\s*" + _N + r"\s*条"
)


def read_legacy(sents: list[Sentence], year: int | None) -> dict[str, Figure]:
    """The figures of RULES (first match each), fees 0 when none were charged, channels
    and categories as {label: count}."""
    found: dict[str, Figure] = {}
    sents = [s for s in sents if not s.earlier_year(year)]
    for key, rxs in RULES.items():
        fig = _first(sents, KEYWORD_RXS[key], rxs)
        if fig is not None:
            found[key] = fig
    if "fees" not in found:
        for sent in sents:
            m = NO_FEE_RX.search(sent.text) if "费" in sent.text else None
            if m:
                found["fees"] = Figure(0, sent.line_at(m.start()), sent.text.strip()[:120])
                break
    for key, rx, label in (
        ("proactive_by_channel", CHANNEL_RX, 1),
        ("proactive_by_category", CATEGORY_RX, 1),
    ):
        fig = _breakdown(sents, rx, label)
        if fig is not None:
            found[key] = fig
    return found


def _first(sents: list[Sentence], words: re.Pattern[str], rxs: tuple[re.Pattern[str], ...]) -> Figure | None:
    """The first count any of rxs reads from a sentence holding one of the words."""
    for sent in sents:
        if not words.search(sent.text):
            continue
        for rx in rxs:
            m = rx.search(sent.text)
            value = count(m["n"]) if m else None
            if m and value is not None:
                return Figure(value, sent.line_at(m.start("n")), sent.text.strip()[:120])
    return None


def _breakdown(sents: list[Sentence], rx: re.Pattern[str], group: int) -> Figure | None:
    """The first sentence listing two or more labelled counts, as {label: count}."""
    for sent in sents:
        if "条" not in sent.text:
            continue
        items = {}
        for m in rx.finditer(sent.text):
            value = count(m["n"])
            if value is not None:
                items.setdefault(m.group(group).strip("、"), value)
        if len(items) >= 2:
            return Figure(items, sent.line_at(0), sent.text.strip()[:120])
    return None
