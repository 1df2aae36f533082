"""Questions as readers ask them: language, definitions first, English reaching French passages."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("how much did Meta borrow", "en"),
        ("OpenAI losses", "en"),
        ("combien Meta a-t-il emprunté", "fr"),
        ("la dette des hyperscalers", "fr"),
        ("pertes d'OpenAI", "fr"),
    ],
)
def test_the_question_language_is_recognised(library, question, lang):
    assert library.ask(question).lang == lang


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("what is private credit", "private credit"),
        ("define IPO", "initial public offering"),
        ("quantization meaning", "quantization"),
        ("qu'est-ce que le capital-risque ?", "venture capital"),
        ("définition de la bulle", "bubble"),
        ("c'est quoi un hyperscaler", "hyperscaler"),
        ("neocloud", "neocloud"),
        ("what is a hyperscaler in cloud computing", "hyperscaler"),
    ],
)
def test_a_definition_question_puts_the_glossary_entry_first(library, question, term):
    hits = library.ask(question).hits
    assert hits[0].kind == "glossary" and hits[0].entry.term.lower() == term.lower()
    assert any(h.kind == "passage" for h in hits[1:])  # then the passages that use it


def test_passages_after_a_definition_use_the_term(library):
    hits = library.ask("what is venture capital").hits
    passages = [h for h in hits if h.kind == "passage"][:3]
    assert passages and all("capital-risque" in h.text.lower() or "vc" in h.text.lower() for h in passages)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("how much did Meta borrow", "Meta a emprunté"),
        ("who bought Windsurf", "Windsurf"),
        ("Nvidia share of the AI chip market", "86 % du marché des puces IA"),
        ("housing bubble", "bulle immobilière"),
    ],
)
def test_english_questions_find_french_passages(library, question, expected):
    top = [h.text for h in library.ask(question, 3).hits if h.kind == "passage"]
    assert any(expected in text for text in top), top


def test_a_typo_in_an_english_word_is_corrected(library):
    assert [h.id for h in library.ask("Nvidia revnue").hits[:3]] == [h.id for h in library.ask("Nvidia revenue").hits[:3]]


def test_an_english_word_inside_a_french_question_is_translated(library):
    hits = library.ask("quelles sont les losses d'Anthropic ?", 3).hits
    assert any("pertes" in h.text for h in hits)


def test_highlights_mark_the_french_words_an_english_question_matched(library):
    hit = next(h for h in library.ask("Meta borrowed").hits if "Meta a emprunté" in h.text)
    marked = {hit.text[a:b] for a, b in hit.highlights}
    assert {"Meta", "emprunté"} <= marked


@pytest.mark.parametrize("question", ["c'est quoi ça", "combien ça coûte", "ca"])
def test_a_two_letter_acronym_needs_its_capitals(library, question):
    first = library.ask(question).hits[:1]
    assert not any(h.entry is not None and h.entry.term == "revenue" for h in first)  # « ça » is not « CA »


def test_a_longer_acronym_is_recognised_in_lower_case(library):
    assert library.ask("ipo").hits[0].entry.term == "initial public offering"


def test_an_inverted_french_question_keeps_its_verb(library):
    hit = library.ask("OpenAI perd-il de l'argent ?").hits[0]
    assert {"OpenAI", "perd", "argent"} <= {hit.text[a:b] for a, b in hit.highlights}
