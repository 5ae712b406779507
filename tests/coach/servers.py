"""Tiny HTTP servers that misbehave like real ones: slow, garbage, an error status, picky."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# (status, body) for a request's parsed JSON body and headers.
Responder = Callable[[dict, dict], tuple[int, bytes]]


def completion(content: str) -> bytes:
    """An OpenAI chat-completion body whose first choice says `content`."""
    return json.dumps(
        {
            "object": "chat.completion",
            "choices": [{"message": {"role": "assistant", "content": content}}],
        }
    ).encode()


@contextmanager
def serving(respond: Responder, *, delay: float = 0.0) -> Iterator[tuple[str, list[dict]]]:
    """A server on a free local port answering with `respond` after `delay` seconds; yields its
    /v1 base URL and the list of requests it received (body and headers)."""
    seen: list[dict] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = json.loads(self.rfile.read(length) or b"{}")
            seen.append({"path": self.path, "body": body, "headers": dict(self.headers)})
            time.sleep(delay)
            status, payload = respond(body, dict(self.headers))
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up waiting: that is what a slow server test wants

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1", seen
    finally:
        server.shutdown()
        server.server_close()


def closed_port_url() -> str:
    """The /v1 URL of a local port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/v1"
