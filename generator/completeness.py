"""Completeness: which statutory sections and tables (2019 format) or which topics of Art. 31 of the
2008 regulation (legacy reports) a report contains, as a score with the missing parts named."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from generator.records import Report


@dataclass(frozen=True)
class Part:
    """A statutory section, table or topic a report of its generation should contain."""

    id: str
    label: str
    heading: re.Pattern[str]  # searched in section titles and heading-like lines
    exclude: re.Pattern[str] | None = None
    body: re.Pattern[str] | None = None  # legacy topics: a mention in the body also counts
    table: str | None = None  # "A" | "B" | "C": present when extracted, or its markers are printed


def _part(id_: str, label: str, heading: str, exclude: str = "", body: str = "", table: str = "") -> Part:
    return Part(
        id_,
        label,
        re.compile(heading),
        re.compile(exclude) if exclude else None,
        re.compile(body) if body else None,
        table or None,
    )


PARTS_2019 = (
    _part("overview", "一、总体情况", r"总体情况|概况|概述|总体"),
    _part("proactive", "二、主动公开政府信息情况", r"主动公开"),
    _part("applications", "三、收到和处理政府信息公开申请情况", r"收到和处理|依申请|申请", r"复议|诉讼"),
    _part("reviews", "四、行政复议、行政诉讼情况", r"复议|诉讼"),
    _part("problems", "五、存在的主要问题及改进情况", r"问题|改进"),
    _part("other", "六、其他需要报告的事项", r"其他需要报告|其他需报告|其他事项"),
    _part("table_a", "表一 主动公开政府信息情况", r"第二十条第", table="A"),
    _part("table_b", "表二 收到和处理政府信息公开申请情况", r"本年新收", table="B"),
    _part("table_c", "表三 行政复议、行政诉讼情况", r"复议后起诉|未经复议", table="C"),
)
# The topics Art. 31 of the 2008 regulation asked every annual report to cover.
PARTS_LEGACY = (
    _part("proactive", "主动公开政府信息情况", r"主动公开", body=r"主动公开"),
    _part(
        "applications",
        "依申请公开政府信息情况",
        r"依申请|申请公开|公开申请|申请办理|申请情况",
        r"复议|诉讼",
        r"依申请|公开申请|申请公开",
    ),
    _part(
        "fees",
        "收费及减免情况",
        r"收费|减免|费用",
        body=r"(未|没有|不|无)收取?.{0,6}费|收费(及|和)减免|检索费|信息处理费|复制费",
    ),
    _part("reviews", "行政复议、行政诉讼情况", r"复议|诉讼", body=r"行政复议|行政诉讼"),
    _part("problems", "存在的主要问题及改进情况", r"问题|不足|改进", body=r"存在的(主要)?问题|不足之处"),
)
_HEADING_LINE = re.compile(r"^\s*[（(]?[一二三四五六七八九十]+[）)]?\s*[、.．]?")
_TABLE_MARKERS = {"A": r"第二十条第", "B": r"本年新收", "C": r"复议后起诉|未经复议"}


def _clean(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def _matches(part: Part, text: str) -> bool:
    text = _clean(text)
    return bool(part.heading.search(text)) and not (part.exclude and part.exclude.search(text))


def find_part(report: Report, part: Part) -> tuple[str, int | None] | None:
    """(how, line) when the report contains the part: a heading, a table, or a body mention."""
    if part.table:
        t = report.tables.get(part.table)
        if t is not None:
            return "table", t.line
        found = _first_line(report, re.compile(_TABLE_MARKERS[part.table]))
        return ("text", found) if found else None
    for s in report.sections:
        if _matches(part, s.title):
            return "heading", s.line
    for number, raw in enumerate(report.lines, start=1):
        if len(raw.strip()) <= 40 and _HEADING_LINE.match(raw) and _matches(part, raw):
            return "heading", number
    if part.body:
        start = min((s.line for s in report.sections), default=1)
        found = _first_line(report, part.body, start)
        return ("text", found) if found else None
    return None


def _first_line(report: Report, pattern: re.Pattern[str], start: int = 1) -> int | None:
    for number, raw in enumerate(report.lines, start=1):
        if number >= start and pattern.search(_clean(raw)):
            return number
    return None


def completeness(report: Report) -> dict[str, Any]:
    """Which statutory parts of the report's template generation are present, as a score."""
    parts = PARTS_2019 if report.template == "2019" else PARTS_LEGACY
    rows = []
    for part in parts:
        found = find_part(report, part)
        rows.append(
            {
                "id": part.id,
                "label": part.label,
                "present": found is not None,
                "how": found[0] if found else None,
                "line": found[1] if found else None,
            }
        )
    present = sum(1 for r in rows if r["present"])
    return {
        "generation": "2019" if report.template == "2019" else "legacy",
        "present": present,
        "expected": len(parts),
        "score": round(present / len(parts), 4),
        "missing": [r["label"] for r in rows if not r["present"]],
        "parts": rows,
    }
