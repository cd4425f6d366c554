"""Consistency checks on an extracted report (statutory identities, prose vs table, years)."""

from __future__ import annotations

from generator.records import Check, Report


def run_checks(report: Report) -> list[Check]:
    """Every check that applies to one report; failures name the cells and lines involved."""
    return []


def cross_year_checks(reports: list[Report]) -> dict[str, list[Check]]:
    """X-1 结转连续 across years of one town: returns extra checks keyed by report path."""
    return {}
