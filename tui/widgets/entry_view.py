"""Provides the view of one glossary entry: terms, definition, then its contexts and related terms as links."""

from __future__ import annotations

from qa import FrenchTerm, GlossaryEntry
from qa.corpus import Corpus
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ..i18n import _, number

STATUS_STYLE = {"preferred": "bold $text-success", "admitted": "$text-warning", "deprecated": "strike $text-error"}


def _label(value: str) -> str:
    return {
        "preferred": _("preferred"),
        "admitted": _("admitted"),
        "deprecated": _("deprecated"),
        "masculine": _("masculine"),
        "feminine": _("feminine"),
        "noun": _("noun"),
        "verb": _("verb"),
        "adjective": _("adjective"),
        "adverb": _("adverb"),
        "other": _("other"),
        "finance": _("finance"),
        "economics": _("economics"),
        "industry": _("industry"),
        "technology": _("technology"),
    }.get(value, value)


def _french(term: FrenchTerm) -> Content:
    gender = f" ({_label(term.gender)})" if term.gender else ""
    line = Content.assemble("  ", (term.term, STATUS_STYLE[term.status]), gender, " · ", (_label(term.status), "italic"))
    if term.usage:
        line = Content.assemble(line, "\n", Content.styled(f"    {term.usage}", "$text-muted"))
    return line


def entry_content(entry: GlossaryEntry) -> Content:
    """Everything about the entry but its links."""
    english = ", ".join(entry.english_forms)
    parts: list[Content] = [
        Content.styled(entry.term, "bold $text-accent"),
        Content.styled(f"{_label(entry.pos)} · {_label(entry.domain)}", "$text-muted"),
        Content(""),
        # the colon is in the message: French puts a (no-break) space before it
        Content.assemble((_("English:") + " ", "bold"), english),
        Content.styled(_("French:"), "bold"),
        *(_french(term) for term in entry.fr),
        Content(""),
        Content.styled(_("Definition:"), "bold"),
        Content(entry.definition),
    ]
    if entry.note:
        parts += [Content(""), Content.assemble((_("Note:") + " ", "bold"), entry.note)]
    parts += [Content(""), Content.assemble((_("Source:") + " ", "bold"), (entry.source, "$text-muted"))]
    return Content("\n").join(parts)


def link_options(entry: GlossaryEntry, corpus: Corpus) -> list[Option]:
    """One option per context (``ctx:<passage id>``) and per related term (``rel:<term>``)."""
    options: list[Option] = []
    for passage_id in entry.contexts:
        passage = corpus.passage(passage_id)
        if passage is None:  # a context the glossary names but the corpus lacks: nothing to open
            continue
        title = corpus.article(passage.doc_id).display_title
        options.append(Option(f"¶ {title} — ¶{number(passage.paragraph)}", id=f"ctx:{passage_id}"))
    for term in entry.related:
        options.append(Option(f"→ {term}", id=f"rel:{term}"))
    return options


class EntryView(VerticalScroll):
    """The selected entry; its links list opens contexts in the reader and related terms here."""

    def __init__(self, corpus: Corpus, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.corpus = corpus
        self.entry: GlossaryEntry | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="entry-text", markup=False)
        yield Static(id="links-title", markup=False)
        yield OptionList(id="links", markup=False)  # prompts are article titles and terms: text, not markup

    def show(self, entry: GlossaryEntry | None) -> None:
        self.entry = entry
        links = self.query_one("#links", OptionList)
        links.clear_options()
        if entry is None:
            self.query_one("#entry-text", Static).update(_("No entry matches the filter."))
            self.query_one("#links-title", Static).update("")
            links.display = False
            return
        self.query_one("#entry-text", Static).update(entry_content(entry))
        options = link_options(entry, self.corpus)
        links.add_options(options)
        links.display = bool(options)
        self.query_one("#links-title", Static).update(
            Content.styled(_("Contexts and related terms:"), "bold") if options else ""
        )
        self.scroll_home(animate=False)

    def retranslate(self) -> None:
        self.show(self.entry)
