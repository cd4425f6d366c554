"""The proactive total: items a township disclosed on its own initiative in the year.

Candidate and score: every count after a disclosure cue is a candidate (proactive_cues:
'共主动公开政府信息98件', under a 主动公开 heading '更新各类信息76条', '全年共上传信息385条',
'通过网站公开2条信息'); named features rule out counts of something else (applications, one
category, one channel's share, documents in 份, all years to date) or add weight
(proactive_features); share rules mark sentences holding per-channel or per-category figures
side by side with no total ('网站主动公开217条、公众号主动公开308条' -> null).
Each kind of cue is read as a whole before any candidate is ranked: the year's stated total
(proactive_stated: '全年共主动公开政府信息200条', a total after its channels' counts, a
bare '共计432条' closing them) wins over every channel count, share and cumulative figure
of that kind. Else the best-scored candidate wins, the earliest on a tie, unless a share
rule marks it (then the next); once the 主动公开 part is read as shares, a weak count
outside it is no total either. With none, the one count of information under the 主动公开
heading ('微信平台公开发布信息78条'), else None.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from generator.extract.proactive_cues import CUES, Candidate, collect, countable
from generator.extract.proactive_features import (
    CUE_WEIGHTS,
    FEATURES,
    ruled_out,
    score,
    shares,
    sibling_channels,
)
from generator.extract.proactive_heading import sole_count_under_heading, under_proactive_heading
from generator.extract.proactive_parts import channel_items
from generator.extract.proactive_stated import stated_total
from generator.extract.prose import Sentence
from generator.records import Figure

# a count ruled out as one category's or one channel's share still shows that the counts
# beside it are shares ('网站发布动态类信息26条,利用公开栏…发布信息2000余条' -> null)
# when it is its sentence's first count (a total before it is broken down by them)
SIDE_BY_SIDE_PARTS = frozenset({"one_category", "one_channel"})
# the kinds of cue a stated total is looked for after: the weaker kinds read under the
# heading only the counts the heading kind has read already
STATED_CUES = frozenset({"strong", "heading"})


def read_proactive_total(sents: list[Sentence], year: int | None) -> Figure | None:
    """The best candidate of the year's sentences that no feature rules out and no share
    rule marks, or the sole count under the 主动公开 heading."""
    sents = [s for s in sents if not s.earlier_year(year) or _year_after(s.text, year)]
    under = under_proactive_heading(sents)
    items = channel_items(sents)
    marked: set[int] = set(items)
    counted = countable(sents)
    # a cue outweighs every feature bonus (see CUE_WEIGHTS), so the cues are read one kind at
    # a time, strongest first, and a weaker kind only when a stronger one leaves no count
    for cue in sorted(CUES, key=lambda c: -CUE_WEIGHTS[c.name]):
        kept, seen, read = [], set(), []
        for c in collect(sents, year, under, cue, counted):
            why = ruled_out(sents, c)
            read.append((c, why))
            if why is None:
                kept.append(c)
            elif why in SIDE_BY_SIDE_PARTS and c.n not in seen:
                marked |= sibling_channels(sents, c)  # a sentence's first count: no total before it
            seen.add(c.n)
        stated = stated_total(sents, read, year, items, under) if cue.name in STATED_CUES else None
        if stated is not None:
            return stated  # the year's stated total: no channel count or share outweighs it
        for c in ranked(sents, kept):
            if c.n in marked or (not cue.strong and not under[c.n] and _part_shared(marked, under)):
                continue
            found = shares(sents, c)
            if not found:
                return c.fig
            marked |= found  # side-by-side shares: no count in these sentences is the total
    return sole_count_under_heading(sents, under)


def _year_after(text: str, year: int | None) -> bool:
    """'2019年主动公开政府信息120条,2020年主动公开政府信息150条': a sentence opening with an
    earlier year goes on to a clause of the year reported (its earlier clauses are left out
    by the candidates, see proactive_cues._earlier_clause)."""
    return year is not None and re.search(rf"[,，;；]\s*{year}\s*年", text) is not None


def _part_shared(marked: set[int], under: list[bool]) -> bool:
    """The 主动公开 part was read as shares side by side (its counts are per channel or per
    category, with no total): a weak count outside the part is no total either
    ('…(三)政府信息管理情况 街道政府信息公开60条' after the part's 165 动态 and 1 法定)."""
    return any(under[n] for n in marked)


def ranked(sents: list[Sentence], cands: Iterable[Candidate]) -> Iterable[Candidate]:
    """Best score first; the first collected (earliest sentence) on a tie. With no bonus
    features the collection order is the ranking, and candidates are read as needed."""
    if not any(f.weight for f in FEATURES):
        return cands
    order = sorted(enumerate(cands), key=lambda ic: (-score(sents, ic[1]), ic[0]))
    return [c for _, c in order]
