"""One chat completion from an OpenAI-compatible server (Ollama, llama.cpp, vLLM, a hosted API).

`base_url` is the API's base as those servers document it, ending in `/v1`
(`http://localhost:11434/v1` for Ollama); `/chat/completions` is appended.
Every way the call can fail — refused, timed out, an error status, a body that
is not a completion — raises `CoachServerError` with a sentence saying which.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import httpx  # imported when the coach is asked, with the rich, click and pygments it loads

# Room for a critique, a rewrite of a two-minute answer and three questions.
MAX_TOKENS = 1_200
# The reply's shape. llama.cpp's servers turn it into a grammar, so even a tiny model answers
# with these keys; servers that know only OpenAI's plain JSON mode refuse the extra key with a
# 400 or 422, and are asked again in that plain mode (which the prompt spells out anyway).
REPLY_SCHEMA = {
    "type": "object",
    "properties": {
        "critique": {"type": "string"},
        "rewrite": {"type": "string"},
        "follow_ups": {"type": "array", "items": {"type": "string"}, "minItems": 2, "maxItems": 3},
    },
    "required": ["critique", "rewrite", "follow_ups"],
}
REFUSED_OPTION = (400, 422)


class CoachServerError(Exception):
    """The server could not be asked, or did not answer with a chat completion. One line."""

    def __init__(self, message: str, *, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Endpoint:
    base_url: str
    model: str
    api_key: str | None = None
    timeout_seconds: float = 120.0

    @property
    def url(self) -> str:
        return self.base_url.rstrip("/") + "/chat/completions"


def chat_completion(endpoint: Endpoint, messages: list[dict[str, str]]) -> str:
    """The text of the first choice's message."""
    body: dict[str, Any] = {
        "model": endpoint.model,
        "messages": messages,
        "temperature": 0,  # the same answer gets the same review: reproducible, and testable
        "max_tokens": MAX_TOKENS,
        # JSON mode: Ollama, llama.cpp, vLLM and OpenAI all constrain the reply to one object.
        "response_format": {"type": "json_object", "schema": REPLY_SCHEMA},
    }
    try:
        response = _post(endpoint, body)
    except CoachServerError as error:
        if error.status not in REFUSED_OPTION:
            raise
        response = _post(endpoint, {**body, "response_format": {"type": "json_object"}})
    return _message_text(endpoint, response)


def _post(endpoint: Endpoint, body: dict[str, Any]) -> httpx.Response:
    import httpx

    headers = {"Authorization": f"Bearer {endpoint.api_key}"} if endpoint.api_key else {}
    where = endpoint.url
    try:
        response = httpx.post(where, json=body, headers=headers, timeout=endpoint.timeout_seconds)
    except httpx.TimeoutException:
        raise CoachServerError(
            f"The coach's server at {where} did not answer within "
            f"{endpoint.timeout_seconds:g} seconds."
        ) from None
    except httpx.ConnectError:
        raise CoachServerError(
            f"Could not connect to the coach's server at {where}: is it running?"
        ) from None
    except httpx.HTTPError as error:
        raise CoachServerError(f"The coach's server at {where} failed: {error}.") from None
    if response.status_code != 200:
        raise CoachServerError(
            f"The coach's server at {where} answered {response.status_code}: "
            f"{_excerpt(response.text)}",
            status=response.status_code,
        )
    return response


def _message_text(endpoint: Endpoint, response: httpx.Response) -> str:
    try:
        choice = response.json()["choices"][0]
        content = choice["message"]["content"]
    except (ValueError, KeyError, IndexError, TypeError):
        raise CoachServerError(
            f"The coach's server at {endpoint.url} did not answer with a chat completion: "
            f"{_excerpt(response.text)}"
        ) from None
    if not isinstance(content, str):
        raise CoachServerError(f"The coach's server at {endpoint.url} sent a message with no text.")
    if choice.get("finish_reason") == "length":
        raise CoachServerError(
            f"The model's reply was cut off at {MAX_TOKENS:,} tokens, before it finished."
        )
    return content


def _excerpt(text: str, limit: int = 120) -> str:
    flat = " ".join(text.split())
    return repr(flat[:limit] + ("…" if len(flat) > limit else "")) if flat else "an empty body."
