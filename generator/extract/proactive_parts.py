"""Counts near a proactive total that are not it: its parts, one category of a list, one
channel's numbered item, a channel's media publicity, or a count run on from a heading.

Each rule reads the sentence the proactive rules matched (see proactive.py):
  '公开财政预决算信息2条、行政执法信息3条'          one category of a list, no total
  '全年公开政府信息43条,其中主动公开公文信息2条'    a 主动公开 part after 其中: the total is before
  '1.门户网站…共发布信息89条' '2.官方微信…共推送1039条'  numbered per-channel items, no total
  '网站主动公开信息127条,通过报刊…公开信息280余篇'   media publicity beside the labelled count
  '公开…执法信息的情况 2025年行政检查13件'          a heading's words run into another count
"""

from __future__ import annotations

import re

from generator.extract.channels import CHANNEL_RX, clause_start
from generator.extract.prose import Sentence
from generator.extract.vocab import INFO_NOUNS, MEDIA_WORDS

# the next item of a list of categories: '、行政执法信息3条'
LIST_NEXT_RX = re.compile(r"\s*、\s*[^,，。;；、\d]{1,15}?\d[\d,]*\s*[条件篇项]")
# a disclosed count before 其中: '全年街道公开政府信息43条,其中…'
COUNT_BEFORE_RX = re.compile(r"(?:公开|发布|公布)[^,，。;；]{0,20}?\d[\d,]*\s*[条件篇]")
MEDIA_RX = re.compile("|".join(MEDIA_WORDS))
INFO_RX = re.compile("|".join(INFO_NOUNS))
VERB_RX = re.compile(r"公开|发布|公示|公布|上传|录入|更新|推送|发送")
ITEM_RX = re.compile(r"^\s*(?:(?P<arabic>\d{1,2})\s*[.、．]|[(（](?P<cn>[一二三四五六七八九十])[)）])")
COUNT_RX = re.compile(r"\d[\d,]*\s*[条件篇]")
CN_ORDER = "一二三四五六七八九十"


def listed_category(sentence: str, end: int) -> bool:
    """'公开财政预决算信息2条、行政执法信息3条、街道工作动态1条': the count ending at end
    is followed by another category's count after 、 (a list, not a total); a next item with
    its own verb is another channel's clause ('…120条、公众号主动公开300条'), not a category."""
    m = LIST_NEXT_RX.match(sentence, end)
    return m is not None and not VERB_RX.search(m.group(0))


def breakdown_part(sentence: str, start: int) -> bool:
    """'全年街道公开政府信息43条,其中主动公开公文信息2条': the 主动公开 at start follows 其中
    and a disclosed count before it, so it is a part of that total."""
    cut = sentence.rfind("其中", 0, start)
    return cut >= 0 and bool(COUNT_BEFORE_RX.search(sentence, 0, cut))


def publicity(rest: str, verb: int, end: int) -> bool:
    """'通过报刊、各级各类媒体平台公开信息280余篇', '通过新媒体…公布政务信息129条': a sibling
    count (its clause up to end) without 主动 that counts media publicity, not disclosed items."""
    clause = rest[clause_start(rest, verb) : end]
    return "主动" not in clause and bool(MEDIA_RX.search(clause))


def heading_run_on(gap: str) -> bool:
    """'公开综合监管和监察执法信息的情况 2025年行政检查13件': the words between verb and count
    pass a heading's 情况 and then name no information and no verb (another count)."""
    at = gap.rfind("情况")
    return at >= 0 and not INFO_RX.search(gap, at) and not VERB_RX.search(gap, at)


def _item(sents: list[Sentence], k: int) -> tuple[int, str] | None:
    """(number, channel) of a paragraph opening with a numbered item naming one channel:
    '1.门户网站主动公开政府信息情况。' -> (1, '网站')."""
    m = ITEM_RX.match(sents[k].text)
    if m is None:
        return None
    channel = CHANNEL_RX.search(sents[k].text, m.end(), m.end() + 20)
    if channel is None:
        return None
    number = int(m["arabic"]) if m["arabic"] else CN_ORDER.index(m["cn"]) + 1
    return number, channel.group(0)


def channel_items(sents: list[Sentence]) -> set[int]:
    """Sentences of numbered items that each name another channel and each give a count
    ('1.门户网站…共发布信息89条' then '2.官方微信…共推送1039条'): per-channel figures."""
    heads = [(k, item) for k, s in enumerate(sents) if s.base == 0 and (item := _item(sents, k)) is not None]
    if len(heads) < 2:
        return set()
    paragraphs: list[tuple[int, str, list[int]]] = []
    for k, item in heads:
        end = k + 1
        while end < len(sents) and sents[end].starts is sents[k].starts:
            end += 1
        if any(COUNT_RX.search(sents[j].text) for j in range(k, end)):
            paragraphs.append((item[0], item[1], list(range(k, end))))
    out: set[int] = set()
    for (num_a, chan_a, sents_a), (num_b, chan_b, sents_b) in zip(paragraphs, paragraphs[1:], strict=False):
        if num_b == num_a + 1 and chan_a != chan_b:
            out.update(sents_a + sents_b)
    return out
