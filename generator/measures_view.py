"""The measures on the site: a panel on each report page and rankings on year and region pages.

Everything shown comes from Report.indicators (generator/measures.py); report text is escaped.
"""

from __future__ import annotations

import posixpath
from typing import Any

from generator.briefs import Brief
from generator.catalog import Entry
from generator.markup import esc_html, esc_md
from generator.pagekit import inline_table, relpath

NOT_APPLICABLE = "不适用（分母为 0）"
RATE_LABELS = {
    "substantive_disclosure": ("实质公开率", "（予以公开 + 部分公开）÷ 办理结果总计"),
    "not_answered": ("未实质答复比例", "（无法提供 + 不予处理 + 其他处理）÷ 办理结果总计"),
    "review_correction": ("行政复议纠错率", "行政复议“结果纠正”÷ 行政复议总计"),
    "litigation_correction": ("行政诉讼纠错率", "行政诉讼“结果纠正”÷ 行政诉讼总计（两类起诉合计）"),
}
RANKING_LIMIT = 20
CAVEATS = (
    "文本重复率只与本站收录的同一乡镇上一份报告比较（不一定是上一年）；标题、章节标题和统计表不计入，"
    "只改了年份的句子算作重复。重复不等于造假：制度性表述每年相同也属正常。",
    "完整性只看法定章节和统计表（2019 年以前的报告看 2008 年条例第三十一条要求的内容）是否出现，"
    "不评价内容好坏；"
    "统计表是图片或未能识别时会被算作缺少。",
    "比率只在表二、表三能读出时计算；申请很少时，一件申请就能让比率从 0 变为 100%。",
    "发布时效只在报告注明发布日期时计算；乡镇的公布期限由各地通知规定，3 月 31 日只是参照。",
)


def pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def rate_text(rate: dict[str, Any]) -> str:
    """A rate as shown: '66.7%（2/3）', '不适用（分母为 0）', or '—（reason）'."""
    if rate.get("value") is not None:
        return f"{pct(rate['value'])}（{_num(rate['numerator'])}/{_num(rate['denominator'])}）"
    if rate.get("note") == "分母为 0":
        return NOT_APPLICABLE
    return f"—（{rate.get('note') or '无法计算'}）"


def _num(value: float | None) -> str:
    return "—" if value is None else (str(int(value)) if float(value).is_integer() else str(value))


def reuse_text(reuse: dict[str, Any]) -> str:
    if reuse.get("share") is None:
        return f"—（{reuse.get('note') or '无法计算'}）"
    flag = " ⚠ 超过一半" if reuse.get("over_half") else ""
    return (
        f"{pct(reuse['share'])}（{reuse['sentences']} 句中 {reuse['reused']} 句"
        f"与 {reuse['previous_year']} 年报告相同）{flag}"
    )


def completeness_text(comp: dict[str, Any]) -> str:
    return f"{comp['present']}/{comp['expected']}（{pct(comp['score'])}）"


def timeliness_text(t: dict[str, Any]) -> str:
    days = t.get("days_after_year_end")
    if days is None:
        return f"—（{t.get('note') or '无法计算'}）"
    text = f"年度结束后 {days} 天（{t['published']}）"
    if t.get("late"):
        text += f" ⚠ 晚于 {t['deadline']}"
    if t.get("note"):
        text += f"；{t['note']}"
    return text


def measures_panel(entry: Entry) -> str:
    """The '问责指标' section of a report page (empty when the build computed no measures)."""
    ind = entry.report.indicators
    if not ind:
        return ""
    fields = relpath("fields.md", posixpath.dirname(entry.page))
    comp = ind["completeness"]
    missing = "缺少：" + "、".join(esc_md(m) for m in comp["missing"]) if comp["missing"] else "法定部分齐全"
    rows = [
        ("文本重复率", esc_md(reuse_text(ind["text_reuse"])), "与本镇上一份报告相同的句子所占比例"),
        ("完整性", completeness_text(comp), missing),
        *(
            (label, esc_md(rate_text(ind["rates"][key])), esc_md(formula))
            for key, (label, formula) in RATE_LABELS.items()
        ),
        ("发布时效", esc_md(timeliness_text(ind["timeliness"])), "发布日期距统计年度结束的天数"),
    ]
    out = [
        "## 问责指标\n",
        inline_table(entry.page, ["指标", "结果", "说明"], [list(r) for r in rows], align="lll"),
    ]
    out.append(f"\n各项指标的算法和局限见[数据与指标说明]({fields})。\n")
    out.append(reused_passages(ind["text_reuse"]))
    return "\n".join(out)


