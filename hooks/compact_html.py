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
# A tag (quoted attribute values may contain anything but their own quote); comments are kept.
_TAG = r"</?[A-Za-z!][^>\"']*(?:(?:\"[^\"]*\"|'[^']*')[^>\"']*)*>"
_RUN = r"[ \t\r\n\f]*\n[ \t\r\n\f]*"
_TOKENS = re.compile(rf"(?P<keep>{_VERBATIM}|<!--.*?-->)|(?P<tag>{_TAG})|(?P<run>{_RUN})", re.S | re.I)
_IN_TAG = re.compile(rf"(\"[^\"]*\"|'[^']*')|{_RUN}")


def _tag(match: re.Match[str]) -> str:
    return match.group(1) or "\n"  # quoted values verbatim; a line break between attributes stays one


def _token(match: re.Match[str]) -> str:
    if match.group("run") is not None:
        return "\n"
    if match.group("tag") is not None and "\n" in match.group("tag"):
        return _IN_TAG.sub(_tag, match.group("tag"))
    return match.group(0)


def compact(html: str) -> str:
    """The page with every whitespace run that holds a line break reduced to that line break."""
    return _TOKENS.sub(_token, html)


def on_post_page(output: str, page: Any, config: Any) -> str:
    return compact(output)


def on_post_template(output_content: str, template_name: str, config: Any) -> str:
    """Static templates: 404.html, and sitemap.xml (its indentation is as ignorable in XML)."""
    return compact(output_content) if template_name.endswith((".html", ".xml")) else output_content
