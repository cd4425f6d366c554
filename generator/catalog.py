"""Collect every file under reports/: usable reports get a place on the site, the rest a reason."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
import pickle
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Protocol, TypeVar

from generator import extract_cache, slugs
from generator.layout import REPORT_SUFFIXES, apply_layout
from generator.records import Problem, Report
from generator.slugs import sibling_slugs

# Never reports, never listed: repository and desktop clutter.
IGNORED_NAMES = frozenset({"README.md", "README.txt", ".DS_Store", "Thumbs.db", "desktop.ini", ".gitkeep"})


@dataclass
class Entry:
    """One report that is on the site. Its Report is read from the extraction cache (and laid out)
    the first time it is asked for: a build that reuses a town never reads that town's reports."""

    loaded: Report | None
    source: str  # path relative to the project root, e.g. reports/黑龙江省/…/2018.txt
    place: tuple[str, str, str, str]  # 省, 地市, 县, 乡镇
    year: int
    slugs: tuple[str, str, str, str] = ("", "", "", "")
    content_key: str = ""  # the extraction cache's key: code, path and bytes (generator/extract_cache.py)
    sidecar_hash: bytes = b""  # sha256 of its sidecar's bytes (of b"" without one)
    loader: Callable[[], Report] | None = field(default=None, repr=False, compare=False)

    @property
    def report(self) -> Report:
        if self.loaded is None:
            if self.loader is None:
                raise ValueError(f"{self.source}: no report and no way to read it")
            self.loaded = self.loader()
        return self.loaded

    @property
    def town_dir(self) -> str:
        return "places/" + "/".join(self.slugs)

    @property
    def page(self) -> str:
        return f"{self.town_dir}/{self.year}.md"

    @property
    def data_path(self) -> str:
        return "/".join(self.place) + f"/{self.year}.yaml"

    @property
    def town_key(self) -> tuple[str, str, str, str]:
        return self.place


@dataclass(frozen=True)
class Placed:
    """Where a report file goes, decided from its extraction, path and sidecar: its place and
    year, or the errors that keep it off the site."""

    place: tuple[str, str, str, str]
    year: int
    errors: tuple[str, ...] = ()


SLUG_MEMO = Path(".cache") / "slugs.json"  # pinyin slugs of place names (generator/slugs.py)
PLACED = Path(".cache") / "placed.pickle"  # Placed by placed_key(), kept between builds


@dataclass
class Rejected:
    """A file under reports/ that is not on the site, and why."""

    source: str
    reasons: list[str]


@dataclass
class Catalog:
    entries: list[Entry] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)

    def towns(self) -> dict[tuple[str, str, str, str], list[Entry]]:
        return by_town(self.entries)

    def years(self) -> dict[int, list[Entry]]:
        return by_year(self.entries)


class HasPlace(Protocol):
    """An entry or its brief: a town's place and the report's year."""

    place: tuple[str, str, str, str]
    year: int


P = TypeVar("P", bound=HasPlace)


def by_town(items: list[P]) -> dict[tuple[str, str, str, str], list[P]]:
    """Reports (entries or their briefs) by town, towns in place order, each town's years in order."""
    out: dict[tuple[str, str, str, str], list[P]] = defaultdict(list)
    for item in items:
        out[item.place].append(item)
    return {k: sorted(v, key=lambda i: i.year) for k, v in sorted(out.items())}


def by_year(items: list[P]) -> dict[int, list[P]]:
    """Reports by year, years in order, each year's towns in place order."""
    out: dict[int, list[P]] = defaultdict(list)
    for item in items:
        out[item.year].append(item)
    return {k: sorted(v, key=lambda i: i.place) for k, v in sorted(out.items())}


