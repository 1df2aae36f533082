"""The ``qa`` command: ask, show, index, glossary, kwic and tui.

Human-readable output by default, ``--json`` for scripts; data on stdout, one-line errors on
stderr; exit codes are stable (see :class:`ExitCode`).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
import time
from importlib import metadata
from pathlib import Path

from .errors import LexiqueError, quoted
from .exports import FORMATS
from .glossary_cli import cmd_glossary, cmd_kwic
from .index import current_index
from .kwic import SORT_KEYS
from .model import Passage
from .terminal import BOLD, RESET, Env, ExitCode, library_for, print_hit


def cmd_ask(args: argparse.Namespace, env: Env) -> int:
    if args.batch and args.question:
        print("qa ask: error: --batch reads the questions from stdin; give no QUESTION", file=env.stderr)
        return ExitCode.USAGE
    lib = library_for(args, env)
    if args.batch:
        lib.open()
        for line in env.stdin:
            env.json(lib.ask(line.rstrip("\r\n"), args.limit).to_json())
        return ExitCode.OK
    question = " ".join(args.question)
    answer = lib.ask(question, args.limit)
    if args.json:
        env.json(answer.to_json())
        return ExitCode.OK
    if not answer.hits:
        print(f"no passage matches {quoted(question)}", file=env.stderr)
    for hit in answer.hits:
        print_hit(env, hit)
    return ExitCode.OK


def cmd_show(args: argparse.Namespace, env: Env) -> int:
    lib = library_for(args, env)
    passage = lib.passage(args.id)
    around: list[Passage] = lib.context(args.id, args.context)
    if args.json:
        env.json({"id": passage.id, "passages": [lib.cite(p).to_json() for p in around]})
        return ExitCode.OK
    hit = lib.cite(passage)
    c = env.color
    env.out(f"{BOLD}{hit.citation}{RESET}" if c else hit.citation)
    env.out(f"{hit.path}  [{passage.id}]")
    env.out()
    section = None
    for p in around:
        if p.section and p.section != section:  # a heading where the section starts or changes
            env.out(f"  § {p.section}")
        section = p.section
        marker = "▶ " if p.id == passage.id else "  "
        text = f"{BOLD}{p.text}{RESET}" if c and p.id == passage.id else p.text
        env.out(f"{marker}¶{p.paragraph} {text}")
        env.out()
    return ExitCode.OK


def cmd_index(args: argparse.Namespace, env: Env) -> int:
    lib = library_for(args, env)
    started = time.perf_counter()
    show = env.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if show:
            width = 30
            filled = width * done // total
            env.stderr.write(f"\rindexing [{'█' * filled}{'░' * (width - filled)}] {done}/{total}")
            env.stderr.flush()

    built = args.rebuild or current_index(lib.corpus, lib.index_dir) is None
    if args.rebuild:
        lib.rebuild(progress)
    lib.open(progress)
    if show and built:
        env.stderr.write("\n")
    corpus = lib.corpus
    env.out(
        f"index {'built' if built else 'up to date'}: {len(corpus.articles)} articles, {len(corpus.passages)} passages, "
        f"{len(corpus.glossary)} glossary entries in {time.perf_counter() - started:.2f} s → {current_index(corpus, lib.index_dir)}"
    )
    return ExitCode.OK


def cmd_tui(args: argparse.Namespace, env: Env) -> int:
    # Imported by name at run time: qa never imports the TUI (or Textual) statically.
    try:
        app = importlib.import_module("tui.app")
    except ModuleNotFoundError as exc:
        raise LexiqueError(f"the terminal UI is not installed ({exc.name} missing)") from None
    return int(app.run(lang=args.lang, corpus_dir=args.corpus_dir, index_dir=args.index_dir) or 0)


def _count(text: str) -> int:
    """An argparse type: a whole number, zero or more."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected zero or more, got {value}")
    return value


