"""The shipped corpus: exact offsets, words kept from the seeds, honest metadata, clear errors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from qa.corpus import load_corpus
from qa.errors import CorpusError

from .conftest import SHARED, SHIPPED

SEEDS = SHARED / "seeds"


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(SHIPPED)


def test_every_passage_is_the_exact_slice_of_its_article_body(corpus):
    assert corpus.passages
    for passage in corpus.passages:
        article = corpus.article(passage.doc_id)
        file_text = (SHIPPED.parent / article.path).read_text(encoding="utf-8")
        body = file_text.split("\n---\n", 1)[1]  # the file's text after its front-matter block
        assert body[passage.start : passage.end] == passage.text, passage.id
        assert passage.text == passage.text.strip() and passage.text


def test_passage_ids_are_article_id_and_a_running_number(corpus):
    for article in corpus.articles:
        ids = [p.id for p in corpus.passages_of(article.id)]
        assert ids == [f"{article.id}:{n}" for n in range(1, len(ids) + 1)]


def test_headings_are_sections_not_passages(corpus):
    assert not any(p.text.startswith("#") for p in corpus.passages)
    pricing = [p for p in corpus.passages if p.section == "État des lieux tarifaire — début 2026"]
    assert pricing and "GPT-4o 2,50 10,00" in pricing[0].text


def _words(text: str) -> list[str]:
    text = re.sub(r"^#{1,6} ", "", text, flags=re.M)
    return text.split()


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed articles are not beside this checkout")
def test_no_word_of_a_seed_is_changed(corpus):
    for article in corpus.articles:
        seed = (SEEDS / article.seed).read_text(encoding="utf-8")
        if seed.startswith("---\n"):  # 004 carries its own front matter, now ours
            seed = seed.split("\n---\n", 1)[1]
        # the first line of a seed without front matter is its title, now in ours
        rebuilt = article.body if article.title is None or article.seed.startswith("004") else f"{article.title}\n{article.body}"
        assert _words(rebuilt) == _words(seed), article.id


def test_pdf_article_has_real_paragraphs(corpus):
    pdf = [p for p in corpus.passages if p.doc_id == "business-model"]
    # the PDF text broke every ~100 characters; repaired paragraphs run across those breaks
    assert any("Et perdu au minimum 9 milliards" in p.text for p in pdf)
    assert "décodage spéculatif" in " ".join(p.text for p in pdf)


def test_metadata_the_text_does_not_give_is_null(corpus):
    pdf = corpus.article("business-model")
    assert (pdf.title, pdf.author, pdf.date, pdf.source) == (None, None, None, None)
    huron = corpus.article("chaine-fragile")
    assert (huron.author, huron.date) == ("Benoît Huron", "2025-12-07")
    assert corpus.article("fuite-en-avant").date == "2025-11-17"
    assert corpus.article("effondrement").source == "wheresyoured.at"


def _write(root: Path, name: str, text: str) -> None:
    (root / "articles" / name).write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    ("front", "line", "message"),
    [
        ("id: x\ntitle: T\nauthor: null\ndate: null\n", 2, "missing field 'lang'"),
        ("id: x\ntitle: T\nauthor: null\ndate: null\nlang: fr\ncolour: red\n", 7, "unknown field 'colour'"),
        ("id: x\ntitle: T\nauthor: null\ndate: 17/11/2025\nlang: fr\n", 5, "field 'date'"),
        ("id: Not A Slug\ntitle: T\nauthor: null\ndate: null\nlang: fr\n", 2, "field 'id'"),
        ("id: x\ntitle: [unclosed\nauthor: null\n", 4, "not valid YAML"),
        ("id: x\ntitle: T\nauthor: null\ndate: 2025-13-45\nlang: fr\n", 5, "field 'date'"),
        ("id: x\ntitle: T\nauthor: null\ndate: null\nlang: fr\n? [a]\n: b\n", 7, "field names must be plain text"),
        ("id: x\ntitle: T\nauthor: null\ndate: null\nlang: fr\nlang: en\n", 7, "field 'lang': given twice"),
        ("id: x\ntitle: [T]\nauthor: null\ndate: null\nlang: fr\n", 3, "field 'title': expected text or null"),
    ],
)
def test_a_bad_front_matter_names_file_line_and_field(small_corpus, front, line, message):
    _write(small_corpus, "bad.md", f"---\n{front}---\nUn paragraphe.\n")
    with pytest.raises(CorpusError) as caught:
        load_corpus(small_corpus)
    assert str(caught.value).startswith(f"corpus/articles/bad.md:{line}: ")
    assert message in str(caught.value)


def test_duplicate_article_ids_are_refused(small_corpus):
    text = (small_corpus / "articles" / "effondrement.md").read_text(encoding="utf-8")
    _write(small_corpus, "zz-copy.md", text)
    with pytest.raises(CorpusError, match="duplicate id 'effondrement'"):
        load_corpus(small_corpus)


def test_a_byte_order_mark_is_ignored(small_corpus):
    path = small_corpus / "articles" / "effondrement.md"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert load_corpus(small_corpus).article("effondrement").title.startswith("L’IA générative")


def test_an_unreadable_article_is_a_corpus_error(small_corpus):
    (small_corpus / "articles" / "folder.md").mkdir()
    with pytest.raises(CorpusError, match="corpus/articles/folder.md: cannot read"):
        load_corpus(small_corpus)