def display_path(rel: str) -> str:
    """A path as shown on the problems page: bytes of a name that are not UTF-8 as \\xNN."""
    return rel.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def refusal(path: Path, reports_dir: Path, resolved: dict[Path, Path] | None = None) -> str | None:
    """Why a file under reports/ is refused before it is read: links and undecodable names.
    (resolved: each directory's real path, resolved once for all the files in it.)"""
    resolved = {} if resolved is None else resolved
    for folder in (path.parent, reports_dir):
        if folder not in resolved:
            resolved[folder] = folder.resolve()
    if path.is_symlink() or not resolved[path.parent].is_relative_to(resolved[reports_dir]):
        return "symbolic link: links are not followed; put the file itself under reports/"
    for part in path.relative_to(reports_dir).parts:
        raw = part.encode("utf-8", "surrogateescape")
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            guess = raw.decode("gb18030", "replace")
            return f"name '{display_path(part)}' is not UTF-8 (as GBK it reads '{guess}'): rename it in UTF-8"
    return None


def walk(top: Path) -> list[Path]:
    """What sorted(p for p in top.rglob("*") if p.is_file() or p.is_symlink()) gives (links to
    folders listed and, like rglob, followed), from os.walk's listings: no stat per file."""
    found: list[str] = []
    for dirpath, dirs, files in os.walk(top, followlinks=True):
        found.extend(os.path.join(dirpath, name) for name in files)
        found.extend(os.path.join(dirpath, d) for d in dirs if os.path.islink(os.path.join(dirpath, d)))
    return [Path(p) for p in sorted(found, key=lambda p: p.split("/"))]  # Path order: by parts


def report_files(reports_dir: Path) -> tuple[list[Path], list[Rejected]]:
    """Report files in a stable order; stray files and orphan sidecars are rejected, not dropped."""
    files: list[Path] = []
    rejected: list[Rejected] = []
    if not reports_dir.is_dir():
        return files, rejected
    root = reports_dir.parent
    resolved: dict[Path, Path] = {}
    for path in walk(reports_dir):
        rel = display_path(str(path.relative_to(root)))
        if path.name in IGNORED_NAMES:
            continue
        refused = refusal(path, reports_dir, resolved)
        if refused:
            rejected.append(Rejected(rel, [refused]))
        elif path.suffix.lower() in REPORT_SUFFIXES:
            files.append(path)
        elif path.suffix.lower() in (".yaml", ".yml"):
            if not any(path.with_suffix(s).exists() for s in REPORT_SUFFIXES):
                rejected.append(
                    Rejected(
                        rel, ["sidecar without a report file beside it (same name, .txt/.html/.docx/.pdf)"]
                    )
                )
        else:
            rejected.append(
                Rejected(rel, [f"unknown file type '{path.suffix}': reports are .txt, .html, .docx or .pdf"])
            )
    return files, rejected


def relative_file(file: str, root: Path) -> str:
    """A file named relative to the project root, so outputs never depend on where the project
    is checked out (builds in two folders are byte-identical)."""
    path = Path(file)
    return str(path.relative_to(root)) if path.is_absolute() and path.is_relative_to(root) else file


def relative(problem: Problem, root: Path) -> Problem:
    return dataclasses.replace(problem, file=relative_file(problem.file, root))


def reason(problem: Problem, path: Path) -> str:
    """An error as listed on the problems page: the line, and the sidecar's name when it is there."""
    where = "" if Path(problem.file).name == path.name else Path(problem.file).name
    if problem.line:
        where = f"{where} line {problem.line}".strip()
    return f"{where}: {problem.message}" if where else problem.message


def laid_out(path: Path, raw: Report, root: Path) -> Report:
    """An extracted report with its path and sidecar applied, its files named relative to root."""
    report = apply_layout(raw, path, root / "reports")
    report.path = str(path.relative_to(root))
    report.problems = [relative(p, root) for p in report.problems]  # no checkout path in outputs
    for fix in report.corrections:
        if "sidecar" in fix:
            fix["sidecar"] = relative_file(str(fix["sidecar"]), root)
    return report


def place_of(path: Path, raw: Report, root: Path) -> Placed:
    """Where an extracted report goes (run by the extraction workers, beside the report)."""
    report = laid_out(path, raw, root)
    m = report.meta
    place = (m.province or "", m.prefecture or "", m.county or "", m.town or "")
    errors = tuple(reason(p, path) for p in report.problems if p.level == "error")
    return Placed(place, m.year or 0, errors)


