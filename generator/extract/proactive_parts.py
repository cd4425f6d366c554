"""Counts near a proactive total that are not it: its parts, one category of a list, one
channel's numbered item or sentence, a channel's media publicity, or a count run on from a
heading; and a count printed before 主动公开 ('并发布了94篇法定主动公开内容').

Each rule reads the sentence the proactive rules matched (see proactive.py):
  '公开财政预决算信息2条、行政执法信息3条'          one category of a list, no total
  '全年公开政府信息43条,其中主动公开公文信息2条'    a 主动公开 part after 其中: the total is before
  '1.门户网站…共发布信息89条' '2.官方微信…共推送1039条'  numbered per-channel items, no total
  '网站主动公开信息127条,通过报刊…公开信息280余篇'   media publicity beside the labelled count
  '公开…执法信息的情况 2025年行政检查13件'          a heading's words run into another count
"""

from __future__ import annotations

import re

from generator.extract.channels import CHANNEL_RX, GENERIC_CHANNELS, channels_listed, clause_start
from generator.extract.prose import NUMBER, Sentence, count
from generator.extract.vocab import INFO_NOUNS, ITEM_UNITS, MEDIA_WORDS, PARTIAL_CHANNELS
from generator.extract.vocab_proactive import ALL_CHANNEL_WORDS, CATEGORY_LABELS, PRODUCE_VERBS
from generator.records import Figure

# the next item of a list of categories: '、行政执法信息3条'
LIST_NEXT_RX = re.compile(r"\s*、\s*[^,，。;；、\d]{1,15}?\d[\d,]*\s*[条件篇项]")
# a disclosed count before 其中: '全年街道公开政府信息43条,其中…'
COUNT_BEFORE_RX = re.compile(r"(?:公开|发布|公布)[^,，。;；]{0,20}?\d[\d,]*\s*[条件篇]")
MEDIA_RX = re.compile("|".join(MEDIA_WORDS))
INFO_RX = re.compile("|".join(INFO_NOUNS))
VERB_RX = re.compile(r"公开|发布|公示|公布|上传|录入|更新|推送|发送")
ITEM_RX = re.compile(r"^\s*(?:(?P<arabic>\d{1,2})\s*[.、．]|[(（](?P<cn>[一二三四五六七八九十])[)）])")
COUNT_RX = re.compile(r"\d[\d,]*\s*[条件篇]")
LABEL_COLON_RX = re.compile(r"\s*[:：]\s*$")
# a channel's own count in a sentence: '微信公众号累计发布信息685条', '公众号发布信息共122篇'
CHANNEL_COUNT_RX = re.compile(
    r"(?P<channel>" + CHANNEL_RX.pattern + r")[^,，。;；\d]{0,20}?"
    r"(?:公开|发布|公布|更新|推送|上传)[^,，。;；\d]{0,12}?(?:\d[\d,]*\s*条|共计?\s*\d[\d,]*\s*篇)"
)
# the count before 主动公开: '并发布了94篇法定主动公开内容'
BEFORE_RX = re.compile(
    r"(?:发布|公开|公布)了?\s*" + NUMBER + r"\s*(?:余|多)?\s*[" + ITEM_UNITS + r"]\s*(?:法定)?$"
)
NOUN_AFTER_RX = re.compile(r"的?(?:政府|政务)?(?:信息|内容|事项)")
CN_ORDER = "一二三四五六七八九十"
ALL_CHANNELS_RX = re.compile("|".join(sorted(ALL_CHANNEL_WORDS, key=len, reverse=True)))
# a total over every channel: '通过多种渠道公开政府信息共500条'
ALL_TOTAL_RX = re.compile(
    r"(?:" + ALL_CHANNELS_RX.pattern + r")[^。;；\d]{0,20}?(?:" + VERB_RX.pattern + r")[^。;；\d]{0,16}?"
    r"(?P<n>\d[\d,]*)\s*(?:余|多)?\s*[" + ITEM_UNITS + r"]"
)
BACK = 3  # how many sentences back an all-channels total is looked for
# one category's information: '规划类信息', '公告公示类政务信息' (not '各类信息', '等类信息')
CATEGORY_RX = re.compile(r"[^\s各多两几等此该这本全诸、,，]类(?:政府|政务)?(?:信息|文件)")
# several kinds joined and totalled: '各类信息及工作动态类信息合计', '机构职能类、动态类信息共计'
KINDS_TOTAL_RX = re.compile(
    r"(?:及|和|与|、)[^,，。;；]{0,12}?类(?:政府|政务)?(?:信息|文件)?[^,，。;；]{0,4}?(?:合计|共计|总计|共)"
)
# a count of the items produced (made, issued) before 其中: '共制发政府信息130件'
PRODUCED_RX = re.compile(
    r"(?:" + "|".join(PRODUCE_VERBS) + r")[^,，。;；]{0,20}?\d[\d,]*\s*[" + ITEM_UNITS + r"份]"
)
# the next part of a split by mode: ',依申请公开5条'
MODE_NEXT_RX = re.compile(r"[^。;；\d]{0,6}?依申请")
REACH_BACK = 40  # how far before 其中 a total's words are read
# a category label not counted over all of its kind: '重点领域…' (not '12个重点领域', '各重点领域',
# '财政、社保等重点领域': a list of areas closed by 等)
LABEL_RX = re.compile(r"(?<![个各全所有部等])(?:" + "|".join(CATEGORY_LABELS) + r")")


