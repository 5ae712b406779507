"""Pages outside the main walk under the strict CSP: the admin and the API docs still work."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.audit import sign_in
from tests.conftest import make_user


def test_the_admin_and_the_api_docs_work_under_the_csp(page, live_server):
    editor = make_user("editor")
    editor.is_staff = editor.is_superuser = True
    editor.save()
    sign_in(page.context, live_server, editor)
    for url in ("/admin/", "/admin/questions/question/", "/admin/questions/question/1/change/"):
        page.goto(url)
        expect(page.locator("#content")).to_be_visible()
    page.goto("/api/v1/docs")
    expect(page.locator(".swagger-ui .info")).to_be_visible()  # rendered by its static script
    # the `page` fixture fails the test if the CSP refused anything on these pages


def test_the_phone_menu_reaches_every_section(phone_page):
    phone_page.goto("/")
    nav = phone_page.get_by_role("navigation", name="Main")
    expect(nav).to_be_hidden()
    menu = phone_page.get_by_role("button", name="Menu")
    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")
    names = ["Guides", "Questions", "Practice", "Stories", "Mock loop", "Plan", "Offers"]
    for name in [*names, "Log in", "Sign up"]:
        link = nav.get_by_role("link", name=name, exact=True)
        expect(link).to_be_visible()
        expect(link).to_be_in_viewport()
    nav.get_by_role("link", name="Stories", exact=True).click()
    phone_page.wait_for_url("**/stories/")
