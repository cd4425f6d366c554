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
from generator.html_body import SHORT_PAGE, find_body, strip_chrome, text_of, tokens
from generator.ingest import decode, join_wrapped, row_line, split_lines
from generator.records import Document, Problem

META_CHARSET_RX = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
SINGLE_BYTE = ("iso-8859-1", "latin1", "latin-1", "windows-1252", "cp1252", "ascii", "us-ascii")
BLOCK_TAGS = frozenset(
    (
        "address article blockquote body caption center dd div dl dt figcaption figure h1 h2 h3 h4 "
        "h5 h6 hr li main ol p pre section tbody td th tr ul"
    ).split()
)
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
