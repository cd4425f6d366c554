"""Render: one report becomes one plain Markdown page.

Order, for a citizen: the key figures first (each linked to the line it was read from), the
consistency checks, the statutory tables, where the report comes from and its downloads, then the
full text with heading and line anchors (#L12).
"""

from __future__ import annotations

from generator import measures_view
from generator.catalog import Entry
from generator.figures import KEY_FIGURES, OPTIONAL_FIGURES, KeyFigure, line_of, source_of, value_of
from generator.markup import esc_html, esc_md, esc_url, fmt_number, yaml_str
from generator.pagekit import MISSING, inline_table, place_crumbs, term_link
from generator.records import Report
from generator.statutory import checks_panel, line_link, table_md

TEMPLATE_NAMES = {"2019": "法定格式（2019 年起）", "legacy": "自由格式（2019 年前）"}
QUOTE_CHARS = 40  # the words a figure was read from, shortened to this many characters


def page_title(entry: Entry) -> str:
    return f"{entry.place[3]} {entry.year} 年政府信息公开工作年度报告"


def description(entry: Entry) -> str:
    """One sentence for search engines and link previews (og:description)."""
    r = entry.report
    parts = []
    for fig in KEY_FIGURES[:1] + KEY_FIGURES[3:]:
        value = r.summary.get(fig.key)
        parts.append(f"{fig.label} {fmt_number(value, fig.unit) if value is not None else MISSING}")
    return f"{''.join(entry.place)} {entry.year} 年政府信息公开工作年度报告：" + "，".join(parts) + "。"


def render_report(entry: Entry, prev: Entry | None, nxt: Entry | None, downloads: dict[str, str]) -> str:
    """The whole page. Every string from the report or its sidecar passes through esc_*."""
    r = entry.report
    out = [
        f"---\ntitle: {yaml_str(page_title(entry))}\ndescription: {yaml_str(description(entry))}\n"
        "og_type: article\n---\n",
        f"# {esc_md(page_title(entry))}\n",
        place_crumbs(entry.page, entry.place, entry.slugs, last_link=True).rstrip("\n")
        + f" › {entry.year} 年\n",
        year_links(entry, prev, nxt),
        facts_card(entry.page, r),
        checks_panel(entry.page, r),
    ]
    out += [table_md(entry.page, r.tables[name]) for name in ("A", "B", "C") if name in r.tables]
    out.append(measures_view.measures_panel(entry))  # 问责指标 (generator/measures_view.py)
    out.append(meta_card(entry, downloads))
    out.append(full_text(r))
    return "\n".join(out)


def year_links(entry: Entry, prev: Entry | None, nxt: Entry | None) -> str:
    """The same town's previous and next report, and all its years."""
    parts = [f"[← {prev.year} 年]({prev.year}.md)" if prev else f"← {entry.year - 1} 年：未收录"]
    parts.append(f"[{esc_md(entry.place[3])}历年报告](index.md)")
    parts.append(f"[{nxt.year} 年 →]({nxt.year}.md)" if nxt else "没有更新的报告")
    return "\n" + " · ".join(parts) + "\n"


def figure_row_md(page: str, r: Report, fig: KeyFigure) -> list[str]:
    """Label (linked to the glossary), value or 未提及, and the line with the words it came from."""
    value = value_of(r, fig)
    found = source_of(r, fig)
    unit = "万元" if fig.unit == "元" and found is not None and "万元" in (found.quote or "") else fig.unit
    shown = fmt_number(value, " " + unit) if value is not None else MISSING
    line = line_of(r, fig) if value is not None else None
    where = line_link(line)
    if line and found is not None and found.quote:
        quote = found.quote if len(found.quote) <= QUOTE_CHARS else found.quote[:QUOTE_CHARS] + "…"
        where += f"：“{esc_md(quote)}”"
    return [term_link(page, fig.label, fig.term), esc_md(shown), where]


def facts_card(page: str, r: Report) -> str:
    """The key figures; optional ones (办结, 信息处理费) only when the report gives them."""
    rows = [figure_row_md(page, r, fig) for fig in KEY_FIGURES]
    rows += [figure_row_md(page, r, fig) for fig in OPTIONAL_FIGURES if value_of(r, fig) is not None]
    out = ["## 主要数据\n", inline_table(page, ["指标", "数值", "原文出处"], rows, align="lrl")]
    out.append(
        f"“{term_link(page, MISSING, MISSING)}”表示报告没有给出该数字。"
        "数字均按报告原文照录，不作更正；点击行号可看到原文。\n"
    )
    out += [correction_note(c) for c in r.corrections]
    return "\n".join(out)


def correction_note(c: dict) -> str:
    """A maintainer's correction: what was read, what it was corrected to, and why."""
    return (
        f"- 更正：{esc_md(c.get('key'))} 原读数 {esc_md(fmt_number(c.get('original')))}，"
        f"更正为 {esc_md(fmt_number(c.get('value')))}（{esc_md(c.get('reason') or '未说明理由')}）\n"
    )


def meta_card(entry: Entry, downloads: dict[str, str]) -> str:
    """Where the report comes from, its format, and the downloads (original file, YAML)."""
    r, m = entry.report, entry.report.meta
    source = "未提供"
    if m.source_url:
        source = f"[{esc_md(m.source_url)}]({esc_url(m.source_url)})"
    rows = [
        ["报告原题", esc_md(m.title or "—")],
        ["发布日期", esc_md(m.published.isoformat() if m.published else "未注明")],
        ["来源网址", source],
        ["格式", esc_md(TEMPLATE_NAMES.get(r.template, r.template))],
        ["下载", " · ".join(f"[{esc_md(k)}]({v})" for k, v in downloads.items())],
    ]
    if m.notes:
        rows.append(["备注", esc_md(m.notes)])
    return "## 报告信息\n\n" + inline_table(entry.page, ["项目", "内容"], rows, align="ll")


def outline(r: Report) -> str:
    """The report's own headings, linked to their lines (the table of contents of the full text)."""
    if not r.sections:
        return ""
    items = [
        f"- [{esc_md((s.number + '、') if s.number else '')}{esc_md(s.title)}](#L{s.line})"
        for s in r.sections
    ]
    return "\n".join(items) + "\n"


def table_lines(r: Report) -> str:
    """` data-table-lines="36-221 229-250"`: the lines the statutory tables were read from (the
    search index leaves them out: their labels are the same in every report), or ""."""
    spans = sorted({(t.line, t.end_line or t.line) for t in r.tables.values() if t.line})
    return f' data-table-lines="{" ".join(f"{a}-{b}" for a, b in spans)}"' if spans else ""


def full_text(r: Report) -> str:
    """The text as published, line by line with anchors (#L12); section headings become headings.

    Each line is `<p id="L12"><a href="#L12">12</a>text</p>`: the anchor, and its visible number
    linked to it (styled as a line number by `.report-text a` in portal.css; the text is escaped,
    so these are the only links in the block). Blank lines are left out, their numbers kept."""
    heading_lines = {s.line for s in r.sections}
    out = ["## 报告全文\n", outline(r), f'<div class="report-text" lang="zh-CN"{table_lines(r)}>']
    for i, raw in enumerate(r.lines, start=1):
        text = raw.strip()
        if not text:
            continue
        tag = "h3" if i in heading_lines else "p"
        out.append(f'<{tag} id="L{i}"><a href="#L{i}">{i}</a>{esc_html(text)}</{tag}>')
    out.append("</div>\n")
    return "\n".join(out)
