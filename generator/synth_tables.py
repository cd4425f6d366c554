"""The statutory tables (shared/template.md) with consistent figures, in the renderings seen in
published text: pipes, tabs, one cell per line, and digits run together after the label.

Used by generator/synth.py only; the figures are the truth the extractor must read back.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

Row = tuple[str, list[str]]  # label, cells as printed

APPLICANTS = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")
B_RESULTS_2019 = (
    "（一）予以公开",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "（三）不予公开 1.属于国家秘密",
    "2.其他法律行政法规禁止公开",
    "3.危及“三安全一稳定”",
    "4.保护第三方合法权益",
    "5.属于三类内部事务信息",
    "6.属于四类过程性信息",
    "7.属于行政执法案卷",
    "8.属于行政查询事项",
    "（四）无法提供 1.本机关不掌握相关政府信息",
    "2.没有现成信息需要另行制作",
    "3.补正后申请内容仍不明确",
    "（五）不予处理 1.信访举报投诉类申请",
    "2.重复申请",
    "3.要求提供公开出版物",
    "4.无正当理由大量反复申请",
    "5.要求行政机关确认或重新出具已获取信息",
)
B_OTHER_2019 = ("（六）其他处理",)
B_OTHER_2021 = (
    "（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "3.其他",
)
C_HEAD = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
STYLES = ("pipes", "tabs", "cells", "cells_bare")


@dataclass
class TableTruth:
    """What the tables say, in the contract's terms."""

    applications_received: int = 0
    applications_carried_over: int = 0
    reviews_total: int = 0
    litigations_total: int = 0
    lines: list[str] = field(default_factory=list)


def _split(rng: random.Random, total: int, parts: int, skew: float = 0.7) -> list[int]:
    """`total` spread over `parts` slots, mostly into the first (natural persons, '予以公开')."""
    out = [0] * parts
    for _ in range(total):
        out[0 if rng.random() < skew else rng.randrange(parts)] += 1
    return out


def table_a(rng: random.Random, fmt: str) -> list[tuple[str, list[Row]]]:
    """Blocks of Table A: (block heading, [header row, data rows])."""
    small = lambda hi=3: str(rng.choice([0, 0, 0, rng.randint(0, hi)]))  # noqa: E731
    if fmt == "2019":
        return [
            (
                "第二十条第（一）项",
                [
                    ("信息内容", ["本年新制作数量", "本年新公开数量", "对外公开总数量"]),
                    ("规章", ["0", "0", "0"]),
                    ("规范性文件", [small(), small(), small(9)]),
                ],
            ),
            (
                "第二十条第（五）项",
                [
                    ("信息内容", ["上一年项目数量", "本年增/减", "处理决定数量"]),
                    ("行政许可", [small(), "0", small(40)]),
                    ("其他对外管理服务事项", [small(), "0", small(20)]),
                ],
            ),
            (
                "第二十条第（六）项",
                [
                    ("信息内容", ["上一年项目数量", "本年增/减", "处理决定数量"]),
                    ("行政处罚", [small(), "0", small(30)]),
                    ("行政强制", ["0", "0", "0"]),
                ],
            ),
            (
                "第二十条第（八）项",
                [("信息内容", ["上一年项目数量", "本年增/减"]), ("行政事业性收费", [small(), "0"])],
            ),
            (
                "第二十条第（九）项",
                [("信息内容", ["采购项目数量", "采购总金额"]), ("政府集中采购", ["0", "0"])],
            ),
        ]
    fee = rng.choice(["0", "0", f"{rng.randint(1, 999) / 100:.2f}"])
    return [
        (
            "第二十条第（一）项",
            [
                ("信息内容", ["本年制发件数", "本年废止件数", "现行有效件数"]),
                ("规章", ["0", "0", "0"]),
                ("行政规范性文件", [small(), "0", small(9)]),
            ],
        ),
        ("第二十条第（五）项", [("信息内容", ["本年处理决定数量"]), ("行政许可", [small(60)])]),
        (
            "第二十条第（六）项",
            [("信息内容", ["本年处理决定数量"]), ("行政处罚", [small(30)]), ("行政强制", ["0"])],
        ),
        ("第二十条第（八）项", [("信息内容", ["本年收费金额（单位：万元）"]), ("行政事业性收费", [fee])]),
    ]


