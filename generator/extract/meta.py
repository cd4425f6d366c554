"""Metadata read from the text: title, town, county, year, published date, phone, email, address."""

from __future__ import annotations

import re
from collections import Counter

from generator.extract.text import Text
from generator.numerals import parse_date
from generator.records import Figure, Meta

TOWN_SUFFIX = r"(?:民族乡|民族镇|街道办事处|街道|苏木|镇|乡)"
TITLE_RX = re.compile(r"(年度报告|年报|工作报告|的报告)")
TOWN_RX = re.compile(r"([\u4e00-\u9fff]{1,12}?" + TOWN_SUFFIX + r")(?=人民政府|政府|办事处|党委|\d{4}|我|$|信息公开|\s)")
PHONE_RX = re.compile(r"(?:联系电话|电话|热线)[:：]?\s*((?:\(?0\d{2,3}\)?[-—－]?)?\d{7,8})")
EMAIL_RX = re.compile(r"[A-Za-z0-9._-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
HEADER_DATE_RX = re.compile(r"(发布日期|发布时间|成文日期|公文生成日期|日期|时间)\s*[:：]?\s*")


def read_meta(text: Text) -> tuple[Meta, dict[str, Figure]]:
    """All metadata rules; each fact keeps the line it came from."""
    found: dict[str, Figure] = {}
    for name, rule in (("title", read_title), ("town", read_town), ("year", read_year),
                       ("published", read_published), ("phone", read_phone), ("email", read_email)):
        fig = rule(text)
        if fig is not None:
            found[name] = fig
    meta = Meta(**{k: found[k].value for k in ("title", "town", "year", "published") if k in found})
    meta.origin = {k: f"text:{v.line}" for k, v in found.items() if k in ("title", "town", "year", "published")}
    return meta, found


def read_title(text: Text) -> Figure | None:
    """The first line among the first 15 that names a report (…年度报告, …工作报告)."""
    for i in range(1, min(len(text), 15) + 1):
        line = text.line(i).strip()
        if TITLE_RX.search(line) and len(line) <= 60:
            return Figure(text.raw[i - 1].strip(), i)
    return None


def read_town(text: Text) -> Figure | None:
    """The township named most often, in the title first: '悦来镇人民政府', '桂花街道办事处'."""
    counts: Counter[str] = Counter()
    first_line: dict[str, int] = {}
    for hit in text.search(TOWN_RX):
        name = hit.match.group(1)
        counts[name] += 1
        first_line.setdefault(name, hit.line)
    if not counts:
        return None
    name = max(counts, key=lambda n: (counts[n], -first_line[n]))
    return Figure(name, first_line[name])


def read_year(text: Text) -> Figure | None:
    """The year covered: from the title ('2018年度…报告') or the statistics period."""
    title = read_title(text)
    if title:
        m = re.search(r"(20\d{2}|19\d{2})\s*年", text.line(title.line))
        if m:
            return Figure(int(m.group(1)), title.line, m.group(0))
    hit = text.first(r"统计(?:期限|时限|期间|时间)[^0-9]{0,10}(20\d{2})\s*年")
    if hit:
        return Figure(int(hit.match.group(1)), hit.line, hit.match.group(0))
    hit = text.first(r"(20\d{2})\s*年")
    return Figure(int(hit.match.group(1)), hit.line, hit.match.group(0)) if hit else None


def read_published(text: Text) -> Figure | None:
    """The signature date near the end, else a header date ('发布日期: 2021-01-29')."""
    n = len(text)
    for i in range(n, max(n - 8, 0), -1):
        line = text.line(i).strip()
        if line and len(line) <= 20:
            d = parse_date(line)
            if d:
                return Figure(d, i, line)
    for i in range(1, min(n, 15) + 1):
        line = text.line(i)
        m = HEADER_DATE_RX.search(line)
        if m:
            d = parse_date(line[m.end():])
            if d:
                return Figure(d, i, line.strip())
    return None


def read_phone(text: Text) -> Figure | None:
    """'联系电话：0454-3833110' as printed."""
    hit = text.first(PHONE_RX)
    if not hit:
        return None
    raw = text.raw[hit.line - 1]
    printed = re.search(r"[（(]?0\d{2,3}[）)]?\s*[-—－]?\s*\d{7,8}|\d{7,8}", raw[hit.match.start(1) - 2 :] if hit.match.start(1) >= 2 else raw)
    return Figure(printed.group(0) if printed else hit.match.group(1), hit.line)


def read_email(text: Text) -> Figure | None:
    """An e-mail address anywhere in the text."""
    hit = text.first(EMAIL_RX)
    return Figure(hit.match.group(0), hit.line) if hit else None
