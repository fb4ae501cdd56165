"""A scriptable OpenAI-compatible HTTP server on 127.0.0.1 for tests.

Speaks just enough of the API for LangChain's ChatOpenAI and the openai SDK:
`POST /v1/chat/completions` (plain, `response_format` JSON schema, forced tool calls, SSE
streaming with an optional usage chunk), `GET /v1/models` and `POST /v1/embeddings`.
Every request is recorded (the Authorization value is never kept) so tests can assert on
what the product sent, e.g. that private notes were *not* in the prompt.

    with FakeOpenAIServer() as server:
        server.enqueue(Respond.json({"summary": "ok"}), Respond.rate_limit())
        ...  # point the client at server.base_url
        assert "open action items" in server.last_request.prompt_text
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import re
import struct
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

__all__ = ["FakeOpenAIServer", "Fault", "RecordedRequest", "Reply", "Respond", "llm_settings_for"]

_WORDS = re.compile(r"\S+\s*|\s+")


@dataclass(frozen=True)
class RecordedRequest:
    """One request as the server saw it (the Authorization value replaced by a marker)."""

    method: str
    path: str
    headers: Mapping[str, str]
    body: Any

    @property
    def messages(self) -> list[dict[str, Any]]:
        return list(self.body.get("messages", [])) if isinstance(self.body, dict) else []

    @property
    def prompt_text(self) -> str:
        """All message contents joined: what the model would read."""
        parts: list[str] = []
        for message in self.messages:
            content = message.get("content")
            if isinstance(content, str):
                parts.append(content)
            elif isinstance(content, list):
                parts.extend(str(b.get("text", "")) for b in content if isinstance(b, dict))
        return "\n".join(parts)

    @property
    def model(self) -> str | None:
        return self.body.get("model") if isinstance(self.body, dict) else None

    @property
    def response_format(self) -> dict[str, Any] | None:
        return self.body.get("response_format") if isinstance(self.body, dict) else None

    @property
    def stream(self) -> bool:
        return bool(isinstance(self.body, dict) and self.body.get("stream"))

    @property
    def had_api_key(self) -> bool:
        return "authorization" in self.headers


@dataclass(frozen=True)
class Reply:
    """A successful chat answer. `content` None with `data` set means "answer with JSON"."""

    content: str | None = None
    data: Any = None
    chunks: tuple[str, ...] | None = None
    finish_reason: str = "stop"
    delay: float = 0.0
    stream_error_after: int | None = None  # streamed: send an error event after N chunks


@dataclass(frozen=True)
class Fault:
    """An HTTP error answer (status and OpenAI-style error body), optionally after a delay."""

    status: int
    message: str
    error_type: str = "server_error"
    headers: Mapping[str, str] = field(default_factory=dict)
    delay: float = 0.0


Handler = Callable[[RecordedRequest], "Reply | Fault"]
Scripted = Reply | Fault | Handler


class Respond:
    """Factories for scripted answers and faults, used with `FakeOpenAIServer.enqueue`."""

    @staticmethod
    def json(data: Any, *, delay: float = 0.0) -> Reply:
        """JSON answer: message.content, or a forced tool call when the request has tools."""
        return Reply(data=data, delay=delay)

    @staticmethod
    def text(text: str, *, chunks: Iterable[str] | None = None, delay: float = 0.0) -> Reply:
        """Raw text answer; streamed word by word unless explicit chunks are given."""
        return Reply(content=text, chunks=None if chunks is None else tuple(chunks), delay=delay)

    @staticmethod
    def chunks(*pieces: str) -> Reply:
        return Reply(content="".join(pieces), chunks=pieces)

    @staticmethod
    def call(handler: Handler) -> Handler:
        """A function of the recorded request returning a Reply or Fault."""
        return handler

    @staticmethod
    def malformed_json() -> Reply:
        return Reply(content='{"summary": "unterminated', finish_reason="stop")

    @staticmethod
    def schema_mismatch(data: Any = None) -> Reply:
        """Valid JSON that does not validate against the requested schema."""
        return Reply(data={"unexpected_field": 42} if data is None else data)

    @staticmethod
    def slow(seconds: float, then: Reply | None = None) -> Reply:
        """Answer only after `seconds` (longer than the client timeout makes it time out)."""
        base = then or Reply(content="late")
        return Reply(base.content, base.data, base.chunks, base.finish_reason, delay=seconds)

    @staticmethod
    def broken_stream(*pieces: str) -> Reply:
        """Streams `pieces`, then an SSE error event instead of the end of the answer."""
        return Reply(content="".join(pieces), chunks=pieces, stream_error_after=len(pieces))

    @staticmethod
    def error(status: int, message: str = "fake error", *, error_type: str = "error") -> Fault:
        return Fault(status=status, message=message, error_type=error_type)

    @staticmethod
    def rate_limit(retry_after: float = 0) -> Fault:
        return Fault(
            status=429,
            message="Rate limit reached (fake)",
            error_type="rate_limit_exceeded",
            headers={"Retry-After": f"{retry_after:g}"},
        )

    @staticmethod
    def server_error(status: int = 500) -> Fault:
        return Fault(status=status, message="The server had an error (fake)")

    @staticmethod
    def unauthorized() -> Fault:
        return Fault(status=401, message="Incorrect API key provided", error_type="invalid_api_key")

    @staticmethod
    def forbidden() -> Fault:
        return Fault(status=403, message="Not allowed", error_type="permission_denied")


class FakeOpenAIServer:
    """Threaded HTTP server on a free 127.0.0.1 port; use as a context manager."""

    def __init__(
        self,
        *,
        models: Iterable[str] = ("gpt-4o-mini",),
        default: Scripted | None = None,
        embedding_dim: int = 16,
    ) -> None:
        self.models = tuple(models)
        self.default: Scripted = default or Reply(content="OK")
        self.embedding_dim = embedding_dim
        self._queue: deque[Scripted] = deque()
        self._requests: list[RecordedRequest] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._ids = itertools.count(1)
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle ---------------------------------------------------------------------------
    def start(self) -> FakeOpenAIServer:
        handler = type("_BoundHandler", (_Handler,), {"fake": self})
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()  # wakes handlers sleeping in a scripted delay
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._httpd = None
        self._thread = None

    def __enter__(self) -> FakeOpenAIServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._httpd is None:
            raise RuntimeError("FakeOpenAIServer is not running")
        return int(self._httpd.server_address[1])

    @property
    def base_url(self) -> str:
        """The URL to give a client, ending in /v1."""
        return f"http://127.0.0.1:{self.port}/v1"

    # -- scripting and inspection ------------------------------------------------------------
    def enqueue(self, *responses: Scripted) -> None:
        """Answer the next chat requests with these, in order; then `default`."""
        with self._lock:
            self._queue.extend(responses)

    @property
    def pending(self) -> int:
        with self._lock:
            return len(self._queue)

    @property
    def requests(self) -> list[RecordedRequest]:
        with self._lock:
            return list(self._requests)

    @property
    def chat_requests(self) -> list[RecordedRequest]:
        return [r for r in self.requests if r.path.endswith("/chat/completions")]

    @property
    def last_request(self) -> RecordedRequest:
        requests = self.requests
        if not requests:
            raise AssertionError("the fake OpenAI server received no request")
        return requests[-1]

    def reset(self) -> None:
        with self._lock:
            self._queue.clear()
            self._requests.clear()

    # -- internals used by the handler -------------------------------------------------------
    def _record(self, request: RecordedRequest) -> None:
        with self._lock:
            self._requests.append(request)

    def _next_script(self) -> Scripted:
        with self._lock:
            return self._queue.popleft() if self._queue else self.default

    def _next_id(self) -> str:
        return f"chatcmpl-fake{next(self._ids)}"

    def _wait(self, seconds: float) -> bool:
        """Sleep unless the server stops first; True when the delay ran to its end."""
        return not self._stopping.wait(seconds) if seconds > 0 else True


class _Handler(BaseHTTPRequestHandler):
    fake: FakeOpenAIServer
    server_version = "FakeOpenAI/1.0"

    def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
        return

    # -- routing -----------------------------------------------------------------------------
    def do_GET(self) -> None:
        request = self._read_request(body=None)
        if request.path.rstrip("/").endswith("/models"):
            data = [
                {"id": m, "object": "model", "created": 0, "owned_by": "fake"}
                for m in self.fake.models
            ]
            self._send_json(200, {"object": "list", "data": data})
        else:
            self._send_error(Fault(404, f"no route for GET {request.path}", "not_found"))

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw or b"{}")
        except json.JSONDecodeError:
            body = raw.decode("utf-8", "replace")
        request = self._read_request(body=body)
        path = request.path.rstrip("/")
        if not isinstance(body, dict):
            self._send_error(Fault(400, "request body is not a JSON object", "invalid_request"))
        elif path.endswith("/chat/completions"):
            self._chat(request)
        elif path.endswith("/embeddings"):
            self._embeddings(body)
        else:
            self._send_error(Fault(404, f"no route for POST {request.path}", "not_found"))

    def _read_request(self, body: Any) -> RecordedRequest:
        headers = {k.lower(): v for k, v in self.headers.items()}
        if "authorization" in headers:
            headers["authorization"] = "<redacted>"
        request = RecordedRequest(self.command, self.path, headers, body)
        self.fake._record(request)
        return request

    # -- chat --------------------------------------------------------------------------------
    def _chat(self, request: RecordedRequest) -> None:
        script = self.fake._next_script()
        answer = script if isinstance(script, Reply | Fault) else script(request)
        if not self.fake._wait(answer.delay):
            return
        if isinstance(answer, Fault):
            self._send_error(answer)
            return
        body: dict[str, Any] = request.body
        content, tool_calls = _render_answer(answer, body)
        model = str(body.get("model") or "fake-model")
        if request.stream:
            self._stream_chat(answer, model, content, tool_calls, body)
            return
        message: dict[str, Any] = {"role": "assistant", "content": content, "refusal": None}
        if tool_calls:
            message["tool_calls"] = tool_calls
        choice_finish = "tool_calls" if tool_calls else answer.finish_reason
        self._send_json(
            200,
            {
                "id": self.fake._next_id(),
                "object": "chat.completion",
                "created": int(time.time()),
                "model": model,
                "choices": [
                    {
                        "index": 0,
                        "message": message,
                        "finish_reason": choice_finish,
                        "logprobs": None,
                    }
                ],
                "usage": _usage(body, content),
            },
        )

    def _stream_chat(
        self,
        answer: Reply,
        model: str,
        content: str | None,
        tool_calls: list[dict[str, Any]] | None,
        body: dict[str, Any],
    ) -> None:
        chunk_id = self.fake._next_id()
        created = int(time.time())

        def chunk(delta: dict[str, Any], finish: str | None = None) -> dict[str, Any]:
            return {
                "id": chunk_id,
                "object": "chat.completion.chunk",
                "created": created,
                "model": model,
                "choices": [
                    {"index": 0, "delta": delta, "finish_reason": finish, "logprobs": None}
                ],
            }

        events: list[dict[str, Any]] = [chunk({"role": "assistant", "content": ""})]
        if tool_calls:
            events.append(chunk({"tool_calls": [{"index": 0, **tool_calls[0]}]}))
        else:
            pieces = answer.chunks if answer.chunks is not None else _WORDS.findall(content or "")
            events.extend(chunk({"content": piece}) for piece in pieces)
        if answer.stream_error_after is not None:
            del events[answer.stream_error_after + 1 :]
            events.append({"error": {"message": "stream broke (fake)", "type": "server_error"}})
        else:
            events.append(chunk({}, "tool_calls" if tool_calls else answer.finish_reason))
        options = body.get("stream_options") or {}
        if (
            answer.stream_error_after is None
            and isinstance(options, dict)
            and options.get("include_usage")
        ):
            events.append(
                {
                    "id": chunk_id,
                    "object": "chat.completion.chunk",
                    "created": created,
                    "model": model,
                    "choices": [],
                    "usage": _usage(body, content),
                }
            )
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()  # HTTP/1.0: the body ends when the connection closes
        try:
            for event in events:
                self.wfile.write(f"data: {json.dumps(event)}\n\n".encode())
                self.wfile.flush()
            self.wfile.write(b"data: [DONE]\n\n")
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            return

    # -- embeddings --------------------------------------------------------------------------
    def _embeddings(self, body: dict[str, Any]) -> None:
        inputs = body.get("input")
        items: list[Any] = (
            [inputs] if isinstance(inputs, str) or not isinstance(inputs, list) else inputs
        )
        # A list of ints is one tokenised input, not many inputs.
        if items and all(isinstance(i, int) for i in items):
            items = [items]
        as_base64 = body.get("encoding_format") == "base64"
        data = []
        for index, item in enumerate(items):
            vector = _embed(json.dumps(item), self.fake.embedding_dim)
            encoded: Any = (
                base64.b64encode(struct.pack(f"<{len(vector)}f", *vector)).decode()
                if as_base64
                else vector
            )
            data.append({"object": "embedding", "index": index, "embedding": encoded})
        self._send_json(
            200,
            {
                "object": "list",
                "data": data,
                "model": body.get("model", "fake-embedding"),
                "usage": {"prompt_tokens": len(items), "total_tokens": len(items)},
            },
        )

    # -- responses ---------------------------------------------------------------------------
    def _send_json(
        self, status: int, payload: Any, headers: Mapping[str, str] | None = None
    ) -> None:
        data = json.dumps(payload).encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            return  # the client gave up (e.g. timed out); nothing to do

    def _send_error(self, fault: Fault) -> None:
        error = {"message": fault.message, "type": fault.error_type, "param": None, "code": None}
        self._send_json(fault.status, {"error": error}, fault.headers)


def _render_answer(
    answer: Reply, body: Mapping[str, Any]
) -> tuple[str | None, list[dict[str, Any]] | None]:
    """Turn a Reply into message content or tool calls, as the request asked for."""
    if answer.data is None:
        return answer.content, None
    arguments = json.dumps(answer.data)
    tools = body.get("tools")
    if isinstance(tools, list) and tools:
        choice = body.get("tool_choice")
        name = None
        if isinstance(choice, dict):
            name = (choice.get("function") or {}).get("name")
        name = name or tools[0].get("function", {}).get("name", "tool")
        call = {
            "id": "call_fake1",
            "type": "function",
            "function": {"name": name, "arguments": arguments},
        }
        return None, [call]
    return arguments, None


def _usage(body: Mapping[str, Any], content: str | None) -> dict[str, int]:
    prompt = sum(len(str(m.get("content", "")).split()) for m in body.get("messages", []))
    completion = len((content or "").split())
    return {
        "prompt_tokens": prompt,
        "completion_tokens": completion,
        "total_tokens": prompt + completion,
    }


def _embed(text: str, dim: int) -> list[float]:
    """A deterministic unit vector derived from the text's hash."""
    digest = b"".join(hashlib.sha256(f"{i}:{text}".encode()).digest() for i in range(dim // 8 + 1))
    raw = [int.from_bytes(digest[i * 4 : i * 4 + 4], "little") / 2**32 - 0.5 for i in range(dim)]
    norm = sum(v * v for v in raw) ** 0.5 or 1.0
    return [v / norm for v in raw]


def iter_sse(lines: Iterable[bytes]) -> Iterator[dict[str, Any]]:
    """Parse SSE `data:` lines (helper for tests that talk to the server directly)."""
    for line in lines:
        text = line.decode().strip()
        if text.startswith("data: ") and text != "data: [DONE]":
            yield json.loads(text[len("data: ") :])


def llm_settings_for(server: FakeOpenAIServer, **llm_overrides: Any) -> Any:
    """`Settings` pointing at `server` (openai_compatible, gpt-4o-mini, short timeout).

    Imported lazily so the server itself stays stdlib-only.
    """
    from pydantic import SecretStr

    from assistant.config import LLMSettings, Settings

    llm = {
        "provider": "openai_compatible",
        "base_url": server.base_url,
        "api_key": SecretStr("test-key"),
        "model": "gpt-4o-mini",
        "timeout_seconds": 0.5,
        "max_retries": 2,
        **llm_overrides,
    }
    return Settings(llm=LLMSettings(**llm))
