"""A candidate asks the LLM coach about an answer: the job waits for a worker, a real worker
runs it against a real OpenAI-compatible server, and the review appears under the feedback,
labelled with the model's name. With the coach off there is no button."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.conftest import screenshot
from tests.conftest import make_user
from tests.web.coach import conftest as coach_fixtures
from tests.web.coach.conftest import ANSWER, MODEL_NAME

# The coach's fixtures (a real llama-cpp-python server, the settings pointing at it), shared.
llama_server = coach_fixtures.llama_server
coach_on = coach_fixtures.coach_on


def signed_in_attempt(page):
    from loopcoach.web.guides.models import Guide
    from loopcoach.web.practice.services import attempt_create

    alice = make_user("alice")
    question = (
        Guide.objects.get(company__slug="amazon", role_slug="engineering-manager")
        .questions.filter(principles__slug="dive-deep")
        .order_by("id")
        .first()
    )
    attempt = attempt_create(user=alice, question=question, answer=ANSWER)
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("alice")
    page.get_by_label("Password").fill("alice-Passw0rd!")
    page.get_by_role("button", name="Log in").click()
    page.goto(attempt.get_absolute_url())
    return attempt


def test_a_candidate_asks_the_coach_and_reads_its_review(page, request, start_worker):
    env = request.getfixturevalue("coach_on")(request.getfixturevalue("llama_server"), timeout=300)
    signed_in_attempt(page)
    coach = page.locator("#coach")
    expect(coach).to_contain_text(f"LLM · {MODEL_NAME}")
    coach.get_by_role("button", name="Ask the coach").click()
    expect(coach.get_by_role("status")).to_contain_text("Waiting for the worker")
    screenshot(page, "coach-waiting")
    start_worker(**env)
    expect(coach.get_by_role("heading", name="A stronger version")).to_be_visible(timeout=300_000)
    expect(coach.locator(".coach-model")).to_have_text(f"LLM · {MODEL_NAME}")
    expect(coach.locator(".coach-follow-ups li").first).to_be_visible()
    expect(page.locator(".feedback").first).to_be_visible()  # the analyzer's feedback stays
    coach.scroll_into_view_if_needed()
    screenshot(page, "coach-review")


def test_with_the_coach_off_there_is_no_button(page, settings):
    settings.LLM_BASE_URL, settings.LLM_MODEL = "", ""
    signed_in_attempt(page)
    coach = page.locator("#coach")
    expect(coach).to_contain_text("The LLM coach is off")
    expect(coach.get_by_role("button")).to_have_count(0)


def test_an_invented_number_is_marked_on_a_phone(phone_page, request):
    coach_on = request.getfixturevalue("coach_on")
    from loopcoach.coach.facts import invented_numbers, marked_segments
    from loopcoach.web.coach.models import CoachReview

    coach_on("http://127.0.0.1:9/v1")
    attempt = signed_in_attempt(phone_page)
    rewrite = "I cut p99 latency from 900 ms to 200 ms for 12 million users; conversion rose 3%."
    invented = invented_numbers(rewrite, answer=ANSWER)
    CoachReview.objects.create(
        user=attempt.user,
        attempt=attempt,
        model=MODEL_NAME,
        result={
            "model": MODEL_NAME,
            "critique": "Say how you found the three calls, and what you measured.",
            "rewrite": rewrite,
            "rewrite_segments": [s.to_dict() for s in marked_segments(rewrite, invented)],
            "invented": [span.text for span in invented],
            "follow_ups": ["How did you find the calls?", "What did the cache cost?"],
        },
    )
    phone_page.reload()
    mark = phone_page.locator("#coach mark.invented")
    expect(mark).to_contain_text("12 million users")
    mark.scroll_into_view_if_needed()
    screenshot(phone_page, "coach-review-phone")
