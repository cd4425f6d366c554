"""The statutory tables and the consistency checks of one report, as plain Markdown.

Row labels are the official ones and link to the glossary; every row links to the line of the
report text it was read from. Table B gets the template's group rows back (（三）不予公开 …), which
the template prints without figures of their own.
"""

from __future__ import annotations

from generator.markup import esc_md, fmt_number
from generator.pagekit import esc_text, html_list, html_table, label_html, term_link
from generator.records import Check, Report, Table, TableRow

TABLE_TITLES = {
    "A": "表一　主动公开政府信息情况",
    "B": "表二　收到和处理政府信息公开申请情况",
    "C": "表三　政府信息公开行政复议、行政诉讼情况",
}
# Group rows of Table B, printed before the first row whose key starts with the prefix.
B_GROUPS = (
    ("public", "三、本年度办理结果"),
    ("withheld_", "（三）不予公开"),
    ("unavailable_", "（四）无法提供"),
    ("rejected_", "（五）不予处理"),
    ("other_", "（六）其他处理"),  # 2021 format: three sub-rows; 2019 has one row "（六）其他处理"
)
INDENT = "\u3000"  # a full-width space before leaf rows under a group
MARKS = {True: "✓", False: "✗", None: "？"}
MARK_WORDS = {True: "通过", False: "未通过", None: "无法核验"}


def line_link(line: int | None) -> str:
    """A link to a line of the report text on the same page, or '—'."""
    return f"[第 {line} 行](#L{line})" if line else "—"


def line_html(line: int | None) -> str:
    """line_link() as raw HTML."""
    return f'<a href="#L{line}">第 {line} 行</a>' if line else "—"


SUMMARY_RUNS = 8  # a passed check naming more runs of lines than this lists its first and last only


def line_runs(lines: list[int]) -> list[tuple[int, int]]:
    """Sorted distinct lines as runs of consecutive numbers: [52, 53, 54, 57] -> [(52, 54), (57, 57)]."""
    runs: list[tuple[int, int]] = []
    for n in sorted(set(lines)):
        if runs and n == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    return runs


def lines_link(lines: list[int], summarize: bool = False) -> str:
    """Several lines compactly, every number a link: 第 52、53、57 行; consecutive lines as a
    range, both ends linked: 第 40–59、61、62 行. With summarize (a passed check), many runs become
    the span and the count, first and last linked: 第 61–213 行中的 20 行."""
    runs = line_runs(lines)
    if len(runs) == 1 and runs[0][0] == runs[0][1]:
        return line_link(runs[0][0])
    if summarize and len(runs) > SUMMARY_RUNS:
        first, last = runs[0][0], runs[-1][1]
        count = sum(b - a + 1 for a, b in runs)
        return f"第 [{first}](#L{first})–[{last}](#L{last}) 行中的 {count} 行"
    parts = []
    for a, b in runs:  # a run of three or more lines as a range; two stay two numbers
        parts += [f"[{a}](#L{a})–[{b}](#L{b})"] if b - a >= 2 else [f"[{n}](#L{n})" for n in range(a, b + 1)]
    return "第 " + "、".join(parts) + " 行"


def table_intro(page: str, t: Table) -> str:
    """One sentence under the table's heading: what it counts and where it is in the text."""
    where = ""
    if t.line:
        where = f"原文{line_link(t.line)}" + (f"至第 {t.end_line} 行" if t.end_line else "") + "。"
    if t.name == "A":
        what = f"条例{term_link(page, '第二十条', '第二十条')}规定应当主动公开的信息。"
    elif t.name == "B":
        what = (
            f"本表的{term_link(page, '勾稽关系', '勾稽关系')}：第一项加第二项之和，等于第三项加第四项之和。"
        )
    else:
        what = f"因政府信息公开工作被申请{term_link(page, '行政复议', '行政复议')}、提起{term_link(page, '行政诉讼', '行政诉讼')}的情况。"
    return what + where + "\n"


def group_rows(t: Table) -> list[tuple[str | None, TableRow | None]]:
    """Rows in print order, with Table B's group labels (label, None) before their first member."""
    out: list[tuple[str | None, TableRow | None]] = []
    seen: set[str] = set()
    for row in t.rows:
        for prefix, label in B_GROUPS if t.name == "B" else ():
            starts = row.key == prefix or (prefix.endswith("_") and row.key.startswith(prefix))
            if starts and prefix not in seen:
                seen.add(prefix)
                out.append((label, None))
        out.append((None, row))
    return out


