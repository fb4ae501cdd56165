"""Notes written in other languages: the built-in engine reads German, French, Spanish,
Portuguese, Italian, Dutch, Chinese and Japanese notes the way it reads English ones (action
headings, owner prefixes and commitment cues, done words, maybes, due phrases), and keeps every
task in the note's own language. All notes here are invented."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.recap.builtin import extract_recap
from assistant.recap.builtin.dates import find_dues
from assistant.recap.builtin.languages import foreign_note, heading_kind, infinitive_task
from assistant.recap.builtin.segmentation import split_sentences
from assistant.recap.builtin.tokens import task_similarity, task_tokens

MEETING = dt.date(2026, 3, 4)  # a Wednesday


def _items(notes: str, manager: str, report: str) -> list[tuple[str, str, dt.date | None]]:
    draft = extract_recap(notes, meeting_date=MEETING, manager=manager, report=report)
    return [(i.owner, i.task, i.due) for i in draft.action_items]


def test_german_action_section_reads_owners_cues_and_dates() -> None:
    notes = (
        "## Besprochen\n"
        "Die Einarbeitung läuft gut.\n\n"
        "## Nächste Schritte\n"
        "- Łukasz wird bis Freitag den Testplan überarbeiten\n"
        "- Zoë: Budgetfreigabe beim Einkauf anfragen\n"
        "- Migration der Datenbank – erledigt\n"
        "- Vielleicht ein Offsite im Sommer?\n"
    )
    items = _items(notes, "Zoë Lambert", "Łukasz Nowak")
    assert ("Łukasz Nowak", "Den Testplan überarbeiten", dt.date(2026, 3, 6)) in items
    assert ("Zoë Lambert", "Budgetfreigabe beim Einkauf anfragen", None) in items
    tasks = " ".join(task for _, task, _ in items)
    assert "Migration" not in tasks  # done ("erledigt")
    assert "Offsite" not in tasks  # a maybe, a question


def test_chinese_names_before_the_verb_and_full_width_colons() -> None:
    notes = (
        "会议纪要\n"
        "待办事项：\n"
        "・王伟负责更新部署文档，下周五前完成\n"
        "・李娜：准备季度报告\n"
        "・服务器迁移已完成\n"
        "我们讨论了招聘计划。王伟会去跟进预算审批。\n"
    )
    items = _items(notes, "李娜", "王伟")
    assert ("王伟", "更新部署文档", dt.date(2026, 3, 13)) in items
    assert ("李娜", "准备季度报告", None) in items
    assert ("王伟", "跟进预算审批", None) in items
    assert not any("迁移" in task for _, task, _ in items)  # done


def test_japanese_honorifics_and_dates() -> None:
    notes = (
        "議事録\n"
        "・佐藤さんが資料を作成する（来週金曜日まで）\n"
        "・田中：予算を確認する\n"
        "・サーバー移行は完了\n"
    )
    items = _items(notes, "田中 太郎", "佐藤 花子")
    assert ("佐藤 花子", "資料を作成する", dt.date(2026, 3, 13)) in items
    assert ("田中 太郎", "予算を確認する", None) in items
    assert len(items) == 2


@pytest.mark.parametrize(
    ("notes", "owner", "task", "due"),
    [
        (
            "Prochaines étapes\n- Siobhán va envoyer le compte rendu avant vendredi\n",
            "Siobhán Kelly",
            "Envoyer le compte rendu",
            dt.date(2026, 3, 6),
        ),
        (
            "Próximos pasos:\n- Siobhán se encarga de preparar la demo para el viernes\n",
            "Siobhán Kelly",
            "Preparar la demo",
            dt.date(2026, 3, 6),
        ),
        (
            "Próximos passos\n- Siobhán vai revisar o orçamento até sexta-feira\n",
            "Siobhán Kelly",
            "Revisar o orçamento",
            dt.date(2026, 3, 6),
        ),
        (
            "Prossimi passi\n- Siobhán si occupa di aggiornare il piano entro venerdì\n",
            "Siobhán Kelly",
            "Aggiornare il piano",
            dt.date(2026, 3, 6),
        ),
        (
            "Actiepunten\n- Siobhán: de offerte naar Mary-Kate sturen tot 13.3.\n",
            "Siobhán Kelly",
            "De offerte naar Mary-Kate sturen",  # no dangling "tot"
            dt.date(2026, 3, 13),
        ),
        (
            "Actiepunten\n- Siobhán zal de offerte voor vrijdag versturen\n",
            "Siobhán Kelly",
            "Offerte versturen",
            dt.date(2026, 3, 6),
        ),
    ],
)
def test_romance_and_dutch_commitments(notes: str, owner: str, task: str, due: dt.date) -> None:
    items = _items(notes, "Mary-Kate D'Souza", "Siobhán Kelly")
    assert items == [(owner, task, due)]


def test_writer_commitment_in_first_person_is_the_writers() -> None:
    notes = "Aufgaben\n- Ich werde bis Freitag die Projektseiten anlegen\n"
    items = _items(notes, "Søren Berg", "Nguyễn Thị Hương")
    assert items == [("Søren Berg", "Die Projektseiten anlegen", dt.date(2026, 3, 6))]


def test_capitalised_german_nouns_are_no_people() -> None:
    notes = (
        "- Nächster Schritt: Auswertung der Umfrage vorbereiten\n"
        "- Visualisierung von Messdaten besprochen\n"
    )
    draft = extract_recap(notes, meeting_date=MEETING, manager="Søren Berg", report="Zoë Lambert")
    assert all(i.owner in ("Søren Berg", "Zoë Lambert") for i in draft.action_items)


@pytest.mark.parametrize(
    ("text", "phrase", "due"),
    [
        ("bis nächsten Freitag", "nächsten Freitag", dt.date(2026, 3, 13)),
        ("la semaine prochaine", "la semaine prochaine", None),
        ("fin du mois", "fin du mois", dt.date(2026, 3, 31)),
        ("el próximo viernes", "próximo viernes", dt.date(2026, 3, 13)),
        ("下周五前", "下周五", dt.date(2026, 3, 13)),
        ("3月15日までに", "3月15日", dt.date(2026, 3, 15)),
        ("明天", "明天", dt.date(2026, 3, 5)),
        ("bis 15.3.", "15.3.", dt.date(2026, 3, 15)),
        ("am 15. März", "15. März", dt.date(2026, 3, 15)),
        # one list of due prepositions serves dates and task trimming alike
        ("spätestens 15.3.", "15.3.", dt.date(2026, 3, 15)),
        ("tot 15.3.", "15.3.", dt.date(2026, 3, 15)),
        ("antes del 15.3.", "15.3.", dt.date(2026, 3, 15)),
    ],
)
def test_due_phrases_of_other_languages(text: str, phrase: str, due: dt.date | None) -> None:
    found = find_dues(text, MEETING)
    assert [(d.phrase, d.date) for d in found] == [(phrase, due)]


def test_a_preposition_inside_a_word_leads_to_no_date() -> None:
    # "al" and "le" are due prepositions, but not at the end of "Kapital" or "Tribunale"
    assert find_dues("Kapital 15.3. und Tribunale 2.4.", MEETING) == []


def test_english_words_are_no_foreign_dates() -> None:
    assert find_dues("we went out 2 times; set 5 goals; version 1.2. shipped", MEETING) == []
    assert find_dues("Am Morgen kurz besprochen", MEETING) == []  # the noun, not "morgen"


def test_sentences_end_at_full_width_marks() -> None:
    text = "王伟负责更新文档。李娜准备报告！会议很好；下次再谈？"
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "王伟负责更新文档。",
        "李娜准备报告！",
        "会议很好；",
        "下次再谈？",
    ]


def test_headings_and_note_language() -> None:
    for heading in (
        "Nächste Schritte",
        "À faire",
        "Tareas",
        "Azioni",
        "Actiepunten",
        "待办",
        "宿題",
    ):
        assert heading_kind(heading) == "action", heading
    assert heading_kind("Offene Fragen") == "followup"
    assert foreign_note("Wir haben das Logo eingebaut und die Seite ist fertig.")
    assert not foreign_note("We agreed that the deck is done and the team will ship it.")
    assert infinitive_task("Envoyer le rapport") and infinitive_task("Server-Zugriff testen")


def test_task_tokens_count_chinese_in_character_pairs() -> None:
    assert task_tokens("更新部署文档") == {"更新", "新部", "部署", "署文", "文档"}
    assert task_similarity("更新部署文档", "更新文档") > 0.3
    assert task_similarity("更新部署文档", "准备季度报告") == 0.0


@settings(max_examples=30, deadline=None)
@given(
    name=st.sampled_from(["王伟", "Zoë", "Łukasz", "Nguyễn Thị Hương", "Mary-Kate D'Souza"]),
    task=st.sampled_from(["更新部署文档", "den Testplan überarbeiten", "revisar el presupuesto"]),
)
def test_any_script_name_with_a_colon_owns_its_task(name: str, task: str) -> None:
    notes = f"Aufgaben\n- {name}：{task}\n"
    draft = extract_recap(notes, meeting_date=MEETING, manager="Søren Berg", report=name)
    assert [(i.owner, i.task.lower()) for i in draft.action_items] == [(name, task.lower())]


def test_action_tables_with_headers_of_other_languages() -> None:
    notes = (
        "| Aufgabe | Verantwortlich | Termin |\n"
        "|---|---|---|\n"
        "| Testplan überarbeiten | Łukasz | 15.3. |\n"
        "| Budgetfreigabe anfragen | Zoë | erledigt |\n"
    )
    items = _items(notes, "Zoë Lambert", "Łukasz Nowak")
    assert items == [("Łukasz Nowak", "Testplan überarbeiten", dt.date(2026, 3, 15))]
    notes = "| 任务 | 负责人 | 截止日期 |\n|---|---|---|\n| 更新部署文档 | 王伟 | 下周五 |\n"
    assert _items(notes, "李娜", "王伟") == [("王伟", "更新部署文档", dt.date(2026, 3, 13))]


def test_chinese_agent_phrases_name_the_owner() -> None:
    notes = (
        "## 会议记录\n"
        "- 登录页面偶尔白屏的问题，由 @kestrel42 负责排查并修复。\n"
        "- 下一期由[tern_7](https://example.org/tern_7)担任主持人。\n"
        "- 由大家一起整理发布说明。\n"
    )
    items = _items(notes, "李娜", "王伟")
    owners = {owner for owner, _, _ in items}
    assert owners == {"kestrel42", "tern_7"}  # "大家" (everyone) is no one's name
    assert ("kestrel42", "登录页面偶尔白屏的问题排查并修复", None) in items
    assert any(task.startswith("担任") and "主持人" in task for _, task, _ in items)


def test_someone_named_before_a_dutch_or_spanish_cue_owns_the_task() -> None:
    notes = (
        "Aanwezig: Søren, Maartje, Zoë\n\n"
        "## Actiepunten\n"
        "-   Maartje gaat een nieuwe datum voor de bouwdag prikken\n"
        "-   Daarvan zullen drie blokken zijn\n\n"
        "Maartje heeft de notulen rondgestuurd.\n"
    )
    items = _items(notes, "Søren Berg", "Zoë Lambert")
    assert ("Maartje", "Een nieuwe datum voor de bouwdag prikken", None) in items
    assert all(owner != "Daarvan" for owner, _, _ in items)
