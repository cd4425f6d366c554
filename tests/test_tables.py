"""Tables A, B and C read from every rendering seen in published text.

Each tests/fixtures/tables/NAME.txt is read on its own and compared whole with NAME.yaml
(the tables, their warnings and the table facts). Regenerate after reviewing the change with
    pytest tests/test_tables.py --regen-golden
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator.extract.table_cells import Token, fit_cells, parse_value, tokenize
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
    expected = path.with_suffix(".yaml")
    got = rendered(path)
    if regen or not expected.exists():
        expected.write_text(got, encoding="utf-8")
        if not regen:
            pytest.fail(f"{expected.name} did not exist; written now: review it and commit")
    assert got == expected.read_text(encoding="utf-8"), f"{path.name}: output differs from {expected.name}"


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
    fit = fit_cells(tokens("", "5", "", "5"), 3, "r")
    assert (fit.cells, fit.marks, fit.warning) == ([5, None, 5], [None, "", None], None)
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
