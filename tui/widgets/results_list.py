"""Provides the list of ranked hits; the highlighted one is what Enter opens and Ctrl+Y copies."""

from __future__ import annotations

from qa import Answer, Hit
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ..render import result


class ResultsList(OptionList):
    """The hits of the latest answer, one option each, separated by rules."""

    class Top(Message):
        """Up was pressed on the first hit: the screen gives the focus back to the search box."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(markup=False, **kwargs)  # type: ignore[arg-type]
        self.answer: Answer | None = None

    def show(self, answer: Answer | None, keep_highlight: bool = False) -> None:
        """Replace the hits; ``keep_highlight`` keeps the selection (re-rendering in a new language)."""
        previous = self.highlighted if keep_highlight else None
        self.answer = answer
        self.clear_options()
        hits = answer.hits if answer else ()
        options: list[Option | None] = []
        for hit in hits:
            options += [Option(result(hit), id=hit.id), None]
        self.add_options(options[:-1])
        if hits:
            self.highlighted = previous if previous is not None and previous < len(hits) else 0

    @property
    def hit(self) -> Hit | None:
        """The highlighted hit, if any."""
        if self.answer is None or self.highlighted is None:
            return None
        return self.answer.hits[self.highlighted]

    def action_cursor_up(self) -> None:
        if not self.highlighted:  # the first hit, or none
            self.post_message(self.Top())
        else:
            super().action_cursor_up()

    def retranslate(self) -> None:
        self.show(self.answer, keep_highlight=True)
