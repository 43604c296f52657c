"""Analysing a read report: the stages after reading, in order.

NLP (once per field) → indicators → the evidence assessment → the classifier's
prediction → the audit verdict → the goal's summary.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.audit import Assessment, assess, audit_goal
from pipeline.indicators import extract_fields
from pipeline.metric_audit import audit_report_metrics
from pipeline.nlp import analyse_goals
from pipeline.records import Goal, Indicator, Report
from pipeline.status import legend_band
from pipeline.summarise import summarise


@dataclass(slots=True)
class Evidence:
    """What the NLP stage and the audit rules read from a list of goals, in order."""

    docs: list[dict]
    indicators: list[list[Indicator]]
    assessments: list[Assessment]


def read_evidence(goals: Sequence[Goal], year: int | None, *, mode: str = "fast",
                  band: float | None = None) -> Evidence:
    """Analyse every text field of ``goals`` once; find indicators and assess each goal's evidence.

    ``band`` is the report legend's "slightly below" share (:func:`pipeline.status.legend_band`), if it has one.
    """
    all_docs = analyse_goals(goals, mode=mode)
    found = [extract_fields(docs, year) for docs in all_docs]
    assessments = [assess(goal, docs, items, year, band=band)
                   for goal, docs, items in zip(goals, all_docs, found, strict=True)]
    return Evidence(all_docs, found, assessments)


def analyse_report(report: Report, *, model=None, mode: str = "fast") -> Report:
    """Fill ``indicators``, ``prediction`` (when ``model`` is given), ``audit`` and ``summary`` of every goal, in place.

    Every metric row of a goal (``goal.metrics``) gets its own ``audit`` (:mod:`pipeline.metric_audit`), and
    rows the report grades unlike its other rows are marked there.

    ``model`` is a :class:`pipeline.classify.StatusModel` (see :func:`pipeline.classify.load_model`).
    """
    band = legend_band(report.department)
    evidence = read_evidence(report.goals, report.year, mode=mode, band=band)
    for goal, items in zip(report.goals, evidence.indicators, strict=True):
        goal.indicators = items
    if model is not None:
        predictions = model.predict_goals(report.goals, evidence.docs, evidence.assessments)
        for goal, prediction in zip(report.goals, predictions, strict=True):
            goal.prediction = prediction
    for goal, docs, assessment in zip(report.goals, evidence.docs, evidence.assessments, strict=True):
        goal.audit = audit_goal(goal, assessment, goal.prediction, legend_band=band)
        goal.summary = summarise(docs, assessment)
    audit_report_metrics(report.goals)
    return report
