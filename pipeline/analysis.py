"""Analysing a read report: the stages after reading, in order.

NLP (once per field) → indicators → the evidence assessment → the classifier's
prediction → the audit verdict.
"""

from __future__ import annotations

from pipeline.audit import assess, audit_goal
from pipeline.indicators import extract
from pipeline.nlp import analyse_goals
from pipeline.records import Report


def analyse_report(report: Report, *, model=None, mode: str = "fast") -> Report:
    """Fill ``indicators``, ``prediction`` (when ``model`` is given) and ``audit`` of every goal, in place.

    ``model`` is a fitted :class:`pipeline.classify.StatusClassifier`.
    """
    all_docs = analyse_goals(report.goals, mode=mode)
    assessments = []
    for goal, docs in zip(report.goals, all_docs, strict=True):
        found = [i for name, doc in docs.items() for i in extract(doc, name, report.year)]
        goal.indicators = [i.to_dict() for i in found]
        assessments.append(assess(goal, docs, found))
    if model is not None:
        for goal, prediction in zip(report.goals, model.predict_goals(report.goals, all_docs, assessments),
                                    strict=True):
            goal.prediction = prediction
    for goal, assessment in zip(report.goals, assessments, strict=True):
        goal.audit = audit_goal(goal, assessment, goal.prediction)
    return report
