"""What the ``qa`` commands share: exit codes, output streams, colours, printing a hit, and
opening the library with its warnings on stderr."""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import dataclass, field
from enum import IntEnum
from typing import TextIO

from .answer import mark
from .library import Library
from .model import Hit


class ExitCode(IntEnum):
    OK = 0
    ERROR = 1  # bad data or an unknown id: the message says which
    USAGE = 2  # argparse's own code for a malformed command line
    INTERRUPT = 130


@dataclass
class Env:
    """Where output goes; tests pass their own streams instead of patching sys."""

    stdout: TextIO = field(default_factory=lambda: sys.stdout)
    stderr: TextIO = field(default_factory=lambda: sys.stderr)
    stdin: TextIO = field(default_factory=lambda: sys.stdin)

    @property
    def color(self) -> bool:
        return self.stdout.isatty() and "NO_COLOR" not in os.environ

    def out(self, text: str = "") -> None:
        print(text, file=self.stdout)

    def json(self, data: object) -> None:
        print(json.dumps(data, ensure_ascii=False), file=self.stdout, flush=True)


BOLD, DIM, MARK, CYAN, RESET = "\x1b[1m", "\x1b[2m", "\x1b[1;33m", "\x1b[36m", "\x1b[0m"


def print_hit(env: Env, hit: Hit) -> None:
    c = env.color
    badge = "glossary" if hit.kind == "glossary" else hit.id
    head = f"{hit.rank}. {hit.citation}"
    env.out(f"{BOLD}{head}{RESET}  {DIM}[{badge}]{RESET}" if c else f"{head}  [{badge}]")
    if hit.section and hit.kind == "passage":
        env.out(f"   {CYAN}§ {hit.section}{RESET}" if c else f"   § {hit.section}")
    if hit.entry is not None:
        fr = ", ".join(f"{t.term} ({t.status})" for t in hit.entry.fr)
        env.out(f"   {hit.entry.term} → {fr}")
    for line in (mark(hit.text, hit.highlights, MARK, RESET) if c else hit.text).split("\n"):
        env.out(f"   {line}")
    env.out()


def library_for(args: argparse.Namespace, env: Env) -> Library:
    """The library the command line names (``--corpus-dir``, ``--index-dir``); warnings go to stderr."""
    lib = Library(args.corpus_dir, args.index_dir)
    for warning in lib.warnings:
        print(f"qa: warning: {warning}", file=env.stderr)
    return lib
