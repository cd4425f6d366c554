"""Chinese full-text search: a Pagefind index of a unigram shadow copy of the built site.

Pagefind 1.5 (extended) segments Chinese with a dictionary when indexing, but the browser
segments the query with Intl.Segmenter; the two disagree, so place names are missed
(shared/notes/pagefind-chinese-search.md). The fix measured there, applied here:

1. shadow copy: for every built page, the article's text with U+200B between adjacent Han
   characters (and between Han and Latin/digit runs), so every Han character is one word;
   the page's clean H1 is kept as the result title (data-pagefind-meta); on report pages the
   rendered tables (facts, statutory tables, measures) are left out: the full text, which holds
   every figure as published, is indexed once, and Pagefind's memory stays proportional to it;
2. `pagefind --site SHADOW --output-path site/pagefind`: the served pages are unchanged;
3. in the browser (docs/assets/search.js) a Chinese query becomes an exact phrase of single
   characters: 营商环境 -> "营 商 环 境".
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from generator.errors import BuildError

HAN = "\u3400-\u9fff\uf900-\ufaff"
ARTICLE_RX = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
H1_RX = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)
DROP_RX = re.compile(
    r'<a class="headerlink"[^>]*>.*?</a>'  # the ¶ permalink sign
    r'|<span class="ln">\d+</span>'  # line numbers of the full text
    r"|<script\b.*?</script>|<style\b.*?</style>"
    r'|<div class="vega-chart"[^>]*></div>',
    re.S,
)
TABLE_RX = re.compile(r"<table\b.*?</table>", re.S)
TAG_RX = re.compile(r"(<[^>]*>)")
BOUNDARY_RX = re.compile(rf"(?<=[{HAN}])(?=[{HAN}A-Za-z0-9])|(?<=[A-Za-z0-9])(?=[{HAN}])")
SKIP = ("404.html", "pagefind")
SHARD_PAGES = 2500  # pages per Pagefind run: about 1.3 GB of RSS


def unigram(text: str) -> str:
    """U+200B between adjacent Han characters and at Han/Latin-digit boundaries (text only)."""
    parts = TAG_RX.split(text)
    return "".join(p if p.startswith("<") else BOUNDARY_RX.sub("\u200b", p) for p in parts)


def plain_text(fragment: str) -> str:
    return html.unescape(re.sub(r"\s+", " ", TAG_RX.sub("", fragment))).strip()


def shadow_page(page: str) -> str | None:
    """The indexable copy of one built page, or None for pages without an article."""
    found = ARTICLE_RX.search(page)
    if not found:
        return None
    body = DROP_RX.sub("", found.group(1))
    if 'class="report-text"' in body:  # a report page: its tables repeat the full text's figures
        body = TABLE_RX.sub("", body)
    h1 = H1_RX.search(body)
    title = plain_text(h1.group(1)) if h1 else ""
    return (
        '<!DOCTYPE html><html lang="zh"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title></head>"
        f'<body><main data-pagefind-body data-pagefind-meta="title:{html.escape(title)}">'
        f"{unigram(body)}</main></body></html>"
    )


def _shadow_files(args: tuple[str, str, list[str]]) -> int:
    site, shadow, rels = args
    written = 0
    for rel in rels:
        page = shadow_page((Path(site) / rel).read_text(encoding="utf-8"))
        if page is None:
            continue
        out = Path(shadow) / rel
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(page, encoding="utf-8")
        written += 1
    return written


def html_pages(site: Path) -> list[str]:
    """Every built HTML page that belongs in the index, sorted."""
    rels = sorted(str(p.relative_to(site)) for p in site.rglob("*.html"))
    return [r for r in rels if not r.startswith(SKIP)]


def build_shadow(site: Path, shadow: Path, rels: list[str] | None = None) -> int:
    """Write the shadow copy of pages (default: all; in parallel on every core); returns pages written."""
    rels = html_pages(site) if rels is None else rels
    workers = os.cpu_count() or 1
    if workers < 2 or len(rels) < 200:
        return _shadow_files((str(site), str(shadow), rels))
    chunks = [rels[i :: workers * 4] for i in range(workers * 4)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return sum(pool.map(_shadow_files, [(str(site), str(shadow), c) for c in chunks]))


def run_pagefind(shadow: Path, output: Path) -> None:
    """Index the shadow copy into output (site/pagefind)."""
    if output.exists():
        shutil.rmtree(output)
    cmd = [sys.executable, "-m", "pagefind", "--site", str(shadow), "--output-path", str(output), "--silent"]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise BuildError("pagefind failed:\n" + (proc.stderr or proc.stdout)[-4000:], str(shadow))


def shards(rels: list[str], size: int) -> list[list[str]]:
    """Pages split into contiguous runs of at most `size` (as even as possible)."""
    count = max(1, -(-len(rels) // max(1, size)))
    step = -(-len(rels) // count) if rels else 1
    return [rels[i : i + step] for i in range(0, len(rels), step)] or [[]]


def shard_dir(number: int) -> str:
    return "pagefind" if number == 0 else f"pagefind-{number}"


def index_site(site: Path, shard_pages: int | None = None) -> int:
    """Build site/pagefind (and site/pagefind-N when the site is big) from a unigram shadow copy.

    Pagefind holds about 0.5 MB per unigram page while indexing, so pages are indexed in shards
    of SHARD_PAGES, one after another, to keep the build under 2 GB. The browser merges them
    (mergeIndex); site/pagefind/shards.json lists the extra ones. Returns pages indexed."""
    size = shard_pages or int(os.environ.get("PORTAL_SEARCH_SHARD_PAGES", SHARD_PAGES))
    parts = shards(html_pages(site), size)
    count = 0
    for old in site.glob("pagefind-*"):
        shutil.rmtree(old)
    for number, rels in enumerate(parts):
        with tempfile.TemporaryDirectory(prefix="pagefind-shadow-") as tmp:
            count += build_shadow(site, Path(tmp), rels)
            run_pagefind(Path(tmp), site / shard_dir(number))
    extra = [shard_dir(n) + "/" for n in range(1, len(parts))]
    (site / "pagefind" / "shards.json").write_text(json.dumps(extra), encoding="utf-8")
    return count
