"""The one exception the analyzer raises for input it cannot analyse."""

from __future__ import annotations


class AnalysisInputError(ValueError):
    """The answer is empty, too long, or not text. The message is one line, fit to show a user."""
