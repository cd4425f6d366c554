"""Headings: the top-level sections of a report, and its problems and measures lists.

Candidates are numbered lines (一、概况 / 一 概 述 / 第一部分 / 10、 after 九、) and
numbered headings run into one long paragraph (… 。 三、回应解读情况 回应…); the sections
are the longest run of candidates numbered one after another, so list items, rows of
the statutory tables (一、本年新收…) and stray numbers drop out.
"""

from __future__ import annotations

import re

from generator.extract.text import Text
from generator.extract.vocab import MEASURE_WORDS, PROBLEM_WORDS
from generator.numerals import cn_to_int
from generator.records import Section

CN = "一二三四五六七八九十"
LINE_HEAD_RX = re.compile(
    r"^[\s|]*(?:第(?P<part>[" + CN + r"]{1,3})部分\s*[:：、.]?\s*|(?P<num>[" + CN + r"]{1,3})\s*[、.,，．]\s*"
    r"|(?P<spaced>[" + CN + r"]{1,2})\s+(?=\S)|(?P<arabic>1\d|[1-9])\s*[、．]\s*)(?P<title>.*)$"
)
INLINE_HEAD_RX = re.compile(
    r"(?:^|(?<=[\s。]))(?P<num>[" + CN + r"]{1,3})\s*[、.．]\s*"
    r"(?P<title>[^\s。:：;；]{2,30}|[^\s\d。:：;；,，]\s[^\s\d。:：;；,，](?=\s))"  # or spaced: '概 述'
)
# a heading cut at the very end of an excerpt: '二、主' on the last line
CUT_HEAD_RX = re.compile(r"^[\s|]*(?P<num>[" + CN + r"]{1,3})\s*、\s*(?P<title>[^\s\d。:：;；,，、])\s*$")
# level-1 row labels of the applications table (一、本年新收… 四、结转下年度继续办理)
TABLE_ROW_RX = re.compile(
    r"^\s*(?:本年新收|上年结转|本年度办理结果|结转下年度|本年度?$)|^[^\t]*\t.*\d|\|\s*\d"
)
TITLE_END_RX = re.compile(r"[:：。；;]")
# a sub-heading run into its heading's line: '二、主动公开政府信息情况 (一)政府信息公开的内容。'
SUBHEAD_MARK_RX = re.compile(r"\s*[(（][" + CN + r"]{1,2}[)）]")
# a heading whose numeral was lost ('、总体情况'), or the first one printed unnumbered ('概述')
UNNUMBERED_RX = re.compile(
    r"^[\s|]*(?:、\s*(?P<lost>[^\s。,，]{2,20})|(?P<bare>概述|概况|总体情况|基本情况))[\s|]*$"
)
STATUTORY = (
    "总体情况",
    "主动公开政府信息情况",
    "收到和处理政府信息公开申请情况",
    "政府信息公开行政复议、行政诉讼情况",
    "存在的主要问题及改进情况",
    "其他需要报告的事项",
)
MAX_TITLE = 40
# words of each statutory heading, by its number (2019 and 2021 formats, and their variants)
STATUTORY_WORDS = {
    1: ("总体情况", "概述", "概况"),
    2: ("主动公开",),
    3: ("收到和处理", "依申请"),
    4: ("复议", "诉讼"),
    5: ("存在的主要问题", "存在的问题", "改进情况"),
    6: ("其他需要报告",),
}


def _clean_title(title: str) -> str:
    """The heading text without trailing punctuation, table pipes or the paragraph after it."""
    title = title.strip().strip("|").strip()
    for rx in (TITLE_END_RX, SUBHEAD_MARK_RX):
        m = rx.search(title)
        if m and m.start() >= 2:
            title = title[: m.start()]
    words = title.split()
    if len(title) > MAX_TITLE or (len(words) > 1 and len(words[0]) >= 4 and len(title) - len(words[0]) > 12):
        title = words[0] if words else title  # heading run into its paragraph: up to the first space
    return title.rstrip("：:。.，,、；; |").strip()


