"""Browser tests: Playwright driving Debian's headless Chromium against a live server.

Skipped when /usr/bin/chromium is missing, unless LOOPCOACH_REQUIRE_BROWSER is
set (CI), where a missing browser is a failure. Screenshots of every page a
test visits go to test-artifacts/screenshots/ for a person to look at.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("LOOPCOACH_REQUIRE_BROWSER"):
            pytest.fail(f"{CHROMIUM} is missing and LOOPCOACH_REQUIRE_BROWSER is set")
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium to run the browser tests")
    # Playwright's sync API runs an event loop in this thread; Django's ORM then
    # refuses to run unless told that this single-threaded use is safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def content(transactional_db):
    """Live-server tests flush the database after each test: load the packs again."""
    from tests.conftest import load_builtin_content

    load_builtin_content()


def watch_csp(page) -> list[str]:
    """Collect what the Content-Security-Policy blocked on `page` (Chromium logs each refusal)."""
    refused: list[str] = []

    def _on_console(message) -> None:
        if message.type == "error" and "Content Security Policy" in message.text:
            refused.append(f"{page.url}: {message.text[:90]} at {message.location}")

    page.on("console", _on_console)
    return refused


def _new_page(context):
    page = context.new_page()
    page.set_default_timeout(10_000)
    return page, watch_csp(page)


@pytest.fixture
def page(browser, live_server, content):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page, refused = _new_page(context)
    yield page
    context.close()
    assert not refused, "the CSP blocked:\n" + "\n".join(refused)


@pytest.fixture
def phone_page(browser, live_server, content):
    context = browser.new_context(
        base_url=live_server.url,
        viewport={"width": 390, "height": 844},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
    )
    page, refused = _new_page(context)
    yield page
    context.close()
    assert not refused, "the CSP blocked:\n" + "\n".join(refused)


def wait_until(page, expression: str, *, timeout: float = 15.0) -> None:
    """Wait until a JavaScript expression is true in the page.

    Playwright's own wait_for_function evaluates its predicate with eval() inside the
    page once it starts polling, which our CSP (no 'unsafe-eval') rightly refuses;
    page.evaluate goes through the DevTools protocol, which the CSP does not govern.
    """
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout:.0f} s: {expression}")
        page.wait_for_timeout(100)


def screenshot(page, name: str, *, full_page: bool = False) -> None:
    """Save what the reader sees (the viewport by default: long pages make huge images)."""
    from playwright.sync_api import Error

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for attempt in range(3):
        try:
            page.screenshot(
                path=str(SCREENSHOTS / f"{name}.png"), full_page=full_page, timeout=30_000
            )
            return
        except Error as error:
            # Chromium sometimes refuses a capture on a loaded machine ("Unable to capture
            # screenshot"); the picture is for people to look at, so try again a moment later.
            if "Unable to capture screenshot" not in str(error) or attempt == 2:
                raise
            page.wait_for_timeout(500)