PASSAGE_CHARS = 24  # a repeated sentence is shown by its opening words; its line has the whole


def passage_text(text: str) -> str:
    return text if len(text) <= PASSAGE_CHARS else text[:PASSAGE_CHARS] + "…"


def reused_passages(reuse: dict[str, Any]) -> str:
    """The repeated sentences, each by its opening words, linked to its line in the full text
    below (the YAML keeps every sentence whole)."""
    passages = reuse.get("passages") or []
    if not passages:
        return ""
    items = "".join(
        f'<li><a href="#L{p["line"]}">第 {p["line"]} 行</a>：{esc_html(passage_text(p["text"]))}</li>'
        for p in passages
    )
    return (
        f"<details><summary>与 {reuse['previous_year']} 年报告相同的 {len(passages)} 句"
        f"（点击行号跳到全文）</summary><ol>{items}</ol></details>\n"
    )


def _sort_key(e: Brief) -> tuple[float, float, tuple[str, ...], int]:
    """Highest text reuse first, then lowest completeness; unknown reuse last."""
    ind = e.indicators
    share = ind["text_reuse"]["share"]
    return (-(share if share is not None else -1.0), ind["completeness"]["score"], e.place, e.year)


def ranking_section(page: str, entries: list[Brief], title: str, with_year: bool = False) -> str:
    """A table of towns ranked by the measures, with the caveats beside it."""
    rated = sorted((e for e in entries if e.indicators), key=_sort_key)
    if not rated:
        return ""
    shown = rated[:RANKING_LIMIT]
    head = (
        ["乡镇（县）"] + (["年度"] if with_year else []) + ["文本重复率", "完整性", "实质公开率", "发布时效"]
    )
    out = [
        f"\n## {title}\n\n",
        f"按文本重复率从高到低排列（重复率相同时完整性低者在前）"
        f"{f'，显示前 {RANKING_LIMIT} 个，共 {len(rated)} 个' if len(rated) > RANKING_LIMIT else ''}。"
        "重复率超过 50% 标 ⚠。\n\n",
        "| " + " | ".join(head) + " |\n|" + "---|" * len(head) + "\n",
    ]
    for e in shown:
        ind = e.indicators
        link = relpath(e.page, posixpath.dirname(page))
        cells = [f"[{esc_md(e.place[3])}（{esc_md(e.place[2])}）]({link})"]
        cells += [f"{e.year} 年"] if with_year else []
        cells += [
            esc_md(_short_reuse(ind["text_reuse"])),
            completeness_text(ind["completeness"]),
            esc_md(_short_rate(ind["rates"]["substantive_disclosure"])),
            esc_md(_short_days(ind["timeliness"])),
        ]
        out.append("| " + " | ".join(cells) + " |\n")
    out.append("\n**注意：**\n\n" + "".join(f"- {esc_md(c)}\n" for c in CAVEATS))
    return "".join(out)


def _short_reuse(reuse: dict[str, Any]) -> str:
    if reuse.get("share") is None:
        return "—"
    return pct(reuse["share"]) + (" ⚠" if reuse.get("over_half") else "")


def _short_rate(rate: dict[str, Any]) -> str:
    if rate.get("value") is not None:
        return pct(rate["value"])
    return NOT_APPLICABLE if rate.get("note") == "分母为 0" else "—"


def _short_days(t: dict[str, Any]) -> str:
    days = t.get("days_after_year_end")
    return "—" if days is None else f"{days} 天" + (" ⚠" if t.get("late") else "")


def year_ranking(page: str, entries: list[Brief]) -> str:
    """For a year page: that year's reports ranked."""
    return ranking_section(page, entries, "问责指标排行")


def latest_ranking(page: str, towns: list[list[Brief]]) -> str:
    """For a region page: each town's latest report (towns: every town's entries, by year)."""
    latest = [entries[-1] for entries in towns if entries]
    return ranking_section(page, latest, "问责指标排行（各乡镇最新一份报告）", with_year=True)


def home_links() -> str:
    """The home page's pointer to the open data, the feed, coverage and the measures."""
    return (
        "## 开放数据与问责指标\n\n"
        "全部数据可以[下载](downloads/index.md)（CSV、JSON、YAML），新收录的报告可以通过 "
        "[Atom 订阅源](downloads/feed.xml)订阅；各地收录了哪些报告、缺少哪些，见[收录情况](coverage/index.md)；"
        "每份报告的文本重复率、完整性、申请办理比率和发布时效怎样计算，见[数据与指标说明](fields.md)。\n"
    )