def _line_candidate(raw: str, norm: str) -> tuple[int, str, str, str] | None:
    """(number, numbering as printed, title as printed, title as read) of a line that starts
    like a heading (the two titles differ in a Traditional report: 依申請… / 依申请…)."""
    m = LINE_HEAD_RX.match(norm)
    # a table row's label, read up to the first 。 (a flattened page's table later on the
    # heading's line is no row: '一、总体情况 某年,…。 … | 信息内容 | 0 |')
    if not m or TABLE_ROW_RX.search(m["title"].split("。", 1)[0]):
        return None
    token = m["part"] or m["num"] or m["spaced"] or m["arabic"]
    number = cn_to_int(token)
    if number is None or number < 1:
        return None
    # the title as printed (full-width brackets kept): drop the numbering from the raw line
    raw_title = re.sub(
        r"^[\s|]*(?:第[" + CN + r"]{1,3}部分|[" + CN + r"]{1,3}|1\d|[1-9]|１\d|[１-９])\s*[、.,，．:：]?\s*",
        "",
        raw,
        count=1,
    )
    if m["spaced"] and (len(m["title"]) > 20 or "。" in m["title"]):
        return None
    if m["arabic"] and (len(m["title"]) > 30 or "。" in m["title"]):
        return None
    title = _clean_title(raw_title)
    if len(title) < 2 or len(title) > MAX_TITLE + 10:
        return None
    printed = "第" + token + "部分" if m["part"] else token
    return number, printed, title, _clean_title(m["title"])


def _cut_heading(norm: str) -> tuple[int, str, str, str] | None:
    """(number, numbering, title) of a heading cut after one character on the text's last
    line ('二、主'): it is printed, so it counts, titled as far as it goes."""
    m = CUT_HEAD_RX.match(norm)
    number = cn_to_int(m["num"]) if m else None
    return (number, m["num"], m["title"], m["title"]) if m and number else None


def _unnumbered(norm: str) -> tuple[int, str, str] | None:
    """(number, numbering, title) of a statutory heading printed without its numeral: '、总体情况'
    (the numeral lost), '概述' alone on its line; the number is the statutory one."""
    m = UNNUMBERED_RX.match(norm)
    if m is None:
        return None
    title = m["lost"] or m["bare"]
    number = next((n for n, words in STATUTORY_WORDS.items() if any(w in title for w in words)), None)
    if number is None and m["bare"]:
        number = 1  # 基本情况
    return (number, "" if m["bare"] else "、", _clean_title(title)) if number else None


def _inline(i: int, norm: str) -> list[tuple[int, int, str, str, bool]]:
    """Headings run into a paragraph: '… 。 三、依申请公开政府信息情况 目前,暂无' (after a space
    or 。 in a long paragraph; on a short line only after a sentence's 。 and a space)."""
    out = []
    for m in INLINE_HEAD_RX.finditer(norm):
        before = norm[: m.start()].rstrip()
        if not before or TABLE_ROW_RX.search(m["title"]):
            continue
        if len(norm) <= 80 and not (before.endswith("。") and norm[m.start() - 1].isspace()):
            continue
        number = cn_to_int(m["num"])
        if number:
            out.append((i, number, m["num"], _clean_title(m["title"]), False))
    return out


Candidate = tuple[int, int, str, str, bool, str]


def _candidates(text: Text) -> list[Candidate]:
    """(line, number, numbering, title, arabic, title as read) for every heading-like place,
    in order (numbering is '' for a heading printed without its numeral)."""
    out: list[Candidate] = []
    last = max((i for i, norm in enumerate(text.norm, start=1) if norm.strip()), default=0)
    for i, (raw, norm) in enumerate(zip(text.raw, text.norm, strict=True), start=1):
        cand = _line_candidate(raw, norm) or (_cut_heading(norm) if i == last else None)
        if cand:
            out.append((i, cand[0], cand[1], cand[2], cand[1].isdigit(), cand[3]))
        elif (
            len(norm) <= 30
            and ("、" in norm or "概" in norm or "情况" in norm)
            and (bare := _unnumbered(norm))
        ):
            out.append((i, *bare, False, bare[2]))
        if len(norm) > 80 or "。 " in norm:
            out.extend((*head, head[3]) for head in _inline(i, norm))
    return out


def _statutory_at(number: int, title: str) -> bool:
    """Whether title is the statutory heading printed at that number ('五、存在的主要问题…')."""
    return any(w in title for w in STATUTORY_WORDS.get(number, ()))


