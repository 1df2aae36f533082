"""Regressions: outside text is never markup, the history keeps a draft, keys work on every screen,
a stale glossary highlight is ignored, a broken index is told once and unexpected errors are told."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList
from textual.widgets._toast import Toast

from tui.app import make_app
from tui.messages import IndexFailed
from tui.screens import GlossaryScreen, HelpScreen, ReaderScreen, SearchScreen
from tui.widgets import EntryView, QueryBar

from .conftest import FIXTURE, SteadyLibrary, search, until

MARKUP_LIKE = ["zzq [/] yyq", "[bold]x", "[link=x]y"]


def _status(app) -> str:
    return str(app.screen.query_one("#status").render())


@pytest.mark.parametrize("query", MARKUP_LIKE)
async def test_a_query_that_looks_like_markup_is_shown_as_typed(app_factory, query: str) -> None:
    app = app_factory()
    async with app.run_test() as pilot:
        await search(pilot, query)
        await pilot.press("enter")
        await until(pilot, lambda: f"« {query} »" in _status(app))
    assert app._exception is None
    second = app_factory()  # the query is in the history now: recalling it must not crash either
    async with second.run_test() as pilot:
        await pilot.press("up")
        assert second.screen.query_one(QueryBar).value == query
        await until(pilot, lambda: f"« {query} »" in _status(second))
    assert second._exception is None


async def test_a_section_title_that_looks_like_markup_is_shown_as_text(app_factory) -> None:
    app = app_factory()
    async with app.run_test() as pilot:
        await search(pilot, "vendor financing")
        hit = next(h for h in app.screen.query_one("#results").answer.hits if h.entry is None)
        app.push_screen(ReaderScreen(app.library.corpus, [replace(hit, section="[/] [bold]odd")]))
        await until(pilot, lambda: isinstance(app.screen, ReaderScreen))
        assert "§ [/] [bold]odd" in str(app.screen.query_one("#reader-status").render())
    assert app._exception is None


async def test_notifications_with_markup_like_text_are_shown_as_text(
    app_factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(SteadyLibrary, "warnings", property(lambda self: ["terms.yaml: [/] unexpected"]))
    app = app_factory()
    async with app.run_test(notifications=True) as pilot:
        await pilot.pause()
        app.screen.post_message(IndexFailed("cannot write [bold]index[/]"))
        await until(pilot, lambda: len(app.screen.query(Toast)) == 2)
        shown = [str(toast.render()) for toast in app.screen.query(Toast)]
    assert app._exception is None
    assert any("terms.yaml: [/] unexpected" in text for text in shown)
    assert any("cannot write [bold]index[/]" in text for text in shown)


async def test_down_after_up_gives_back_the_question_being_typed(app_factory) -> None:
    app = app_factory()
    app.history.add("burn rate")
    async with app.run_test() as pilot:
        bar = app.screen.query_one(QueryBar)
        await pilot.press(*"vendor fin")
        await pilot.press("up")
        assert bar.value == "burn rate"
        await pilot.press("down")
        assert bar.value == "vendor fin" and bar.cursor_position == len("vendor fin")


async def test_a_filter_typed_fast_that_matches_nothing_shows_no_entry(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+g")
        await until(pilot, lambda: isinstance(app.screen, GlossaryScreen))
        screen = app.screen
        await pilot.press(*"burn")
        await pilot.pause()
        field = screen.query_one("#filter", Input)
        field.value = "vendor"  # two changes before any message is handled: a late highlight of
        field.value = "vendorzzz"  # « vendor financing » must not come back after « no entry »
        await pilot.pause(0.1)
        assert screen.query_one("#terms", OptionList).option_count == 0
        assert screen.query_one(EntryView).entry is None
        assert "No entry matches" in str(screen.query_one("#entry-text").render())


async def test_language_and_theme_keys_work_on_the_help_screen(app_factory) -> None:
    app = app_factory()
    async with app.run_test() as pilot:
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("ctrl+l")
        assert app.lang == "fr"
        assert "Partout" in str(app.screen.query_one("#help-text").render())
        dark = app.current_theme.dark
        await pilot.press("ctrl+t")
        assert app.current_theme.dark is not dark
        assert isinstance(app.screen, HelpScreen)


async def test_an_unwritable_index_is_told_once_however_many_searches(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    app = make_app(lang="en", corpus_dir=FIXTURE, index_dir=blocker / "index")
    async with app.run_test() as pilot:
        await until(pilot, lambda: bool(app._notifications))
        for query in ("burn rate", "hyperscaler"):
            await pilot.press(*query, "enter")
            await pilot.pause(0.3)
        assert "Search is unavailable" in _status(app)
    assert [n.title for n in app._notifications] == ["Index unavailable"]


async def test_an_unexpected_error_in_a_search_is_a_notification(app_factory, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(self, question: str, limit: int = 10):
        raise RuntimeError("boom [/]")

    app = app_factory()
    async with app.run_test() as pilot:
        await pilot.pause()
        monkeypatch.setattr(SteadyLibrary, "ask", broken)
        await pilot.press(*"burn rate", "enter")
        await until(pilot, lambda: bool(app._notifications))
        [note] = app._notifications
        assert note.severity == "error" and "boom [/]" in note.message
        assert isinstance(app.screen, SearchScreen)


async def test_palette_on_the_glossary_selects_the_entry_in_place(app_factory) -> None:
    app = app_factory()
    async with app.run_test() as pilot:
        await pilot.press("ctrl+g")
        await until(pilot, lambda: isinstance(app.screen, GlossaryScreen))
        depth = len(app.screen_stack)
        await pilot.press("ctrl+p", *"burn rate")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, GlossaryScreen))
        await until(pilot, lambda: app.screen.query_one(EntryView).entry.term == "burn rate")
        assert len(app.screen_stack) == depth


async def test_a_context_opened_from_the_glossary_marks_the_term_and_has_no_next_hit(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+g")
        await until(pilot, lambda: isinstance(app.screen, GlossaryScreen))
        await pilot.press(*"taux", "enter", "enter", "enter")  # filter → list → links → first context
        await until(pilot, lambda: isinstance(app.screen, ReaderScreen))
        [hit] = app.screen.targets
        assert hit.highlights and all(hit.text[a:b].lower() == "burn rate" or "taux" in hit.text[a:b].lower()
                                      for a, b in hit.highlights)
        assert app.screen.check_action("step", (1,)) is False
        assert "step(1)" not in [b.binding.action for b in app.screen.active_bindings.values()]


async def test_keys_typed_in_the_results_go_to_the_search_box(app_factory) -> None:
    app = app_factory()
    async with app.run_test() as pilot:
        await search(pilot, "vendor financing")
        bar = app.screen.query_one(QueryBar)
        await pilot.press("down")
        assert app.screen.query_one("#results").has_focus
        await pilot.press("s")
        assert bar.has_focus and bar.value == "vendor financings"
        await pilot.press("down", "up")  # Up on the first hit: back to the box
        assert bar.has_focus


async def test_help_lists_the_palette_and_quit_keys(app_factory) -> None:
    app = app_factory()
    async with app.run_test() as pilot:
        await pilot.press("f1")
        text = str(app.screen.query_one("#help-text").render())
        assert "Command palette" in text and "Quit" in text


def test_a_cut_slug_does_not_end_with_a_dash(fixture_library: SteadyLibrary, tmp_path: Path) -> None:
    from tui.export import save_results

    answer = fixture_library.ask("vendor financing " + "a" * 22 + " burn rate")  # the 40th character of the slug is a dash
    path = save_results(answer, [tmp_path])
    assert path.name.startswith("lexique-vendor-financing-" + "a" * 22 + "-2")
    assert "--" not in path.name


async def test_editing_a_recalled_query_keeps_the_edit_as_the_draft(app_factory) -> None:
    app = app_factory()
    app.history.add("burn rate")
    async with app.run_test() as pilot:
        bar = app.screen.query_one(QueryBar)
        await pilot.press("up", "ctrl+u", *"my draft", "up")
        assert bar.value == "burn rate"
        await pilot.press("down")
        assert bar.value == "my draft"
