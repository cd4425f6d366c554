"""Towns whose inputs did not change keep last build's files: nothing of theirs is made again.

Everything a town's own files depend on (its report pages, town page and chart, each report's
YAML in data/ and docs/, the originals, and the measures and cross-year checks, which compare a
town's reports with each other only) is a function of that town's reports and the code. So a town
key hashes the code of the whole generator, and per report: its path, its extraction-cache key
(code, path, bytes), its sidecar's bytes, its place, year and slugs. After each build,
<root>/.cache/towns.pickle keeps, per town: the key, the files it produced, and what the pages
over many towns and the bulk downloads need from it (each report's Brief, and its reports.json
records and table_b.csv lines, compressed), plus each province's compressed part of
reports.json.gz. On the next build a town with the same key whose files are all still there is
reused: its reports are never read (Entry.report stays unloaded) and its files are kept as they
are; every other town is made again. Pages over many towns (regions, years, home, downloads,
coverage) are always made, from the Briefs.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from generator.briefs import Brief
from generator.catalog import Catalog, Entry

STATE = Path(".cache") / "towns.pickle"
PACKAGE = Path(__file__).resolve().parent


@dataclass
class TownState:
    key: str
    docs: list[str]  # files under docs/ the town produced
    data: list[str]  # files under data/
    briefs: list[Brief]  # per report, in year order
    records: bytes  # zlib: its reports' reports.json records joined by "," (generator/bulk.py)
    table_b: bytes  # zlib: its reports' table_b.csv lines

    @property
    def town_dir(self) -> str:
        return self.briefs[0].town_dir


@dataclass
class State:
    """What a build leaves for the next: each town's TownState, and each province's gzip member
    of reports.json.gz by the digest of its towns' keys (generator/bulk.py)."""

    towns: dict[str, TownState] = field(default_factory=dict)
    members: dict[str, tuple[str, bytes]] = field(default_factory=dict)


@dataclass
class Plan:
    """Which towns are made again, and what the reused ones bring."""

    keys: dict[str, str]  # town_dir -> key
    fresh: list[list[Entry]]  # towns made in this build, catalog order
    reused: dict[str, tuple[TownState, list[Entry]]] = field(default_factory=dict)  # town_dir -> …
    members: dict[str, tuple[str, bytes]] = field(default_factory=dict)  # last build's (State)

    def towns(self, made: list[TownState]) -> dict[str, TownState]:
        """Every town's state, in catalog order: the reused ones and made (one per fresh town)."""
        fresh = {entries[0].town_dir: state for entries, state in zip(self.fresh, made, strict=True)}
        return {town: fresh[town] if town in fresh else self.reused[town][0] for town in self.keys}


@lru_cache(maxsize=1)
def code_version() -> str:
    """Every module of the generator: any change to the code makes every town again."""
    h = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*.py")):
        h.update(str(path.relative_to(PACKAGE)).encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def town_key(entries: list[Entry]) -> str:
    h = hashlib.sha256(code_version().encode())
    for e in entries:
        parts = (e.source, e.content_key, "/".join(e.place), str(e.year), "/".join(e.slugs))
        h.update("\0".join(parts).encode() + b"\0" + e.sidecar_hash)
    return h.hexdigest()


def load(root: Path) -> State:
    try:
        state = pickle.loads((root / STATE).read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        return State()  # first build, or a state from other code: every town is made
    return state if isinstance(state, State) else State()


def plan(root: Path, catalog: Catalog, present: tuple[set[str], set[str]] | None = None) -> Plan:
    """Reuse the towns whose key is unchanged and whose files are all still on disk (present: the
    files under data/ and docs/, relative to them, when the caller has listed them)."""
    last = load(root)
    towns = catalog.towns()
    result = Plan(keys={}, fresh=[], members=last.members)
    for entries in towns.values():
        town = entries[0].town_dir
        key = result.keys[town] = town_key(entries)
        state = last.towns.get(town)
        if (
            state is not None
            and state.key == key
            and len(state.briefs) == len(entries)
            and _present(root, state, present)
        ):
            result.reused[town] = (state, entries)
        else:
            result.fresh.append(entries)
    return result


def _present(root: Path, state: TownState, present: tuple[set[str], set[str]] | None) -> bool:
    if present is not None:
        data, docs = present
        return all(p in docs for p in state.docs) and all(p in data for p in state.data)
    docs_dir, data_dir = str(root / "docs") + "/", str(root / "data") + "/"
    isfile = os.path.isfile
    return all(isfile(docs_dir + p) for p in state.docs) and all(isfile(data_dir + p) for p in state.data)


def save(root: Path, state: State) -> None:
    """The state after this build, written atomically."""
    path = root / STATE
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_bytes(pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL))
    tmp.replace(path)
