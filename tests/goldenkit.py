"""Golden comparison shared by the golden tests: expected output is a reviewed file beside the input,
compared whole, and rewritten only with the explicit --regen-golden flag."""

from __future__ import annotations

from pathlib import Path

import pytest


def check_golden(source: Path, got: str, regen: bool) -> None:
    """Compare `got` with source's .yaml; write it (and fail unless regenerating) when it is missing."""
    expected = source.with_suffix(".yaml")
    if regen or not expected.exists():
        expected.write_text(got, encoding="utf-8")
        if not regen:
            pytest.fail(f"{expected.name} did not exist; written now: review it and commit")
    assert got == expected.read_text(encoding="utf-8"), f"{source.name}: output differs from {expected.name}"
