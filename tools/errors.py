"""The offline tools' failures, kept in a module that imports nothing heavy, and reading a file the user named."""

from __future__ import annotations

from pathlib import Path


class InputError(Exception):
    """Bad input or bad stack config: the message is one readable line (the tools exit 2)."""


class EvaluationError(Exception):
    """The pack or the cost model could not evaluate the stack; the message is one line (exit 2)."""


class Terminated(BaseException):
    """SIGTERM arrived: the tools unwind as for Ctrl-C, so the analyzer process is stopped."""


def read_json_text(path: Path, where: str) -> str:
    """The text of the JSON file at ``path``; ``InputError`` starting with ``where`` when it cannot be read."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{where}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{where}: is a directory, expected a JSON file") from None
    except UnicodeDecodeError:
        raise InputError(f"{where}: not UTF-8 text, expected a JSON file") from None
    except OSError as error:
        raise InputError(f"{where}: cannot be read ({error.strerror})") from None
