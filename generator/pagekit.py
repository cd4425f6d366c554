"""Small building blocks shared by the generated pages: links, chart slots, figure rows and cells."""

from __future__ import annotations

import html
import posixpath
import re
from typing import Any

from generator.briefs import Brief
from generator.catalog import Entry
from generator.figures import KEY_FIGURES, term_for
from generator.markup import esc_html, esc_md, fmt_number

GLOSSARY = "glossary.md"
MISSING = "未提及"  # a figure the report does not give


def relpath(path: str, start: str) -> str:
    """posixpath.relpath for the paths our pages use (relative, normalised: no '.', '..' or '//'),
    without its two os.getcwd() calls: ≈ 1 µs instead of ≈ 6, for 100,000 links a build."""
    if path.startswith("/") or start.startswith("/") or "." in (path[:1], start[:1]) or "//" in path + start:
        return posixpath.relpath(path, start)
    if "/." in path or "/." in start:  # a '..' or '.' part somewhere: leave it to posixpath
        return posixpath.relpath(path, start)
    to, at = path.split("/") if path else [], start.split("/") if start else []
    common = 0
    for a, b in zip(to, at, strict=False):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(at) - common) + to[common:]) or "."


def rel(page: str, target: str) -> str:
    """A Markdown link from one docs page to another file (MkDocs resolves it from the file)."""
    return relpath(target, posixpath.dirname(page))


def url_rel(page: str, target: str) -> str:
    """A raw-HTML URL from the page's served URL (use_directory_urls) to a file under docs/."""
    base = posixpath.dirname(page) if page.endswith("index.md") else page[:-3]
    return relpath(target, base or ".")


def page_url(page: str, target: str) -> str:
    """A raw-HTML link from the page's served URL to another page's served URL (use_directory_urls:
    glossary.md -> glossary/, places/index.md -> places/), as MkDocs writes a Markdown link."""
    base = posixpath.dirname(page) if page.endswith("index.md") else page[:-3]
    served = posixpath.dirname(target) if target.endswith("index.md") else target[:-3]
    path = relpath(served or ".", base or ".")
    return "./" if path == "." else path + "/"


def term_link(page: str, text: str, term: str | None) -> str:
    """Escaped text, linked to its glossary entry when there is one."""
    if not term:
        return esc_md(text)
    return f"[{esc_md(text)}]({rel(page, GLOSSARY)}#{term})"


def label_link(page: str, label: str) -> str:
    """A statutory label with the glossary term it contains linked ("（二）[部分公开](…)（区分…）");
    a label naming no term stays plain text (its group row carries the link)."""
    term = term_for(label)
    if not term:
        return esc_md(label)
    before, _, after = label.partition(term)
    return esc_md(before) + term_link(page, term, term) + esc_md(after)


def label_html(page: str, label: str) -> str:
    """label_link() as raw HTML, for tables written as HTML (html_table)."""
    term = term_for(label)
    if not term:
        return esc_text(label)
    before, _, after = label.partition(term)
    link = f'<a href="{esc_html(page_url(page, GLOSSARY))}#{esc_html(term)}">{esc_text(term)}</a>'
    return esc_text(before) + link + esc_text(after)


def esc_text(text: object) -> str:
    """Report text in an HTML table cell: one line, escaped as Python-Markdown escapes a cell."""
    return html.escape(" ".join(("" if text is None else str(text)).split()), quote=False)


def figure_row(e: Entry) -> dict[str, Any]:
    """One report's key figures as plain values (for tables and chart data)."""
    s = e.report.summary
    both = [v for v in (s.get("reviews_total"), s.get("litigations_total")) if v is not None]
    return {
        "year": e.year,
        "label": e.place[3],
        "county": e.place[2],
        **{f.key: s.get(f.key) for f in KEY_FIGURES},
        "reviews_litigations": sum(both) if both else None,
        "failed_checks": sum(1 for c in e.report.checks if c.ok is False),
        "checks": len(e.report.checks),
    }


def figure_columns() -> list[str]:
    """Column headers of the key figures, with units."""
    return [f.column for f in KEY_FIGURES]


def figure_cells(b: Brief) -> list[str]:
    """The key figures as table cells: '—' where the report does not give one."""
    row = b.figures
    return [fmt_number(row[f.key]) for f in KEY_FIGURES]


def checks_cell(page: str, b: Brief) -> str:
    """Failed checks of one report, linked to its checks panel: '✗ 2 项未通过', '✓ 通过', or '—'
    (nothing checkable)."""
    row = b.figures
    if not row["checks"]:
        return "—"
    mark = f"✗ {row['failed_checks']} 项未通过" if row["failed_checks"] else "✓ 通过"
    return f"[{mark}]({rel(page, b.page)}#数据核验)"


NUMERIC_FROM = range(2, 7)  # docs/assets/portal.css has rules for tnum-2 … tnum-6


def numeric_class(align: str) -> str:
    """The class that right-aligns a table's numeric columns by CSS (portal.css) on the element
    right before the table: tnum-N when columns N (2–6) to the last are right-aligned, plus
    tnum-inner when they stop before the last column; '' when no column is."""
    first = align.find("r")
    if first < 0:
        return ""
    inner = align.endswith("l")
    numeric = align[first : len(align) - 1] if inner else align[first:]
    if set(numeric) != {"r"} or first + 1 not in NUMERIC_FROM:
        raise ValueError(f"no CSS rule right-aligns columns {align!r}")
    return f"tnum-{first + 1}" + (" tnum-inner" if inner else "")


