"""Property-based fuzzing of extraction: random text and mutated real reports never raise out of
generator.extract.extract (called directly, so a rule bug is not hidden by the pipeline's catch)
and always give a record with the contract's summary keys.

The default run tries about 200 examples. The dedicated slow run tries 10,000 or more:

    FUZZ_EXAMPLES=10000 .venv/bin/python -m pytest -m slow tests/test_fuzz.py

Crashes found so far are kept as explicit @example cases below.
"""

from __future__ import annotations

import functools
import importlib
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator.check import run_checks
from generator.extract import SUMMARY_KEYS, extract
from generator.records import Document, Report
from generator.serialize import dump_yaml, report_data

ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIRS = (ROOT / "tests" / "golden", ROOT / "reports", ROOT.parent / "shared" / "corpus")
FUZZ_EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "10000"))
QUICK = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
LONG = settings(QUICK, max_examples=FUZZ_EXAMPLES)


def load_corpus() -> list[tuple[str, ...]]:
    """Real report texts: the golden copies in the repository, the seeds, the shared corpus."""
    texts: dict[str, tuple[str, ...]] = {}
    for folder in CORPUS_DIRS:
        for path in sorted(folder.rglob("*.txt")) if folder.is_dir() else []:
            text = path.read_text(encoding="utf-8", errors="replace")
            texts.setdefault(text, tuple(text.splitlines()))
    return list(texts.values())


CORPUS = load_corpus()

# Words the rules look for, so random text reaches deep into them.
VOCAB = (
    "主动公开",
    "政府信息",
    "条",
    "件",
    "项",
    "篇",
    "申请",
    "收到",
    "本年新收",
    "上年结转",
    "结转下年度",
    "行政复议",
    "行政诉讼",
    "维持",
    "纠正",
    "总计",
    "其他",
    "自然人",
    "法人",
    "予以公开",
    "不予公开",
    "一、",
    "二、",
    "三、",
    "四、",
    "五、",
    "六、",
    "（一）",
    "（二）",
    "1.",
    "2、",
    "第二十条",
    "镇",
    "乡",
    "街道",
    "苏木",
    "县",
    "区",
    "市",
    "省",
    "人民政府",
    "办事处",
    "年",
    "年度",
    "月",
    "日",
    "报告",
    "年度报告",
    "工作年度报告",
    "发布日期：",
    "联系电话：",
    "0454-3833110",
    "@",
    ".com",
    "近",
    "约",
    "余",
    "多",
    "共",
    "无",
    "未",
    "没有",
    "0",
    "1",
    "12",
    "2018",
    "2020",
    "2021",
    "3,001",
    "96171.6",
    "万元",
    "一百",
    "二〇一九",
    "|",
    " | ",
    "\t",
    " ",
    "　",
    "：",
    "，",
    "。",
    "；",
    "（",
    "）",
    "—",
    "/",
    "-",
    "\ufffd",
    "\u200b",
    "<script>",
    "{{",
    "}}",
    "---",
    "表一",
    "表二",
    "表三",
)
# Line and paragraph separators other than \n, NUL, odd digits and numerals.
VOCAB += ("\r", "\x0b", "\x0c", "\u2028", "\u2029", "\x85", "\x00", "１２", "①", "Ⅲ", "亿", "-5", "1e5", "½")
COUNT_KEYS = ("proactive_total", "applications_received", "applications_carried_over")
COUNT_KEYS += ("reviews_total", "litigations_total")
SEPARATORS = (" | ", "\t", "  ", " ", "|", "\n", "　")


def line_strategy() -> st.SearchStrategy[str]:
    token = st.one_of(st.sampled_from(VOCAB), st.text(max_size=6))
    return st.lists(token, max_size=25).map("".join)


@st.composite
def random_documents(draw: st.DrawFn) -> list[str]:
    """Lines made of the rules' vocabulary and arbitrary characters."""
    return "\n".join(draw(st.lists(line_strategy(), max_size=40))).split("\n")


def drop(draw: st.DrawFn, lines: list[str]) -> list[str]:
    if not lines:
        return lines
    i = draw(st.integers(0, len(lines) - 1))
    n = draw(st.integers(1, 20))
    return lines[:i] + lines[i + n :]


def duplicate(draw: st.DrawFn, lines: list[str]) -> list[str]:
    if not lines:
        return lines
    i = draw(st.integers(0, len(lines) - 1))
    n = draw(st.integers(1, 10))
    return lines[: i + n] + lines[i : i + n] + lines[i + n :]


def shuffle(draw: st.DrawFn, lines: list[str]) -> list[str]:
    if len(lines) < 2:
        return lines
    i = draw(st.integers(0, len(lines) - 2))
    j = draw(st.integers(i + 2, min(len(lines), i + 30)))
    return lines[:i] + draw(st.permutations(lines[i:j])) + lines[j:]


