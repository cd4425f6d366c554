"""The bulk downloads over every report, assembled from each town's compressed parts.

A town made in this build gives its reports.json records and table_b.csv lines compressed
(town_parts); a reused town gives them from its saved state. reports.json.gz is one gzip member
per province (opendata.everything_gz): a province whose towns' keys are all unchanged keeps its
member from the last build, so one changed report compresses one province again, not 100 MB.
"""

from __future__ import annotations

import hashlib
import zlib
from itertools import groupby

from generator.incremental import TownState
from generator.opendata import everything_gz, gzip_bytes
from generator.parallel import fork_map

ZLEVEL = 1  # the towns' parts are kept for the next build only: fast beats small


def town_parts(records: list[str], table_b: list[str]) -> tuple[bytes, bytes]:
    """A town's reports.json records and table_b.csv lines, compressed for its TownState."""
    return (
        zlib.compress(",".join(records).encode("utf-8"), ZLEVEL),
        zlib.compress("".join(table_b).encode("utf-8"), ZLEVEL),
    )


def _member(towns: list[TownState]) -> bytes:
    return gzip_bytes(b",".join(zlib.decompress(t.records) for t in towns))


def everything(
    towns: list[TownState], last: dict[str, tuple[str, bytes]]
) -> tuple[bytes, dict[str, tuple[str, bytes]]]:
    """reports.json.gz from the towns (in place order), and each province's (digest, member) for
    the next build (last: the last build's)."""
    provinces = [(name, list(group)) for name, group in groupby(towns, key=lambda t: t.briefs[0].place[0])]
    digests = [hashlib.sha256("\0".join(t.key for t in group).encode()).hexdigest() for _, group in provinces]
    todo = [i for i, (name, _) in enumerate(provinces) if last.get(name, ("", b""))[0] != digests[i]]
    made = dict(zip(todo, fork_map(_member, [provinces[i][1] for i in todo], 2), strict=True))
    members = {
        name: (digests[i], made[i] if i in made else last[name][1]) for i, (name, _) in enumerate(provinces)
    }
    count = sum(len(t.briefs) for t in towns)
    return everything_gz([m for _, m in members.values()], count), members


def table_b(towns: list[TownState]) -> bytes:
    """table_b.csv's rows: every town's lines, in place order."""
    return b"".join(zlib.decompress(t.table_b) for t in towns)
