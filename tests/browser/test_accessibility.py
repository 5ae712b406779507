"""Every main page, at laptop and phone width: no axe-core WCAG 2.1 A/AA violation, no CSP refusal.

The `page` fixtures fail a test whose pages the Content-Security-Policy blocked
anything on, so this walk checks the CSP over the same pages.
"""

from __future__ import annotations

import pytest

from tests.browser.audit import PRIVATE, PUBLIC, audit, axe_source, make_data, sign_in
from tests.browser.conftest import CHROMIUM, watch_csp

WIDTHS = {"laptop": (1280, 900), "phone": (390, 844)}
# The innermost elements that stick out past the viewport, to name in a failure.
WIDEST = """width => [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > width + 1 && !e.querySelector('*'))
  .slice(0, 5)
  .map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))"""


@pytest.mark.parametrize("width", WIDTHS)
def test_every_main_page_passes_axe(browser, live_server, content, alice, width):
    if not CHROMIUM.exists():
        pytest.skip("no browser")
    data = make_data(alice)
    urls = [url.format(**data) for url in PUBLIC + PRIVATE]
    w, h = WIDTHS[width]
    context = browser.new_context(base_url=live_server.url, viewport={"width": w, "height": h})
    context.add_init_script(script=axe_source())  # evaluated by the browser, not blocked by CSP
    sign_in(context, live_server, alice)
    page = context.new_page()
    page.set_default_timeout(15_000)
    refused = watch_csp(page)
    found, wide = [], []
    for url in urls:
        page.goto(url)
        found += audit(page)
        # Nothing makes the whole page scroll sideways: wide tables scroll in their box.
        if page.evaluate("document.documentElement.scrollWidth") > w + 1:
            wide.append(f"{url}: {page.evaluate(WIDEST, w)}")
    context.close()
    assert not found, "axe found:\n" + "\n".join(found)
    assert not wide, f"pages wider than {w}px: {wide}"
    assert not refused, "the CSP blocked:\n" + "\n".join(refused)