def listed_category(sentence: str, end: int) -> bool:
    """'公开财政预决算信息2条、行政执法信息3条、街道工作动态1条': the count ending at end
    is followed by another category's count after 、 (a list, not a total); a next item with
    its own verb is another channel's clause ('…120条、公众号主动公开300条'), not a category."""
    m = LIST_NEXT_RX.match(sentence, end)
    return m is not None and not VERB_RX.search(m.group(0))


def next_item_info(sentence: str, end: int) -> bool:
    """'发布信息8条、业务工作信息17条': the next listed item names information too, so the
    list counts categories even after 全年/累计."""
    m = LIST_NEXT_RX.match(sentence, end)
    return m is not None and "信息" in m.group(0)


def category_count(gap: str) -> bool:
    """'公开规划类信息6条', '公开公文类信息6件': the words before the count name one category
    (X类信息), not all information ('各类信息', '多类政务信息') nor several kinds joined and
    totalled ('公开各类信息及工作动态类信息合计193条')."""
    return bool(CATEGORY_RX.search(gap)) and not KINDS_TOTAL_RX.search(gap)


def produced_share(sentence: str, start: int) -> bool:
    """'共计产生公文类政府信息160条,其中主动公开的公文类信息有22条': the 主动公开 at start
    follows 其中 and a count of the items produced, so it is the disclosed share of all of
    them (the year's total), though it names their kind."""
    cut = sentence.rfind("其中", 0, start)
    return cut >= 0 and bool(PRODUCED_RX.search(sentence, 0, cut))


def labelled_category(clause: str) -> bool:
    """'重点领域公开政府信息数40条': the count's clause names one category's label."""
    return bool(LABEL_RX.search(clause))


def breakdown_part(sentence: str, start: int) -> bool:
    """'全年街道公开政府信息43条,其中主动公开公文信息2条': the 主动公开 at start follows 其中
    and a disclosed count before it, so it is a part of that total."""
    cut = max(sentence.rfind("其中", 0, start), sentence.rfind("包括", 0, start))
    return cut >= 0 and bool(COUNT_BEFORE_RX.search(sentence, 0, cut))


def mode_share(sentence: str, start: int, end: int) -> bool:
    """'共公开政府信息130条,其中主动公开125条,依申请公开5条': the 主动公开 part (start to end)
    of a total split by mode (依申请公开 next), the total itself not 主动公开 nor applications."""
    cut = sentence.rfind("其中", 0, start)
    total = sentence[max(0, cut - REACH_BACK) : cut]  # not '收到…申请11件,其中:主动公开1件'
    return "主动" not in total and "申请" not in total and bool(MODE_NEXT_RX.match(sentence, end))


def publicity(rest: str, verb: int, end: int) -> bool:
    """'通过报刊、各级各类媒体平台公开信息280余篇', '通过新媒体…公布政务信息129条': a sibling
    count (its clause up to end) without 主动 that counts media publicity, not disclosed items."""
    clause = rest[clause_start(rest, verb) : end]
    online = any(w in clause for w in PARTIAL_CHANNELS)  # '通过政务微信等新媒体发布…': a channel
    return "主动" not in clause and not online and bool(MEDIA_RX.search(clause))


