"""Provides the glossary browser: a filtered list of terms beside the selected entry."""

from __future__ import annotations

from qa import GlossaryEntry, Library
from qa.analysis import fold
from qa.contexts import context_hit
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Input, OptionList
from textual.widgets.option_list import Option

from ..i18n import N_, _
from ..widgets import EntryView, LexiqueFooter
from .reader import ReaderScreen


def matches(entry: GlossaryEntry, wanted: str) -> bool:
    """Whether the folded filter text occurs in any English or French form of the entry."""
    return any(wanted in fold(form) for form in entry.forms)


class GlossaryScreen(Screen[None]):
    """Terms on the left, filtered as you type; the highlighted entry on the right."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", N_("Back"), id="back"),
        Binding("slash", "focus_filter", N_("Filter"), id="filter"),
    ]

    def __init__(self, library: Library, entry: GlossaryEntry | None = None) -> None:
        super().__init__()
        self.library = library
        self.initial = entry

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            with Vertical(id="terms-pane"):
                yield Input(id="filter")
                yield OptionList(id="terms", markup=False)
            yield EntryView(self.library.corpus, id="entry")
        yield LexiqueFooter()

    def on_mount(self) -> None:
        self.retranslate()
        self._fill("")
        if self.initial is not None:
            self.select(self.initial)
        self.query_one("#terms" if self.initial else "#filter").focus()

    def retranslate(self) -> None:
        self.sub_title = _("Glossary")
        self.query_one("#filter", Input).placeholder = _("Filter terms (English or French)")

    def _fill(self, text: str) -> None:
        wanted = fold(text.strip())
        terms = self.query_one("#terms", OptionList)
        terms.clear_options()
        for entry in sorted(self.library.corpus.glossary, key=lambda e: fold(e.term)):
            if matches(entry, wanted):
                label = Content.assemble(entry.term, "\n", (f"  {entry.preferred_fr.term}", "$text-muted"))
                terms.add_option(Option(label, id=entry.id))
        terms.highlighted = 0 if terms.option_count else None
        if not terms.option_count:
            self.query_one(EntryView).show(None)

    def select(self, entry: GlossaryEntry) -> None:
        """Highlight ``entry`` in the list, clearing the filter if it hides it."""
        terms = self.query_one("#terms", OptionList)
        if entry.id not in {option.id for option in terms.options}:
            with self.prevent(Input.Changed):  # or the late Changed would refill and lose the selection
                self.query_one("#filter", Input).value = ""
            self._fill("")
        terms.highlighted = terms.get_option_index(entry.id)

    @on(Input.Changed, "#filter")
    def _filtered(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted, "#filter")
    def _to_list(self) -> None:
        self.query_one("#terms").focus()

    @on(OptionList.OptionHighlighted, "#terms")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        # Typing fast refills the list before earlier highlight events arrive: show only what is highlighted now.
        current = event.option_list.highlighted_option
        if current is None or current.id != event.option.id:
            return
        self.query_one(EntryView).show(self.library.corpus.entry(event.option.id or ""))

    @on(OptionList.OptionSelected, "#terms")
    def _to_links(self) -> None:
        links = self.query_one("#links", OptionList)
        if links.option_count:
            links.focus()
            links.highlighted = 0

    @on(OptionList.OptionSelected, "#links")
    def _follow(self, event: OptionList.OptionSelected) -> None:
        kind, _sep, value = (event.option.id or "").partition(":")
        if kind == "ctx":
            passage = self.library.passage(value)
            entry = self.query_one(EntryView).entry
            # mark where the passage names the entry
            hit = context_hit(self.library.corpus, entry, passage) if entry is not None else self.library.cite(passage)
            self.app.push_screen(ReaderScreen(self.library.corpus, [hit]))
        elif related := next((e for e in self.library.corpus.glossary if e.term.casefold() == value.casefold()), None):
            self.select(related)
            self.query_one("#terms").focus()

    def action_focus_filter(self) -> None:
        self.query_one("#filter").focus()
