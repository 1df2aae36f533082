"""Provides the reader: a whole article, scrolled to the cited paragraph, with n/p between its hits.

Paragraphs are rebuilt from the article body with the passages' exact offsets, so a paragraph cut
into several passages reads as one, and highlights (offsets in a passage) shift into place.
"""

from __future__ import annotations

from itertools import groupby

from qa import Hit, Passage
from qa.corpus import Corpus
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Static

from ..export import clip_text
from ..i18n import N_, _, long_date, number
from ..render import MARK_STYLE
from ..widgets import LexiqueFooter


def paragraph_id(paragraph: int) -> str:
    return f"para-{paragraph}"


class ReaderScreen(Screen[None]):
    """One article; ``targets`` are the hits in it (reading order), ``current`` the one to show."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", N_("Back"), id="back"),
        Binding("n", "step(1)", N_("Next hit"), id="next_hit"),
        Binding("p", "step(-1)", N_("Previous hit"), id="previous_hit"),
        Binding("ctrl+y", "copy", N_("Copy"), id="copy", tooltip=N_("Copy the current passage with its citation")),
    ]

    def __init__(self, corpus: Corpus, targets: list[Hit], current: int = 0) -> None:
        super().__init__()
        self.corpus = corpus
        self.targets = targets
        self.current = current
        self.article = corpus.article(targets[current].doc_id)

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="article"):
            yield Static(Content.styled(self.article.display_title, "bold $text-accent"), id="article-title")
            yield Static(id="article-meta")
            section: str | None = None
            for paragraph, pieces in groupby(self.corpus.passages_of(self.article.id), key=lambda p: p.paragraph):
                passages = list(pieces)
                if passages[0].section and passages[0].section != section:
                    section = passages[0].section
                    yield Static(Content.styled(section, "bold $text-primary"), classes="heading")
                yield Static(self._paragraph(paragraph, passages), id=paragraph_id(paragraph), classes="paragraph")
        yield Static(id="reader-status", markup=False)  # the section title is corpus text
        yield LexiqueFooter()

    def _paragraph(self, paragraph: int, passages: list[Passage]) -> Content:
        start = passages[0].start
        text = Content(self.article.body[start : passages[-1].end])
        for hit in self.targets:
            if hit.paragraph == paragraph:
                for a, b in hit.highlights:
                    text = text.stylize(MARK_STYLE, hit.start - start + a, hit.start - start + b)
        return Content.assemble((f"¶{paragraph}  ", "$text-muted"), text)

    def on_mount(self) -> None:
        for hit in self.targets:
            self.query_one(f"#{paragraph_id(hit.paragraph)}").add_class("-hit")
        self.retranslate()
        self._show_current()

    def _show_current(self) -> None:
        for widget in self.query(".-current"):
            widget.remove_class("-current")
        target = self.query_one(f"#{paragraph_id(self.targets[self.current].paragraph)}")
        target.add_class("-current")
        self.retranslate()
        # after layout, so the paragraph has its real position in the scrolled article
        self.call_after_refresh(self.query_one("#article", VerticalScroll).scroll_to_center, target, animate=False)

    def retranslate(self) -> None:
        self.sub_title = _("Reader")
        details = [self.article.author, long_date(self.article.date)]
        self.query_one("#article-meta", Static).update(
            Content.styled(" · ".join(d for d in details if d) or _("No author or date given"), "$text-muted"))
        hit = self.targets[self.current]
        where = [_("Hit {n} of {total}").format(n=number(self.current + 1), total=number(len(self.targets))),
                 f"¶{number(hit.paragraph)}"] + ([f"§ {hit.section}"] if hit.section else [])
        self.query_one("#reader-status", Static).update(" · ".join(where))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """n and p only when there is another hit to go to."""
        return len(self.targets) > 1 if action == "step" else True

    def action_step(self, delta: int) -> None:
        """Go to the next (1) or previous (-1) hit in this article, wrapping around."""
        self.current = (self.current + delta) % len(self.targets)
        self._show_current()

    def action_copy(self) -> None:
        hit = self.targets[self.current]
        self.app.copy_to_clipboard(clip_text(hit))
        self.notify(_("Copied with its citation: {id}").format(id=hit.id), title=_("Clipboard"), markup=False)
