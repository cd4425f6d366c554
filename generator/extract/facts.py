"""Figures stated in prose: proactive total, applications, reviews, lawsuits, fees, staff."""

from __future__ import annotations

import re

from generator.extract.text import Text
from generator.records import Figure, Section

PROACTIVE_RX = re.compile(r"主动公开[^。；;，,]{0,30}?(?:近|约|共计|共|达)?\s*(\d+)\s*(?:余|多)?\s*(?:条|件|篇|项)")


def read_facts(text: Text, heads: list[Section]) -> dict[str, Figure]:
    found: dict[str, Figure] = {}
    hit = text.first(PROACTIVE_RX)
    if hit:
        found["proactive_total"] = Figure(int(hit.match.group(1)), hit.line, hit.match.group(0))
    return found
