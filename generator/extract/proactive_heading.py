"""The 主动公开 heading a sentence stands under, and the one count stated under it.

'(一)政府信息主动公开情况' … '在平台网站上更新各类信息76条': sentences under the heading
'(一)主动公开情况' … '微信平台公开发布信息78条' (the only count there): the year's total
"""

from __future__ import annotations

import re

from generator.extract.channels import clause_start
from generator.extract.proactive_parts import category_count
from generator.extract.prose import HEADING_START_RX, Sentence, count
from generator.records import Figure

HEADING_LEVEL = (("一二三四五六七八九十", 1), ("(（", 2), ("0123456789", 3))
# a disclosed count of information: '公开发布信息78条'
COUNT_RX = re.compile(
    r"(?:公开|发布(?!会)|公布|公示|上传|更新|推送)(?P<gap>[^,，。;；\d]{0,20}?)(?P<n>\d[\d,]*)\s*(?:余|多)?\s*[条篇则]"
)
# any count of items or documents: the sole count must be the only one under the heading
ANY_COUNT_RX = re.compile(r"\d[\d,]*\s*(?:余|多)?\s*[条篇则份件项]")
NOT_ITEMS_RX = re.compile(r"申请|复议|诉讼|咨询|受理|办结|请求|规范性文件|累计|历年")


def under_proactive_heading(sents: list[Sentence]) -> list[bool]:
    """For each sentence, whether it stands under a heading naming 主动公开 ('(一)政府信息
    主动公开情况', '1.主动公开。'), until a heading of the same or a higher level."""
    out: list[bool] = []
    level: int | None = None  # the 主动公开 heading's level while under it
    for sent in sents:
        if sent.base == 0 and HEADING_START_RX.match(sent.text):
            here = _heading_level(sent.text)
            if "主动公开" in sent.text[:30]:
                level = here
            elif level is not None and here <= level:
                level = None
        out.append(level is not None)
    return out


def _heading_level(heading: str) -> int:
    """一、 is 1, (一) is 2, 1. is 3."""
    first = heading.lstrip()[:1]
    return next((lvl for chars, lvl in HEADING_LEVEL if first in chars), 1)


def sole_count_under_heading(sents: list[Sentence], under: list[bool]) -> Figure | None:
    """The count of information when it is the only count of anything under the 主动公开
    heading ('鸭南微讯微信平台公开发布信息78条', nothing else counted there), though it names
    one channel; a second count there (a list, a breakdown, another channel) makes none."""
    counted = [n for n, sent in enumerate(sents) if under[n] and ANY_COUNT_RX.search(sent.text)]
    if len(counted) != 1:
        return None
    sent = sents[counted[0]]
    if len(ANY_COUNT_RX.findall(sent.text)) != 1:
        return None
    m = COUNT_RX.search(sent.text)
    if m is None or "信息" not in m["gap"] or sent.text.lstrip().startswith(("线上", "线下")):
        return None  # '线上,…71条': one half named as such
    if category_count(m.group(0)):
        return None  # '公开规划类信息6条': one category
    value = count(m["n"])
    if value is None or NOT_ITEMS_RX.search(sent.text, clause_start(sent.text, m.start()), m.start("n")):
        return None
    return Figure(value, sent.line_at(m.start("n")), sent.text.strip()[:120])
