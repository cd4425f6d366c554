"""The report text as numbered lines, raw and normalised, for the extraction rules."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from generator.hant import to_simplified
from generator.numerals import normalize


@dataclass
class Hit:
    """A regex match on one normalised line (1-based line number)."""

    line: int
    match: re.Match[str]
    text: str  # the whole normalised line


class Text:
    """Lines of one report. `raw` keeps the printed characters (for titles and quotes);
    `norm` is NFKC-normalised (full-width digits and punctuation to ASCII), and Simplified
    when the report is printed in Traditional characters, for matching."""

    def __init__(self, lines: list[str]):
        self.raw = [line.rstrip("\r\n") for line in lines]
        self.simplified = to_simplified(self.raw)  # 縣 -> 县; raw kept
        self.norm = [normalize(line) for line in self.simplified]

    def __len__(self) -> int:
        return len(self.raw)

    def line(self, number: int) -> str:
        return self.norm[number - 1]

    def printed(self, number: int, word: str) -> str:
        """`word` (read on normalised line `number`) in the characters the line prints: a
        Traditional report's own 館前鎮 for the 馆前镇 the rules read. The word itself when
        the line does not hold it or conversion changed the line's length."""
        norm = self.norm[number - 1] if 0 < number <= len(self.norm) else ""
        at = norm.find(word)
        if at < 0:
            return word
        for printed in (self.raw[number - 1], normalize(self.raw[number - 1])):
            if len(printed) == len(norm):
                return printed[at : at + len(word)]
        return word

    def printed_if_converted(self, number: int, word: str) -> str:
        """printed() on a line the Simplified copy changed (a Traditional report's heading keeps
        its own characters); `word` as read on any other line."""
        if 0 < number <= len(self.raw) and self.simplified[number - 1] != self.raw[number - 1]:
            return self.printed(number, word)
        return word

    def search(self, pattern: re.Pattern[str] | str, start: int = 1, end: int | None = None) -> Iterator[Hit]:
        """Every match of pattern, line by line, from line `start` to `end` (inclusive)."""
        rx = re.compile(pattern) if isinstance(pattern, str) else pattern
        stop = len(self.norm) if end is None else min(end, len(self.norm))
        for i in range(max(start, 1), stop + 1):
            for m in rx.finditer(self.norm[i - 1]):
                yield Hit(i, m, self.norm[i - 1])

    def first(self, pattern: re.Pattern[str] | str, start: int = 1, end: int | None = None) -> Hit | None:
        return next(self.search(pattern, start, end), None)

    def joined(self, start: int = 1, end: int | None = None) -> tuple[str, list[int]]:
        """Normalised lines start..end joined by '\\n', with the start offset of each line,
        for rules that read across line breaks (PDF text cut mid-sentence)."""
        stop = len(self.norm) if end is None else min(end, len(self.norm))
        parts, offsets, pos = [], [], 0
        for i in range(max(start, 1), stop + 1):
            offsets.append(pos)
            parts.append(self.norm[i - 1])
            pos += len(self.norm[i - 1]) + 1
        return "\n".join(parts), offsets

    @staticmethod
    def line_at(offsets: list[int], pos: int, start: int = 1) -> int:
        """The 1-based line number of character `pos` in a `joined()` string."""
        lo, hi = 0, len(offsets) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if offsets[mid] <= pos:
                lo = mid
            else:
                hi = mid - 1
        return start + lo
