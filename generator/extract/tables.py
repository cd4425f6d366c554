"""The statutory tables A (第二十条 items), B (applications) and C (reviews, lawsuits)."""

from __future__ import annotations

from generator.extract.text import Text
from generator.records import Figure, Table


def read_tables(text: Text) -> dict[str, Table]:
    return {}


def table_facts(tables: dict[str, Table]) -> dict[str, Figure]:
    """Key cells as facts: 'table_b.new.total', 'table_b.carried_over.total',
    'table_c.review.total', 'table_c.litigation.total'."""
    return {}
