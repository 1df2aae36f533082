"""Provides the query history: walked with Up/Down in the search box, kept between runs.

One query per line in ``data_dir()/history``, oldest first, without duplicates and capped, so the
file stays readable and small.
"""

from __future__ import annotations

from pathlib import Path

CAP = 200


class History:
    """Past queries and a cursor for walking them from the newest back."""

    def __init__(self, path: Path, cap: int = CAP) -> None:
        self.path = path
        self.cap = cap
        self.entries: list[str] = self._read()
        self._cursor: int | None = None  # index into entries while walking, None at the live query
        self._draft = ""  # the live query as it was when the walk started, given back past the newest

    def _read(self) -> list[str]:
        try:
            lines = self.path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):  # no history yet, or an unreadable one: start afresh
            return []
        return [line for line in lines if line.strip()][-self.cap :]

    def add(self, query: str) -> None:
        """Remember ``query`` as the newest entry and save the file.

        Raises:
            OSError: when the history file cannot be written (the entry is still kept in memory).
        """
        query = " ".join(query.split())
        self._cursor = None
        if not query:
            return
        if query in self.entries:
            self.entries.remove(query)
        self.entries = [*self.entries, query][-self.cap :]
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text("\n".join(self.entries) + "\n", encoding="utf-8")

    def older(self, draft: str = "") -> str | None:
        """The entry before the current one, or None when there is none.

        ``draft`` is what the search box holds; it is kept when the walk starts, for ``newer`` to give back.
        """
        if not self.entries:
            return None
        if self._cursor is None:
            self._draft = draft
        self._cursor = len(self.entries) - 1 if self._cursor is None else max(0, self._cursor - 1)
        return self.entries[self._cursor]

    def newer(self) -> str | None:
        """The entry after the current one; the draft when walking past the newest, None when not walking."""
        if self._cursor is None:
            return None
        if self._cursor >= len(self.entries) - 1:
            self._cursor = None
            return self._draft
        self._cursor += 1
        return self.entries[self._cursor]

    def reset(self) -> None:
        self._cursor = None
