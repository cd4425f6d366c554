"""The year's stated total: the 主动公开 count the report states for the whole year.

The 主动公开 part of a report mixes a total with counts of other roles: one channel's
('通过网站主动公开信息120条'), a cumulative one ('截至目前累计…1500条'), a part after 其中
('其中主动公开公文2条'), a category's. A count is the stated year total when its clause
totals it or scopes it to the year, and names no one channel:
  '全年共主动公开政府信息200条'            a total word
  '2020年主动公开政府信息数量为88条'       the year named, no channel
  '…通过公众号主动公开信息80条,合计主动公开政府信息300条'   the total after its channels
  '…在公众号发布信息380条,共计432条'       a bare total closing the channels' counts
(the last two also without 主动 under the 主动公开 heading). Such a count wins over every
other candidate, even when channel counts stand beside it in its sentence (they are its
parts, not siblings of it); a count that a feature rules out (cumulative to date, after
其中, one category, of applications) is never a stated total, save that a channel rule
yields to a total after the channels' counts. A sum of channels that the text does not
state is not made: channel counts with no stated total stay null (the test bed's truth
files label them so: 'website 89 + WeChat 1039, no total').
"""

from __future__ import annotations

import re

from generator.extract.channels import CHANNEL_RX, channels_listed, clause_start
from generator.extract.proactive_cues import TO_DATE, TOTAL_WORD_RX, Candidate
from generator.extract.proactive_parts import ALL_CHANNELS_RX
from generator.extract.prose import NUMBER, Sentence, count
from generator.extract.vocab_proactive import (
    CLOSING_WORDS,
    DOCUMENT_NOUNS,
    SUM_WORDS,
    YEAR_SCOPE_WORDS,
)
from generator.records import Figure

SUM_RX = re.compile("|".join(SUM_WORDS))
# a bare total closing a sentence: ',共计432条。', ',两项合计128条'
CLOSING_RX = re.compile(
    r"(?:^|[,，;；])[^,，。;；\d]{0,4}?(?:"
    + "|".join(CLOSING_WORDS)
    + r")\s*"
    + NUMBER
    + r"\s*(?:余|多)?\s*[条篇件]\s*[。;；]?\s*$"
)
PART_COUNT_RX = re.compile(NUMBER + r"\s*(?:余|多)?\s*[条篇件]")
COUNT_RX = re.compile(r"\d[\d,]*\s*(?:余|多)?\s*[条件篇项份次期]")
TALLY_RX = re.compile("|".join(CLOSING_WORDS))  # '全年共…', '合计…'
DOCUMENTS_RX = re.compile("|".join(DOCUMENT_NOUNS))
# features that rule a count out as one channel's share, which a total word overrides
CHANNEL_RULES = frozenset({"one_channel", "channel_part"})
# a first count ruled out as one kind's share still opens a list a bare total may close:
# '主动公开工作情况38条,履职依据4条,…,重大民生信息27条,合计74条'
PART_RULES = CHANNEL_RULES | {"one_category", "runs_past_heading"}
YEAR_RX = re.compile(r"((?:19|20)\d{2})\s*年(?!底|末|\d|[1-9]月)|" + "|".join(YEAR_SCOPE_WORDS))
RUN_ON = 4  # how many sentences after a semicolon a closing total is looked for
SCOPE = 12  # how far into a clause its year scope is looked for


def stated_total(
    sents: list[Sentence],
    cands: list[tuple[Candidate, str | None]],
    year: int | None,
    items: set[int],
    under: list[bool],
) -> Figure | None:
    """The first candidate (with the feature that rules it out, if any) after 主动公开, or
    under the 主动公开 heading: after 主动公开, one whose words total its count or scope it to
    the year, naming no one channel ('全年共主动公开政府信息200条'); a channel rule yields to
    a total after the channels' counts (_after_channels); or a bare total closing its
    sentence (closing_total). A count of documents ('主动公开文件
    12件') yields to a later one of information. Numbered per-channel items state none."""
    documents: Figure | None = None
    for c, why in cands:
        if not (c.cue.strong or under[c.n]) or c.before or c.n in items or c.fig.note == TO_DATE:
            continue
        text = sents[c.n].text
        found = None
        if why is None and c.cue.strong and _stated(text, c, year):
            found = c.fig
        elif why in CHANNEL_RULES and _after_channels(text, c) and _stated(text, c, year):
            found = c.fig  # '…通过公众号主动公开信息80条,全年共主动公开政府信息200条'
        elif why is None or why in PART_RULES:
            found = closing_total(sents, c)
        if found is not None and not _of_documents(_segment(text, c)):
            return found
        documents = documents or found
    return documents


