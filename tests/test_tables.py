"""Tables A, B and C read from every rendering seen in published text.

Each tests/fixtures/tables/NAME.txt is read on its own and compared whole with NAME.yaml
(the tables, their warnings and the table facts). Regenerate after reviewing the change with
    pytest tests/test_tables.py --regen-golden
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from goldenkit import check_golden
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.extract.table_cells import Token, fit_cells, parse_value, tokenize
from generator.extract.table_vocab import B_ROWS_2019, B_ROWS_2021
from generator.extract.tables import read_tables, table_facts
from generator.extract.text import Text
from generator.records import Table
from generator.serialize import dump_yaml

FIXTURES = Path(__file__).parent / "fixtures" / "tables"
CASES = sorted(FIXTURES.glob("*.txt"))


def table_data(table: Table) -> dict[str, Any]:
    """A table as compact plain data: rows that were found or read, with their markers."""
    rows: dict[str, Any] = {}
    for row in table.rows:
        if row.line is None and all(v is None for v in row.cells):
            continue
        entry = f"line {row.line}: {row.cells}"
        if any(m is not None for m in row.marks):
            entry += f" marks {row.marks}"
        rows[row.key] = entry
    return {
        "format": table.format,
        "lines": f"{table.line}-{table.end_line}",
        "rows": rows,
        "warnings": table.warnings,
    }


def rendered(path: Path) -> str:
    tables = read_tables(Text(path.read_text(encoding="utf-8").split("\n")))
    facts = {
        k: {"value": f.value, "line": f.line, **({"note": f.note} if f.note else {})}
        for k, f in sorted(table_facts(tables).items())
    }
    return dump_yaml({"tables": {k: table_data(t) for k, t in sorted(tables.items())}, "facts": facts})


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_fixture(path: Path, regen: bool) -> None:
    check_golden(path, rendered(path), regen)


def test_enough_fixtures() -> None:
    assert len(CASES) >= 20


# ---------------------------------------------------------------- small units


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12", 12),
        ("+12", 12),
        ("-3", -3),
        ("96171.6", 96171.6),
        ("251000元", 251000),
        ("22(其中修订16件)", 22),
        ("1,234", 1234),
        ("x", None),
    ],
)
def test_parse_value(text: str, value: object) -> None:
    assert parse_value(text) == value


def kinds(line: str) -> list[tuple[str, str]]:
    return [(t.kind, t.text) for t in tokenize([line], 1)]


def test_tokenize_renderings() -> None:
    assert kinds("规章 | 0 | 12 |") == [("text", "规章"), ("value", "0"), ("value", "12")]
    assert kinds("规章\t\t3") == [("text", "规章"), ("blank", ""), ("value", "3")]
    assert kinds("规章000") == [("text", "规章"), ("value", "000")]
    assert kinds("3. 危及 “三安 全一 稳定” 0 /") == [
        ("text", "3."),
        ("text", "危及"),
        ("text", "“三安"),
        ("text", "全一"),
        ("text", "稳定”"),
        ("value", "0"),
        ("mark", "/"),
    ]
    assert kinds("规章 | 22(其中修订16件) | 无 | — |")[1:] == [
        ("value", "22(其中修订16件)"),
        ("mark", "无"),
        ("mark", "—"),
    ]
    assert kinds("本年增 / 减") == [("text", "本年增"), ("text", "/"), ("text", "减")]
    assert kinds("规章 / / /") == [("text", "规章"), ("mark", "/"), ("mark", "/"), ("mark", "/")]
    assert kinds("- 3 -") == []
    assert kinds("||||") == []
    assert kinds("2021年度 共5件") == [("text", "2021"), ("text", "年度"), ("text", "共"), ("value", "5件")]


def tokens(*cells: str) -> list[Token]:
    out = []
    for c in cells:
        out += tokenize([c], 7) if c else [Token("blank", "", 7)]
    return out


def test_fit_exact_positional_and_refusals() -> None:
    assert fit_cells(tokens("1", "2", "3"), 3, "r").cells == [1, 2, 3]
    row = tokenize(["\t5\t\t5"], 7)  # an empty label column, then 5, empty, 5
    fit = fit_cells(row, 3, "r", width=4)
    assert (fit.cells, fit.marks, fit.warning) == ([5, None, 5], [None, "", None], None)
    assert fit_cells(row, 3, "r", width=5).cells == [None, None, None]  # not as wide as the table
    assert fit_cells(tokens("规章000"), 3, "r").cells == [0, 0, 0]
    assert fit_cells(tokens("100"), 3, "r").warning  # one count of 100, not 1, 0, 0
    fit = fit_cells(tokens("1", "2"), 3, "row x (line 7)")
    assert fit.cells == [None, None, None] and "line 7" in (fit.warning or "")
    fit = fit_cells(tokens("0", "0", "0", "0"), 3, "r")
    assert fit.cells == [0, 0, 0] and fit.warning


def test_prose_only_has_no_tables() -> None:
    text = Text(["一、总体情况", "2021年，本镇未收到政府信息公开申请，未发生行政复议和行政诉讼。"])
    assert read_tables(text) == {}


def test_odd_text_never_raises() -> None:
    for lines in (
        ["第二十条第(一)项", "信息内容"],
        ["勾稽关系", "|||", "- 1 -", "\t\t"],
        ["行政复议", "维持", "9" * 40],
        ["申请人情况", "本年新收" + "0" * 500, "上年结转", "其他处理", "总计"],
    ):
        read_tables(Text(lines))


PIECES = [
    "第二十条第（一）项",
    "规章",
    "行政许可",
    "勾稽关系",
    "申请人情况",
    "一、本年新收政府信息公开申请数量",
    "二、上年结转",
    "（六）其他处理",
    "3.其他",
    "（七）总计",
    "四、结转下年度继续办理",
    "行政复议",
    "结果维持",
    "尚未审结",
    "总计",
    "|",
    "\t",
    " ",
    "\n",
    "0",
    "12",
    "000",
    "/",
    "—",
    "无",
    "- 3 -",
    "（",
    "）",
    "1.",
    "+5",
    "251000元",
    "22（其中修订16件）",
    "。",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=120))
def test_fuzz_never_raises(pieces: list[str]) -> None:
    tables = read_tables(Text("".join(pieces).split("\n")))
    table_facts(tables)
    for table in tables.values():
        assert not any("could not be read" in w for w in table.warnings), table.warnings
        for row in table.rows:
            assert len(row.cells) == len(row.columns or table.columns or row.cells)


# ---------------------------------------------------------------- round trip: right or empty, never shifted

B_SPECS = {"2019": B_ROWS_2019, "2021": B_ROWS_2021}
HEAD = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） 申请人情况 自然人 法人或其他组织 总计"


def render(rows: list[tuple[str, list[str]]], style: str) -> list[str]:
    out: list[str] = []
    for label, cells in rows:
        if style == "pipes":
            out.append(" | ".join([label, *cells]) + " |")
        elif style == "ingester":
            out.append(" | ".join([label, *cells]).rstrip())
        elif style == "tabs":
            out.append("\t".join(["", label, *cells]))
        elif style == "spaces":
            out.append(" ".join([label, *cells]))
        elif style == "lines_sep":  # as in real HTML-to-text: an empty cell is one empty line
            for x in (label, *cells):
                out += [x, ""] if x else [""]
        else:
            out += [label, *cells]
    return out


@settings(max_examples=200, deadline=None)
@given(st.randoms(use_true_random=False))
def test_round_trip_right_or_empty(rng) -> None:  # type: ignore[no-untyped-def]
    """Random Table B in a random rendering with one fault (a cell lost, a stray number, the
    text cut off) and maybe an empty cell: every row read is exactly right or entirely empty.

    Two faults in one row can hide each other (an empty 总计 cell, which may as well be an extra
    grid column, plus a stray number; a stray number plus a cut): those are out of reach."""
    fmt = rng.choice(["2019", "2021"])
    style = rng.choice(["pipes", "ingester", "tabs", "spaces", "lines_sep", "lines"])
    specs = B_SPECS[fmt]
    truth = {spec.key: [rng.choice([0, 0, 0, 1, 2, 13, 250]) for _ in range(7)] for spec in specs}
    printed = {key: [str(v) for v in row] for key, row in truth.items()}
    expected: dict[str, list[int | None]] = {key: list(row) for key, row in truth.items()}
    fault = rng.choice(["none", "lost", "stray", "cut"])
    damaged = rng.choice(list(printed))
    if rng.random() < 0.4:  # an empty cell: read by position where cells are separated
        key, col = rng.choice(list(printed)), rng.randrange(7)
        if not (key == damaged and fault != "none"):
            printed[key][col] = ""
            expected[key][col] = None
    if fault == "lost":
        printed[damaged].pop(rng.randrange(7))
    elif fault == "stray":
        printed[damaged].insert(rng.randrange(8), str(rng.choice([3, 4, 5])))
    rows = [(spec.label, printed[spec.key]) for spec in specs]
    lines = ["三、收到和处理政府信息公开申请情况", HEAD, *render(rows, style)]
    if fault == "cut":
        lines = lines[: rng.randrange(3, len(lines))]
    table = read_tables(Text(lines)).get("B")
    assert table is not None
    for row in table.rows:
        if all(v is None for v in row.cells):
            continue
        assert row.cells == expected[row.key], (style, fault, row.key, row.cells, expected[row.key])


C_HEAD = [
    "行政复议",
    "行政诉讼",
    "结果维持",
    "结果纠正",
    "其他结果",
    "尚未审结",
    "总计",
    "未经复议直接起诉",
    "复议后起诉",
]


@settings(max_examples=200, deadline=None)
@given(st.randoms(use_true_random=False))
def test_round_trip_table_c(rng) -> None:  # type: ignore[no-untyped-def]
    """Table C in a random rendering, maybe damaged: its 15 cells are right or all empty."""
    style = rng.choice(["pipes", "ingester", "tabs", "spaces", "lines_sep", "lines"])
    truth = [rng.choice([0, 0, 1, 2, 7]) for _ in range(15)]
    printed = [str(v) for v in truth]
    if rng.random() < 0.3:
        printed.pop(rng.randrange(15))
    elif rng.random() < 0.3:
        printed.insert(rng.randrange(16), "9")
    lines = ["四、政府信息公开行政复议、行政诉讼情况", *render([(h, []) for h in C_HEAD], style)]
    lines += (
        render([("", printed)], style)[1:] if style.startswith("lines") else render([("", printed)], style)
    )
    lines.append("五、存在的主要问题及改进情况")
    table = read_tables(Text(lines)).get("C")
    assert table is not None
    cells = [v for row in table.rows for v in row.cells]
    assert cells == truth or all(v is None for v in cells), (style, cells, truth)


def test_fit_short_row_of_zeros() -> None:
    """Fewer than n cells printed, all 0, before the next row's label: every cell 0, warned."""
    fit = fit_cells(tokens("0", "0", "0", "0", "0"), 7, "r", closed=True)
    assert fit.cells == [0] * 7 and "all 0" in (fit.warning or "")
    assert fit_cells(tokens("0", "0", "0", "0", "0"), 7, "r").cells == [None] * 7  # maybe cut off
    assert fit_cells(tokens("0", "0", "3", "0", "0"), 7, "r", closed=True).cells == [None] * 7
    assert (
        fit_cells(tokens("0", "0", "0", "0", "0", "0"), 7, "r", closed=True).cells == [None] * 7
    )  # one lost?
    assert fit_cells(tokens("0", "", "0", "0", "0", "0", "0"), 8, "r", closed=True).cells == [0] * 8
