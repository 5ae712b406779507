"""The main pages of the site, with data to show, and an axe-core audit to run on each.

axe-core comes from the npm registry: `.ci/run` (and `dev.py test`) install it with
`npm ci --prefix .ci/node`; the audit fails, not skips, when it is missing.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

AXE = (
    Path(__file__).resolve().parents[2]
    / ".ci"
    / "node"
    / "node_modules"
    / "axe-core"
    / "axe.min.js"
)
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

PUBLIC = [
    "/",
    "/questions/",
    "/guides/amazon/engineering-manager/",
    "/guides/amazon/principles/",
    "{question}",
    "/offers/",
    "/offers/market/",
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/password/reset/",
    "/does-not-exist/",
]
PRIVATE = [
    "/practice/",
    "/practice/questions/{question_pk}/",
    "/practice/attempts/{attempt}/",
    "/practice/history/",
    "/practice/dashboard/",
    "/practice/due/",
    "/stories/",
    "/stories/new/",
    "/stories/{story}/",
    "/stories/coverage/",
    "/loops/",
    "/loops/{loop}/",
    "/loops/{loop}/rounds/1/",
    "/loops/{finished}/debrief/",
    "/plan/",
    "/plan/{plan}/",
    "/accounts/",
    "/accounts/password/",
    "/accounts/welcome/",
]


def axe_source() -> str:
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `npm ci --prefix .ci/node` (axe-core from npm)")
    return AXE.read_text(encoding="utf-8")


def make_data(user) -> dict[str, object]:
    """One of each thing a candidate has, so that every private page shows something."""
    from loopcoach.web.guides.models import Guide
    from loopcoach.web.loops.services import loop_finish, loop_start
    from loopcoach.web.planner.services import plan_create
    from loopcoach.web.practice.services import attempt_create
    from loopcoach.web.stories.services import story_create
    from tests.web.practice.conftest import ANSWER

    guide = Guide.objects.get(company__slug="amazon", role_slug="engineering-manager")
    question = guide.questions.filter(principles__slug="dive-deep").order_by("id").first()
    assert question is not None
    attempt = attempt_create(user=user, question=question, answer=ANSWER)
    story = story_create(
        user=user, data={"title": "Checkout latency", "situation": "p99 was 900 ms."}
    )
    loop = loop_start(user=user, guide=guide, minutes=45, seed=7)
    finished = loop_finish(loop=loop_start(user=user, guide=guide, minutes=45, seed=8))
    today = date.today()
    plan = plan_create(
        owner=user,
        guide=guide,
        loop_date=today + timedelta(days=21),
        phone_screen=None,
        weekly=False,
        today=today,
    )
    return {
        "question": question.get_absolute_url(),
        "question_pk": question.pk,
        "attempt": attempt.pk,
        "story": story.pk,
        "loop": loop.pk,
        "finished": finished.pk,
        "plan": plan.pk,
    }


def sign_in(context, live_server, user) -> None:
    from django.test import Client

    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])


def audit(page) -> list[str]:
    """axe's WCAG 2.1 A/AA violations on the page as it is now, one line each."""
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG
    )
    lines = []
    for violation in result["violations"]:
        targets = [", ".join(node["target"]) for node in violation["nodes"][:4]]
        lines.append(f"{page.url} [{violation['impact']}] {violation['id']}: {targets}")
    return lines
