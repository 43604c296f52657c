"""Finnish names of the two kinds of audit flag, for the review queue, workbook and exports."""

from __future__ import annotations

#: ``contradicted``: the report's own figures contradict the claim; ``needs_look``: the evidence needs a look.
FLAG_NAMES_FI: dict[str, str] = {"contradicted": "ristiriita", "needs_look": "tarkista"}
