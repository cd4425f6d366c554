"""A pull request's job summary: what the parser read from each new or changed report.

Written as GitHub-flavoured Markdown to $GITHUB_STEP_SUMMARY by the pull-request workflow, so a
reviewer sees the figures, the failed checks and the problems without opening any file.
"""

from __future__ import annotations

from pathlib import Path

from generator.figures import KEY_FIGURES
from generator.layout import apply_layout, find_reports_root
from generator.markup import esc_md, fmt_number
from generator.pipeline import read_report
from generator.records import Report


def read_for_review(path: Path) -> Report:
    report = read_report(path)
    return apply_layout(report, path) if find_reports_root(path) else report


def summary_markdown(paths: list[Path]) -> str:
    """One table row per report with its key figures, then its failed checks and problems."""
    if not paths:
        return "### 报告检查\n\n本次拉取请求没有新增或修改 reports/ 下的报告。\n"
    head = ["文件", "乡镇", "县", "年度", "格式"] + [f.label for f in KEY_FIGURES] + ["未通过核验", "错误"]
    lines = [
        "### 报告检查：解析结果",
        "",
        "| " + " | ".join(head) + " |",
        "|" + "---|" * len(head),
    ]
    details: list[str] = []
    for path in paths:
        r = read_for_review(path)
        s = r.summary
        failed = [c for c in r.checks if c.ok is False]
        errors = [p for p in r.problems if p.level == "error"]
        cells = [
            esc_md(str(path)),
            esc_md(s.get("town")),
            esc_md(s.get("county")),
            esc_md(s.get("year")),
            esc_md(s.get("template")),
        ]
        cells += [fmt_number(s.get(f.key)) for f in KEY_FIGURES]
        cells += [str(len(failed)), str(len(errors))]
        lines.append("| " + " | ".join(cells) + " |")
        for c in failed:
            where = "、".join(f"第 {n} 行" for n in c.lines)
            details.append(
                f"- {esc_md(path.name)}（{esc_md(s.get('town'))}）✗ {esc_md(c.id)} {esc_md(c.name)}："
                f"{esc_md(c.message)}" + (f"（{where}）" if where else "")
            )
        for p in r.problems:
            mark = "错误" if p.level == "error" else "提示"
            details.append(
                f"- {esc_md(path.name)} {mark}：{esc_md(p.message)}"
                + (f"（第 {p.line} 行）" if p.line else "")
            )
    if details:
        lines += ["", "#### 需要审阅的问题", "", *details]
    lines += [
        "",
        "“—”表示报告没有给出该数字。数字按原文照录；如有误读，可在旁注文件（sidecar）中用 corrections 更正并写明理由。",
        "",
    ]
    return "\n".join(lines)
