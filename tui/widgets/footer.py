"""Provides the footer, showing binding descriptions in the UI language.

Bindings are declared once with English descriptions (marked with ``N_``); Textual's footer shows
``binding.description`` as is, so this footer translates each key's label as it composes. A language switch calls
``refresh_bindings``, which makes every footer compose again.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from ..i18n import N_, _


# The command palette key's label comes from Textual; marked here so the catalogs carry it.
PALETTE_LABEL = N_("palette")


class LexiqueFooter(Footer):
    """Textual's footer with translated key descriptions."""

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                widget.description = _(widget.description) if widget.description else ""
                if widget.tooltip:
                    widget.tooltip = _(str(widget.tooltip))
            yield widget
