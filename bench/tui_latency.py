"""Print the TUI's time to first paint and keystroke-to-results latency on the shipped corpus.

Informational figures, no assertion. The index is built (or found) before timing, so first paint
measures the app, not the build. Latency is measured from the last keystroke to the results being
applied, minus the debounce the UI waits on purpose.

    LEXIQUE_INDEX_DIR=/tmp/lx-bench python bench/tui_latency.py
"""

from __future__ import annotations

import asyncio
import os
import statistics
import tempfile
import time

from qa import Library

from tui.app import make_app
from tui.messages import ResultsReady
from tui.screens.search import DEBOUNCE
from tui.widgets import ResultsList

QUERIES = ["vendor financing", "bulle internet", "what is a hyperscaler", "taux d'intérêt", "Nvidia OpenAI"]


async def first_paint(library: Library) -> float:
    app = make_app(lang="en", library=library)
    started = time.perf_counter()
    async with app.run_test(size=(120, 40)) as pilot:
        while not app.screen.query(ResultsList):
            await pilot.pause(0.001)
        return (time.perf_counter() - started) * 1000


async def latencies(library: Library) -> list[float]:
    app = make_app(lang="en", library=library)
    applied: dict[str, float] = {}

    def hook(message: object) -> None:
        if isinstance(message, ResultsReady):
            applied[message.query] = time.perf_counter()

    out = []
    async with app.run_test(size=(120, 40), message_hook=hook) as pilot:
        await pilot.pause(0.3)
        for query in QUERIES:
            await pilot.press(*query[:-1])
            typed = time.perf_counter()  # the debounce restarts on the last keystroke
            await pilot.press(query[-1])
            while query not in applied:
                await pilot.pause(0.001)
            out.append((applied[query] - typed) * 1000 - DEBOUNCE * 1000)
            await pilot.press(*["backspace"] * len(query))
            await pilot.pause(0.3)
    return out


def main() -> None:
    os.environ.setdefault("LEXIQUE_DATA_DIR", tempfile.mkdtemp(prefix="lexique-bench-"))
    library = Library()
    library.open()
    paint = [asyncio.run(first_paint(library)) for _ in range(3)]
    lat = asyncio.run(latencies(library))
    print(f"corpus: {len(library.corpus.articles)} articles, {len(library.corpus.passages)} passages, "
          f"{len(library.corpus.glossary)} glossary entries")
    print(f"first paint (built index, headless 120x40): median {statistics.median(paint):.0f} ms "
          f"(runs: {', '.join(f'{p:.0f}' for p in paint)})")
    print(f"keystroke → results after the {DEBOUNCE * 1000:.0f} ms debounce: median {statistics.median(lat):.1f} ms, "
          f"max {max(lat):.1f} ms over {len(lat)} queries")


if __name__ == "__main__":
    main()
