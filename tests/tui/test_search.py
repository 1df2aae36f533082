"""Searching as a reader does: type, see cited results, copy, save, walk the history."""

from __future__ import annotations

from pathlib import Path

from qa import Library
from tui.export import clip_text
from tui.messages import ResultsReady
from tui.screens import SearchScreen
from tui.widgets import QueryBar, ResultsList

from .conftest import search, until


async def test_typing_shows_ranked_cited_results(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(100, 32)) as pilot:
        await search(pilot, "vendor financing")
        results = app.screen.query_one(ResultsList)
        assert results.answer is not None and results.option_count == len(results.answer.hits) >= 3
        first, second = (str(results.get_option_at_index(i).prompt) for i in (0, 1))
        assert first.startswith("1.  glossary  Glossary — vendor financing")
        assert "financement fournisseur" in first
        assert second.startswith("2.  passage  Le financement circulaire de l’IA — Claire Martin, November 17, 2025, ¶1")
        assert "results in 4.2 ms" in str(app.screen.query_one("#status").render())


async def test_typing_is_debounced_into_one_search(app_factory) -> None:
    app = app_factory()
    seen: list[ResultsReady] = []
    async with app.run_test(message_hook=lambda m: seen.append(m) if isinstance(m, ResultsReady) else None) as pilot:
        await pilot.pause(0.2)  # let start-up settle: keystrokes must come faster than the debounce
        await search(pilot, "burn rate")
        await pilot.pause(0.3)
    assert [m.query for m in seen] == ["burn rate"]


async def test_a_stale_answer_never_replaces_a_newer_query(app_factory, fixture_library: Library) -> None:
    app = app_factory()
    async with app.run_test() as pilot:
        await search(pilot, "burn rate")
        app.screen.post_message(ResultsReady("vendor", fixture_library.ask("vendor")))
        await pilot.pause(0.05)
        assert app.screen.query_one(ResultsList).answer.query == "burn rate"


async def test_copy_puts_passage_and_citation_on_the_clipboard(app_factory) -> None:
    app = app_factory()
    async with app.run_test() as pilot:
        await search(pilot, "vendor financing")
        await pilot.press("down", "down")  # from the box to the results, then to the second hit
        hit = app.screen.query_one(ResultsList).hit
        assert hit is not None and hit.rank == 2
        await pilot.press("ctrl+y")
        assert app.clipboard == clip_text(hit)
        assert app.clipboard.endswith("— Le financement circulaire de l’IA — Claire Martin, 2025-11-17, ¶1")


async def test_save_writes_markdown_with_citations(app_factory, tmp_path: Path) -> None:
    app = app_factory()
    async with app.run_test() as pilot:
        await search(pilot, "vendor financing")
        await pilot.press("ctrl+s")
        await pilot.pause()
    [saved] = (tmp_path / "data" / "exports").glob("lexique-vendor-financing-*.md")
    assert app._notifications and str(saved) in [n.message for n in app._notifications]
    assert not list(tmp_path.glob("*.md"))  # not in the current folder
    text = saved.read_text(encoding="utf-8")
    assert text.startswith("# Results for « vendor financing »")
    assert "## 2. Le financement circulaire de l’IA — Claire Martin, 2025-11-17, ¶1" in text
    assert "**vendor financing**" in text


async def test_history_is_kept_between_runs(app_factory, tmp_path: Path) -> None:
    first = app_factory()
    async with first.run_test() as pilot:
        for query in ("burn rate", "hyperscaler", "burn rate"):
            await pilot.press(*query, "enter")
            await pilot.press(*["backspace"] * len(query))
    assert (tmp_path / "data" / "history").read_text(encoding="utf-8") == "hyperscaler\nburn rate\n"
    second = app_factory()
    async with second.run_test() as pilot:
        bar = second.screen.query_one(QueryBar)
        await pilot.press("up")
        assert bar.value == "burn rate"
        await pilot.press("up")
        assert bar.value == "hyperscaler"
        await pilot.press("down", "down")
        assert bar.value == ""


async def test_short_query_asks_for_more(app_factory) -> None:
    app = app_factory()
    async with app.run_test() as pilot:
        await pilot.press("v")
        status = app.screen.query_one("#status")
        await until(pilot, lambda: "at least 2" in str(status.render()))
        assert isinstance(app.screen, SearchScreen) and app.screen.query_one(ResultsList).option_count == 0
