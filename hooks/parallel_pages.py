"""MkDocs hook: the theme renders and writes pages on every core.

Once every page's Markdown is converted (hooks/prerender.py), MkDocs still puts each page through
the Material templates one by one: ≈ 1.4 ms a page, 17 s of a 10,000-report build. At on_env
(all pages read, nothing written yet) this hook forks one child per extra core; each child runs
MkDocs' own `_build_page` over its share of the pages, the page_context and post_page events of
every plugin and hook included, and exits. In the parent, those pages get an empty template, so
MkDocs' loop renders and writes only the parent's share while the children write the rest (and
the parent also copies the static files meanwhile). What the children log is logged again by the
parent at on_post_build, so `--strict` counts their warnings; a failed child fails the build.
`mkdocs serve` and small sites are built as MkDocs builds them.
"""

from __future__ import annotations

import gc
import logging
import os
import pickle
import shutil
import tempfile
import traceback
from pathlib import Path
from typing import Any

SKIP_TEMPLATE = "portal-written-by-another-process.html"
MIN_PAGES = int(os.environ.get("PORTAL_FORK_MIN_PAGES", 100))  # tests set it low
_STATE: dict[str, Any] = {}
_CHILDREN: list[tuple[int, Path]] = []
_ELSEWHERE: set[str] = set()  # src_uri of pages a child writes


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


def _not_ours(record: logging.LogRecord) -> bool:
    """Drop MkDocs' "Page skipped" notice for the pages a child writes."""
    message = record.getMessage()
    return not (message.startswith("Page skipped: '") and message.split("'")[1] in _ELSEWHERE)


def on_startup(command: str, dirty: bool) -> None:
    _STATE["command"], _STATE["dirty"] = command, dirty


def on_nav(nav: Any, config: Any, files: Any) -> Any:
    _STATE["nav"] = nav
    return nav


def _write_share(share: list[Any], pages: list[Any], config: Any, env: Any) -> list[tuple[str, int, str]]:
    """In a child: MkDocs' _build_page for each page of the share; what was logged."""
    from mkdocs.commands import build as mkdocs_build

    capture = _Capture()
    logger = logging.getLogger("mkdocs")
    logger.handlers, logger.level = [capture], logging.INFO  # recorded here, printed by the parent
    for file in share:
        mkdocs_build._build_page(
            file.page, config, pages, _STATE["nav"], env, False, excluded=file.inclusion.is_excluded()
        )
    return capture.records


def on_env(env: Any, config: Any, files: Any) -> Any:
    import jinja2

    pages = files.documentation_pages()
    workers = os.cpu_count() or 1
    if _STATE.get("command") != "build" or _STATE.get("dirty") or workers < 2 or len(pages) < MIN_PAGES:
        return env
    if not hasattr(os, "fork"):  # Windows: MkDocs builds the pages itself
        return env
    step = -(-len(pages) // workers)
    shares = [pages[i : i + step] for i in range(0, len(pages), step)]
    tmp = Path(tempfile.mkdtemp(prefix="mkdocs-pages-"))
    _STATE["tmp"] = tmp
    gc.freeze()  # the children's collections do not walk (and copy) the inherited pages
    for number, share in enumerate(shares[1:], 1):
        out = tmp / f"{number}.pickle"
        pid = os.fork()
        if pid == 0:  # child: write the share, report what was logged, leave without cleanup
            code = 1
            try:
                out.write_bytes(pickle.dumps(_write_share(share, pages, config, env)))
                code = 0
            except BaseException:
                traceback.print_exc()
            finally:
                os._exit(code)
        _CHILDREN.append((pid, out))
    gc.unfreeze()
    for share in shares[1:]:
        for file in share:
            _ELSEWHERE.add(file.src_uri)
            file.page.meta["template"] = SKIP_TEMPLATE
    env.loader = jinja2.ChoiceLoader([jinja2.DictLoader({SKIP_TEMPLATE: ""}), env.loader])
    logging.getLogger("mkdocs.commands.build").addFilter(_not_ours)
    return env


def _wait() -> list[str]:
    """Wait for every child; log what they logged; the failures."""
    failed = []
    for pid, out in _CHILDREN:
        _, status = os.waitpid(pid, 0)
        if status != 0 or not out.exists():
            failed.append(f"pid {pid} exit status {status}")
            continue
        for name, level, message in pickle.loads(out.read_bytes()):
            logging.getLogger(name).log(level, message)
    _CHILDREN.clear()
    shutil.rmtree(_STATE.pop("tmp", ""), ignore_errors=True)
    return failed


def on_post_build(config: Any) -> None:
    if not _CHILDREN:
        return
    failed = _wait()
    if failed:
        from mkdocs.exceptions import BuildError

        raise BuildError("pages written in another process failed (traceback above): " + ", ".join(failed))


def on_build_error(error: Exception) -> None:
    if _CHILDREN:
        _wait()
