"""hooks/compact_html.py: the theme's indentation goes, nothing that could render differently changes.
(The browser test test_dropping_theme_indentation_changes_no_pixel compares whole pages.)"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("compact_html", ROOT / "hooks" / "compact_html.py")
compact_html = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(compact_html)
compact = compact_html.compact


def test_indentation_runs_become_one_line_break() -> None:
    page = "<html>\n  <head>\n    \n      <title>标题</title>\n  </head>\n\n\n  <body>\t\n <p>a</p>\n</body>\n</html>\n"
    assert (
        compact(page) == "<html>\n<head>\n<title>标题</title>\n</head>\n<body>\n<p>a</p>\n</body>\n</html>\n"
    )


def test_spaces_without_a_line_break_stay() -> None:
    page = "<p>2019 年  报告 <b>加粗</b> <i>斜体</i></p>"
    assert compact(page) == page


@pytest.mark.parametrize("tag", ["pre", "textarea", "script", "style", "code", "kbd", "samp", "PRE"])
def test_whitespace_sensitive_elements_are_kept_verbatim(tag: str) -> None:
    inner = "\n    line one\n\n        line two\n  "
    page = f'<div>\n    <{tag} class="x">{inner}</{tag}>\n    </div>'
    assert compact(page) == f'<div>\n<{tag} class="x">{inner}</{tag}>\n</div>'


def test_pre_with_code_inside_is_intact() -> None:
    block = '<pre><code class="language-yaml">a:\n  b:\n    - 1\n\n    - 2\n</code></pre>'
    assert block in compact(f"<article>\n    {block}\n    </article>")


def test_attribute_values_are_kept_and_tags_lose_only_their_indentation() -> None:
    page = (
        '<button type="button"\n          title="第一行\n    第二行"  data-x=\'a\n  b\'>\n  搜索\n</button>'
    )
    assert (
        compact(page)
        == '<button type="button"\ntitle="第一行\n    第二行"  data-x=\'a\n  b\'>\n搜索\n</button>'
    )


def test_full_width_and_no_break_spaces_are_content() -> None:
    page = "<td>\u3000\n\u3000（一）予以公开</td>\n<td>\xa0\n 1</td>"
    assert compact(page) == "<td>\u3000\n\u3000（一）予以公开</td>\n<td>\xa0\n1</td>"


def test_comments_and_doctype_pass_through() -> None:
    page = "\n<!doctype html>\n<!-- a > b\n    c -->\n  <p>x</p>"
    assert compact(page) == "\n<!doctype html>\n<!-- a > b\n    c -->\n<p>x</p>"


def test_idempotent_and_deterministic() -> None:
    page = (ROOT / "overrides" / "main.html").read_text(encoding="utf-8")
    once = compact(page)
    assert compact(once) == once and compact(page) == once
    assert not re.search(r"\n[ \t]+<", once.split("<pre")[0])


def test_registered_after_prerender() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    hooks = re.findall(r"(?m)^  - (hooks/\S+)$", config)
    assert hooks == ["hooks/prerender.py", "hooks/compact_html.py"]