def _after_channels(text: str, c: Candidate) -> bool:
    """'通过网站公开信息120条,通过公众号公开信息80条,全年共公开信息200条': the count is
    totalled (共…) after counts of its own earlier in the sentence, which name the channels a
    channel rule saw (not '通过微信公众号等平台,…全年共发布信息1096条', where the channel
    still speaks)."""
    return bool(TALLY_RX.search(_segment(text, c))) and COUNT_RX.search(text, 0, c.verb) is not None


def _of_documents(segment: str) -> bool:
    """'主动公开文件12件', '主动公开政府发文4条': the count names documents, not information."""
    return bool(DOCUMENTS_RX.search(segment)) and "信息" not in segment


def closing_total(sents: list[Sentence], c: Candidate) -> Figure | None:
    """'在网站主动公开政府信息52条,在公众号发布信息380条,共计432条', '网站…20条;公示栏…15条;
    合计35条': a bare total closing the candidate's sentence (or one of the sentences its
    semicolons run on to) after the candidate and another count, larger than each: their
    sum as stated."""
    counts: list[int] = []
    k, start = c.n, c.at
    while True:
        sent = sents[k]
        m = CLOSING_RX.search(sent.text, start)
        counts += [
            count(n.group("n")) or 0
            for n in PART_COUNT_RX.finditer(sent.text, start, m.start() if m else len(sent.text))
        ]
        if m is not None:
            value = count(m["n"])
            if len(counts) < 2 or value is None or value <= max(counts):
                return None
            return Figure(value, sent.line_at(m.start("n")), sent.text.strip()[:120])
        if k + 1 >= len(sents) or k - c.n >= RUN_ON or not _runs_on(sent, sents[k + 1]):
            return None
        k, start = k + 1, 0


def _runs_on(sent: Sentence, nxt: Sentence) -> bool:
    """The next sentence continues the paragraph after a semicolon ('…20条;公示栏…')."""
    return nxt.starts is sent.starts and sent.text.rstrip().endswith((";", "；"))


def _segment(text: str, c: Candidate) -> str:
    """The words of the candidate's clause from the last count before its cue (a sibling's,
    '…217条、“某某”微信公众号主动公开各类信息308条') to its count."""
    start = clause_start(text, c.verb)
    ends = [m.end() for m in COUNT_RX.finditer(text, start, c.verb)]
    return text[ends[-1] if ends else start : c.at]


def _stated(text: str, c: Candidate, year: int | None) -> bool:
    """The candidate's words total it or scope it to the year, and name no single channel
    (a list of channels only when no count comes before it in the sentence: '通过网站、
    公众号等主动公开…'; not '网站…43条,通过报刊、电视等…主动公开…285条')."""
    segment = _segment(text, c)
    if CHANNEL_RX.search(segment) and not ALL_CHANNELS_RX.search(segment):
        if not channels_listed(segment) or COUNT_RX.search(text, 0, c.verb):
            return False
    return _totalled(segment) or _year_scoped(text, clause_start(text, c.verb), year)


def _totalled(clause: str) -> bool:
    """'全年共主动公开…', '主动公开政府信息共计156条', '主动公开政府信息总数为88条'."""
    return bool(TOTAL_WORD_RX.search(clause) or SUM_RX.search(clause))


def _year_scoped(text: str, start: int, year: int | None) -> bool:
    """'2020年主动公开政府信息88条', '本年度主动公开…': the year reported opens the clause;
    '2020年,我镇主动公开…': or opens the sentence whose second clause this is."""
    m = YEAR_RX.search(text, start, start + SCOPE)
    if m is None and start > 0 and clause_start(text, start - 1) == 0:
        m = YEAR_RX.search(text, 0, min(SCOPE, start))
    return m is not None and (m.group(1) is None or year is None or int(m.group(1)) == year)
