"""Local preview: generate, run `mkdocs serve` (live reload), regenerate pages when reports/ change."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from generator.publish import build


def _snapshot(reports: Path) -> dict[str, float]:
    return {str(p): p.stat().st_mtime for p in reports.rglob("*") if p.is_file()}


def serve(root: Path, addr: str) -> int:
    build(root, run_mkdocs=False)
    cmd = [
        sys.executable,
        "-m",
        "mkdocs",
        "serve",
        "-f",
        str(root / "mkdocs.yml"),
        "-a",
        addr,
        "--livereload",
    ]
    server = subprocess.Popen(cmd)
    seen = _snapshot(root / "reports")
    print(f"serving on http://{addr}/ — edit reports/ and pages regenerate; Ctrl-C stops", flush=True)
    try:
        while server.poll() is None:
            time.sleep(1.0)
            now = _snapshot(root / "reports")
            if now != seen:
                seen = now
                result = build(root, run_mkdocs=False)
                print(result.describe(), flush=True)
    except KeyboardInterrupt:
        pass
    finally:
        server.terminate()
    return 0
