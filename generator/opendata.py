"""Open data under docs/downloads/: summaries and measures as CSV, Table B rows as CSV, everything as
gzip-compressed JSON, a Frictionless datapackage.json, the report JSON Schema, the Atom feed and a
downloads page.

Every file is derived from the catalog alone (no clock, stable order), so builds are byte-identical;
reports.json.gz is written with mtime 0 and no file name in its header, for the same reason.
CSV files are UTF-8 with a BOM (Excel on Chinese Windows then reads them as UTF-8), and text cells
that start with = + - @ are prefixed with an apostrophe so Excel never runs them as formulas.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator import downloads_pages, feed
from generator.briefs import Brief, Listing
from generator.catalog import Entry
from generator.downloads_pages import YamlFile
from generator.serialize import report_data

DIR = "downloads"
SCHEMA_FILE = Path(__file__).with_name("report.schema.json")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
EVERYTHING = "reports.json.gz"  # every report's full record: 9 KB a report as JSON, 0.8 KB gzipped


@dataclass(frozen=True)
class Column:
    """One CSV column as the datapackage describes it."""

    name: str
    type: str  # Table Schema type: string, integer, number, date, boolean
    title: str
    description: str = ""


REPORT_COLUMNS = (
    Column("id", "string", "报告编号", "省/地市/县/乡镇/年度，全站唯一"),
    Column("province", "string", "省份"),
    Column("prefecture", "string", "地市"),
    Column("county", "string", "县（市、区、旗）"),
    Column("town", "string", "乡镇（街道）"),
    Column("year", "integer", "报告年度"),
    Column("template", "string", "格式", "2019：法定格式（2019 年起）；legacy：自由格式"),
    Column("title", "string", "报告原题"),
    Column("published", "date", "发布日期"),
    Column("source_url", "string", "来源网址"),
    Column("page", "string", "本站页面", "相对于网站根目录"),
    Column("yaml", "string", "结构化数据（YAML）", "相对于网站根目录"),
    Column("proactive_total", "integer", "主动公开政府信息（条）"),
    Column("applications_received", "integer", "新收政府信息公开申请（件）"),
    Column("applications_carried_over", "integer", "上年结转申请（件）"),
    Column("reviews_total", "integer", "行政复议（件）"),
    Column("litigations_total", "integer", "行政诉讼（件）"),
    Column("phone", "string", "联系电话"),
    Column("checks_failed", "integer", "核验未通过项数"),
    Column("text_reuse_share", "number", "文本重复率", "与上一份报告相同的句子所占比例（0–1）"),
    Column("text_reuse_sentences", "integer", "参与比较的句子数"),
    Column("text_reuse_reused", "integer", "重复的句子数"),
    Column("text_reuse_previous_year", "integer", "比较的上一份报告年度"),
    Column("completeness_score", "number", "完整性（0–1）"),
    Column("completeness_present", "integer", "具备的法定部分数"),
    Column("completeness_expected", "integer", "应有的法定部分数"),
    Column("completeness_missing", "string", "缺少的法定部分", "以“、”分隔"),
    Column("substantive_disclosure_rate", "number", "实质公开率（0–1）", "分母为 0 或无表二时为空"),
    Column("not_answered_rate", "number", "未实质答复比例（0–1）", "分母为 0 或无表二时为空"),
    Column("review_correction_rate", "number", "行政复议纠错率（0–1）", "分母为 0 或无表三时为空"),
    Column("litigation_correction_rate", "number", "行政诉讼纠错率（0–1）", "分母为 0 或无表三时为空"),
    Column("days_after_year_end", "integer", "发布距年度结束天数"),
    Column("late", "boolean", "晚于次年 3 月 31 日发布"),
)
B_CELLS = (
    Column("natural_person", "integer", "自然人"),
    Column("commercial", "integer", "商业企业"),
    Column("research", "integer", "科研机构"),
    Column("public_interest", "integer", "社会公益组织"),
    Column("legal_services", "integer", "法律服务机构"),
    Column("other", "integer", "其他"),
    Column("total", "integer", "总计"),
)
TABLE_B_COLUMNS = (
    Column("report_id", "string", "报告编号", "见 reports.csv 的 id"),
    Column("province", "string", "省份"),
    Column("prefecture", "string", "地市"),
    Column("county", "string", "县（市、区、旗）"),
    Column("town", "string", "乡镇（街道）"),
    Column("year", "integer", "报告年度"),
    Column("table_format", "string", "表格格式", "2019 或 2021"),
    Column("row", "string", "行编号", "如 new、public、withheld_secret、total"),
    Column("label", "string", "行名称"),
    Column("line", "integer", "原文行号"),
    *B_CELLS,
)


def report_id(e: Entry) -> str:
    return "/".join(e.place) + f"/{e.year}"


def page_url(e: Entry) -> str:
    """The report page's URL path under the site root (use_directory_urls)."""
    return f"{e.town_dir}/{e.year}/"


