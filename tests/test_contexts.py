"""Cited contexts: every passage a glossary entry lists must exist and use one of its forms."""

from __future__ import annotations

import json
from pathlib import Path

from qa.contexts import uncited, unverified_contexts
from qa.corpus import load_corpus

from .conftest import FIXTURE_CORPUS, SHIPPED


def test_every_context_of_the_shipped_glossary_uses_the_term():
    corpus = load_corpus(SHIPPED)
    assert corpus.glossary_error is None
    assert len(corpus.glossary) >= 60
    assert sum(len(e.contexts) for e in corpus.glossary) >= len(corpus.glossary)
    problems = unverified_contexts(corpus)
    assert not problems, "\n".join(str(p) for p in problems)


def test_check_passes_on_the_shipped_glossary(qa):
    run = qa("--corpus-dir", str(SHIPPED), "glossary", "--check")
    assert run.code == 0, run.err
    assert run.out.endswith("glossary entries verified\n")


def test_a_context_without_the_term_or_without_a_passage_is_reported(qa, glossary_corpus: Path):
    path = glossary_corpus / "glossary" / "finance.yaml"
    text = path.read_text(encoding="utf-8")
    # cash flow cites a passage that never names it, and one that does not exist
    path.write_text(text.replace("contexts: [tresorerie:1]", "contexts: [bulle:2, bulle:99]"), encoding="utf-8")
    problems = unverified_contexts(load_corpus(glossary_corpus))
    assert [(p.entry.term, p.passage_id) for p in problems] == [("cash flow", "bulle:2"), ("cash flow", "bulle:99")]
    run = qa("--corpus-dir", str(glossary_corpus), "glossary", "--check")
    assert run.code == 1 and run.out == ""
    assert run.err.splitlines() == [
        "qa: error: corpus/glossary/finance.yaml:36: field 'contexts': passage 'bulle:2' uses no form of 'cash flow'",
        "qa: error: corpus/glossary/finance.yaml:36: field 'contexts': 'bulle:99' names no passage",
    ]
    data = json.loads(qa("--corpus-dir", str(glossary_corpus), "glossary", "--check", "--json").out)
    assert data["checked"] == 7 and [p["passage_id"] for p in data["problems"]] == ["bulle:2", "bulle:99"]


def test_check_passes_on_the_fixture(qa):
    run = qa("--corpus-dir", str(FIXTURE_CORPUS), "glossary", "--check")
    assert (run.code, run.out, run.err) == (0, "6 contexts of 5 glossary entries verified\n", "")


def test_uncited_lists_passages_that_use_a_term_but_are_not_its_contexts(qa):
    corpus = load_corpus(FIXTURE_CORPUS)
    found = uncited(corpus)
    assert [(u.entry.term, u.passage.id) for u in found] == [("burn", "tresorerie:1")]
    assert [found[0].passage.text[a:b] for a, b in found[0].spans] == ["burn"]
    assert uncited(corpus, corpus.entry("glossary:cash-flow")) == []
    run = qa("--corpus-dir", str(FIXTURE_CORPUS), "glossary", "--uncited")
    assert run.code == 0 and run.out.startswith("burn\ttresorerie:1\t…")
    data = json.loads(qa("--corpus-dir", str(FIXTURE_CORPUS), "glossary", "--uncited", "--json", "brûler").out)
    assert data == {"uncited": [{"term": "burn", "passage_id": "tresorerie:1", "spans": [[58, 62]]}]}
