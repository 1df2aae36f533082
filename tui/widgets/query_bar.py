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
        self.retranslate()

    def retranslate(self) -> None:
        self.placeholder = _("Ask in English or French, e.g. vendor financing")

    def _recall(self, value: str) -> None:
        self.value = value
        self.cursor_position = len(value)

    def action_older(self) -> None:
        if (value := self.history.older()) is not None:
            self._recall(value)

    def action_newer(self) -> None:
        value = self.history.newer()
        if value is None:  # not walking the history: Down goes on to the results, as in a list
            self.screen.focus_next()
        else:
            self._recall(value)
