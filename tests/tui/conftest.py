"""Fixtures for the TUI tests: a frozen fixture corpus indexed once, private data dirs, helpers."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from qa import Answer, Library
from textual.pilot import Pilot
from textual.widgets import Input

from tui.app import LexiqueApp, make_app

FIXTURE = Path(__file__).resolve().parent.parent / "tui_fixtures" / "corpus"


class SteadyLibrary(Library):
    """The fixture library with a fixed search time, so the status line is the same in every snapshot."""

    def ask(self, question: str, limit: int = 10) -> Answer:
        return replace(super().ask(question, limit), elapsed_ms=4.2)


@pytest.fixture(scope="session")
def fixture_library(tmp_path_factory: pytest.TempPathFactory) -> SteadyLibrary:
    library = SteadyLibrary(FIXTURE, tmp_path_factory.mktemp("tui-index"))
    library.open()
    return library


@pytest.fixture(autouse=True)
def _user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """History and saved files go to this test's folder; the UI language is not the machine's."""
    monkeypatch.setenv("LEXIQUE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.chdir(tmp_path)
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def app_factory(fixture_library: SteadyLibrary) -> Callable[..., LexiqueApp]:
    def make(lang: str = "en") -> LexiqueApp:
        return make_app(lang=lang, library=fixture_library)

    return make


async def until(pilot: Pilot[None], condition: Callable[[], bool], timeout: float = 5.0) -> None:
    """Let the app run until ``condition`` holds (debounce timers and workers are real)."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not reached in time"
        await pilot.pause(0.02)
    await pilot.pause()


async def search(pilot: Pilot[None], text: str) -> None:
    """Type ``text`` in the search box and wait for its results to be shown."""
    await pilot.press(*text)
    results = pilot.app.screen.query_one("#results")
    await until(pilot, lambda: results.answer is not None and results.answer.query == text)  # type: ignore[attr-defined]


def freeze_cursors(app: LexiqueApp) -> None:
    """No blinking cursor in snapshots (it would race the screenshot)."""
    for widget in app.screen.query(Input):
        widget.cursor_blink = False
