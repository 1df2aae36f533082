"""The qa command as scripts use it: the JSON contract, batch order, exit codes, one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import ROOT

RESULT_TYPES = {
    "rank": int, "kind": str, "id": str, "doc_id": str, "path": str, "title": str, "author": (str, type(None)),
    "date": (str, type(None)), "section": (str, type(None)), "paragraph": int, "start": int, "end": int,
    "text": str, "highlights": list, "score": float, "citation": str,
}


def test_ask_json_follows_the_contract(qa):
    run = qa("ask", "--json", "--limit", "5", "dette des hyperscalers")
    assert run.code == 0 and run.err == ""
    data = json.loads(run.out)
    assert set(data) == {"query", "lang", "results", "elapsed_ms"}
    assert data["query"] == "dette des hyperscalers" and data["lang"] == "fr"
    assert isinstance(data["elapsed_ms"], float)
    assert 0 < len(data["results"]) <= 5
    for n, result in enumerate(data["results"], 1):
        assert set(RESULT_TYPES) <= set(result)
        for key, kind in RESULT_TYPES.items():
            assert isinstance(result[key], kind), key
        assert result["rank"] == n
        if result["kind"] == "passage":
            body = (ROOT / result["path"]).read_text(encoding="utf-8").split("\n---\n", 1)[1]
            assert body[result["start"] : result["end"]] == result["text"]
            assert f"¶{result['paragraph']}" in result["citation"]
        for start, end in result["highlights"]:
            assert 0 <= start < end <= len(result["text"])


def test_batch_answers_each_line_in_order(qa):
    questions = ["dette", "", "OpenAI pertes", "((\"unbalanced", "Nvidia"]
    run = qa("ask", "--batch", "--limit", "3", stdin="\n".join(questions) + "\n")
    assert run.code == 0
    lines = [json.loads(line) for line in run.out.splitlines()]
    assert [line["query"] for line in lines] == questions
    assert lines[1]["results"] == []


def test_human_output_cites_each_result(qa):
    run = qa("ask", "-n", "2", "vendor", "financing")
    assert run.code == 0
    assert run.out.startswith("1. ") and " — " in run.out and "¶" in run.out


def test_an_unmatched_query_is_an_empty_answer_not_an_error(qa):
    run = qa("ask", "--json", "xyzzyplugh")
    assert run.code == 0 and json.loads(run.out)["results"] == []


def test_show_prints_the_passage_with_its_neighbours(qa):
    run = qa("show", "effondrement:3")
    assert run.code == 0
    assert "▶ ¶3" in run.out and "¶2" in run.out and "¶4" in run.out


def test_index_reports_counts(qa, tmp_path):
    run = qa("--index-dir", str(tmp_path), "index", "--rebuild")
    assert run.code == 0 and "passages" in run.out and "built" in run.out


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["show", "nope:1"], "no passage 'nope:1'"),
        (["--corpus-dir", "/nonexistent/corpus", "ask", "x"], "no articles folder"),
    ],
)
def test_errors_are_one_line_on_stderr_with_exit_1(qa, argv, needle):
    run = qa(*argv)
    assert run.code == 1 and run.out == ""
    assert run.err.count("\n") == 1 and run.err.startswith("qa: error: ") and needle in run.err


def test_a_broken_article_names_file_and_line(qa, small_corpus):
    (small_corpus / "articles" / "bad.md").write_text("---\nid: bad\ntitle: x\n---\ntexte\n", encoding="utf-8")
    run = qa("--corpus-dir", str(small_corpus), "ask", "dette")
    assert run.code == 1
    assert run.err.strip() == "qa: error: corpus/articles/bad.md:2: missing field 'author'"


def test_an_unwritable_index_dir_is_a_clear_error(qa, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    run = qa("--index-dir", str(blocker / "index"), "ask", "dette")
    assert run.code == 1 and run.err.startswith("qa: error: ") and "cannot write the index" in run.err


def test_usage_errors_exit_2(qa):
    assert qa("ask", "--limit", "many", "x").code == 2


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40) | st.sampled_from(
    ['"', "(", ")", "[", "]", "{", "}", "*", "?", "~2", "^0", "title:x", "a AND", "OR", "NOT", "\\", "'", "«", "»", "a~9", "*ia*"]
))
def test_any_query_returns_an_answer(library, question):
    answer = library.ask(question, 5)
    assert answer.query == question and len(answer.hits) <= 5


def test_qa_loads_without_textual():
    code = "import sys, qa, qa.cli; print('textual' in sys.modules or 'rich' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "False"


def test_console_script_runs_end_to_end(tmp_path):
    env = dict(os.environ, LEXIQUE_INDEX_DIR=str(tmp_path))
    out = subprocess.run(
        [sys.executable, "-m", "qa.cli", "ask", "--json", "-n", "1", "combien Meta a-t-il emprunté"],
        capture_output=True, text=True, cwd=ROOT, env=env, check=False,
    )
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["results"][0]["kind"] in {"passage", "glossary"}


def test_every_command_has_help_and_is_in_the_readme(qa):
    from qa.cli import build_parser

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = build_parser()._subparsers._group_actions[0].choices
    for name in commands:
        run = qa(name, "--help")
        assert run.code == 0 and "usage: qa " + name in run.out
        assert f"qa {name}" in readme, f"'qa {name}' is not documented in README.md"


NASTY = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=30) | st.sampled_from(
    ["--", "- -", "'", "«»", "(", "*", "a~2", "CA", "ça", "l'", "\u202f", "e.g.", "$", "%"]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])  # `qa` holds no state
@given(NASTY)
def test_any_term_gives_kwic_and_glossary_an_answer_or_a_one_line_error(qa, term):
    for command in ("kwic", "glossary"):
        run = qa(command, "--", term)
        assert run.code in (0, 1, 2)
        assert run.code == 0 or run.err.count("\n") == 1, run.err


@pytest.mark.parametrize(
    "argv",
    [
        ["ask", "-n", "-3", "dette"],
        ["show", "effondrement:3", "-C", "-2"],
        ["ask", "--batch", "dette"],
        ["glossary", "capex", "--list"],
        ["kwic", "--width", "-1", "capex"],
    ],
)
def test_contradictory_or_negative_arguments_are_usage_errors(qa, argv):
    run = qa(*argv)
    assert run.code == 2 and run.out == "" and "error" in run.err


def test_batch_ignores_windows_line_ends(qa):
    lines = [json.loads(line) for line in qa("ask", "--batch", "-n", "1", stdin="dette\r\nbulle\r\n").out.splitlines()]
    assert [line["query"] for line in lines] == ["dette", "bulle"]


def test_a_broken_glossary_still_lets_glossary_and_kwic_answer(qa, small_corpus, tmp_path):
    import shutil

    from .conftest import SHIPPED

    shutil.copytree(SHIPPED / "glossary", small_corpus / "glossary")
    index = str(tmp_path / "index")
    assert qa("--corpus-dir", str(small_corpus), "--index-dir", index, "glossary", "capex").code == 0
    finance = small_corpus / "glossary" / "finance.yaml"
    finance.write_text(finance.read_text(encoding="utf-8").replace("status: preferred", "status: best", 1), encoding="utf-8")
    for argv in (["glossary", "capex"], ["kwic", "capex"], ["ask", "what is capex"]):
        run = qa("--corpus-dir", str(small_corpus), "--index-dir", index, *argv)
        assert run.code == 0 and run.out
        assert run.err.startswith("qa: warning: corpus/glossary/finance.yaml:") and "last version of that file that loaded" in run.err
    check = qa("--corpus-dir", str(small_corpus), "--index-dir", index, "glossary", "--check")
    assert check.code == 1 and "status" in check.err


def test_a_broken_glossary_file_never_loaded_before_leaves_the_other_files_working(qa, small_corpus, tmp_path):
    import shutil

    from .conftest import SHIPPED

    shutil.copytree(SHIPPED / "glossary", small_corpus / "glossary")
    (small_corpus / "glossary" / "finance.yaml").write_text("- term: [broken\n", encoding="utf-8")
    run = qa("--corpus-dir", str(small_corpus), "--index-dir", str(tmp_path / "fresh"), "ask", "--json", "what is a hyperscaler")
    assert run.code == 0 and "finance.yaml:" in run.err
    assert json.loads(run.out)["results"][0]["term"] == "hyperscaler"  # industry.yaml still answers
