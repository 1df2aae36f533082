"""Provides the main screen: search as you type, ranked cited results, copy and save.

Typing starts a search after a short pause (debounce) in a thread worker; ``exclusive`` cancels
the previous worker, and a result is applied only if its query is still the one in the box, so a
slow earlier search never overwrites a newer one.
"""

from __future__ import annotations

from collections.abc import Callable

from qa import Hit, Library, LexiqueError
from qa.paths import data_dir
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Header, Input, OptionList, ProgressBar, Static
from textual.worker import Worker, WorkerState, get_current_worker

from ..export import clip_text, save_results
from ..history import History
from ..i18n import N_, _, ngettext, number
from ..messages import IndexFailed, IndexProgress, IndexReady, ResultsReady, SearchFailed
from ..widgets import LexiqueFooter, QueryBar, ResultsList
from .reader import ReaderScreen

DEBOUNCE = 0.15  # seconds of quiet typing before a search starts
MIN_CHARS = 2  # one letter matches half the corpus and helps nobody
LIMIT = 20


class SearchScreen(Screen[None]):
    """The search box, a status line and the results."""

    BINDINGS = [
        Binding("ctrl+g", "glossary", N_("Glossary"), id="glossary", tooltip=N_("Browse the glossary")),
        Binding("ctrl+y", "copy", N_("Copy"), id="copy", tooltip=N_("Copy the selected passage with its citation")),
        Binding("ctrl+s", "save", N_("Save"), id="save", tooltip=N_("Save the results as Markdown")),
        Binding("escape", "focus_query", N_("Search box"), show=False),
    ]

    def __init__(self, library: Library, history: History) -> None:
        super().__init__()
        self.library = library
        self.history = history
        self._timer: Timer | None = None
        self._status: Callable[[], str] = self._corpus_summary
        self.index_failed = False  # once the index cannot be opened, searching again would only fail again

    def compose(self) -> ComposeResult:
        yield Header()
        terms = sorted({form for e in self.library.corpus.glossary for form in e.english_forms})
        yield QueryBar(self.history, terms, id="query")
        with Horizontal(id="status-bar"):
            yield Static(id="status", markup=False)  # it shows the user's query: "[/]" is text, not markup
            yield ProgressBar(id="progress", show_eta=False)
        yield ResultsList(id="results")
        yield LexiqueFooter()

    def on_mount(self) -> None:
        self.query_one("#progress").display = False
        self.retranslate()
        self.open_index()

    # -- index ---------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="index", exit_on_error=False)
    def open_index(self) -> None:
        """Open the index, building it first if needed, reporting progress (post_message is thread-safe)."""
        try:
            self.library.open(lambda done, total: self.post_message(IndexProgress(done, total)))
        except LexiqueError as exc:
            self.post_message(IndexFailed(str(exc)))
        else:
            self.post_message(IndexReady())

    def on_index_progress(self, message: IndexProgress) -> None:
        bar = self.query_one("#progress", ProgressBar)
        bar.display = True
        bar.update(total=message.total, progress=message.done)
        self._set_status(lambda: _("Building the index… {done} / {total}").format(
            done=number(message.done), total=number(message.total)))

    def on_index_ready(self) -> None:
        self.query_one("#progress").display = False
        if not self.query_one(QueryBar).value.strip():
            self._set_status(self._corpus_summary)

    def on_index_failed(self, message: IndexFailed) -> None:
        self._index_unavailable(message.reason)

    def _index_unavailable(self, reason: str) -> None:
        """Say once that search is off; from now on typing only shows the status again."""
        self.query_one("#progress").display = False
        if not self.index_failed:
            self.index_failed = True
            self.notify(reason, title=_("Index unavailable"), severity="error", timeout=10, markup=False)
        self._set_status(self._unavailable)

    @staticmethod
    def _unavailable() -> str:
        return _("Search is unavailable; the glossary and reader still work.")

    @on(Worker.StateChanged)
    def _worker_changed(self, event: Worker.StateChanged) -> None:
        """The workers do not exit the app on an error: an unexpected one is told, not lost."""
        if event.state != WorkerState.ERROR:
            return
        error = event.worker.error
        reason = f"{type(error).__name__}: {error}"
        if event.worker.group == "index":
            self._index_unavailable(reason)
        else:
            self.notify(reason, title=_("Search failed"), severity="error", markup=False)

    # -- searching -----------------------------------------------------------------------------

    def _search_soon(self, query: str, delay: float) -> None:
        if self._timer is not None:
            self._timer.stop()
        if self.index_failed:  # searching would try to build the index again and fail again
            self._set_status(self._unavailable)
        elif delay:
            self._timer = self.set_timer(delay, lambda: self.search(query))
        else:
            self.search(query)

    @on(Input.Changed, "#query")
    def _typed(self, event: Input.Changed) -> None:
        self._search_soon(event.value, DEBOUNCE)

    @on(Input.Submitted, "#query")
    def _submitted(self, event: Input.Submitted) -> None:
        self._search_soon(event.value, 0)
        self._remember(event.value)

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def search(self, query: str) -> None:
        """Ask the library in a thread; Library.ask opens its own Whoosh searcher, so this is safe."""
        if len(query.strip()) < MIN_CHARS:
            self.post_message(ResultsReady(query, None))
            return
        try:
            answer = self.library.ask(query, limit=LIMIT)
        except LexiqueError as exc:
            self.post_message(SearchFailed(query, str(exc)))
            return
        if not get_current_worker().is_cancelled:
            self.post_message(ResultsReady(query, answer))

    def on_results_ready(self, message: ResultsReady) -> None:
        if message.query != self.query_one(QueryBar).value:
            return  # a newer query is on its way; this answer is stale
        self.query_one(ResultsList).show(message.answer)
        answer = message.answer
        if answer is None:
            self._set_status(self._corpus_summary if not message.query.strip() else
                             lambda: _("Type at least {n} characters.").format(n=number(MIN_CHARS)))
        elif not answer.hits:
            self._set_status(lambda: _("No results for « {query} ».").format(query=answer.query))
        else:
            self._set_status(lambda: ngettext("{n} result in {ms} ms", "{n} results in {ms} ms", len(answer.hits)).format(
                n=number(len(answer.hits)), ms=number(answer.elapsed_ms, 1)))

    def on_search_failed(self, message: SearchFailed) -> None:
        if self.index_failed:  # already told, once
            self._set_status(self._unavailable)
        elif message.query == self.query_one(QueryBar).value:
            self.notify(message.reason, title=_("Search failed"), severity="error", markup=False)

    # -- status line ---------------------------------------------------------------------------

    def _corpus_summary(self) -> str:
        corpus = self.library.corpus
        return _("{articles} articles, {passages} passages, {terms} glossary terms").format(
            articles=number(len(corpus.articles)), passages=number(len(corpus.passages)), terms=number(len(corpus.glossary)))

    def _set_status(self, status: Callable[[], str]) -> None:
        """Keep the status as a function so a language switch can render it again."""
        self._status = status
        self.query_one("#status", Static).update(status())

    def retranslate(self) -> None:
        self.sub_title = _("Search")
        self.query_one("#status", Static).update(self._status())

    # -- actions -------------------------------------------------------------------------------

    def _remember(self, query: str) -> None:
        try:
            self.history.add(query)
        except OSError as exc:
            self.notify(f"{self.history.path}: {exc.strerror}", title=_("History not saved"), severity="warning",
                        markup=False)

    @on(OptionList.OptionSelected, "#results")
    def _open(self) -> None:
        results = self.query_one(ResultsList)
        if (hit := results.hit) is None or results.answer is None:
            return
        self._remember(results.answer.query)
        if hit.entry is not None:
            self.app.open_entry(hit.entry)  # type: ignore[attr-defined]
            return
        in_article = sorted((h for h in results.answer.hits if h.doc_id == hit.doc_id), key=lambda h: h.start)
        self.app.push_screen(ReaderScreen(self.library.corpus, in_article, in_article.index(hit)))

    def action_glossary(self) -> None:
        self.app.open_entry(None)  # type: ignore[attr-defined]

    def action_focus_query(self) -> None:
        self.query_one(QueryBar).focus()

    @on(ResultsList.Top)
    def _results_top(self) -> None:
        self.action_focus_query()

    def on_key(self, event: events.Key) -> None:
        """A letter typed in the results goes on the end of the question, as if the box had the focus."""
        results = self.query_one(ResultsList)
        if not (results.has_focus and event.is_printable and event.character) or event.key in self.active_bindings:
            return
        event.stop()
        event.prevent_default()
        bar = self.query_one(QueryBar)
        bar.focus()
        bar.call_later(bar.type_at_end, event.character)  # after the Focus event, which selects the whole text

    def _selected(self) -> Hit | None:
        hit = self.query_one(ResultsList).hit
        if hit is None:
            self.notify(_("No result selected."), severity="warning")
        return hit

    def action_copy(self) -> None:
        if (hit := self._selected()) is not None:
            self.app.copy_to_clipboard(clip_text(hit))
            self.notify(_("Copied with its citation: {id}").format(id=hit.id), title=_("Clipboard"), markup=False)

    def action_save(self) -> None:
        answer = self.query_one(ResultsList).answer
        if answer is None or not answer.hits:
            self.notify(_("No results to save."), severity="warning")
            return
        try:
            path = save_results(answer, [data_dir() / "exports"])
        except OSError as exc:
            self.notify(str(exc), title=_("Results not saved"), severity="error", markup=False)
            return
        self.notify(str(path.resolve()), markup=False, timeout=10, title=ngettext("Saved {n} result", "Saved {n} results", len(answer.hits)).format(
            n=number(len(answer.hits))))
