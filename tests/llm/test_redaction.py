from __future__ import annotations

import pytest
from langchain_core.messages import HumanMessage, SystemMessage
from pydantic import BaseModel, ConfigDict, computed_field

from assistant.llm.client import redact_messages
from assistant.llm.redaction import Redactor, placeholder

PEOPLE = ["Maria Santos", "Sam Lee", "Will Turner"]


@pytest.fixture
def redactor() -> Redactor:
    return Redactor.for_people(PEOPLE)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Maria Santos joined.", "Person A joined."),
        ("maria santos joined.", "Person A joined."),
        ("Maria\n Santos joined.", "Person A joined."),
        ("Maria said hi.", "Person A said hi."),
        ("Santos said hi.", "Person A said hi."),
        ("MS and SL agreed.", "Person A and Person B agreed."),
        ("Maria's plan", "Person A's plan"),
        ("Maria’s plan", "Person A’s plan"),
        ("Ask Sam.", "Ask Person B."),
        ("sam to follow up", "Person B to follow up"),
        # whole words only
        (
            "Mariana and Samantha met; the samples are fine.",
            "Mariana and Samantha met; the samples are fine.",
        ),
        ("Leeds office", "Leeds office"),
        ("ms word and sl are lower-case", "ms word and sl are lower-case"),
        # a name that is also a word matches only when capitalised
        ("I will ask Will.", "I will ask Person C."),
        ("WT owns it", "Person C owns it"),
        ("", ""),
    ],
)
def test_redact(redactor: Redactor, text: str, expected: str) -> None:
    assert redactor.redact(text) == expected


def test_generic_words_and_acronyms_are_only_redacted_in_full_names() -> None:
    redactor = Redactor(["Demo Manager", "Dana Moss"])

    redacted = redactor.redact("Manager: Demo Manager. The manager will DM Dana; DM to follow up.")

    assert redacted == "Manager: Person A. The manager will DM Person B; DM to follow up."


def test_full_name_is_one_placeholder_not_two(redactor: Redactor) -> None:
    assert redactor.redact("Sam Lee") == "Person B"


def test_restore_maps_placeholders_to_full_names(redactor: Redactor) -> None:
    assert redactor.restore("Person A thanked Person B's team; Person C agreed.") == (
        "Maria Santos thanked Sam Lee's team; Will Turner agreed."
    )


def test_restore_does_not_touch_longer_labels() -> None:
    many = Redactor([f"First{i} Last{i}" for i in range(30)])
    assert many.restore("Person AB and Person A") == "First27 Last27 and First0 Last0"


def test_round_trip_is_stable_across_calls() -> None:
    first = Redactor(PEOPLE).redact("Sam and Maria")
    second = Redactor(PEOPLE).redact("Sam and Maria")
    assert first == second == "Person B and Person A"


def test_shared_first_name_gets_its_own_placeholder() -> None:
    redactor = Redactor(["Maria Santos", "Maria Lopez"])

    redacted = redactor.redact("Maria Santos and Maria Lopez; Maria will decide.")

    assert redacted == "Person A and Person B; Person C will decide."
    assert redactor.restore(redacted) == "Maria Santos and Maria Lopez; Maria will decide."


def test_no_people_means_no_change() -> None:
    redactor = Redactor([])
    assert redactor.redact("Maria") == "Maria"
    assert redactor.restore("Person A") == "Person A"


def test_single_letter_parts_are_not_redacted_alone() -> None:
    redactor = Redactor(["Sam J. Lee"])
    assert redactor.redact("J. Lee and Sam J. Lee") == "J. Person A and Person A"


class Item(BaseModel):
    task: str
    owner: str | None
    due: int | None = None


class Answer(BaseModel):
    summary: str
    items: list[Item]
    tags: tuple[str, ...] = ()


def test_restore_model_walks_nested_strings(redactor: Redactor) -> None:
    answer = Answer(
        summary="Person A leads.",
        items=[
            Item(task="Pair with Person B", owner="Person B", due=3),
            Item(task="x", owner=None),
        ],
        tags=("Person C",),
    )

    restored = redactor.restore_model(answer)

    assert restored == Answer(
        summary="Maria Santos leads.",
        items=[Item(task="Pair with Sam Lee", owner="Sam Lee", due=3), Item(task="x", owner=None)],
        tags=("Will Turner",),
    )
    assert answer.summary == "Person A leads."  # the original is untouched


@pytest.mark.parametrize(
    "chunks",
    [
        ["Person A", " met Person B."],
        ["Per", "son A met ", "Person", " B."],
        ["P", "e", "r", "s", "o", "n", " ", "A", " met Person B", "."],
        ["Person A met Person B."],
    ],
)
def test_restore_stream_handles_split_placeholders(redactor: Redactor, chunks: list[str]) -> None:
    assert "".join(redactor.restore_stream(chunks)) == "Maria Santos met Sam Lee."


def test_restore_stream_does_not_hold_back_ordinary_text(redactor: Redactor) -> None:
    out = list(redactor.restore_stream(["Plan the ", "week"]))
    assert out == ["Plan the ", "week"]


@pytest.mark.parametrize(("index", "label"), [(0, "Person A"), (25, "Person Z"), (26, "Person AA")])
def test_placeholder_labels(index: int, label: str) -> None:
    assert placeholder(index) == label


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    owner: str

    @computed_field  # type: ignore[prop-decorator]
    @property
    def shout(self) -> str:
        return self.owner.upper()


