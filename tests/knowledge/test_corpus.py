"""Format checks for the best-practice guidance corpus, the question bank and the
retrieval evaluation set (knowledge/*.md, knowledge/questions.yaml,
evals/retrieval_guidance.jsonl)."""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
KNOWLEDGE_DIR = ROOT / "knowledge"
QUESTIONS_FILE = KNOWLEDGE_DIR / "questions.yaml"
EVAL_FILE = ROOT / "evals" / "retrieval_guidance.jsonl"

# The five source articles the corpus is allowed to draw on.
KNOWN_SEEDS = {
    "000_0fcaded9d7f343bd.txt",
    "001_feea3dca100bfe68.txt",
    "002_9479d5bd06b7fc55.txt",
    "003_bc9495dfa56edd2f.txt",
    "004_c867beded64093a1.txt",
}

REQUIRED_SECTIONS = {
    "getting_to_know",
    "connection",
    "action_review",
    "wins",
    "goals_alignment",
    "work_issues",
    "roadblocks",
    "growth_career",
    "wellbeing_workload",
    "feedback_for_report",
    "feedback_for_manager",
    "praise",
    "closing",
}
# Sections that need a deeper pool of questions than the minimum.
LARGER_SECTIONS = {"connection", "goals_alignment", "work_issues", "growth_career"}
MIN_PER_SECTION = 6
MIN_LARGER_SECTION = 10
MIN_QUESTIONS = 100
ALLOWED_TAGS = {
    "light",
    "deep",
    "remote",
    "new-report",
    "quiet",
    "sales",
    "engineering",
    "support",
    "stressed",
}
QUESTION_ID = re.compile(r"^(?P<prefix>[a-z]+(?:-[a-z]+)?)-\d{2}$")
EVAL_ID = re.compile(r"^g-\d{3}$")
# Openers that usually make a closed (yes/no) question.
CLOSED_OPENERS = re.compile(
    r"^(is|are|was|were|do|does|did|can|could|will|would|have|has|had|should|shall|any)\b",
    re.IGNORECASE,
)
MIN_GUIDANCE_FILES = 16
MIN_WORDS, MAX_WORDS = 250, 700
MIN_EVAL_QUERIES = 45
# "No more than about six consecutive words" from a source article.
MAX_SHARED_WORDS = 6

FRONT_MATTER = re.compile(r"\A---\n(?P<meta>.*?)\n---\n(?P<body>.*)\Z", re.DOTALL)


def guidance_files() -> list[Path]:
    return sorted(p for p in KNOWLEDGE_DIR.glob("*.md") if p.name.lower() != "readme.md")


def split_front_matter(path: Path) -> tuple[dict[str, Any], str]:
    text = path.read_text(encoding="utf-8")
    match = FRONT_MATTER.match(text)
    assert match, f"{path.name}: must start with YAML front matter between '---' lines"
    meta = yaml.safe_load(match.group("meta"))
    assert isinstance(meta, dict), f"{path.name}: front matter must be a mapping"
    return meta, match.group("body")