def change_digits(draw: st.DrawFn, lines: list[str]) -> list[str]:
    table = str.maketrans("0123456789", "".join(draw(st.permutations("0123456789"))))
    if draw(st.booleans()):
        return [line.translate(table) for line in lines]
    i = draw(st.integers(0, max(0, len(lines) - 1)))
    out = list(lines)
    if out:
        out[i] = re.sub(r"\d+", lambda m: str(draw(st.integers(0, 10**7))), out[i])
    return out


def swap_separators(draw: st.DrawFn, lines: list[str]) -> list[str]:
    """Tabs, pipes, spaces and line breaks between cells swapped for one another."""
    old = draw(st.sampled_from(SEPARATORS))
    new = draw(st.sampled_from(SEPARATORS))
    return "\n".join(lines).replace(old, new).split("\n")


def join_lines(draw: st.DrawFn, lines: list[str]) -> list[str]:
    if len(lines) < 2:
        return lines
    i = draw(st.integers(0, len(lines) - 2))
    n = draw(st.integers(2, 12))
    return lines[:i] + [draw(st.sampled_from(("", " ", " | "))).join(lines[i : i + n])] + lines[i + n :]


def insert_noise(draw: st.DrawFn, lines: list[str]) -> list[str]:
    i = draw(st.integers(0, len(lines)))
    return lines[:i] + [draw(line_strategy())] + lines[i:]


def truncate(draw: st.DrawFn, lines: list[str]) -> list[str]:
    text = "\n".join(lines)
    return text[: draw(st.integers(0, len(text)))].split("\n")


MUTATIONS = (drop, duplicate, shuffle, change_digits, swap_separators, join_lines, insert_noise, truncate)


@st.composite
def mutated_reports(draw: st.DrawFn) -> list[str]:
    """A real report with lines dropped, duplicated, shuffled, digits changed, separators swapped."""
    lines = list(draw(st.sampled_from(CORPUS)))
    for _ in range(draw(st.integers(1, 6))):
        lines = draw(st.sampled_from(MUTATIONS))(draw, lines)
    return lines


RULE_MODULES = ("meta", "facts", "town", "legacy", "proactive", "sections", "tables", "prose")
RULE_ERRORS: list[str] = []


@pytest.fixture(scope="module", autouse=True)
def surface_rule_errors() -> Iterator[None]:
    """Some rules catch a sibling rule's exception so the others still run; for fuzzing, every
    exception raised out of a read_* rule is recorded here before it is caught."""
    with pytest.MonkeyPatch.context() as mp:
        for name in RULE_MODULES:
            module = importlib.import_module(f"generator.extract.{name}")
            for attr, fn in list(vars(module).items()):
                if (
                    attr.startswith("read_")
                    and callable(fn)
                    and getattr(fn, "__module__", "") == module.__name__
                ):
                    mp.setattr(module, attr, recording(fn))
        yield


