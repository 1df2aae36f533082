"""Concordance: folded matching that returns the passage's own text, sorting, filtering and counts."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qa.analysis import fold, fold_map
from qa.corpus import load_corpus
from qa.kwic import counts, kwic, occurrences, sort_lines

from .conftest import FIXTURE_CORPUS, SHIPPED

FIX = ("--corpus-dir", str(FIXTURE_CORPUS))


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(FIXTURE_CORPUS)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_fold_map_folds_like_fold_and_maps_back_into_the_text(text: str):
    folded, origin = fold_map(text)
    assert folded.strip() == fold(text)
    assert len(origin) == len(folded)
    assert list(origin) == sorted(origin) and all(0 <= i < len(text) for i in origin)


@settings(max_examples=300, deadline=None)
@given(st.text(), st.lists(st.text(max_size=12), max_size=4))
def test_occurrences_never_raise_and_return_disjoint_slices(text: str, forms: list[str]):
    spans = occurrences(text, forms)
    assert all(0 <= a < b <= len(text) for a, b in spans)
    assert all(b1 <= a2 for (_, b1), (a2, _) in zip(spans, spans[1:]))


@pytest.mark.parametrize(
    ("text", "forms", "found"),
    [
        ("Les Financements Fournisseurs se multiplient.", ["financement fournisseur"], ["Financements Fournisseurs"]),
        ("L’introduction en Bourse de CoreWeave", ["introduction en bourse"], ["introduction en Bourse"]),
        ("Les levées de fonds se succèdent", ["levée de fonds"], ["levées de fonds"]),
        ("des bureaux et des bulles", ["bureau", "bulle"], ["bureaux", "bulles"]),
        ("Ça ressemble au CA des startups", ["CA"], ["CA"]),  # an acronym keeps its case: not « Ça »
        ("les acquihires et les acqui-hires", ["acqui-hire"], ["acquihires", "acqui-hires"]),
        ("en AI capex comme en capex", ["capex", "AI capex"], ["AI capex", "capex"]),  # longest form wins
        ("le burned et le reburn", ["burn"], []),  # whole words only
        ("flux de\ntrésorerie", ["flux de trésorerie"], ["flux de\ntrésorerie"]),
    ],
)
def test_occurrences_match_folded_and_return_the_original_text(text: str, forms: list[str], found: list[str]):
    assert [text[a:b] for a, b in occurrences(text, forms)] == found


def test_kwic_lines_slice_the_passage_exactly(corpus):
    entry = corpus.entry("glossary:initial-public-offering")
    lines = kwic(corpus, entry, width=12)
    assert [(line.passage_id, line.match) for line in lines] == [
        ("bulle:2", "IPO"), ("bulle:2", "introduction en bourse"), ("tresorerie:2", "introduction en Bourse"),
    ]  # fmt: skip
    for line in lines:
        text = corpus.passage(line.passage_id).text
        assert text[line.start : line.end] == line.match
        assert line.left == text[max(0, line.start - 12) : line.start] and len(line.right) <= 12
    assert lines[2].citation == "Flux et reflux — ¶2"
    assert counts(lines) == {"bulle": 2, "tresorerie": 1}
    assert [line.passage_id for line in kwic(corpus, entry, article="tresorerie")] == ["tresorerie:2"]


def test_sorting_by_left_reads_the_left_context_backwards(corpus):
    lines = kwic(corpus, ["bulle"], width=20)
    assert [line.match for line in lines] == ["bulles", "bulle"]
    by_left = sort_lines(lines, "left")  # « … la bulle » before « … aux bulles »
    assert [line.left.split()[-1] for line in by_left] == ["aux", "la"]
    assert [line.right.split()[0] for line in sort_lines(lines, "right")] == ["d'avant", "internet"]
    assert sort_lines(lines, "doc") == lines


def test_kwic_command_aligns_the_matches(qa):
    run = qa(*FIX, "kwic", "--width", "20", "introduction en bourse")
    assert run.code == 0 and run.err == ""
    body, totals = run.out.split("\n\n")
    rows = body.splitlines()
    assert len(rows) == 3 and {row.index(" IPO") if "IPO" in row else row.index(" introduction") for row in rows} == {20}
    assert rows[0].endswith("bulle:2") and rows[2].endswith("tresorerie:2")
    assert totals.splitlines()[-1] == "   3  occurrences of 'initial public offering' and its French forms"


def test_kwic_json(qa):
    data = json.loads(qa(*FIX, "kwic", "--json", "--sort", "right", "bulle").out)
    assert data["entry"] is None and data["forms"] == ["bulle"]
    assert [line["match"] for line in data["lines"]] == ["bulles", "bulle"]
    assert data["counts"] == {"bulle": 2}
    assert set(data["lines"][0]) == {"passage_id", "doc_id", "start", "end", "left", "match", "right", "citation"}


def test_kwic_errors_are_one_line(qa):
    run = qa(*FIX, "kwic", "--article", "nope", "bulle")
    assert run.code == 1 and run.err == "qa: error: no article 'nope' (ids: bulle, tresorerie)\n"
    assert qa(*FIX, "kwic", " ").code == 2
    none = qa(*FIX, "kwic", "zzz")
    assert (none.code, none.out, none.err) == (0, "", "no occurrence of 'zzz'\n")


@pytest.mark.parametrize("subject", ['"', "(", "[a-", "*", "«»", "🙂", "\\", "l'", "a" * 300])
def test_any_term_never_crashes(qa, subject: str):
    run = qa(*FIX, "kwic", "--", subject)
    assert run.code == 0 and "Traceback" not in run.err


def test_shipped_kwic_finds_french_forms_of_an_english_term(qa):
    data = json.loads(qa("--corpus-dir", str(SHIPPED), "kwic", "--json", "vendor financing").out)
    assert data["entry"] == "vendor financing"
    assert data["lines"] and all(fold(line["match"]).rstrip("s") in {fold(f) for f in data["forms"]} for line in data["lines"])
