#!/usr/bin/env python3
"""Scale benchmark: synthetic corpora of N reports built end to end, measured (not asserted).

    .venv/bin/python scripts/benchmark.py                 # N = 100, 1000, 10000 (about 15 min)
    .venv/bin/python scripts/benchmark.py --sizes 100     # quick

For each N: extraction, page+chart generation, site (MkDocs) and search-index time, total, peak
memory of the build's whole process tree (PSS summed over the build and its children, sampled
every 0.1 s), site size, file count, Pagefind index size, and what headless Chromium fetches for
a first search and how long until the first result shows. At the largest N, one report is then
changed and the rebuild is timed: generator only (what the cache makes incremental) and the full
site. Everything is written under --work (default /tmp/bench/run), never inside the repository.
"""

from __future__ import annotations

import argparse
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PY = str(REPO / ".venv" / "bin" / "python")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
BUILD = (
    "import json,sys;from pathlib import Path;from generator.publish import build;"
    "r=build(Path(sys.argv[1]),run_mkdocs=sys.argv[2]=='1');print(json.dumps(r.seconds))"
)


@dataclass
class Row:
    n: int
    seconds: dict[str, float] = field(default_factory=dict)
    wall: float = 0.0
    peak_mb: float = 0.0
    site_mb: float = 0.0
    files: int = 0
    index_mb: float = 0.0
    searches: list[tuple[str, float, int, str]] = field(default_factory=list)  # query, s, bytes, hits


def tree_rss_kb(pid: int) -> int:
    """Memory of a process and all its descendants, from /proc: PSS (shared pages of forked
    workers counted once, split among them), RSS where smaps_rollup is not readable."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            try:
                status = Path(f"/proc/{p}/smaps_rollup").read_text()
                total += int(re.search(r"^Pss:\s+(\d+)", status, re.M).group(1))
            except (OSError, AttributeError):
                status = Path(f"/proc/{p}/status").read_text()
                total += int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) if "VmRSS" in status else 0
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, AttributeError):
            continue
    return total


def run_build(root: Path, site: bool) -> tuple[dict[str, float], float, float]:
    """One build in a child process: its stage times, wall time and peak tree RSS (MB)."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [PY, "-c", BUILD, str(root), "1" if site else "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=root,
    )
    peak = 0
    while proc.poll() is None:
        peak = max(peak, tree_rss_kb(proc.pid))
        time.sleep(0.1)
    out, err = proc.communicate()
    wall = time.perf_counter() - t0
    if proc.returncode:
        sys.exit(f"build failed in {root}:\n{err[-3000:]}")
    return json.loads(out.strip().splitlines()[-1]), wall, peak / 1024


