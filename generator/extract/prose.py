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
TABLE_RX = re.compile(r"\|.*\||\t|^.{0,60}\|")
SENTENCE_END = "。；;!！?？"
# a number as reports print it: digits (maybe 1,234) or Chinese numerals
NUMBER = r"(?P<n>\d[\d,]*|[一二三四五六七八九十百千万两〇零]{1,6})"
LEAD_YEAR_RX = re.compile(r"^[^\d]{0,4}?((?:19|20)\d{2})\s*年")


@dataclass
class Sentence:
    """One sentence of prose with the 1-based line of each of its characters' runs."""

    text: str
    offsets: list[int] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    table: bool = False

    def line_at(self, pos: int) -> int:
        return self.lines[max(0, bisect.bisect_right(self.offsets, pos) - 1)]

    def earlier_year(self, year: int | None) -> bool:
        """True when the sentence opens with a year before the one reported ('2019年,…' in 2020)."""
        if year is None:
            return False
        m = LEAD_YEAR_RX.match(self.text)
        return bool(m and int(m.group(1)) < year)


def is_table(line: str) -> bool:
    """Cells joined by | or tabs: two pipes, a tab, or one pipe on a short line
    (a page's one trailing '|' on a long paragraph is no table)."""
    return bool(TABLE_RX.search(line.strip()))


def _continues(prev: str, nxt: str) -> bool:
    prev, nxt = prev.strip(), nxt.strip()
    return (
        len(prev) >= WRAP_MIN
        and prev[-1] not in SENTENCE_END + ":："
        and not is_table(prev)
        and not is_table(nxt)
        and not HEADING_START_RX.match(nxt)
    )


def _paragraphs(text: Text) -> Iterator[list[int]]:
    """Runs of line numbers that make one paragraph (blank lines inside a wrap are skipped)."""
    current: list[int] = []
    for i, line in enumerate(text.norm, start=1):
        if not line.strip():
            continue
        if current and not _continues(text.norm[current[-1] - 1], line):
            yield current
            current = []
        current.append(i)
    if current:
        yield current


def sentences(text: Text) -> list[Sentence]:
    """Every sentence in the text, in order."""
    out: list[Sentence] = []
    for para in _paragraphs(text):
        sent = Sentence("")
        table = any(is_table(text.norm[i - 1]) for i in para)
        for i in para:
            line = text.norm[i - 1].strip()
            for ch_start, piece in _pieces(line):
                if not sent.lines or sent.lines[-1] != i or ch_start == 0:
                    sent.offsets.append(len(sent.text))
                    sent.lines.append(i)
                sent.text += piece
                if piece and piece[-1] in SENTENCE_END:
                    sent.table = table
                    out.append(sent)
                    sent = Sentence("")
        if sent.text.strip():
            sent.table = table
            out.append(sent)
    return out


def _pieces(line: str) -> Iterator[tuple[int, str]]:
    """The line cut after each sentence end, with each piece's start."""
    start = 0
    for i, ch in enumerate(line):
        if ch in SENTENCE_END:
            yield start, line[start : i + 1]
            start = i + 1
    if start < len(line):
        yield start, line[start:]


def clauses(sentence: str) -> list[tuple[int, str]]:
    """The sentence cut at commas and colons, with each clause's start."""
    out, start = [], 0
    for m in re.finditer(r"[,，:：]", sentence):
        out.append((start, sentence[start : m.start()]))
        start = m.end()
    out.append((start, sentence[start:]))
    return out


def count(token: str) -> int | None:
    """A printed count: '1,234' -> 1234, '十二' -> 12."""
    return parse_count(token)