def load_report(root: Path, path: Path, key: str) -> Report:
    """An Entry's report: its cached extraction, laid out."""
    return laid_out(path, extract_cache.load(root, path, key), root)


def sidecars(files: list[Path]) -> list[bytes | None]:
    """Each report's sidecar (<年>.yaml beside it), None where there is none: each folder listed
    once instead of a failed open per report."""
    names: dict[Path, set[str]] = {}
    out: list[bytes | None] = []
    for path in files:
        if path.parent not in names:
            names[path.parent] = set(os.listdir(path.parent))
        side = path.with_suffix(".yaml")
        try:
            out.append(side.read_bytes() if side.name in names[path.parent] else None)
        except OSError:
            out.append(None)
    return out


def placed_key(content_key: str, side: bytes | None) -> str:
    """What a placement depends on besides the extraction: the sidecar's bytes and this year
    (a year after this one is refused)."""
    stamp = f"{content_key}\0{dt.date.today().year}\0".encode()
    return hashlib.sha256(stamp + (b"\0none" if side is None else b"\1" + side)).hexdigest()


def placements(root: Path, files: list[Path], keys: list[str], sides: list[bytes | None]) -> list[Placed]:
    """Each file's Placed: made by the extraction workers for new files, else from the last
    build's (.cache/placed.pickle) when neither the file nor its sidecar changed, else by reading
    the cached report."""
    try:
        known = pickle.loads((root / PLACED).read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        known = {}
    known = known if isinstance(known, dict) else {}
    new = extract_cache.extract_missing(root, files, keys, partial(place_of, root=root))
    pkeys = [placed_key(key, side) for key, side in zip(keys, sides, strict=True)]
    out = []
    for i, (path, key) in enumerate(zip(files, keys, strict=True)):
        found = new.get(i) or known.get(pkeys[i])
        out.append(found if found is not None else place_of(path, extract_cache.load(root, path, key), root))
    state = root / PLACED
    state.parent.mkdir(parents=True, exist_ok=True)
    tmp = state.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_bytes(pickle.dumps(dict(zip(pkeys, out, strict=True)), protocol=pickle.HIGHEST_PROTOCOL))
    tmp.replace(state)
    return out


def collect(root: Path) -> Catalog:
    """Every report under root/reports placed on the site or listed with the reason why not;
    reports are extracted (cached by content, on every core) but not loaded (Entry.report)."""
    reports_dir = root / "reports"
    files, rejected = report_files(reports_dir)
    catalog = Catalog(rejected=rejected)
    seen: dict[tuple[tuple[str, str, str, str], int], str] = {}
    keys, sides = extract_cache.content_keys(files), sidecars(files)
    placed_all = placements(root, files, keys, sides)
    for path, key, side, placed in zip(files, keys, sides, placed_all, strict=True):
        rel = str(path.relative_to(root))
        if placed.errors:
            catalog.rejected.append(Rejected(rel, list(placed.errors)))
            continue
        if (placed.place, placed.year) in seen:
            catalog.rejected.append(
                Rejected(
                    rel, [f"same town and year as {seen[placed.place, placed.year]}: keep one file per year"]
                )
            )
            continue
        seen[placed.place, placed.year] = rel
        loader = partial(load_report, root, path, key)
        side_hash = hashlib.sha256(side or b"").digest()
        blank = ("", "", "", "")  # slugs: assign_slugs() below
        catalog.entries.append(Entry(None, rel, placed.place, placed.year, blank, key, side_hash, loader))
    slugs.use_memo(root / SLUG_MEMO)
    assign_slugs(catalog.entries)
    slugs.save_memo(root / SLUG_MEMO)
    return catalog


def assign_slugs(entries: list[Entry]) -> None:
    """Pinyin slugs per level, unique among siblings (same-named towns in two counties never collide)."""
    for level in range(4):
        groups: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for e in entries:
            groups[e.place[:level]].add(e.place[level])
        table = {parent: sibling_slugs(sorted(names)) for parent, names in groups.items()}
        for e in entries:
            slugs = list(e.slugs)
            slugs[level] = table[e.place[:level]][e.place[level]]
            e.slugs = (slugs[0], slugs[1], slugs[2], slugs[3])
