"""App-wide behaviour: language, theme, help, start-up errors, catalogs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from qa import Library

from tui import i18n
from tui.app import make_app, run
from tui.history import History
from tui.screens import HelpScreen
from tui.widgets import LexiqueFooter, ResultsList

from .conftest import FIXTURE, search, until


async def test_switching_language_translates_the_whole_screen(app_factory) -> None:
    app = app_factory("en")
    async with app.run_test(size=(100, 32)) as pilot:
        await search(pilot, "vendor financing")
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert app.lang == "fr" and app.screen.sub_title == "Recherche"
        assert "résultats en 4,2 ms" in str(app.screen.query_one("#status").render())
        assert "17 novembre 2025" in str(app.screen.query_one(ResultsList).get_option_at_index(1).prompt)
        footer = app.screen.query_one(LexiqueFooter)
        await until(pilot, lambda: "Glossaire" in [key.description for key in footer.children])
        await pilot.press("ctrl+l")
        assert app.lang == "en" and app.screen.sub_title == "Search"


def test_language_comes_from_the_flag_then_the_locale(monkeypatch: pytest.MonkeyPatch, fixture_library: Library) -> None:
    monkeypatch.setenv("LANG", "fr_CA.UTF-8")
    assert make_app(library=fixture_library).lang == "fr"
    assert make_app(lang="en", library=fixture_library).lang == "en"
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    assert make_app(library=fixture_library).lang == "en"


async def test_help_theme_and_quit_keys(app_factory) -> None:
    app = app_factory()
    async with app.run_test() as pilot:
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        assert "Next hit" in str(app.screen.query_one("#help-text").render())
        await pilot.press("escape")
        dark = app.current_theme.dark
        await pilot.press("ctrl+t")
        assert app.current_theme.dark is not dark


def _copy_fixture(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    shutil.copytree(FIXTURE, corpus)
    return corpus


async def test_a_broken_glossary_is_a_notification_and_articles_still_answer(tmp_path: Path) -> None:
    corpus = _copy_fixture(tmp_path)
    (corpus / "glossary" / "terms.yaml").write_text("- term: [oops\n", encoding="utf-8")
    app = make_app(lang="en", corpus_dir=corpus, index_dir=tmp_path / "index")
    async with app.run_test() as pilot:
        await pilot.pause()
        [note] = app._notifications
        assert note.severity == "error" and "corpus/glossary/terms.yaml" in note.message
        await search(pilot, "hyperscalers")
        assert app.screen.query_one(ResultsList).option_count > 0


async def test_an_unwritable_index_is_a_notification(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    app = make_app(lang="en", corpus_dir=FIXTURE, index_dir=blocker / "index")
    async with app.run_test() as pilot:
        await until(pilot, lambda: bool(app._notifications))
        [note] = app._notifications
        assert note.severity == "error" and "cannot write the index" in note.message


def test_a_corpus_that_will_not_load_is_one_line_and_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(corpus_dir=tmp_path / "missing", index_dir=tmp_path / "index") == 1
    err = capsys.readouterr().err
    assert err.startswith("lexique: error: ") and err.count("\n") == 1


def test_history_dedupes_and_caps(tmp_path: Path) -> None:
    history = History(tmp_path / "h", cap=3)
    for query in ("a b", "c", "  a   b ", "d", "e", ""):
        history.add(query)
    assert history.entries == ["a b", "d", "e"]
    assert History(tmp_path / "h", cap=3).entries == ["a b", "d", "e"]


def test_every_string_has_a_french_translation_and_catalogs_match_the_template() -> None:
    def ids(path: Path) -> dict[str, object]:
        with path.open("rb") as handle:
            return {m.id if isinstance(m.id, str) else m.id[0]: m.string for m in read_po(handle) if m.id}

    template = ids(i18n.LOCALE_DIR / "lexique.pot")
    for lang in i18n.LANGS:
        assert ids(i18n.LOCALE_DIR / lang / "LC_MESSAGES" / "lexique.po").keys() == template.keys(), lang
    untranslated = [k for k, v in ids(i18n.LOCALE_DIR / "fr" / "LC_MESSAGES" / "lexique.po").items() if not v or v == ("", "")]
    assert untranslated == []
