"""The offline tools' failures, kept in a module that imports nothing heavy."""

from __future__ import annotations


class InputError(Exception):
    """Bad input or bad stack config: the message is one readable line (the tools exit 2)."""


class EvaluationError(Exception):
    """The pack or the cost model could not evaluate the stack; the message is one line (exit 2)."""


class Terminated(BaseException):
    """SIGTERM arrived: the tools unwind as for Ctrl-C, so the analyzer process is stopped."""
