"""With redaction on (the default), no request body of any job carries a person's name, an
e-mail, a phone number or an ID-like number. Every recorded request body is inspected whole
(JSON as sent: messages, schema, options), for the recap, the agenda, the feedback wording and
the streamed polish, through the real local OpenAI-compatible server."""

from __future__ import annotations

import datetime as dt
import json
import re

from assistant.db.models import FeedbackKind
from assistant.services import Services
from tests.privacy.conftest import EXTRA_REPORTS, OTHER_MANAGER, OTHER_TEAM
from tests.support.fake_openai import FakeOpenAIServer

OUTSIDERS = ["Dana", "Lee", "Rosalind Achebe"]
EMAIL, PHONE, SSN, IBAN = (
    "dana.kim@example.com",
    "+1 415 555 0134",
    "123-45-6789",
    "GB82 WEST 1234 5698 7654 32",
)
NOTES = f"""1:1 Amara / Alex
- Amara shipped the import fix; Hana reviewed it with Zoë Ødegaard
- Dana from finance ({EMAIL}, {PHONE}) approves the budget
- Lee to check the contract with Rosalind Achebe; SSN {SSN} was pasted by mistake
- Mary-Kate D'Souza and 王伟 join the rollout; refund to {IBAN}
- Amara to send the rollout plan to Tomás by Friday
"""
WHAT = (
    f"In Tuesday's demo Amara walked Dana and Nguyễn Thị Hương through the import; "
    f"Bartholomew Quince emailed {EMAIL} to say thanks."
)


def _secrets(svc: Services) -> list[str]:
    names = set(svc.people_names()) | set(OUTSIDERS)
    parts = {part for name in names for part in name.split() if len(part) > 2}
    return sorted(names | parts | {EMAIL, PHONE, SSN, IBAN, "dana.kim"})


def _leaks(server: FakeOpenAIServer, secrets: list[str]) -> list[tuple[int, str]]:
    found = []
    for number, request in enumerate(server.requests):
        body = json.dumps(request.body, ensure_ascii=False)
        for secret in secrets:
            if re.search(rf"(?<!\w){re.escape(secret)}(?!\w)", body, re.IGNORECASE) or (
                not secret.isascii() and secret in body
            ):
                found.append((number, secret))
    return found


def test_no_job_sends_a_name_or_contact_detail(
    llm_services: tuple[Services, int], fake_openai: FakeOpenAIServer
) -> None:
    svc, manager_id = llm_services
    amara = svc.team.report(manager_id, "Amara Okonkwo").id
    today = dt.date.today()

    recap = svc.recap.draft(manager_id, amara, NOTES, today)
    svc.recap.draft_for(NOTES, meeting_date=today, manager="Alex Morgan", report="Amara Okonkwo")
    svc.agenda.draft(manager_id, amara, search=False)
    svc.feedback.draft(manager_id, amara, FeedbackKind.PRAISE, what=WHAT)
    polished = "".join(svc.feedback.polish(manager_id, amara, WHAT, FeedbackKind.PRAISE))

    schemas = {
        (r.response_format or {}).get("json_schema", {}).get("name") for r in fake_openai.requests
    }
    assert {"LLMRecap", "LLMAgenda", "LLMFeedback"} <= schemas
    assert any(r.stream for r in fake_openai.requests)
    assert polished
    assert recap.engine.startswith("llm:")
    assert len(fake_openai.requests) >= 5
    assert _leaks(fake_openai, _secrets(svc)) == []


def test_the_whole_team_is_hidden_not_only_the_people_of_the_draft(
    llm_services: tuple[Services, int], fake_openai: FakeOpenAIServer
) -> None:
    svc, manager_id = llm_services
    amara = svc.team.report(manager_id, "Amara Okonkwo").id
    mention = f"Talked about {OTHER_TEAM[0]}, {OTHER_MANAGER} and {EXTRA_REPORTS[0]}: all fine."

    svc.recap.draft(manager_id, amara, mention, dt.date.today())

    body = json.dumps(fake_openai.last_request.body, ensure_ascii=False)
    for name in (OTHER_TEAM[0], OTHER_MANAGER, EXTRA_REPORTS[0], "Bartholomew", "Ødegaard"):
        assert name not in body


