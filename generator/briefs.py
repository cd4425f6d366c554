"""Brief: what the pages over many towns, the charts and the bulk downloads need of one report.

A report's full record (text, facts, tables: ≈ 10 KB pickled) is needed only by its own town's
files. Everything else — region, year, home and coverage pages, town charts, rankings, the feed,
reports.csv and the downloads pages — reads a Brief: place, year, key figures, check counts,
the measures without their quoted passages, its reports.csv line and its YAML size. A Brief is
made with the town's files and kept with the town's build state (generator/incremental.py), so
a build in which a town is unchanged never loads, unpickles or lays out that town's reports.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from generator.catalog import by_town, by_year

if TYPE_CHECKING:
    from generator.catalog import Entry, Rejected


@dataclass(frozen=True)
class Brief:
    """One report as the pages over many towns see it."""

    place: tuple[str, str, str, str]
    year: int
    slugs: tuple[str, str, str, str]
    published: dt.date | None
    figures: dict[str, Any]  # pagekit.figure_row(): key figures and check counts
    indicators: dict[str, Any]  # the measures (generator/measures.py) without text_reuse passages
    csv_row: str  # its line in reports.csv (opendata.summary_row, CSV-quoted, with its line end)
    yaml_size: int  # bytes of its YAML

    @property
    def town_dir(self) -> str:
        return "places/" + "/".join(self.slugs)

    @property
    def page(self) -> str:
        return f"{self.town_dir}/{self.year}.md"


def brief(entry: Entry, yaml_size: int = 0) -> Brief:
    """The Brief of a report whose checks and measures are final (after the cross-year checks and
    measures.annotate)."""
    from generator import opendata
    from generator.pagekit import figure_row

    ind = dict(entry.report.indicators)
    if "text_reuse" in ind:  # the passages are shown on the report page only
        ind["text_reuse"] = {k: v for k, v in ind["text_reuse"].items() if k != "passages"}
    published = entry.report.meta.published
    return Brief(
        place=entry.place,
        year=entry.year,
        slugs=entry.slugs,
        published=published if isinstance(published, dt.date) else None,
        figures=figure_row(entry),
        indicators=ind,
        csv_row=opendata.csv_line(opendata.REPORT_COLUMNS, opendata.summary_row(entry)),
        yaml_size=yaml_size,
    )


@dataclass
class Listing:
    """Every report on the site as Briefs (towns in place order, each town's years in order),
    and the files that are not on the site."""

    briefs: list[Brief] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)

    def towns(self) -> dict[tuple[str, str, str, str], list[Brief]]:
        return by_town(self.briefs)

    def years(self) -> dict[int, list[Brief]]:
        return by_year(self.briefs)
