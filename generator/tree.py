"""The generated trees (data/, docs/): what is there, writing what changed, removing what is stale.

A build lists each tree once (listing), before writing: the incremental plan checks a reused
town's files against that list instead of one stat per file, and the files no longer produced
are that list minus what the build wants. Paths are plain strings relative to the tree, so ≈
50,000 files cost no Path objects.
"""

from __future__ import annotations

import heapq
import os
import posixpath
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import BuildError


@dataclass
class Files:
    """The files (and symbolic links) under a tree, relative to it, and its empty folders."""

    files: set[str] = field(default_factory=set)
    empty: list[str] = field(default_factory=list)  # folders with nothing in them


def listing(base: Path, only: tuple[str, ...] | None = None) -> Files:
    """Everything under base, or under the entries of base named in `only`; links not followed."""
    out = Files()
    prefix = str(base) + "/"
    for top in [base / name for name in only] if only else [base]:
        if top.is_symlink() or top.is_file():
            out.files.add(str(top)[len(prefix) :])
            continue
        for dirpath, dirs, files in os.walk(top):
            if not dirs and not files:
                out.empty.append(dirpath)
            rel = dirpath[len(prefix) :] + "/" if dirpath != str(base) else ""
            out.files.update(rel + name for name in files)
            # links to folders are not walked: they are removed like files when not wanted
            out.files.update(rel + name for name in dirs if os.path.islink(os.path.join(dirpath, name)))
    return out


def write_tree(
    base: Path,
    files: dict[str, bytes],
    only: tuple[str, ...] | None = None,
    keep: list[str] | None = None,
    before: Files | None = None,
) -> None:
    """Write files that changed, delete generated files no longer produced (stale pages) other
    than those to keep as they are (files the towns' workers wrote or kept). before: the tree's
    listing() made earlier in this build (made here when not given)."""
    before = before if before is not None else listing(base, only)
    base.mkdir(parents=True, exist_ok=True)
    base_real, resolved = base.resolve(), {}  # each folder resolved once
    wanted = set(keep or ())
    for rel, content in files.items():
        path = base / rel
        if path.parent not in resolved:
            resolved[path.parent] = path.parent.resolve()
        real = path.resolve() if path.is_symlink() else resolved[path.parent] / path.name
        if not real.is_relative_to(base_real):
            raise BuildError(f"refusing to write outside {base}: {rel}")
        wanted.add(posixpath.normpath(rel))
        write_if_changed(path, content)
    sweep(base, before, wanted)


def sweep(base: Path, before: Files, wanted: set[str]) -> None:
    """Delete the listed files not wanted, then the folders left empty (deepest first)."""
    folders = set(before.empty)
    for rel in sorted(before.files - wanted):
        path = os.path.join(base, rel)
        os.unlink(path)
        folders.add(os.path.dirname(path))
    stop = str(base)
    todo = [(-f.count("/"), f) for f in folders]
    heapq.heapify(todo)  # deepest first: a parent is looked at after its children
    while todo:
        _, folder = heapq.heappop(todo)
        if folder != stop and folder.startswith(stop + "/") and not os.listdir(folder):
            os.rmdir(folder)
            parent = os.path.dirname(folder)
            if parent not in folders:
                folders.add(parent)
                heapq.heappush(todo, (-parent.count("/"), parent))


def write_if_changed(path: Path, raw: bytes) -> None:
    """path written unless it already holds these bytes (an unchanged file keeps its mtime)."""
    try:
        if path.read_bytes() == raw:
            return
    except (FileNotFoundError, NotADirectoryError):
        pass  # new file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(raw)
