"""generator/parallel.py: work in forked processes keeps order, results and errors."""

from __future__ import annotations

import os

import pytest

from generator.errors import BuildError
from generator.parallel import fork_map, in_child


def _square(x: int) -> int:
    return x * x


def _pid_and(x: int) -> tuple[int, int]:
    return os.getpid(), x


def _fail(path: str) -> None:
    raise BuildError("cannot write", path, 7)


def test_fork_map_keeps_order() -> None:
    assert fork_map(_square, list(range(500))) == [x * x for x in range(500)]


def test_in_child_returns_the_result_from_another_process() -> None:
    pid, value = in_child(_pid_and, 41)
    assert value == 41 and pid != os.getpid()


def test_in_child_raises_our_error_with_its_file_and_line() -> None:
    with pytest.raises(BuildError) as caught:
        in_child(_fail, "reports/x/2019.txt")
    assert (caught.value.file, caught.value.line) == ("reports/x/2019.txt", 7)
    assert str(caught.value) == "reports/x/2019.txt:7: cannot write"


def test_in_child_reports_a_child_that_dies() -> None:
    with pytest.raises(RuntimeError, match="died in its child process"):
        in_child(os._exit, 3)
