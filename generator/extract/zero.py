"""Statements that a count is none: '未收到…申请', a label answered '无', '均为0', a section of '无'.

Shared by the prose rules of applications (applications.py) and of reviews and lawsuits
(facts.py); each returns where the statement is, so its figure keeps its line.
"""

from __future__ import annotations

import re

from generator.extract.prose import Sentence
from generator.extract.text import Text
from generator.extract.vocab import NEGATIONS
from generator.records import Figure, Section

_NEG = "|".join(NEGATIONS) + "|不存在"
NEG_RX = re.compile(r"(?:" + _NEG + r")(?!法|正当|论|须|需|经|审结|关)")
# a numbered item's label answered '无': '2、行政机关依申请公开政府信息的数量:无。'
LABEL_NONE_RX = re.compile(r"(?P<label>[^:：。;；]{2,40})[:：]\s*(?:无|没有)\s*[。.;；]?\s*$")
ALL_ZERO_RX = re.compile(r"(?:均为|均是|为|是)\s*(?:0|零)|均未|均无")


def figure(value: int, sent: Sentence, pos: int) -> Figure:
    """A count read at pos of the sentence, with its line and the sentence as its quote."""
    return Figure(value, sent.line_at(pos), sent.text.strip()[:120])


def zero_statement(clause: str, words: tuple[str, ...], excluded: tuple[str, ...]) -> int | None:
    """Position of a negation that covers one of words later in the clause ('未收到…申请')."""
    for neg in NEG_RX.finditer(clause):
        rest = clause[neg.end() :]
        at = min((rest.find(w) for w in words if w in rest), default=-1)
        if at >= 0 and not any(x in rest for x in excluded):
            return neg.start()
    return None


# a section body that is one short 'none': '无。', '我镇2016年度无申请。', '本年度没有。'
SAYS_NONE_RX = re.compile(
    r"(?:[^\d,，。;；]{0,6}(?:\d{4}\s*年度?)?[^\d,，。;；]{0,4})?(?:无|没有)[^\d,，。;；]{0,6}[。.]?"
)


def section_says_none(text: Text, heads: list[Section], words: tuple[str, ...]) -> Figure | None:
    """A section about applications (or reviews) whose whole body is one short 'none' ('无',
    '我镇2016年度无申请')."""
    for n, head in enumerate(heads):
        if not any(w in head.title for w in words):
            continue
        end = heads[n + 1].line - 1 if n + 1 < len(heads) else len(text)
        body = [(i, text.line(i).strip()) for i in range(head.line + 1, end + 1) if text.line(i).strip()]
        if body and SAYS_NONE_RX.fullmatch(body[0][1]) and len(body) <= 1 + (n + 1 < len(heads)):
            return Figure(0, body[0][0], body[0][1])
    return None


def label_none(sent: Sentence, words: tuple[str, ...], excluded: tuple[str, ...]) -> Figure | None:
    """0 from a label answered '无': '2、行政机关依申请公开政府信息的数量:无。', '5、因政府
    信息公开申请行政复议、提起行政诉讼的情况:无。' (the label names one of words, none of excluded)."""
    if not sent.text.rstrip(" 。.;；").endswith(("无", "没有")):
        return None  # most sentences: no regex
    m = LABEL_NONE_RX.search(sent.text)
    if m is None:
        return None
    label = m["label"]
    if any(w in label for w in words) and not any(x in label for x in excluded):
        return figure(0, sent, m.end("label"))
    return None
