"""Atom feed of the reports on the portal, newest first (downloads/feed.xml).

Dates come from the reports, never from the clock or git: the published date when known, else the
last day of the statistics year. Ids are name-based UUIDs of the report's place and year, so an
entry keeps its id across builds; links are relative to the feed's own address.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import uuid
from xml.sax.saxutils import escape, quoteattr

from generator.briefs import Brief, Listing

LIMIT = 100  # entries in the feed (the newest by date)
TITLE = "乡镇政府信息公开年报：新收录的报告"
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:township-gov-info-disclosure-reports")


def entry_date(e: Brief) -> dt.date:
    """The published date, else 31 December of the statistics year."""
    return e.published if e.published is not None else dt.date(e.year, 12, 31)


def stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def newest(listing: Listing, limit: int = LIMIT) -> list[Brief]:
    """Entries by date (newest first), then by place, so ties are ordered the same every build."""
    by_place = sorted(listing.briefs, key=lambda e: (e.place, e.year))
    return sorted(by_place, key=entry_date, reverse=True)[:limit]


def entry_summary(e: Brief) -> str:
    """One line of key figures and measures for a feed reader."""
    s, ind = e.figures, e.indicators or {}
    parts = [f"{e.place[0]}{e.place[1]}{e.place[2]}{e.place[3]} {e.year} 年度报告"]
    labels = (("proactive_total", "主动公开", "条"), ("applications_received", "新收申请", "件"))
    parts += [f"{label} {s[key]} {unit}" for key, label, unit in labels if s.get(key) is not None]
    share = ind.get("text_reuse", {}).get("share")
    if share is not None:
        parts.append(f"文本重复率 {share * 100:.1f}%")
    if "completeness" in ind:
        parts.append(f"完整性 {ind['completeness']['present']}/{ind['completeness']['expected']}")
    return "；".join(parts)


def atom_entry(e: Brief, base: str) -> str:
    here = posixpath.dirname(base)
    page = posixpath.relpath(f"{e.town_dir}/{e.year}", here) + "/"
    yaml = posixpath.relpath(f"{e.town_dir}/{e.year}.yaml", here)
    title = f"{e.place[3]}（{e.place[2]}）{e.year} 年政府信息公开工作年度报告"
    ident = uuid.uuid5(NAMESPACE, "/".join(e.place) + f"/{e.year}")
    published = e.published
    lines = [
        "  <entry>",
        f"    <title>{escape(title)}</title>",
        f"    <id>urn:uuid:{ident}</id>",
        f"    <updated>{stamp(entry_date(e))}</updated>",
    ]
    if isinstance(published, dt.date):
        lines.append(f"    <published>{stamp(published)}</published>")
    lines += [
        f'    <link rel="alternate" type="text/html" href={quoteattr(page)}/>',
        f'    <link rel="related" type="application/yaml" href={quoteattr(yaml)}/>',
        f"    <category term={quoteattr(e.place[0])}/>",
        f"    <summary>{escape(entry_summary(e))}</summary>",
        "  </entry>",
    ]
    return "\n".join(lines)


def atom(listing: Listing, base: str = "downloads/feed.xml") -> bytes:
    """The feed; base is its path under the site root (relative links are resolved from it)."""
    entries = newest(listing)
    updated = stamp(entry_date(entries[0])) if entries else "2008-05-01T00:00:00Z"
    root = posixpath.relpath(".", posixpath.dirname(base)) + "/"
    head = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
        f"  <title>{escape(TITLE)}</title>",
        f"  <id>urn:uuid:{NAMESPACE}</id>",
        f"  <updated>{updated}</updated>",
        f'  <link rel="self" type="application/atom+xml" href={quoteattr(posixpath.basename(base))}/>',
        f'  <link rel="alternate" type="text/html" href={quoteattr(root)}/>',
        "  <author><name>乡镇政府信息公开年报</name></author>",
    ]
    body = [atom_entry(e, base) for e in entries]
    return ("\n".join(head + body + ["</feed>"]) + "\n").encode("utf-8")
