"""Provides the search box: completes glossary terms and walks the query history with Up/Down."""

from __future__ import annotations

from textual.binding import Binding
from textual.suggester import SuggestFromList
from textual.widgets import Input

from ..history import History
from ..i18n import N_, _


class QueryBar(Input):
    """An input for questions; Up/Down recall earlier queries, Down past the newest moves to the results."""

    BINDINGS = [
        Binding("up", "older", N_("Older query"), show=False),
        Binding("down", "newer", N_("Newer query / results"), show=False),
    ]

    def __init__(self, history: History, terms: list[str], **kwargs: object) -> None:
        super().__init__(suggester=SuggestFromList(terms, case_sensitive=False), **kwargs)  # type: ignore[arg-type]
        self.history = history
        self._recalled: str | None = None  # the text the last Up/Down put in the box
        self.retranslate()

    def retranslate(self) -> None:
        self.placeholder = _("Ask in English or French, e.g. vendor financing")

    def _recall(self, value: str) -> None:
        self._recalled = value
        self.value = value
        self.cursor_position = len(value)

    def type_at_end(self, text: str) -> None:
        """Add ``text`` at the end of the question (keys typed while the results had the focus)."""
        self.cursor_position = len(self.value)
        self.insert_text_at_cursor(text)

    def _end_walk_if_edited(self) -> None:
        """Editing a recalled query ends the walk: the next Up starts again from the newest, keeping the edit."""
        if self._recalled is not None and self.value != self._recalled:
            self.history.reset()
            self._recalled = None

    def action_older(self) -> None:
        self._end_walk_if_edited()
        if (value := self.history.older(self.value)) is not None:
            self._recall(value)

    def action_newer(self) -> None:
        self._end_walk_if_edited()
        value = self.history.newer()
        if value is None:  # not walking the history: Down goes on to the results, as in a list
            self.screen.focus_next()
        else:
            self._recall(value)
