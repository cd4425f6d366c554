"""The statutory tables A (第二十条 items), B (applications) and C (reviews, lawsuits).

Each table is located by its vocabulary (A: "第二十条第…项"; B: "勾稽关系" / "申请人情况" or
its first row "本年新收"; C: the "行政复议 … 维持/纠正/审结" header after B), read as a token
stream (table_tokens), and its rows found by key words in template order (table_rows). Row keys,
labels and columns are documented in table_vocab. The format (2019/2021) is decided per table
from its own words: a 2021 report may keep the 2019 （六）其他处理 row.

What cannot be read is None and named in Table.warnings; cells are never guessed.
"""

from __future__ import annotations

from generator.extract import table_vocab as V
from generator.extract.table_cells import Fit, fit_cells
from generator.extract.table_rows import LabelText, find_rows, read_rows
from generator.extract.table_tokens import Token, mark_separators, tokenize
from generator.extract.text import Text
from generator.records import Figure, Number, Table, TableRow

MAX_A_LINES = 300
MAX_B_LINES = 500
MAX_C_LINES = 120


def read_tables(text: Text) -> dict[str, Table]:
    """Tables A, B and C as far as the text carries them (a table whose region is not found is
    absent). Never raises on odd text: a table whose reading fails is kept empty, with a warning."""
    regions = find_regions(text)
    out: dict[str, Table] = {}
    for name, reader in (("A", read_table_a), ("B", read_table_b), ("C", read_table_c)):
        if name not in regions:
            continue
        lo, hi = regions[name]
        try:
            out[name] = reader(text, lo, hi, out)
        except Exception as exc:  # a rule bug must not lose the report's other figures
            out[name] = Table(
                name,
                "2019",
                [],
                [],
                line=lo,
                end_line=hi,
                warnings=[f"Table {name} could not be read: {type(exc).__name__}: {exc}"],
            )
    return out


# ---------------------------------------------------------------- regions


def _near(text: Text, line: int, rx, span: int) -> bool:
    """rx on a table-like line among the `span` lines from `line`."""
    return any(
        rx.search(text.line(i)) and _is_table_line(text.line(i))
        for i in range(line, min(line + span, len(text)) + 1)
    )


def _is_table_line(line: str) -> bool:
    """A header or label line, not a sentence of prose: no full stop, and short unless it is
    a row of separated cells."""
    if "。" in line:
        return False
    return len(line) <= 80 or line.count("|") + line.count("\t") >= 3


def _first(text: Text, rx, start: int, near=None, span: int = 0, end: int | None = None) -> int | None:
    """The first table-like line from `start` matching rx (and `near` within `span` lines)."""
    stop = len(text) if end is None else min(end, len(text))
    lines = text.norm
    for i in range(max(start, 1), stop + 1):
        line = lines[i - 1]
        if rx.search(line) and _is_table_line(line) and (near is None or _near(text, i, near, span)):
            return i
    return None


def _region_end(text: Text, start: int, stop_rx, limit: int, starts: list[int | None]) -> int:
    """The last line of a table region: before the next table that starts after it, a closing
    heading, or a limit."""
    after = [s for s in starts if s is not None and s > start]
    last = min(len(text), start + limit, min(after) - 1 if after else len(text))
    lines = text.norm
    for i in range(start + 1, last + 1):
        if stop_rx.search(lines[i - 1]):
            return i - 1
    return last


def _find_b(text: Text, start: int) -> int | None:
    """Table B's first line from `start`: its header note, else its first row."""
    return _first(text, V.B_START, start) or _first(text, V.B_FIRST_LINE, start, V.B_SECOND_LINE, 40)


def find_regions(text: Text) -> dict[str, tuple[int, int]]:
    """1-based (first, last) lines of each table found. Tables are looked for in the statutory
    order (A, then B after it, then C after B), and anywhere when not found in that order."""
    a = _first(text, V.A_START, 1, V.A_NEAR, 8)
    b = _find_b(text, a or 1) or (_find_b(text, 1) if a else None)
    c = _first(text, V.C_START, b or a or 1, V.C_NEAR, 12)
    if c is None and (a or b):
        c = _first(text, V.C_START, 1, V.C_NEAR, 12)
    starts = [a, b, c]
    regions: dict[str, tuple[int, int]] = {}
    for name, start, stop_rx, limit in (
        ("A", a, V.SECTION_AFTER_A, MAX_A_LINES),
        ("B", b, V.SECTION_AFTER_B, MAX_B_LINES),
        ("C", c, V.SECTION_AFTER_C, MAX_C_LINES),
    ):
        if start is not None:
            regions[name] = (start, _region_end(text, start, stop_rx, limit, starts))
    return regions


