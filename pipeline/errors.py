"""Exceptions the pipeline raises for bad input.

Each message names the file, the bad value, what was expected and the fix;
the command line prints it on one line and exits non-zero.
"""

from __future__ import annotations


class PipelineError(Exception):
    """Base class of the errors the command line reports without a traceback."""


class ReportError(PipelineError):
    """A report file that cannot be read into goal records."""

    def __init__(self, source: str, problem: str) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


class VoikkoMissingError(PipelineError):
    """libvoikko or its Finnish dictionary is not installed."""


class StoreError(PipelineError):
    """The database cannot be reached or used."""


class ReviewError(PipelineError):
    """A review workbook or decision that cannot be stored; lists every bad row."""

    def __init__(self, problems: list[str], source: str = "the workbook") -> None:
        self.problems = problems
        super().__init__(f"{source}: nothing was imported; fix these and import again:\n  " + "\n  ".join(problems))