def yaml_path(e: Entry | Brief) -> str:
    return f"{e.town_dir}/{e.year}.yaml"


def csv_value(value: Any) -> str:
    """A cell as written: None empty, booleans lowercase, integral floats as integers, and text
    that Excel would read as a formula neutralised with a leading apostrophe."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value)
    if isinstance(value, str) and text.startswith(FORMULA_START):
        return "'" + text
    return text


def csv_line(columns: tuple[Column, ...], row: dict[str, Any]) -> str:
    """One row as its CSV line (with its CRLF): a file is its header and these lines joined."""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerow([csv_value(row.get(c.name)) for c in columns])
    return buf.getvalue()


def csv_bytes(columns: tuple[Column, ...], body: bytes) -> bytes:
    """A CSV file of csv_line() lines (body, UTF-8): with a BOM, the column names first."""
    head = csv_line(columns, {c.name: c.name for c in columns})
    return ("\ufeff" + head).encode("utf-8") + body


def _int(value: Any) -> Any:
    return int(value) if isinstance(value, float) and value.is_integer() else value


def summary_row(e: Entry) -> dict[str, Any]:
    """One report's line in reports.csv: place, summary figures and measures."""
    r, s, m = e.report, e.report.summary, e.report.meta
    ind = r.indicators or {}
    reuse, comp = ind.get("text_reuse", {}), ind.get("completeness", {})
    rates, timely = ind.get("rates", {}), ind.get("timeliness", {})
    row: dict[str, Any] = {
        "id": report_id(e),
        "province": e.place[0],
        "prefecture": e.place[1],
        "county": e.place[2],
        "town": e.place[3],
        "year": e.year,
        "template": r.template,
        "title": m.title,
        "published": m.published.isoformat() if m.published else None,
        "source_url": m.source_url,
        "page": page_url(e),
        "yaml": yaml_path(e),
        "phone": s.get("phone"),
        "checks_failed": sum(1 for c in r.checks if c.ok is False),
        "text_reuse_share": reuse.get("share"),
        "text_reuse_sentences": reuse.get("sentences"),
        "text_reuse_reused": reuse.get("reused"),
        "text_reuse_previous_year": reuse.get("previous_year"),
        "completeness_score": comp.get("score"),
        "completeness_present": comp.get("present"),
        "completeness_expected": comp.get("expected"),
        "completeness_missing": "、".join(comp.get("missing", [])),
        "days_after_year_end": timely.get("days_after_year_end"),
        "late": timely.get("late"),
    }
    for key in ("proactive_total", "applications_received", "applications_carried_over"):
        row[key] = _int(s.get(key))
    row["reviews_total"], row["litigations_total"] = (
        _int(s.get("reviews_total")),
        _int(s.get("litigations_total")),
    )
    for key, rate in rates.items():
        name = {"not_answered": "not_answered_rate"}.get(key, f"{key}_rate")
        row[name] = rate.get("value")
    return row


def table_b_rows(e: Entry) -> list[dict[str, Any]]:
    """One row per Table B row of a report (none when the report has no Table B)."""
    t = e.report.tables.get("B")
    if t is None:
        return []
    place = dict(zip(("province", "prefecture", "county", "town"), e.place, strict=True))
    out = []
    for row in t.rows:
        cells = {c.name: _int(v) for c, v in zip(B_CELLS, row.cells, strict=False)}
        base = {"report_id": report_id(e), **place, "year": e.year, "table_format": t.format}
        out.append({**base, "row": row.key, "label": row.label, "line": row.line, **cells})
    return out


def table_b_text(e: Entry) -> str:
    """A report's lines in table_b.csv."""
    return "".join(csv_line(TABLE_B_COLUMNS, row) for row in table_b_rows(e))


