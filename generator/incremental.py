"""Towns whose inputs did not change keep last build's files: nothing of theirs is made again.

Everything a town's own files depend on (its report pages, town page and chart, each report's
YAML in data/ and docs/, the originals, and the measures and cross-year checks, which compare a
town's reports with each other only) is a function of that town's reports and the code. So a town
key hashes the code of the whole generator, and per report: its path, its extraction-cache key
(code, path, bytes), its sidecar's bytes, its place, year and slugs. After each build,
<root>/.cache/towns.pickle keeps, per town: the key, the files it produced, and what the
catalog-wide pages need from it (each report's indicators, its reports.json record, its YAML
size). On the next build a town with the same key whose files are all still there is reused: its
indicators are put back on its reports and its files are kept as they are; every other town is
made again. Pages over many towns (regions, years, home, downloads, coverage) are always made.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from generator.catalog import Catalog, Entry

STATE = Path(".cache") / "towns.pickle"
PACKAGE = Path(__file__).resolve().parent


@dataclass
class TownState:
    key: str
    docs: list[str]  # files under docs/ the town produced
    data: list[str]  # files under data/
    indicators: list[dict[str, Any]]  # per report, in year order
    records: list[str]  # per report: its reports.json record
    yaml_sizes: list[int]  # per report: bytes of its YAML


@dataclass
class Plan:
    """Which towns are made again, and what the reused ones bring."""

    keys: dict[str, str]  # town_dir -> key
    fresh: list[list[Entry]]  # towns made in this build, catalog order
    reused: dict[str, tuple[TownState, list[Entry]]] = field(default_factory=dict)  # town_dir -> …

    def kept(self, tree: str) -> list[str]:
        """Files of reused towns under "docs" or "data": kept on disk as they are."""
        return [p for state, _ in self.reused.values() for p in getattr(state, tree)]

    def records(self) -> dict[str, str]:
        """reports.json records of the reused towns' reports, by data path."""
        return {
            e.data_path: record
            for state, entries in self.reused.values()
            for e, record in zip(entries, state.records, strict=True)
        }

    def yaml_sizes(self, path_of: Callable[[Entry], str]) -> dict[str, int]:
        return {
            path_of(e): size
            for state, entries in self.reused.values()
            for e, size in zip(entries, state.yaml_sizes, strict=True)
        }


@lru_cache(maxsize=1)
def code_version() -> str:
    """Every module of the generator: any change to the code makes every town again."""
    h = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*.py")):
        h.update(str(path.relative_to(PACKAGE)).encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def town_key(entries: list[Entry], root: Path) -> str:
    h = hashlib.sha256(code_version().encode())
    for e in entries:
        sidecar = (root / e.source).with_suffix(".yaml")
        try:
            side = sidecar.read_bytes()
        except OSError:
            side = b""
        parts = (e.source, e.content_key, "/".join(e.place), str(e.year), "/".join(e.slugs))
        h.update("\0".join(parts).encode() + b"\0" + hashlib.sha256(side).digest())
    return h.hexdigest()


def load(root: Path) -> dict[str, TownState]:
    try:
        state = pickle.loads((root / STATE).read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        return {}  # first build, or a state from other code: every town is made
    return state if isinstance(state, dict) else {}


def plan(root: Path, catalog: Catalog) -> Plan:
    """Reuse the towns whose key is unchanged and whose files are all still on disk."""
    last = load(root)
    towns = catalog.towns()
    result = Plan(keys={}, fresh=[])
    for entries in towns.values():
        town = entries[0].town_dir
        key = result.keys[town] = town_key(entries, root)
        state = last.get(town)
        if (
            state is not None
            and state.key == key
            and len(state.records) == len(entries)
            and _present(root, state)
        ):
            result.reused[town] = (state, entries)
            for e, indicators in zip(entries, state.indicators, strict=True):
                e.report.indicators = indicators
        else:
            result.fresh.append(entries)
    return result


def _present(root: Path, state: TownState) -> bool:
    docs, data = root / "docs", root / "data"
    return all(os.path.isfile(docs / p) for p in state.docs) and all(
        os.path.isfile(data / p) for p in state.data
    )


def save(
    root: Path,
    done: Plan,
    town_docs: dict[str, list[str]],
    data: dict[str, bytes],
    records: dict[str, str],
) -> None:
    """The state after this build: reused towns as they were, fresh towns from what was made."""
    state = {town: kept for town, (kept, _) in done.reused.items()}
    for entries in done.fresh:
        town = entries[0].town_dir
        paths = [e.data_path for e in entries]
        state[town] = TownState(
            key=done.keys[town],
            docs=town_docs[town],
            data=paths,
            indicators=[e.report.indicators for e in entries],
            records=[records[p] for p in paths],
            yaml_sizes=[len(data[p]) for p in paths],
        )
    path = root / STATE
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_bytes(pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL))
    tmp.replace(path)
