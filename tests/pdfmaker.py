"""Tiny PDF writer for tests: Chinese text (STSong-Light, UniGB-UCS2-H) and ruled tables."""

from __future__ import annotations


def text_op(x: float, y: float, text: str, size: float = 12) -> bytes:
    hexed = text.encode("utf-16-be").hex().upper()
    return f"BT /F1 {size} Tf {x} {y} Td <{hexed}> Tj ET\n".encode()


def table_ops(
    x: float, top: float, widths: list[float], height: float, rows: list[list[str]], size: float = 10
) -> bytes:
    """A grid with one row per entry of `rows`; `top` is the y of the table's upper edge."""
    out = b""
    for r, row in enumerate(rows):
        y = top - (r + 1) * height
        cx = x
        for c, w in enumerate(widths):
            out += f"{cx} {y} {w} {height} re S\n".encode()
            if c < len(row) and row[c]:
                out += text_op(cx + 2, y + (height - size) / 2 + 1, row[c], size)
            cx += w
    return out


def make_pdf(pages: list[bytes]) -> bytes:
    """A PDF of A4 pages, each drawn by its content stream (STSong-Light is not embedded:
    readers know it, and pdfminer maps its codes back to Unicode)."""
    n = len(pages)
    font = 3 + 2 * n
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids ["
        + b" ".join(b"%d 0 R" % (3 + 2 * i) for i in range(n))
        + b"] /Count %d >>" % n,
    ]
    for i, content in enumerate(pages):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> >>"
            b" /Contents %d 0 R >>" % (font, 4 + 2 * i)
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    objects.append(
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
        b"/DescendantFonts [%d 0 R] >>" % (font + 1)
    )
    objects.append(
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo "
        b"<< /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /DW 1000 /FontDescriptor %d 0 R >>"
        % (font + 2)
    )
    objects.append(
        b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] "
        b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>"
    )
    return serialize(objects)


def serialize(objects: list[bytes]) -> bytes:
    """A PDF file from its numbered objects (object 1 is the catalog), with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)