def project(work: Path, n: int, seed: int) -> Path:
    """work/nN: a copy of the site sources with N synthetic reports (corpus made once per N/seed)."""
    corpus = work / f"corpus-{n}-{seed}"
    if not (corpus / "reports").is_dir():
        subprocess.run(
            [PY, "-m", "generator", "synth", str(n), str(corpus), "--seed", str(seed)],
            check=True,
            cwd=REPO,
            stdout=subprocess.DEVNULL,
        )
    root = work / f"n{n}"
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    generated = ("places", "years", "downloads", "coverage", "index.md", "problems.md", "vendor")
    shutil.copytree(REPO / "docs", root / "docs", ignore=shutil.ignore_patterns(*generated))
    for extra in ("overrides", "hooks"):
        if (REPO / extra).is_dir():
            shutil.copytree(REPO / extra, root / extra, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(corpus / "reports", root / "reports")
    return root


class CountingHandler(http.server.SimpleHTTPRequestHandler):
    """Serves site/ and counts the bytes of every response body."""

    sent = 0
    paths: list[str] = []

    def log_message(self, *args: object) -> None:
        pass

    def copyfile(self, source, outputfile) -> None:  # type: ignore[no-untyped-def]
        data = source.read()
        type(self).sent += len(data)
        type(self).paths.append(self.path)
        outputfile.write(data)


# The page's own clock, from the click that opens the search to the first result in the DOM: Playwright
# sees an element by polling, at growing intervals (up to 500 ms), so its clock rounds times up by
# as much as half a second.
CLOCK = """selector => {
  document.addEventListener("click", () => { window.__opened = performance.now(); }, {capture: true, once: true});
  new MutationObserver((changes, observer) => {
    if (document.querySelector(selector)) { window.__shown = performance.now(); observer.disconnect(); }
  }).observe(document.body, {childList: true, subtree: true});
}"""


def first_searches(site: Path, queries: list[str]) -> list[tuple[str, float, int, str]]:
    """Per query, in a fresh browser: seconds from opening the search to the first result (on the
    page's clock), bytes fetched from opening the search to the last result shown, and the number
    of results found (for a long query, checked page by page: those shown, of at most that many
    candidates)."""
    from playwright.sync_api import sync_playwright

    handler = type("H", (CountingHandler,), {"sent": 0, "paths": []})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), lambda *a: handler(*a, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    out = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for query in queries:
            page = browser.new_context().new_page()
            page.goto(url)
            page.wait_for_load_state("networkidle")
            handler.sent = 0
            page.evaluate(CLOCK, ".pf-search__link")
            page.click(".pf-search__open")
            page.fill(".pf-search__input", query)
            page.wait_for_selector(".pf-search__link", timeout=30000)
            seconds = page.evaluate("window.__shown - window.__opened") / 1000
            page.wait_for_selector(".pf-search__status[data-results]", timeout=30000)
            page.wait_for_load_state("networkidle")
            status = page.locator(".pf-search__status")
            hits = status.get_attribute("data-results") or "0"
            if status.get_attribute("data-complete") != "true":  # a long query, checked page by page
                hits += f" of ≤ {status.get_attribute('data-candidates')}"
            out.append((query, seconds, handler.sent, hits))
            page.context.close()
        browser.close()
    server.shutdown()
    return out


def tree_size(path: Path) -> tuple[float, int]:
    files = [p for p in path.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files) / 1e6, len(files)


def measure(work: Path, n: int, seed: int) -> tuple[Row, Path]:
    """Build N reports from scratch and measure the build, the site and three first searches."""
    root = project(work, n, seed)
    row = Row(n)
    row.seconds, row.wall, row.peak_mb = run_build(root, site=True)
    row.site_mb, row.files = tree_size(root / "site")
    row.index_mb = sum(tree_size(d)[0] for d in (root / "site").glob("pagefind*"))  # every shard
    town = sorted((root / "reports").glob("*/*/*/*"))[n // 7 % 10]
    queries = [town.name, town.parent.name + town.name, "便民服务中心电子显示屏"]
    row.searches = first_searches(root / "site", queries)
    return row, root


def change_one(root: Path) -> tuple[Path, str]:
    """Change one figure in one report: the proactive total of the first report."""
    path = sorted((root / "reports").rglob("*.txt"))[0]
    text = path.read_text(encoding="utf-8")
    m = re.search(r"主动公开政府信息(\d+)条", text)
    new = str(int(m.group(1)) + 7777)  # a new figure each time: the last one plus 7777
    path.write_text(text[: m.start(1)] + new + text[m.end(1) :], encoding="utf-8")
    return path, new


REPEATS = 3  # one-report rebuilds timed without the memory sampler


def unsampled_generator(root: Path, changed: tuple[Path, str]) -> float:
    """Wall time of the generator after a change, nothing else running in this process."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    t0 = time.perf_counter()
    subprocess.run([PY, "-c", BUILD, str(root), "0"], check=True, capture_output=True, env=env, cwd=root)
    return time.perf_counter() - t0


def incremental(root: Path) -> dict[str, float]:
    """After a full build: change one report, rebuild the generator part, then the whole site."""
    path, new = change_one(root)
    seconds, gen_wall, _ = run_build(root, site=False)
    changed = subprocess.run(
        ["find", str(root / "docs"), str(root / "data"), "-newer", str(path), "-type", "f"],
        capture_output=True,
        text=True,
    ).stdout.split()
    path.touch()
    site_seconds, site_wall, _ = run_build(root, site=True)
    rel = path.relative_to(root / "reports")
    pages = [p for p in (root / "site" / "places").rglob(f"{rel.stem}/index.html") if new in p.read_text()]
    # the first rebuild is timed with the memory sampler reading /proc every 0.1 s (≈ 1 s more on
    # 2 cores); three more changes are rebuilt without it: the generator's own time
    again = [unsampled_generator(root, change_one(root)) for _ in range(REPEATS)]
    return {
        "generator_wall": gen_wall,
        **{f"generator_wall_unsampled_{i + 1}": t for i, t in enumerate(again)},
        "files_rewritten": len(changed),
        "full_wall": site_wall,
        "correct": float(len(pages) == 1),
        **{f"gen_{k}": v for k, v in seconds.items()},
    }


def table(rows: list[Row]) -> str:
    head = (
        "| reports | extract s | pages+charts s | site (MkDocs) s | search index s | total s | peak MB "
        "| site MB | files | index MB | first search: s / KB fetched (query) |\n|" + "---:|" * 10 + "---|\n"
    )
    lines = []
    for r in rows:
        s = r.seconds
        searches = "; ".join(
            f"{sec:.2f} s / {b / 1024:.0f} KB ({q}, {hits})" for q, sec, b, hits in r.searches
        )
        lines.append(
            f"| {r.n:,} | {s.get('extract', 0):.1f} | {s.get('generate', 0):.1f} | {s.get('site', 0):.1f} "
            f"| {s.get('search', 0):.1f} | {r.wall:.1f} | {r.peak_mb:.0f} | {r.site_mb:.0f} | {r.files:,} "
            f"| {r.index_mb:.1f} | {searches} |"
        )
    return head + "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--work", type=Path, default=Path("/tmp/bench/run"))
    ap.add_argument("--no-incremental", action="store_true")
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    rows, root = [], None
    for n in args.sizes:
        row, root = measure(args.work, n, args.seed)
        rows.append(row)
        print(table([row]), flush=True)
    print(table(rows))
    if root is not None and not args.no_incremental:
        inc = incremental(root)
        print(
            f"one report changed at N = {rows[-1].n:,}: "
            + json.dumps({k: round(v, 2) for k, v in inc.items()})
        )
    uptime = Path("/proc/loadavg").read_text().split()[:3]
    print(f"cores: {os.cpu_count()}, load average at the end: {' '.join(uptime)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