def recording(fn: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except Exception as exc:
            RULE_ERRORS.append(f"{fn.__module__}.{fn.__name__}: {type(exc).__name__}: {exc}")
            raise

    return wrapper


def check_extraction(lines: list[str]) -> Report:
    """The properties: no exception; the contract's summary keys; lines that exist; data that
    serialises; checks that run."""
    RULE_ERRORS.clear()
    report = extract(Document("fuzz.txt", list(lines)))
    assert not RULE_ERRORS, RULE_ERRORS
    assert tuple(report.summary) == SUMMARY_KEYS
    assert report.template in ("2019", "legacy")
    year = report.summary["year"]
    assert year is None or isinstance(year, int)
    for key in COUNT_KEYS:
        value = report.summary[key]
        assert value is None or (isinstance(value, int | float) and value >= 0), (key, value)
    for key, fig in report.facts.items():
        assert fig.line is None or 1 <= fig.line <= max(len(lines), 1), (key, fig.line, len(lines))
    for table in report.tables.values():  # a rule that raised is caught there: still a crash
        assert not [w for w in table.warnings if "could not be read" in w], table.warnings
    for section in report.sections:
        assert 1 <= section.line <= len(lines)
    report.checks = run_checks(report)
    dump_yaml(report_data(report))
    return report


def test_corpus_is_loaded() -> None:
    assert len(CORPUS) >= 5


@QUICK
@given(random_documents())
@example([""])
@example([])
@example(["一、"])
@example(["\t" * 5000])
def test_random_text_never_raises(lines: list[str]) -> None:
    check_extraction(lines)


@QUICK
@given(mutated_reports())
def test_mutated_reports_never_raise(lines: list[str]) -> None:
    check_extraction(lines)


@pytest.mark.slow
@LONG
@given(st.one_of(mutated_reports(), mutated_reports(), random_documents()))
def test_fuzz_long_run(lines: list[str]) -> None:
    check_extraction(lines)


# ---- the readers before extraction: bytes in, a Document or an IngestError out ------------------

ENCODINGS = ("utf-8", "gb18030", "gbk", "utf-16", "utf-16-le", "utf-16-be", "big5")


@st.composite
def damaged_bytes(draw: st.DrawFn) -> bytes:
    """A real report encoded one way, then truncated, spliced with junk or with bytes flipped."""
    text = "\n".join(draw(mutated_reports()))
    data = text.encode(draw(st.sampled_from(ENCODINGS)), errors="replace")
    how = draw(st.sampled_from(("cut", "junk", "flip", "as-is")))
    if how == "cut":
        data = data[: draw(st.integers(0, len(data)))]
    elif how == "junk":
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(max_size=64)) + data[at:]
    elif how == "flip" and data:
        at = draw(st.integers(0, len(data) - 1))
        data = data[:at] + bytes([data[at] ^ draw(st.integers(1, 255))]) + data[at + 1 :]
    return data


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder for every example (each overwrites the files it needs)."""
    return tmp_path_factory.mktemp("fuzz")


def check_reading(tmp: Path, data: bytes, suffix: str) -> None:
    """read_document raises nothing but IngestError; read_report raises nothing at all."""
    from generator.errors import IngestError
    from generator.ingest import read_document
    from generator.pipeline import read_report

    path = tmp / f"2018{suffix}"
    path.write_bytes(data)
    try:
        doc = read_document(path)
    except IngestError as exc:
        assert exc.file == str(path) and exc.message
    else:
        assert all("\n" not in line for line in doc.lines)
    report = read_report(path)
    assert tuple(report.summary) == SUMMARY_KEYS


@QUICK
@given(
    st.one_of(damaged_bytes(), st.binary(max_size=2048)), st.sampled_from((".txt", ".html", ".pdf", ".docx"))
)
@example(b"\xff\xfe", ".txt")
@example(b"\xef\xbb\xbf", ".txt")
@example(b"%PDF-1.4\n", ".pdf")
@example(b"PK\x03\x04", ".docx")
@example(b"<html><body><table><tr><td rowspan=99999 colspan=99999>1</td></tr></table>", ".html")
def test_damaged_files_never_crash_the_readers(fuzz_dir: Path, data: bytes, suffix: str) -> None:
    check_reading(fuzz_dir, data, suffix)


SIDECAR_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=20),
    st.dates(),
    st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(st.text(max_size=8), st.integers(), max_size=3),
)


@QUICK
@given(
    st.one_of(
        st.text(max_size=200),
        st.dictionaries(
            st.sampled_from(("title", "source_url", "published", "notes", "corrections", "titel", "x")),
            SIDECAR_VALUES,
            max_size=5,
        ).map(lambda d: yaml.safe_dump(d, allow_unicode=True)),
    )
)
@example("published: 2021-13-45\n")
@example("corrections: {summary.proactive_total: {value: x}}\n")
@example("? [a, b]\n: c\n")
@example("a: &x [*x]\n")
def test_any_sidecar_gives_problems_not_exceptions(fuzz_dir: Path, text: str) -> None:
    from generator.layout import apply_layout
    from generator.pipeline import read_report

    folder = fuzz_dir / "reports/测试省/测试市/测试县/测试镇"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "2018.txt").write_text("\n".join(CORPUS[0]), encoding="utf-8")
    (folder / "2018.yaml").write_text(text, encoding="utf-8")
    report = apply_layout(read_report(folder / "2018.txt"), folder / "2018.txt")
    assert tuple(report.summary) == SUMMARY_KEYS
    assert all(p.message for p in report.problems)


@pytest.mark.slow
@settings(QUICK, max_examples=max(FUZZ_EXAMPLES // 5, 100))
@given(
    st.one_of(damaged_bytes(), st.binary(max_size=4096)), st.sampled_from((".txt", ".html", ".pdf", ".docx"))
)
def test_fuzz_long_run_readers(fuzz_dir: Path, data: bytes, suffix: str) -> None:
    check_reading(fuzz_dir, data, suffix)


def test_rule_errors_are_surfaced() -> None:
    """The recording wrappers are in place, so a rule's swallowed exception fails the fuzz."""
    import generator.extract.meta as meta
    import generator.extract.tables as tables

    assert hasattr(meta.read_year, "__wrapped__") and hasattr(tables.read_tables, "__wrapped__")
    RULE_ERRORS.clear()
    with pytest.raises(AttributeError):  # no text at all
        meta.read_year(None, None)
    assert RULE_ERRORS and "read_year" in RULE_ERRORS[0]
    RULE_ERRORS.clear()
