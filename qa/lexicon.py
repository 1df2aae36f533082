"""The English → French lexicon that carries English questions over to the French articles.

``corpus/lexicon/*.yaml`` maps lowercase English words or phrases to the French forms the articles
use; there is no machine translation, only this word list and the glossary.
"""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType
from typing import Mapping

import yaml

from .errors import CorpusError
from .yamlfile import corpus_path, line_of, mapping, read

Lexicon = Mapping[str, tuple[str, ...]]


def read_lexicon_file(path: Path, rel: str) -> dict[str, tuple[str, ...]]:
    root = read(path, rel)
    if root is None:
        return {}
    if not isinstance(root, yaml.MappingNode):
        raise CorpusError(rel, root.start_mark.line + 1, "a lexicon file maps English words to lists of French forms")
    out: dict[str, tuple[str, ...]] = {}
    for word, (key, value) in mapping(root, rel).items():
        line = line_of(key)
        if word != word.lower() or not word.strip():
            raise CorpusError(rel, line, f"key '{word}': English keys are lowercase words or phrases")
        if not isinstance(value, yaml.SequenceNode) or not value.value:
            raise CorpusError(rel, line, f"key '{word}': expected a non-empty list of French forms")
        forms = []
        for item in value.value:
            if not isinstance(item, yaml.ScalarNode) or not str(item.value).strip():
                raise CorpusError(rel, item.start_mark.line + 1, f"key '{word}': French forms are non-empty text")
            forms.append(str(item.value).strip())
        out[word] = tuple(forms)
    return out


def load_lexicon(folder: Path, corpus_root: Path) -> Lexicon:
    merged: dict[str, tuple[str, ...]] = {}
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        rel = corpus_path(path, corpus_root)
        for word, forms in read_lexicon_file(path, rel).items():
            merged[word] = tuple(dict.fromkeys(merged.get(word, ()) + forms))
    return MappingProxyType(merged)
