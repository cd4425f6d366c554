"""Headings: the top-level sections of a report, and its problems and measures lists."""

from __future__ import annotations

import re

from generator.extract.text import Text
from generator.records import Section

CN_ORDINALS = "一二三四五六七八九十"
TOP_HEADING_RX = re.compile(r"^\s*(?P<num>[一二三四五六七八九十]{1,2})\s*[、.,，]\s*(?P<title>[^。；;]{2,40}?)\s*[:：。]?\s*$")
STATUTORY = ("总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况",
             "政府信息公开行政复议、行政诉讼情况", "存在的主要问题及改进情况", "其他需要报告的事项")
TABLE_ROW_RX = re.compile(r"本年新收|上年结转|本年度办理结果|结转下年度")


def read_sections(text: Text) -> list[Section]:
    """Lines like '一、概况' / '二、主动公开政府信息情况' in increasing order."""
    out: list[Section] = []
    for i, line in enumerate(text.norm, start=1):
        m = TOP_HEADING_RX.match(line)
        if not m or TABLE_ROW_RX.search(line):
            continue
        raw = text.raw[i - 1].strip()
        title = re.sub(r"^[一二三四五六七八九十]{1,2}\s*[、.,，．]\s*", "", raw).rstrip("：:。 ")
        out.append(Section(title=title, line=i, number=m["num"]))
    return out


def statutory_heading_count(heads: list[Section]) -> int:
    """How many of the six statutory headings appear (2019 and 2021 formats)."""
    titles = {re.sub(r"\s", "", h.title) for h in heads}
    return sum(1 for s in STATUTORY if any(s in t for t in titles))


def read_problems_and_measures(text: Text, heads: list[Section]) -> tuple[list[str], list[str]]:
    """Items under the '存在的主要问题…改进…' section (split into problems and measures later)."""
    return [], []
