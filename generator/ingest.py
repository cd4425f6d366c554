"""Ingest: a published file (txt, html, docx, pdf) becomes a Document of text lines."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from charset_normalizer import from_bytes

from generator.errors import IngestError
from generator.records import Document, Problem

MAX_BYTES = 20 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text", ".md"}
BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
CELL_SEP = " | "
PLAUSIBLE_SHARE = 0.9  # share of characters that must be ordinary text for a guessed decoding
CJK_RX = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# ASCII, CJK, CJK punctuation, full-width forms, general punctuation: what UTF-16 text is made of
COMMON_RX = re.compile(r"[\x00-\x7f\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef\u2000-\u206f]")


def read_document(path: Path) -> Document:
    """Read one report file into lines; raise IngestError naming the file when it cannot be read."""
    suffix = path.suffix.lower()
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"cannot read the file ({exc.strerror})", str(path)) from exc
    if len(data) > MAX_BYTES:
        raise IngestError(
            f"file is {len(data) // 1024 // 1024} MB; reports over 20 MB are not read", str(path)
        )
    if suffix in TEXT_SUFFIXES:
        return read_text(path, data)
    if suffix in (".html", ".htm"):
        from generator.ingest_html import read_html

        return read_html(path, data)
    if suffix == ".docx":
        from generator.ingest_docx import read_docx

        return read_docx(path, data)
    if suffix == ".pdf":
        from generator.ingest_pdf import read_pdf

        return read_pdf(path, data)
    raise IngestError(f"unknown report format '{suffix}'; use .txt, .html, .docx or .pdf", str(path))


def decode(path: Path, data: bytes) -> tuple[str, str]:
    """Bytes to (text, encoding): BOMs first, then UTF-16 without a BOM, strict UTF-8,
    strict GB18030 (the usual legacy encoding of Chinese sites) and last charset-normalizer.

    Every guess must read as ordinary text; otherwise IngestError names the file."""
    for bom, enc in BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(enc.replace("-sig", ""), errors="replace"), enc
    enc = sniff_utf16(data)
    if enc:
        return data.decode(enc), enc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        mostly = data.decode("utf-8", errors="replace")  # a truncated download, a stray byte
        if mostly.count("\ufffd") <= max(1, len(mostly) // 1000):
            return mostly, "utf-8"
    try:
        text = data.decode("gb18030")
        if plausible(text) and CJK_RX.search(text):
            return text, "gb18030"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise IngestError("not text: no character encoding fits (binary file?)", str(path))
    enc = best.encoding
    if enc in ("gb2312", "gbk"):  # GB18030 is a superset; never loses characters
        enc = "gb18030"
    text = data.decode(enc, errors="replace")
    if not plausible(text):
        raise IngestError(f"not text: decoding as {enc} gives control characters (binary file?)", str(path))
    return text, enc


def plausible(text: str) -> bool:
    """True when nearly all characters are letters, digits, punctuation or spacing."""
    if not text:
        return True
    odd = sum(1 for ch in text if is_odd_char(ch))
    return odd <= len(text) * (1 - PLAUSIBLE_SHARE)


def is_odd_char(ch: str) -> bool:
    """Control characters, private use, unassigned code points and replacement marks."""
    if ch in "\t\n\r\f\v":
        return False
    if ch == "\ufffd":
        return True
    return unicodedata.category(ch) in ("Cc", "Co", "Cn", "Cs")


def sniff_utf16(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' for BOM-less UTF-16 that reads as Chinese or ASCII text."""
    if len(data) < 4 or len(data) % 2:
        return None
    scores: dict[str, float] = {}
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            continue
        share = len(COMMON_RX.findall(text)) / len(text)  # at C speed, before the slow plausible()
        if share >= PLAUSIBLE_SHARE and plausible(text):
            scores[enc] = share
    if not scores:
        return None
    enc = max(scores, key=lambda e: scores[e])
    return enc if scores[enc] >= PLAUSIBLE_SHARE else None


def split_lines(text: str) -> list[str]:
    """Text to lines on any of \\r\\n, \\r, \\n; the line breaks are dropped."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def read_text(path: Path, data: bytes) -> Document:
    """A plain-text report: decoded, split into lines; NUL bytes or no text at all are errors."""
    if not data.strip():
        raise IngestError("the file is empty (no text at all)", str(path))
    text, encoding = decode(path, data)
    if "\x00" in text:
        raise IngestError("not text: contains NUL bytes (binary file?)", str(path))
    lines = split_lines(text)
    if not any(line.strip() for line in lines):
        raise IngestError("the file is empty (no text at all)", str(path))
    doc = Document(path=str(path), lines=lines, encoding=encoding, format="txt")
    doc.problems.extend(replacement_warnings(doc))
    return doc


def replacement_warnings(doc: Document) -> list[Problem]:
    """A warning on the first line where bytes could not be decoded (shown as U+FFFD)."""
    bad = [i for i, line in enumerate(doc.lines, 1) if "\ufffd" in line]
    if not bad:
        return []
    return [
        Problem(
            doc.path,
            f"{len(bad)} line(s) hold bytes that are not valid {doc.encoding}; they show as \ufffd",
            bad[0],
            "warning",
        )
    ]


# --- helpers shared by the structured readers (HTML, DOCX, PDF) ---


def clean_text(text: str) -> str:
    """Collapse whitespace (including full-width spaces and NBSP) to single spaces; strip."""
    return re.sub(r"[\s\u3000\u00a0\u200b\ufeff]+", " ", text).strip()


def join_wrapped(parts: list[str]) -> str:
    """Pieces of one cell or paragraph, wrapped onto lines, back into one string: CJK pieces
    join directly ('商业' + '企业'), Latin words and numbers keep a space between them."""
    out = ""
    for part in (clean_text(p) for p in parts):
        if not part:
            continue
        if out and out[-1].isascii() and out[-1].isalnum() and part[0].isascii() and part[0].isalnum():
            out += " "
        out += part
    return out


def row_line(cells: list[str]) -> str | None:
    """One table row as ' | '-joined cells; None when every cell is empty.

    Leading empty cells (under a row-spanning label) are dropped; later empty cells stay,
    so numbers keep their columns."""
    cells = [clean_text(c) for c in cells]
    while cells and not cells[0]:
        cells.pop(0)
    return CELL_SEP.join(cells).rstrip() if cells else None


def write_lines(path: Path, lines: list[str]) -> None:
    """Write a line list as UTF-8 text, one line each, ending with a newline (for review and fixtures)."""
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")


def document_to_text(doc: Document) -> str:
    """The lines of a Document as one text, as write_lines would store it."""
    return "".join(line + "\n" for line in doc.lines)
