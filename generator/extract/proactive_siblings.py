"""Sibling counts: per-channel or per-category figures side by side, so none is the total.

'在网站主动公开信息217条、公众号主动公开信息308条'       two channels, no total
'通过网站公开信息23条;通过平台公开信息154条'             siblings across a semicolon
'发布动态信息165条;发布法定主动公开内容1条'             categories, one per clause
'主动公开信息204条,网站163条,公众号23条,公开栏18条'     parts adding up: a total
"""

from __future__ import annotations

import re

from generator.extract.channels import (
    CHANNEL_RX,
    REACH,
    THROUGH_RX,
    channels_listed,
    clause_start,
    distributive,
)
from generator.extract.proactive_cues import (
    HEAD_VERB_RX,
    LAST_COUNT_RX,
    NEAR_RX,
    NOT_ITEMS_RX,
    PART_RX,
    PLAIN_VERB_RX,
    TOTAL_WORD_RX,
)
from generator.extract.proactive_parts import COUNT_BEFORE_RX, listed_category, publicity
from generator.extract.prose import Sentence, count
from generator.extract.vocab import PARTIAL_CHANNELS
from generator.extract.vocab_proactive import ALL_KINDS_WORDS


def siblings(sent: Sentence, verb_start: int, at: int, strong: bool, tail: str = "") -> int:
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
        if _breaks_down(text[verb_start:at], rest, m, value):
            return 0  # '发布各类政务信息300条,在网站主动公开机构信息3条、财政信息16条': its breakdown
        if (
            v.start() >= len(own)
            and v.group(0) != _last_verb(text, verb_start, at)
            and not _online(rest, v.start())
        ):
            return 0  # the next sentence counts something else ('在报刊发布新闻报道20篇')
        if total and not distributive(text[total.end() : at], rest[: v.start()]):
            if not _exceeds(m, value) or not _labelled(text[start:at]):
                return 0  # '共主动公开信息300条;通过网站公开…200条': a total, then its parts
            # '…共发布信息66条,通过公众号发布信息527条' (both channels'); but '共公开政府信息15条,
            # 在网站发布工作动态38条': a total through no channel, and a larger count of another kind
        return 1 if v.start() < len(own) else 2
    return 0


def _breaks_down(said: str, rest: str, sibling: re.Match[str], value: int) -> bool:
    """The count names all kinds of information ('发布各类政务信息300条') and the next count,
    smaller, opens a list of single categories ('…机构职能信息5条、财政预决算信息16条'): a
    breakdown of it, not a sibling."""
    n = count(sibling["n"])
    return (
        any(w in said for w in ALL_KINDS_WORDS)
        and n is not None
        and n < value
        and listed_category(rest, sibling.end())
    )


def _online(rest: str, verb: int) -> bool:
    """'…;通过某某APP发布信息716条': the sibling's clause names an online channel of its own."""
    clause = rest[clause_start(rest, verb) : verb]
    return any(w in clause for w in PARTIAL_CHANNELS)


def parts_sum_to(rest: str, value: int) -> bool:
    """Two or more counts after a count that add up to it exactly are its parts, not siblings."""
    parts = [count(m.group(1)) for m in PART_RX.finditer(rest)]
    return value > 0 and len(parts) >= 2 and None not in parts and sum(p or 0 for p in parts) == value


def _labelled(clause: str) -> bool:
    """The totalled count's clause names its channel ('通过网站共发布…', '我镇通过某某镇人民政府…')."""
    return bool(CHANNEL_RX.search(clause) or THROUGH_RX.search(clause))


def _exceeds(sibling: re.Match[str], value: int) -> bool:
    """The sibling count is larger than the total before it: no part of it."""
    n = count(sibling["n"])
    return n is not None and n > value


def label_after_sibling(sents: list[Sentence], n: int, at: int) -> bool:
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


def tail(sents: list[Sentence], n: int) -> str:
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
