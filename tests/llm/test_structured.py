from __future__ import annotations

import time

import pytest
from pydantic import BaseModel, ConfigDict

from assistant.config import LLMSettings, Settings
from assistant.errors import LLMError
from assistant.llm.client import LLMClient
from assistant.llm.deadline import Deadline
from assistant.llm.errors import FailureKind, LLMCallError
from assistant.llm.failures import NO_BACKOFF, Backoff
from assistant.llm.providers import build_chat_model
from assistant.llm.structured import call_structured
from tests.conftest import FAST_BACKOFF
from tests.support.fake_openai import FakeOpenAIServer, Reply, Respond, llm_settings_for


class ActionItem(BaseModel):
    model_config = ConfigDict(extra="forbid")
    task: str
    owner: str


class RecapAnswer(BaseModel):
    model_config = ConfigDict(extra="forbid")
    summary: str
    action_items: list[ActionItem]


GOOD = {"summary": "Shipped v2", "action_items": [{"task": "Write notes", "owner": "Sam Lee"}]}
MESSAGES = [
    {"role": "system", "content": "You write recaps."},
    {"role": "user", "content": "Open action items: renew the on-call rota."},
]


def _model(settings: Settings):  # type: ignore[no-untyped-def]
    model = build_chat_model(settings)
    assert model is not None
    return model


def test_structured_call_returns_parsed_object_and_metadata(
    fake_openai: FakeOpenAIServer, llm_settings: Settings
) -> None:
    fake_openai.enqueue(Respond.json(GOOD))

    result = call_structured(_model(llm_settings), MESSAGES, RecapAnswer, max_retries=2)

    assert result.value == RecapAnswer.model_validate(GOOD)
    assert result.model == "gpt-4o-mini"
    assert result.engine == "llm:gpt-4o-mini"
    assert result.attempts == 1
    assert result.latency_ms > 0
    assert result.usage is not None and result.usage.output_tokens > 0


def test_structured_call_sends_json_schema_response_format(
    fake_openai: FakeOpenAIServer, llm_settings: Settings
) -> None:
    fake_openai.enqueue(Respond.json(GOOD))

    call_structured(_model(llm_settings), MESSAGES, RecapAnswer, max_retries=0)

    request = fake_openai.last_request
    assert request.path == "/v1/chat/completions"
    assert request.model == "gpt-4o-mini"
    assert request.had_api_key
    assert request.headers["authorization"] == "<redacted>"
    response_format = request.response_format
    assert response_format is not None
    assert response_format["type"] == "json_schema"
    spec = response_format["json_schema"]
    assert spec["name"] == "RecapAnswer"
    assert spec["strict"] is True
    assert set(spec["schema"]["properties"]) == {"summary", "action_items"}
    assert "renew the on-call rota" in request.prompt_text
    assert [m["role"] for m in request.messages] == ["system", "user"]


def test_function_calling_method_sends_forced_tool_and_parses_tool_call(
    fake_openai: FakeOpenAIServer, llm_settings: Settings
) -> None:
    fake_openai.enqueue(Respond.json(GOOD))

    result = call_structured(
        _model(llm_settings), MESSAGES, RecapAnswer, max_retries=0, method="function_calling"
    )

    assert result.value.action_items[0].owner == "Sam Lee"
    body = fake_openai.last_request.body
    assert body["tools"][0]["function"]["name"] == "RecapAnswer"
    assert body["tool_choice"]["function"]["name"] == "RecapAnswer"
    assert "response_format" not in body


