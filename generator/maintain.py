"""Maintainer commands: `add` places a report file under reports/, `check` reviews files there.

add:   reports/<省>/<地市>/<县>/<乡镇>/<年>.<ext> plus the sidecar <年>.yaml (title, source_url,
       notes). Options not given are proposed from the extracted text and the gazetteer,
       confirmed in a terminal; without a terminal they must be passed (or --yes given).
check: check_reports, in generator/review.py.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.errors import MaintainError
from generator.gazetteer import propose_place
from generator.layout import FIRST_YEAR, NAME_RX, REPORT_SUFFIXES
from generator.pipeline import read_report
from generator.records import Report
from generator.review import check_reports

PLACE_FIELDS = ("province", "prefecture", "county", "town")
REQUIRED = (*PLACE_FIELDS, "year")
ASK_ORDER = ("county", "town", "year", "prefecture", "province", "url", "title")
LABELS = {
    "province": "省",
    "prefecture": "地市",
    "county": "县",
    "town": "乡镇",
    "year": "年",
    "url": "来源网址",
    "title": "标题",
}
__all__ = ["AddResult", "add_report", "check_reports"]
Ask = Callable[[str, str | None], str]


@dataclass
class AddResult:
    """Where a report was placed, the values used, and notes for the maintainer."""

    path: Path
    sidecar: Path
    values: dict[str, Any]
    messages: list[str] = field(default_factory=list)


def add_report(
    source: Path,
    province: str | None = None,
    prefecture: str | None = None,
    county: str | None = None,
    town: str | None = None,
    year: int | str | None = None,
    url: str | None = None,
    replace: bool = False,
    root: Path = Path("."),
    *,
    title: str | None = None,
    notes: str | None = None,
    accept: bool = False,
    ask: Ask | None = None,
) -> AddResult:
    """Copy `source` to its place under root/reports/ and write its sidecar.

    `ask` confirms proposals (default: a console prompt when stdin is a terminal); without it,
    every required value must be given, or `accept` takes the proposals as they are."""
    source = Path(source)
    check_source(source)
    if ask is None and sys.stdin.isatty():
        ask = console_ask
    report = read_report(source)
    messages = [f"note: {p}" for p in report.errors]
    given: dict[str, Any] = {
        "province": province,
        "prefecture": prefecture,
        "county": county,
        "town": town,
        "year": year,
        "url": url,
        "title": title,
    }
    values, notes_found = resolve(source, report, given, ask, accept)
    messages.extend(notes_found)
    values["notes"] = notes
    validate(values)
    dest = destination(Path(root), values, source.suffix.lower())
    sidecar, kept = place(source, dest, values, replace)
    if "corrections" in kept:
        messages.append(
            f"kept the corrections of the old sidecar {sidecar.name}: review them against the new file"
        )
    messages.append(f"added {dest}")
    return AddResult(dest, sidecar, values, messages)


def check_source(source: Path) -> None:
    if not source.is_file():
        raise MaintainError("no such file", str(source))
    if source.suffix.lower() not in REPORT_SUFFIXES:
        raise MaintainError(
            f"not a report format '{source.suffix}' (use {', '.join(REPORT_SUFFIXES)})", str(source)
        )


def propose(report: Report, given: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """Values read from the text (town, county, year, title) and the gazetteer (prefecture,
    province of the county), for the options not given; plus notes on what was found."""
    summary, meta = report.summary, report.meta
    proposed: dict[str, Any] = {
        "town": summary.get("town") or meta.town,
        "county": summary.get("county") or meta.county,
        "year": summary.get("year") or meta.year,
        "title": meta.title,
        "url": meta.source_url,
        "prefecture": meta.prefecture,
        "province": meta.province,
    }
    notes: list[str] = []
    county = given.get("county") or proposed["county"]
    if county:
        hints = " ".join(str(given.get(k) or "") for k in ("prefecture", "province"))
        hints += "\n".join(report.lines[:60])
        found, candidates = propose_place(county, hints)
        if found:
            proposed.update(county=found.county, prefecture=found.prefecture, province=found.province)
            for key in ("prefecture", "province"):
                if given.get(key) and given[key] != getattr(found, key):
                    notes.append(
                        f"note: the gazetteer puts {found.county} in {getattr(found, key)}, not {given[key]}"
                    )
        elif len(candidates) > 1:
            where = "; ".join(f"{p.province}{p.prefecture}" for p in candidates)
            notes.append(f"note: several counties are called {county} ({where}): give --prefecture")
    return {k: v for k, v in proposed.items() if v not in (None, "")}, notes


def resolve(
    source: Path, report: Report, given: dict[str, Any], ask: Ask | None, accept: bool
) -> tuple[dict[str, Any], list[str]]:
    """Given values win; the rest are asked (proposal as default), accepted, or missing.

    Returns the values and notes on the proposals (namesake counties, gazetteer mismatches)."""
    values = {k: v for k, v in given.items() if v not in (None, "")}
    proposed, notes = propose(report, values)
    if ask is not None:
        for key in ASK_ORDER:
            if key == "prefecture" and not given.get("county"):  # the county may just have been typed in
                proposed, notes = propose(report, values)
            if key not in values:
                answer = ask_value(ask, key, proposed.get(key))
                if answer:
                    values[key] = answer
    elif accept:
        values = {**proposed, **values}
    if "title" not in values and proposed.get("title"):
        values["title"] = proposed["title"]  # optional and harmless: the sidecar shows it for review
    missing = [k for k in REQUIRED if k not in values]
    if missing:
        raise MaintainError(missing_message(missing, proposed, ask is not None), str(source))
    return values, notes


def ask_value(ask: Ask, key: str, proposal: Any, tries: int = 3) -> Any:
    """One value from the maintainer: Enter takes the proposal; a required value is asked again."""
    for _ in range(tries):
        answer = ask(key, None if proposal is None else str(proposal)).strip()
        if answer or proposal is not None or key not in REQUIRED:
            return answer or proposal
    return None


def missing_message(missing: list[str], proposed: dict[str, Any], asked: bool) -> str:
    """Which options to pass, with the proposals read from the text where there are any."""
    options = " ".join(f"--{k} {proposed.get(k, '<' + LABELS[k] + '>')}" for k in missing)
    known = [k for k in missing if k in proposed]
    text = f"missing {', '.join(missing)}; pass {options}"
    if known and not asked:
        text += (
            f" (proposed from the text and the gazetteer: {', '.join(known)}; check them, or pass "
            "--yes to accept the proposals, or run in a terminal to be asked)"
        )
    return text


def validate(values: dict[str, Any]) -> None:
    """Place names safe as folder names, a year in range, an http(s) URL; else MaintainError."""
    for key in PLACE_FIELDS:
        values[key] = check_name(key, str(values[key]))
    try:
        values["year"] = int(str(values["year"]).strip())
    except ValueError:
        raise MaintainError(f"year must be a number like 2021, not '{values['year']}'") from None
    this_year = dt.date.today().year
    if not FIRST_YEAR <= values["year"] <= this_year:
        raise MaintainError(f"year {values['year']} is outside {FIRST_YEAR}–{this_year}")
    url = values.get("url")
    if url and (not str(url).startswith(("http://", "https://")) or any(c.isspace() for c in str(url))):
        raise MaintainError(f"--url must be a web address starting with http:// or https://, not '{url}'")


def check_name(key: str, name: str) -> str:
    """A place name as a folder name: no separators, '..', leading dots or odd characters."""
    name = name.strip()
    tricks = ("/", "\\", "..", "\x00", ":", "~")
    if not name or any(t in name for t in tricks) or name.startswith("."):
        raise MaintainError(
            f"--{key} '{name}' is not a place name (no '/', '\\', '..', ':', '~' or leading '.')"
        )
    if not NAME_RX.match(name) or len(name) > 40:
        raise MaintainError(
            f"--{key} '{name}' has characters a place name cannot have "
            "(Chinese characters, letters, digits, · and brackets only)"
        )
    return name


def destination(root: Path, values: dict[str, Any], suffix: str) -> Path:
    """root/reports/<省>/<地市>/<县>/<乡镇>/<年><suffix>, checked to stay inside reports/."""
    reports = (root / "reports").resolve()
    dest = reports.joinpath(*(values[k] for k in PLACE_FIELDS), f"{values['year']}{suffix}")
    if not dest.resolve().is_relative_to(reports):
        raise MaintainError(f"{dest} would lie outside {reports}")
    return dest


def place(source: Path, dest: Path, values: dict[str, Any], replace: bool) -> tuple[Path, dict[str, Any]]:
    """Copy the file (atomically) and write the sidecar; refuse to overwrite without `replace`.

    Returns the sidecar path and the keys kept from an old sidecar."""
    existing = sorted(p for p in dest.parent.glob(f"{dest.stem}.*") if p.suffix.lower() in REPORT_SUFFIXES)
    if existing and not replace:
        names = ", ".join(p.name for p in existing)
        raise MaintainError(
            f"a report for {dest.stem} is already there ({names}); pass --replace to overwrite it",
            str(existing[0]),
        )
    if source.resolve() in [p.resolve() for p in existing]:
        raise MaintainError("the file is already in its place", str(source))
    sidecar = dest.with_suffix(".yaml")
    kept = old_sidecar(sidecar) if replace else {}
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.tmp")
    shutil.copyfile(source, tmp)
    os.replace(tmp, dest)
    for old in existing:
        if old != dest:
            old.unlink()
    data = {k: values.get(v) for k, v in (("title", "title"), ("source_url", "url"), ("notes", "notes"))}
    data = {k: v for k, v in data.items() if v not in (None, "")} | kept
    sidecar.write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False) if data else "", encoding="utf-8"
    )
    return sidecar, kept


def old_sidecar(sidecar: Path) -> dict[str, Any]:
    """Keys of a replaced report's sidecar other than title, source_url and notes."""
    if not sidecar.exists():
        return {}
    try:
        data = yaml.safe_load(sidecar.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if k not in ("title", "source_url", "notes")}


def console_ask(key: str, proposal: str | None) -> str:
    """Ask on the terminal; Enter takes the proposal shown in brackets."""
    hint = f" [{proposal}]" if proposal else ""
    return input(f"{key} ({LABELS[key]}){hint}: ")
