"""Named features of a proactive-total candidate, kept as data (FEATURES, SHARES, CUE_WEIGHTS).

A feature with weight None rules the candidate out (it counts something else); the others
add their weight to the candidate's cue weight. A share rule names the sentences a
candidate shows to hold per-channel or per-category figures side by side: no count in
them is the total.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from generator.extract.channels import clause_start, partial
from generator.extract.proactive_cues import (
    INFO_AFTER_RX,
    INFO_BREAKDOWN_RX,
    INFO_RX,
    NOT_ITEMS_RX,
    TALLY_RX,
    TO_DATE,
    TOTAL_WORD_RX,
    Candidate,
)
from generator.extract.proactive_parts import (
    breakdown_chain,
    breakdown_part,
    category_count,
    heading_run_on,
    labelled_category,
    listed_category,
    mode_share,
    next_channel_counts,
    next_item_info,
    part_of_all_channels,
    produced_share,
)
from generator.extract.proactive_siblings import label_after_sibling, siblings, tail
from generator.extract.prose import Sentence, count
from generator.extract.vocab import LIST_UNITS
from generator.extract.vocab_proactive import DOCUMENT_NOUNS, FREQUENCY_WORDS, LIST_NOUNS

DOCUMENTS_RX = re.compile("|".join(DOCUMENT_NOUNS))
INFO_COUNT_RX = re.compile(r"信息数?\s*为?\s*(\d[\d,]*)\s*[条篇件]")  # '动态类信息数51条'
APPLIED_RX = re.compile(r"申请")  # '所申请信息已主动公开2件' counts answered applications
Test = Callable[[list[Sentence], Candidate], bool]


@dataclass(frozen=True)
class Feature:
    """A named test of a candidate and its weight (None: rules it out); `after` features
    read the words between cue and count, so a count printed before its cue skips them."""

    name: str
    test: Test
    weight: float | None = None
    after: bool = True


def _text(sents: list[Sentence], c: Candidate) -> str:
    return sents[c.n].text


def answered_application(sents: list[Sentence], c: Candidate) -> bool:
    """'所申请信息已主动公开2件': 申请 before 主动公开 in its clause, an application's outcome."""
    text = _text(sents, c)
    return c.cue.strong and APPLIED_RX.search(text, clause_start(text, c.verb), c.verb) is not None


def part_of_breakdown(sents: list[Sentence], c: Candidate) -> bool:
    """'全年街道公开政府信息43条,其中主动公开公文信息2条': 主动公开 after 其中 and a count
    (in its sentence, or the one before a run of sentences opened by 其中); not the 主动公开
    share of a split by mode ('共公开政府信息130条,其中主动公开125条,依申请公开5条')."""
    text = _text(sents, c)
    if c.cue.strong and breakdown_part(text, c.verb):
        return not mode_share(text, c.verb, c.end)
    return breakdown_chain(sents, c.n)


def runs_past_heading(sents: list[Sentence], c: Candidate) -> bool:
    """'公开…执法信息的情况 2025年行政检查13件': the count follows a heading's 情况."""
    return heading_run_on(c.gap)


def one_category(sents: list[Sentence], c: Candidate) -> bool:
    """'公开规划类信息6条': the words from cue to count name one category (X类信息), or
    its clause names one category's label ('重点领域公开政府信息数40条'); not the disclosed
    share of all items produced ('产生公文类信息160条,其中主动公开的公文类信息22条')."""
    text = _text(sents, c)
    if c.cue.strong and produced_share(text, c.verb):
        return False
    return (
        category_count(text[c.verb : c.at])
        or labelled_category(text[clause_start(text, c.verb) : c.at])
        or first_of_kinds(text, c)
    )


# what a count of everything is named by: '公开(各类)(政府)信息98条'
GENERIC_GAP_RX = re.compile(
    r"[了的]?(?:各类|各项|相关|有关|所有|全部)?(?:政府|政务)?(?:信息|事项)?(?:共计|共|合计)?\s*"
)
# a sibling 'name + count' after it: ',预决算信息1条', '、应急预案6条'
SIBLING_KIND_RX = re.compile(r"[,，、;；]\s*[^,，、;；。\d]{2,20}?\d+\s*[条件篇项个]")
TALLY_WORDS_RX = re.compile(r"共|合计|总计|总数|累计|其中|包括|包含|涵盖")


