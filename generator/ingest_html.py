"""HTML reports as saved from a government site: the report body as lines, tables from the DOM.

The page chrome (navigation, header, footer, breadcrumbs, share buttons, scripts) is dropped
and the densest content container is kept, scored like Readability: text blocks give points
to their parent and grandparent, link-heavy and chrome-named containers lose, containers
naming the report (政府信息公开, 年度报告) gain. Each <tr> becomes one line of its cells joined by
" | "; a cell spanning columns is written once (no repeats, no padding), and a cell spanning
rows appears only in its first row, as in DOCX and PDF input.
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
from lxml import etree

from generator.errors import IngestError
from generator.ingest import clean_text, decode, join_wrapped, row_line, split_lines
from generator.records import Document, Problem

META_CHARSET_RX = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
SINGLE_BYTE = ("iso-8859-1", "latin1", "latin-1", "windows-1252", "cp1252", "ascii", "us-ascii")
DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "svg",
    "nav",
    "header",
    "footer",
    "aside",
    "button",
    "select",
    "input",
    "textarea",
    "object",
    "embed",
    "map",
)
CHROME_TOKENS = {
    "nav",
    "navbar",
    "menu",
    "header",
    "head",
    "footer",
    "foot",
    "breadcrumb",
    "crumb",
    "crumbs",
    "position",
    "location",
    "share",
    "bdshare",
    "sidebar",
    "side",
    "copyright",
    "related",
    "tool",
    "tools",
    "print",
    "login",
    "search",
    "banner",
    "dqwz",
    "wzdh",
    "bottom",
    "topbar",
    "toolbar",
    "links",
    "friendlink",
    "comment",
    "qrcode",
    "ewm",
}
CHROME_PARTS = ("share", "crumb", "copyright", "footer", "navbar", "menu", "sidebar", "toolbar")
CONTENT_TOKENS = {
    "content",
    "article",
    "main",
    "zoom",
    "trs",
    "editor",
    "text",
    "detail",
    "body",
    "con",
    "zw",
    "wzy",
    "info",
    "xxgk",
    "ucap",
    "view",
    "page",
    "news",
}
KEYWORDS = ("政府信息公开", "年度报告", "主动公开", "依申请", "行政复议")
BREADCRUMB_RX = re.compile(r"^\s*(当前位置|您的位置|您现在的位置|所在位置|首页\s*[>»›])")
BLOCK_TAGS = {
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "section",
    "article",
    "main",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "dl",
    "center",
    "address",
    "hr",
    "tbody",
    "caption",
    "figure",
    "figcaption",
    "body",
    "td",
    "th",
    "tr",
}
SHORT_PAGE = 300  # characters: less than any real report
LAYOUT_CELL_CHARS = 150  # a "table" with a cell this long is page layout, not data
_CJK = "\u3400-\u9fff\u3000-\u303f\uff00-\uffef"


def read_html(path: Path, data: bytes) -> Document:
    """One saved web page as a Document: encoding detected, chrome dropped, report body kept."""
    where = str(path)
    if not data.strip():
        raise IngestError("the file is empty (no text at all)", where)
    text, encoding = decode_html(path, data)
    root = parse(text, where)
    strip_chrome(root)
    body = find_body(root)
    lines = render(body)
    attached = attachments(root)
    if not any(line.strip() for line in lines):
        hint = f"; it links to {attached[0]}: add that file instead" if attached else ""
        raise IngestError(f"the page has no report text (only navigation or scripts?){hint}", where)
    title = page_title(root, body)
    if title and not any(title in line for line in lines[:5]):
        lines.insert(0, title)
    doc = Document(path=where, lines=lines, encoding=encoding, format="html")
    if attached and sum(len(line) for line in lines) < SHORT_PAGE:
        doc.problems.append(
            Problem(
                where,
                f"the page has little text and links to {attached[0]}: "
                "the report is probably the attachment; add that file instead",
                level="warning",
            )
        )
    return doc


def attachments(root: etree._Element) -> list[str]:
    """Links to documents (.pdf, .doc, .docx, .wps) left on the page after the chrome went."""
    links = (a.get("href", "") for a in root.iter("a"))
    return [href for href in links if re.search(r"\.(pdf|docx?|wps)(\?|#|$)", href, re.I)]


def decode_html(path: Path, data: bytes) -> tuple[str, str]:
    """The page's text: a BOM, else a <meta charset> that decodes cleanly, else detection."""
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return decode(path, data)
    match = META_CHARSET_RX.search(data[:4096])
    if match:
        declared = match.group(1).decode("ascii").lower()
        enc = "gb18030" if declared in ("gb2312", "gbk", "gb_2312-80", "x-gbk") else declared
        if enc in SINGLE_BYTE:  # decodes anything: a Chinese page declaring it is misconfigured
            return decode(path, data)
        try:
            return data.decode(enc), enc
        except (LookupError, UnicodeDecodeError):
            pass  # the declaration lies (common after re-saving); detect instead
    return decode(path, data)