def read_sections(text: Text) -> list[Section]:
    """The longest chain of headings numbered n, n+1, n+2 … down the text; a page that
    skipped headings may jump ahead to a statutory heading at its own number
    (二、主动公开… then 五、存在的主要问题及改进情况)."""
    cands = _candidates(text)
    best: list[int] = [1] * len(cands)
    prev: list[int | None] = [None] * len(cands)
    for j, (line_j, num_j, _, _, arabic_j, read_j) in enumerate(cands):
        if arabic_j and num_j < 10:
            continue  # under 一、 headings, 2、 is a sub-point; only 10、 may follow 九、
        for k in range(j):
            line_k, num_k, _, _, arabic_k, _ = cands[k]
            # Arabic numbers only continue a Chinese chain (九、 … 10、), never start one
            follows = num_k + 1 == num_j or (num_k + 1 < num_j <= num_k + 3 and _statutory_at(num_j, read_j))
            if follows and line_k <= line_j and not arabic_k and best[k] + 1 > best[j]:
                best[j], prev[j] = best[k] + 1, k
    starts = [j for j in range(len(cands)) if not cands[j][4]]
    if not starts:
        return []
    end = max(
        starts + [j for j in range(len(cands)) if prev[j] is not None], key=lambda j: (best[j], -cands[j][0])
    )
    chain: list[int] = []
    at: int | None = end
    while at is not None:
        chain.append(at)
        at = prev[at]
    chain.reverse()
    if best[end] == 1 and cands[end][1] not in (1, 2) and cands[end][0] > 3:
        return []  # one stray numbered line far down is no section structure
    if best[end] == 1 and not cands[end][2]:
        return []  # '总体情况' alone on its line, no 二、 after it: no numbered structure
    return [
        Section(
            title=text.printed_if_converted(cands[j][0], cands[j][3]), line=cands[j][0], number=cands[j][2]
        )
        for j in chain
    ]


# headings of the statutory format that legacy reports did not use
NEW_HEADINGS = ("总体情况", "收到和处理政府信息公开申请情况", "其他需要报告的事项")


def statutory_heading_count(heads: list[Section], new_only: bool = False) -> int:
    """How many of the six statutory headings appear (2019 and 2021 formats); with
    new_only, only those legacy reports never used."""
    titles = {re.sub(r"\s", "", h.title) for h in heads}
    return sum(1 for s in (NEW_HEADINGS if new_only else STATUTORY) if any(s in t for t in titles))


ITEM_RX = re.compile(
    r"(?:^|(?<=[。；;\s]))(?:[（(][" + CN + r"]{1,2}[)）]|[0-9]{1,2}\s*[、.．]|[" + CN + r"]是)"
)


def _items(body: str) -> list[str]:
    """Numbered items ((一) / 1. / 一是) of a body, else its sentences."""
    marks = [m.start() for m in ITEM_RX.finditer(body)]
    if len(marks) >= 1:
        parts = [body[a:b] for a, b in zip(marks, marks[1:] + [len(body)], strict=True)]
    else:
        parts = re.split(r"(?<=[。；;])", body)
    out = []
    for part in parts:
        part = ITEM_RX.sub("", part.strip(), count=1).strip().rstrip("；;").replace("\n", "")
        if len(part) >= 4:
            out.append(part)
    return out


SUBHEAD_RX = re.compile(r"^[(（][一二三四五六七八九十]{1,2}[)）][^。]{0,18}$")


def _body(text: Text, start: int, end: int) -> str:
    """The lines start..end joined by newlines, without sub-headings like （二）改进措施."""
    keep = []
    for i in range(start, end + 1):
        line = text.norm[i - 1].strip()
        if SUBHEAD_RX.match(line) and any(w in line for w in PROBLEM_WORDS + MEASURE_WORDS):
            continue
        keep.append(line)
    return "\n".join(keep)


def read_problems_and_measures(text: Text, heads: list[Section]) -> tuple[list[str], list[str]]:
    """Items of the '存在的主要问题…改进…' section(s): problems, then improvement measures.
    A section split by sub-headings ((一)存在的问题 / (二)改进措施) is split the same way."""
    problems: list[str] = []
    measures: list[str] = []
    for n, head in enumerate(heads):
        end = heads[n + 1].line - 1 if n + 1 < len(heads) else len(text)
        has_problem = any(w in head.title for w in PROBLEM_WORDS)
        has_measure = any(w in head.title for w in MEASURE_WORDS)
        if not (has_problem or has_measure):
            continue
        body_lines = list(range(head.line + 1, end + 1))
        split = next(
            (
                i
                for i in body_lines
                if re.match(r"^\s*[(（][二三][)）]", text.norm[i - 1])
                and any(w in text.norm[i - 1] for w in MEASURE_WORDS)
            ),
            None,
        )
        if has_problem and split:
            problems += _items(_body(text, head.line + 1, split - 1))
            measures += _items(_body(text, split, end))
        elif has_problem:
            problems += _items(_body(text, head.line + 1, end))
        else:
            measures += _items(_body(text, head.line + 1, end))
    return problems, measures
