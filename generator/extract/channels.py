"""Channels a disclosed count is labelled with: '在网站公开…', '通过微信公众号发布…'.

A count read with one partial channel ('公众号', '线上') is that channel's share, not the
total; several channels named before one verb ('通过网站、公众号等') total them all.
"""

from __future__ import annotations

import re

from generator.extract.vocab import PARTIAL_CHANNELS, REPORT_CHANNELS

CHANNEL_VERB_RX = re.compile(r"(?:" + "|".join(PARTIAL_CHANNELS) + r")(?:平台)?(?:公开|发布|推送)")
CHANNEL_RX = re.compile("|".join(sorted(set(REPORT_CHANNELS + PARTIAL_CHANNELS), key=len, reverse=True)))
GENERIC_CHANNELS = frozenset({"平台", "网"})
CLAUSE_SPLIT_RX = re.compile(r"[,，:：]")
# '通过', '在', '利用' … opening a channel's clause: '累计通过网站公开…;通过平台公开…', maybe
# after the township naming itself: '全年我镇在市政府门户网站…,在镇门户网站…'
CHANNEL_LEAD_RX = re.compile(r"\s*(?:[我本全该](?:镇|乡|街道|街|苏木))?\s*(通过|利用|依托|借助|在)")
# a clause that sends its count through something: '我镇通过某某镇人民政府共发布…'
THROUGH_RX = re.compile(r"通过|利用|依托|借助")
# '微信公众号等线上平台', '抖音等新媒体': 等 closing a list of online channels only
ONLINE_ONLY_RX = re.compile(r"等(?:[^,，、]{0,4}?)(?:线上|新媒体)")
REACH = 120  # how far the channel and list rules look around a count


def clause_start(sentence: str, pos: int) -> int:
    """Where the clause holding pos starts (after the last comma or colon, at most
    REACH characters back: a clause that long is no clause, and the scan stays linear)."""
    lo = max(0, pos - REACH)
    return max(lo, max(sentence.rfind(c, lo, pos) for c in ",，:：") + 1)


def partial(sentence: str, verb: int, number: int) -> bool:
    """One channel's share, not the total: '线上,…71条', '公众号公开…331篇', '通过微信发布25条'."""
    start = clause_start(sentence, verb)
    clause = sentence[start:number]
    both = "线上" in clause and "线下" in clause
    # several channels listed: their total
    listed = "、" in clause or _closed_list(clause) or both or channel_count(clause) >= 2
    if not listed and any(w in clause for w in PARTIAL_CHANNELS):
        return True
    if not both and new_media_only(clause):
        return True  # '依托微信公众号、视频号等平台…发布各类政务信息100余条': the new-media share
    if not CHANNEL_RX.search(clause) and channel_speaks(sentence[max(0, start - REACH) : start]):
        return True  # '微信公众号…发布工作动态447条,推送…信息90条': the channel still speaks
    if sentence.lstrip().startswith(("线上", "线下")):
        return True
    return not both and bool(CHANNEL_VERB_RX.search(sentence, max(0, number - REACH), number))


def new_media_only(clause: str) -> bool:
    """'依托微信公众号、视频号等平台': two or more channels named, every one a partial one
    (线上 and 线下 together are every channel)."""
    names = {w for w in CHANNEL_RX.findall(clause) if w not in GENERIC_CHANNELS}
    return (
        len(names) >= 2
        and not {"线上", "线下"} <= names
        and all(any(p in w for p in PARTIAL_CHANNELS) for w in names)
    )


def channel_speaks(before: str) -> bool:
    """The last clause before that names a channel names one partial channel alone."""
    for clause in reversed(CLAUSE_SPLIT_RX.split(before)):
        if CHANNEL_RX.search(clause):
            both = "线上" in clause and "线下" in clause
            listed = "、" in clause or _closed_list(clause) or both
            return (not listed and any(w in clause for w in PARTIAL_CHANNELS)) or new_media_only(clause)
    return False


def _closed_list(clause: str) -> bool:
    """'通过网站、公众号等': a list closed by 等, unless it closes online channels only
    ('通过微信公众号等线上平台': the online share)."""
    return "等" in clause and not ONLINE_ONLY_RX.search(clause)


def channels_listed(before: str) -> bool:
    """'通过网站、公众号、公示栏等': several channels named before one verb."""
    return "等" in before or channel_count(before) >= 2


def channel_count(text: str) -> int:
    """How many different channels text names ('政府网站和微信公众号' -> 2)."""
    return len({w for w in CHANNEL_RX.findall(text) if w not in GENERIC_CHANNELS})


def distributive(after_total: str, sibling: str) -> bool:
    """'全苏木累计通过网站公开信息23条;通过平台公开信息154条': the total word opens a run of
    clauses that each name their channel with the same lead ('通过…'), so it totals none."""
    lead = CHANNEL_LEAD_RX.match(after_total)
    if lead is None or not CHANNEL_RX.search(after_total):
        return False
    return sibling.lstrip(" ;；,，、").startswith(lead.group(1))
