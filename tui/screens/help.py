"""Provides the help screen: every key, per screen, built from the bindings themselves."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from ..i18n import N_, _
from ..widgets import QueryBar
from .glossary import GlossaryScreen
from .reader import ReaderScreen
from .search import SearchScreen

# Keys the bindings do not declare: the widgets' own (Textual's) and the mouse.
EXTRA = [
    ("tab / shift+tab", N_("Move between the search box, results and panes")),
    ("enter", N_("Search now / open the selected result or link")),
    ("→", N_("Accept the suggested glossary term")),
    (N_("mouse"), N_("Click to select, scroll with the wheel")),
]


class HelpScreen(ModalScreen[None]):
    """A modal list of the keys; Escape, F1 or q closes it."""

    BINDINGS = [Binding("escape,f1,q", "app.pop_screen", N_("Close"))]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(id="help-text")

    def on_mount(self) -> None:
        self.retranslate()

    def _section(self, title: str, bindings: list[Binding]) -> list[Content]:
        rows = [Content.styled(title, "bold $text-accent")]
        for binding in bindings:
            if binding.system or not binding.description:
                continue
            keys = ", ".join(self.app.get_key_display(Binding(key, binding.action)) for key in binding.key.split(","))
            rows.append(Content.assemble((f"  {keys:<16}", "bold"), _(binding.description)))
        return rows + [Content("")]

    def retranslate(self) -> None:
        sections = [
            (_("Everywhere"), [b for b in self.app.BINDINGS if isinstance(b, Binding)] + [
                # Textual's own (system) bindings, so not in the app's list
                Binding(self.app.COMMAND_PALETTE_BINDING, "command_palette", N_("Command palette")),
                Binding("ctrl+q", "quit", N_("Quit")),
            ]),
            (_("Search"), [*SearchScreen.BINDINGS, *QueryBar.BINDINGS]),
            (_("Reader"), ReaderScreen.BINDINGS),
            (_("Glossary"), GlossaryScreen.BINDINGS),
        ]
        rows = [Content.styled(_("lexique — keys"), "bold"), Content("")]
        for title, bindings in sections:
            rows += self._section(title, bindings)  # type: ignore[arg-type]
        rows.append(Content.styled(_("Other keys"), "bold $text-accent"))
        rows += [Content.assemble((f"  {_(key):<16}", "bold"), _(text)) for key, text in EXTRA]
        self.query_one("#help-text", Static).update(Content("\n").join(rows))
