"""`qa glossary`: the loader's one-line errors, lookups in English and French, list and export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import FIXTURE_CORPUS, SHIPPED

FIX = ("--corpus-dir", str(FIXTURE_CORPUS))
ENTRY = """\
- term: {term}
  pos: noun
  domain: finance
  definition: A definition.
  source: a source
  fr:
    - term: terme
      gender: masculine
      status: preferred
"""


def _broken(root: Path, text: str) -> None:
    (root / "glossary" / "zz-bad.yaml").write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "where", "what"),
    [
        ("- term: x\n  pos: [noun\n", "zz-bad.yaml:3:", "not valid YAML"),
        (ENTRY.format(term="spread") + "  colour: red\n", "zz-bad.yaml:10:", "field 'colour': unknown field"),
        (ENTRY.format(term="Vendor Financing"), "zz-bad.yaml:1:", "field 'term': duplicate term 'Vendor Financing'"),
        (ENTRY.format(term="spread") + "  related: [nonesuch]\n", "zz-bad.yaml:1:", "field 'related': 'nonesuch' names no glossary entry"),
        (ENTRY.format(term="spread").replace("preferred", "admitted"), "zz-bad.yaml:7:", "field 'fr': exactly one equivalent must have status 'preferred'"),
        (ENTRY.format(term="spread").replace("  source: a source\n", ""), "zz-bad.yaml:1:", "field 'source': missing"),
        (ENTRY.format(term="spread").replace("      gender: masculine\n", ""), "zz-bad.yaml:7:", "field 'fr.gender': required for a noun"),
        (ENTRY.format(term="spread").replace("status: preferred", "status: best"), "zz-bad.yaml:9:", "field 'fr.status': 'best' is not one of"),
        (ENTRY.format(term="spread").replace("pos: noun", "pos: thing"), "zz-bad.yaml:2:", "field 'pos': 'thing' is not one of"),
        (ENTRY.format(term="spread") + "  ? [a]\n  : b\n", "zz-bad.yaml:10:", "field names must be plain text"),
        (ENTRY.format(term="spread") + "  pos: verb\n", "zz-bad.yaml:10:", "field 'pos': given twice"),
    ],
    ids=["malformed", "unknown-field", "duplicate", "dangling-related", "no-preferred", "missing-field", "no-gender", "bad-status", "bad-pos",
         "list-key", "twice"],
)
def test_a_bad_glossary_file_is_one_line_naming_file_line_and_field(qa, glossary_corpus: Path, text: str, where: str, what: str):
    _broken(glossary_corpus, text)
    run = qa("--corpus-dir", str(glossary_corpus), "glossary", "--list")
    assert run.code == 1 and run.out == ""
    assert run.err.count("\n") == 1 and "Traceback" not in run.err
    assert run.err.startswith(f"qa: error: corpus/glossary/{where}")
    assert what in run.err


@pytest.mark.parametrize(
    ("subject", "term"),
    [
        ("vendor financing", "vendor financing"),
        ("VENDOR FINANCING", "vendor financing"),
        ("supplier financing", "vendor financing"),  # synonym
        ("crédit fournisseur", "vendor financing"),  # French, even a deprecated one
        ("credit fournisseur", "vendor financing"),  # accents folded
        ("vendor finacing", "vendor financing"),  # typo
        ("IPO", "initial public offering"),  # abbreviation
        ("l’introduction en bourse", "initial public offering"),  # article and curly apostrophe
        ("bulle internt", "dot-com bubble"),
    ],
)
def test_lookup_finds_the_entry_by_any_form(qa, subject: str, term: str):
    run = qa(*FIX, "glossary", "--json", subject)
    assert run.code == 0, run.err
    data = json.loads(run.out)
    assert data["results"][0]["kind"] == "glossary" and data["results"][0]["term"] == term


def test_lookup_json_has_the_shape_of_ask(qa):
    data = json.loads(qa(*FIX, "glossary", "--json", "crédit fournisseur").out)
    assert set(data) == {"query", "lang", "results", "elapsed_ms"}
    assert data["query"] == "crédit fournisseur" and data["lang"] == "fr"
    head, *contexts = data["results"]
    assert head["synonyms"] == ["supplier financing"] and head["abbreviations"] == []
    assert {"term": "crédit fournisseur", "gender": "masculine", "status": "deprecated", "usage": "False friend; means trade credit."} in head["fr"]
    assert [c["id"] for c in contexts] == ["bulle:1", "tresorerie:2"]
    assert [c["rank"] for c in data["results"]] == [1, 2, 3]
    for c in contexts:
        assert c["kind"] == "passage" and c["citation"]
        assert [c["text"][a:b] for a, b in c["highlights"]] in (["vendor financing", "financement fournisseur"], ["Financements Fournisseurs"])
    assert json.loads(qa(*FIX, "glossary", "--json", "going public").out)["lang"] == "en"


def test_lookup_prints_the_entry_then_its_cited_contexts(qa):
    run = qa(*FIX, "glossary", "IPO")
    assert run.code == 0 and run.err == ""
    lines = run.out.splitlines()
    assert lines[0] == "initial public offering  (noun · finance)"
    assert "   abbreviations: IPO" in lines and "   fr: introduction en bourse (feminine, preferred)" in lines
    assert "contexts (2)" in lines
    assert any(line.startswith("1. La bulle et ses fournisseurs — Jeanne Test, 2025-11-17, ¶2") for line in lines)


def test_unknown_term_is_one_line_with_suggestions_and_exit_1(qa):
    run = qa(*FIX, "glossary", "cash flight")
    assert (run.code, run.out) == (1, "")
    assert run.err == "qa: error: no glossary entry for 'cash flight' (did you mean 'cash flow'?)\n"
    assert qa(*FIX, "glossary", "xyzzy").err == "qa: error: no glossary entry for 'xyzzy'\n"


def test_no_term_and_no_action_is_a_usage_error(qa):
    run = qa(*FIX, "glossary")
    assert run.code == 2 and run.err.startswith("qa glossary: error:")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=30))
def test_any_term_gives_an_answer_or_one_line_never_a_traceback(qa, subject: str):
    run = qa(*FIX, "glossary", "--", subject)
    assert run.code in (0, 1, 2)
    if run.code:
        assert run.err.count("\n") == 1 and "Traceback" not in run.err


@pytest.mark.parametrize("subject", ['"', "(", "AND", "*", "«»", "🙂", "l'", "-", "--", "- -", "\t", "c" * 500])
def test_nasty_terms_never_crash(qa, subject: str):
    run = qa(*FIX, "glossary", "--", subject)
    assert run.code in (1, 2) and "Traceback" not in run.err


def test_list_and_domain_filter(qa):
    run = qa(*FIX, "glossary", "--list")
    assert run.code == 0
    assert [line.split("  ")[0].strip() for line in run.out.splitlines()] == [
        "vendor financing", "initial public offering", "cash flow", "dot-com bubble", "burn",
    ]  # fmt: skip
    data = json.loads(qa(*FIX, "glossary", "--list", "--domain", "Finance", "--json").out)
    assert data["count"] == 3 and {e["term"] for e in data["entries"]} == {"vendor financing", "initial public offering", "burn"}
    bad = qa(*FIX, "glossary", "--list", "--domain", "cooking")
    assert bad.code == 1 and bad.err == "qa: error: no glossary entry in domain 'cooking' (domains: accounting, economy, finance)\n"


def test_export_to_a_file_is_atomic_and_to_stdout_without_o(qa, tmp_path: Path):
    target = tmp_path / "out.tsv"
    run = qa(*FIX, "glossary", "--export", "tsv", "-o", str(target))
    assert run.code == 0 and run.out == "" and "wrote 5 entries as tsv" in run.err
    assert target.read_text(encoding="utf-8") == qa(*FIX, "glossary", "--export", "tsv").out
    assert [p.name for p in tmp_path.iterdir()] == ["out.tsv"]  # no temporary file left behind


def test_export_to_an_unwritable_place_is_one_line(qa, tmp_path: Path):
    run = qa(*FIX, "glossary", "--export", "csv", "-o", str(tmp_path / "missing" / "g.csv"))
    assert run.code == 1 and run.err.startswith("qa: error: cannot write ") and run.err.count("\n") == 1


def test_unknown_export_format_is_a_usage_error(qa):
    assert qa(*FIX, "glossary", "--export", "docx").code == 2


# The shipped glossary (corpus/glossary/*.yaml)


@pytest.mark.parametrize(
    ("subject", "term"),
    [("crédit fournisseur", "vendor financing"), ("vendor finacing", "vendor financing"), ("IPO", "initial public offering")],
)
def test_shipped_lookups(qa, subject: str, term: str):
    run = qa("--corpus-dir", str(SHIPPED), "glossary", "--json", subject)
    assert run.code == 0, run.err
    assert json.loads(run.out)["results"][0]["term"] == term


def test_shipped_glossary_lists_at_least_sixty_entries(qa):
    data = json.loads(qa("--corpus-dir", str(SHIPPED), "glossary", "--list", "--json").out)
    assert data["count"] >= 60
