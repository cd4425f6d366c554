"""Link check of a built site: every internal href and src resolves to a file, and every #anchor
to an id (or <a name>) on its target page.

Usage: python -m generator linkcheck site/ [--base /prefix/]

Links to other hosts (http:, https:, mailto:, tel:, data: ...) are not fetched: the site must
work offline. A javascript: URL is reported, since report text must never become one. Pages are
read as MkDocs writes them with use_directory_urls: a link to a folder means its index.html.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html

URL_ATTRS = ("href", "src")
SCHEME_RX = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
EXTERNAL_SCHEMES = ("http", "https", "mailto", "tel", "data", "blob", "ftp")


@dataclass(frozen=True)
class BrokenLink:
    """One link that does not resolve: the page it is on (relative to the site), its line, why."""

    page: str
    line: int | None
    url: str
    reason: str

    def __str__(self) -> str:
        where = f"{self.page}:{self.line}" if self.line else self.page
        return f"{where}: {self.url}: {self.reason}"


@dataclass(frozen=True)
class Link:
    url: str
    line: int | None


def page_links(tree: lxml.html.HtmlElement) -> list[Link]:
    """Every href and src on a page, in document order."""
    out = []
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        for attr in URL_ATTRS:
            value = el.get(attr)
            if value is not None:
                out.append(Link(value.strip(), el.sourceline))
    return out


def page_anchors(tree: lxml.html.HtmlElement) -> frozenset[str]:
    """Every id on a page, and the names of <a name=...> targets."""
    ids = {el.get("id") for el in tree.iter() if isinstance(el.tag, str) and el.get("id")}
    names = {a.get("name") for a in tree.iter("a") if a.get("name")}
    return frozenset(ids | names)


@lru_cache(maxsize=4096)
def _anchors_of(path: Path) -> frozenset[str]:
    return page_anchors(parse(path))


def parse(path: Path) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(path.read_bytes())


def target_file(site: Path, page: Path, path: str, base: str) -> Path | None:
    """The file a link's path points at (None when it leaves the site or the base path)."""
    if path.startswith("/"):
        if not path.startswith(base):
            return None
        rel = path[len(base) :]
    else:
        rel = posixpath.join(page.parent.relative_to(site).as_posix(), path)
    rel = posixpath.normpath(rel)
    if rel == ".":
        rel = ""
    if rel.startswith("../") or rel == "..":
        return None
    target = site / rel
    return target / "index.html" if target.is_dir() or path.endswith("/") else target


def check_link(site: Path, page: Path, link: Link, base: str) -> str | None:
    """Why a link is broken, or None when it resolves (or leads to another host)."""
    url = link.url
    if not url or url.startswith("//"):
        return None
    scheme = SCHEME_RX.match(url)
    if scheme:
        name = scheme.group(0)[:-1].lower()
        if name in ("javascript", "vbscript"):
            return "executable URL"
        return None if name in EXTERNAL_SCHEMES else f"unknown scheme '{name}:'"
    parts = urlsplit(url)
    fragment = unquote(parts.fragment)
    if parts.path:
        target = target_file(site, page, unquote(parts.path), base)
        if target is None:
            return "leads outside the site"
        if not target.is_file():
            return f"no such file: {target.relative_to(site).as_posix()}"
    else:
        target = page
    if fragment and target.suffix == ".html" and fragment not in _anchors_of(target):
        return f"no anchor #{fragment} on {target.relative_to(site).as_posix()}"
    return None


def check_site(site: Path, base: str = "/") -> list[BrokenLink]:
    """Every broken internal link or anchor of the site, page by page in a stable order."""
    site = site.resolve()
    base = "/" + base.strip("/") + "/" if base.strip("/") else "/"
    _anchors_of.cache_clear()
    broken: list[BrokenLink] = []
    for page in sorted(site.rglob("*.html")):
        for link in page_links(parse(page)):
            reason = check_link(site, page, link, base)
            if reason:
                broken.append(BrokenLink(page.relative_to(site).as_posix(), link.line, link.url, reason))
    return broken
