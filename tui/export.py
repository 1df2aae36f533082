"""Provides the plain texts that leave the app: a passage for the clipboard, results as Markdown.

They carry the engine's own citation (ISO dates), not the localized one shown on screen, so a
pasted quote reads the same whichever UI language copied it.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from qa import Answer, Hit
from qa.answer import mark

from .i18n import _


def clip_text(hit: Hit) -> str:
    """The passage (or glossary definition) followed by its citation."""
    if hit.entry is not None:
        french = "; ".join(f"{t.term} ({t.status})" for t in hit.entry.fr)
        return f"{hit.entry.term} → {french}\n{hit.text}\n— {hit.citation}"
    return f"« {hit.text} »\n— {hit.citation}"


def results_markdown(answer: Answer) -> str:
    """A Markdown document of every hit: citation as heading, the passage quoted, the passage id."""
    parts = ["# " + _("Results for « {query} »").format(query=answer.query), ""]
    for hit in answer.hits:
        parts += [f"## {hit.rank}. {hit.citation}", ""]
        parts += [f"> {line}" if line else ">" for line in mark(hit.text, hit.highlights, "**", "**").split("\n")]
        parts += ["", f"`{hit.id}` — {hit.path}", ""]
    return "\n".join(parts)


def save_results(answer: Answer, folders: list[Path], now: datetime | None = None) -> Path:
    """Write the results to the first writable folder of ``folders``; the file name says what and when.

    Raises:
        OSError: when no folder can be written (the last folder's error).
    """
    slug = "-".join(re.findall(r"\w+", answer.query.lower()))[:40].rstrip("-") or "results"
    name = f"lexique-{slug}-{(now or datetime.now()).strftime('%Y%m%d-%H%M%S')}.md"
    error: OSError | None = None
    for folder in folders:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / name
            path.write_text(results_markdown(answer), encoding="utf-8")
            return path
        except OSError as exc:
            error = exc
    raise error or OSError("no folder to save into")
