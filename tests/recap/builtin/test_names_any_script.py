"""Names in any script own action items: owners, participants, initials, possessives."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.recap.builtin import extract_recap
from assistant.recap.builtin.people import PeopleDirectory

DAY = dt.date(2026, 3, 4)  # a Wednesday; Friday is the 6th
MANAGER = "Dana Whitfield"

# A capitalised word: an upper-case letter of any cased script, then lower-case letters.
UPPER = st.characters(categories=["Lu"])
LOWER = st.text(st.characters(categories=["Ll"]), min_size=2, max_size=7)
WORD = st.builds(lambda u, rest: u + rest, UPPER, LOWER).filter(
    lambda w: unicodedata.normalize("NFC", w) == w and w.lower() == w[0].lower() + w[1:]
)
# "Zoë Ångström", "Mary-Kate D'Souza"-like, "Jan van der Berg", "María de la Cruz", "O'Brien".
NAMES = st.builds(
    lambda first, middle, sep, last: f"{first}{middle}{sep}{last}",
    WORD,
    st.one_of(st.just(""), WORD.map(lambda w: "-" + w)),
    st.sampled_from([" ", " van der ", " de la ", " O'"]),
    WORD,
)


def _items(
    notes: str, report: str, author: str = "manager"
) -> list[tuple[str, str, dt.date | None]]:
    draft = extract_recap(notes, meeting_date=DAY, manager=MANAGER, report=report, author=author)
    return [(i.task, i.owner, i.due) for i in draft.action_items]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(NAMES)
def test_any_report_name_owns_an_ai_line(name: str) -> None:
    first = name.split()[0].split("-")[0]
    items = _items(f"AI: {first} to write up the on-call runbook by Friday", report=name)
    assert items == [("Write up the on-call runbook", name, dt.date(2026, 3, 6))]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(NAMES)
def test_full_names_in_any_script_own_their_will_promise(name: str) -> None:
    items = _items(f"Weekly 1:1\n- {name} will book the venue by Friday", report="Priya Nair")
    assert [(owner, due) for _, owner, due in items] == [(name, dt.date(2026, 3, 6))]


@pytest.mark.parametrize(
    ("line", "report", "owner"),
    [
        ("AI: Tomás to write up the on-call runbook by Friday", "Tomás Herrera", "Tomás Herrera"),
        ("AI: Tomas to write up the on-call runbook by Friday", "Tomás Herrera", "Tomás Herrera"),
        ("ŁN to draft the grant report by Friday", "Łukasz Nowak", "Łukasz Nowak"),
        ("MKD to review the PR by Friday", "Mary-Kate D'Souza", "Mary-Kate D'Souza"),
        ("Mary-Kate D'Souza to review the PR by Friday", "Mary-Kate D'Souza", "Mary-Kate D'Souza"),
        ("王伟 will run the benchmark by Friday", "王伟", "王伟"),
        ("Søren will update the wiki by Friday", "Søren Kierkegaard", "Søren Kierkegaard"),
        ("Nguyễn Thị Hương to send the slides by Friday", "Zoë Adams", "Nguyễn Thị Hương"),
    ],
)
def test_owner_forms_in_any_script(line: str, report: str, owner: str) -> None:
    items = _items(line, report=report)
    assert [(o, d) for _, o, d in items] == [(owner, dt.date(2026, 3, 6))]


def test_initials_possessives_and_particles_resolve() -> None:
    people = PeopleDirectory(
        MANAGER,
        "Łukasz Nowak",
        ["Eleni Papadaki-Stavrou", "Jan van der Berg", "Siobhán Ní Bhriain"],
    )
    assert people.resolve("ŁN") is people.report
    assert people.resolve("Łukasz's") is people.report
    assert people.resolve("EP-S").full == "Eleni Papadaki-Stavrou"  # type: ignore[union-attr]
    assert people.resolve("JB").full == "Jan van der Berg"  # type: ignore[union-attr]
    assert people.resolve("Siobhán").full == "Siobhán Ní Bhriain"  # type: ignore[union-attr]


def test_attendee_lines_make_one_word_names_owners() -> None:
    notes = "Present: Kaz, Maël, 佳慧, Íñigo\n\nActions\n- [Maël] run OMR on one movement\n"
    items = _items(notes, report="Íñigo Salcedo")
    assert [(t, o) for t, o, _ in items] == [("Run OMR on one movement", "Maël")]


def test_decomposed_accents_are_read_as_composed() -> None:
    decomposed = unicodedata.normalize("NFD", "AI: Tomás to send the deck by Friday")
    assert [o for _, o, _ in _items(decomposed, report="Tomás Herrera")] == ["Tomás Herrera"]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=NAMES)
def test_coach_recap_json_carries_names_in_any_script(
    name: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    import json

    from typer.testing import CliRunner

    from assistant.cli import app

    folder = tmp_path_factory.mktemp("notes")
    notes = folder / "notes.md"
    notes.write_text(f"AI: {name} to write up the on-call runbook by Friday\n", encoding="utf-8")
    args = ["recap", "--file", str(notes), "--date", "2026-03-04", "--json"]
    result = CliRunner().invoke(
        app,
        [*args, "--manager", MANAGER, "--report", name],
        env={"COACH_DATA_DIR": str(folder)},
    )
    assert result.exit_code == 0, result.output
    items = json.loads(result.output)["action_items"]
    assert [(i["owner"], i["due"]) for i in items] == [(name, "2026-03-06")]


# Scripts without capitals, with combining marks: Devanagari vowel signs, Thai vowels, Arabic.
UNCASED_LETTER = st.characters(categories=["Lo"])
UNCASED_TAIL = st.text(st.characters(categories=["Lo", "Mn", "Mc"]), min_size=1, max_size=6)
UNCASED_WORD = st.builds(lambda first, rest: first + rest, UNCASED_LETTER, UNCASED_TAIL).filter(
    lambda w: unicodedata.normalize("NFC", w) == w
)
UNCASED_NAMES = st.builds(
    lambda first, last: f"{first} {last}" if last else first,
    UNCASED_WORD,
    st.one_of(st.just(""), UNCASED_WORD),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(UNCASED_NAMES)
def test_names_in_scripts_without_capitals_own_their_promise(name: str) -> None:
    items = _items(f"- {name} will book the venue by Friday", report="Priya Nair")
    assert [(owner, due) for _, owner, due in items] == [(name, dt.date(2026, 3, 6))]


@pytest.mark.parametrize("name", ["प्रिया शर्मा", "สมชาย ใจดี", "فاطمة الزهراء", "王伟", "ਗੁਰਪ੍ਰੀਤ ਕੌਰ"])
def test_uncased_names_as_owners_and_reports(name: str) -> None:
    assert _items(f"- {name} to send the deck to finance by Friday", report="Zoë Adams") == [
        ("Send the deck to finance", name, dt.date(2026, 3, 6))
    ]
    assert _items("AI: I'll send the deck to finance by Friday", report=name, author="report") == [
        ("Send the deck to finance", name, dt.date(2026, 3, 6))
    ]
