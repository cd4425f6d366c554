"""Prose, year and section checks T-1, Y-1, S-1 and S-2 (see generator/check.py for the list)."""

from __future__ import annotations

import re

from generator import check_words as w
from generator.numerals import normalize
from generator.records import Check, Number, Report

STATUTORY_SECTIONS = (
    ("总体情况", re.compile(r"总体情况|概述|概况|基本情况")),
    ("主动公开政府信息情况", re.compile(r"主动公开")),
    ("收到和处理政府信息公开申请情况", re.compile(r"申请")),
    ("政府信息公开行政复议、行政诉讼情况", re.compile(r"复议|诉讼")),
    ("存在的主要问题及改进情况", re.compile(r"问题|改进")),
    ("其他需要报告的事项", re.compile(r"其他需要报告|其他事项|需要报告")),
)
STATS_YEAR = re.compile(r"统计(?:期限|时限|期间|时间|周期|区间)[^0-9。]{0,12}((?:19|20)\d{2})\s*年")
TITLE_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")


# ---------------------------------------------------------------- prose vs table


def prose_candidates(report: Report) -> dict[str, list[tuple[str, Number, int | None]]]:
    """For each prose fact, the table figures it may quote: (name in words, value, line)."""
    f = report.facts

    def fig(key: str) -> tuple[Number, int | None] | None:
        got = f.get(key)
        return (got.value, got.line) if got is not None and got.value is not None else None

    def total(key: str) -> str:
        return f"表二“{w.b_row(key)}”总计"

    new, carried, done = (
        fig("table_b.new.total"),
        fig("table_b.carried_over.total"),
        fig("table_b.total.total"),
    )
    forward = fig("table_b.carry_forward.total")
    received = [(total("new"), *new)] if new else []
    if new and carried:
        both = f"表二“{w.b_row('new')}”与“{w.b_row('carried_over')}”总计之和"
        received.append((both, new[0] + carried[0], new[1]))
    if done:
        received.append((f"表二“{w.b_row('total')}”", *done))
    out = {"applications_received": received}
    for prose, key, name in (
        ("applications_carried_over", "table_b.carried_over.total", total("carried_over")),
        ("applications_carried_forward", "table_b.carry_forward.total", total("carry_forward")),
        ("reviews_total", "table_c.review.total", "表三行政复议总计"),
        ("litigations_total", "table_c.litigation.total", "表三行政诉讼总计（直接起诉与复议后起诉之和）"),
    ):
        got = fig(key)
        out[prose] = [(name, *got)] if got else []
    if forward:
        out["applications_received"].append((total("carry_forward"), *forward))
    return out


def check_prose(report: Report) -> list[Check]:
    """T-1: every prose figure about applications, reviews and lawsuits = a matching table cell."""
    out = []
    for key, candidates in prose_candidates(report).items():
        prose = report.facts.get(key)
        if prose is None or prose.value is None or not candidates:
            continue
        lines = sorted({x for x in [prose.line, *(c[2] for c in candidates)] if x is not None})
        said = f"正文{f'第 {prose.line} 行' if prose.line else ''}说{w.PROSE_NAMES.get(key, key)} {w.num(prose.value)} 件"
        match = next((c for c in candidates if c[1] == prose.value), None)
        if match is not None:
            message = f"{said}，与{match[0]} {w.num(match[1])} 相符"
        else:
            quoted = [f"{name} {w.num(value)}" for name, value, _ in candidates]
            if len(quoted) == 1:
                message = f"{said}，与{quoted[0]} 不符"
            else:
                message = f"{said}，与表中可能对应的数都不符：{w.some(quoted, '，', '个')}"
        out.append(Check("T-1", "文表一致", match is not None, message, lines, "warning"))
    return out


# ---------------------------------------------------------------- years and parts


def statistics_year(report: Report) -> tuple[int, int] | None:
    """The year of the statistics period ('统计期限自2020年1月1日…') and its line."""
    for key, fig in report.facts.items():
        if ("period" in key or "statistics" in key) and isinstance(fig.value, int):
            return fig.value, fig.line or 0
    for i, raw in enumerate(report.lines, start=1):
        if "统计" in raw:
            m = STATS_YEAR.search(normalize(raw))
            if m:
                return int(m.group(1)), i
    return None


def check_year(report: Report) -> Check | None:
    """Y-1: the year in the title = the year of the statistics period (when both are printed)."""
    title = report.meta.title
    m = TITLE_YEAR.search(normalize(title)) if title else None
    stats = statistics_year(report)
    if not m or stats is None:
        return None
    year = int(m.group(1))
    where = report.meta.origin.get("title", "")
    title_line = int(where[5:]) if where.startswith("text:") and where[5:].isdigit() else None
    lines = sorted({x for x in (title_line, stats[1]) if x})
    if year == stats[0]:
        return Check("Y-1", "年度一致", True, f"标题与统计期限都是 {year} 年", lines, "warning")
    return Check(
        "Y-1",
        "年度一致",
        False,
        f"标题写 {year} 年，但统计期限{w.line(stats[1])}是 {stats[0]} 年",
        lines,
        "warning",
    )


def check_parts(report: Report) -> list[Check]:
    """S-1, S-2: a 2019-format report should carry the six statutory sections and Tables A–C."""
    if report.template != "2019":
        return []
    titles = [re.sub(r"\s", "", s.title) for s in report.sections]
    missing = [name for name, rx in STATUTORY_SECTIONS if not any(rx.search(t) for t in titles)]
    sections = Check(
        "S-1",
        "法定章节",
        not missing,
        sections_message(missing),
        [s.line for s in report.sections],
        "warning",
    )
    absent = [n for n in "ABC" if n not in report.tables]
    unread = [
        n
        for n in "ABC"
        if n in report.tables and all(v is None for r in report.tables[n].rows for v in r.cells)
    ]
    problems = ([f"未找到{_tables(absent)}"] if absent else []) + (
        [f"{_tables(unread)}没有读出任何数字"] if unread else []
    )
    tables = Check(
        "S-2",
        "法定表格",
        not problems,
        "；".join(problems) or "表一、表二、表三都已读出",
        [t.line for t in report.tables.values() if t.line is not None],
        "warning",
    )
    return [sections, tables]


def sections_message(missing: list[str]) -> str:
    """'六个法定章节齐全' or '未找到法定章节：“…”“…”等 N 个'."""
    if not missing:
        return "六个法定章节齐全"
    return "未找到法定章节：" + w.some([f"“{m}”" for m in missing], "", "个")


def _tables(names: list[str]) -> str:
    """'表一、表三' for ['A', 'C']."""
    return "、".join(w.TABLE_NAMES.get(n, n) for n in names)
