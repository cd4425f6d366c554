"""Per-report accountability measures: text reuse, completeness, rates from Tables B/C, timeliness.

Each measure is plain data (ints, floats, strings, lists) stored on Report.indicators, written into
the report's YAML and the open-data files, and explained on docs/fields.md. A measure that cannot be
computed is None with a note saying why — never an exception, never a division by zero.
Completeness, the second measure, lives in generator/completeness.py.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from generator.catalog import Catalog, Entry
from generator.completeness import completeness
from generator.parallel import fork_map
from generator.records import Report, Table

MIN_SENTENCE = 12  # characters after normalisation; shorter sentences (headings, "1. 略") are ignored
REUSE_FLAG = 0.5  # some local rubrics dock a report repeating more than half of the previous one
DEADLINE = (3, 31)  # month, day of the following year: the county-level deadline, a reference only

_SENTENCE_END = re.compile(r"[。！？；!?;]")
_NOT_TEXT = re.compile(r"[\W_]+")  # whitespace and punctuation (CJK ideographs are \w)
_YEAR = re.compile(r"((?:19|20)\d\d)(?=年)")
_TABLE_ROW = re.compile(r"\t| \| ")
_TITLE = re.compile(r"^.{0,40}(年度报告|年报)$")


# ---- (1) text reuse ---------------------------------------------------------------------------


def normalise(text: str, year: int | None) -> str:
    """Compare text, not layout: NFKC, whitespace and punctuation removed, and every 4-digit year
    written relative to the report's own year ("2020年" in a 2020 report reads like "2018年" in
    a 2018 report), so a sentence copied with only its year changed still counts as repeated."""
    flat = _NOT_TEXT.sub("", unicodedata.normalize("NFKC", text))
    if year is None:
        return flat
    return _YEAR.sub(lambda m: f"Y{int(m.group(1)) - year:+d}", flat)


def template_lines(report: Report) -> set[int]:
    """Lines whose wording the template prescribes: the statutory tables as extracted, the
    section headings and the title line (they repeat by design, so they are not compared)."""
    out: set[int] = {s.line for s in report.sections}
    out.update(n for n, raw in enumerate(report.lines, start=1) if _TITLE.search(raw.strip()))
    for t in report.tables.values():
        if t.line:
            out.update(range(t.line, (t.end_line or t.line) + 1))
    return out


@dataclass(frozen=True)
class Sentence:
    line: int  # 1-based line it is printed on
    text: str  # as printed (stripped)
    key: str  # normalised, for comparison


def sentences(report: Report) -> list[Sentence]:
    """Sentences split on 。！？； and line ends; table rows, figures-only and short pieces skipped."""
    skip = template_lines(report)
    year = report.meta.year
    out: list[Sentence] = []
    for number, raw in enumerate(report.lines, start=1):
        if number in skip or _TABLE_ROW.search(raw):
            continue
        for piece in _SENTENCE_END.split(raw):
            key = normalise(piece, year)
            digits = sum(ch.isdigit() for ch in key)
            if len(key) >= MIN_SENTENCE and digits * 3 < len(key):
                out.append(Sentence(number, piece.strip(), key))
    return out


def text_reuse(report: Report, previous: Report | None) -> dict[str, Any]:
    """Share of this report's sentences found, normalised, in the town's previous report's text
    (a substring test, so sentences broken across lines by PDF conversion still match)."""
    own = sentences(report)
    result: dict[str, Any] = {
        "previous_year": previous.meta.year if previous else None,
        "sentences": len(own),
        "reused": None,
        "share": None,
        "over_half": None,
        "passages": [],
        "note": None,
    }
    if previous is None:
        result["note"] = "本站没有收录该乡镇更早的报告"
        return result
    if not own:
        result["note"] = "正文没有可比较的句子"
        return result
    haystack = "".join(normalise(line, previous.meta.year) for line in previous.lines)
    reused = [s for s in own if s.key in haystack]
    share = round(len(reused) / len(own), 4)
    result.update(reused=len(reused), share=share, over_half=share > REUSE_FLAG)
    result["passages"] = [{"line": s.line, "text": s.text} for s in reused]
    return result


# ---- (3) rates from Tables B and C -------------------------------------------------------------


def ratio(numerator: float | None, denominator: float | None, note: str | None = None) -> dict[str, Any]:
    """A rate with its parts; None (with the reason) when it cannot be computed."""
    if numerator is None or denominator is None:
        value, note = None, note or "表中缺少所需数字"
    elif denominator == 0:
        value, note = None, "分母为 0"
    else:
        value = round(numerator / denominator, 4)
    return {"value": value, "numerator": numerator, "denominator": denominator, "note": note}


def _column(t: Table, word: str, default: int) -> int:
    return next((i for i, c in enumerate(t.columns) if word in c), default)


def _number(value: Any) -> float | None:
    return value if isinstance(value, int | float) and not isinstance(value, bool) else None


def _sum_rows(t: Table, col: int, prefixes: tuple[str, ...]) -> tuple[float, list[str]]:
    """Sum of one column over rows whose key starts with a prefix; blank cells count as 0."""
    total: float = 0
    blank = []
    for row in t.rows:
        if row.key.startswith(prefixes):
            value = _number(row.cells[col]) if col < len(row.cells) else None
            if value is None:
                blank.append(row.key)
            total += value or 0
    return total, blank


def table_b_rates(t: Table | None) -> dict[str, Any]:
    """实质公开率 and the share not answered in substance, over （七）总计 of the 总计 column."""
    if t is None:
        absent = ratio(None, None, "没有表二")
        return {"substantive_disclosure": absent, "not_answered": dict(absent)}
    col = _column(t, "总计", len(t.columns) - 1)
    total = _number(t.cell("total", col))
    public, blank_p = _sum_rows(t, col, ("public", "partial"))
    if t.row("public") is None or t.row("partial") is None:
        disclosed = ratio(None, total, "表二缺少“予以公开”或“部分公开”行")
    else:
        disclosed = ratio(public, total, _blank_note(blank_p))
    refused, blank_r = _sum_rows(t, col, ("unavailable_", "rejected_", "other"))
    not_answered = ratio(refused, total, _blank_note(blank_r))
    if total is None:
        disclosed = ratio(None, None, "表二“总计”为空")
        not_answered = dict(disclosed)
    return {"substantive_disclosure": disclosed, "not_answered": not_answered}


def _blank_note(keys: list[str]) -> str | None:
    return f"空白单元格按 0 计：{'、'.join(keys)}" if keys else None


def table_c_rates(t: Table | None) -> dict[str, Any]:
    """Correction rates (结果纠正 / 总计) for reviews and for lawsuits (both kinds together)."""
    if t is None:
        absent = ratio(None, None, "没有表三")
        return {"review_correction": absent, "litigation_correction": dict(absent)}
    fixed, total = _column(t, "纠正", 1), _column(t, "总计", 4)

    def cells(keys: tuple[str, ...], col: int) -> float | None:
        values = [_number(t.cell(k, col)) for k in keys]
        return None if any(v is None for v in values) else sum(v for v in values if v is not None)

    suits = ("suit_direct", "suit_after_review")
    return {
        "review_correction": ratio(cells(("review",), fixed), cells(("review",), total)),
        "litigation_correction": ratio(cells(suits, fixed), cells(suits, total)),
    }


def rates(report: Report) -> dict[str, Any]:
    return {**table_b_rates(report.tables.get("B")), **table_c_rates(report.tables.get("C"))}


# ---- (4) timeliness ----------------------------------------------------------------------------


def timeliness(published: dt.date | None, year: int | None) -> dict[str, Any]:
    """Days from the end of the statistics year to publication; late after 31 March next year."""
    if not isinstance(published, dt.date) or year is None:
        return {
            "published": None,
            "days_after_year_end": None,
            "deadline": None,
            "late": None,
            "note": "报告未注明发布日期" if year is not None else "报告年度不明",
        }
    deadline = dt.date(year + 1, *DEADLINE)
    days = (published - dt.date(year, 12, 31)).days
    note = "发布日期早于统计年度结束" if days <= 0 else None
    return {
        "published": published.isoformat(),
        "days_after_year_end": days,
        "deadline": deadline.isoformat(),
        "late": published > deadline,
        "note": note,
    }


# ---- all of them -------------------------------------------------------------------------------


def report_measures(report: Report, previous: Report | None) -> dict[str, Any]:
    """Every measure of one report (previous: the same town's previous report on the portal)."""
    return {
        "text_reuse": text_reuse(report, previous),
        "completeness": completeness(report),
        "rates": rates(report),
        "timeliness": timeliness(report.meta.published, report.meta.year),
    }


def town_measures(entries: list[Entry]) -> list[dict[str, Any]]:
    """report_measures of each of one town's reports, in year order."""
    return [report_measures(e.report, entries[i - 1].report if i else None) for i, e in enumerate(entries)]


def annotate(catalog: Catalog, towns: list[list[Entry]] | None = None) -> None:
    """Set Report.indicators on every report of the towns (default: the whole catalog; idempotent);
    towns on every core."""
    towns = list(catalog.towns().values()) if towns is None else towns
    for entries, results in zip(towns, fork_map(town_measures, towns, 16), strict=True):
        for entry, indicators in zip(entries, results, strict=True):
            entry.report.indicators = indicators