def heading_run_on(gap: str) -> bool:
    """'公开综合监管和监察执法信息的情况 2025年行政检查13件': the words between verb and count
    pass a heading's 情况 (or 类别: '主动公开政府信息的主要类别要闻快递27条') and then name
    no information and no verb (another count)."""
    at = max(gap.rfind("情况"), gap.rfind("类别"))
    if at >= 0 and LABEL_COLON_RX.match(gap, at + 2):
        return False  # '主动公开政府信息的情况:40条': the label's own count after its colon
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


def _own_channel(text: str) -> str | None:
    """The one channel a clause names ('通过…门户网站累计更新' -> '网站'), None if none or several
    (or all of them: '通过各类公开平台')."""
    if ALL_CHANNELS_RX.search(text):
        return None
    found = CHANNEL_RX.findall(text)
    names = {w for w in found if w not in GENERIC_CHANNELS}
    if not names and "平台" in found and "等" not in text:
        return "平台"  # '在政务公开平台公布信息共计60条': the platform is its channel
    return names.pop() if len(names) == 1 and not channels_listed(text) else None


def next_channel_counts(sents: list[Sentence], n: int, verb: int, end: int) -> set[int]:
    """'通过门户网站累计更新政务信息62条,涵盖….' then '…微信公众号累计发布信息685条':
    the count (its verb at verb, ending at end) names one channel, and later sentences of
    its paragraph count another channel's items in 条: per-channel figures, no total.
    The sentences of those counts (with n), or an empty set."""
    sent = sents[n]
    channel = _own_channel(sent.text[clause_start(sent.text, verb) : end])
    if channel is None:
        return set()
    others: set[int] = set()
    found_other = False
    for k in range(n + 1, min(n + 6, len(sents))):
        if sents[k].starts is not sent.starts:
            break
        for m in CHANNEL_COUNT_RX.finditer(sents[k].text):
            names = {w for w in CHANNEL_RX.findall(m.group(0)) if w not in GENERIC_CHANNELS}
            if names:
                others.add(k)
                found_other = found_other or channel not in names
    return others | {n} if found_other else set()


def count_before(sent: Sentence, verb: int, end: int) -> Figure | None:
    """'并发布了94篇法定主动公开内容': the count of the items right before 主动公开 and its noun."""
    m = BEFORE_RX.search(sent.text, max(0, verb - 20), verb)
    if m is None or not NOUN_AFTER_RX.match(sent.text, end):
        return None
    value = count(m["n"])
    if value is None or not m["n"][0].isdigit():
        return None
    return Figure(value, sent.line_at(m.start("n")), sent.text.strip()[:120])


def part_of_all_channels(sents: list[Sentence], n: int, verb: int, at: int, value: int) -> bool:
    """'通过多种渠道公开政府信息共500条。1.通过政府网站主动公开政府信息210条': the
    count (its cue at verb, its number at at) names one channel, and a total over all channels
    larger than it comes before (in its sentence or up to BACK sentences back): a part of it."""
    text = sents[n].text
    start = clause_start(text, verb)
    if _own_channel(text[start:at]) is None:
        return False
    for k in range(n, max(-1, n - BACK - 1), -1):
        end = start if k == n else len(sents[k].text)
        for m in ALL_TOTAL_RX.finditer(sents[k].text, 0, end):
            found = count(m["n"])
            if found is not None and found > value:
                return True
    return False


def breakdown_chain(sents: list[Sentence], n: int) -> bool:
    """'重点领域公开政府信息数40条。其中主动公开…信息9条;主动公开…信息14条;': sentence n
    opens with 其中, or follows one that does through semicolons, and the sentence before
    that (same paragraph) counts disclosed items: n holds parts of that count."""
    k = n
    while (
        k > 0 and sents[k - 1].starts is sents[k].starts and sents[k - 1].text.rstrip().endswith((";", "；"))
    ):
        k -= 1
    if k == 0 or not sents[k].text.lstrip().startswith("其中") or sents[k - 1].starts is not sents[k].starts:
        return False
    return COUNT_BEFORE_RX.search(sents[k - 1].text) is not None
