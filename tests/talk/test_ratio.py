"""Talk ratio on hand-counted transcripts: words, shares, questions (open / closed), monologues,
the 80/20 note and its citation; names in any script; bad input refused in one line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.errors import BadInputError
from assistant.paths import PROJECT_ROOT
from assistant.talk.ratio import (
    ASKING_CITATION,
    OPEN_QUESTIONS_CITATION,
    RULE_CITATION,
    TWO_SIDED_CITATION,
    count_words,
    is_open_question,
    talk_ratio,
)
from tests.support.cli import Coach

# Counted by hand (a word is a run of letters or digits; "I'd", "dead-letter" are one word):
# Dana:   "How was the launch?" 4, "Is the rollback ready?" 4, "What would you change?" 4 -> 12
# Łukasz: "Good. We shipped on Tuesday and the clinic is happy." 10,
#         "Yes. I'd add a dead-letter queue runbook first, then a checklist." 11  -> 21
# 33 words in all: Dana 12/33, Łukasz 21/33.
LABELLED = (
    "Dana: How was the launch?\n"
    "Łukasz: Good. We shipped on Tuesday and the clinic is happy.\n"
    "Dana: Is the rollback ready?\n"
    "Łukasz: Yes. I'd add a dead-letter queue runbook first,\n"
    "  then a checklist.\n"
    "Dana: What would you change?\n"
)

# Names in other scripts; the Chinese sentences count one word per character:
# 王伟 (manager): "你好。" 2, "这周怎么样？" 5, "你需要帮忙吗？" 6 -> 13, 2 questions
#   ("怎么样" is open, "吗" yes/no is closed)
# Nguyễn Thị Hương: "Tốt lắm, cảm ơn anh." 5,
#   "Dự án đang đúng tiến độ và khách hàng hài lòng." 11 -> 16
SCRIPTS = (
    "王伟: 你好。这周怎么样？\n"
    "Nguyễn Thị Hương: Tốt lắm, cảm ơn anh.\n"
    "王伟: 你需要帮忙吗？\n"
    "Nguyễn Thị Hương: Dự án đang đúng tiến độ và khách hàng hài lòng.\n"
)

# WebVTT with voices and times. Søren (manager) speaks twice in a row: one monologue of
# 4 + 6 = 10 words from 0:01 to 0:09, then "Any blockers?" (2) -> 12 words, 2 questions (the
# first open, the second closed). Zoë: 12 words from 0:10 to 0:40, then "Not really." -> 14.
VTT = (
    "WEBVTT\n\n"
    "00:00:01.000 --> 00:00:04.000\n<v Søren Kierkegaard>Right, quick update first.\n\n"
    "00:00:04.000 --> 00:00:09.000\n<v Søren Kierkegaard>How are you feeling about it?\n\n"
    "00:00:10.000 --> 00:00:40.000\n<v Zoë Saldaña>Honestly a bit stretched. The migration and the "
    "on-call week overlapped badly.\n\n"
    "00:00:41.000 --> 00:00:43.000\n<v Søren Kierkegaard>Any blockers?\n\n"
    "00:00:44.000 --> 00:00:46.000\n<v Zoë Saldaña>Not really.\n"
)

# SubRip with `Name: text` cues; Siobhán (manager) says 5 words, Mary-Kate D'Souza 8, Lee 3.
SRT = (
    "1\n00:00:01,000 --> 00:00:03,000\nSiobhán: Tell me about the demo?\n\n"
    "2\n00:00:03,500 --> 00:00:09,000\nMary-Kate D'Souza: It went well, the clinic asked "
    "for pricing.\n\n"
    "3\n00:00:09,500 --> 00:00:11,000\nLee: I'll send it.\n"
)


def _speaker(result: dict, name: str) -> dict:  # type: ignore[type-arg]
    return next(s for s in result["speakers"] if s["name"] == name)


def test_labelled_transcript_counts_words_shares_and_questions_exactly() -> None:
    ratio = talk_ratio(LABELLED, manager="Dana", report="Łukasz")
    data = ratio.as_json()
    dana, lukasz = _speaker(data, "Dana"), _speaker(data, "Łukasz")
    assert (dana["role"], dana["words"], dana["turns"]) == ("manager", 12, 3)
    assert (lukasz["role"], lukasz["words"], lukasz["turns"]) == ("report", 21, 2)
    assert data["total_words"] == 33
    assert dana["share"] == round(12 / 33, 3) and lukasz["share"] == round(21 / 33, 3)
    assert data["manager_share"] == round(12 / 33, 3)
    assert (dana["questions"], dana["open_questions"], dana["closed_questions"]) == (3, 2, 1)
    assert lukasz["questions"] == 0
    assert dana["longest_monologue_words"] == 4 and lukasz["longest_monologue_words"] == 11
    assert dana["longest_monologue_seconds"] is None  # no times in plain lines


def test_names_in_other_scripts_and_chinese_words_count_per_character() -> None:
    ratio = talk_ratio(SCRIPTS, manager="王伟", report="Nguyễn Thị Hương")
    manager, report = ratio.stats("manager"), ratio.stats("report")
    assert (manager.name, manager.words, manager.questions) == ("王伟", 13, 2)
    assert (manager.open_questions, manager.closed_questions) == (1, 1)
    assert (report.name, report.words) == ("Nguyễn Thị Hương", 16)
    assert ratio.manager_share == pytest.approx(13 / 29)


def test_webvtt_merges_a_monologue_and_times_it() -> None:
    ratio = talk_ratio(VTT, manager="Søren", report="Zoe")  # first name; accents optional
    manager, report = ratio.stats("manager"), ratio.stats("report")
    assert (ratio.manager, ratio.report, ratio.format) == (
        "Søren Kierkegaard",
        "Zoë Saldaña",
        "vtt",
    )
    assert (manager.words, report.words) == (12, 14)
    assert (manager.questions, manager.open_questions, manager.closed_questions) == (2, 1, 1)
    assert (manager.longest_monologue_words, manager.longest_monologue_seconds) == (10, 8.0)
    assert (report.longest_monologue_words, report.longest_monologue_seconds) == (12, 30.0)


def test_subrip_with_a_third_speaker_counts_them_as_other() -> None:
    ratio = talk_ratio(SRT, manager="Siobhán", report="Mary-Kate D'Souza")
    data = ratio.as_json()
    assert [(s["name"], s["role"], s["words"]) for s in data["speakers"]] == [
        ("Siobhán", "manager", 5),
        ("Mary-Kate D'Souza", "report", 8),
        ("Lee", "other", 3),
    ]
    assert data["manager_share"] == round(5 / 16, 3)
    assert _speaker(data, "Siobhán")["open_questions"] == 1  # "Tell me about…?"


@pytest.mark.parametrize(
    ("question", "open_"),
    [
        ("What would make this faster?", True),
        ("So, how did it go?", True),
        ("From your side, what would help?", True),
        ("Could you walk me through it?", True),
        ("Is the project on track?", False),
        ("Any problems?", False),
        ("Do you know what happened?", False),
        ("¿Qué opinas?", True),
        ("你觉得怎么样？", True),
    ],
)
def test_open_and_closed_questions(question: str, open_: bool) -> None:
    assert is_open_question(question) is open_


@pytest.mark.parametrize(
    ("text", "words"),
    [("Mary-Kate D'Souza didn't come", 4), ("We shipped v2 on 12 May.", 6), ("项目很好", 4)],
)
def test_word_counting_rules(text: str, words: int) -> None:
    assert count_words(text) == words


def _transcript(manager_words: int, report_words: int) -> str:
    """Two turns each; 'word' repeated so the counts are exact."""
    half_m, half_r = manager_words // 2, report_words // 2
    return (
        f"Avery: {' '.join(['word'] * half_m)}.\n"
        f"Sam: {' '.join(['word'] * half_r)}.\n"
        f"Avery: {' '.join(['word'] * (manager_words - half_m))}.\n"
        f"Sam: {' '.join(['word'] * (report_words - half_r))}.\n"
    )


@pytest.mark.parametrize(
    ("manager_words", "expected"),
    [(20, "close to the 80/20 guidance"), (35, "above the ~20%"), (60, "swap a statement")],
)
def test_the_note_against_the_80_20_guidance_cites_it(manager_words: int, expected: str) -> None:
    ratio = talk_ratio(
        _transcript(manager_words, 100 - manager_words), manager="Avery", report="Sam"
    )
    first = ratio.advice[0]
    assert expected in first.text and f"{manager_words}%" in first.text
    assert first.citation == RULE_CITATION
    assert ratio.advice[1].citation == ASKING_CITATION  # no questions asked


def test_closed_questions_and_long_monologues_get_their_own_notes() -> None:
    speech = " ".join(["word"] * 160)
    text = f"Avery: {speech}. Is that clear? Are we aligned?\nSam: Yes.\nAvery: Good.\nSam: Fine.\n"
    citations = [a.citation for a in talk_ratio(text, manager="Avery", report="Sam").advice]
    assert citations == [RULE_CITATION, OPEN_QUESTIONS_CITATION, TWO_SIDED_CITATION]


def test_every_citation_names_a_real_heading_of_the_guidance() -> None:
    headings: set[str] = set()
    for citation in (RULE_CITATION, ASKING_CITATION, OPEN_QUESTIONS_CITATION, TWO_SIDED_CITATION):
        path, heading = citation.split(" › ")
        text = Path(PROJECT_ROOT, path).read_text(encoding="utf-8")
        assert re.search(rf"^## {re.escape(heading)}$", text, flags=re.M), citation
        headings.add(heading)
    assert len(headings) == 4


@pytest.mark.parametrize(
    ("text", "manager", "report", "message"),
    [
        (
            "- shipped the fix\n- Sam to send the plan",
            "Avery",
            "Sam",
            "does not read as a transcript",
        ),
        (LABELLED, "Bob", "Łukasz", "No speaker in the transcript matches the manager 'Bob'"),
        (LABELLED, "Dana", "Dana", "same speaker"),
        (SRT.replace("Lee:", "Mary:"), "Siobhán", "Mar", "matches several speakers"),
    ],
)
def test_bad_input_is_refused_in_one_line(
    text: str, manager: str, report: str, message: str
) -> None:
    with pytest.raises(BadInputError, match=message):
        talk_ratio(text, manager=manager, report=report)


LETTERS = st.characters(categories=["Lu", "Ll", "Lo"])
NAMES = st.text(LETTERS, min_size=2, max_size=10).filter(lambda n: n.lower() not in {"ai", "re"})


@settings(max_examples=40, deadline=None)
@given(NAMES, NAMES, st.integers(1, 30), st.integers(1, 30))
def test_shares_add_up_and_words_match_for_any_names(a: str, b: str, x: int, y: int) -> None:
    if a.casefold() == b.casefold():
        return
    text = (
        f"{a}: {' '.join(['hi'] * x)}\n{b}: {' '.join(['ok'] * y)}\n"
        f"{a}: {' '.join(['hi'] * x)}\n{b}: {' '.join(['ok'] * y)}\n"
    )
    try:
        ratio = talk_ratio(text, manager=a, report=b)
    except BadInputError:
        # Only when the parser reads one name as a label or the names fold together.
        return
    assert ratio.stats("manager").words == 2 * x
    assert ratio.stats("report").words == 2 * y
    assert sum(s.share for s in ratio.speakers) == pytest.approx(1.0)


def test_cli_prints_the_json_interface(coach: Coach, tmp_path: Path) -> None:
    path = tmp_path / "call.vtt"
    path.write_text(VTT, encoding="utf-8")
    result = coach(
        "talk-ratio", "--file", str(path), "--manager", "Søren", "--report", "Zoë", "--json"
    )
    assert result.code == 0, result.err
    data = result.json()
    assert set(data) >= {"speakers", "manager_share", "advice"}
    assert [(s["name"], s["words"]) for s in data["speakers"]] == [
        ("Søren Kierkegaard", 12),
        ("Zoë Saldaña", 14),
    ]
    assert {"name", "words", "share", "questions"} <= set(data["speakers"][0])
    assert data["manager_share"] == round(12 / 26, 3)
    assert data["advice"][0]["citation"] == RULE_CITATION


def test_cli_text_output_and_bad_input(coach: Coach, tmp_path: Path) -> None:
    path = tmp_path / "call.txt"
    path.write_text(LABELLED, encoding="utf-8")
    shown = coach("talk-ratio", "--file", str(path), "--manager", "Dana", "--report", "Łukasz")
    assert shown.code == 0, shown.err
    assert "Dana (manager)" in shown.out and "36%" in shown.out and RULE_CITATION in shown.out
    wrong = coach("talk-ratio", "--file", str(path), "--manager", "Bob", "--report", "Łukasz")
    assert wrong.code == 2 and wrong.err.count("\n") == 1 and "Bob" in wrong.err
    missing = coach(
        "talk-ratio", "--file", str(tmp_path / "nope.vtt"), "--manager", "A", "--report", "B"
    )
    assert missing.code == 2 and "Cannot read" in missing.err


def test_cli_attach_keeps_the_counts_on_that_days_1on1(coach: Coach, tmp_path: Path) -> None:
    assert coach("demo").code == 0
    record = coach("timeline", "Amara", "--json").json()
    held = next(m for m in record["meetings"] if m["status"] == "held")
    path = tmp_path / "call.txt"
    path.write_text(
        "Alex Morgan: How did it go?\nAmara Okonkwo: Well, we shipped it.\n"
        "Alex Morgan: What is next?\nAmara Okonkwo: The runbook.\n",
        encoding="utf-8",
    )
    kept = coach(
        "talk-ratio",
        "--file",
        str(path),
        "--manager",
        "Alex",
        "--report",
        "Amara",
        "--attach",
        held["date"],
    )
    assert kept.code == 0, kept.err
    assert f"Kept on your 1:1 with Amara of {held['date']}" in kept.out
    after = coach("timeline", "Amara", "--json").json()
    talk = next(m for m in after["meetings"] if m["id"] == held["id"])["talk"]
    # Alex: 4 + 3 = 7 words; Amara: 4 + 2 = 6 words.
    assert (talk["manager_words"], talk["report_words"]) == (7, 6)
    assert talk["manager_share"] == round(7 / 13, 3)
