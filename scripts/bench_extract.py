"""Extraction speed: the corpus and seeds repeated to N reports, on one core.

    .venv/bin/python scripts/bench_extract.py [N]      (default 10000)

Times ingest-free extraction (Document -> Report, checks included) of in-memory texts, so the figure
is the rules' speed, not the disk's. Target (issue 3): >= 1,000 reports/s on one core.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.check import run_checks  # noqa: E402
from generator.extract import extract  # noqa: E402
from generator.records import Document  # noqa: E402

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    texts = [
        p.read_text(encoding="utf-8") for d in ("corpus", "seeds") for p in sorted((SHARED / d).glob("*.txt"))
    ]
    if not texts:
        print(f"no texts under {SHARED}")
        return 1
    docs = [Document(path=f"bench/{i}.txt", lines=texts[i % len(texts)].split("\n")) for i in range(n)]
    size = sum(len(t.encode()) for t in texts) / len(texts)
    start = time.perf_counter()
    for doc in docs:
        report = extract(doc)
        report.checks = run_checks(report)
    took = time.perf_counter() - start
    print(f"{n} reports (mean {size / 1024:.1f} KB) in {took:.2f} s: {n / took:,.0f} reports/s on one core")
    return 0


if __name__ == "__main__":
    sys.exit(main())
