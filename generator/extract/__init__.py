"""Extraction: a Document (text lines) becomes a Report (typed facts with their lines).

The rules live in small modules, each reading one kind of text:
  meta      title, town, county, year, published date, phone, email, address
  sections  top-level headings; problems and improvement measures
  tables    the statutory Tables A, B and C in every rendering seen
  facts     figures stated in prose (proactive total, applications, reviews, ...)
The summary block of shared/contract.md is assembled here from their results.
"""

from __future__ import annotations

import re
from typing import Any

from generator.extract import facts, meta, sections, tables, vocab
from generator.extract.text import Text
from generator.records import Document, Figure, Report, Table

SUMMARY_KEYS = (
    "town",
    "county",
    "year",
    "published",
    "template",
    "proactive_total",
    "applications_received",
    "applications_carried_over",
    "reviews_total",
    "litigations_total",
    "phone",
)


def extract(doc: Document) -> Report:
    """Read every fact the rules know from one document. Never raises on odd text."""
    text = Text(doc.lines)
    found_meta, meta_facts = meta.read_meta(text)
    heads = sections.read_sections(text)
    found_tables = tables.read_tables(text)
    prose = facts.read_facts(text, heads)
    problems, measures = sections.read_problems_and_measures(text, heads)
    all_facts: dict[str, Figure] = {**meta_facts, **prose, **tables.table_facts(found_tables)}
    template = detect_template(text, heads, found_tables, found_meta.year)
    report = Report(
        path=doc.path,
        meta=found_meta,
        template=template,
        summary={},
        facts=all_facts,
        sections=heads,
        tables=found_tables,
        problems_found=problems,
        measures=measures,
        problems=list(doc.problems),
        lines=list(doc.lines),
        encoding=doc.encoding,
        format=doc.format,
    )
    report.summary = summarize(report)
    return report


# the format's own marks: its 第二十条 row labels ('第二十条第(一)项', '第二十条(五)项'), the
# 勾稽关系 note, its notice (国办公开办函〔2019〕60号, 〔2021〕30号)
STATUTORY_MARKS_RX = re.compile(
    r"第二十条\s*(?:第|\(\s*[一二三四五六七八九十]{1,2}\s*\)\s*项)|勾稽关系"
    r"|国办公开办函\s*[〔\[(【﹝]\s*20(19|21)"
)


def detect_template(text: Text, heads: list, found: dict[str, Table], year: int | None) -> str:
    """'2019' when the report carries the statutory tables (or the format's marks), else 'legacy'.

    Tables decide; then the year (the format did not exist before 2019 and was used
    from the 2020 reports on); for 2019 itself, or with no year, the format's own marks:
    its notice, its 第二十条 rows, the 勾稽关系 note, or its headings that legacy reports lack.
    """
    if "A" in found or "B" in found or "C" in found:
        return "2019"
    if year is not None and year <= 2018:
        return "legacy"
    if year is not None and year >= 2020:
        legacy = announces_legacy_parts(text) and not text.first(STATUTORY_MARKS_RX)
        return "legacy" if legacy else "2019"
    if text.first(STATUTORY_MARKS_RX):
        return "2019"
    if sections.statutory_heading_count(heads, new_only=True) >= 2:
        return "2019"
    if text.first(r"收到和处理政府信息公开申请"):
        return "2019"
    return "legacy"


# "本报告由概述、主动公开政府信息情况、依申请公开政府信息情况…组成": the list of parts, up to the
# sentence's end (one line: an announcement is one sentence)
STRUCTURE_RX = re.compile(rf"(?:{'|'.join(vocab.STRUCTURE_LEADS)})([^。]{{4,200}})")


def announces_legacy_parts(text: Text) -> bool:
    """A report whose own list of its parts is the pre-2019 structure ("本报告由概述、主动公开
    政府信息情况、依申请公开政府信息情况、咨询和投诉情况…组成") and names none of the statutory
    format's parts: some townships kept the old report after 2019, without the tables."""
    hit = text.first(STRUCTURE_RX)
    if hit is None:
        return False
    parts = re.sub(r"\s", "", hit.match.group(1))
    return any(p in parts for p in vocab.LEGACY_PARTS) and not any(p in parts for p in vocab.STATUTORY_PARTS)


def _value(fig: Figure | None) -> Any:
    return None if fig is None else fig.value


def summarize(report: Report) -> dict[str, Any]:
    """The contract's summary block (shared/contract.md).

    The four application/review figures come from table cells where the table exists and the
    cells were read (facts written by tables.table_facts: 'table_b.new.total',
    'table_b.carried_over.total', 'table_c.review.total', 'table_c.litigation.total'), else
    from the prose facts ('applications_received', 'applications_carried_over',
    'reviews_total', 'litigations_total'). A table cut off before a row, or a row whose cells
    could not be placed, leaves no table fact, so the prose (or null) stands."""
    f = report.facts
    m = report.meta

    def pick(*keys: str) -> Any:
        for key in keys:
            if key in f and f[key].value is not None:
                return f[key].value
        return None

    def printed(key: str) -> Any:
        """The name as the text prints it (館前鎮) when the text gave it, else the metadata's."""
        from_text = m.origin.get(key, "").startswith("text:") and key in f
        return f[key].value if from_text else getattr(m, key)

    return {
        "town": printed("town"),
        "county": printed("county"),
        "year": m.year,
        "published": m.published,
        "template": report.template,
        "proactive_total": pick("proactive_total"),
        "applications_received": pick("table_b.new.total", "applications_received"),
        "applications_carried_over": pick("table_b.carried_over.total", "applications_carried_over"),
        "reviews_total": pick("table_c.review.total", "reviews_total"),
        "litigations_total": pick("table_c.litigation.total", "litigations_total"),
        "phone": _value(f.get("phone")),
    }
