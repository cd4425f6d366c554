"""Publish: the build orchestrator, read top to bottom.

reports/ --collect--> Catalog --write--> data/ (full YAML per report)
                                 --render/index/chart--> docs/ (plain Markdown + chart specs)
                                 --mkdocs--> site/
Every problem is collected and reported at the end; strict mode then fails the build.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp
import os
import posixpath
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from functools import partial
from multiprocessing.process import BaseProcess
from pathlib import Path

from generator import chart, coverage, incremental, index, measures, opendata, render, search
from generator.catalog import Catalog, Entry, collect
from generator.check import cross_year_checks
from generator.errors import BuildError
from generator.parallel import fork_map, in_child
from generator.serialize import dump_yaml, report_data

GENERATED = ("index.md", "problems.md", "places", "years", "downloads", "coverage")


@dataclass
class BuildResult:
    reports: int = 0
    rejected: int = 0
    problems: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)

    def describe(self) -> str:
        times = ", ".join(f"{k} {v:.1f} s" for k, v in self.seconds.items())
        return f"{self.reports} reports on the site, {self.rejected} files listed as unusable ({times})"


def build(root: Path, run_mkdocs: bool = True, strict: bool = False) -> BuildResult:
    if not run_mkdocs:
        return generate(root)[0]
    # The reports are made and written in a child process: its memory is gone before MkDocs runs.
    result, epoch = in_child(generate, root)
    t2 = time.perf_counter()
    run_mkdocs_build(root, epoch)
    result.seconds["site"] = time.perf_counter() - t2
    t3 = time.perf_counter()
    # Pagefind over a unigram shadow copy (generator/search.py); unchanged shards come from the cache
    search.index_site(root / "site", cache=root / ".cache" / "pagefind")
    result.seconds["search"] = time.perf_counter() - t3
    return result


def generate(root: Path) -> tuple[BuildResult, str]:
    """reports/ -> data/ and the generated docs/ pages; the result and the build date."""
    result = BuildResult()
    t0 = time.perf_counter()
    vendor = root / "docs" / "assets" / "vendor"
    bundling = start_vega_bundle(vendor)  # next to the extraction, on a cold build ≈ 1 s of CPU
    catalog = collect(root)
    extra = cross_year_checks([e.report for e in catalog.entries])
    for entry in catalog.entries:
        entry.report.checks.extend(extra.get(entry.report.path, []))
    done = incremental.plan(root, catalog)  # towns whose inputs are unchanged keep their files
    measures.annotate(catalog, done.fresh)  # text reuse, completeness, rates, timeliness (after the checks)
    result.reports, result.rejected = len(catalog.entries), len(catalog.rejected)
    result.problems = [f"{r.source}: {'; '.join(r.reasons)}" for r in catalog.rejected]
    result.seconds["extract"] = time.perf_counter() - t0

    t1 = time.perf_counter()
    data, records = data_files([e for town in done.fresh for e in town])
    records |= done.records()
    write_tree(root / "data", data, keep=done.kept("data"))
    docs, town_docs = pages(catalog, root, done, data, records)
    made = [p for files in town_docs.values() for p in files]
    write_tree(root / "docs", docs, only=GENERATED, keep=done.kept("docs") + made)
    incremental.save(root, done, town_docs, data, records)
    if bundling is not None:
        bundling.join()
    ensure_vega_bundle(vendor)  # made by then (or made here, with its error, if the worker failed)
    result.seconds["generate"] = time.perf_counter() - t1
    return result, source_date_epoch(catalog)


def report_outputs(entry: Entry) -> tuple[bytes, str]:
    """A report's YAML and its reports.json record, from one report_data()."""
    data = report_data(entry.report)
    return dump_yaml(data).encode(), opendata.report_record(entry, data)


def data_files(entries: list[Entry]) -> tuple[dict[str, bytes], dict[str, str]]:
    """data/ (each report's YAML) and each report's reports.json record, both by Entry.data_path."""
    done = fork_map(report_outputs, entries)  # every core; same order
    data = {e.data_path: text for e, (text, _) in zip(entries, done, strict=True)}
    return data, {e.data_path: record for e, (_, record) in zip(entries, done, strict=True)}


