"""generator/yamltext.py: what it writes reads back as the same data, and looks like block YAML."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.pipeline import read_report
from generator.serialize import report_data
from generator.yamltext import dump_yaml

SHARED = Path(__file__).resolve().parents[2] / "shared"

TRICKY = [
    "",
    " ",
    "null",
    "Null",
    "~",
    "yes",
    "No",
    "on",
    "true",
    "123",
    "-5",
    "+1",
    "0x1F",
    "1_000",
    "1e3",
    ".5",
    ".inf",
    "2019-01-02",
    "2019-1-2",
    "12:30",
    "3:30:00",
    "<<",
    "=",
    "- item",
    "-item",
    "? key",
    "key: value",
    "a #comment",
    "a#b",
    "ends with colon:",
    "ends with space ",
    " starts with space",
    "'single'",
    '"double"',
    "&anchor",
    "*alias",
    "!tag",
    "|literal",
    ">folded",
    "%directive",
    "@at",
    "`tick",
    "[flow]",
    "{flow}",
    "a, b",
    "tab\there",
    "line\nbreak",
    "two lines\n",
    "kept\n\n",
    "\nleading break",
    "trailing space \nline",
    "\n",
    "\n\n",
    "cr\r\nlf",
    "nel\x85x",
    "ls\u2028ps\u2029",
    "bom\ufeff",
    "zero width\u200bspace",
    "bell\x07",
    "del\x7f",
    "---",
    "...",
    "一、总体情况",
    "（一）主动公开：2019年共公开信息367条。",
    "第 5 行：“主动公开政府信息”",
    "0454-3833110",
    "中文: 冒号",
    "全角：冒号",
    "emoji 😀",
]


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_strings_read_back(text: str) -> None:
    data = {"value": text, "list": [text, {"key": text}], text or "empty": 1}
    assert yaml.safe_load(dump_yaml(data)) == data


def test_layout_is_block_yaml_as_pyyaml_writes_it() -> None:
    data = {
        "summary": {"town": "悦来镇", "year": 2018, "published": None, "rate": 0.5, "ok": True},
        "sections": [{"title": "概况", "line": 3}, {"title": "政府信息主动公开情况", "line": 9}],
        "nested": [[1, 2], []],
        "empty": {},
        "text": "第一行\n第二行\n",
    }
    assert dump_yaml(data) == (
        "summary:\n"
        "  town: 悦来镇\n"
        "  year: 2018\n"
        "  published: null\n"
        "  rate: 0.5\n"
        "  ok: true\n"
        "sections:\n"
        "- title: 概况\n"
        "  line: 3\n"
        "- title: 政府信息主动公开情况\n"
        "  line: 9\n"
        "nested:\n"
        "- - 1\n"
        "  - 2\n"
        "- []\n"
        "empty: {}\n"
        "text: |\n"
        "  第一行\n"
        "  第二行\n"
    )


def test_floats_as_pyyaml_writes_them() -> None:
    for value in (0.0, 1.0, -2.5, 1e-05, 1e20, 12345.678, float("inf"), float("-inf")):
        assert yaml.safe_load(dump_yaml({"x": value})) == {"x": value}
    assert dump_yaml({"x": 1e20}) == yaml.safe_dump({"x": 1e20})
    nan = yaml.safe_load(dump_yaml({"x": float("nan")}))["x"]
    assert nan != nan


def test_unknown_types_are_refused_not_guessed() -> None:
    with pytest.raises(TypeError, match="set"):
        dump_yaml({"x": {1, 2}})


def test_every_corpus_record_reads_back() -> None:
    files = sorted((SHARED / "corpus").glob("*.txt")) + sorted((SHARED / "seeds").glob("*.txt"))
    assert len(files) >= 50
    for path in files:
        data = report_data(read_report(path))
        assert yaml.safe_load(dump_yaml(data)) == data, path.name


def _values() -> st.SearchStrategy:
    scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30)
    return st.recursive(
        scalars,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
        max_leaves=20,
    )


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.text(max_size=8), _values(), min_size=1, max_size=5))
def test_random_records_read_back(data: dict) -> None:
    assert yaml.safe_load(dump_yaml(data)) == data
