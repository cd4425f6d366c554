"""`check`: every error and warning of report files, with file and line, and an exit status.

Per file: input errors (unreadable, empty, scanned), layout and sidecar problems (wrong
folder, bad sidecar, bad corrections), consistency checks that failed (warnings), statutory
sections missing from a report in the 2019/2021 format (warnings), sidecars without a report.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from generator.catalog import display_path, report_files
from generator.layout import REPORT_SUFFIXES, apply_layout, find_reports_root
from generator.pipeline import read_report
from generator.records import Problem, Report

STATUTORY_SECTIONS = (
    ("一", "总体情况", ("总体情况", "概述", "概况")),
    ("二", "主动公开政府信息情况", ("主动公开",)),
    ("三", "收到和处理政府信息公开申请情况", ("申请",)),
    ("四", "政府信息公开行政复议、行政诉讼情况", ("复议", "诉讼")),
    ("五", "存在的主要问题及改进情况", ("问题",)),
    ("六", "其他需要报告的事项", ("其他",)),
)


def check_reports(paths: list[Path], strict: bool = False, out: TextIO | None = None) -> int:
    """Print every error and warning of the report files (directories searched); return the
    exit status: 1 on errors, and on warnings too when `strict`; else 0."""
    out = out or sys.stdout
    errors = warnings = count = 0
    for _path, problems in review(paths):
        count += 1
        for problem in problems:
            print(display_path(str(problem)), file=out)  # a GBK-named file must not crash check
            errors += problem.level == "error"
            warnings += problem.level != "error"
    print(f"checked {count} report(s): {errors} error(s), {warnings} warning(s)", file=out)
    return 1 if errors or (strict and warnings) else 0


def review(paths: list[Path]) -> list[tuple[Path, list[Problem]]]:
    """(file, problems) for every report file named or found under the directories named."""
    found: list[tuple[Path, list[Problem]]] = []
    for path in map(Path, paths):
        if path.is_dir():
            files, refused = report_files(path)  # the build's own rules: what it would not use
            firsts: dict[tuple[Path, str], Path] = {}
            for p in files:
                first = firsts.setdefault((p.parent, p.stem), p)
                more = (
                    [] if first == p else [Problem(str(p), f"same town and year as {first.name}: keep one")]
                )
                found.append((p, report_problems(p) + more))
            found.extend(
                (path / Path(r.source).name, [Problem(r.source, "; ".join(r.reasons))]) for r in refused
            )
        elif path.is_symlink():  # as the build: links are not followed
            found.append((path, [Problem(str(path), "symbolic link: put the file itself under reports/")]))
        elif path.is_file():
            found.append((path, report_problems(path)))
        else:
            found.append((path, [Problem(str(path), "no such file or directory")]))
    return found


def orphan_sidecars(folder: Path) -> list[Path]:
    return sorted(
        y for y in folder.rglob("*.yaml") if not any(y.with_suffix(s).exists() for s in REPORT_SUFFIXES)
    )


def report_problems(path: Path) -> list[Problem]:
    """Input errors and layout problems, then failed checks and missing sections as warnings."""
    report = read_report(path)
    if find_reports_root(path) is None:
        report.problems.append(
            Problem(
                str(path),
                "not under a reports/ folder: place it with `python -m generator add`",
                level="warning",
            )
        )
    else:
        report = apply_layout(report, path)
    problems = list(report.problems)
    for check in report.checks:
        if check.ok is False:
            problems.append(
                Problem(
                    str(path),
                    f"check {check.id} {check.name} failed: {check.message}",
                    check.lines[0] if check.lines else None,
                    "warning",
                )
            )
    problems.extend(missing_sections(report, path))
    return problems


def missing_sections(report: Report, path: Path) -> list[Problem]:
    """For a report in the statutory format, each of the six sections not found."""
    if report.template != "2019" or report.errors:
        return []
    titles = [s.title for s in report.sections]
    return [
        Problem(str(path), f"section {num}、{name} not found", level="warning")
        for num, name, words in STATUTORY_SECTIONS
        if not any(w in t for t in titles for w in words)
    ]
