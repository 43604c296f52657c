"""Text from a report written to a spreadsheet cell: never a live formula, and read back unchanged.

A goal text, file name or reason that begins with ``=``, ``+``, ``-``, ``@``,
a tab or a carriage return would be run by Excel or LibreOffice as a formula
(``=HYPERLINK(...)`` leaks data, ``=cmd|' /C calc'!A0`` starts a program).
OWASP's guidance on CSV injection: prefix such a cell with a single quote,
which spreadsheets show as text. :func:`restore` removes exactly that prefix
when a workbook is read back, so what went out comes back unchanged.
"""

from __future__ import annotations

#: First characters that make a spreadsheet read a cell as a formula (OWASP).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"


def neutralise(value: object) -> object:
    """``"=1+1"`` → ``"'=1+1"``; other values, and text that cannot start a formula, unchanged."""
    if isinstance(value, str) and value.lstrip(QUOTE).startswith(FORMULA_START):
        return QUOTE + value  # also "'=x" → "''=x", so that restore gives "'=x" back
    return value


def restore(value: object) -> object:
    """Undo :func:`neutralise`: ``"'=1+1"`` → ``"=1+1"``; anything else unchanged."""
    if isinstance(value, str) and value.startswith(QUOTE) and value.lstrip(QUOTE).startswith(FORMULA_START):
        return value[1:]
    return value


def neutralise_frame(frame):
    """A copy of a pandas DataFrame with every text cell (and column name) passed through :func:`neutralise`."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or str(out[column].dtype).startswith(("string", "str")):
            out[column] = out[column].map(neutralise, na_action="ignore")
    out.columns = [neutralise(c) for c in out.columns]
    return out
