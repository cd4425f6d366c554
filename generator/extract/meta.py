"""Metadata read from the text: title, town, county, year, published date, phone, email, address."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from generator.extract import town as town_rules
from generator.extract.text import Text
from generator.extract.vocab import DATE_LABELS, NOT_DATE_LABEL_LEADS, TITLE_WORDS
from generator.numerals import DATE_RE, cn_to_int, parse_date
from generator.records import Figure, Meta

HEAD_LINES = 25  # web-page chrome, document tables and the title come within these
TAIL_LINES = 10  # the signature (unit and date) comes within these non-blank lines
TITLE_RX = re.compile("|".join(TITLE_WORDS))
# the title names information disclosure: 政府信息公开…年度报告, 政务公开…年报 (not 公开 alone:
# '公开2024年工作总结…政府工作报告' is a list item of the body)
TITLE_TOPIC_RX = re.compile(r"信息|政务|年报")
# list items and headings of the body: a title is never numbered, and none comes after 一、
NUMBERED_RX = re.compile(
    r"^\s*(?:\d{1,2}\s*[、.．]|[一二三四五六七八九十]{1,3}\s*[、.．]|[(（][一二三四五六七八九十\d]{1,3}[)）])"
)
FIRST_HEADING_RX = re.compile(r"^\s*(?:一\s*[、.．]|[(（]一[)）])")
CHROME_RX = re.compile(r"[>›»]|当前位置|所在位置|位置[:：]|\s/\s|^\s*[-•·]")
# the rest of a title split over two lines: '报告', '工作年度报告', '年度报告'
SPLIT_TITLE_END_RX = re.compile(r"^\s*(?:工\s*作\s*)?(?:年\s*度\s*)?(?:工\s*作\s*)?报\s*告\s*$")
UNIT_LINE_RX = re.compile(r"(镇|乡|街道|苏木|政府|办事处)\s*$")
YEAR_RX = re.compile(r"((?:19|20)\d{2}|[一二][〇零○0一二三四五六七八九]{3})\s*年")
# a title opening with its year and no 年: '2009上海市浦东新区高桥镇政府信息公开工作年度报告'
# (maybe after a page label: '信息名称 2009上海市…')
TITLE_LEAD_YEAR_RX = re.compile(r"(?:^|^[^\d\s]{2,6}[:：]?\s+)((?:19|20)\d{2})(?=[^\d年\-—./])")
STATS_YEAR_RX = re.compile(
    r"统计(?:期限|时限|期间|时间|区间|周期)[^0-9一二]{0,12}((?:19|20)\d{2})|自\s*((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日"
)
PREFACE_YEAR_RX = re.compile(
    r"((?:19|20)\d{2})\s*年度?[^。,，]{0,30}?(?:信息公开|政务公开)[^。,，]{0,12}?(?:报告|年报)"
)
DATE_LABEL_RX = re.compile(r"(" + "|".join(DATE_LABELS) + r")\s*[:：|]?\s*[|]?\s*")
# a date alone on its line, maybe bracketed or bulleted ('  • 2026-01-27 15:42')
BARE_DATE_RX = re.compile(r"^\s*(?:[•·*]\s*)?(?:[(（\[]\s*)?" + DATE_RE.pattern)  # one \s* per gap: linear
# the page's header after a posting date: '2024-01-16 08:40     来源:某某镇人民政府'
HEADER_WORDS_RX = re.compile(
    r"\s*(?:\d{1,2}:\d{2}(?::\d{2})?)?\s*[|]?\s*(?:来源|信息来源|浏览|字号|作者|点击|阅读|访问)"
)
SIGNATURE_REST_RX = re.compile(
    r"^[\s()（）\[\]|,，.。:：]*$|(政府|办事处|委员会|办公室|镇|乡|街道|苏木)[\s()（）]*$"
)
# a phone number as printed: area code, number and any extension ('65911166-6509'), or a mobile;
# a doubled dash kept as printed ('0710--5374392')
PHONE_NUMBER = (
    r"((?:[（(]\s*0\d{2,3}\s*[)）]|0\d{2,3})?\s*[-—–－]{0,2}\s*\d{7,8}(?:[-—–－]\d{1,4}(?![\d年]))?(?!\d)"
    r"|1[3-9]\d{9}(?!\d))"
)
PHONE_RX = re.compile(
    r"(?:联系电话|咨询电话|监督电话|电话联系|电话咨询|电话|热线|联系方式|致电|拨打|电(?=\s*[:：]))\s*(?:号码)?\s*(?:[/、及和]\s*传真)?"
    r"\s*(?:[(（][^()（）\d]{1,6}[)）])?"  # 电话(传真): / 电话/传真:
    r"\s*(?:为|是)?\s*[:：]?\s*[,，]?\s*" + PHONE_NUMBER  # a stray comma: '电话:,0432-62421057,'
)
# the contact sentence with no 电话 label: '如有疑问,请联系:86552285', '请联系:办事处办公室,64066979'
# a website's footer or header, not the report: '蜀ICP备12028058号', '版权所有', '网站标识码'
SITE_CHROME_RX = re.compile(r"ICP备|ICP证|公网安备|版权所有|主办单位|承办单位|网站标识码|技术支持")
# ... or the number in brackets after the office, before 联系: '可直接与乡党政办公室(0349-2088123)联系'
CONTACT_RX = re.compile(
    r"请(?:与[^。;；\d]{0,30}?)?联系[^。;；\d]{0,20}?[:：,，]?\s*"
    + PHONE_NUMBER
    + r"|与[^。;；\d()（）]{2,30}?[(（]\s*(?:电话\s*[:：]?\s*)?"
    + PHONE_NUMBER.replace("(", "(?P<bracketed>", 1)
    + r"\s*[)）]\s*联系"
)
EMAIL_RX = re.compile(r"(?<![A-Za-z0-9._-])[A-Za-z0-9._-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
ADDRESS_RX = re.compile(r"(?:联系地址|通讯地址|办公地址|地址)\s*[:：]\s*([^,，;；)）。\s]{4,60})")


def read_meta(text: Text) -> tuple[Meta, dict[str, Figure]]:
    """All metadata rules; each fact keeps the line it came from."""
    found: dict[str, Figure] = {}
    title = read_title(text)
    title_lines = _title_lines(text, title)
    rules = {
        "title": lambda: title,
        "town": lambda: town_rules.read_town(text, title_lines),
        "county": lambda: town_rules.read_county(text, found["town"].value if "town" in found else None),
        "year": lambda: read_year(text, title),
        "published": lambda: read_published(text, found["year"].value if "year" in found else None),
        "phone": lambda: read_phone(text),
        "email": lambda: read_email(text),
        "address": lambda: read_address(text),
    }
    for name, rule in rules.items():
        try:
            fig = rule()
        except Exception:  # an odd text must never stop the other rules
            fig = None
        if fig is not None:
            found[name] = fig
    keys = ("title", "town", "county", "year", "published")
    text._meta_year = found.get("year")  # type: ignore[attr-defined]  # facts read it too
    meta = Meta(**{k: found[k].value for k in keys if k in found})
    meta.origin = {k: f"text:{found[k].line}" for k in keys if k in found}
    for key in ("town", "county"):  # the facts keep the names as printed (館前鎮); meta reads 馆前镇
        if key in found:
            fig = found[key]
            found[key] = replace(fig, value=text.printed(fig.line, fig.value))
    return meta, found


def _is_title(line: str) -> bool:
    return bool(TITLE_RX.search(line) and TITLE_TOPIC_RX.search(line)) and not CHROME_RX.search(line)


def year_of(text: Text) -> int | None:
    """The year covered, as read_meta found it (read again if it has not run)."""
    if hasattr(text, "_meta_year"):
        fig = text._meta_year
    else:
        fig = read_year(text, read_title(text))
    return fig.value if fig is not None else None


def read_title(text: Text) -> Figure | None:
    """The first line near the top, before the body's first heading and not numbered,
    naming the report ('…政府信息公开工作年度报告'), joined with a unit line above it or a '报 告' line below it when the title is split."""
    n = min(len(text), HEAD_LINES)
    for i in range(1, n + 1):
        line = text.line(i).strip()
        if FIRST_HEADING_RX.match(line):
            break  # the body has begun ('一、总体情况')
        if NUMBERED_RX.match(line):
            continue
        nxt = _next_nonblank(text, i, n)
        split = nxt is not None and SPLIT_TITLE_END_RX.match(text.line(nxt)) and TITLE_TOPIC_RX.search(line)
        if not line or len(line) > 60 or not (_is_title(line) or split):
            continue
        title = text.raw[i - 1].strip()
        if split and nxt is not None:
            title += re.sub(r"\s", "", text.raw[nxt - 1])
        prev = _prev_nonblank(text, i)
        if (
            prev
            and len(text.line(prev).strip()) <= 20
            and UNIT_LINE_RX.search(text.line(prev))
            and not CHROME_RX.search(text.line(prev))
            and not _is_title(text.line(prev))
        ):
            title = text.raw[prev - 1].strip() + title
        return Figure(re.sub(r"\s*[|]\s*$", "", title), i, title)
    return None


def _next_nonblank(text: Text, i: int, n: int) -> int | None:
    return next((j for j in range(i + 1, min(n, i + 3) + 1) if text.line(j).strip()), None)


def _prev_nonblank(text: Text, i: int) -> int | None:
    return next((j for j in range(i - 1, max(0, i - 3), -1) if text.line(j).strip()), None)


def _title_lines(text: Text, title: Figure | None) -> set[int]:
    """Lines that print the title (and every repeat of it near the top; a long line is a
    paragraph naming the report, not a title)."""
    if title is None:
        return set()
    near = range(1, min(len(text), HEAD_LINES) + 1)
    return {i for i in near if len(text.line(i).strip()) <= 60 and _is_title(text.line(i))} | {title.line}


def _year_of(token: str) -> int | None:
    year = cn_to_int(token)
    return year if year is not None and 1990 <= year <= 2100 else None


def read_year(text: Text, title: Figure | None) -> Figure | None:
    """The year covered: the title's ('2018年度…报告'), else the statistics period's
    ('统计期限自2012年1月1日'), else a preface naming the report, else the year named most."""
    if title is not None:
        value = str(title.value)
        m = YEAR_RX.search(re.sub(r"\s", "", value)) or TITLE_LEAD_YEAR_RX.match(value.strip())
        if m and _year_of(m.group(1)):
            return Figure(_year_of(m.group(1)), title.line, m.group(0))
    for rx in (STATS_YEAR_RX, PREFACE_YEAR_RX):
        hit = text.first(rx)
        if hit:
            token = next(g for g in hit.match.groups() if g)
            return Figure(int(token), hit.line, hit.match.group(0))
    years: Counter[int] = Counter()
    where: dict[int, int] = {}
    for hit in text.search(YEAR_RX):
        year = _year_of(hit.match.group(1))
        if year:
            years[year] += 1
            where.setdefault(year, hit.line)
    if not years:
        return None
    year = max(years, key=lambda y: (years[y], -where[y]))
    return Figure(year, where[year], f"{year}年")


def read_published(text: Text, year: int | None = None) -> Figure | None:
    """The signature date at the end, else a header date ('发布日期: 2021-01-29', a bare
    '2026-01-22 17:49' line under the title); never one before the year covered."""
    for fig in (_signature_date(text), _header_date(text)):
        if fig is not None and (year is None or fig.value.year >= year):
            return fig
    return None


def _signature_date(text: Text) -> Figure | None:
    """A date standing alone (or after the unit's name) among the last non-blank lines."""
    seen = 0
    for i in range(len(text), 0, -1):
        line = text.line(i).strip()
        if not line:
            continue
        seen += 1
        if seen > TAIL_LINES:
            break
        m = DATE_RE.search(line)
        if m and len(line) <= 40 and SIGNATURE_REST_RX.search(line[: m.start()] + line[m.end() :]):
            d = parse_date(m.group(0))
            if d:
                return Figure(d, i, text.raw[i - 1].strip())
    return None


def _header_date(text: Text) -> Figure | None:
    """A labelled date near the top ('发布时间:', '成文日期 |'), else a bare date line there
    (maybe with its time and the page's 来源/浏览/字号 after it)."""
    n = min(len(text), HEAD_LINES)
    for i in range(1, n + 1):
        line = text.line(i)
        for m in DATE_LABEL_RX.finditer(line):
            if line[: m.start()].endswith(NOT_DATE_LABEL_LEADS):
                continue
            dm = DATE_RE.match(line, m.end())
            d = parse_date(dm.group(0)) if dm else None
            if d:
                return Figure(d, i, text.raw[i - 1].strip())
    for i in range(1, n + 1):
        line = text.line(i)
        m = BARE_DATE_RX.match(line)
        if m and (len(line.strip()) <= 30 or HEADER_WORDS_RX.match(line, m.end())):
            d = parse_date(line)
            if d:
                return Figure(d, i, text.raw[i - 1].strip())
    return None


def read_phone(text: Text) -> Figure | None:
    """The first contact phone after a label ('联系电话：0454-3833110') or in the contact
    sentence ('请联系:办事处办公室,64066979'), as printed (with its extension). A phone on a
    line of the website's chrome ('电话:0839-8622290 蜀ICP备…号') is the site's: used only
    when the report gives none."""
    chrome: Figure | None = None
    for i, (raw, norm) in enumerate(zip(text.raw, text.norm, strict=True), start=1):
        m = PHONE_RX.search(norm) or CONTACT_RX.search(norm)
        if m:
            # NFKC keeps full-width digits one character each: the span reads the printed form
            g = 1 if m.start(1) >= 0 else "bracketed"  # the number's group in the pattern matched
            printed = raw[m.start(g) : m.end(g)] if len(raw) == len(norm) else m.group(g)
            fig = Figure(printed.strip(), i, m.group(0).strip())
            if not SITE_CHROME_RX.search(norm):
                return fig
            chrome = chrome or fig
    return chrome


def read_email(text: Text) -> Figure | None:
    """An e-mail address anywhere in the text."""
    hit = text.first(EMAIL_RX)
    return Figure(hit.match.group(0), hit.line) if hit else None


def read_address(text: Text) -> Figure | None:
    """'地址:柳城县古砦仫佬族乡…' up to the next punctuation."""
    hit = text.first(ADDRESS_RX)
    return Figure(hit.match.group(1), hit.line, hit.match.group(0)) if hit else None