def parse(text: str, where: str) -> etree._Element:
    """The page's element tree (an XML declaration removed, which lxml refuses in a str)."""
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    try:
        return lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise IngestError(f"not readable HTML ({exc})", where) from exc


def is_chrome_named(el: etree._Element) -> bool:
    """Class or id words of navigation, headers, footers, share buttons, breadcrumbs."""
    words = tokens(el)
    return bool(words & CHROME_TOKENS) or any(part in w for w in words for part in CHROME_PARTS)


def tokens(el: etree._Element) -> set[str]:
    """The words of an element's class and id ('nav-bar main_menu' -> nav, bar, main, menu)."""
    names = f"{el.get('class', '')} {el.get('id', '')}".lower()
    return {t for t in re.split(r"[\s\-_]+", names) if t}


def strip_chrome(root: etree._Element) -> None:
    """Remove scripts, styles, comments, hidden parts and navigation/header/footer containers."""
    for node in root.xpath("//comment() | //processing-instruction()"):
        remove(node)
    for el in list(root.iter(*DROP_TAGS)):
        remove(el)
    total = len(text_of(root))
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el.getparent() is None:
            continue
        hidden = re.search(r"display\s*:\s*none|visibility\s*:\s*hidden", el.get("style", ""))
        chrome = is_chrome_named(el) or BREADCRUMB_RX.match(text_of(el)[:40] or "")
        if (hidden or chrome) and not is_main_text(len(text_of(el)), total):
            remove(el)


def is_main_text(length: int, total: int) -> bool:
    """A container holding most of a substantial page is the report, whatever its class says."""
    return length >= total * 0.5 and length >= SHORT_PAGE


def remove(el: etree._Element) -> None:
    """Drop an element but keep the text that follows it (its tail)."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    prev = el.getprevious()
    parent.remove(el)
    if tail:
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail


def text_of(el: etree._Element) -> str:
    return clean_text(el.text_content()) if isinstance(el.tag, str) else ""


def find_body(root: etree._Element) -> etree._Element:
    """The container holding the report: the best-scoring candidate (see the module doc)."""
    scores: dict[etree._Element, float] = {}
    for block in root.iter("p", "td", "pre", "div", "li", "table", "h1", "h2", "h3", "span", "font"):
        own = direct_text(block) if block.tag in ("div", "td", "span", "font") else text_of(block)
        if len(own) < 20:
            continue
        points = 1 + len(re.findall(r"[，。、；,;]", own)) + min(len(own) / 100, 3)
        parent = block.getparent()
        if parent is not None:
            scores[parent] = scores.get(parent, 0) + points
            grand = parent.getparent()
            if grand is not None:
                scores[grand] = scores.get(grand, 0) + points / 2
    body = root.find("body")
    fallback = body if body is not None else root
    if not scores:
        return fallback
    best = max(scores, key=lambda el: adjusted(el, scores[el]))
    return best if adjusted(best, scores[best]) > 0 else fallback


def adjusted(el: etree._Element, score: float) -> float:
    """A container's score weighed by its link density, class/id words and report keywords."""
    text = text_of(el)
    if not text:
        return 0
    links = sum(len(text_of(a)) for a in el.iter("a"))
    score *= 1 - min(links / len(text), 1)
    words = tokens(el)
    score += 25 if words & CONTENT_TOKENS else 0
    score -= 25 if is_chrome_named(el) else 0
    score += 5 * sum(1 for k in KEYWORDS if k in text)
    return score