def table_b(rng: random.Random, fmt: str) -> tuple[list[Row], int, int]:
    """Table B rows with B-1, B-2, B-3 holding; returns rows, new total, carried-over total."""
    new = rng.choice([0, 0, 0, 1, 2, rng.randint(0, 15)])
    carried = rng.choice([0, 0, 0, 0, 1])
    results = B_RESULTS_2019 + (B_OTHER_2019 if fmt == "2019" else B_OTHER_2021)
    nxt = min(rng.choice([0, 0, 0, 1]), new + carried)
    new_cols = _split(rng, new, 6)
    carried_cols = _split(rng, carried, 6)
    next_cols = [0] * 6
    for _ in range(nxt):
        c = next(i for i in range(6) if new_cols[i] + carried_cols[i] > next_cols[i])
        next_cols[c] += 1
    handled = [[0] * 6 for _ in results]
    for c in range(6):
        for _ in range(new_cols[c] + carried_cols[c] - next_cols[c]):
            handled[0 if rng.random() < 0.6 else rng.randrange(len(results))][c] += 1
    with_total = lambda cols: [str(v) for v in cols] + [str(sum(cols))]  # noqa: E731
    rows: list[Row] = [
        ("一、本年新收政府信息公开申请数量", with_total(new_cols)),
        ("二、上年结转政府信息公开申请数量", with_total(carried_cols)),
    ]
    for i, label in enumerate(results):
        rows.append(((("三、本年度办理结果 ") if i == 0 else "") + label, with_total(handled[i])))
    totals = [sum(h[c] for h in handled) for c in range(6)]
    rows.append(("（七）总计", with_total(totals)))
    rows.append(("四、结转下年度继续办理", with_total(next_cols)))
    return rows, new, carried


def table_c(rng: random.Random) -> tuple[list[str], int, int]:
    """One row of 15 cells: 复议, 未经复议直接起诉, 复议后起诉, each four results and a total."""
    cells: list[str] = []
    totals = []
    for odds in (0.12, 0.06, 0.03):
        parts = [1 if rng.random() < odds else 0 for _ in range(4)]
        cells += [str(v) for v in parts] + [str(sum(parts))]
        totals.append(sum(parts))
    return cells, totals[0], totals[1] + totals[2]


def render_rows(rows: list[Row], style: str) -> list[str]:
    """Rows as text in one rendering."""
    out: list[str] = []
    for label, cells in rows:
        if style == "pipes":
            out.append(" | ".join([label, *cells]) + " |")
        elif style == "tabs":
            out.append("\t".join([label, *cells]))
        elif style == "glued" and all(len(c) == 1 and c.isdigit() for c in cells) and len(cells) > 1:
            out.append(label + "".join(cells))
        elif style == "glued":
            out.append(" ".join([label, *cells]))
        elif style == "cells":
            out += [f"{x} |" for x in (label, *cells)]
        else:
            out += [label, *cells]
    return out


def tables_text(rng: random.Random, fmt: str) -> tuple[dict[str, list[str]], TableTruth]:
    """The three tables as text lines for sections 二, 三 and 四, and what they say."""
    style = rng.choice(STYLES)
    a_style = "glued" if rng.random() < 0.25 else style
    a_lines: list[str] = []
    for heading, rows in table_a(rng, fmt):
        a_lines.append(heading)
        a_lines += render_rows(rows, a_style)
    b_rows, new, carried = table_b(rng, fmt)
    b_lines = ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"]
    b_lines += render_rows([("申请人情况", list(APPLICANTS))], style)
    b_lines += render_rows(b_rows, style)
    c_cells, reviews, litigations = table_c(rng)
    c_head = [("行政复议", []), ("行政诉讼", []), ("", list(C_HEAD) * 3)]
    c_lines = render_rows([(h, cells) for h, cells in c_head if h or cells], style)
    c_lines += (
        render_rows([("", c_cells)], style)
        if style not in ("cells", "cells_bare")
        else [x for c in c_cells for x in ((f"{c} |",) if style == "cells" else (c,))]
    )
    truth = TableTruth(new, carried, reviews, litigations)
    return {"A": a_lines, "B": b_lines, "C": [line for line in c_lines if line.strip(" |")]}, truth
