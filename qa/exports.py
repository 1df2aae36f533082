"""Glossary exports for translation tools: TBX-Basic, TBX-Core, OmegaT, CSV, TSV and JSON.

TBX is written with the standard library's ``xml.etree``: translate-toolkit is GPL-3 and only
writes TBX v2 (ISO 30042:2008), while CAT tools now read TBX v3 (ISO 30042:2019), whose
TBX-Basic dialect carries everything the glossary records (definition and its source, part of
speech, gender, administrative status, term type, contexts with their citation, cross-references).
Every export is deterministic (no dates, entries in glossary order), so a diff shows real changes.
"""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from typing import Literal, get_args

from .analysis import is_acronym
from .answer import cite_passage
from .corpus import Corpus
from .errors import LexiqueError
from .kwic import occurrences
from .model import FrenchTerm, GlossaryEntry

Format = Literal["tbx", "tbx-core", "omegat", "csv", "tsv", "json"]
FORMATS: tuple[str, ...] = get_args(Format)
SCHEMA_VERSION = 1

TBX_NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_RNG = "https://raw.githubusercontent.com/LTAC-Global/TBX_Core_RNG/master/TBXcoreStructV03.rng"
_BASIC_SCH = "https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBX-Basic_DCA.sch"
_RELAXNG, _SCHEMATRON = "http://relaxng.org/ns/structure/1.0", "http://purl.oclc.org/dsdl/schematron"
STATUS_TBX = {
    "preferred": "preferredTerm-admn-sts",
    "admitted": "admittedTerm-admn-sts",
    "deprecated": "deprecatedTerm-admn-sts",
}
CSV_COLUMNS = (
    "term", "synonyms", "abbreviations", "pos", "domain", "definition", "source",
    "fr_preferred", "fr_preferred_gender", "fr_admitted", "fr_admitted_gender",
    "fr_deprecated", "fr_deprecated_gender", "fr_usage", "related", "contexts", "note",
)  # fmt: skip
OMEGAT_HEADER = "# Glossary in tab-separated format -*- coding: utf-8 -*-"  # what OmegaT writes itself
SEPARATOR = "|"  # between alternatives in one CSV cell


def concept_id(entry: GlossaryEntry) -> str:
    """An XML ID (an NCName: it may not start with a digit) for the entry's conceptEntry."""
    return f"c-{entry.slug}"


