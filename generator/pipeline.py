"""One report file end to end, as far as the data: ingest -> extract -> layout metadata -> checks."""

from __future__ import annotations

from pathlib import Path

from generator.check import run_checks
from generator.errors import PortalError
from generator.extract import extract, summarize
from generator.ingest import read_document
from generator.records import Document, Meta, Problem, Report


def empty_report(path: Path, problem: Problem) -> Report:
    """The record of a file that could not be read: every figure null, the reason in `problems`."""
    report = Report(
        path=str(path),
        meta=Meta(),
        template="legacy",
        summary={},
        facts={},
        sections=[],
        tables={},
        problems=[problem],
    )
    report.summary = summarize(report)
    return report


def read_report(path: Path) -> Report:
    """Extract one file; a file that cannot be read still yields a Report carrying the error."""
    try:
        doc: Document = read_document(path)
    except PortalError as exc:
        return empty_report(path, Problem(str(path), exc.message, exc.line))
    try:
        report = extract(doc)
        report.checks = run_checks(report)
    except Exception as exc:  # a rule bug must not take the other reports down
        return empty_report(path, Problem(str(path), f"extraction failed: {type(exc).__name__}: {exc}"))
    return report
