"""Chinese numerals, full-width text and dates, as the reports print them."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

DIGITS = {
    "〇": 0,
    "零": 0,
    "○": 0,
    "Ｏ": 0,
    "O": 0,
    "0": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
CN_NUM = "〇零○一二两三四五六七八九十百千万"


def normalize(text: str) -> str:
    """Full-width digits, letters and punctuation to ASCII (NFKC), keeping CJK."""
    return unicodedata.normalize("NFKC", text).replace("\u3000", " ")


def cn_to_int(text: str) -> int | None:
    """'二十四' -> 24, '十二' -> 12, '一百零三' -> 103, '2018' -> 2018; None if not a number."""
    text = text.strip()
    if not text:
        return None
    if text.isdigit():
        return int(normalize(text))
    if all(c in DIGITS or c.isdigit() for c in text):  # digit by digit: 二0一八
        return int("".join(str(DIGITS[c]) if c in DIGITS else normalize(c) for c in text))
    total, current = 0, 0
    for ch in text:
        if ch in DIGITS:
            current = DIGITS[ch]
        elif ch in UNITS:
            unit = UNITS[ch]
            if unit == 10000:
                total = (total + current) * unit
            else:
                total += (current or 1) * unit
            current = 0
        else:
            return None
    return total + current


_YEAR = r"(?P<y>[12][0-9]{3}|[一二][〇零○0一二三四五六七八九]{3})"
_MD = r"[〇零○0-9一二三四五六七八九十]{1,3}"
DATE_RE = re.compile(_YEAR + r"\s*[年./-]\s*(?P<m>" + _MD + r")\s*[月./-]\s*(?P<d>" + _MD + r")\s*日?")


def parse_date(text: str) -> dt.date | None:
    """First full date in text: '2018年12月30日', '二0一八年十二月二十四日', '2021-01-29'."""
    for m in DATE_RE.finditer(normalize(text)):
        y, mo, d = cn_to_int(m["y"]), cn_to_int(m["m"]), cn_to_int(m["d"])
        if y and mo and d:
            try:
                return dt.date(y, mo, d)
            except ValueError:
                continue
    return None


def parse_count(text: str) -> int | None:
    """'98' -> 98, '1,234' -> 1234, '十二' -> 12; None otherwise."""
    t = normalize(text).replace(",", "").strip()
    if t.isdigit():
        return int(t)
    return cn_to_int(t) if t and all(c in CN_NUM for c in t) else None