@pytest.mark.parametrize(
    "fault",
    [
        Respond.rate_limit(),
        Respond.server_error(500),
        Respond.server_error(503),
        Respond.malformed_json(),
        Respond.schema_mismatch(),
        Respond.text("Sure! Here is your recap: shipped v2."),
    ],
    ids=["429", "500", "503", "malformed-json", "schema-mismatch", "prose"],
)
def test_retries_transient_failures_then_succeeds(
    fake_openai: FakeOpenAIServer, llm_settings: Settings, fault: object
) -> None:
    fake_openai.enqueue(fault, Respond.json(GOOD))  # type: ignore[arg-type]
    sleeps: list[float] = []

    result = call_structured(
        _model(llm_settings),
        MESSAGES,
        RecapAnswer,
        max_retries=2,
        backoff=FAST_BACKOFF,
        sleep=sleeps.append,
    )

    assert result.value.summary == "Shipped v2"
    assert result.attempts == 2
    assert len(fake_openai.chat_requests) == 2
    assert len(sleeps) == 1


def test_a_timeout_is_not_retried(fake_openai: FakeOpenAIServer) -> None:
    """A hung server would hang again: one timeout ends the call (the draft falls back)."""
    settings = llm_settings_for(fake_openai, timeout_seconds=0.2)
    fake_openai.enqueue(Respond.slow(1.0), Respond.json(GOOD))

    with pytest.raises(LLMCallError) as caught:
        call_structured(_model(settings), MESSAGES, RecapAnswer, max_retries=2, backoff=NO_BACKOFF)

    assert caught.value.kind is FailureKind.TIMEOUT
    assert caught.value.attempts == 1
    assert len(fake_openai.chat_requests) == 1
    assert fake_openai.pending == 1


def test_the_deadline_bounds_the_whole_call_retries_included(
    fake_openai: FakeOpenAIServer,
) -> None:
    settings = llm_settings_for(fake_openai, timeout_seconds=5.0)
    fake_openai.enqueue(Respond.server_error(), Respond.slow(5.0), Respond.json(GOOD))
    started = time.monotonic()

    with pytest.raises(LLMCallError) as caught:
        call_structured(
            _model(settings),
            MESSAGES,
            RecapAnswer,
            max_retries=2,
            backoff=NO_BACKOFF,
            deadline=Deadline(0.6),
        )

    waited = time.monotonic() - started
    assert caught.value.kind is FailureKind.TIMEOUT
    assert "within 0.6 s" in str(caught.value)
    assert caught.value.attempts == 2
    assert waited < 1.5


def test_no_retry_is_started_that_the_deadline_cannot_wait_for(
    fake_openai: FakeOpenAIServer, llm_settings: Settings
) -> None:
    fake_openai.enqueue(Respond.rate_limit(retry_after=8), Respond.json(GOOD))
    sleeps: list[float] = []

    with pytest.raises(LLMCallError) as caught:
        call_structured(
            _model(llm_settings),
            MESSAGES,
            RecapAnswer,
            max_retries=2,
            sleep=sleeps.append,
            deadline=Deadline(2.0),
        )

    assert caught.value.kind is FailureKind.RATE_LIMIT
    assert sleeps == []
    assert len(fake_openai.chat_requests) == 1


@pytest.mark.parametrize(
    "answer",
    [
        '<think>The notes say {"summary": "wrong"}…</think>\n{"summary": "Shipped v2", '
        '"action_items": []}',
        'reasoning without an opening tag</think>{"summary": "Shipped v2", "action_items": []}',
        '<thinking>hmm</thinking>```json\n{"summary": "Shipped v2", "action_items": []}\n```',
        'Here you go: {"summary": "Shipped v2", "action_items": []} Hope it helps.',
    ],
    ids=["think-tags", "closing-tag-only", "thinking-and-fence", "prose-around-json"],
)
def test_reasoning_text_and_fences_are_stripped_before_parsing(
    fake_openai: FakeOpenAIServer, llm_settings: Settings, answer: str
) -> None:
    fake_openai.enqueue(Respond.text(answer))

    result = call_structured(_model(llm_settings), MESSAGES, RecapAnswer, max_retries=0)

    assert result.value.summary == "Shipped v2"


