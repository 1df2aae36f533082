"""Provides the UI's translations and locale-aware formatting of numbers and dates.

The catalogs are the ``.po`` files themselves (``tui/locale/<lang>/LC_MESSAGES/lexique.po``),
read at start-up with Babel's ``read_po`` and compiled in memory. Why not ship ``.mo`` files:
a fresh clone then works with no compile step, and there is no binary that can fall out of date
with the ``.po`` a translator just edited. Reading the two small catalogs costs a few
milliseconds. ``pybabel compile`` still works for anyone who wants ``.mo`` files.

Strings are translated where they are displayed, so switching language at run time only needs
the widgets to render again (see ``Retranslatable``).
"""

from __future__ import annotations

import io
import os
from collections.abc import Mapping
from datetime import date
from functools import cache
from pathlib import Path
from typing import Literal, Protocol, runtime_checkable

from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from babel.support import NullTranslations, Translations

Lang = Literal["en", "fr"]
LANGS: tuple[Lang, ...] = ("en", "fr")
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "lexique"
LANGUAGE_NAMES: dict[Lang, str] = {"en": "English", "fr": "Français"}

_state: dict[str, Lang] = {"lang": "en"}


@runtime_checkable
class Retranslatable(Protocol):
    """A widget or screen that shows translated text and can render it again in a new language."""

    def retranslate(self) -> None: ...


@cache
def translations(lang: Lang) -> NullTranslations:
    """The catalog of ``lang``, compiled from its ``.po`` file; English is the source language."""
    po = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not po.is_file():
        return NullTranslations()
    with po.open("rb") as handle:
        catalog = read_po(handle, locale=lang, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)


def pick_language(requested: str | None, environ: Mapping[str, str] = os.environ) -> Lang:
    """``--lang`` first, then the POSIX locale variables (LC_ALL, LC_MESSAGES, LANG); English otherwise."""
    candidates = [requested] + [environ.get(name) for name in ("LC_ALL", "LC_MESSAGES", "LANG")]
    for value in candidates:
        if value and value not in ("C", "POSIX"):
            code = value.split("_")[0].split(".")[0].lower()
            return code if code in LANGS else "en"  # type: ignore[return-value]
    return "en"


def set_language(lang: Lang) -> None:
    _state["lang"] = lang


def language() -> Lang:
    return _state["lang"]


def _(message: str) -> str:
    """``message`` in the UI language."""
    return translations(language()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for ``n``, by the UI language's plural rule."""
    return translations(language()).ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark ``message`` for extraction only; it is translated with ``_`` where it is shown."""
    return message


def number(value: float, digits: int = 0) -> str:
    """``value`` formatted for the UI locale (``1,234`` / ``1 234``)."""
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(value, format=pattern, locale=language())


def long_date(iso: str | None) -> str | None:
    """An ISO date as the UI locale writes it (``November 17, 2025`` / ``17 novembre 2025``)."""
    if not iso:
        return None
    try:
        return format_date(date.fromisoformat(iso), format="long", locale=language())
    except ValueError:  # the engine validates dates; keep whatever it passed rather than crash
        return iso
