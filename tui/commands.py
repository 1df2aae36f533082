"""Provides the command palette's commands: the app's actions and one command per glossary term.

Titles are namespaced (« glossary: vendor financing », « app: … ») like posting's, so a few
letters find the right group.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.app import SystemCommand
from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content
from textual.markup import escape
from textual.screen import Screen

from .i18n import LANGUAGE_NAMES, _

if TYPE_CHECKING:
    from .app import LexiqueApp


class GlossaryCommands(Provider):
    """« glossary: <term> » opens the entry in the glossary browser."""

    def _entries(self) -> Iterator[tuple[str, str, object]]:
        app = cast("LexiqueApp", self.app)
        for entry in app.library.corpus.glossary:
            yield _("glossary: {term}").format(term=entry.term), entry.preferred_fr.term, partial(app.open_entry, entry)

    # The palette reads a string prompt or help as markup; terms are text, so they go as Content or escaped.

    async def discover(self) -> Hits:
        for title, help_text, callback in self._entries():
            yield DiscoveryHit(Content(title), callback, text=title, help=escape(help_text))  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._entries():
            if (score := matcher.match(f"{title} {help_text}")) > 0:
                yield Hit(score, _highlight(matcher, title), callback, text=title,  # type: ignore[arg-type]
                          help=escape(help_text))


def _highlight(matcher: Matcher, title: str) -> Content:
    """``Matcher.highlight`` without reading ``title`` as markup."""
    content = Content(title)
    score, offsets = matcher.fuzzy_search.match(matcher.query, title)
    if score:
        for offset in offsets:
            if not title[offset].isspace():
                content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


def app_commands(app: LexiqueApp, screen: Screen[object]) -> Iterator[SystemCommand]:
    """The app's own commands; copy and save only where the screen can do them."""
    other = "fr" if app.lang == "en" else "en"
    yield SystemCommand(
        _("app: switch language to {name}").format(name=LANGUAGE_NAMES[other]),
        _("Show the interface in another language"), app.action_switch_language)
    yield SystemCommand(_("app: toggle dark / light theme"), _("Switch between the dark and light themes"),
                        app.action_toggle_theme)
    yield SystemCommand(_("app: help"), _("Show the keys"), app.action_help)
    yield SystemCommand(_("glossary: browse"), _("Open the glossary browser"), partial(app.open_entry, None))
    if hasattr(screen, "action_copy"):
        yield SystemCommand(_("results: copy with citation"), _("Copy the selected passage and its citation"),
                            screen.action_copy)
    if hasattr(screen, "action_save"):
        yield SystemCommand(_("results: save as Markdown"), _("Write the results, with citations, to a file"),
                            screen.action_save)
