"""Reports to plain data (for YAML and JSON), keys in a fixed order."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from generator import yamltext
from generator.records import Figure, Report


def plain(value: Any) -> Any:
    """Dataclasses, dates and containers to YAML-safe plain values."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


def figure(fig: Figure) -> dict[str, Any]:
    out: dict[str, Any] = {"value": plain(fig.value), "line": fig.line}
    if fig.quote:
        out["quote"] = fig.quote
    if fig.note:
        out["note"] = fig.note
    return out


def report_data(report: Report) -> dict[str, Any]:
    """The full structured record; `summary` and `sections` as shared/contract.md fixes them."""
    summary = dict(report.summary)
    if isinstance(summary.get("published"), dt.date):
        summary["published"] = summary["published"].isoformat()
    data = {
        "summary": summary,
        "sections": [{"title": s.title, "number": s.number, "line": s.line} for s in report.sections],
        "meta": plain(report.meta),
        "facts": {k: figure(v) for k, v in sorted(report.facts.items())},
        "tables": {k: plain(t) for k, t in sorted(report.tables.items())},
        "checks": plain(report.checks),
        "problems_found": report.problems_found,
        "measures": report.measures,
        "source": {
            "path": report.path,
            "format": report.format,
            "encoding": report.encoding,
            "lines": len(report.lines),
        },
        "errors": [str(p) for p in report.problems if p.level == "error"],
        "warnings": [str(p) for p in report.problems if p.level != "error"],
    }
    if report.corrections:  # sidecar corrections, with the readings they replaced
        data["corrections"] = plain(report.corrections)
    if report.indicators:  # accountability measures, set by the build (generator/measures.py)
        data["indicators"] = plain(report.indicators)
    return data


def dump_yaml(data: Any) -> str:
    """The YAML text of a record (generator/yamltext.py: written directly, a quarter of the old cost)."""
    return yamltext.dump_yaml(data)
