"""Fake OpenAI-compatible servers for the LLM layer's tests: an httpx mock transport
(in process) and a real HTTP server on 127.0.0.1 (for tests that need a socket or a
subprocess). Both answer from a script of responses and record every request."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx2

Reply = httpx2.Response | Exception | Callable[[dict[str, Any]], httpx2.Response]


def completion(
    content: str | dict[str, Any] | None = None,
    *,
    tool_args: str | dict[str, Any] | None = None,
    finish: str = "stop",
    refusal: str | None = None,
    prompt_tokens: int = 100,
    completion_tokens: int = 20,
) -> dict[str, Any]:
    """A chat completion body: JSON content (JSON modes) or a tool call (TOOLS mode)."""
    if isinstance(content, dict):
        content = json.dumps(content)
    message: dict[str, Any] = {"role": "assistant", "content": content, "refusal": refusal}
    if tool_args is not None:
        args = tool_args if isinstance(tool_args, str) else json.dumps(tool_args)
        message["tool_calls"] = [
            {"id": "call_1", "type": "function", "function": {"name": "x", "arguments": args}}
        ]
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": 0,
        "model": "test-model",
        "choices": [{"index": 0, "message": message, "finish_reason": finish}],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        },
    }


def ok(content: str | dict[str, Any] | None = None, **kwargs: Any) -> httpx2.Response:
    return httpx2.Response(200, json=completion(content, **kwargs))


class FakeServer:
    """Answers each request with the next scripted reply (the last one repeats)."""

    def __init__(self, *replies: Reply) -> None:
        self.replies = list(replies)
        self.requests: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []

    def _next(self) -> Reply:
        index = min(len(self.requests) - 1, len(self.replies) - 1)
        return self.replies[index]

    def handle(self, request: httpx2.Request) -> httpx2.Response:
        body = json.loads(request.content or b"{}")
        self.requests.append(body)
        self.headers.append(dict(request.headers))
        reply = self._next()
        if isinstance(reply, Exception):
            raise reply
        if callable(reply) and not isinstance(reply, httpx2.Response):
            return reply(body)
        return reply

    def client(self) -> httpx2.Client:
        return httpx2.Client(transport=httpx2.MockTransport(self.handle))

    def aclient(self) -> httpx2.AsyncClient:
        async def handle(request: httpx2.Request) -> httpx2.Response:
            await request.aread()
            return self.handle(request)

        return httpx2.AsyncClient(transport=httpx2.MockTransport(handle))

    def user_prompts(self) -> list[str]:
        return [m["content"] for r in self.requests for m in r["messages"] if m["role"] == "user"]


@contextmanager
def stub_http_server(
    respond: Callable[[dict[str, Any]], tuple[int, dict[str, str], bytes]],
) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """A real HTTP server on 127.0.0.1 (a free port); yields its base URL and the
    request bodies it received. ``respond`` maps a request body to status, headers, body."""
    seen: list[dict[str, Any]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("content-length", 0))
            body = json.loads(self.rfile.read(length) or b"{}")
            seen.append(body)
            status, headers, payload = respond(body)
            self.send_response(status)
            for key, value in {"content-type": "application/json", **headers}.items():
                self.send_header(key, value)
            self.send_header("content-length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1", seen
    finally:
        server.shutdown()
        server.server_close()
