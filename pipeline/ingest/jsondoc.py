"""Reader for report documents in the contract's JSON shape (``report`` + ``goals``)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from pipeline.errors import ReportError
from pipeline.ingest.common import decode
from pipeline.records import Report
from pipeline.status import normalise_status, unknown_label_warning


def read_json(path: Path) -> Report:
    data = path.read_bytes()
    try:
        doc = json.loads(decode(data, path.name))
    except json.JSONDecodeError as exc:
        raise ReportError(path.name, f"not valid JSON ({exc.msg} at line {exc.lineno}).") from exc
    if not isinstance(doc, dict) or not isinstance(doc.get("goals"), list):
        raise ReportError(path.name, "expected a JSON object with a 'goals' list (and a 'report' object).")
    report = Report.from_dict(doc)
    report.source = report.source or path.name
    report.sha256 = hashlib.sha256(data).hexdigest()
    if not report.goals:
        raise ReportError(path.name, "the document has no goals.")
    for goal in report.goals:
        if goal.status is None:
            goal.status = normalise_status(goal.status_label)
        if goal.status_label and goal.status is None:
            report.warnings.append(unknown_label_warning(path.name, f"goal {goal.goal_id}", goal.status_label))
    return report
