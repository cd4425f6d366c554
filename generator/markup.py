"""Report text is data, never markup: escaping for Markdown, HTML and attributes."""

from __future__ import annotations

import html
import re
import urllib.parse

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")


def esc_html(text: object) -> str:
    """For raw HTML blocks and attributes: <, >, &, quotes."""
    return html.escape("" if text is None else str(text), quote=True)


def esc_md(text: object) -> str:
    """For inline Markdown (headings, table cells, link text): HTML-escaped, and every
    Markdown punctuation backslash-escaped so report text can never become a link or emphasis."""
    value = "" if text is None else str(text)
    value = " ".join(value.split())  # a table cell or heading is one line
    return _MD_SPECIAL.sub(r"\\\1", html.escape(value, quote=False))


def esc_url(url: object) -> str:
    """A URL as a Markdown link destination: quotes, <>, parentheses, brackets, spaces and
    backslashes percent-encoded, so it can neither end the link nor become markup."""
    return urllib.parse.quote("" if url is None else str(url), safe=";/?:@&=+$,-_.!~#%")


def fmt_number(value: object, unit: str = "") -> str:
    """Figures as shown to readers: None is '—' (not stated), numbers keep their digits."""
    if value is None:
        return "—"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value}{unit}"


def yaml_str(text: str) -> str:
    """A YAML double-quoted scalar for front matter: report text can never add keys."""
    value = " ".join(str(text).split())
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
