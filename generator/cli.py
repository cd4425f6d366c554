"""Command line: extract, build, check. Only here do our exceptions become exit codes."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.errors import PortalError


def cmd_extract(args: argparse.Namespace) -> int:
    from generator.layout import apply_layout
    from generator.pipeline import read_report
    from generator.serialize import dump_yaml, report_data

    out = sys.stdout
    for i, name in enumerate(args.files):
        path = Path(name)
        report = apply_layout(read_report(path), path)
        if i:
            out.write("---\n")
        out.write(dump_yaml(report_data(report)))
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    from generator.publish import build

    result = build(Path(args.root), run_mkdocs=not args.no_site, strict=args.strict)
    for problem in result.problems:
        print(problem, file=sys.stderr)
    print(result.describe())
    return 1 if (args.strict and result.problems) else 0


def cmd_serve(args: argparse.Namespace) -> int:
    from generator.serve import serve

    return serve(Path(args.root), args.addr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("extract", help="print the structured YAML of each report file")
    p.add_argument("files", nargs="+")
    p.set_defaults(func=cmd_extract)
    p = sub.add_parser("build", help="reports/ -> data/ + docs/ pages -> site/ (MkDocs)")
    p.add_argument("--root", default=".", help="project root (holds reports/, docs/, mkdocs.yml)")
    p.add_argument("--no-site", action="store_true", help="write data/ and docs/ only; skip MkDocs")
    p.add_argument("--strict", action="store_true", help="exit non-zero when any report has a problem")
    p.set_defaults(func=cmd_build)
    p = sub.add_parser("serve", help="build, serve on ADDR with live reload, rebuild when reports/ change")
    p.add_argument("--root", default=".")
    p.add_argument("--addr", default="127.0.0.1:8000")
    p.set_defaults(func=cmd_serve)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except PortalError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
