"""Prose as sentences: lines re-joined where a PDF or page broke a sentence, split at 。；.

A line continues onto the next only when it is long (a wrapped line, not a table cell
or a heading) and does not end a sentence; table lines (cells joined by | or tabs)
stand alone, so their numbers never read as prose.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from generator.extract.text import Text
from generator.numerals import parse_count

WRAP_MIN = 15  # a shorter line is a heading, a cell or a signature, not a wrapped one
HEADING_START_RX = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[(（][一二三四五六七八九十]{1,3}[)）]|\d{1,2}\s*[、.．]|第[一二三四五六七八九十]+部分)"
)
TABLE_RX = re.compile(r"\|.*\||\t")
SENTENCE_END = "。；;!！?？"
SENTENCE_RX = re.compile(r"[^。；;!！?？]+[。；;!！?？]?|[。；;!！?？]")
# a number as reports print it: digits (maybe 1,234) or Chinese numerals; never the
# tail of a longer number nor an article cited by number (《条例》第五十条, 第20条, 第 3 项)
NUMBER = (
    r"(?<![第\d一二三四五六七八九十百千万两〇零])(?<!第 )"
    r"(?P<n>\d[\d,]*|[一二三四五六七八九十百千万两〇零]{1,6})"
)
# a sentence and the page's one trailing pipe: '2023年,某乡未收到申请。 |'
PROSE_PIPE_RX = re.compile(r"[。；;!！?？]\s*\|\s*$")
LEAD_YEAR_RX = re.compile(r"^[^\d]{0,4}?((?:19|20)\d{2})\s*年")


@dataclass
class Sentence:
    """One sentence of prose; `starts`/`lines` map paragraph offsets to 1-based lines."""

    text: str
    base: int = 0  # where the sentence starts in its paragraph
    starts: list[int] = field(default_factory=list)  # shared by the paragraph's sentences
    lines: list[int] = field(default_factory=list)
    table: bool = False

    def line_at(self, pos: int) -> int:
        if not self.lines:
            return 0
        return self.lines[max(0, bisect.bisect_right(self.starts, self.base + pos) - 1)]

    def earlier_year(self, year: int | None) -> bool:
        """True when the sentence opens with a year before the one reported ('2019年,…' in 2020)."""
        if year is None:
            return False
        m = LEAD_YEAR_RX.match(self.text)
        return bool(m and int(m.group(1)) < year)


def is_table(line: str) -> bool:
    """Cells joined by | or tabs: two pipes, a tab, or one pipe on a short line
    (a page's one trailing '|' after a sentence, or on a long paragraph, is no table)."""
    if len(line) <= 60:
        if line.count("|") == 1 and PROSE_PIPE_RX.search(line):
            return "\t" in line
        return "|" in line or "\t" in line
    return bool(TABLE_RX.search(line))


def _continues(prev: str, nxt: str, prev_table: bool, next_table: bool) -> bool:
    return (
        len(prev) >= WRAP_MIN
        and prev[-1] not in SENTENCE_END + ":："
        and not prev_table
        and not next_table
        and not HEADING_START_RX.match(nxt)
    )


def _paragraphs(text: Text) -> Iterator[tuple[list[int], list[str], bool]]:
    """Runs of (line numbers, stripped lines) making one paragraph, and whether it is a
    table; blank lines inside a wrapped sentence are skipped."""
    nums: list[int] = []
    parts: list[str] = []
    table = prev_table = False
    for i, line in enumerate(text.norm, start=1):
        line = line.strip()
        if not line:
            continue
        this_table = is_table(line)
        if parts and not _continues(parts[-1], line, prev_table, this_table):
            yield nums, parts, table
            nums, parts, table = [], [], False
        nums.append(i)
        parts.append(line)
        table = table or this_table
        prev_table = this_table
    if parts:
        yield nums, parts, table


def _has_cells(sent: str) -> bool:
    """Whether a sentence of a table paragraph holds a cell separator itself."""
    return "|" in sent or "\t" in sent


def sentences(text: Text) -> list[Sentence]:
    """Every sentence in the text, in order."""
    out: list[Sentence] = []
    for nums, parts, table in _paragraphs(text):
        starts, pos = [], 0
        for part in parts:
            starts.append(pos)
            pos += len(part)
        para = "".join(parts)
        for m in SENTENCE_RX.finditer(para):
            if m.group(0).strip():
                # on a flattened page a table shares its line with prose: a sentence with no
                # cell separator of its own is prose ('…公开信息455条,涉及…。 | 信息内容 |')
                cells = table and _has_cells(m.group(0))
                out.append(Sentence(m.group(0), m.start(), starts, nums, cells))
    return out


CLAUSE_RX = re.compile(r"[^,，:：]*")


def clauses(sentence: str) -> list[tuple[int, str]]:
    """The sentence cut at commas and colons, with each clause's start."""
    return [(m.start(), m.group(0)) for m in CLAUSE_RX.finditer(sentence) if m.group(0)]


def count(token: str) -> int | None:
    """A printed count: '1,234' -> 1234, '十二' -> 12."""
    return parse_count(token)
