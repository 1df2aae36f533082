"""Provides how a hit looks on screen: kind badge, localized citation, passage with marked terms.

Matched terms get a style (bold + underline) as well as a colour, so they still stand out under
NO_COLOR or on a monochrome terminal.
"""

from __future__ import annotations

from qa import Hit
from textual.content import Content

from .i18n import _, long_date, number

MARK_STYLE = "bold underline $text-warning"


def marked(text: str, spans: tuple[tuple[int, int], ...]) -> Content:
    """``text`` with each ``(start, end)`` span in the matched-term style."""
    content = Content(text)
    for start, end in spans:
        content = content.stylize(MARK_STYLE, start, end)
    return content


def badge(hit: Hit) -> Content:
    """A short coloured label for the kind of hit."""
    if hit.kind == "glossary":
        return Content.styled(" " + _("glossary") + " ", "bold $text on $secondary-muted")
    return Content.styled(" " + _("passage") + " ", "bold $text on $primary-muted")


def citation(hit: Hit) -> str:
    """The citation in the UI language: ``Title — Author, 17 novembre 2025, ¶18``."""
    if hit.kind == "glossary":
        return _("Glossary") + f" — {hit.title}"
    details = [hit.author, long_date(hit.date), f"¶{number(hit.paragraph)}"]
    return f"{hit.title} — {', '.join(d for d in details if d)}"


def result(hit: Hit) -> Content:
    """One result as the results list shows it: rank, badge, citation, then the marked passage."""
    head = Content.assemble((f"{number(hit.rank)}. ", "bold"), badge(hit), " ", (citation(hit), "bold"))
    lines = [head]
    if hit.entry is not None:
        french = ", ".join(t.term for t in hit.entry.fr)
        lines.append(Content.styled(f"{hit.entry.term} → {french}", "italic $text-secondary"))
    elif hit.section:
        lines.append(Content.styled(f"§ {hit.section}", "$text-muted"))
    lines.append(marked(hit.text, hit.highlights))
    return Content("\n").join(lines)
