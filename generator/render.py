"""Render: one report becomes one plain Markdown page (facts card, checks, tables, full text)."""

from __future__ import annotations

from generator import measures_view
from generator.catalog import Entry
from generator.figures import KEY_FIGURES, source_of
from generator.markup import esc_html, esc_md, fmt_number, yaml_str
from generator.records import Report, Table

TEMPLATE_NAMES = {"2019": "法定格式（2019 年起）", "legacy": "自由格式（2019 年前）"}
TABLE_TITLES = {
    "A": "表一　主动公开政府信息情况（第二十条）",
    "B": "表二　收到和处理政府信息公开申请情况",
    "C": "表三　政府信息公开行政复议、行政诉讼情况",
}


def page_title(entry: Entry) -> str:
    return f"{entry.place[3]} {entry.year} 年政府信息公开工作年度报告"


def line_link(line: int | None) -> str:
    return f"[第 {line} 行](#L{line})" if line else "—"


def render_report(entry: Entry, prev: Entry | None, nxt: Entry | None, downloads: dict[str, str]) -> str:
    """The whole page. Every string from the report or its sidecar passes through esc_*."""
    r = entry.report
    out = [f"---\ntitle: {yaml_str(page_title(entry))}\n---\n", f"# {esc_md(page_title(entry))}\n"]
    out.append(breadcrumb(entry))
    out.append(meta_card(entry, downloads))
    out.append(facts_card(r))
    out.append(checks_panel(r))
    for name in ("A", "B", "C"):
        if name in r.tables:
            out.append(table_md(r.tables[name]))
    out.append(measures_view.measures_panel(entry))  # 问责指标 (generator/measures_view.py)
    out.append(year_links(entry, prev, nxt))
    out.append(full_text(r))
    return "\n".join(out)


def breadcrumb(entry: Entry) -> str:
    p = entry.place
    depth_links = ["../../../../index.md", "../../../index.md", "../../index.md", "../index.md", "index.md"]
    names = ["地区", p[0], p[1], p[2], p[3]]
    parts = [f"[{esc_md(n)}]({link})" for n, link in zip(names, depth_links, strict=True)]
    return " › ".join(parts) + f" › {entry.year} 年\n"


def meta_card(entry: Entry, downloads: dict[str, str]) -> str:
    r, m = entry.report, entry.report.meta
    source = f"<{esc_html(m.source_url)}>" if m.source_url else "未提供"
    if m.source_url:
        source = f"[{esc_md(m.source_url)}]({m.source_url.replace(' ', '%20').replace(')', '%29')})"
    rows = [
        ("乡镇（街道）", esc_md(m.town)), ("县（市、区、旗）", esc_md(m.county)),
        ("地市", esc_md(m.prefecture)), ("省份", esc_md(m.province)),
        ("报告年度", f"{entry.year} 年"), ("发布日期", esc_md(m.published.isoformat() if m.published else "未注明")),
        ("报告原题", esc_md(m.title or "—")), ("来源", source),
        ("格式", TEMPLATE_NAMES.get(r.template, r.template)),
        ("下载", " · ".join(f"[{esc_md(k)}]({v})" for k, v in downloads.items())),
    ]
    if m.notes:
        rows.append(("备注", esc_md(m.notes)))
    return "## 基本信息\n\n| 项目 | 内容 |\n|---|---|\n" + "".join(f"| {a} | {b} |\n" for a, b in rows)


def facts_card(r: Report) -> str:
    lines = ["## 主要数据\n", "| 指标 | 数值 | 出处 |", "|---|---:|---|"]
    for fig in KEY_FIGURES:
        src = source_of(r, fig)
        value = r.summary.get(fig.key)
        shown = fmt_number(value, " " + fig.unit) if value is not None else "未提及"
        lines.append(f"| {fig.label} | {esc_md(shown)} | {line_link(src.line if src else None)} |")
    lines.append("\n“未提及”表示报告正文没有给出该数字；数字均按报告原文照录，不作更正。\n")
    return "\n".join(lines)


def checks_panel(r: Report) -> str:
    out = ["## 数据核验\n"]
    failed = [c for c in r.checks if c.ok is False]
    unknown = [c for c in r.checks if c.ok is None]
    passed = [c for c in r.checks if c.ok]
    if not r.checks:
        out.append("本报告没有可核验的统计表。\n")
    else:
        out.append(f"共 {len(r.checks)} 项：通过 {len(passed)} 项，未通过 {len(failed)} 项，无法核验 {len(unknown)} 项。\n")
    for c in failed:
        links = "、".join(line_link(n) for n in c.lines)
        out.append(f"- ✗ **{esc_md(c.id)} {esc_md(c.name)}**：{esc_md(c.message)}" + (f"（{links}）" if links else ""))
    for c in unknown:
        out.append(f"- ？ {esc_md(c.id)} {esc_md(c.name)}：{esc_md(c.message)}")
    warnings = [p for p in r.problems if p.level != "error"]
    for p in warnings:
        out.append(f"- ⚠ {esc_md(p.message)}" + (f"（{line_link(p.line)}）" if p.line else ""))
    return "\n".join(out) + "\n"


def table_md(t: Table) -> str:
    head = "| 项目 | " + " | ".join(esc_md(c) for c in t.columns) + " |"
    sep = "|---|" + "---:|" * len(t.columns)
    rows = []
    for row in t.rows:
        cells = " | ".join(esc_md(fmt_number(v)) for v in row.cells)
        label = esc_md(row.label) + (f" [↗](#L{row.line})" if row.line else "")
        rows.append(f"| {label} | {cells} |")
    notes = "".join(f"\n- ⚠ {esc_md(w)}" for w in t.warnings)
    return f"## {TABLE_TITLES.get(t.name, t.name)}\n\n{head}\n{sep}\n" + "\n".join(rows) + "\n" + notes + "\n"


def year_links(entry: Entry, prev: Entry | None, nxt: Entry | None) -> str:
    parts = []
    if prev:
        parts.append(f"[← {prev.year} 年报告]({prev.year}.md)")
    parts.append("[本镇历年报告](index.md)")
    if nxt:
        parts.append(f"[{nxt.year} 年报告 →]({nxt.year}.md)")
    return "\n" + " · ".join(parts) + "\n"


def full_text(r: Report) -> str:
    """The text as published, line by line with anchors (#L12); section headings become headings."""
    heading_lines = {s.line for s in r.sections}
    out = ["## 报告全文\n", '<div class="report-text">']
    body: list[str] = []
    for i, raw in enumerate(r.lines, start=1):
        text = raw.strip()
        if not text:
            continue
        if i in heading_lines:
            body.append(f'<h3 id="L{i}">{esc_html(text)}</h3>')
        else:
            body.append(f'<p id="L{i}"><span class="ln">{i}</span>{esc_html(text)}</p>')
    out.extend(body)
    out.append("</div>\n")
    return "\n".join(out)