def cell_text(row: TableRow, i: int) -> str:
    """A cell as printed when extraction kept its print ("/", "+12", "251000元"), else the number
    (escaped for an HTML cell)."""
    mark = row.marks[i] if i < len(row.marks) else None
    if mark is not None:
        return esc_text(mark) if mark.strip() else "—"
    return esc_text(fmt_number(row.cells[i])) if i < len(row.cells) else ""


def blocks(t: Table) -> list[tuple[list[str], list[TableRow]]]:
    """Consecutive rows sharing their columns (Table A's blocks differ; B and C are one block)."""
    out: list[tuple[list[str], list[TableRow]]] = []
    for row in t.rows:
        cols = list(row.columns or t.columns)
        if out and out[-1][0] == cols:
            out[-1][1].append(row)
        else:
            out.append((cols, [row]))
    return out


def block_table(page: str, t: Table, columns: list[str], rows: list[TableRow]) -> str:
    """One table (raw HTML, pagekit.html_table): label, the cells under the official column
    labels, the line link."""
    width = max([len(columns), *(len(r.cells) for r in rows)])
    header = ["项目", *(esc_text(c) for c in columns), *([""] * (width - len(columns))), "原文"]
    out = []
    for group, row in group_rows(Table(t.name, t.format, columns, rows)):
        if row is None:
            out.append([label_html(page, group or "")] + [""] * (width + 1))
            continue
        leaf = t.name == "B" and row.key.split("_")[0] in ("withheld", "unavailable", "rejected", "other")
        label = (INDENT if leaf and row.key != "other" else "") + label_html(page, row.label)
        out.append([label, *(cell_text(row, i) for i in range(width)), line_html(row.line)])
    return html_table(header, out, align="l" + "r" * width + "l")


def table_md(page: str, t: Table) -> str:
    """One statutory table with official labels, glossary links and line links."""
    out = [f"## {TABLE_TITLES.get(t.name, esc_md('表' + t.name))}\n", table_intro(page, t)]
    out += [block_table(page, t, cols, rows) for cols, rows in blocks(t)]
    out.append("“—”表示原表该格空白或未能读出。\n")
    out += [f"- ⚠ {esc_md(w)}\n" for w in t.warnings]
    return "\n".join(out)


def check_item(c: Check) -> str:
    """One check as a list item: mark, id and name, what was compared, the lines."""
    where = f"（{lines_link(c.lines, summarize=c.ok is True)}）" if c.lines else ""
    name = f"**{esc_md(c.id)} {esc_md(c.name)}**"
    return f'<span class="check-mark" title="{MARK_WORDS[c.ok]}">{MARKS[c.ok]}</span> {name}：{esc_md(c.message)}{where}'


def checks_panel(page: str, r: Report) -> str:
    """The consistency checks: failures first, then the ones that could not run, then passes."""
    out = ["## 数据核验\n"]
    explain = term_link(page, "怎样核验", "数据核验")
    if not r.checks:
        if r.template == "legacy":
            out.append(f"本报告是 2019 年以前的自由格式，没有法定统计表，无法核验（{explain}）。\n")
        else:
            out.append(f"本报告没有读出可核验的统计表（{explain}）。\n")
    else:
        counts = {ok: sum(1 for c in r.checks if c.ok is ok) for ok in (True, False, None)}
        out.append(
            f"共 {len(r.checks)} 项：✓ 通过 {counts[True]} 项，✗ 未通过 {counts[False]} 项，"
            f"？ 无法核验 {counts[None]} 项（{explain}）。\n"
        )
        order = {False: 0, None: 1, True: 2}
        out.append(html_list(page, [check_item(c) for c in sorted(r.checks, key=lambda c: order[c.ok])]))
    warnings = [p for p in r.problems if p.level != "error"]
    if warnings:
        out.append("读取时的提示：\n")
        items = [f"⚠ {esc_md(p.message)}" + (f"（{line_link(p.line)}）" if p.line else "") for p in warnings]
        out.append(html_list(page, items))
    return "\n".join(out) + "\n"
