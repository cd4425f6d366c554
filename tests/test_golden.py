"""Golden tests: every input next to its reviewed expected YAML, compared whole.

Regenerate (after reviewing the diff!) with:  pytest tests/test_golden.py --regen-golden
"""

from __future__ import annotations

from pathlib import Path

import pytest
from goldenkit import check_golden

from generator.pipeline import read_report
from generator.serialize import dump_yaml, report_data

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(GOLDEN.glob("*/*.txt"))


def rendered(path: Path) -> str:
    data = report_data(read_report(path))
    data["source"]["path"] = path.name  # independent of where the checkout lives
    data["errors"] = [e.replace(str(path), path.name) for e in data["errors"]]
    data["warnings"] = [w.replace(str(path), path.name) for w in data["warnings"]]
    return dump_yaml(data)


@pytest.mark.parametrize("path", CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_golden(path: Path, regen: bool) -> None:
    check_golden(path, rendered(path), regen)