def report_record(e: Entry, data: dict[str, Any] | None = None) -> str:
    """One report's item in reports.json as JSON text: its id and site paths, then its full record
    (data: report_data(e.report) when the caller has made it already, for the YAML)."""
    item = {"id": report_id(e), "page": page_url(e), "yaml": yaml_path(e), **(data or report_data(e.report))}
    return json.dumps(item, ensure_ascii=False, separators=(",", ":"))


def everything_gz(members: list[bytes], count: int) -> bytes:
    """reports.json.gz: every report's full record (the YAML's content) with its id and site paths,
    as one JSON document {"title", "count", "reports": [...]}, records in (place, year) order.

    members: gzip_bytes() of each province's records joined by ","; the file is a gzip stream of
    several members (RFC 1952 §2.2; gzip, zcat, Python's gzip module read them as one), so a build
    that changed one province compresses only that province again."""
    title = json.dumps("乡镇政府信息公开工作年度报告", ensure_ascii=False)
    head = gzip_bytes(f'{{"title":{title},"count":{count},"reports":['.encode())
    return head + gzip_bytes(b",").join(m for m in members if m) + gzip_bytes(b"]}\n")


def gzip_bytes(content: bytes) -> bytes:
    """Deterministic gzip: the same bytes for the same content (mtime 0, no file name)."""
    return gzip.compress(content, compresslevel=6, mtime=0)


def resource(name: str, path: str, content: bytes, title: str, columns: tuple[Column, ...] = ()) -> dict:
    """A datapackage resource with its size, hash and (for CSV) table schema."""
    res: dict[str, Any] = {"name": name, "path": path, "title": title}
    if columns:
        res.update(format="csv", mediatype="text/csv", encoding="utf-8-sig")
        res["schema"] = {
            "fields": [
                {"name": c.name, "type": c.type, "title": c.title}
                | ({"description": c.description} if c.description else {})
                for c in columns
            ]
        }
    else:
        res.update(format="json", mediatype="application/json", encoding="utf-8")
    if path.endswith(".gz"):
        res["compression"] = "gz"  # bytes and hash are the compressed file's
    res.update(bytes=len(content), hash="sha256:" + hashlib.sha256(content).hexdigest())
    return res


def datapackage(files: dict[str, bytes]) -> bytes:
    """datapackage.json describing the CSV and JSON files (Frictionless Data Package v1)."""
    reports = resource("reports", "reports.csv", files["reports.csv"], "报告摘要与问责指标", REPORT_COLUMNS)
    reports["schema"]["primaryKey"] = ["id"]
    table_b = resource("table-b", "table_b.csv", files["table_b.csv"], "表二 逐行数据", TABLE_B_COLUMNS)
    table_b["schema"]["foreignKeys"] = [
        {"fields": ["report_id"], "reference": {"resource": "reports", "fields": ["id"]}}
    ]
    doc = {
        "name": "township-gov-info-disclosure-reports",
        "title": "乡镇政府信息公开工作年度报告",
        "description": "各乡镇（街道）政府信息公开工作年度报告中读出的数字、统计表和问责指标。"
        "数字按报告原文照录；算法见网站“数据与指标说明”页。"
        "reports.json.gz 是 gzip 压缩的 JSON，解压后每一项（即每份报告的 YAML）由 report.schema.json"
        "（JSON Schema）描述。",
        "resources": [
            reports,
            table_b,
            resource("reports-json", EVERYTHING, files[EVERYTHING], "全部报告的完整结构化数据（gzip 压缩）"),
        ],
    }
    return (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def download_files(listing: Listing, table_b: bytes, everything: bytes) -> dict[str, bytes]:
    """Every file under docs/downloads/ (table_b: table_b.csv's rows, every report's table_b_text();
    everything: reports.json.gz, see everything_gz)."""
    files: dict[str, bytes] = {
        "reports.csv": csv_bytes(REPORT_COLUMNS, "".join(b.csv_row for b in listing.briefs).encode("utf-8")),
        "table_b.csv": csv_bytes(TABLE_B_COLUMNS, table_b),
        EVERYTHING: everything,
        "report.schema.json": SCHEMA_FILE.read_bytes(),
        "feed.xml": feed.atom(listing, base=f"{DIR}/feed.xml"),
    }
    files["datapackage.json"] = datapackage(files)
    yamls = [YamlFile(b.place, b.year, yaml_path(b), b.yaml_size) for b in listing.briefs]
    pages = downloads_pages.pages(DIR, {name: len(content) for name, content in files.items()}, yamls)
    return {f"{DIR}/{name}": content for name, content in files.items()} | pages
