"""Reading an article from a result, and browsing the glossary."""

from __future__ import annotations

from textual.widgets import Input, OptionList, Static

from tui.screens import GlossaryScreen, ReaderScreen, SearchScreen
from tui.widgets import EntryView, ResultsList

from .conftest import search, until


async def test_reader_opens_at_the_hit_steps_through_hits_and_goes_back(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await search(pilot, "vendor financing")
        await pilot.press("down", "down", "down")  # results, then the passage at rank 3
        results = app.screen.query_one(ResultsList)
        chosen = results.highlighted
        hit = results.hit
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ReaderScreen))
        reader = app.screen
        current = reader.query_one(".-current")
        assert current.id == f"para-{hit.paragraph}"
        assert [h.doc_id for h in reader.targets] == ["financement"] * len(reader.targets)
        assert len(reader.targets) == 3
        await pilot.press("n")
        assert reader.query_one(".-current").id == f"para-{reader.targets[reader.current].paragraph}" != current.id
        await pilot.press("p")
        assert reader.query_one(".-current").id == current.id
        assert "Une boucle fermée" in str(reader.query_one("#reader-status").render())
        await pilot.press("escape")
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.query_one(ResultsList).highlighted == chosen


async def test_reader_scrolls_a_late_paragraph_into_view(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await search(pilot, "hyperscaler")
        await pilot.press("down")
        while app.screen.query_one(ResultsList).hit.id != "financement:4":
            await pilot.press("down")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ReaderScreen))
        await pilot.pause(0.1)
        article = app.screen.query_one("#article")
        paragraph = app.screen.query_one("#para-4")
        assert article.scroll_y > 0
        assert article.region.contains_region(paragraph.region)


async def test_glossary_filter_entry_contexts_and_related_links(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+g")
        await until(pilot, lambda: isinstance(app.screen, GlossaryScreen))
        screen = app.screen
        terms = screen.query_one("#terms", OptionList)
        assert terms.option_count == 3
        await pilot.press(*"taux")  # a French form finds the English entry
        assert [terms.get_option_at_index(i).id for i in range(terms.option_count)] == ["glossary:burn-rate"]
        entry_text = str(screen.query_one("#entry-text", Static).render())
        assert "taux de combustion (masculine) · preferred" in entry_text
        assert "burn rate (masculine) · admitted" in entry_text
        await pilot.press("enter", "enter")  # filter → list → links
        links = screen.query_one("#links", OptionList)
        assert links.has_focus and links.get_option_at_index(0).id == "ctx:bulle:2"
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ReaderScreen))
        assert app.screen.query_one(".-current").id == "para-2"
        await pilot.press("escape")
        await pilot.press("down", "enter")  # the related term « vendor financing »
        assert screen.query_one(EntryView).entry.term == "vendor financing"
        assert screen.query_one("#filter", Input).value == ""


async def test_a_glossary_hit_opens_its_entry(app_factory) -> None:
    app = app_factory()
    async with app.run_test() as pilot:
        await search(pilot, "what is a hyperscaler")
        await pilot.press("down", "enter")
        await until(pilot, lambda: isinstance(app.screen, GlossaryScreen))
        assert app.screen.query_one(EntryView).entry.term == "hyperscaler"


async def test_palette_opens_a_glossary_entry(app_factory) -> None:
    app = app_factory()
    async with app.run_test() as pilot:
        await pilot.press("ctrl+p", *"burn rate")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, GlossaryScreen))
        assert app.screen.query_one(EntryView).entry.term == "burn rate"
