"""Segmentation: paragraphs, long ones cut at sentence ends, offsets exact."""

from __future__ import annotations

from qa.model import Article
from qa.segment import MAX_PASSAGE, segment, sentence_spans


def article(body: str) -> Article:
    return Article("a", "T", None, None, "fr", None, None, "corpus/articles/a.md", body)


def test_paragraphs_headings_and_images():
    body = "## Titre un\n\nPremier paragraphe.\n\n![](image.png)\n\nDeuxième\nsur deux lignes.\n\n### Sous-titre\n\nTroisième."
    passages = segment(article(body))
    assert [p.text for p in passages] == ["Premier paragraphe.", "Deuxième\nsur deux lignes.", "Troisième."]
    assert [p.paragraph for p in passages] == [1, 2, 3]
    assert [p.section for p in passages] == ["Titre un", "Titre un", "Sous-titre"]
    assert all(body[p.start : p.end] == p.text for p in passages)


def test_a_long_paragraph_is_split_at_sentence_ends_and_keeps_its_number():
    sentence = "Les dépenses d’investissement des hyperscalers ont encore augmenté de 40 % cette année. "
    body = "Intro.\n\n" + (sentence * 20).strip()
    passages = segment(article(body))
    long_parts = [p for p in passages if p.paragraph == 2]
    assert len(long_parts) > 1
    assert all(len(p.text) <= MAX_PASSAGE for p in long_parts)
    assert all(p.text.endswith(".") and p.text[0].isupper() for p in long_parts)
    assert " ".join(p.text for p in long_parts) == (sentence * 20).strip()
    assert [p.id for p in passages] == [f"a:{n}" for n in range(1, len(passages) + 1)]


def test_sentences_do_not_break_inside_numbers_or_before_lowercase():
    text = "Il a levé 18,3 milliards. Puis 2,5 milliards ? Oui. le reste suit."
    pieces = [text[a:b] for a, b in sentence_spans(text)]
    assert pieces == ["Il a levé 18,3 milliards.", "Puis 2,5 milliards ?", "Oui. le reste suit."]
