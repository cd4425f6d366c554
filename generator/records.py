"""Typed records that flow one way through the pipeline.

ingest -> Document -> extract -> Report -> check -> Report.checks -> render/index/chart
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

Number = int | float


@dataclass(frozen=True)
class Problem:
    """Something wrong with an input, located in a file and (when known) a line."""

    file: str
    message: str
    line: int | None = None
    level: str = "error"  # "error" | "warning"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.level}: {self.message}"


@dataclass
class Document:
    """A report as text lines, whatever format it was published in.

    Tables read from a document structure (HTML, DOCX, PDF) arrive as lines whose
    cells are joined by " | ", so one table reader serves every format.
    """

    path: str
    lines: list[str]
    encoding: str | None = None
    format: str = "txt"
    problems: list[Problem] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass
class Figure:
    """A value read from the text, with the 1-based line it came from."""

    value: Any
    line: int | None = None
    quote: str | None = None  # the words it was read from
    note: str | None = None  # e.g. "derived: sum of the six applicant columns"


@dataclass
class Section:
    title: str
    line: int
    number: str | None = None  # the numbering as printed: "一", "1", "第一部分"


@dataclass
class TableRow:
    key: str  # stable id, e.g. "new", "result_public", "withheld_secret"
    label: str  # official label
    cells: list[Number | None]
    line: int | None = None
    # parallel to cells: None for a plain number (or a cell not read); otherwise the cell as
    # printed: "" blank, "/", "—", "无", "+12", "251000元", "22(其中修订16件)"
    marks: list[str | None] = field(default_factory=list)
    columns: list[str] | None = None  # this row's own columns where they differ (Table A blocks)


@dataclass
class Table:
    """One statutory table (A, B or C) read from the report."""

    name: str  # "A" | "B" | "C"
    format: str  # "2019" | "2021"
    columns: list[str]
    rows: list[TableRow]
    line: int | None = None  # first line of the table
    end_line: int | None = None
    warnings: list[str] = field(default_factory=list)

    def row(self, key: str) -> TableRow | None:
        return next((r for r in self.rows if r.key == key), None)

    def cell(self, key: str, column: int) -> Number | None:
        row = self.row(key)
        return row.cells[column] if row and column < len(row.cells) else None


@dataclass
class Check:
    """One consistency check and its outcome."""

    id: str  # e.g. "B-1", "C-2", "T-1", "X-1"
    name: str
    ok: bool | None  # None: could not be evaluated (cells missing)
    message: str
    lines: list[int] = field(default_factory=list)
    level: str = "error"  # "error": a printed identity fails; "warning": missing part or heuristic


@dataclass
class Meta:
    """Where and when: read from the text, then overridden by path and sidecar."""

    title: str | None = None
    town: str | None = None
    county: str | None = None
    prefecture: str | None = None
    province: str | None = None
    year: int | None = None
    published: dt.date | None = None
    source_url: str | None = None
    notes: str | None = None
    # where each field came from: "text:<line>", "path", "sidecar", "gazetteer"
    origin: dict[str, str] = field(default_factory=dict)


@dataclass
class Report:
    path: str
    meta: Meta
    template: str  # "2019" | "legacy"
    summary: dict[str, Any]  # the contract block (see shared/contract.md)
    facts: dict[str, Figure]  # every figure read, with its line
    sections: list[Section]
    tables: dict[str, Table]
    problems_found: list[str] = field(default_factory=list)  # 存在的主要问题
    measures: list[str] = field(default_factory=list)  # 改进措施
    checks: list[Check] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # input errors and warnings
    lines: list[str] = field(default_factory=list)
    encoding: str | None = None
    format: str = "txt"
    # sidecar corrections applied: {key, value, original, reason, sidecar} (generator/corrections.py)
    corrections: list[dict[str, Any]] = field(default_factory=list)
    # accountability measures computed across the catalog (generator/measures.py; docs/fields.md)
    indicators: dict[str, Any] = field(default_factory=dict)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == "error"]