def downloads(entry: Entry) -> dict[str, str]:
    """Links (relative to the report page) to its YAML and its original file."""
    suffix = Path(entry.source).suffix.lower()
    original = f"{entry.year}.source{'.html' if suffix in ('.html', '.htm') else suffix}"
    if suffix in (".txt", ".html", ".htm"):  # served as text/plain: the original's markup never runs
        original += ".txt" if suffix != ".txt" else ""
    return {"结构化数据（YAML）": f"{entry.year}.yaml", "原始文件": original}


def pages(
    catalog: Catalog,
    root: Path,
    done: incremental.Plan,
    data: dict[str, bytes],
    records: dict[str, str],
) -> tuple[dict[str, bytes], dict[str, list[str]]]:
    """The pages over many towns (written by the caller), after the towns made here have been
    rendered and written by the workers (data and records: data_files(), plus the reused towns'
    records); and the files each of those towns has under docs/."""
    out: dict[str, str | bytes] = {}
    town_docs: dict[str, list[str]] = {}
    written = fork_map(partial(write_town, root=root, data=data), done.fresh, 16)  # on every core
    for entries, files in zip(done.fresh, written, strict=True):
        town_docs[entries[0].town_dir] = files
    years = catalog.years()
    for year, entries in years.items():
        out[f"years/{year}.md"] = index.year_page(f"years/{year}.md", year, entries)
        out[f"years/{year}.json"] = chart.spec_json(chart.year_chart([index.figure_row(e) for e in entries]))
    out["years/index.md"] = index.years_index(years)
    out.update(index.region_pages(catalog))
    out["index.md"] = index.home_page(catalog)
    out["problems.md"] = index.problems_page(catalog)
    out.update(coverage.coverage_pages(catalog))
    files = {k: v if isinstance(v, bytes) else v.encode() for k, v in out.items()}
    sizes = done.yaml_sizes(opendata.yaml_path) | {
        opendata.yaml_path(e): len(data[e.data_path]) for town in done.fresh for e in town
    }
    return files | opendata.download_files(catalog, sizes, records), town_docs  # lists the YAML sizes


def write_town(entries: list[Entry], root: Path, data: dict[str, bytes]) -> list[str]:
    """town_files() written under docs/ by the worker that made them (only files whose bytes
    changed), so 10,000 reports' pages never travel back to, and pile up in, the parent; the
    paths written, for write_tree() to keep."""
    base = root / "docs"
    out = []
    for rel, content in town_files(entries, root, data).items():
        if posixpath.normpath(rel) != rel or rel.startswith(("/", "../")) or not rel.startswith("places/"):
            raise BuildError(f"refusing to write outside {base}/places: {rel}")
        raw = content if isinstance(content, bytes) else content.encode()
        path = base / rel
        try:
            same = path.read_bytes() == raw
        except (FileNotFoundError, NotADirectoryError):
            same = False
        if not same:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(raw)
        out.append(rel)
    return out


def town_files(entries: list[Entry], root: Path, data: dict[str, bytes] | None) -> dict[str, str | bytes]:
    """One town's files under docs/: its page, chart, and per report the page, YAML and original."""
    out: dict[str, str | bytes] = {}
    town_dir = entries[0].town_dir
    out[f"{town_dir}/index.md"] = index.town_page(f"{town_dir}/index.md", entries)
    out[f"{town_dir}/chart.json"] = chart.spec_json(chart.town_chart([index.figure_row(e) for e in entries]))
    for i, e in enumerate(entries):
        prev = entries[i - 1] if i else None
        nxt = entries[i + 1] if i + 1 < len(entries) else None
        links = downloads(e)
        out[e.page] = render.render_report(e, prev, nxt, links)
        yaml_text = data[e.data_path] if data else None  # dumped once for data/ and docs/
        out[f"{town_dir}/{links['结构化数据（YAML）']}"] = yaml_text or dump_yaml(report_data(e.report))
        out[f"{town_dir}/{links['原始文件']}"] = (root / e.source).read_bytes()
    return out


