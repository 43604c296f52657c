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
