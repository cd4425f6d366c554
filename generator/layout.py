"""The reports/ layout: reports/<省>/<地市>/<县>/<乡镇>/<年>.<ext>, with an optional <年>.yaml sidecar.

The path says where and when; the sidecar says what the path cannot (source URL, title, notes).
Both win over what extraction read from the text.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.corrections import apply_corrections
from generator.extract import summarize
from generator.issuer import issuer_problems
from generator.records import Problem, Report

REPORT_SUFFIXES = (".txt", ".html", ".htm", ".docx", ".pdf")
SIDECAR_KEYS: dict[str, tuple[type, ...]] = {
    "title": (str,),
    "source_url": (str,),
    "published": (dt.date, str),
    "notes": (str,),
    "corrections": (dict,),
}
FIRST_YEAR = 2008  # the Regulation took effect on 2008-05-01
NAME_RX = re.compile(r"^[\u3400-\u9fff\u00b7·A-Za-z0-9（）()]+$")


@dataclass
class Placement:
    """What the path and sidecar say about one report file."""

    province: str
    prefecture: str
    county: str
    town: str
    year: int
    sidecar: dict[str, Any] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def find_reports_root(path: Path) -> Path | None:
    for parent in path.resolve().parents:
        if parent.name == "reports":
            return parent
    return None


def placement(path: Path, root: Path | None = None) -> Placement | None:
    """Read province/prefecture/county/town/year from a path under reports/; None if not there.

    Raises nothing: layout mistakes are returned as problems naming the file."""
    root = root or find_reports_root(path)
    if root is None:
        return None
    rel = path.resolve().relative_to(root.resolve())
    parts = rel.parts
    where = str(path)
    if len(parts) != 5:
        return Placement(
            "",
            "",
            "",
            "",
            0,
            problems=[
                Problem(
                    where,
                    f"misplaced: expected reports/<省>/<地市>/<县>/<乡镇>/<年>{path.suffix}, got reports/{rel}",
                )
            ],
        )
    province, prefecture, county, town, filename = parts
    problems: list[Problem] = []
    for name in (province, prefecture, county, town):
        if not NAME_RX.match(name):
            problems.append(Problem(where, f"folder name '{name}' has characters a place name cannot have"))
    stem = Path(filename).stem
    year = int(stem) if stem.isdigit() and len(stem) == 4 else 0
    this_year = dt.date.today().year
    if not year:
        problems.append(
            Problem(where, f"file name '{filename}' must be the year covered, e.g. 2020{path.suffix}")
        )
    elif not FIRST_YEAR <= year <= this_year:
        problems.append(
            Problem(
                where,
                f"year {year} is outside {FIRST_YEAR}–{this_year}: name the file after the year covered",
            )
        )
    found = Placement(province, prefecture, county, town, year, problems=problems)
    sidecar_path = path.with_suffix(".yaml")
    if sidecar_path.exists():
        found.sidecar, more = read_sidecar(sidecar_path)
        found.problems.extend(more)
    return found


def read_sidecar(path: Path) -> tuple[dict[str, Any], list[Problem]]:
    """The sidecar's known keys with the right types; every other key or type is a problem."""
    where = str(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        return {}, [
            Problem(
                where,
                f"sidecar is not valid YAML: {getattr(exc, 'problem', exc)}",
                line + 1 if line is not None else None,
            )
        ]
    except (ValueError, OSError) as exc:  # yaml builds dates itself: 2021-13-45 raises ValueError
        return {}, [Problem(where, f"sidecar cannot be read ({exc}): write dates like 2021-01-29")]
    if data is None:
        return {}, []
    if not isinstance(data, dict):
        return {}, [Problem(where, "sidecar must be a mapping of keys (title:, source_url:, notes:)")]
    out: dict[str, Any] = {}
    problems: list[Problem] = []
    for key, value in data.items():
        if key not in SIDECAR_KEYS:
            problems.append(unknown_key(where, key))
        elif value is not None and not isinstance(value, SIDECAR_KEYS[key]):
            problems.append(
                Problem(where, f"'{key}' must be {SIDECAR_KEYS[key][0].__name__}, not {type(value).__name__}")
            )
        else:
            out[key] = value
    if isinstance(out.get("published"), str):
        try:
            out["published"] = dt.date.fromisoformat(out["published"])
        except ValueError:
            problems.append(Problem(where, "'published' must be a date like 2021-01-29"))
            del out["published"]
    url = out.get("source_url")
    if url and not re.match(r"^https?://", url):
        problems.append(Problem(where, "'source_url' must start with http:// or https://"))
        del out["source_url"]
    return out, problems


def unknown_key(where: str, key: object) -> Problem:
    """A warning for a key the sidecar format does not have; an error when it is a misspelt known
    key ('corections'), since the value the maintainer meant to apply would be lost."""
    near = difflib.get_close_matches(str(key), list(SIDECAR_KEYS), n=1, cutoff=0.75)
    if near:
        return Problem(where, f"unknown key '{key}': did you mean '{near[0]}'? Its value is not applied")
    return Problem(where, f"unknown key '{key}' (known: {', '.join(SIDECAR_KEYS)})", level="warning")


def apply_layout(report: Report, path: Path, root: Path | None = None) -> Report:
    """Path and sidecar metadata over text metadata; the text's reading stays in `facts`."""
    place = placement(path, root)
    if place is None:
        return report
    report.problems.extend(place.problems)
    if any(p.level == "error" for p in place.problems) and not place.year:
        return report
    m = report.meta
    for key, value in (
        ("province", place.province),
        ("prefecture", place.prefecture),
        ("county", place.county),
        ("town", place.town),
        ("year", place.year),
    ):
        if value:
            setattr(m, key, value)
            m.origin[key] = "path"
    for key in ("title", "source_url", "published", "notes"):
        if place.sidecar.get(key) is not None:
            setattr(m, key, place.sidecar[key])
            m.origin[key] = "sidecar"
    report.problems.extend(issuer_problems(m.title, place.town, path, m.origin.get("title", "")))
    report.summary = summarize(report)
    if place.sidecar.get("corrections"):
        report.problems.extend(
            apply_corrections(report, place.sidecar["corrections"], path.with_suffix(".yaml"))
        )
    return report
