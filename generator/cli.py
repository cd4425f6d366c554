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


def cmd_synth(args: argparse.Namespace) -> int:
    from generator.synth import synth

    print(f"{synth(args.n, Path(args.out), args.seed)} synthetic reports under {args.out}/reports")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from generator.serve import serve

    return serve(Path(args.root), args.addr)


def cmd_add(args: argparse.Namespace) -> int:
    from generator.maintain import add_report, check_reports

    result = add_report(
        Path(args.source),
        args.province,
        args.prefecture,
        args.county,
        args.town,
        args.year,
        args.url,
        args.replace,
        Path(args.root),
        title=args.title,
        notes=args.notes,
        accept=args.yes,
    )
    for message in result.messages:
        print(message)
    check_reports([result.path])
    return 0


def cmd_linkcheck(args: argparse.Namespace) -> int:
    from generator.linkcheck import check_site

    site = Path(args.site)
    if not site.is_dir():
        raise PortalError("no such folder: build the site first", str(site))
    broken = check_site(site, args.base)
    for link in broken:
        print(f"{site / link.page}:{link.line or ''}: {link.url}: {link.reason}", file=sys.stderr)
    print(f"{len(broken)} broken link(s) in {site}")
    return 1 if broken else 0


def cmd_check(args: argparse.Namespace) -> int:
    from generator.maintain import check_reports

    paths = [Path(p) for p in args.paths or [Path(args.root) / "reports"]]
    status = check_reports(paths, args.strict)
    if args.summary:
        from generator.prsummary import summary_markdown
        from generator.review import review

        files = [path for path, _ in review(paths) if path.is_file() and path.suffix.lower() != ".yaml"]
        with open(args.summary, "a", encoding="utf-8") as out:  # GitHub's step summary is appended to
            out.write(summary_markdown(files))
    return status


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
    p = sub.add_parser("synth", help="write N synthetic reports (and truth files) under OUT/reports")
    p.add_argument("n", type=int)
    p.add_argument("out")
    p.add_argument("--seed", type=int, default=42)
    p.set_defaults(func=cmd_synth)
    p = sub.add_parser("add", help="place a report file under reports/<省>/<地市>/<县>/<乡镇>/<年>.<ext>")
    p.add_argument("source", help="the report file (.txt, .html, .docx, .pdf)")
    for name in ("province", "prefecture", "county", "town", "year", "url", "title", "notes"):
        p.add_argument(f"--{name}")
    p.add_argument("--replace", action="store_true", help="overwrite the report already there")
    p.add_argument("--yes", action="store_true", help="accept the values proposed from the text")
    p.add_argument("--root", default=".", help="project root (holds reports/)")
    p.set_defaults(func=cmd_add)
    p = sub.add_parser("check", help="errors and warnings of report files (default: all of reports/)")
    p.add_argument("paths", nargs="*", help="report files or folders")
    p.add_argument(
        "--summary", help="also append a Markdown review table to this file ($GITHUB_STEP_SUMMARY)"
    )
    p.add_argument("--strict", action="store_true", help="exit non-zero on warnings too")
    p.add_argument("--root", default=".", help="project root (holds reports/)")
    p.set_defaults(func=cmd_check)
    p = sub.add_parser("linkcheck", help="every internal link and #anchor of a built site resolves")
    p.add_argument("site", help="the built site folder, e.g. site/")
    p.add_argument("--base", default="/", help="URL path the site is served under (absolute links)")
    p.set_defaults(func=cmd_linkcheck)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except PortalError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
