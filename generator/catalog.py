"""Collect every file under reports/: usable reports get a place on the site, the rest a reason."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from generator.extract_cache import read_reports
from generator.layout import REPORT_SUFFIXES, apply_layout
from generator.records import Problem, Report
from generator.slugs import sibling_slugs

# Never reports, never listed: repository and desktop clutter.
IGNORED_NAMES = frozenset({"README.md", "README.txt", ".DS_Store", "Thumbs.db", "desktop.ini", ".gitkeep"})


@dataclass
class Entry:
    """One report that is on the site."""

    report: Report
    source: str  # path relative to the project root, e.g. reports/黑龙江省/…/2018.txt
    place: tuple[str, str, str, str]  # 省, 地市, 县, 乡镇
    year: int
    slugs: tuple[str, str, str, str] = ("", "", "", "")
    content_key: str = ""  # the extraction cache's key: code, path and bytes (generator/extract_cache.py)

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
        out: dict[tuple[str, str, str, str], list[Entry]] = defaultdict(list)
        for e in self.entries:
            out[e.place].append(e)
        return {k: sorted(v, key=lambda e: e.year) for k, v in sorted(out.items())}

    def years(self) -> dict[int, list[Entry]]:
        out: dict[int, list[Entry]] = defaultdict(list)
        for e in self.entries:
            out[e.year].append(e)
        return {k: sorted(v, key=lambda e: e.place) for k, v in sorted(out.items())}


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


def report_files(reports_dir: Path) -> tuple[list[Path], list[Rejected]]:
    """Report files in a stable order; stray files and orphan sidecars are rejected, not dropped."""
    files: list[Path] = []
    rejected: list[Rejected] = []
    if not reports_dir.is_dir():
        return files, rejected
    root = reports_dir.parent
    resolved: dict[Path, Path] = {}
    for path in sorted(p for p in reports_dir.rglob("*") if p.is_file() or p.is_symlink()):
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


def collect(root: Path) -> Catalog:
    """Read every report under root/reports; place each on the site or say why not."""
    reports_dir = root / "reports"
    files, rejected = report_files(reports_dir)
    catalog = Catalog(rejected=rejected)
    seen: dict[tuple[tuple[str, str, str, str], int], str] = {}
    extracted = read_reports(root, files)  # cached by content, uncached ones in parallel
    for path, (content_key, raw) in zip(files, extracted, strict=True):
        rel = str(path.relative_to(root))
        report = apply_layout(raw, path, reports_dir)
        report.path = rel
        report.problems = [relative(p, root) for p in report.problems]  # no checkout path in outputs
        for fix in report.corrections:
            if "sidecar" in fix:
                fix["sidecar"] = relative_file(str(fix["sidecar"]), root)
        errors = [reason(p, path) for p in report.problems if p.level == "error"]
        m = report.meta
        if errors:
            catalog.rejected.append(Rejected(rel, errors))
            continue
        place = (m.province or "", m.prefecture or "", m.county or "", m.town or "")
        key = (place, m.year or 0)
        if key in seen:
            catalog.rejected.append(
                Rejected(rel, [f"same town and year as {seen[key]}: keep one file per year"])
            )
            continue
        seen[key] = rel
        catalog.entries.append(Entry(report, rel, place, m.year or 0, content_key=content_key))
    assign_slugs(catalog.entries)
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
