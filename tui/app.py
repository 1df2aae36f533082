"""Provides the lexique app, its factory (``make_app``, shared by the CLI and the tests) and ``main``.

The app only routes screens and holds app-wide state (language, theme, history); the screens do
the work.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path

from qa import GlossaryEntry, Library, LexiqueError
from qa.paths import data_dir
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.screen import Screen

from .commands import GlossaryCommands, app_commands
from .history import History
from .i18n import LANGUAGE_NAMES, LANGS, N_, Lang, Retranslatable, _, pick_language, set_language
from .screens import GlossaryScreen, HelpScreen, SearchScreen


class LexiqueApp(App[None]):
    """Cited passages on the AI-boom economy, in English or French."""

    CSS_PATH = "app.tcss"
    TITLE = "lexique"
    COMMANDS = App.COMMANDS | {GlossaryCommands}
    BINDINGS = [
        Binding("f1,question_mark", "help", N_("Help"), id="help", tooltip=N_("Show the keys")),
        # priority: they work on every screen, the modal help and the palette included
        Binding("ctrl+l", "switch_language", N_("Language"), id="language", tooltip=N_("English / Français"),
                priority=True),
        Binding("ctrl+t", "toggle_theme", N_("Theme"), id="theme", show=False, priority=True),
    ]

    def __init__(self, library: Library, lang: Lang, history: History) -> None:
        super().__init__()
        self.library = library
        self.lang: Lang = lang
        self.history = history

    def on_mount(self) -> None:
        self.push_screen(SearchScreen(self.library, self.history))
        for warning in self.library.warnings:  # e.g. a broken glossary file: the app goes on without it
            self.notify(warning, title=_("Corpus problem"), severity="error", timeout=15, markup=False)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield from app_commands(self, screen)

    def open_entry(self, entry: GlossaryEntry | None) -> None:
        """Show the glossary browser, on ``entry`` if given; an open browser selects it rather than stack another."""
        if isinstance(self.screen, GlossaryScreen):
            if entry is not None:
                self.screen.select(entry)
                self.screen.query_one("#terms").focus()
            return
        self.push_screen(GlossaryScreen(self.library, entry))

    def action_command_palette(self) -> None:
        """Textual's palette, with its placeholder in the UI language."""
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(id="--command-palette", placeholder=_("Search for commands…")))

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.current_theme.dark else "textual-dark"

    def action_switch_language(self) -> None:
        self.set_language("fr" if self.lang == "en" else "en")
        self.notify(LANGUAGE_NAMES[self.lang], title=_("Language"), markup=False)

    def set_language(self, lang: Lang) -> None:
        """Switch the UI language and render every screen's text again."""
        self.lang = lang
        set_language(lang)
        for screen in self.screen_stack:
            for node in [screen, *screen.query("*")]:
                if isinstance(node, Retranslatable):
                    node.retranslate()
        self.refresh_bindings()


def make_app(
    lang: str | None = None, corpus_dir: Path | None = None, index_dir: Path | None = None, library: Library | None = None
) -> LexiqueApp:
    """The app on a corpus; ``library`` (already loaded) wins over ``corpus_dir``/``index_dir``.

    Raises:
        LexiqueError: when the articles cannot be loaded (a bad glossary is only a warning, shown at start).
    """
    library = library or Library(corpus_dir, index_dir)
    chosen = pick_language(lang)
    set_language(chosen)
    return LexiqueApp(library, chosen, History(data_dir() / "history"))


def run(lang: str | None = None, corpus_dir: Path | None = None, index_dir: Path | None = None) -> int:
    """Run the UI until the user quits; a corpus that will not load is one line on stderr and 1."""
    try:
        app = make_app(lang, corpus_dir, index_dir)
    except LexiqueError as exc:
        print(f"lexique: error: {exc}", file=sys.stderr)
        return 1
    app.run()
    return app.return_code or 0


def main(argv: list[str] | None = None) -> int:
    """The ``lexique`` console script."""
    parser = argparse.ArgumentParser(prog="lexique", description="The terminal UI of lexique.")
    parser.add_argument("--lang", choices=LANGS, default=None, help="UI language (default: from LANG, else English)")
    parser.add_argument("--corpus-dir", type=Path, default=None, help="corpus folder (default: the shipped corpus)")
    parser.add_argument("--index-dir", type=Path, default=None, help="index folder (default: user cache)")
    args = parser.parse_args(argv)
    return run(args.lang, args.corpus_dir, args.index_dir)


if __name__ == "__main__":
    sys.exit(main())
