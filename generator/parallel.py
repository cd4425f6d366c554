"""fork_map: a function over a list on every core, results in input order.

Workers are forked, so they inherit the items (a Catalog of 10,000 Reports is never pickled);
only the results travel back. Small lists, one core, or a platform without fork run in-process.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
from collections.abc import Callable, Sequence
from typing import Any

_STATE: tuple[Callable[[Any], Any], Sequence[Any]] | None = None


def _run(bounds: tuple[int, int]) -> list[Any]:
    assert _STATE is not None
    fn, items = _STATE
    return [fn(items[i]) for i in range(*bounds)]


def fork_map(fn: Callable[[Any], Any], items: Sequence[Any], min_items: int = 64) -> list[Any]:
    """[fn(x) for x in items], computed by forked workers when there are enough items."""
    global _STATE
    workers = os.cpu_count() or 1
    if workers < 2 or len(items) < min_items or "fork" not in mp.get_all_start_methods():
        return [fn(x) for x in items]
    parts = workers * 4
    step = -(-len(items) // parts)
    bounds = [(i, min(i + step, len(items))) for i in range(0, len(items), step)]
    _STATE = (fn, items)
    frozen = gc.get_freeze_count()  # the caller's own freeze (publish.generate) is kept
    gc.freeze()  # the workers' collections skip inherited objects (no copy-on-write of the heap)
    try:
        with mp.get_context("fork").Pool(workers) as pool:
            chunks = pool.map(_run, bounds, chunksize=1)
    finally:
        _STATE = None
        if not frozen:
            gc.unfreeze()
    return [r for chunk in chunks for r in chunk]


def in_child(fn: Callable[..., Any], *args: Any) -> Any:
    """fn(*args) in a forked child process, its result (or exception) pickled back.

    What the child allocates is returned to the system when it exits: a 10,000-report catalog
    would otherwise stay in this process's heap (CPython keeps freed arenas) while MkDocs and
    Pagefind run beside it. In-process where fork is missing."""
    if "fork" not in mp.get_all_start_methods():
        return fn(*args)
    read_end, write_end = mp.get_context("fork").Pipe(duplex=False)
    proc = mp.get_context("fork").Process(target=_child, args=(write_end, fn, args))
    proc.start()
    write_end.close()
    try:
        ok, value = read_end.recv()
    except EOFError:
        proc.join()
        name = getattr(fn, "__name__", fn)
        raise RuntimeError(f"{name} died in its child process (exit {proc.exitcode})") from None
    proc.join()
    if not ok:
        raise value
    return value


def _child(conn: Any, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
    try:
        result = (True, fn(*args))
    except BaseException as exc:  # sent back and raised in the parent, with its file and line
        result = (False, exc)
    try:
        conn.send(result)
    except Exception as exc:  # an exception that cannot be pickled: its text is enough
        conn.send((False, RuntimeError(f"{result[1]!r} ({exc})")))
    conn.close()