def first_of_kinds(text: str, c: Candidate) -> bool:
    """'本年度公开政府信息公开指南1条,预决算信息1条,应急预案信息6条': the count's own name is
    a kind (not 信息 alone, nor a list closed by 等), and two more kinds follow it with their
    counts, none tallied or broken down (共, 其中, 包括 …)."""
    if GENERIC_GAP_RX.fullmatch(c.gap) or "等" in c.gap or TALLY_WORDS_RX.search(text):
        return False
    return len(SIBLING_KIND_RX.findall(text, c.end)) >= 2


def documents_not_items(sents: list[Sentence], c: Candidate) -> bool:
    """'文件11份', '更新两次': 份/项/次 count items only with 信息 or 事项 named
    ('主动公开事项共计273余项')."""
    text = _text(sents, c)
    named = any(w in c.gap for w in LIST_NOUNS.get(c.unit, ("信息",)))  # no unit: 信息
    return c.unit in LIST_UNITS and not named and not INFO_AFTER_RX.match(text, c.end)


def documents_among_kinds(sents: list[Sentence], c: Candidate) -> bool:
    """'主动公开政府发文4条,其中业务工作4条;动态类信息数51条;通知公告数4条': a count of
    documents (no 信息 named) with a larger count of information after it in its sentence
    or the ones its semicolons run on to: one kind among several, no total."""
    if not DOCUMENTS_RX.search(c.gap) or "信息" in c.gap:
        return False
    after = _text(sents, c)[c.end :] + tail(sents, c.n)
    return any((count(m.group(1)) or 0) > c.fig.value for m in INFO_COUNT_RX.finditer(after))


def how_often(sents: list[Sentence], c: Candidate) -> bool:
    """'至少一周更新发布一次信息', '每月公开两次': a count in 次 after a period word says how often."""
    text = _text(sents, c)
    clause = text[clause_start(text, c.verb) : c.at]
    return c.unit == "次" and any(w in clause for w in FREQUENCY_WORDS)


# '在主动公开的信息中…方面的信息有70条': a part of the disclosed items, named as such;
# '…领域,…全年发布相关信息1000余条': the information related to the topic named before
AMONG_DISCLOSED_RX = re.compile(r"在[^,，。;；]{0,8}公开的[^,，。;；]{0,6}信息中")
RELATED_INFO_RX = re.compile(r"(?:相关|有关)(?:政府|政务)?信息\s*$")


def part_named(sents: list[Sentence], c: Candidate) -> bool:
    """'在主动公开的信息中与公众密切相关的重大事项方面的信息有70条': the clause scopes the
    count to a part of what was disclosed; '全年发布相关信息1000余条': to the topic before."""
    text = _text(sents, c)
    clause = text[clause_start(text, c.verb) : c.at]
    head = text[max(0, c.verb - 20) : c.at]
    return bool(AMONG_DISCLOSED_RX.search(head) or RELATED_INFO_RX.search(clause))


# '一项重要工作', '一个窗口': 一 as an article before a noun, not a count
ARTICLE_NOUN_RX = re.compile(r"\s*[\u4e00-\u9fff]")


def article_one(sents: list[Sentence], c: Candidate) -> bool:
    """'把政府信息公开作为…的一项重要工作': the character 一 with its unit before a noun other
    than information ('公开一条信息' counts one) is the article 'a', not a count."""
    text = _text(sents, c)
    return (
        text[c.at : c.at + 1] == "一"
        and c.unit != ""
        and bool(ARTICLE_NOUN_RX.match(text, c.end))
        and not INFO_AFTER_RX.match(text, c.end)
    )


def names_no_information(sents: list[Sentence], c: Candidate) -> bool:
    """Without 主动, the count must name information ('公开信息373条', '政府信息公开566条',
    '公开机构职能、政策法规共计32条', '发布59条,其中政策公告类信息57条'), or be tallied
    before its verb ('全年共发布212条')."""
    if c.cue.strong:
        return False
    text = _text(sents, c)
    start = clause_start(text, c.verb)
    named = (
        INFO_RX.search(text, start, c.at)
        or TOTAL_WORD_RX.search(text, c.verb, c.at)
        or TALLY_RX.search(text, start, c.verb)
    )
    return not (INFO_AFTER_RX.match(text, c.end) or named or INFO_BREAKDOWN_RX.match(text, c.end))


def _said(sents: list[Sentence], c: Candidate) -> str:
    """The words from the cue (its whole clause when weak) to the count: '依申请公开3件'."""
    text = _text(sents, c)
    start = c.verb - 3 if c.cue.strong else clause_start(text, c.verb)
    return text[max(0, start) : c.at]


