"""Accountability measures: text reuse, completeness, Table B/C rates, timeliness, and their display."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator import measures
from generator.briefs import brief
from generator.catalog import Entry, collect
from generator.measures_view import NOT_APPLICABLE, measures_panel, ranking_section, rate_text
from generator.records import Meta, Report, Section, Table, TableRow

ROOT = Path(__file__).resolve().parent.parent
B_COLS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
C_COLS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]


def report(lines: list[str], year: int = 2020, template: str = "legacy", **kw: object) -> Report:
    meta = Meta(town="甲镇", county="乙县", prefecture="丙市", province="丁省", year=year)
    for key in ("published",):
        if key in kw:
            setattr(meta, key, kw.pop(key))
    return Report(
        path=f"reports/丁省/丙市/乙县/甲镇/{year}.txt",
        meta=meta,
        template=template,
        summary={},
        facts={},
        sections=kw.pop("sections", []),  # type: ignore[arg-type]
        tables=kw.pop("tables", {}),  # type: ignore[arg-type]
        lines=lines,
    )


def b_table(**totals: int | None) -> Table:
    """Table B with the given 总计 cells (other columns 0)."""
    rows = [TableRow(k, k, [0, 0, 0, 0, 0, 0, v], line=i) for i, (k, v) in enumerate(totals.items(), 10)]
    return Table("B", "2019", B_COLS, rows, line=10, end_line=10 + len(rows))


def c_table(review: list[int], direct: list[int], after: list[int]) -> Table:
    rows = [TableRow("review", "行政复议", review), TableRow("suit_direct", "直接起诉", direct)]
    rows.append(TableRow("suit_after_review", "复议后起诉", after))
    return Table("C", "2019", C_COLS, rows, line=40, end_line=42)


LONG_A = "我镇严格按照条例要求，认真做好政府信息公开工作，主动公开各类信息。"
LONG_B = "进一步加强组织领导，把政府信息公开工作列入重要议事日程。"
LONG_C = "今年新建了便民服务大厅的信息公开查阅点，方便群众查阅文件。"


# ---- text reuse ----


def test_sentences_repeated_with_only_the_year_changed_count_as_reused() -> None:
    prev = report([f"2018年，{LONG_A}", LONG_B], year=2018)
    cur = report([f"2020 年，{LONG_A}", LONG_B, LONG_C], year=2020)
    reuse = measures.text_reuse(cur, prev)
    assert (reuse["sentences"], reuse["reused"], reuse["previous_year"]) == (3, 2, 2018)
    assert reuse["share"] == pytest.approx(2 / 3, abs=1e-4) and reuse["over_half"] is True
    assert [p["line"] for p in reuse["passages"]] == [1, 2]


def test_reuse_ignores_whitespace_punctuation_and_pdf_line_breaks() -> None:
    prev = report([LONG_A[:10], LONG_A[10:], LONG_B], year=2019)  # broken mid-sentence in the old one
    cur = report([LONG_A.replace("，", ",  "), LONG_C], year=2020)
    reuse = measures.text_reuse(cur, prev)
    assert reuse["reused"] == 1 and reuse["share"] == 0.5 and reuse["over_half"] is False


def test_reuse_skips_short_pieces_table_rows_headings_and_title() -> None:
    table_row = "规章\t0\t26\t26\t本年新制作数量本年新公开数量对外公开总数量"
    lines = [
        "甲镇2020年政府信息公开工作年度报告",
        "一、总体情况与主要工作开展情况说明",
        "好。",
        table_row,
        LONG_C,
    ]
    cur = report(lines, sections=[Section("总体情况与主要工作开展情况说明", 2)])
    prev = report(lines, year=2019, sections=[Section("总体情况与主要工作开展情况说明", 2)])
    reuse = measures.text_reuse(cur, prev)
    assert reuse["sentences"] == 1 and reuse["reused"] == 1  # only LONG_C is compared


def test_reuse_is_undefined_without_a_previous_report_or_sentences() -> None:
    alone = measures.text_reuse(report([LONG_A]), None)
    assert alone["share"] is None and alone["note"] == "本站没有收录该乡镇更早的报告"
    empty = measures.text_reuse(report(["短句。"]), report([LONG_A], year=2019))
    assert empty["share"] is None and empty["sentences"] == 0


# ---- completeness ----

SIX = [
    "总体情况",
    "主动公开政府信息情况",
    "收到和处理政府信息公开申请情况",
    "政府信息公开行政复议、行政诉讼情况",
]
SIX += ["存在的主要问题及改进情况", "其他需要报告的事项"]


def test_2019_format_counts_six_sections_and_three_tables() -> None:
    sections = [Section(t, i) for i, t in enumerate(SIX, start=1)]
    tables = {"B": b_table(total=0), "C": c_table([0] * 5, [0] * 5, [0] * 5)}
    lines = ["x"] * 6 + ["第二十条第（一）项"]  # Table A not read, but its marker is printed
    comp = measures.completeness(report(lines, template="2019", sections=sections, tables=tables))
    assert (comp["present"], comp["expected"], comp["score"], comp["missing"]) == (9, 9, 1.0, [])
    how = {p["id"]: (p["how"], p["line"]) for p in comp["parts"]}
    assert (
        how["table_a"] == ("text", 7) and how["table_b"] == ("table", 10) and how["other"] == ("heading", 6)
    )


def test_2019_format_names_missing_parts() -> None:
    sections = [Section(t, i) for i, t in enumerate(SIX[:4], start=1)]  # no 五, 六; no tables
    comp = measures.completeness(report(["x"] * 4, template="2019", sections=sections))
    assert comp["present"] == 4 and comp["score"] == pytest.approx(4 / 9, abs=1e-4)
    assert comp["missing"][:2] == ["五、存在的主要问题及改进情况", "六、其他需要报告的事项"]
    assert "表二 收到和处理政府信息公开申请情况" in comp["missing"]


def test_review_heading_is_not_mistaken_for_the_applications_section() -> None:
    sections = [Section("申请行政复议和提起行政诉讼情况", 1)]
    comp = measures.completeness(report(["x"], sections=sections))
    present = {p["id"] for p in comp["parts"] if p["present"]}
    assert present == {"reviews"}


def test_legacy_seed_mentioning_applications_only_in_its_preface_misses_them() -> None:
    catalog = collect(ROOT)
    seed = next(e for e in catalog.entries if e.place[3] == "悦来镇" and e.year == 2018)
    comp = measures.completeness(seed.report)
    assert comp["generation"] == "legacy" and comp["expected"] == 5
    assert comp["missing"] == ["依申请公开政府信息情况", "行政复议、行政诉讼情况"]


# ---- rates ----


def test_table_b_rates() -> None:
    t = b_table(
        public=3, partial=1, withheld_secret=1, unavailable_not_held=1, rejected_repeat=1, other=1, total=8
    )
    rates = measures.table_b_rates(t)
    assert rates["substantive_disclosure"] == {"value": 0.5, "numerator": 4, "denominator": 8, "note": None}
    assert rates["not_answered"]["value"] == pytest.approx(3 / 8, abs=1e-4)


def test_zero_denominators_are_not_applicable_never_an_error() -> None:
    rates = measures.rates(
        report(
            ["x"],
            tables={"B": b_table(public=0, partial=0, total=0), "C": c_table([0] * 5, [0] * 5, [0] * 5)},
        )
    )
    for rate in rates.values():
        assert rate["value"] is None and rate["note"] == "分母为 0"
        assert rate_text(rate) == NOT_APPLICABLE


def test_blank_cells_count_as_zero_with_a_note_and_missing_total_is_undefined() -> None:
    rates = measures.table_b_rates(b_table(public=2, partial=None, total=4))
    assert (
        rates["substantive_disclosure"]["value"] == 0.5
        and "partial" in rates["substantive_disclosure"]["note"]
    )
    blank_total = measures.table_b_rates(b_table(public=2, partial=0, total=None))
    assert blank_total["substantive_disclosure"]["value"] is None
    assert measures.table_b_rates(None)["substantive_disclosure"]["note"] == "没有表二"


def test_table_c_correction_rates() -> None:
    rates = measures.table_c_rates(c_table([2, 1, 0, 1, 4], [0, 1, 0, 0, 1], [1, 0, 0, 0, 1]))
    assert rates["review_correction"]["value"] == 0.25
    assert rates["litigation_correction"] == {"value": 0.5, "numerator": 1, "denominator": 2, "note": None}


# ---- timeliness ----


@pytest.mark.parametrize(
    ("published", "days", "late"),
    [(dt.date(2021, 1, 29), 29, False), (dt.date(2021, 3, 31), 90, False), (dt.date(2021, 4, 1), 91, True)],
)
def test_timeliness(published: dt.date, days: int, late: bool) -> None:
    t = measures.timeliness(published, 2020)
    assert (t["days_after_year_end"], t["late"], t["deadline"]) == (days, late, "2021-03-31")


def test_timeliness_unknown_or_early() -> None:
    assert measures.timeliness(None, 2020)["days_after_year_end"] is None
    early = measures.timeliness(dt.date(2018, 12, 30), 2018)
    assert early["days_after_year_end"] == -1 and early["note"] == "发布日期早于统计年度结束"


# ---- seeds and display ----


@pytest.fixture(scope="module")
def seeds() -> list[Entry]:
    catalog = collect(ROOT)
    measures.annotate(catalog)
    return catalog.entries


def test_seed_2020_repeats_most_of_2018(seeds: list[Entry]) -> None:
    e = next(e for e in seeds if e.place[3] == "悦来镇" and e.year == 2020)
    reuse = e.report.indicators["text_reuse"]
    assert reuse["previous_year"] == 2018 and reuse["over_half"] is True and reuse["share"] > 0.75
    reused = {p["line"] for p in reuse["passages"]}
    assert 91 in reused  # 信息公开不及时… copied word for word
    assert 9 not in reused  # "建立完善了" became "建立了": not the same sentence
    assert e.report.indicators["completeness"]["missing"] == []


def test_seeds_without_an_earlier_report_have_no_reuse_figure(seeds: list[Entry]) -> None:
    for e in seeds:
        if e.year == 2018:
            assert e.report.indicators["text_reuse"]["share"] is None


def test_panel_escapes_report_text_and_links_reused_lines() -> None:
    evil = "<script>alert(1)</script>[点我](javascript:alert(1))的政府信息公开工作情况说明"
    prev, cur = report([evil], year=2019), report([evil], year=2020)
    cur.indicators = measures.report_measures(cur, prev)
    entry = Entry(cur, cur.path, ("丁省", "丙市", "乙县", "甲镇"), 2020, ("d", "c", "b", "a"))
    panel = measures_panel(entry)
    assert "<script>" not in panel and "&lt;script&gt;" in panel
    assert '<a href="#L1">第 1 行</a>' in panel and "100.0%（1 句中 1 句与 2019 年报告相同）" in panel
    assert "(../../../../../fields.md)" in panel
    assert "alert(1)&lt;/script…</li>" in panel  # a long sentence by its opening words; its line has the rest


def test_ranking_lists_highest_reuse_first_with_caveats(seeds: list[Entry]) -> None:
    text = ranking_section("years/2018.md", [brief(e) for e in seeds], "问责指标排行")
    assert text.index("悦来镇") < text.index("曙光镇")  # 88.9% before the unknowns
    assert "**注意：**" in text and "重复不等于造假" in text
