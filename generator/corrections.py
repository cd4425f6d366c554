"""Sidecar corrections: a maintainer's value replaces what extraction read, with a reason.

In <年>.yaml:

    corrections:
      summary.proactive_total: {value: 120, reason: "表格图片，手工录入"}
      facts.table_b.new.total: {value: 4, reason: "PDF 表格错位"}

`facts.<key>` replaces the figure read from the text (the summary is then rebuilt from the
facts), `summary.<key>` sets a summary field last. The reading it replaces is kept: in
`report.corrections` (key, value, original, reason, sidecar) and, for facts, in the
figure's note. A correction without a reason, or with an unknown key, is an error naming
the sidecar and its line; it is not applied.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.extract import SUMMARY_KEYS, summarize
from generator.records import Figure, Problem, Report

PREFIXES = ("summary.", "facts.")


def apply_corrections(report: Report, corrections: dict[str, Any], sidecar_path: Path) -> list[Problem]:
    """Apply every valid correction to `report`; return the problems of the invalid ones."""
    lines = sidecar_lines(sidecar_path)
    problems: list[Problem] = []
    valid: list[tuple[str, Any, str]] = []
    for key, spec in corrections.items():
        problem = validate(str(key), spec, sidecar_path, lines)
        if problem:
            problems.append(problem)
        else:
            valid.append((str(key), spec["value"], str(spec["reason"]).strip()))
    facts_changed = False
    for key, value, reason in sorted(valid, key=lambda c: not c[0].startswith("facts.")):
        if key.startswith("facts."):
            correct_fact(report, key.removeprefix("facts."), value, reason, sidecar_path)
            facts_changed = True
        else:
            if facts_changed:
                report.summary = summarize(report)
                facts_changed = False
            correct_summary(report, key.removeprefix("summary."), value, reason, sidecar_path)
    if facts_changed:
        report.summary = summarize(report)
    return problems


def validate(key: str, spec: Any, sidecar: Path, lines: list[str]) -> Problem | None:
    """The problem with one correction entry, or None when it can be applied."""
    line = key_line(lines, key)
    where = str(sidecar)
    if not key.startswith(PREFIXES):
        return Problem(
            where,
            f"correction '{key}': the key must start with summary. or facts. (e.g. summary.proactive_total)",
            line,
        )
    if key.startswith("summary.") and key.removeprefix("summary.") not in SUMMARY_KEYS:
        return Problem(
            where, f"correction '{key}': no such summary field (known: {', '.join(SUMMARY_KEYS)})", line
        )
    if not isinstance(spec, dict) or "value" not in spec:
        return Problem(where, f"correction '{key}' must be a mapping with value: and reason:", line)
    reason = spec.get("reason")
    if not isinstance(reason, str) or not reason.strip():
        return Problem(
            where,
            f"correction '{key}' has no reason: say why the printed value is replaced "
            "(e.g. reason: 表格是图片，手工录入)",
            line,
        )
    unknown = set(spec) - {"value", "reason"}
    if unknown:
        return Problem(
            where,
            f"correction '{key}': unknown field(s) {', '.join(sorted(map(str, unknown)))} "
            "(known: value, reason)",
            line,
        )
    return None


def correct_fact(report: Report, key: str, value: Any, reason: str, sidecar: Path) -> None:
    """Replace one fact's value; the reading from the text goes into the note and the record."""
    original = report.facts.get(key)
    note = f"corrected in {sidecar.name}: {reason}"
    if original is not None:
        note += f" (the text read {original.value!r})"
    report.facts[key] = Figure(
        value, original.line if original else None, original.quote if original else None, note
    )
    report.corrections.append(
        record(
            f"facts.{key}",
            value,
            original.value if original else None,
            reason,
            sidecar,
            original.line if original else None,
        )
    )


def correct_summary(report: Report, key: str, value: Any, reason: str, sidecar: Path) -> None:
    """Set one summary field; the value it had is kept in the record."""
    original = report.summary.get(key)
    report.summary[key] = value
    report.corrections.append(record(f"summary.{key}", value, original, reason, sidecar, None))


def record(
    key: str, value: Any, original: Any, reason: str, sidecar: Path, line: int | None
) -> dict[str, Any]:
    return {
        "key": key,
        "value": value,
        "original": original,
        "reason": reason,
        "sidecar": str(sidecar),
        "line": line,
    }


def sidecar_lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return []


def key_line(lines: list[str], key: str) -> int | None:
    """The 1-based line where `key:` appears in the sidecar, for pointing at it."""
    for i, line in enumerate(lines, 1):
        stripped = line.strip().strip("'\"")
        if stripped.startswith((f"{key}:", f"{key}'", f'{key}"')):
            return i
    return None
