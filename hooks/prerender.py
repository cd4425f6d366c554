"""MkDocs hook: convert every page's Markdown on all cores, and reuse unchanged pages' HTML.

At 1,000 reports 96 % of `mkdocs build` is Python-Markdown (inline patterns over big tables,
html.parser over the raw-HTML full text); the theme is 6 %. MkDocs converts pages one by one,
so in on_nav (after the nav, before MkDocs reads the pages) this hook converts them in forked
workers with MkDocs' own Page.render, and caches the result in <project>/.cache/mkdocs/ under a
key of the page's source, its path, the list of all site files (links are resolved and checked
against it), the Markdown config and the package versions. MkDocs then renders an empty page
and this hook puts the stored HTML, table of contents, title and anchors back; warnings the
conversion logged are logged again, so `--strict` still fails on them. Output is byte-identical.

Raw HTML blocks (a report's full text, a `<div>` of one element per line, and its statutory
tables, written as HTML by the generator: ≈ 80 % of the conversion's time) are cut out before the conversion and put back after it, normalised as Python-Markdown
normalises them (tabs expanded, blank-looking lines emptied): Python-Markdown would pass them
through unchanged, but only after MkDocs and Python-Markdown have each run an HTML parser over
them. Their ids are added to the page's anchors, as MkDocs' own parser would add them.
"""

from __future__ import annotations

import hashlib
import html
import json
import logging
import os
import pickle
import re
from importlib import metadata
from pathlib import Path
from typing import Any

_DONE: dict[str, tuple[Any, ...]] = {}  # src_uri -> (content, toc, title, anchors, links, records)
_SOURCES: dict[str, str] = {}
_PAGES: list[Any] = []
_CONFIG: list[Any] = []
_COMMAND: list[str] = []
VERSIONS = "|".join(metadata.version(p) for p in ("mkdocs", "markdown", "mkdocs-material"))
HOOK = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12]


# A top-level <div>, <table> or <ul> block holding no other (the full text, tables, the checks).
RAW_BLOCK_RX = re.compile(
    r"(?<=\n\n)<(div|table|ul)\b[^\n]*>\n(?:(?!</?(?:div|table|ul)\b)[^\n]*\n)*</\1>(?=\n\n|\n?\Z)"
)
ANCHOR_RX = re.compile(r"<[a-zA-Z][^>]*?\s(?:id|name)=\"([^\"]*)\"")
PLACEHOLDER = "PORTALRAWBLOCK{}"


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


def _render(index: int) -> tuple[Any, ...]:
    """Page.render for one page, in a worker; returns what MkDocs keeps from it."""
    page = _PAGES[index]
    config, files = _CONFIG
    capture = _Capture()
    logger = logging.getLogger("mkdocs")
    handlers, level = logger.handlers[:], logger.level
    logger.handlers, logger.level = [capture], logging.INFO  # record everything, print nothing yet
    source, blocks = page.markdown, []

    def stash(found: re.Match[str]) -> str:
        blocks.append(found.group())
        return PLACEHOLDER.format(len(blocks) - 1)

    page.markdown = RAW_BLOCK_RX.sub(stash, source)
    try:
        page.render(config, files)
    finally:
        logger.handlers, logger.level = handlers, level
        page.markdown = source
    for number, block in enumerate(blocks):
        block = re.sub(r"(?<=\n) +\n", "\n", block.expandtabs(4).replace("\x02", "").replace("\x03", ""))
        page.content = page.content.replace(f"<p>{PLACEHOLDER.format(number)}</p>", block, 1)
        page.present_anchor_ids |= {html.unescape(a) for a in ANCHOR_RX.findall(block)}
    links = {f.src_uri: a for f, a in (page.links_to_anchors or {}).items()}
    return (page.content, page.toc, page._title_from_render, page.present_anchor_ids, links, capture.records)


def _run(bounds: tuple[int, int]) -> list[tuple[Any, ...]]:
    return [_render(i) for i in range(*bounds)]