def _tokens(text: Text, lo: int, hi: int) -> list[Token]:
    return mark_separators(tokenize(text.norm[lo - 1 : hi], lo))


# ---------------------------------------------------------------- tables A and B


def _marks(marks: list[str | None]) -> list[str | None]:
    """Markers parallel to the cells, or [] when every cell printed a plain number."""
    return marks if any(m is not None for m in marks) else []


def _assemble(
    name: str,
    fmt: str,
    columns: list[str],
    specs: tuple[V.RowSpec, ...],
    read: dict[str, tuple[Fit, int | None]],
    lo: int,
    hi: int,
) -> Table:
    """A Table with every template row, None where a row was not found or not read."""
    rows: list[TableRow] = []
    warnings: list[str] = []
    for spec in specs:
        n = len(spec.columns) or len(columns)
        fit, line = read.get(spec.key, (Fit([None] * n, [None] * n), None))
        rows.append(
            TableRow(
                spec.key,
                spec.label,
                fit.cells,
                line,
                marks=_marks(fit.marks),
                columns=list(spec.columns) or None,
            )
        )
        if fit.warning:
            warnings.append(fit.warning)
    warnings.extend(_missing(name, specs, read, hi))
    lines = [r.line for r in rows if r.line is not None]
    return Table(name, fmt, columns, rows, line=lo, end_line=max(lines) if lines else lo, warnings=warnings)


def _missing(name: str, specs: tuple[V.RowSpec, ...], read: dict, hi: int) -> list[str]:
    """Warnings naming rows not found: single rows, and the rows after the last one found
    (the text was probably cut off)."""
    keys = [s.key for s in specs]
    found = [i for i, k in enumerate(keys) if k in read]
    last = found[-1] if found else -1
    out = [f"Table {name}: row {k} not found" for k in keys[: last + 1] if k not in read]
    tail = keys[last + 1 :]
    if tail:
        rows = tail[0] if len(tail) == 1 else f"{tail[0]} … {tail[-1]} ({len(tail)} rows)"
        out.append(f"Table {name}: rows {rows} not found by line {hi}; text cut off?")
    return out


def a_format(labels: str) -> str:
    """'2021' for 制发/废止/现行有效 and 本年处理决定数量 columns, '2019' for 新制作/上一年项目."""
    new = len(V.A_2021_WORDS.findall(labels))
    old = len(V.A_2019_WORDS.findall(labels))
    if new == old:
        return "2021" if "行政规范性文件" in labels else "2019"
    return "2021" if new > old else "2019"


def read_table_a(text: Text, lo: int, hi: int, found: dict[str, Table]) -> Table:
    """Table A between lines lo and hi: 第二十条 blocks in the 2019 or 2021 format."""
    tokens = _tokens(text, lo, hi)
    label_text = LabelText(tokens)
    fmt = a_format(label_text.text)
    specs = V.A_ROWS_2021 if fmt == "2021" else V.A_ROWS_2019
    read = read_rows(tokens, find_rows(tokens, specs, 0, label_text), 1, len(tokens), "A")
    return _assemble("A", fmt, [], specs, read, lo, hi)


def b_format(labels: str, begin: int) -> str | None:
    """'2021' when （六）其他处理 has its sub-rows (逾期不补正, 收费通知), '2019' when it is one
    row, None when the text does not reach it."""
    if V.B_OTHER_2021_WORDS.search(labels, begin):
        return "2021"
    return "2019" if V.B_OTHER_GROUP.search(labels, begin) else None


def read_table_b(text: Text, lo: int, hi: int, found: dict[str, Table]) -> Table:
    """Table B between lines lo and hi: 23 (2019) or 25 (2021) rows of 7 columns."""
    tokens = _tokens(text, lo, hi)
    label_text = LabelText(tokens)
    labels = label_text.text
    first = V.B_FIRST_ROW.search(labels) or V.B_SECOND_ROW.search(labels)
    begin = first.start() if first else len(labels)
    fmt = b_format(labels, begin)
    assumed = fmt is None
    if fmt is None:
        fmt = found["A"].format if "A" in found else "2019"
    specs = V.B_ROWS_2021 if fmt == "2021" else V.B_ROWS_2019
    read = (
        read_rows(tokens, find_rows(tokens, specs, begin, label_text), len(V.B_COLUMNS), len(tokens), "B")
        if first
        else {}
    )
    table = _assemble("B", fmt, list(V.B_COLUMNS), specs, read, lo, hi)
    if assumed:
        table.warnings.append(f"Table B: text ends before （六）其他处理; format {fmt} assumed")
    return table


