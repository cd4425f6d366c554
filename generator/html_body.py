"""Finding the report in a saved web page: chrome removed, the densest container chosen.

Scored like Readability: text blocks give points to their parent and grandparent, link-heavy
and chrome-named containers (nav, footer, share, breadcrumb, ...) lose, content-named ones
(TRS_Editor, zoom, article, ...) and those naming the report (政府信息公开, 年度报告) gain.
"""

from __future__ import annotations

import re

from lxml import etree

from generator.ingest import clean_text

DROP_TAGS = tuple(
    (
        "script style noscript template iframe svg nav header footer aside button select input "
        "textarea object embed map"
    ).split()
)
CHROME_TOKENS = frozenset(
    (
        "banner bdshare bottom breadcrumb comment copyright crumb crumbs dqwz ewm foot footer "
        "friendlink head header links location login menu nav navbar position print qrcode related "
        "search share side sidebar tool toolbar tools topbar wzdh"
    ).split()
)
CHROME_PARTS = ("share", "crumb", "copyright", "footer", "navbar", "menu", "sidebar", "toolbar")
CONTENT_TOKENS = frozenset(
    ("article body con content detail editor info main news page text trs ucap view wzy xxgk zoom zw").split()
)
KEYWORDS = ("政府信息公开", "年度报告", "主动公开", "依申请", "行政复议")
BREADCRUMB_RX = re.compile(r"^\s*(当前位置|您的位置|您现在的位置|所在位置|首页\s*[>»›])")
SHORT_PAGE = 300  # characters: less than any real report


def is_chrome_named(el: etree._Element) -> bool:
    """Class or id words of navigation, headers, footers, share buttons, breadcrumbs."""
    words = tokens(el)
    return bool(words & CHROME_TOKENS) or any(part in w for w in words for part in CHROME_PARTS)


def tokens(el: etree._Element) -> set[str]:
    """The words of an element's class and id ('nav-bar main_menu' -> nav, bar, main, menu)."""
    names = f"{el.get('class', '')} {el.get('id', '')}".lower()
    return {t for t in re.split(r"[\s\-_]+", names) if t}


def strip_chrome(root: etree._Element) -> None:
    """Remove scripts, styles, comments, hidden parts and navigation/header/footer containers."""
    for node in root.xpath("//comment() | //processing-instruction()"):
        remove(node)
    for el in list(root.iter(*DROP_TAGS)):
        remove(el)
    total = len(text_of(root))
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el.getparent() is None:
            continue
        hidden = re.search(r"display\s*:\s*none|visibility\s*:\s*hidden", el.get("style", ""))
        chrome = is_chrome_named(el) or BREADCRUMB_RX.match(text_of(el)[:40] or "")
        if (hidden or chrome) and not is_main_text(len(text_of(el)), total):
            remove(el)


def is_main_text(length: int, total: int) -> bool:
    """A container holding most of a substantial page is the report, whatever its class says."""
    return length >= total * 0.5 and length >= SHORT_PAGE


def remove(el: etree._Element) -> None:
    """Drop an element but keep the text that follows it (its tail)."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    prev = el.getprevious()
    parent.remove(el)
    if tail:
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail


def text_of(el: etree._Element) -> str:
    return clean_text(el.text_content()) if isinstance(el.tag, str) else ""


def find_body(root: etree._Element) -> etree._Element:
    """The container holding the report: the best-scoring candidate (see the module doc)."""
    scores: dict[etree._Element, float] = {}
    for block in root.iter("p", "td", "pre", "div", "li", "table", "h1", "h2", "h3", "span", "font"):
        own = direct_text(block) if block.tag in ("div", "td", "span", "font") else text_of(block)
        if len(own) < 20:
            continue
        points = 1 + len(re.findall(r"[，。、；,;]", own)) + min(len(own) / 100, 3)
        parent = block.getparent()
        if parent is not None:
            scores[parent] = scores.get(parent, 0) + points
            grand = parent.getparent()
            if grand is not None:
                scores[grand] = scores.get(grand, 0) + points / 2
    body = root.find("body")
    fallback = body if body is not None else root
    if not scores:
        return fallback
    best = max(scores, key=lambda el: adjusted(el, scores[el]))
    return best if adjusted(best, scores[best]) > 0 else fallback


def adjusted(el: etree._Element, score: float) -> float:
    """A container's score weighed by its link density, class/id words and report keywords."""
    text = text_of(el)
    if not text:
        return 0
    links = sum(len(text_of(a)) for a in el.iter("a"))
    score *= 1 - min(links / len(text), 1)
    words = tokens(el)
    score += 25 if words & CONTENT_TOKENS else 0
    score -= 25 if is_chrome_named(el) else 0
    score += 5 * sum(1 for k in KEYWORDS if k in text)
    return score


def direct_text(el: etree._Element) -> str:
    """Text directly inside an element, not in its child elements (only their tails)."""
    parts = [el.text or ""] + [child.tail or "" for child in el]
    return clean_text("".join(parts))
