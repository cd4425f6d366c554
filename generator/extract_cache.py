"""Extraction results cached by content, and extraction spread over every core.

read_report(path) is a pure function of the file's bytes, its path (recorded in the Report)
and the code. So its result is stored in <root>/.cache/extract/<key>.pickle, where key hashes
the code version, the path relative to the project root and the file's bytes. A second build
re-extracts nothing; changing one report re-extracts only that report. Entries no longer used
by a build are removed, so the cache stays the size of reports/.

Reports that are not cached are extracted in a process pool; results come back in input order,
so the build stays deterministic.
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

from generator.pipeline import read_report
from generator.records import Report

PACKAGE = Path(__file__).resolve().parent
CACHE_DIR = Path(".cache") / "extract"
# Modules that only turn Reports into pages, data files or a site: changing them keeps the cache.
DOWNSTREAM = frozenset(
    {"publish.py", "render.py", "index.py", "chart.py", "serve.py", "cli.py", "search.py", "extract_cache.py"}
    | {"synth.py", "synth_tables.py", "synth_text.py", "coverage.py", "opendata.py", "feed.py"}
    | {"incremental.py", "yamltext.py", "parallel.py"}
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


def _read_one(path: str) -> Report:
    return read_report(Path(path))


def _extract_all(paths: list[Path]) -> list[Report]:
    """read_report over paths, in a pool when it pays; results in input order."""
    workers = os.cpu_count() or 1
    if len(paths) < PARALLEL_FROM or workers < 2:
        return [read_report(p) for p in paths]
    chunk = max(1, min(64, len(paths) // (workers * 8)))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(_read_one, [str(p) for p in paths], chunksize=chunk))


def read_reports(
    root: Path, paths: list[Path], reader: Callable[[list[Path]], list[Report]] | None = None
) -> list[tuple[str, Report]]:
    """(cache key, read_report) for every path (same order), from the cache where the bytes are
    unchanged; the key names the code, the path and the bytes (generator/incremental.py uses it)."""
    cache = root / CACHE_DIR
    cache.mkdir(parents=True, exist_ok=True)
    keys = [cache_key(str(p), p.read_bytes()) for p in paths]
    found: dict[int, Report] = {}
    for i, key in enumerate(keys):
        try:
            found[i] = pickle.loads((cache / f"{key}.pickle").read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            pass  # missing or from an incompatible build: read the file again
    todo = [i for i in range(len(paths)) if i not in found]
    for i, report in zip(todo, (reader or _extract_all)([paths[i] for i in todo]), strict=True):
        found[i] = report
        _store(cache / f"{keys[i]}.pickle", report)
    LAST.hits, LAST.extracted = len(paths) - len(todo), [str(paths[i].relative_to(root)) for i in todo]
    _prune(cache, {f"{k}.pickle" for k in keys})
    return [(keys[i], found[i]) for i in range(len(paths))]


def _store(path: Path, report: Report) -> None:
    """Write atomically, so an interrupted build never leaves a truncated entry."""
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_bytes(pickle.dumps(report, protocol=pickle.HIGHEST_PROTOCOL))
    tmp.replace(path)


def _prune(cache: Path, keep: set[str]) -> None:
    for entry in os.scandir(cache):
        if entry.name not in keep:
            Path(entry.path).unlink(missing_ok=True)