def direct_text(el: etree._Element) -> str:
    """Text directly inside an element, not in its child elements (only their tails)."""
    parts = [el.text or ""] + [child.tail or "" for child in el]
    return clean_text("".join(parts))


def page_title(root: etree._Element, body: etree._Element) -> str | None:
    """The report's title outside the body: a heading naming the report, else <title>."""
    for el in root.iter("h1", "h2", "h3", "div", "p", "td"):
        text = text_of(el)
        if (
            6 <= len(text) <= 80
            and "报告" in text
            and (el.tag[0] == "h" or "title" in tokens(el) or "bt" in tokens(el))
        ):
            if not is_inside(el, body):
                return text
    title = root.find(".//title")
    if title is None or not text_of(title):
        return None
    parts = [p.strip() for p in re.split(r"\s*[_|｜]\s*|\s+[-–—]\s+", text_of(title)) if p.strip()]
    named = [p for p in parts if "报告" in p]
    return (named or parts or [None])[0]


def is_inside(el: etree._Element, container: etree._Element) -> bool:
    return any(a is container for a in el.iterancestors()) or el is container


def render(container: etree._Element) -> list[str]:
    """The container's text as lines: blocks and <br> break lines, data tables become rows."""
    lines: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        text = join_wrapped(split_lines("".join(buffer)))
        if text:
            lines.append(text)
        buffer.clear()

    def walk(el: etree._Element) -> None:
        if not isinstance(el.tag, str):
            return
        if el.tag == "table" and not is_layout_table(el):
            flush()
            lines.extend(table_rows(el))
        elif el.tag == "br":
            flush()
        else:
            block = el.tag in BLOCK_TAGS or el.tag == "table"
            if block:
                flush()
            buffer.append(inline_text(el.text))
            for child in el:
                walk(child)
                buffer.append(inline_text(child.tail))
            if block:
                flush()

    walk(container)
    flush()
    return lines


def inline_text(text: str | None) -> str:
    """Source text as a browser shows it: runs of spacing become one space; a line break in
    the source between Chinese characters disappears."""
    if not text:
        return ""
    text = re.sub(rf"(?<=[{_CJK}])[ \t\r]*\n\s*(?=[{_CJK}])", "", text)
    return re.sub(r"[ \t\r\n\f\v]+", " ", text)


def is_layout_table(table: etree._Element) -> bool:
    """A table used to lay out the page: it holds tables, or a cell holds a long text."""
    if table.xpath(".//table"):
        return True
    return any(len(text_of(cell)) > LAYOUT_CELL_CHARS for cell in table.xpath(".//td | .//th"))


def table_rows(table: etree._Element) -> list[str]:
    """Each <tr> of a data table as one ' | ' line of its cells' text."""
    out = []
    for tr in table.xpath("./tr | ./thead/tr | ./tbody/tr | ./tfoot/tr"):
        cells = [cell_text(cell) for cell in tr if isinstance(cell.tag, str) and cell.tag in ("td", "th")]
        line = row_line(cells)
        if line:
            out.append(line)
    return out


def cell_text(cell: etree._Element) -> str:
    """A cell's text on one line: its paragraphs and <br> lines joined like wrapped text."""
    return join_wrapped(render(cell))