def test_an_answer_that_is_only_reasoning_is_invalid(
    fake_openai: FakeOpenAIServer, llm_settings: Settings
) -> None:
    fake_openai.enqueue(Respond.text('<think>{"summary": "Shipped v2", "action_items": []}'))

    with pytest.raises(LLMCallError) as caught:
        call_structured(_model(llm_settings), MESSAGES, RecapAnswer, max_retries=0)

    assert caught.value.kind is FailureKind.INVALID_ANSWER


def test_rate_limit_waits_for_retry_after(
    fake_openai: FakeOpenAIServer, llm_settings: Settings
) -> None:
    fake_openai.enqueue(Respond.rate_limit(retry_after=3), Respond.json(GOOD))
    sleeps: list[float] = []

    call_structured(
        _model(llm_settings),
        MESSAGES,
        RecapAnswer,
        max_retries=1,
        backoff=Backoff(initial=0.5, maximum=5, jitter=0),
        sleep=sleeps.append,
    )

    assert sleeps == [3.0]


def test_backoff_grows_between_attempts(
    fake_openai: FakeOpenAIServer, llm_settings: Settings
) -> None:
    fake_openai.enqueue(*[Respond.server_error()] * 3, Respond.json(GOOD))
    sleeps: list[float] = []

    call_structured(
        _model(llm_settings),
        MESSAGES,
        RecapAnswer,
        max_retries=3,
        backoff=Backoff(initial=0.5, factor=2, maximum=1.5, jitter=0),
        sleep=sleeps.append,
    )

    assert sleeps == [0.5, 1.0, 1.5]


@pytest.mark.parametrize(
    ("faults", "max_retries", "kind", "message"),
    [
        ([Respond.server_error()] * 3, 2, FailureKind.SERVER, "failed 3 times (HTTP 500)"),
        ([Respond.rate_limit()] * 2, 1, FailureKind.RATE_LIMIT, "rate-limited the request twice"),
        ([Respond.malformed_json()] * 3, 2, FailureKind.INVALID_ANSWER, "expected format 3 times"),
    ],
    ids=["500", "429", "malformed"],
)
def test_exhausted_retries_raise_llm_error_with_reason(
    fake_openai: FakeOpenAIServer,
    faults: list[Reply],
    max_retries: int,
    kind: FailureKind,
    message: str,
) -> None:
    settings = llm_settings_for(fake_openai, timeout_seconds=0.2)
    fake_openai.enqueue(*faults, Respond.json(GOOD))

    with pytest.raises(LLMError) as caught:
        call_structured(
            _model(settings), MESSAGES, RecapAnswer, max_retries=max_retries, backoff=NO_BACKOFF
        )

    error = caught.value
    assert isinstance(error, LLMCallError)
    assert error.kind is kind
    assert error.attempts == max_retries + 1
    assert message in str(error)
    assert len(fake_openai.chat_requests) == max_retries + 1
    assert fake_openai.pending == 1  # the good answer was never reached


@pytest.mark.parametrize(
    ("fault", "kind", "message"),
    [
        (Respond.unauthorized(), FailureKind.AUTH, "The LLM server rejected the API key"),
        (Respond.forbidden(), FailureKind.PERMISSION, "refused access to model 'gpt-4o-mini'"),
        (Respond.error(404, "no such model"), FailureKind.NOT_FOUND, "does not know model"),
        (Respond.error(400, "bad"), FailureKind.BAD_REQUEST, "rejected the request (HTTP 400)"),
    ],
    ids=["401", "403", "404", "400"],
)
def test_client_errors_are_not_retried(
    fake_openai: FakeOpenAIServer,
    llm_settings: Settings,
    fault: Reply,
    kind: FailureKind,
    message: str,
) -> None:
    fake_openai.enqueue(fault, Respond.json(GOOD))
    sleeps: list[float] = []

    with pytest.raises(LLMCallError) as caught:
        call_structured(
            _model(llm_settings), MESSAGES, RecapAnswer, max_retries=2, sleep=sleeps.append
        )

    assert caught.value.kind is kind
    assert caught.value.attempts == 1
    assert message in str(caught.value)
    assert len(fake_openai.chat_requests) == 1
    assert sleeps == []


