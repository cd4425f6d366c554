"""Publish: the build orchestrator, read top to bottom.

reports/ --collect--> Catalog --write--> data/ (full YAML per report)
                                 --render/index/chart--> docs/ (plain Markdown + chart specs)
                                 --mkdocs--> site/
Every problem is collected and reported at the end; strict mode then fails the build.
"""

from __future__ import annotations

import datetime as dt
import gc
import multiprocessing as mp
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from functools import partial
from multiprocessing.process import BaseProcess
from pathlib import Path

from generator import bulk, chart, coverage, incremental, index, opendata, search, tree
from generator.briefs import Listing
from generator.catalog import Catalog, collect
from generator.errors import BuildError
from generator.parallel import fork_map, in_child
from generator.towns import make_town

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
    catalog = collect(root)  # extracted (cached, every core), not loaded
    before = {"data": tree.listing(root / "data"), "docs": tree.listing(root / "docs", GENERATED)}
    present = before["data"].files, before["docs"].files
    done = incremental.plan(root, catalog, present)  # towns whose inputs are unchanged keep their files
    result.reports, result.rejected = len(catalog.entries), len(catalog.rejected)
    result.problems = [f"{r.source}: {'; '.join(r.reasons)}" for r in catalog.rejected]
    result.seconds["extract"] = time.perf_counter() - t0

    t1 = time.perf_counter()
    gc.freeze()  # the catalog and the last build's state live to the end: no collection walks them
    try:
        # the changed towns: loaded, checked, measured, dumped, rendered and written by the workers
        made = fork_map(partial(make_town, root=root), done.fresh, 16)
        for entries, state in zip(done.fresh, made, strict=True):
            state.key = done.keys[entries[0].town_dir]
        towns = list(done.towns(made).values())  # every town, catalog order
        listing = Listing([b for t in towns for b in t.briefs], catalog.rejected)
        keep = [p for t in towns for p in t.data]
        tree.write_tree(root / "data", {}, keep=keep, before=before["data"])  # stale files go
        everything, members = bulk.everything(towns, done.members)
        docs = pages(listing) | opendata.download_files(listing, bulk.table_b(towns), everything)
        keep = [p for t in towns for p in t.docs]
        tree.write_tree(root / "docs", docs, only=GENERATED, keep=keep, before=before["docs"])
        incremental.save(root, incremental.State({t.town_dir: t for t in towns}, members))
    finally:
        gc.unfreeze()
    if bundling is not None:
        bundling.join()
    ensure_vega_bundle(vendor)  # made by then (or made here, with its error, if the worker failed)
    result.seconds["generate"] = time.perf_counter() - t1
    return result, source_date_epoch(catalog)


def pages(listing: Listing) -> dict[str, bytes]:
    """The pages over many towns, made from the reports' Briefs."""
    out: dict[str, str] = {}
    years = listing.years()
    for year, briefs in years.items():
        out[f"years/{year}.md"] = index.year_page(f"years/{year}.md", year, briefs)
        out[f"years/{year}.json"] = chart.spec_json(chart.year_chart([b.figures for b in briefs]))
    out["years/index.md"] = index.years_index(years)
    out.update(index.region_pages(listing))
    out["index.md"] = index.home_page(listing)
    out["problems.md"] = index.problems_page(listing)
    out.update(coverage.coverage_pages(listing))
    return {k: v.encode() for k, v in out.items()}


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
