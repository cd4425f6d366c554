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
    gc.freeze()  # the workers' collections skip inherited objects (no copy-on-write of the heap)
    try:
        with mp.get_context("fork").Pool(workers) as pool:
            chunks = pool.map(_run, bounds, chunksize=1)
    finally:
        _STATE = None
        gc.unfreeze()
    return [r for chunk in chunks for r in chunk]