def test_context_overflow_gets_its_own_message(
    fake_openai: FakeOpenAIServer, llm_settings: Settings
) -> None:
    fake_openai.enqueue(Respond.error(400, "context_length_exceeded: too many tokens"))

    with pytest.raises(LLMCallError) as caught:
        call_structured(_model(llm_settings), MESSAGES, RecapAnswer, max_retries=2)

    assert caught.value.kind is FailureKind.CONTEXT_TOO_LONG
    assert "too long" in str(caught.value)
    assert len(fake_openai.chat_requests) == 1


def test_unreachable_server_is_a_connection_error(fake_openai: FakeOpenAIServer) -> None:
    settings = llm_settings_for(fake_openai)
    model = _model(settings)
    fake_openai.stop()  # nothing listens on that port any more

    with pytest.raises(LLMCallError) as caught:
        call_structured(model, MESSAGES, RecapAnswer, max_retries=1, backoff=NO_BACKOFF)

    assert caught.value.kind is FailureKind.CONNECTION
    assert caught.value.attempts == 2
    assert "Could not connect" in str(caught.value)


def test_answer_built_by_a_function_of_the_request(
    fake_openai: FakeOpenAIServer, llm_settings: Settings
) -> None:
    def echo(request):  # type: ignore[no-untyped-def]
        first_line = request.messages[-1]["content"].splitlines()[0]
        return Respond.json({"summary": first_line, "action_items": []})

    fake_openai.enqueue(Respond.call(echo))

    result = call_structured(_model(llm_settings), MESSAGES, RecapAnswer, max_retries=0)

    assert result.value.summary == "Open action items: renew the on-call rota."


def test_client_redacts_names_and_restores_them_in_the_answer(
    fake_openai: FakeOpenAIServer, llm_client: LLMClient
) -> None:
    fake_openai.enqueue(
        Respond.json(
            {
                "summary": "Person B praised Person A's demo.",
                "action_items": [{"task": "Send Person B the deck", "owner": "Person A"}],
            }
        )
    )
    messages = [
        {"role": "system", "content": "Recap the notes."},
        {"role": "user", "content": "Maria Santos demoed; Sam loved Maria's demo. MS sends deck."},
    ]

    result = llm_client.structured(messages, RecapAnswer, people=["Maria Santos", "Sam Lee"])

    sent = fake_openai.last_request.prompt_text
    for name in ("Maria", "Santos", "Sam", "MS"):
        assert name not in sent.split()
    assert "Person A demoed; Person B loved Person A's demo. Person A sends deck." in sent
    assert result.value.summary == "Sam Lee praised Maria Santos's demo."
    assert result.value.action_items == [
        ActionItem(task="Send Sam Lee the deck", owner="Maria Santos")
    ]


def test_client_without_redaction_sends_names(
    fake_openai: FakeOpenAIServer, llm_settings: Settings
) -> None:
    settings = llm_settings.model_copy(update={"redact": False})
    client = LLMClient.from_settings(settings, backoff=NO_BACKOFF)
    assert client is not None
    fake_openai.enqueue(Respond.json(GOOD))

    client.structured(
        [*MESSAGES[:1], {"role": "user", "content": "Maria"}], RecapAnswer, people=["Maria"]
    )

    assert "Maria" in fake_openai.last_request.prompt_text


def test_client_uses_settings_retry_budget(
    fake_openai: FakeOpenAIServer, llm_client: LLMClient, sleeps: list[float]
) -> None:
    fake_openai.enqueue(*[Respond.server_error()] * 3)

    with pytest.raises(LLMCallError) as caught:
        llm_client.structured(MESSAGES, RecapAnswer)

    assert caught.value.attempts == 3  # settings.llm.max_retries == 2
    assert len(sleeps) == 2


def test_from_settings_with_provider_none_is_none() -> None:
    assert LLMClient.from_settings(Settings(llm=LLMSettings(provider="none"))) is None
