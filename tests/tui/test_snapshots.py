"""Snapshots of the main screens at 80×24 and 120×40, in English and French (fixture corpus).

Regenerate only after looking at the report: pytest tests/tui/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

import pytest

from tui.screens import GlossaryScreen, ReaderScreen

from .conftest import freeze_cursors, search, until

SMALL, LARGE = (80, 24), (120, 40)


async def _results(pilot) -> None:
    freeze_cursors(pilot.app)
    await search(pilot, "vendor financing")


async def _reader(pilot) -> None:
    await _results(pilot)
    await pilot.press("down", "down", "enter")
    await until(pilot, lambda: isinstance(pilot.app.screen, ReaderScreen))
    await pilot.pause(0.1)


async def _glossary(pilot) -> None:
    await pilot.press("ctrl+g")
    await until(pilot, lambda: isinstance(pilot.app.screen, GlossaryScreen))
    freeze_cursors(pilot.app)
    await pilot.press(*"vendor")
    await pilot.pause()


async def _help(pilot) -> None:
    freeze_cursors(pilot.app)
    await pilot.press("f1")
    await pilot.pause()


async def _light(pilot) -> None:
    await _results(pilot)
    await pilot.press("ctrl+t")
    await pilot.pause()


async def _start(pilot) -> None:
    freeze_cursors(pilot.app)
    await pilot.pause()


@pytest.mark.parametrize(
    ("lang", "size", "steps"),
    [
        ("en", SMALL, _start),
        ("en", SMALL, _results),
        ("fr", SMALL, _results),
        ("en", LARGE, _results),
        ("fr", LARGE, _results),
        ("en", SMALL, _reader),
        ("fr", LARGE, _reader),
        ("en", LARGE, _glossary),
        ("fr", SMALL, _glossary),
        ("fr", SMALL, _help),
        ("en", LARGE, _light),
    ],
    ids=["start-en-80", "results-en-80", "results-fr-80", "results-en-120", "results-fr-120", "reader-en-80",
         "reader-fr-120", "glossary-en-120", "glossary-fr-80", "help-fr-80",
         "results-light-en-120"],
)
def test_screen(snap_compare, app_factory, lang: str, size: tuple[int, int], steps) -> None:
    assert snap_compare(app_factory(lang), terminal_size=size, run_before=steps)
