"""Ingest: a published file (txt, html, docx, pdf) becomes a Document of text lines."""

from __future__ import annotations

from pathlib import Path

from charset_normalizer import from_bytes

from generator.errors import IngestError
from generator.records import Document

MAX_BYTES = 20 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text", ".md"}


def read_document(path: Path) -> Document:
    """Read one report file into lines; raise IngestError naming the file when it cannot be read."""
    suffix = path.suffix.lower()
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"cannot read the file ({exc.strerror})", str(path)) from exc
    if len(data) > MAX_BYTES:
        raise IngestError(f"file is {len(data) // 1024 // 1024} MB; reports over 20 MB are not read", str(path))
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
    """Bytes to text: BOMs first, then strict UTF-8, then charset-normalizer's best guess."""
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(enc), enc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise IngestError("not text: no character encoding fits (binary file?)", str(path))
    enc = best.encoding
    if enc in ("gb2312", "gbk"):  # GB18030 is a superset; never loses characters
        enc = "gb18030"
    return data.decode(enc, errors="replace"), enc


def read_text(path: Path, data: bytes) -> Document:
    text, encoding = decode(path, data)
    if "\x00" in text:
        raise IngestError("not text: contains NUL bytes (binary file?)", str(path))
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not any(line.strip() for line in lines):
        raise IngestError("the file is empty (no text at all)", str(path))
    return Document(path=str(path), lines=lines, encoding=encoding, format="txt")
