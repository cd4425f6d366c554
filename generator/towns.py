"""One town made from its reports, by the worker that reads them: cross-year checks, measures,
each report's YAML (data/ and docs/), its pages, chart and originals, all written there; and
what the rest of the build needs of it (TownState: the files, each report's Brief, its bulk
parts). Only that small record travels back to the parent, so 10,000 reports' text, YAML and
pages never pile up in one process.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from generator import bulk, chart, index, measures, opendata, render
from generator.briefs import Brief, brief
from generator.catalog import Entry
from generator.check import cross_year_checks
from generator.errors import BuildError
from generator.incremental import TownState
from generator.serialize import dump_yaml, report_data
from generator.tree import write_if_changed


def make_town(entries: list[Entry], root: Path) -> TownState:
    """Everything of one town (entries: its reports in year order), written under root; the state
    with an empty key (the caller knows it)."""
    extra = cross_year_checks([e.report for e in entries])  # loads each report once
    for e in entries:
        e.report.checks.extend(extra.get(e.report.path, []))
    for e, indicators in zip(entries, measures.town_measures(entries), strict=True):
        e.report.indicators = indicators  # text reuse, completeness, rates, timeliness
    yamls, records = [], []
    for e in entries:
        data = report_data(e.report)
        yamls.append(dump_yaml(data).encode())
        records.append(opendata.report_record(e, data))
    data_paths = [e.data_path for e in entries]
    for rel, yaml in zip(data_paths, yamls, strict=True):
        write_file(root / "data", rel, yaml, "")
    briefs = [brief(e, len(yaml)) for e, yaml in zip(entries, yamls, strict=True)]
    docs = []
    for rel, content in town_files(entries, root, yamls, briefs).items():
        write_file(root / "docs", rel, content if isinstance(content, bytes) else content.encode(), "places/")
        docs.append(rel)
    parts = bulk.town_parts(records, [opendata.table_b_text(e) for e in entries])
    return TownState("", docs, data_paths, briefs, *parts)


def write_file(base: Path, rel: str, raw: bytes, prefix: str) -> None:
    """base/rel written unless it already holds these bytes; rel must stay under base/prefix."""
    if posixpath.normpath(rel) != rel or rel.startswith(("/", "../")) or not rel.startswith(prefix):
        raise BuildError(f"refusing to write outside {base}/{prefix}: {rel}")
    write_if_changed(base / rel, raw)


def downloads(entry: Entry) -> dict[str, str]:
    """Links (relative to the report page) to its YAML and its original file."""
    suffix = Path(entry.source).suffix.lower()
    original = f"{entry.year}.source{'.html' if suffix in ('.html', '.htm') else suffix}"
    if suffix in (".txt", ".html", ".htm"):  # served as text/plain: the original's markup never runs
        original += ".txt" if suffix != ".txt" else ""
    return {"结构化数据（YAML）": f"{entry.year}.yaml", "原始文件": original}


def town_files(
    entries: list[Entry], root: Path, yamls: list[bytes], briefs: list[Brief]
) -> dict[str, str | bytes]:
    """One town's files under docs/: its page, chart, and per report the page, YAML and original."""
    out: dict[str, str | bytes] = {}
    town_dir = entries[0].town_dir
    out[f"{town_dir}/index.md"] = index.town_page(f"{town_dir}/index.md", briefs)
    out[f"{town_dir}/chart.json"] = chart.spec_json(chart.town_chart([b.figures for b in briefs]))
    for i, e in enumerate(entries):
        prev = entries[i - 1] if i else None
        nxt = entries[i + 1] if i + 1 < len(entries) else None
        links = downloads(e)
        out[e.page] = render.render_report(e, prev, nxt, links)
        out[f"{town_dir}/{links['结构化数据（YAML）']}"] = yamls[i]  # dumped once for data/ and docs/
        out[f"{town_dir}/{links['原始文件']}"] = (root / e.source).read_bytes()
    return out
