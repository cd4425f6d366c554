"""Extraction results cached by content, and extraction spread over every core.

read_report(path) is a pure function of the file's bytes, its path (recorded in the Report)
and the code. So its result is stored in <root>/.cache/extract/<key>.pickle, where key hashes
the code version, the path relative to the project root and the file's bytes. A second build
re-extracts nothing; changing one report re-extracts only that report. Entries no longer used
by a build are removed, so the cache stays the size of reports/.

Reports that are not cached are extracted in a process pool whose workers store them; what the
caller asks of each (extract_missing's `after`) comes back in input order, so the build stays
deterministic. A cached report is unpickled only when it is needed (load): a build in which a
town is unchanged never reads its reports (generator/incremental.py).
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from generator.pipeline import read_report
from generator.records import Report

T = TypeVar("T")

PACKAGE = Path(__file__).resolve().parent
CACHE_DIR = Path(".cache") / "extract"
# Modules that only turn Reports into pages, data files or a site: changing them keeps the cache.
DOWNSTREAM = frozenset(
    {"publish.py", "render.py", "index.py", "chart.py", "serve.py", "cli.py", "search.py", "extract_cache.py"}
    | {"synth.py", "synth_tables.py", "synth_text.py", "coverage.py", "opendata.py", "feed.py"}
    | {"incremental.py", "yamltext.py", "parallel.py", "briefs.py", "bulk.py"}
)
PARALLEL_FROM = 32  # fewer uncached files than this are read in-process (a pool costs ~0.1 s)


@dataclass
class CacheStats:
    """What one collect() did: how many reports came from the cache and which were read."""

    hits: int = 0
    extracted: list[str] = field(default_factory=list)


LAST = CacheStats()  # the most recent collect(), for tests and the benchmark


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the extraction code (every generator module except the downstream ones)."""
    h = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.parent == PACKAGE and path.name in DOWNSTREAM:
            continue
        h.update(str(path.relative_to(PACKAGE)).encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()[:16]


def cache_key(path: str, data: bytes) -> str:
    return hashlib.sha256(code_version().encode() + b"\0" + path.encode() + b"\0" + data).hexdigest()


def content_keys(paths: list[Path]) -> list[str]:
    """The cache key of each file: its code version, path and bytes."""
    return [cache_key(str(p), p.read_bytes()) for p in paths]


def extract_missing(
    root: Path, paths: list[Path], keys: list[str], after: Callable[[Path, Report], T]
) -> dict[int, T]:
    """Extract the files not in the cache (by position in paths), store each, and give back
    after(path, report) of each: the Reports themselves stay in the workers (pickling 10,000 of
    them back to one process cost more than extracting them on two cores). Prunes entries no
    longer used, so the cache stays the size of reports/."""
    cache = root / CACHE_DIR
    cache.mkdir(parents=True, exist_ok=True)
    stored = {entry.name for entry in os.scandir(cache)}
    todo = [i for i, key in enumerate(keys) if f"{key}.pickle" not in stored]
    jobs = [(str(paths[i]), str(cache / f"{keys[i]}.pickle"), after) for i in todo]
    workers = os.cpu_count() or 1
    if len(jobs) < PARALLEL_FROM or workers < 2:
        done = [_extract_one(job) for job in jobs]
    else:
        chunk = max(1, min(64, len(jobs) // (workers * 8)))
        with ProcessPoolExecutor(max_workers=workers) as pool:
            done = list(pool.map(_extract_one, jobs, chunksize=chunk))
    LAST.hits, LAST.extracted = len(paths) - len(todo), [str(paths[i].relative_to(root)) for i in todo]
    _prune(cache, {f"{k}.pickle" for k in keys})
    return dict(zip(todo, done, strict=True))


def _extract_one(job: tuple[str, str, Callable[[Path, Report], T]]) -> T:
    path, store, after = job
    report = read_report(Path(path))
    _store(Path(store), report)
    return after(Path(path), report)


def load(root: Path, path: Path, key: str) -> Report:
    """The cached extraction of one file (extracted again, and stored, if the entry is missing
    or from an incompatible build)."""
    entry = root / CACHE_DIR / f"{key}.pickle"
    try:
        return pickle.loads(entry.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        report = read_report(path)
        entry.parent.mkdir(parents=True, exist_ok=True)
        _store(entry, report)
        return report


def _store(path: Path, report: Report) -> None:
    """Write atomically, so an interrupted build never leaves a truncated entry."""
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_bytes(pickle.dumps(report, protocol=pickle.HIGHEST_PROTOCOL))
    tmp.replace(path)


def _prune(cache: Path, keep: set[str]) -> None:
    for entry in os.scandir(cache):
        if entry.name not in keep:
            Path(entry.path).unlink(missing_ok=True)
