"""Reader for report documents in the contract's JSON shape (``report`` + ``goals``).

The document is checked against :data:`SCHEMA` (JSON Schema, validated with
``jsonschema``) before any record is made from it, so a wrong shape (goals
that are numbers, a label that is a number or ``NaN``, a report that is a
string, ``status: "maybe"``, nesting thousands deep) is refused with one line
that names where it is wrong.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from pipeline.errors import ReportError
from pipeline.ingest.common import decode
from pipeline.records import GOAL_COLUMNS, METRIC_TEXT_FIELDS, STATUSES, Report
from pipeline.status import normalise_status, unknown_label_warning

#: Deeper than any report document (report → goals → goal → audit → reasons is 5).
MAX_DEPTH = 32

_TEXT = {"type": ["string", "null"]}
_COUNT = {"type": ["integer", "null"], "minimum": 0}
_STATUS = {"enum": [*STATUSES, None]}
_METRIC = {
    "type": "object",
    "properties": {**{name: _TEXT for name in METRIC_TEXT_FIELDS}, "status_label": _TEXT, "status": _STATUS,
                   "page": _COUNT, "indicators": {"type": "array"}, "audit": {"type": ["object", "null"]}},
}
#: The report document of ``shared/CONTRACT.md`` as JSON Schema: what ``parse --json`` writes.
SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["goals"],
    "properties": {
        "report": {
            "type": "object",
            "properties": {
                "source": _TEXT, "sha256": _TEXT, "date": _TEXT, "department": _TEXT, "layout": _TEXT,
                "year": {"type": ["integer", "null"], "minimum": 1900, "maximum": 2200},
                "n_goals": _COUNT,
                "pages": {"type": ["array", "null"], "items": {"type": "integer", "minimum": 1}, "maxItems": 2},
            },
        },
        "goals": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    **{name: _TEXT for name in GOAL_COLUMNS if name != "status"},
                    "status": _STATUS,
                    "summary": _TEXT,
                    "department": _TEXT,
                    "page": _COUNT,
                    "indicators": {"type": "array", "items": {"type": "object"}},
                    "prediction": {"type": ["object", "null"]},
                    "audit": {"type": ["object", "null"]},
                    "review": {"type": ["object", "null"]},
                    "metrics": {"type": "array", "items": _METRIC},
                },
            },
        },
        "warnings": {"type": "array", "items": {"type": "string"}},
    },
}


def _refuse_constant(name: str) -> None:
    raise ValueError(f"{name} is not a JSON value; write null or a number")


def depth(value: object) -> int:
    """How deeply ``value`` nests lists and objects (a scalar is 0), without recursion."""
    deepest, stack = 0, [(value, 0)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict | list):
            level += 1
            deepest = max(deepest, level)
            if level > MAX_DEPTH:
                break
            stack.extend((child, level) for child in (item.values() if isinstance(item, dict) else item))
    return deepest


def check_document(doc: object, source: str) -> None:
    """Refuse a document that is not the contract's report shape, naming the first place it is wrong."""
    from jsonschema import Draft202012Validator

    if depth(doc) > MAX_DEPTH:
        raise ReportError(source, f"the JSON nests deeper than {MAX_DEPTH} levels; a report document nests about 5. "
                                  "Write it as `python -m pipeline parse FILE --json` does.")
    error = next(Draft202012Validator(SCHEMA).iter_errors(doc), None)  # the first in document order
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "the top level"
        found = json.dumps(error.instance, ensure_ascii=False, default=str)
        found = found if len(found) <= 60 else found[:57] + "..."
        raise ReportError(
            source,
            f"the document does not have the report shape at {where}: {found} ({_expected(error)}). "
            "Expected a JSON object with a 'report' object and a 'goals' list as `python -m pipeline parse FILE "
            "--json` writes (see CONTRACT.md).",
        )


def _expected(error) -> str:
    if error.validator == "type":
        kinds = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        return "expected " + " or ".join(kinds)
    if error.validator == "enum":
        return "expected one of " + ", ".join("null" if v is None else v for v in error.validator_value)
    if error.validator == "required":
        return "missing " + ", ".join(repr(r) for r in error.validator_value)
    return error.message


def read_json(path: Path) -> Report:
    data = path.read_bytes()
    try:
        doc = json.loads(decode(data, path.name), parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        raise ReportError(path.name, f"not valid JSON ({exc.msg} at line {exc.lineno}).") from exc
    except ValueError as exc:
        raise ReportError(path.name, f"not valid JSON ({exc}).") from exc
    except RecursionError as exc:
        raise ReportError(path.name, f"the JSON nests deeper than {MAX_DEPTH} levels; a report document nests "
                                     "about 5.") from exc
    if not isinstance(doc, dict) or not isinstance(doc.get("goals"), list):
        raise ReportError(path.name, "expected a JSON object with a 'goals' list (and a 'report' object).")
    check_document(doc, path.name)
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