def _version() -> str:
    try:
        return metadata.version("lexique")
    except metadata.PackageNotFoundError:  # running from a checkout that was never installed
        return "unknown"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="qa", description="Cited passages on the AI-boom economy, asked in English or French.")
    parser.add_argument("--corpus-dir", type=Path, default=None, help="corpus folder (default: the shipped corpus; env LEXIQUE_CORPUS_DIR)")
    parser.add_argument("--index-dir", type=Path, default=None, help="where indexes are kept (default: user cache; env LEXIQUE_INDEX_DIR)")
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ask = sub.add_parser("ask", help="ranked, cited passages for a question", description="Ranked, cited passages for a question in English or French.")
    ask.add_argument("question", nargs="*", help="the question (quote it or not)")
    ask.add_argument("-n", "--limit", type=_count, default=10, help="number of results (default 10)")
    ask.add_argument("--json", action="store_true", help="print one JSON object (see README, JSON contract)")
    ask.add_argument("--batch", action="store_true", help="one question per stdin line → one JSON object per stdout line")
    ask.set_defaults(handler=cmd_ask)

    show = sub.add_parser("show", help="a passage with the paragraphs around it", description="Show a passage by id with its neighbours.")
    show.add_argument("id", help="passage id, e.g. effondrement:3")
    show.add_argument("-C", "--context", type=_count, default=1, help="passages before and after (default 1)")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(handler=cmd_show)

    index = sub.add_parser("index", help="build the search index", description="Build the index (done on first use anyway).")
    index.add_argument("--rebuild", action="store_true", help="rebuild even if the index is up to date")
    index.set_defaults(handler=cmd_index)

    glossary = sub.add_parser(
        "glossary",
        help="a glossary entry with its French equivalents and cited contexts",
        description="Look up a glossary entry by English or French term (typos tolerated), or list, export and check the glossary.",
    )
    glossary.add_argument("term", nargs="*", help="English term, synonym, abbreviation or French equivalent")
    action = glossary.add_mutually_exclusive_group()
    action.add_argument("--list", action="store_true", help="list the entries (term, preferred French, domain)")
    action.add_argument("--export", choices=FORMATS, metavar="FORMAT", help=f"write the glossary as one of: {', '.join(FORMATS)}")
    action.add_argument("--uncited", action="store_true", help="passages using an entry's terms that its contexts do not list (all entries, or TERM's)")
    action.add_argument("--check", action="store_true", help="verify every listed context; exit 1 with one line per problem")
    glossary.add_argument("--domain", help="with --list or --export: only this domain's entries")
    glossary.add_argument("-o", "--output", type=Path, help="with --export: write to this file (atomically) instead of stdout")
    glossary.add_argument("--json", action="store_true", help="print JSON (an entry lookup has the shape of `qa ask --json`)")
    glossary.set_defaults(handler=cmd_glossary)

    kwic = sub.add_parser(
        "kwic",
        help="every occurrence of a term in the articles, aligned (concordance)",
        description="Keyword in context: occurrences of a glossary entry's English and French forms (or of TERM as typed).",
    )
    kwic.add_argument("term", nargs="+", help="a glossary term in English or French, or any text")
    kwic.add_argument("--sort", choices=SORT_KEYS, default="doc", help="order: doc (default), left or right context")
    kwic.add_argument("--article", metavar="ID", help="only this article (its id, e.g. effondrement)")
    kwic.add_argument("--width", type=_count, default=40, metavar="N", help="characters of context on each side (default 40)")
    kwic.add_argument("--json", action="store_true", help='print {"term", "entry", "forms", "lines", "counts"}')
    kwic.set_defaults(handler=cmd_kwic)

    tui = sub.add_parser("tui", help="open the terminal UI", description="Open the terminal UI on the corpus.")
    tui.add_argument("--lang", choices=["en", "fr"], default=None, help="UI language (default: from LANG)")
    tui.set_defaults(handler=cmd_tui)

    return parser


def main(argv: list[str] | None = None, env: Env | None = None) -> int:
    env = env or Env()
    parser = build_parser()
    try:
        # argparse writes help and usage errors to sys.stdout/sys.stderr itself
        with contextlib.redirect_stdout(env.stdout), contextlib.redirect_stderr(env.stderr):
            args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse has printed its help or usage message
        return int(exc.code or 0)
    try:
        return int(args.handler(args, env))
    except LexiqueError as exc:
        print(f"qa: error: {exc}", file=env.stderr)
        return ExitCode.ERROR
    except KeyboardInterrupt:
        print("qa: interrupted", file=env.stderr)
        return ExitCode.INTERRUPT
    except BrokenPipeError:  # `qa ask … | head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return ExitCode.OK
    except OSError as exc:  # output that cannot be written: `qa ask x > /dev/full`
        print(f"qa: error: cannot write the output ({exc.strerror or exc})", file=env.stderr)
        return ExitCode.ERROR


if __name__ == "__main__":
    raise SystemExit(main())