def load_questions() -> dict[str, Any]:
    data = yaml.safe_load(QUESTIONS_FILE.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def load_eval() -> list[dict[str, Any]]:
    lines = EVAL_FILE.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def normalise(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


# --- guidance files ----------------------------------------------------------------------


def test_corpus_has_enough_guidance_files() -> None:
    assert len(guidance_files()) >= MIN_GUIDANCE_FILES


def test_readme_is_not_a_guidance_file() -> None:
    readme = KNOWLEDGE_DIR / "README.md"
    assert readme.exists()
    # No front matter, so a loader that requires front matter never indexes it.
    assert not readme.read_text(encoding="utf-8").startswith("---")


@pytest.mark.parametrize("path", guidance_files(), ids=lambda p: p.name)
def test_guidance_front_matter(path: Path) -> None:
    meta, _ = split_front_matter(path)
    assert isinstance(meta.get("title"), str) and meta["title"].strip()
    topics = meta.get("topics")
    assert isinstance(topics, list) and topics, "topics must be a non-empty list"
    assert all(isinstance(t, str) and t.strip() for t in topics)
    sections = meta.get("sections", [])
    assert isinstance(sections, list)
    assert set(sections) <= REQUIRED_SECTIONS, (
        f"unknown section ids: {set(sections) - REQUIRED_SECTIONS}"
    )
    sources = meta.get("sources")
    assert isinstance(sources, list) and sources, "sources must be a non-empty list"
    for source in sources:
        assert isinstance(source, dict)
        assert isinstance(source.get("title"), str) and source["title"].strip()
        assert isinstance(source.get("publisher"), str) and source["publisher"].strip()
        if "author" in source:
            assert isinstance(source["author"], str) and source["author"].strip()
        seed = source.get("seed")
        assert isinstance(seed, str)
        assert Path(seed).name in KNOWN_SEEDS, f"unknown seed file {seed!r}"


@pytest.mark.parametrize("path", guidance_files(), ids=lambda p: p.name)
def test_guidance_body_structure(path: Path) -> None:
    meta, body = split_front_matter(path)
    h1 = re.findall(r"^# (.+)$", body, flags=re.MULTILINE)
    assert h1 == [meta["title"]], "body needs exactly one '# Title' matching the front matter"
    h2 = re.findall(r"^## .+$", body, flags=re.MULTILINE)
    assert len(h2) >= 2, "at least two '##' sections (retrieval chunks by heading)"
    assert MIN_WORDS <= len(body.split()) <= MAX_WORDS


def test_same_source_title_always_has_same_metadata() -> None:
    by_seed: dict[str, set[tuple[str, str, str]]] = {}
    for path in guidance_files():
        meta, _ = split_front_matter(path)
        for s in meta["sources"]:
            key = (s["title"], s.get("author", ""), s["publisher"])
            by_seed.setdefault(Path(s["seed"]).name, set()).add(key)
    inconsistent = {seed: keys for seed, keys in by_seed.items() if len(keys) > 1}
    assert not inconsistent


def _seed_dir() -> Path | None:
    candidates = [os.environ.get("COACH_SEEDS_DIR", ""), str(ROOT.parent / "shared" / "seeds")]
    for candidate in candidates:
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    return None


def _words(text: str) -> list[str]:
    text = text.replace("\u2019", "'").lower()
    return re.findall(r"[a-z0-9%]+(?:'[a-z]+)?", text)


def test_guidance_does_not_copy_source_sentences() -> None:
    seed_dir = _seed_dir()
    if seed_dir is None:
        pytest.skip("source articles not available (set COACH_SEEDS_DIR)")
    n = MAX_SHARED_WORDS + 1
    seed_grams: set[tuple[str, ...]] = set()
    for seed in KNOWN_SEEDS:
        words = _words((seed_dir / seed).read_text(encoding="utf-8"))
        seed_grams.update(tuple(words[i : i + n]) for i in range(len(words) - n + 1))
    copied: dict[str, list[str]] = {}
    for path in guidance_files():
        meta, body = split_front_matter(path)
        # Attributed quotations and cited article titles are allowed.
        body = re.sub(r"\"[^\"]*\"", " ", body)
        for source in meta["sources"]:
            body = body.replace(source["title"], " ")
        words = _words(body)
        hits = [
            " ".join(words[i : i + n])
            for i in range(len(words) - n + 1)
            if tuple(words[i : i + n]) in seed_grams
        ]
        if hits:
            copied[path.name] = hits
    assert not copied, f"runs of more than {MAX_SHARED_WORDS} words copied from sources: {copied}"


# --- question bank -----------------------------------------------------------------------


def all_questions() -> list[tuple[str, dict[str, Any]]]:
    return [
        (section["id"], question)
        for section in load_questions()["sections"]
        for question in section["questions"]
    ]


def test_question_bank_loads_and_has_version() -> None:
    data = load_questions()
    assert data.get("version") == 1
    assert isinstance(data.get("sections"), list)


def test_question_bank_sections() -> None:
    sections = load_questions()["sections"]
    ids = [s["id"] for s in sections]
    assert len(ids) == len(set(ids)), "duplicate section ids"
    assert set(ids) == REQUIRED_SECTIONS
    for section in sections:
        assert isinstance(section.get("title"), str) and section["title"].strip()
        minimum = MIN_LARGER_SECTION if section["id"] in LARGER_SECTIONS else MIN_PER_SECTION
        assert len(section["questions"]) >= minimum, section["id"]


def test_question_bank_size() -> None:
    assert len(all_questions()) >= MIN_QUESTIONS


def test_question_ids_unique_and_well_formed() -> None:
    ids = [q["id"] for _, q in all_questions()]
    duplicates = [i for i, count in Counter(ids).items() if count > 1]
    assert not duplicates
    prefixes: dict[str, set[str]] = {}
    for section_id, question in all_questions():
        match = QUESTION_ID.match(question["id"])
        assert match, f"bad question id {question['id']!r}"
        prefixes.setdefault(section_id, set()).add(match.group("prefix"))
    # One prefix per section, and no prefix shared between sections.
    assert all(len(p) == 1 for p in prefixes.values()), prefixes
    flat = [next(iter(p)) for p in prefixes.values()]
    assert len(flat) == len(set(flat))


def test_question_texts_unique_and_open() -> None:
    texts = [q["text"] for _, q in all_questions()]
    assert all(isinstance(t, str) and t.strip() for t in texts)
    duplicates = [t for t, count in Counter(normalise(t) for t in texts).items() if count > 1]
    assert not duplicates
    for text in texts:
        assert text.rstrip().endswith(("?", ".")), text
        assert not CLOSED_OPENERS.match(text), f"reads as a yes/no question: {text!r}"


def test_question_tags_are_known() -> None:
    for _, question in all_questions():
        tags = question.get("tags", [])
        assert isinstance(tags, list)
        assert set(tags) <= ALLOWED_TAGS, question["id"]


# --- retrieval evaluation set ------------------------------------------------------------


def test_eval_set_size_and_ids() -> None:
    rows = load_eval()
    assert len(rows) >= MIN_EVAL_QUERIES
    ids = [row["id"] for row in rows]
    assert len(ids) == len(set(ids))
    assert all(EVAL_ID.match(i) for i in ids)
    queries = [normalise(row["query"]) for row in rows]
    assert all(queries) and len(queries) == len(set(queries))


def test_eval_relevant_files_exist() -> None:
    names = {p.name for p in guidance_files()}
    for row in load_eval():
        relevant = row["relevant"]
        assert isinstance(relevant, list) and 1 <= len(relevant) <= 2, row["id"]
        missing = set(relevant) - names
        assert not missing, f"{row['id']}: {missing}"


def test_every_guidance_file_is_reachable_from_some_query() -> None:
    labelled = {name for row in load_eval() for name in row["relevant"]}
    unlabelled = {p.name for p in guidance_files()} - labelled
    assert not unlabelled