def test_with_redaction_off_the_notes_go_as_written(
    llm_services: tuple[Services, int], fake_openai: FakeOpenAIServer
) -> None:
    svc, manager_id = llm_services
    svc.settings.redact = False
    svc.__dict__.pop("_llm_state", None)
    svc.__dict__.pop("refiners", None)
    amara = svc.team.report(manager_id, "Amara Okonkwo").id

    svc.recap.draft(manager_id, amara, NOTES, dt.date.today())

    assert EMAIL in fake_openai.last_request.prompt_text
    assert "Dana" in fake_openai.last_request.prompt_text


def test_people_outside_the_team_are_hidden_from_the_recap_request(
    llm_services: tuple[Services, int], fake_openai: FakeOpenAIServer
) -> None:
    """Names the team does not know: 陈静 owns an item in the built-in draft (a script without
    capitals, which the name finder cannot see), and Łukasz Nowak heads a list the draft's
    summary lower-cases ("covering …, łukasz nowak and 陈静")."""
    svc, _ = llm_services
    notes = "## Łukasz Nowak and 陈静\n- 陈静 to migrate the billing cron by Friday\n"

    svc.recap.draft_for(
        notes, meeting_date=dt.date.today(), manager="Alex Morgan", report="Amara Okonkwo"
    )

    body = json.dumps(fake_openai.last_request.body, ensure_ascii=False)
    for name in ("陈静", "Łukasz", "łukasz", "Nowak"):
        assert name not in body


def test_everyday_words_at_a_line_start_go_as_written_and_names_do_not(
    llm_services: tuple[Services, int], fake_openai: FakeOpenAIServer
) -> None:
    """ "Mail to the dev list" sent as "Person C to the dev list" reads as someone's task (the
    model then gives it to "Mail"): line-initial everyday words stay readable, while names in
    the same position, given names that are also words among them, are still replaced."""
    svc, _ = llm_services
    notes = (
        "- Mail to the dev list about the release\n"
        "- Link to the recording: in the channel\n"
        "- Reminder: book the room\n"
        "- Łukasz to write the runbook\n"
        "- Mark to send the deck\n"
        "- Grace: happy with the plan\n"
    )

    svc.recap.draft_for(
        notes, meeting_date=dt.date.today(), manager="Alex Morgan", report="Amara Okonkwo"
    )

    prompt = fake_openai.last_request.prompt_text
    for kept in ("Mail to the dev list", "Link to the recording", "Reminder: book"):
        assert kept in prompt
    body = json.dumps(fake_openai.last_request.body, ensure_ascii=False)
    for name in ("Łukasz", "Mark", "Grace"):
        assert not re.search(rf"\b{name}\b", body), name  # the prompt itself says "Markers"


def test_an_everyday_word_the_rules_took_for_an_owner_is_not_redacted(
    llm_services: tuple[Services, int], fake_openai: FakeOpenAIServer
) -> None:
    """Among "王伟 to rerun…" lines the built-in engine reads "Mail to the dev list" as a task
    for "Mail". Owners of the built-in draft are redacted (王伟 has no capitals for the name
    finder), but not one made of everyday words: the model must see the line as written."""
    svc, _ = llm_services
    notes = (
        "- Zoë to send the rollout plan to Hana by Friday\n"
        "- 王伟 to rerun the benchmark\n"
        "- Mail to the dev list about the release\n"
    )

    svc.recap.draft_for(
        notes, meeting_date=dt.date.today(), manager="Alex Morgan", report="Amara Okonkwo"
    )

    assert "Mail to the dev list" in fake_openai.last_request.prompt_text
    body = json.dumps(fake_openai.last_request.body, ensure_ascii=False)
    assert "王伟" not in body and "Zoë" not in body