def test_restore_model_keeps_frozen_strict_models_with_computed_fields(
    redactor: Redactor,
) -> None:
    restored = redactor.restore_model(Strict(owner="Person B"))

    assert restored.owner == "Sam Lee"
    assert restored.shout == "SAM LEE"


def test_client_redacts_langchain_messages_with_content_blocks() -> None:
    redactor = Redactor(["Maria Santos"])
    messages = [
        SystemMessage("About Maria"),
        HumanMessage(content=[{"type": "text", "text": "Maria Santos said"}, "Santos"]),
    ]

    system, human = redact_messages(messages, redactor)

    assert isinstance(system, SystemMessage) and system.content == "About Person A"
    assert isinstance(human, HumanMessage)
    assert human.content == [{"type": "text", "text": "Person A said"}, "Person A"]
    assert messages[0].content == "About Maria"  # originals untouched


# -- contact details and ID numbers -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Write to maria.o@gmail.com today", "maria.o@gmail.com"),
        ("Call +44 20 7946 0958 after 5", "+44 20 7946 0958"),
        ("Cell: (555) 123-4567.", "(555) 123-4567"),
        ("SSN 123-45-6789 on file", "123-45-6789"),
        ("NI number QQ 12 34 56 C", "QQ 12 34 56 C"),
        ("IBAN GB82 WEST 1234 5698 7654 32", "GB82 WEST 1234 5698 7654 32"),
        ("Employee number 1234567890", "1234567890"),
        (
            "See https://github.com/maria-santos/notes?x=1.",
            "https://github.com/maria-santos/notes?x=1",
        ),
    ],
)
def test_contacts_and_id_numbers_are_replaced_and_restored(text: str, secret: str) -> None:
    redactor = Redactor(["Maria Santos"])

    sent = redactor.redact(text)

    assert secret not in sent
    assert "maria" not in sent.lower()
    assert redactor.restore(sent) == text


@pytest.mark.parametrize(
    "text",
    [
        "Due 2026-03-04 at 10:30",
        "Budget $12,500 for Q3, up 20%",
        "Version 2.3.1 ships; 3 of 4 tests pass",
        "Sprint 14, ticket ABC-1234",
    ],
)
def test_dates_money_versions_and_tickets_are_left_alone(text: str) -> None:
    assert Redactor([]).redact(text) == text


def test_a_name_inside_an_email_never_corrupts_it() -> None:
    redactor = Redactor(["Bo Chen", "Maria Santos"])

    sent = redactor.redact("Bo: mail maria.o@gmail.com or bo.chen@example.org")

    assert sent == "Person A: mail [email A] or [email B]"
    assert redactor.restore(sent) == "Bo Chen: mail maria.o@gmail.com or bo.chen@example.org"
    assert redactor.restore("Send it to [email B] and [email A].") == (
        "Send it to bo.chen@example.org and maria.o@gmail.com."
    )


def test_the_same_address_gets_the_same_placeholder() -> None:
    redactor = Redactor([])
    assert redactor.redact("a@b.io, c@d.io, a@b.io") == "[email A], [email B], [email A]"


@pytest.mark.parametrize(
    "chunks",
    [["Mail [em", "ail A] now"], ["Mail [email A", "] now"], ["Mail ", "[", "email A]", " now"]],
)
def test_restore_stream_handles_split_contact_placeholders(chunks: list[str]) -> None:
    redactor = Redactor([])
    redactor.redact("x@y.org")
    assert "".join(redactor.restore_stream(chunks)) == "Mail x@y.org now"


def test_contacts_are_kept_when_asked() -> None:
    assert Redactor([], contacts=False).redact("x@y.org") == "x@y.org"


def test_a_name_one_block_writes_in_lower_case_is_still_redacted_in_every_block() -> None:
    """The built-in draft's summary lower-cases topics ("covering parser, łukasz nowak"); that
    must not make Łukasz an everyday word and send his name out with the notes."""
    from assistant.llm.outbound import as_sent, redactor_for
    from assistant.llm.prompts import fence

    user = (
        "Draft:\n"
        + fence('{"summary": "covering parser, łukasz nowak. Owners: Łukasz Nowak."}', "draft")
        + "\nNotes:\n"
        + fence("- Łukasz Nowak to review the parser\n- Zoë Lambert shipped the fix", "notes")
    )
    messages = [{"role": "user", "content": user}]
    sent = as_sent(messages, redactor_for(messages, people=["Dana Whitfield"]))  # type: ignore[arg-type]
    text = sent[0]["content"]
    assert "Łukasz" not in text and "łukasz" not in text and "Nowak" not in text
    assert "Zoë" not in text


def test_initials_that_are_words_of_our_prompt_stay_words() -> None:
    """Someone whose initials are "MM" must not turn the prompt's own "YYYY-MM-DD" into
    "YYYY-Person A-DD" (the model then cannot read the date format); their names still go."""
    redactor = Redactor(["Mika Mäkinen", "Zoë Ødegaard"])
    text = "Due dates are YYYY-MM-DD. Mika Mäkinen and ZØ: Mika to send it; Zoë's draft."
    redacted = redactor.redact(text)
    assert "YYYY-MM-DD" in redacted
    assert "Mika" not in redacted and "Mäkinen" not in redacted and "Zoë" not in redacted
    assert "ZØ" not in redacted  # initials that are not our words are still replaced
