"""Analysing a read report: the stages after reading, in order."""

from __future__ import annotations

from pipeline.indicators import extract_goals
from pipeline.records import Report


def analyse_report(report: Report, *, mode: str = "fast") -> Report:
    """Fill ``indicators`` for every goal of ``report`` (in place) and return it."""
    extract_goals(report.goals, report.year, mode=mode)
    return report