def _element(tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.Element(tag, attrs)
    element.text = text
    return element


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = _element(tag, text, **attrs)
    parent.append(element)
    return element


def _term_type(form: str, abbreviation: bool) -> str:
    if not abbreviation:
        return "fullForm"
    return "acronym" if is_acronym(form) else "abbreviation"


def _context_term(entry: GlossaryEntry, text: str) -> tuple[str, str]:
    """Which term of the entry a context passage uses, as (language, term): the French one if any."""
    for fr in sorted(entry.fr, key=lambda t: list(STATUS_TBX).index(t.status)):
        if occurrences(text, [fr.term]):
            return "fr", fr.term
    for form in entry.english_forms:
        if occurrences(text, [form]):
            return "en", form
    return "fr", entry.preferred_fr.term


def _tbx_root(dialect: str, schemas: Sequence[tuple[str, str]]) -> tuple[str, ET.Element]:
    # ElementTree cannot write processing instructions before the root, so the prolog is text.
    prolog = '<?xml version="1.0" encoding="UTF-8"?>\n' + "".join(
        f'<?xml-model href="{href}" type="application/xml" schematypens="{ns}"?>\n' for href, ns in schemas
    )
    # xmlns as a plain attribute keeps tags unprefixed without registering a namespace globally.
    root = ET.Element("tbx", {"xmlns": TBX_NS, "type": dialect, "style": "dca", XML_LANG: "en"})
    file_desc = _sub(_sub(root, "tbxHeader"), "fileDesc")
    _sub(_sub(file_desc, "titleStmt"), "title", "lexique: English–French glossary of the AI-boom economy")
    _sub(_sub(file_desc, "sourceDesc"), "p", "Exported by lexique from corpus/glossary/*.yaml")
    return prolog, root


def _serialise(prolog: str, root: ET.Element) -> str:
    ET.indent(root, space="  ")
    return prolog + ET.tostring(root, encoding="unicode") + "\n"


def _contexts(entry: GlossaryEntry, corpus: Corpus) -> dict[tuple[str, str], list[ET.Element]]:
    """The entry's context passages as TBX ``descripGrp``s, keyed by the (language, term) they use."""
    placed: dict[tuple[str, str], list[ET.Element]] = {}
    for passage_id in entry.contexts:
        passage = corpus.passage(passage_id)
        if passage is None:
            continue  # `qa glossary --check` reports it; the export still goes out
        lang, term = _context_term(entry, passage.text)
        group = _element("descripGrp")
        # the passage is French even when it borrows the English term
        _sub(group, "descrip", passage.text, type="context", **({XML_LANG: "fr"} if lang == "en" else {}))
        _sub(group, "admin", f"{cite_passage(corpus, passage)} [{passage.id}]", type="source")
        placed.setdefault((lang, term), []).append(group)
    return placed


def _term_sec(lang_sec: ET.Element, term: str, notes: Sequence[tuple[str, str]], aux: Sequence[ET.Element]) -> None:
    """A termSec in the order TBX requires: the term, its termNotes, then descripGrp / note elements."""
    sec = _sub(lang_sec, "termSec")
    _sub(sec, "term", term)
    for kind, value in notes:
        _sub(sec, "termNote", value, type=kind)
    sec.extend(aux)


def to_tbx(entries: Sequence[GlossaryEntry], corpus: Corpus | None = None) -> str:
    """TBX-Basic (TBX v3, DCA style); contexts carry their passage text only when ``corpus`` is given."""
    prolog, root = _tbx_root("TBX-Basic", [(_RNG, _RELAXNG), (_BASIC_SCH, _SCHEMATRON)])
    body = _sub(_sub(root, "text"), "body")
    ids = {e.term.casefold(): concept_id(e) for e in entries}
    for entry in entries:
        concept = _sub(body, "conceptEntry", id=concept_id(entry))
        _sub(concept, "descrip", entry.domain, type="subjectField")
        for name in entry.related:
            # an IDREF must name a concept of this file; a related entry left out of it stays a note
            if name.casefold() in ids:
                _sub(concept, "ref", name, type="crossReference", target=ids[name.casefold()])
            else:
                _sub(concept, "note", f"See also: {name}")
        if entry.note:
            _sub(concept, "note", entry.note)
        contexts = _contexts(entry, corpus) if corpus is not None else {}

        english = _sub(concept, "langSec", **{XML_LANG: "en"})
        group = _sub(english, "descripGrp")
        _sub(group, "descrip", entry.definition, type="definition")
        _sub(group, "admin", entry.source, type="source")
        for form, status, abbreviation in (
            (entry.term, "preferred", False),
            *((s, "admitted", False) for s in entry.synonyms),
            *((a, "admitted", True) for a in entry.abbreviations),
        ):
            notes = [
                ("partOfSpeech", entry.pos),
                ("termType", _term_type(form, abbreviation)),
                ("administrativeStatus", STATUS_TBX[status]),
            ]
            _term_sec(english, form, notes, contexts.get(("en", form), []))

        french = _sub(concept, "langSec", **{XML_LANG: "fr"})
        for fr in entry.fr:
            notes = [("partOfSpeech", entry.pos)]
            if fr.gender:
                notes.append(("grammaticalGender", fr.gender))
            notes.append(("administrativeStatus", STATUS_TBX[fr.status]))
            usage = [_element("note", fr.usage)] if fr.usage else []
            _term_sec(french, fr.term, notes, [*contexts.get(("fr", fr.term), []), *usage])
    return _serialise(prolog, root)


def to_tbx_core(entries: Sequence[GlossaryEntry]) -> str:
    """TBX-Core: concepts, languages and terms only (Core allows no data categories)."""
    prolog, root = _tbx_root("TBX-Core", [(_RNG, _RELAXNG)])
    body = _sub(_sub(root, "text"), "body")
    for entry in entries:
        concept = _sub(body, "conceptEntry", id=concept_id(entry))
        english = _sub(concept, "langSec", **{XML_LANG: "en"})
        for form in entry.english_forms:
            _sub(_sub(english, "termSec"), "term", form)
        french = _sub(concept, "langSec", **{XML_LANG: "fr"})
        for fr in entry.fr:
            _sub(_sub(french, "termSec"), "term", fr.term)
    return _serialise(prolog, root)


def _field(text: str) -> str:
    """One line of text: tabs and newlines would split a TSV record."""
    return " ".join(text.split())


def to_omegat(entries: Sequence[GlossaryEntry]) -> str:
    """OmegaT's glossary: source TAB target TAB comment, one line per French equivalent (save as .utf8)."""
    lines = [OMEGAT_HEADER]
    for entry in entries:
        for fr in entry.fr:
            comment = "; ".join(x for x in (fr.status.upper() if fr.status == "deprecated" else fr.status, fr.gender, fr.usage) if x)
            lines.append("\t".join(_field(x) for x in (entry.term, fr.term, comment)))
    return "\n".join(lines) + "\n"


def to_tsv(entries: Sequence[GlossaryEntry]) -> str:
    """Preferred English TAB preferred French, no header: the shape DeepL glossaries take."""
    return "".join(f"{_field(e.term)}\t{_field(e.preferred_fr.term)}\n" for e in entries)


def _joined(items: Sequence[str], column: str, entry: GlossaryEntry) -> str:
    for item in items:
        if SEPARATOR in item:
            raise LexiqueError(f"{entry.path}:{entry.line}: '{item}' contains '{SEPARATOR}', the CSV separator of '{column}'")
    return SEPARATOR.join(items)


def _french_columns(entry: GlossaryEntry) -> dict[str, str]:
    row: dict[str, str] = {}
    for status in STATUS_TBX:
        terms: list[FrenchTerm] = [t for t in entry.fr if t.status == status]
        row[f"fr_{status}"] = _joined([t.term for t in terms], f"fr_{status}", entry)
        # aligned with the terms, so a term without gender (a verb) keeps its place
        row[f"fr_{status}_gender"] = SEPARATOR.join(t.gender or "" for t in terms) if any(t.gender for t in terms) else ""
    row["fr_usage"] = _joined([f"{t.term}: {t.usage}" for t in entry.fr if t.usage], "fr_usage", entry)
    return row


def to_csv(entries: Sequence[GlossaryEntry]) -> str:
    """One concept per row with a header (RFC 4180), alternatives joined by ``|``: for memoQ / MultiTerm import."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for e in entries:
        writer.writerow(
            {
                "term": e.term,
                "synonyms": _joined(e.synonyms, "synonyms", e),
                "abbreviations": _joined(e.abbreviations, "abbreviations", e),
                "pos": e.pos,
                "domain": e.domain,
                "definition": e.definition,
                "source": e.source,
                **_french_columns(e),
                "related": _joined(e.related, "related", e),
                "contexts": SEPARATOR.join(e.contexts),
                "note": e.note or "",
            }
        )
    return out.getvalue()


def to_json(entries: Sequence[GlossaryEntry]) -> str:
    data = {"schema_version": SCHEMA_VERSION, "entries": [e.to_dict() for e in entries]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def export(entries: Sequence[GlossaryEntry], fmt: str, corpus: Corpus | None = None) -> str:
    """The entries in one of :data:`FORMATS`; TBX-Basic includes context passages when given ``corpus``.

    Raises:
        LexiqueError: for an unknown format, or a value the format cannot hold.
    """
    if fmt == "tbx":
        return to_tbx(entries, corpus)
    writers = {"tbx-core": to_tbx_core, "omegat": to_omegat, "csv": to_csv, "tsv": to_tsv, "json": to_json}
    if fmt not in writers:
        raise LexiqueError(f"unknown export format '{fmt}' (choose from {', '.join(FORMATS)})")
    return writers[fmt](entries)
