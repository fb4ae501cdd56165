"""Transcripts: labelled lines, WebVTT and SubRip become turns; ordinary notes do not."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from assistant.talk.transcript import NOT_SPEAKERS, parse_transcript

LETTERS = st.characters(categories=["Lu", "Ll", "Lt", "Lo"])
NAME_PART = st.text(LETTERS, min_size=1, max_size=8)
NAMES = st.builds(
    lambda first, sep, last: f"{first}{sep}{last}" if last else first,
    NAME_PART,
    st.sampled_from([" ", "-", "'", " van der ", " de la "]),
    st.one_of(st.just(""), NAME_PART),
).filter(lambda name: len(name) >= 2 and name.lower() not in NOT_SPEAKERS)  # "A:", "Q:" are labels


def test_labelled_lines_become_turns_with_names_in_any_script() -> None:
    transcript = parse_transcript(
        "Dana: How did the launch go?\n"
        "Łukasz: Pretty well, we shipped Tuesday.\n"
        "  and the rollback worked too\n"
        "Dana: What would you change?\n"
        "Łukasz: I'd add a rollback plan.\n"
        "Mary-Kate D'Souza: I can review it.\n"
    )
    assert transcript is not None and transcript.format == "labelled"
    assert transcript.speakers == ["Dana", "Łukasz", "Mary-Kate D'Souza"]
    assert (
        transcript.turns[1].text == "Pretty well, we shipped Tuesday. and the rollback worked too"
    )


@pytest.mark.parametrize(
    "notes",
    [
        "AI: Tomás to write up the on-call runbook by Friday\nNext steps: budget\nOwner: José",
        "- shipped the billing fix\n- Sam to send the plan by Friday\n- I'll ask finance",
        "Zoë: book the venue\nSøren: update the runbook\nLee: send the deck\nin other news...\n"
        "the customer is happy\nwe talked about growth\nand about the offsite",
    ],
    ids=["section-labels", "bullets", "owner-list"],
)
def test_ordinary_notes_are_not_transcripts(notes: str) -> None:
    assert parse_transcript(notes) is None


def test_webvtt_voices_and_times() -> None:
    vtt = (
        "WEBVTT\n\n1\n00:00:01.000 --> 00:00:04.000\n<v Dana Whitfield>How are things?</v>\n\n"
        "2\n00:00:04.500 --> 00:01:09.000\n<v 王伟>Good. I finished the migration.</v>\n\n"
        "00:01:09.500 --> 00:01:12.000\n<v Dana Whitfield>Great. What's next?\n"
    )
    transcript = parse_transcript(vtt)
    assert transcript is not None and transcript.format == "vtt"
    assert [t.speaker for t in transcript.turns] == ["Dana Whitfield", "王伟", "Dana Whitfield"]
    assert (transcript.turns[1].start, transcript.turns[1].end) == (4.5, 69.0)


def test_srt_cues_without_a_name_continue_the_last_speaker() -> None:
    srt = (
        "1\n00:00:01,000 --> 00:00:04,000\nZoë: How are things?\n\n"
        "2\n00:00:04,500 --> 00:00:09,000\nSøren: Busy. Can we move the demo?\n\n"
        "3\n00:00:09,500 --> 00:00:10,000\nSure, Thursday.\n"
    )
    transcript = parse_transcript(srt)
    assert transcript is not None and transcript.format == "srt"
    assert [(t.speaker, t.text) for t in transcript.turns] == [
        ("Zoë", "How are things?"),
        ("Søren", "Busy. Can we move the demo? Sure, Thursday."),
    ]


@settings(max_examples=80, deadline=None)
@given(manager=NAMES, report=NAMES)
@example(manager="A ਖ਼", report="Zoë")  # NFC splits the Gurmukhi letter into a letter + nukta
@example(manager="प्रिया शर्मा", report="Łukasz")  # Devanagari vowel signs are marks
def test_any_unicode_names_are_speakers(manager: str, report: str) -> None:
    manager, report = (unicodedata.normalize("NFC", n) for n in (manager, report))
    if manager.lower() == report.lower():
        return
    transcript = parse_transcript(
        f"{manager}: How was the week?\n{report}: Busy but fine.\n"
        f"{manager}: What do you need from me?\n{report}: Time on Friday.\n"
    )
    assert transcript is not None
    assert transcript.speakers == [manager, report]
