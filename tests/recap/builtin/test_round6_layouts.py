"""Round 6 (issue #10): two tasks joined by a semicolon under one name label, and a leading
"??" that stays with the sentence it marks. Every note here is fictional."""

from __future__ import annotations

from assistant.recap.builtin.segmentation import split_sentences
from tests.support.recap_items import owner_task_pairs

ATTENDEES = "Attendees: Zoë Lambert, Łukasz Nowak, Mary-Kate D'Souza, Nguyễn Thị Hương, 王伟\n\n"


_items = owner_task_pairs


def test_a_semicolon_before_a_second_task_verb_gives_two_items_of_the_same_owner() -> None:
    notes = ATTENDEES + (
        "## Stand-up\n"
        "- Nguyễn Thị Hương: Draft the vendor questionnaire; start reviewing the pricing sheet\n"
        "- Mary-Kate D'Souza: Book the venue; email the caterer about the menu\n"
    )
    items = _items(notes)
    assert ("Nguyễn Thị Hương", "Draft the vendor questionnaire") in items, items
    assert any(o == "Nguyễn Thị Hương" and "pricing sheet" in t for o, t in items), items
    assert any(o == "Mary-Kate D'Souza" and "caterer" in t for o, t in items), items
    assert not any("questionnaire" in t and "pricing" in t for _, t in items)


def test_a_semicolon_inside_one_task_does_not_split_it() -> None:
    text = "王伟 to compare the two offers; the cheaper one ships in May"
    assert len(split_sentences(text)) == 1
    text = "Zoë: order the laptops; monitors later"
    assert len(split_sentences(text)) == 1


def test_a_leading_question_mark_stays_with_its_sentence_and_keeps_it_a_follow_up() -> None:
    text = "?? ask legal about Łukasz's licence question"
    assert [text[a:b] for a, b in split_sentences(text)] == [text]
    notes = ATTENDEES + "## Action items\n- 王伟 to book the room\n"
    notes += "- ?? ask legal about the licence\n"
    tasks = [t for _, t in _items(notes)]
    assert tasks == ["Book the room"], tasks


def test_a_task_that_waits_for_something_to_be_finished_is_still_open() -> None:
    notes = ATTENDEES + (
        "## Next steps\n"
        "- 王伟 to send a reminder to Mary-Kate D'Souza when the survey is finished\n"
        "- Nguyễn Thị Hương: merge the translation branch once it's done\n"
        "- Zoë to update the glossary (done)\n"
    )
    items = _items(notes)
    assert any(o == "王伟" and "reminder" in t for o, t in items), items
    assert any(o == "Nguyễn Thị Hương" and "translation branch" in t for o, t in items), items
    assert not any("glossary" in t for _, t in items)  # a task marked done is no item