# ---------------------------------------------------------------- table C


def c_items(tokens: list[Token]) -> list[Token]:
    """The cells of Table C: printed after the last header word and before the next text."""
    items: list[Token] = []
    cells = False  # whether items hold a value or marker yet
    for tok in tokens:
        if tok.kind != "text":
            items.append(tok)
            cells = cells or tok.is_cell
            continue
        header = V.C_HEADER.search(tok.text) is not None
        if cells and not header:
            break
        items, cells = [], False
    lines = {t.line for t in items if t.is_cell}
    return [t for t in items if t.is_cell or t.text != "" or t.line in lines]


def read_table_c(text: Text, lo: int, hi: int, found: dict[str, Table]) -> Table:
    """Table C between lines lo and hi: one row of 15 cells, kept as three rows of five."""
    tokens = _tokens(text, lo, hi)
    items = c_items(tokens)
    cells = [t for t in items if t.is_cell]
    line = cells[0].line if cells else None
    fit = fit_cells(items, 15, f"Table C (line {line or lo})")
    fmt = next((found[k].format for k in ("B", "A") if k in found), "2019")
    rows = [
        TableRow(key, label, fit.cells[5 * i : 5 * i + 5], line, marks=_marks(fit.marks[5 * i : 5 * i + 5]))
        for i, (key, label) in enumerate(V.C_ROWS)
    ]
    end = max((t.line for t in cells), default=lo)
    return Table(
        "C",
        fmt,
        list(V.C_COLUMNS),
        rows,
        line=lo,
        end_line=end,
        warnings=[fit.warning] if fit.warning else [],
    )


# ---------------------------------------------------------------- facts


def row_total(table: Table, key: str, parts: int) -> Figure | None:
    """The 总计 cell of a row (its last cell); when 总计 is blank, the sum of the row's `parts`
    other cells if they were read (printed blanks and markers among them counted as 0, as
    long as one is a number), with a note saying so; else None."""
    row = table.row(key)
    if row is None or not row.cells:
        return None
    if row.cells[-1] is not None:
        return Figure(row.cells[-1], row.line)
    others = row.cells[:parts]
    marks = (row.marks + [None] * parts)[:parts]
    if len(others) < parts or not any(isinstance(v, int) for v in others):
        return None
    if any(
        not isinstance(v, int) and (v is not None or m is None) for v, m in zip(others, marks, strict=True)
    ):
        return None
    blanks = sum(1 for v in others if v is None)
    note = f"derived: 总计 blank, sum of the {parts} other cells"
    return Figure(
        sum(v for v in others if isinstance(v, int)),
        row.line,
        note=note + (f" ({blanks} blank counted as 0)" if blanks else ""),
    )


def table_facts(tables: dict[str, Table]) -> dict[str, Figure]:
    """Key cells as facts, each with its line: 'table_b.new.total', 'table_b.carried_over.total',
    'table_b.total.total' (（七）总计), 'table_b.carry_forward.total', 'table_c.review.total',
    'table_c.suit_direct.total', 'table_c.suit_after_review.total' and
    'table_c.litigation.total' (column 10 + column 15)."""
    out: dict[str, Figure] = {}
    b = tables.get("B")
    if b is not None:
        for key in ("new", "carried_over", "total", "carry_forward"):
            fig = row_total(b, key, 6)
            if fig is not None:
                out[f"table_b.{key}.total"] = fig
    c = tables.get("C")
    if c is not None:
        for key in ("review", "suit_direct", "suit_after_review"):
            fig = row_total(c, key, 4)
            if fig is not None:
                out[f"table_c.{key}.total"] = fig
        direct, after = out.get("table_c.suit_direct.total"), out.get("table_c.suit_after_review.total")
        if direct is not None and after is not None:
            value: Number = direct.value + after.value
            notes = "; ".join(n for n in (direct.note, after.note) if n)
            out["table_c.litigation.total"] = Figure(
                value, direct.line, note=f"column 10 + column 15{'; ' + notes if notes else ''}"
            )
    return out