def _key(page: Any, site_files: str, markdown_config: str) -> str:
    h = hashlib.sha256()
    for part in (VERSIONS, HOOK, markdown_config, site_files, page.file.src_uri, page.markdown):
        h.update(part.encode() + b"\0")
    return h.hexdigest()


def on_startup(command: str, dirty: bool) -> None:
    _COMMAND[:] = [command]  # `serve` runs a server thread: no fork there, cache only


def _name(value: Any) -> str:
    return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', type(value).__name__)}"


def on_nav(nav: Any, config: Any, files: Any) -> Any:
    from mkdocs.structure.pages import Page

    if len(config.plugins.events["page_markdown"]) > 1:  # another plugin edits Markdown: stay serial
        return nav
    cache = Path(config.config_file_path).parent / ".cache" / "mkdocs"
    cache.mkdir(parents=True, exist_ok=True)
    site_files = hashlib.sha256("\n".join(sorted(f.src_uri for f in files)).encode()).hexdigest()
    markdown_config = json.dumps(
        [config["markdown_extensions"], config["mdx_configs"], config["use_directory_urls"]],
        sort_keys=True,
        default=_name,  # functions (toc slugify) by name, never by address
    )
    pages, keys, todo = [], [], []
    for file in files.documentation_pages():
        if file.page is None:
            Page(None, file, config)  # as MkDocs does for pages not in the nav
        page = file.page
        page.read_source(config)
        _SOURCES[file.src_uri] = page.markdown
        key = _key(page, site_files, markdown_config)
        try:
            _DONE[file.src_uri] = pickle.loads((cache / f"{key}.pickle").read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            todo.append(len(pages))
        pages.append(page)
        keys.append(key)
    for i, result in zip(todo, _render_all([pages[i] for i in todo], config, files, cache), strict=True):
        _DONE[pages[i].file.src_uri] = result
        (cache / f"{keys[i]}.pickle").write_bytes(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
    keep = {f"{k}.pickle" for k in keys}
    for entry in os.scandir(cache):
        if entry.name not in keep:
            Path(entry.path).unlink(missing_ok=True)
    return nav


def _render_all(pages: list[Any], config: Any, files: Any, tmp: Path) -> list[tuple[Any, ...]]:
    """_render over pages in forked children (the hook is loaded from a path, so no Pool: each
    child writes its slice to a file); results in page order."""
    workers = os.cpu_count() or 1
    _PAGES[:] = pages
    _CONFIG[:] = [config, files]
    try:
        if (
            workers < 2
            or len(pages) < int(os.environ.get("PORTAL_FORK_MIN_PAGES", 50))
            or _COMMAND != ["build"]
            or not hasattr(os, "fork")  # Windows: converted here, one page after another
        ):
            return [_render(i) for i in range(len(pages))]
        step = -(-len(pages) // workers)
        children = []
        for n, first in enumerate(range(0, len(pages), step)):
            out = tmp / f"part-{os.getpid()}-{n}.pickle"
            pid = os.fork()
            if pid == 0:  # child: render, write, leave without running the parent's cleanup
                code = 1
                try:
                    out.write_bytes(pickle.dumps(_run((first, min(first + step, len(pages)))), protocol=5))
                    code = 0
                finally:
                    os._exit(code)
            children.append((pid, out))
        results: list[tuple[Any, ...]] = []
        for pid, out in children:
            _, status = os.waitpid(pid, 0)
            if status != 0:
                raise RuntimeError(f"prerender worker failed ({status}); see its traceback above")
            results += pickle.loads(out.read_bytes())
            out.unlink()
        return results
    finally:
        _PAGES.clear()
        _CONFIG.clear()


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    return "" if page.file.src_uri in _DONE else markdown  # converted already: MkDocs renders nothing


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    done = _DONE.pop(page.file.src_uri, None)
    if done is None:
        return html
    content, toc, title, anchors, links, records = done
    page.markdown = _SOURCES.pop(page.file.src_uri)
    page.toc, page._title_from_render, page.present_anchor_ids = toc, title, anchors
    page.links_to_anchors = {files.get_file_from_path(uri): a for uri, a in links.items()}
    for name, level, message in records:
        logging.getLogger(name).log(level, message)
    return content
