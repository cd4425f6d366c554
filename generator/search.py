"""Chinese full-text search: a Pagefind index of a unigram shadow copy of the built site.

Pagefind 1.5 (extended) segments Chinese with a dictionary when indexing, but the browser
segments the query with Intl.Segmenter; the two disagree, so place names are missed
(shared/notes/pagefind-chinese-search.md). The fix measured there, applied here:

1. shadow copy: for every built page, what a searcher wants it found by, with U+200B between
   adjacent Han characters (and between Han and Latin/digit runs), so every Han character is one
   word; the page's clean H1 is kept as the result title (data-pagefind-meta):
   - a report page: its title, its place (省地市县乡镇 as one run, so 县+乡镇 is a phrase) and its
     full text as published, without line numbers or anchors; the facts, checks, statutory
     tables and measures only repeat the text's figures and the site's boilerplate;
   - a region or town page: its title and place only (not the towns or reports it lists);
   - the home, year, coverage, problems and downloads pages and the technical notes: the title
     only (their bodies list every town, so they outranked a town's own page for its name);
   - the hand-written pages (about, fields, glossary): the whole article;
   each page carries a rank (data-pagefind-sort), because Pagefind scores every exact-phrase
   match alike: towns and regions first, reports last, newest first;
2. `pagefind --site SHADOW --output-path site/pagefind`, in shards of SHARD_BYTES of shadow
   text, one after another (peak ≈ 1.35 GB at 10,000 reports): the served pages are unchanged;
3. site/pagefind/chars.json: how often each Han character is in the indexed text (char_levels);
4. in the browser (docs/assets/search.js, our own UI on Pagefind's JS API) a Chinese query becomes
   an exact phrase of single characters, 营商环境 -> "营 商 环 境", sorted by rank; a longer one is
   looked up by its rarest 4 consecutive characters (each character costs one index chunk per
   shard) and only pages whose text holds the whole query are shown.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from importlib import metadata
from pathlib import Path

from generator.errors import BuildError

HAN = "\u3400-\u9fff\uf900-\ufaff"
ARTICLE_RX = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
H1_RX = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)
CRUMBS_RX = re.compile(r"<p>((?:(?!</p>).)*?›.*?)</p>", re.S)  # 地区 › 省 › 地市 › 县 › 乡镇 › 年
REPORT_TEXT_RX = re.compile(r'<div class="report-text"([^>]*)>(.*?)</div>', re.S)
TABLE_LINES_RX = re.compile(r'data-table-lines="([0-9 -]*)"')
TEXT_LINE_RX = re.compile(r'<(p|h3) id="L(\d+)">.*?</\1>\n?', re.S)
LINE_RX = re.compile(r'<a href="#L\d+">\d+</a>|<a class="ln"[^>]*>\d+</a>|<span class="ln">\d+</span>')
ID_RX = re.compile(r'(<[a-z][a-z0-9]*)\s+id="[^"]*"')
DROP_RX = re.compile(
    r'<a class="headerlink"[^>]*>.*?</a>'  # the ¶ permalink sign
    r"|<script\b.*?</script>|<style\b.*?</style>"
    r'|<div class="vega-chart"[^>]*></div>',
    re.S,
)
TAG_RX = re.compile(r"(<[^>]*>)")
HAN_RX = re.compile(f"[{HAN}]")
BOUNDARY_RX = re.compile(rf"(?<=[{HAN}])(?=[{HAN}A-Za-z0-9])|(?<=[A-Za-z0-9])(?=[{HAN}])")
SKIP = ("404.html", "pagefind")
# Pages a searcher looks for by name only: indexed by their title (the home page, year lists,
# coverage, problems, downloads, and the two technical notes, which quote test queries). Their bodies list every town or report, so indexing them made
# them outrank a town's own page for the town's name, and cost index bytes for no useful result.
TITLE_ONLY = (
    "index.html",
    "years/",
    "coverage/",
    "problems/",
    "downloads/",
    "benchmark/",
    "national-design/",
)
SHARD_BYTES = 36_000_000  # shadow bytes per Pagefind run: about 1.35 GB of RSS
JOBS = 1  # Pagefind runs at a time (each already uses ≈ 1.4 cores)


def unigram(text: str) -> str:
    """U+200B between adjacent Han characters and at Han/Latin-digit boundaries (text only)."""
    parts = TAG_RX.split(text)
    return "".join(p if p.startswith("<") else BOUNDARY_RX.sub("\u200b", p) for p in parts)


def plain_text(fragment: str) -> str:
    return html.unescape(re.sub(r"\s+", " ", TAG_RX.sub("", fragment))).strip()


def page_kind(rel: str) -> str:
    """How a built page is indexed, by its path: "place" (region, town and report pages under
    places/: title, place names and a report's full text), "title" (TITLE_ONLY) or "full"."""
    if rel.startswith("places/"):
        return "place"
    if rel.startswith(TITLE_ONLY):
        return "title"
    return "full"


def page_rank(rel: str, report: bool) -> int:
    """The page's place in the results (data-pagefind-sort, ascending). Pagefind scores every
    exact-phrase match alike, so without it a town's page came after its reports, or anywhere:
    0–3 region and town pages, broadest first (a region's name is in its towns' place names);
    4 the other pages indexed by title only; 5 the hand-written pages; then the reports, the
    newest first (20000 - year)."""
    if report:
        year = rel.split("/")[-2]
        return 20000 - int(year) if year.isdigit() else 20000
    kind = page_kind(rel)
    if kind == "place":
        return max(0, min(3, rel.count("/") - 2))  # places/index.html and places/省/index.html: 0
    return 4 if kind == "title" else 5


def place_names(body: str) -> list[str]:
    """The page's place from the breadcrumb, 省 地市 县 乡镇 (without 地区 and the report's year)."""
    found = CRUMBS_RX.search(body)
    if not found:
        return []
    names = [plain_text(c) for c in plain_text(found.group(1)).split("›")][1:]  # after 地区
    return [n for n in names if n and not n[0].isdigit()]


def report_text(found: re.Match[str]) -> str:
    """A report's full text without the lines its statutory tables were read from: row labels
    every report repeats, and one figure per line (most of the index's bytes for long phrases)."""
    spans = TABLE_LINES_RX.search(found.group(1))
    if not spans:
        return found.group(2)
    ranges = [tuple(int(n) for n in span.split("-")) for span in spans.group(1).split()]

    def keep(line: re.Match[str]) -> str:
        number = int(line.group(2))
        return "" if any(a <= number <= b for a, b in ranges) else line.group()

    return TEXT_LINE_RX.sub(keep, found.group(2))


def shadow_page(page: str, rel: str = "about/index.html") -> str | None:
    """The indexable copy of the built page at rel, or None for pages without an article.

    By page_kind: "full" indexes the article; "title" only the H1; "place" the H1, the place
    names and, on a report page, the full text as published (without line numbers or anchors):
    the facts, checks and statutory tables only repeat its figures."""
    found = ARTICLE_RX.search(page)
    if not found:
        return None
    body = DROP_RX.sub("", found.group(1))
    h1 = H1_RX.search(body)
    title = plain_text(h1.group(1)) if h1 else ""
    kind = page_kind(rel)
    report = REPORT_TEXT_RX.search(body) if kind == "place" else None
    places = place_names(body) if kind == "place" else []
    if kind == "full":
        text = LINE_RX.sub("", body)
    else:
        text = f"<h1>{html.escape(title)}</h1>"
        # one run of text, so that a county and town typed together (桦川县悦来镇) are a phrase
        text += f"<p>{html.escape(''.join(places))}</p>" if places else ""
        text += ID_RX.sub(r"\1", LINE_RX.sub("", report_text(report))) if report else ""
    # the place, shown under a result's title (same-named towns are told apart by it)
    place = ' <meta data-pagefind-meta="place[content]" content="{}">'
    return (
        '<!DOCTYPE html><html lang="zh"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title>{place.format(html.escape(' › '.join(places))) if places else ''}</head>"
        f'<body><main data-pagefind-body data-pagefind-meta="title:{html.escape(title)}" '
        f'data-pagefind-sort="rank:{page_rank(rel, report is not None)}">'
        f"{unigram(text)}</main></body></html>"
    )


def _shadow_files(args: tuple[str, str, list[str]]) -> tuple[list[tuple[str, int]], Counter[str]]:
    site, shadow, rels = args
    written = []
    chars: Counter[str] = Counter()
    for rel in rels:
        page = shadow_page((Path(site) / rel).read_text(encoding="utf-8"), rel)
        if page is None:
            continue
        out = Path(shadow) / rel
        out.parent.mkdir(parents=True, exist_ok=True)
        data = page.encode("utf-8")
        out.write_bytes(data)
        written.append((rel, len(data)))
        chars.update(HAN_RX.findall(page, page.index("<main")))  # the indexed text
    return written, chars


def html_pages(site: Path) -> list[str]:
    """Every built HTML page that belongs in the index, sorted."""
    rels = sorted(str(p.relative_to(site)) for p in site.rglob("*.html"))
    return [r for r in rels if not r.startswith(SKIP)]


def build_shadow(
    site: Path, shadow: Path, rels: list[str] | None = None
) -> tuple[list[tuple[str, int]], Counter[str]]:
    """Write the shadow copy of pages (default: all; in parallel on every core); returns the pages
    written with their sizes in bytes, sorted, and how often each Han character is in them."""
    rels = html_pages(site) if rels is None else rels
    workers = os.cpu_count() or 1
    if workers < 2 or len(rels) < 200:
        return _shadow_files((str(site), str(shadow), rels))
    chunks = [rels[i :: workers * 4] for i in range(workers * 4)]
    pages: list[tuple[str, int]] = []
    chars: Counter[str] = Counter()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for written, counted in pool.map(_shadow_files, [(str(site), str(shadow), c) for c in chunks]):
            pages += written
            chars.update(counted)
    return sorted(pages), chars


LEVELS = 44  # rarity levels in chars.json, a quarter power of two apart
TOP = 5  # level 0: characters more than 2**TOP times per page on average


def char_levels(chars: Counter[str], pages: int) -> dict[str, object]:
    """How common each Han character is in the indexed text, for the browser to look a long query
    up by its rarest characters (docs/assets/search.js): level i lists, sorted, the characters
    that occur more than pages * 2**(TOP - (i + 1) / 4) times in all; rarer ones (less than once
    in 64 pages) are left out. Occurrences, not pages: a character's index chunk holds every
    position it is at, so its bytes and the work of a phrase search grow with them. Small (a few
    KB) and deterministic (integer arithmetic)."""
    levels: list[list[str]] = [[] for _ in range(LEVELS)]
    for char, count in sorted(chars.items()):
        above = (i for i in range(LEVELS) if count**4 * 2 ** (i + 1) > pages**4 * 2 ** (4 * TOP))
        level = next(above, None)
        if level is not None:
            levels[level].append(char)
    return {"pages": pages, "step": 0.25, "levels": ["".join(c) for c in levels]}


def run_pagefind(shadow: Path, output: Path) -> None:
    """Index the shadow copy into output (site/pagefind)."""
    if output.exists():
        shutil.rmtree(output)
    cmd = [sys.executable, "-m", "pagefind", "--site", str(shadow), "--output-path", str(output), "--silent"]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise BuildError("pagefind failed:\n" + (proc.stderr or proc.stdout)[-4000:], str(shadow))


def shards(pages: list[tuple[str, int]], size: int) -> list[list[str]]:
    """Pages (path, bytes) split into contiguous runs of at most about `size` bytes, as even as
    possible: Pagefind's memory follows the text it holds."""
    total = sum(n for _, n in pages)
    count = max(1, -(-total // max(1, size)))
    out: list[list[str]] = [[]]
    done = 0
    for rel, n in pages:
        if done >= total * len(out) / count and out[-1]:
            out.append([])
        out[-1].append(rel)
        done += n
    return out


def shard_dir(number: int) -> str:
    return "pagefind" if number == 0 else f"pagefind-{number}"


def shard_digest(shadow: Path) -> str:
    """What a shard's index is a function of: Pagefind's version and every shadow page (path, bytes)."""
    h = hashlib.sha256(metadata.version("pagefind").encode() + b"\0")
    for path in sorted(p for p in shadow.rglob("*") if p.is_file()):
        h.update(str(path.relative_to(shadow)).encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def index_shard(shadow: Path, output: Path, cache: Path | None) -> None:
    """run_pagefind, or last build's index of the very same shard (Pagefind's output is a
    function of its input: byte-identical builds are tested)."""
    if cache is None:
        run_pagefind(shadow, output)
        return
    stored = cache / shard_digest(shadow)
    if not stored.is_dir():
        run_pagefind(shadow, output)
        tmp = stored.with_name(stored.name + f".{os.getpid()}.tmp")
        shutil.copytree(output, tmp)
        tmp.replace(stored)
        return
    if output.exists():
        shutil.rmtree(output)
    shutil.copytree(stored, output)
    os.utime(stored)  # used: kept by the pruning below


def index_site(
    site: Path, shard_bytes: int | None = None, jobs: int | None = None, cache: Path | None = None
) -> int:
    """Build site/pagefind (and site/pagefind-N when the site is big) from a unigram shadow copy.

    Pagefind's memory grows with the text it indexes, so the shadow copy is indexed in shards of
    about SHARD_BYTES, JOBS at a time, to keep the build under 2 GB. The browser merges them
    (mergeIndex); site/pagefind/shards.json lists the extra ones. With a cache folder, a shard
    whose shadow pages are unchanged since a build is copied from it instead of indexed again
    (a one-report change re-indexes one or two shards). Returns pages indexed."""
    size = shard_bytes or int(os.environ.get("PORTAL_SEARCH_SHARD_BYTES", SHARD_BYTES))
    jobs = jobs or int(os.environ.get("PORTAL_SEARCH_JOBS", min(JOBS, os.cpu_count() or 1)))
    for old in site.glob("pagefind-*"):
        shutil.rmtree(old)
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="pagefind-shadow-") as tmp:
        pages, chars = build_shadow(site, Path(tmp) / "all")
        parts = shards(pages, size)
        for number, rels in enumerate(parts):  # one folder per shard, paths kept (they are the URLs)
            for rel in rels:
                target = Path(tmp) / str(number) / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                (Path(tmp) / "all" / rel).rename(target)
            (Path(tmp) / str(number)).mkdir(exist_ok=True)
        with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            done = pool.map(
                lambda n: index_shard(Path(tmp) / str(n), site / shard_dir(n), cache), range(len(parts))
            )
            list(done)
    extra = [shard_dir(n) + "/" for n in range(1, len(parts))]
    (site / "pagefind" / "shards.json").write_text(json.dumps(extra), encoding="utf-8")
    table = json.dumps(char_levels(chars, len(pages)), ensure_ascii=False, separators=(",", ":"))
    (site / "pagefind" / "chars.json").write_text(table, encoding="utf-8")
    if cache is not None:
        prune_cache(cache, keep=SHARD_CACHE_KEEP)
    return len(pages)


SHARD_CACHE_KEEP = 24  # shard indexes kept (the newest used): a few builds' worth


def prune_cache(cache: Path, keep: int) -> None:
    entries = sorted(
        (p for p in cache.iterdir() if p.is_dir()), key=lambda p: p.stat().st_mtime, reverse=True
    )
    for old in entries[keep:]:
        shutil.rmtree(old, ignore_errors=True)