def other_things(sents: list[Sentence], c: Candidate) -> bool:
    """'依申请公开3件', '受理…请求1件', '规范性文件发布数量3条': no disclosed items."""
    return NOT_ITEMS_RX.search(_said(sents, c)) is not None


def one_channel(sents: list[Sentence], c: Candidate) -> bool:
    """'公众号公开…331篇', '线上,…71条': one channel's share (see channels.partial)."""
    return partial(_text(sents, c), c.cue_end, c.at)


def channel_part(sents: list[Sentence], c: Candidate) -> bool:
    """'通过多种渠道公开政府信息共500条。1.通过政府网站主动公开…210条': one channel's count
    after a larger total over all channels."""
    return part_of_all_channels(sents, c.n, c.verb, c.at, c.fig.value)


def list_item(sents: list[Sentence], c: Candidate) -> bool:
    """'公开财政预决算信息2条、行政执法信息3条': one item of a list of categories (a total
    word keeps it unless the next item names information too)."""
    text = _text(sents, c)
    if not listed_category(text, c.end):
        return False
    return not TOTAL_WORD_RX.search(_said(sents, c)) or next_item_info(text, c.end)


def to_date(sents: list[Sentence], c: Candidate) -> bool:
    """'到目前累计…100条': all years' count, and no year's own figure was found."""
    return c.fig.note == TO_DATE


FEATURES: tuple[Feature, ...] = (
    Feature("answered_application", answered_application, after=False),
    Feature("part_of_breakdown", part_of_breakdown, after=False),
    Feature("runs_past_heading", runs_past_heading),
    Feature("one_category", one_category),
    Feature("documents_not_items", documents_not_items),
    Feature("documents_among_kinds", documents_among_kinds),
    Feature("how_often", how_often),
    Feature("article_one", article_one),
    Feature("part_named", part_named),
    Feature("names_no_information", names_no_information),
    Feature("other_things", other_things),
    Feature("one_channel", one_channel),
    Feature("channel_part", channel_part),
    Feature("list_item", list_item),
    Feature("to_date", to_date),
)
# how much each kind of cue says the count is the total (see proactive_cues.CUES)
CUE_WEIGHTS: dict[str, float] = {"strong": 8.0, "heading": 4.0, "total": 2.0, "plain": 1.0}


def sibling_category(sents: list[Sentence], c: Candidate) -> set[int]:
    """'发布动态信息165条;发布法定主动公开内容1条': 主动公开 labels one category after a
    sibling's count in the sentence before."""
    return {c.n - 1, c.n} if c.cue.strong and label_after_sibling(sents, c.n, c.verb) else set()


def sibling_channels(sents: list[Sentence], c: Candidate) -> set[int]:
    """'网站主动公开217条、公众号主动公开308条': another channel's count follows, no total
    (in the sentence, or the next after a semicolon)."""
    if c.before:
        return set()
    found = siblings(sents[c.n], c.verb, c.end, c.cue.strong, tail(sents, c.n))
    return {c.n, c.n + 1} if found == 2 else {c.n} if found == 1 else set()


def channel_per_sentence(sents: list[Sentence], c: Candidate) -> set[int]:
    """'网站…更新政务信息62条。…微信公众号…发布信息685条': channels one per sentence."""
    if c.before or c.cue.strong:
        return set()
    return next_channel_counts(sents, c.n, c.verb, c.end)


ShareRule = Callable[[list[Sentence], Candidate], set[int]]
SHARES: tuple[ShareRule, ...] = (sibling_category, sibling_channels, channel_per_sentence)


def ruled_out(sents: list[Sentence], c: Candidate) -> str | None:
    """The name of the first feature that rules the candidate out, or None."""
    for f in FEATURES:
        if f.weight is None and not (c.before and f.after) and f.test(sents, c):
            return f.name
    return None


def score(sents: list[Sentence], c: Candidate) -> float:
    """The cue's weight plus the weights of the candidate's features."""
    extra = sum(f.weight for f in FEATURES if f.weight is not None and f.test(sents, c))
    return CUE_WEIGHTS[c.cue.name] + extra


def shares(sents: list[Sentence], c: Candidate) -> set[int]:
    """The sentences the candidate shows to hold side-by-side shares (first rule that finds any)."""
    for rule in SHARES:
        found = rule(sents, c)
        if found:
            return found
    return set()
