"""Reports to plain data (for YAML and JSON), keys in a fixed order."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any, ClassVar

import yaml

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


_TAG = "tag:yaml.org,2002:"
_SHORT = 40  # scalars up to this length have their implicit tag remembered (numbers, keys, words)


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # libyaml: same bytes, 3x faster
    """SafeDumper with a fast path for the plain types report_data() produces.

    Nodes for str, int, bool, None, float, dict and list are built directly (what SafeRepresenter
    builds, without its per-value type lookups; text with a line break as a | block); shared dicts and lists still become anchors and
    aliases as before. Every other type goes through SafeRepresenter. The emitter's two tag
    resolutions per scalar are remembered for short values. Same nodes, so the same bytes.
    """

    _resolved: ClassVar[dict[tuple[str, bool], str]] = {}

    def represent_data(self, data: Any) -> yaml.Node:
        kind = type(data)
        if kind is str:
            return yaml.ScalarNode(_TAG + "str", data, style="|" if "\n" in data else None)
        if kind is int:
            return yaml.ScalarNode(_TAG + "int", str(data))
        if kind is bool:
            return yaml.ScalarNode(_TAG + "bool", "true" if data else "false")
        if data is None:
            return yaml.ScalarNode(_TAG + "null", "null")
        if kind is float:
            return self.represent_float(data)
        if kind is not dict and kind is not list:
            return super().represent_data(data)
        node = self.represented_objects.get(id(data))
        if node is not None:  # the same object again: an alias, as SafeRepresenter makes it
            return node
        self.object_keeper.append(data)
        rep = self.represent_data
        if kind is dict:
            pairs: list[tuple[yaml.Node, yaml.Node]] = []
            node = self.represented_objects[id(data)] = yaml.MappingNode(
                _TAG + "map", pairs, flow_style=False
            )
            for key, value in data.items():
                pairs.append((rep(key), rep(value)))
            return node
        items: list[yaml.Node] = []
        node = self.represented_objects[id(data)] = yaml.SequenceNode(_TAG + "seq", items, flow_style=False)
        for value in data:
            items.append(rep(value))
        return node

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        """Resolver.resolve (no path resolvers: a function of the value and implicit[0])."""
        if kind is not yaml.ScalarNode or len(value) > _SHORT:
            return super().resolve(kind, value, implicit)
        key = (value, bool(implicit[0]))
        tag = self._resolved.get(key)
        if tag is None:
            tag = self._resolved[key] = super().resolve(kind, value, implicit)
        return tag


def dump_yaml(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
