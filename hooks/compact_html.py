"""MkDocs hook: drop the indentation the theme templates emit, after each page is rendered.

A run of HTML whitespace (space, tab, CR, LF, FF) that contains a line break becomes one line
break. Browsers already treat such a run exactly like one line break (CSS Text: spaces around a
segment break are removed, consecutive segment breaks collapse), so rendering is unchanged;
about a third of a report page's theme markup is such indentation. Left untouched: the inside of
<pre>, <textarea>, <script>, <style>, <code>, <kbd> and <samp> (whitespace may be significant
there), comments, attribute values, and whitespace without a line break (a single space between words).
Only U+0020, tabs, CR, LF and FF count: a full-width space (U+3000) or a no-break space in report
text is content. Pure function of the page: builds stay byte-identical.
"""

from __future__ import annotations

import re
from typing import Any

# Elements kept verbatim, matched as a whole (they do not nest in the theme's or the pages' HTML).
_VERBATIM = r"<(?P<name>pre|textarea|script|style|code|kbd|samp)\b[^>]*>.*?</(?P=name)\s*>"
# What is not plain text to compact: verbatim elements and comments, and quoted attribute values
# holding a line break (a run between attributes becomes one line break like any other run).
_PROTECTED = re.compile(
    rf"(?P<keep>{_VERBATIM}|<!--.*?-->)|=[ \t\r\n\f]*\"[^\"]*\n[^\"]*\"|=[ \t\r\n\f]*'[^']*\n[^']*'",
    re.S | re.I,
)
# The same runs, found in two cheap passes: blanks before a line break, then the line break and
# everything blank after it (a run of spaces between words is rejected at its first character).
_BEFORE_BREAK_RX = re.compile(r"[ \t\r\f]+\n")
_AFTER_BREAK_RX = re.compile(r"\n[ \t\r\n\f]+")


def _runs(text: str) -> str:
    return _AFTER_BREAK_RX.sub("\n", _BEFORE_BREAK_RX.sub("\n", text))


def compact(html: str) -> str:
    """The page with every whitespace run that holds a line break reduced to that line break.
    The protected parts are found first and the runs between them replaced by one C-level
    substitution per stretch (a callback per tag cost as much as rendering the theme)."""
    out, at = [], 0
    for found in _PROTECTED.finditer(html):
        out.append(_runs(html[at : found.start()]))
        out.append(found.group())
        at = found.end()
    out.append(_runs(html[at:]))
    return "".join(out)


def on_post_page(output: str, page: Any, config: Any) -> str:
    return compact(output)


def on_post_template(output_content: str, template_name: str, config: Any) -> str:
    """Static templates: 404.html, and sitemap.xml (its indentation is as ignorable in XML)."""
    return compact(output_content) if template_name.endswith((".html", ".xml")) else output_content