def write_tree(
    base: Path, files: dict[str, bytes], only: tuple[str, ...] | None = None, keep: list[str] | None = None
) -> None:
    """Write files that changed, delete generated files no longer produced (stale pages) other
    than those to keep as they are (files of towns reused from the last build)."""
    base.mkdir(parents=True, exist_ok=True)
    base_real, parents = base.resolve(), {}  # each directory resolved once (≈100,000 files at 10k)
    wanted: set[Path] = {base_real / rel for rel in keep or ()}  # our own files: written under base
    made: set[Path] = set()  # directories known to exist
    for rel, content in files.items():
        path = base / rel
        real = real_path(path, parents)
        if not real.is_relative_to(base_real):
            raise BuildError(f"refusing to write outside {base}: {rel}")
        wanted.add(real)
        try:
            if path.read_bytes() == content:
                continue
        except (FileNotFoundError, NotADirectoryError):
            pass  # new file
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        path.write_bytes(content)
    roots = [base / name for name in only] if only else [base]
    for top in roots:
        if top.is_file() and top.resolve() not in wanted:
            top.unlink()
        elif top.is_dir():
            sweep(top, wanted, parents)


def sweep(top: Path, wanted: set[Path], parents: dict[Path, Path]) -> None:
    """Under top, delete files not wanted, then directories left empty (deepest first)."""
    for dirpath, _dirs, _files in os.walk(top, topdown=False):
        folder = Path(dirpath)
        if folder not in parents:
            parents[folder] = folder.resolve()
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name, reverse=True)
        for entry in entries:
            path = folder / entry.name
            if entry.is_file():
                real = real_path(path, parents) if entry.is_symlink() else parents[folder] / entry.name
                if real not in wanted:
                    path.unlink()
            elif entry.is_dir() and not any(path.iterdir()):
                path.rmdir()


def real_path(path: Path, parents: dict[Path, Path]) -> Path:
    """path.resolve(), with each parent directory resolved only once."""
    if path.name in ("", ".", "..") or path.is_symlink():
        return path.resolve()
    if path.parent not in parents:
        parents[path.parent] = path.parent.resolve()
    return parents[path.parent] / path.name


def start_vega_bundle(vendor: Path) -> BaseProcess | None:
    """ensure_vega_bundle in a forked process, to be joined before the site is built."""
    if "fork" not in mp.get_all_start_methods():
        return None
    proc = mp.get_context("fork").Process(target=ensure_vega_bundle, args=(vendor,), daemon=True)
    proc.start()
    return proc


def ensure_vega_bundle(vendor: Path) -> None:
    """Vega + Vega-Lite + Vega-Embed in one local script (no CDN), regenerated per vl-convert version."""
    import vl_convert

    stamp = vendor / "VERSION"
    version = getattr(vl_convert, "__version__", "unknown")
    if stamp.exists() and stamp.read_text() == version and (vendor / "vega-bundle.js").exists():
        return
    vendor.mkdir(parents=True, exist_ok=True)
    (vendor / "vega-bundle.js").write_text(vl_convert.javascript_bundle(), encoding="utf-8")
    stamp.write_text(version)


def source_date_epoch(catalog: Catalog) -> str:
    """A build date taken from the inputs (the newest report year), so builds are byte-identical."""
    year = max((e.year for e in catalog.entries), default=2008)
    return str(int(dt.datetime(year + 1, 1, 1, tzinfo=dt.UTC).timestamp()))


def run_mkdocs_build(root: Path, epoch: str) -> None:
    """mkdocs build --strict, dated SOURCE_DATE_EPOCH = epoch (source_date_epoch())."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch, "NO_MKDOCS_2_WARNING": "1"}
    site = root / "site"
    if site.exists():
        shutil.rmtree(site)
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            str(root / "mkdocs.yml"),
            "-d",
            str(site),
        ],
        capture_output=True,
        text=True,
        env=env,
    )
    if proc.returncode != 0:
        raise BuildError(
            "mkdocs build --strict failed:\n" + (proc.stderr or proc.stdout)[-4000:], str(root / "mkdocs.yml")
        )
