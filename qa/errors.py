"""The one error type the toolkit raises for bad input, so every front end can print one line."""

from __future__ import annotations


class LexiqueError(Exception):
    """A problem the user can fix: a malformed file, a missing passage, an unwritable index."""


class CorpusError(LexiqueError):
    """A corpus or glossary file that cannot be read; the message names file, line and field."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path = path
        self.line = line
        self.reason = message
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")


def quoted(text: str, limit: int = 60) -> str:
    """``text`` quoted for a one-line message, shortened so a pasted page stays one readable line."""
    short = text if len(text) <= limit else text[: limit - 1] + "…"
    return repr(short)
