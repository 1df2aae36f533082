"""Glossary exports read back and compared with the glossary; TBX checked against TBX-Basic's rules."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from qa.corpus import Corpus, load_corpus
from qa.errors import LexiqueError
from qa.exports import FORMATS, OMEGAT_HEADER, STATUS_TBX, concept_id, export
from qa.glossary import read_glossary_file

from .conftest import FIXTURE_CORPUS, SHIPPED

NS = "{urn:iso:std:iso:30042:ed-2}"
LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TBX_DIR = Path(__file__).resolve().parents[2] / "shared" / "tbx"


@pytest.fixture(scope="module", params=["fixture", "shipped"])
def corpus(request) -> Corpus:
    return load_corpus(FIXTURE_CORPUS if request.param == "fixture" else SHIPPED)


def _local(element: ET.Element) -> str:
    return element.tag.removeprefix(NS)


# The rules of TBX-Basic_DCA.sch, mirrored (the file needs an XSLT 2 processor we do not have).
ALLOWED_TYPES = {
    "admin": {"customerSubset", "projectSubset", "source"},
    "descrip": {"subjectField", "context", "definition"},
    "ref": {"crossReference"},
    "termNote": {"administrativeStatus", "partOfSpeech", "geographicalUsage", "grammaticalGender", "termLocation", "termType"},
    "transac": {"transactionType"},
    "transacNote": {"responsibility"},
    "xref": {"externalCrossReference", "xGraphic"},
}
PICKLISTS = {
    "administrativeStatus": {"admittedTerm-admn-sts", "deprecatedTerm-admn-sts", "supersededTerm-admn-sts", "preferredTerm-admn-sts"},
    "partOfSpeech": {"adjective", "noun", "other", "verb", "adverb"},
    "grammaticalGender": {"masculine", "feminine", "neuter", "other"},
    "termType": {"fullForm", "acronym", "abbreviation", "shortForm", "variant", "phrase"},
}
# data category → levels it may sit at (directly, or through a *Grp other than transacGrp)
LEVELS = {
    ("descrip", "subjectField"): {"conceptEntry"},
    ("descrip", "context"): {"termSec"},
    ("descrip", "definition"): {"conceptEntry", "langSec"},
    ("admin", "source"): {"conceptEntry", "langSec", "termSec"},
    ("admin", "customerSubset"): {"conceptEntry", "termSec"},
    ("admin", "projectSubset"): {"conceptEntry", "termSec"},
    ("ref", "crossReference"): {"conceptEntry", "termSec"},
    ("xref", "xGraphic"): {"conceptEntry", "langSec"},
    ("xref", "externalCrossReference"): {"conceptEntry", "langSec", "termSec"},
}


def basic_violations(root: ET.Element) -> list[str]:
    """What TBX-Basic_DCA.sch would reject in this document, one message per problem."""
    problems: list[str] = []
    if root.get("type") != "TBX-Basic" or root.get("style") != "dca":
        problems.append("root: type must be TBX-Basic and style dca")
    parents = {child: parent for parent in root.iter() for child in parent}
    ids = {e.get("id") for e in root.iter() if e.get("id")}

    def level(element: ET.Element) -> str:
        parent = parents[element]
        if _local(parent).endswith("Grp") and _local(parent) != "transacGrp":
            parent = parents[parent]
        return _local(parent)

    for element in root.iter():
        name, kind = _local(element), element.get("type")
        if not element.tag.startswith(NS):
            problems.append(f"{element.tag}: DCT-style element in a DCA file")
        if kind == "":
            problems.append(f"{name}: empty type")
        target = element.get("target")
        if target is not None and not re.match(r"https?://.+", target) and target not in ids:
            problems.append(f"{name}: target {target!r} is neither an id nor a URL")
        if name == "termNote" and level(element) != "termSec":
            problems.append(f"termNote {kind} outside termSec")
        if name in ALLOWED_TYPES and kind not in ALLOWED_TYPES[name]:
            problems.append(f"{name}: type {kind!r} not allowed")
        if name == "termNote" and kind in PICKLISTS and element.text not in PICKLISTS[kind]:
            problems.append(f"termNote {kind}: value {element.text!r} not allowed")
        if (name, kind) in LEVELS and level(element) not in LEVELS[(name, kind)]:
            problems.append(f"{name} {kind} at level {level(element)}")
    return problems


def _tbx(corpus: Corpus) -> ET.Element:
    return ET.fromstring(export(corpus.glossary, "tbx", corpus).split("\n", 3)[3])


def test_tbx_header_is_tbx_basic_v3(corpus):
    text = export(corpus.glossary, "tbx", corpus)
    head = text.splitlines()[:4]
    assert head[0] == '<?xml version="1.0" encoding="UTF-8"?>'
    assert "TBXcoreStructV03.rng" in head[1] and "TBX-Basic_DCA.sch" in head[2]
    assert head[3] == '<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en">'
    root = ET.fromstring(text.encode("utf-8"))  # the whole file, declaration and instructions included
    assert root.find(f"{NS}tbxHeader/{NS}fileDesc/{NS}sourceDesc/{NS}p") is not None


def test_tbx_follows_the_tbx_basic_rules(corpus):
    assert basic_violations(_tbx(corpus)) == []


def test_the_mirrored_rules_catch_violations(corpus):
    root = _tbx(corpus)
    concept = root.find(f"{NS}text/{NS}body/{NS}conceptEntry")
    lang_sec = concept.find(f"{NS}langSec")
    ET.SubElement(lang_sec, f"{NS}termNote", type="partOfSpeech").text = "noun"
    ET.SubElement(concept, f"{NS}descrip", type="context").text = "x"
    ET.SubElement(concept, f"{NS}ref", type="crossReference", target="nowhere").text = "x"
    ET.SubElement(lang_sec.find(f"{NS}termSec"), f"{NS}termNote", type="grammaticalGender").text = "masc"
    assert sorted(basic_violations(root)) == [
        "descrip context at level conceptEntry",
        "ref: target 'nowhere' is neither an id nor a URL",
        "termNote grammaticalGender: value 'masc' not allowed",
        "termNote partOfSpeech outside termSec",
    ]


@pytest.mark.skipif(not (TBX_DIR / "TBXcoreStructV03.rng").exists(), reason="the TBX schemas are not checked out next to the project")
@pytest.mark.parametrize("fmt", ["tbx", "tbx-core"])
def test_tbx_validates_against_the_tbx_core_relax_ng_schema(corpus, fmt: str):
    from lxml import etree

    schema = etree.RelaxNG(etree.parse(str(TBX_DIR / "TBXcoreStructV03.rng")))
    document = etree.fromstring(export(corpus.glossary, fmt, corpus).encode("utf-8"))
    assert schema.validate(document), schema.error_log


def test_tbx_holds_every_term_status_gender_definition_and_context(corpus):
    concepts = _tbx(corpus).findall(f"{NS}text/{NS}body/{NS}conceptEntry")
    assert [c.get("id") for c in concepts] == [concept_id(e) for e in corpus.glossary]
    for entry, concept in zip(corpus.glossary, concepts):
        assert concept.findtext(f"{NS}descrip[@type='subjectField']") == entry.domain
        refs = [r.get("target") for r in concept.findall(f"{NS}ref[@type='crossReference']")]
        by_term = {e.term.casefold(): e for e in corpus.glossary}
        assert refs == [concept_id(by_term[r.casefold()]) for r in entry.related]
        english, french = concept.findall(f"{NS}langSec")
        assert (english.get(LANG), french.get(LANG)) == ("en", "fr")
        assert english.findtext(f"{NS}descripGrp/{NS}descrip[@type='definition']") == entry.definition
        assert english.findtext(f"{NS}descripGrp/{NS}admin[@type='source']") == entry.source

        def notes(sec: ET.Element) -> dict[str, str]:
            return {n.get("type"): n.text for n in sec.findall(f"{NS}termNote")}

        en_secs = english.findall(f"{NS}termSec")
        assert [s.findtext(f"{NS}term") for s in en_secs] == list(entry.english_forms)
        assert [notes(s)["administrativeStatus"] for s in en_secs] == ["preferredTerm-admn-sts"] + ["admittedTerm-admn-sts"] * (len(en_secs) - 1)
        fr_secs = french.findall(f"{NS}termSec")
        assert [(s.findtext(f"{NS}term"), notes(s)["administrativeStatus"], notes(s).get("grammaticalGender"), s.findtext(f"{NS}note")) for s in fr_secs] == [
            (t.term, STATUS_TBX[t.status], t.gender, t.usage) for t in entry.fr
        ]
        assert all(notes(s)["partOfSpeech"] == entry.pos for s in [*en_secs, *fr_secs])
        contexts = concept.findall(f".//{NS}descrip[@type='context']/..")
        cited = [re.search(r"\[([^\]]+)\]$", g.findtext(f"{NS}admin[@type='source']")).group(1) for g in contexts]
        assert sorted(cited) == sorted(p for p in entry.contexts if corpus.passage(p) is not None)
        for group, passage_id in zip(contexts, cited):
            assert group.findtext(f"{NS}descrip") == corpus.passage(passage_id).text


def test_tbx_core_holds_the_terms_only(corpus):
    text = export(corpus.glossary, "tbx-core")
    root = ET.fromstring(text.encode("utf-8"))
    assert root.get("type") == "TBX-Core" and root.get("style") == "dca"
    assert {_local(e) for e in root.find(f"{NS}text").iter()} == {"text", "body", "conceptEntry", "langSec", "termSec", "term"}
    got = [[t.text for t in c.iter(f"{NS}term")] for c in root.iter(f"{NS}conceptEntry")]
    assert got == [[*e.english_forms, *(t.term for t in e.fr)] for e in corpus.glossary]


def test_csv_has_one_row_per_concept_and_reads_back(corpus):
    rows = list(csv.DictReader(io.StringIO(export(corpus.glossary, "csv"), newline="")))
    assert len(rows) == len(corpus.glossary)

    def split(cell: str) -> list[str]:
        return cell.split("|") if cell else []

    for entry, row in zip(corpus.glossary, rows):
        assert (row["term"], row["pos"], row["domain"], row["definition"], row["source"]) == (entry.term, entry.pos, entry.domain, entry.definition, entry.source)
        assert split(row["synonyms"]) == list(entry.synonyms) and split(row["abbreviations"]) == list(entry.abbreviations)
        assert split(row["related"]) == list(entry.related) and split(row["contexts"]) == list(entry.contexts)
        for status in STATUS_TBX:
            terms = [t for t in entry.fr if t.status == status]
            assert split(row[f"fr_{status}"]) == [t.term for t in terms]
            genders = split(row[f"fr_{status}_gender"])
            assert genders in ([], [t.gender or "" for t in terms])
        assert row["note"] == (entry.note or "")


def test_omegat_has_one_line_per_french_equivalent(corpus):
    text = export(corpus.glossary, "omegat")
    lines = text.split("\n")
    assert lines[0] == OMEGAT_HEADER and lines[-1] == ""
    records = [line.split("\t") for line in lines[1:-1]]
    assert all(len(r) == 3 for r in records)
    assert [(r[0], r[1]) for r in records] == [(e.term, t.term) for e in corpus.glossary for t in e.fr]
    assert [r[2].split("; ")[0].lower() for r in records] == [t.status for e in corpus.glossary for t in e.fr]


def test_tsv_is_preferred_english_tab_preferred_french(corpus):
    lines = export(corpus.glossary, "tsv").splitlines()
    assert [line.split("\t") for line in lines] == [[e.term, e.preferred_fr.term] for e in corpus.glossary]


def test_json_mirrors_the_yaml_and_loads_back_as_the_same_entries(corpus, tmp_path: Path):
    data = json.loads(export(corpus.glossary, "json"))
    assert data["schema_version"] == 1
    assert data["entries"] == [e.to_dict() for e in corpus.glossary]
    # written back as YAML, the export is a glossary file the loader accepts, with the same entries
    path = tmp_path / "roundtrip.yaml"
    path.write_text(yaml.safe_dump(data["entries"], allow_unicode=True, sort_keys=False), encoding="utf-8")
    again = read_glossary_file(path, "roundtrip.yaml")
    assert [e.to_dict() for e in again] == data["entries"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_exports_are_deterministic_and_through_the_cli(qa, fmt: str):
    first = qa("--corpus-dir", str(FIXTURE_CORPUS), "glossary", "--export", fmt)
    second = qa("--corpus-dir", str(FIXTURE_CORPUS), "glossary", "--export", fmt)
    assert first.code == 0 and first.out == second.out and first.out.endswith("\n")


def test_unknown_format_and_unrepresentable_values_are_errors():
    corpus = load_corpus(FIXTURE_CORPUS)
    with pytest.raises(LexiqueError, match="unknown export format 'docx'"):
        export(corpus.glossary, "docx")
    piped = replace(corpus.glossary[0], synonyms=("a|b",))
    with pytest.raises(LexiqueError, match="contains '\\|'"):
        export([piped], "csv")


def test_export_file_follows_symlinks_and_gets_ordinary_permissions(qa, tmp_path):
    import os
    import stat

    plain = tmp_path / "plain.csv"
    assert qa("glossary", "--export", "csv", "-o", str(plain)).code == 0
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(plain.stat().st_mode) == 0o666 & ~umask
    target = tmp_path / "target.tsv"
    target.write_text("old")
    target.chmod(0o640)
    link = tmp_path / "link.tsv"
    link.symlink_to(target)
    assert qa("glossary", "--export", "tsv", "-o", str(link)).code == 0
    assert link.is_symlink() and "\t" in target.read_text(encoding="utf-8")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