def numeric_marker(align: str) -> str:
    """An empty element carrying numeric_class(align), to put right before the table: one class per
    table instead of a style attribute on every cell."""
    cls = numeric_class(align)
    return f'<div class="{cls}"></div>\n\n' if cls else ""


def md_table(header: list[str], rows: list[list[str]], align: str = "", marker: bool = True) -> str:
    """A Markdown table of escaped cells; `align` has one letter per column, l or r
    (default: the first column left, the others right, as for figures). The Markdown has no
    alignment markers (they put a style attribute on every cell): numeric columns are
    right-aligned by the class of the empty element before the table (numeric_marker; with
    marker=False the caller puts numeric_class(align) on its own element before the table)."""
    align = align or "l" + "r" * (len(header) - 1)
    head = "| " + " | ".join(header) + " |\n"
    sep = "|" + "---|" * len(header) + "\n"
    before = numeric_marker(align) if marker else ""
    return before + head + sep + "".join("| " + " | ".join(r) + " |\n" for r in rows)


# What our Markdown cells hold: backslash escapes (markup.esc_md), **bold**, [text](url) links.
_INLINE_RX = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~>])|\*\*(.+?)\*\*|\[((?:\\.|[^\]\\])*)\]\(([^)\s]*)\)")


INERT = frozenset("[]()*_`!~|")  # written as character references: no Markdown reader sees a link


def served_url(page: str, url: str) -> str:
    """A link as MkDocs writes it on the served page: .md files as their directory URLs, other
    files relative to the page's URL; anchors and absolute URLs as they are."""
    if url.startswith("#") or re.match(r"^[a-z][a-z0-9+.-]*:", url):
        return url
    path, hash_, anchor = url.partition("#")
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    served = page_url(page, target) if target.endswith(".md") else url_rel(page, target)
    return served + hash_ + anchor


def inline_html(page: str, text: str) -> str:
    """The HTML Python-Markdown and MkDocs make of the inline Markdown our pages write (escaped
    text, **bold**, links, inline HTML of our own), without running them; the text's own link and
    emphasis characters become character references (&#91;), so the raw block stays inert even
    for a Markdown reader that looked inside it."""

    def one(found: re.Match[str]) -> str:
        if found.group(1) is not None:  # an escaped character of the text: inert in any renderer
            return f"&#{ord(found.group(1))};" if found.group(1) in INERT else found.group(1)
        if found.group(2) is not None:
            return f"<strong>{inline_html(page, found.group(2))}</strong>"
        href = html.escape(served_url(page, found.group(4)), quote=True)
        return f'<a href="{href}">{inline_html(page, found.group(3))}</a>'

    return _INLINE_RX.sub(one, text)


def html_table(header: list[str], rows: list[list[str]], align: str = "") -> str:
    """A table of HTML cells, written as the HTML Python-Markdown makes of md_table (same bytes):
    a raw block MkDocs passes through without converting it cell by cell (hooks/prerender.py cuts
    raw blocks out of the conversion), for the big statutory tables: ≈ 10 ms a report page."""
    align = align or "l" + "r" * (len(header) - 1)
    out = [numeric_marker(align) + "<table>", "<thead>", "<tr>"]
    out += [f"<th>{cell}</th>" for cell in header]
    out += ["</tr>", "</thead>", "<tbody>"]
    for row in rows:
        out += ["<tr>", *(f"<td>{cell}</td>" for cell in row), "</tr>"]
    return "\n".join([*out, "</tbody>", "</table>"]) + "\n"


def html_list(page: str, items: list[str]) -> str:
    """A bulleted list of inline-Markdown items, as the raw HTML Python-Markdown makes of it."""
    return "<ul>\n" + "".join(f"<li>{inline_html(page, item)}</li>\n" for item in items) + "</ul>\n"


def inline_table(page: str, header: list[str], rows: list[list[str]], align: str = "") -> str:
    """html_table() of Markdown cells (md_table's), converted by inline_html()."""
    return html_table(header, [[inline_html(page, cell) for cell in row] for row in rows], align)


def chart_slot(page: str, spec_path: str, view: int, summary: str) -> str:
    """A chart rendered by assets/charts.js from one view of a spec file; readers without
    JavaScript read the table or text next to it."""
    return (
        f'<div class="vega-chart" role="img" aria-label="{esc_html(summary)}" '
        f'data-spec="{esc_html(url_rel(page, spec_path))}" data-view="{view}" data-search-exclude></div>\n'
    )


def place_crumbs(page: str, place: tuple[str, ...], slugs: tuple[str, ...], last_link: bool = False) -> str:
    """地区 › 省 › 地市 › 县 › 乡镇, each linked to its region page."""
    parts = [f"[地区]({rel(page, 'places/index.md')})"]
    for depth in range(1, len(place) + 1):
        target = "places/" + "/".join(slugs[:depth]) + "/index.md"
        name = esc_md(place[depth - 1])
        parts.append(f"[{name}]({rel(page, target)})" if depth < len(place) or last_link else name)
    return " › ".join(parts) + "\n"
