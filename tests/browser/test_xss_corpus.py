"""The XSS corpus (tests/fixtures/xss_corpus.txt) in every field a page shows, over every such page.

A candidate's own text (stories, answers, follow-ups, offers, market data, token
names) and an editor's text (question guidance, in Markdown) each get every
payload. A payload that ran would call __xss(), make an inline handler or
script the CSP has to refuse (the `page` fixture fails on any refusal), or leave
a live javascript: link; none may.
"""

from __future__ import annotations

from pathlib import Path

from tests.browser.audit import sign_in

CORPUS_FILE = Path(__file__).resolve().parents[1] / "fixtures" / "xss_corpus.txt"
LIVE_MARKUP = """() => [
  ...document.querySelectorAll(
      'main script:not([src]), main iframe, main svg script, [hx-get="/accounts/logout/"]'),
  ...[...document.querySelectorAll('main *')].filter(e =>
      [...e.attributes].some(a => a.name.startsWith('on'))),
  ...[...document.querySelectorAll('a[href]')].filter(a =>
      a.href.trim().toLowerCase().startsWith('javascript:')),
].map(e => e.outerHTML.slice(0, 120))"""


def corpus() -> list[str]:
    text = CORPUS_FILE.read_text(encoding="utf-8")
    return [line for line in text.split("\n") if line.strip() and not line.startswith("# ")]


def _fill(user) -> list[str]:
    """Every payload in every field; the pages that show them."""
    from loopcoach.web.accounts.services import api_token_create
    from loopcoach.web.guides.models import Guide
    from loopcoach.web.offers.services import data_point_create, saved_offer_create
    from loopcoach.web.practice.services import attempt_create, attempt_follow_up_create
    from loopcoach.web.stories.services import story_create
    from tests.web.practice.conftest import ANSWER

    payloads = corpus()
    everything = "\n\n".join(payloads)
    guide = Guide.objects.get(company__slug="amazon", role_slug="engineering-manager")
    question = guide.questions.order_by("id").first()
    question.guidance = everything  # an editor's Markdown
    question.save()
    stories = [
        story_create(user=user, data={"title": p[:200], "situation": everything, "result": p})
        for p in payloads[:12]
    ]
    attempt = attempt_create(user=user, question=question, answer=f"{ANSWER}\n{everything}")
    attempt_follow_up_create(
        user=user, parent=attempt, follow_up=payloads[1], answer=f"{ANSWER} {payloads[2]}"
    )
    for payload in payloads[:10]:
        saved_offer_create(owner=user, fields={"name": payload[:80], "base_salary": "100000"})
        api_token_create(user=user, name=payload[:80])
    for payload in payloads[:5]:
        data_point_create(
            submitted_by=user,
            fields={"company": payload[:100], "level": payload[:40], "location": payload[:100],
                    "year": "2025", "base": "150000"},
        )  # fmt: skip
    return [
        question.get_absolute_url(),
        f"/practice/questions/{question.pk}/",
        "/stories/",
        stories[0].get_absolute_url(),
        f"/stories/{stories[0].pk}/edit/",
        "/stories/coverage/",
        f"/practice/attempts/{attempt.pk}/",
        "/practice/history/",
        "/practice/dashboard/",
        "/offers/",
        "/offers/market/",
        "/accounts/",
        "/questions/?q=" + "%3Cscript%3E__xss(99)%3C%2Fscript%3E",
    ]


def test_no_payload_runs_on_any_page(page, live_server, alice):
    page.add_init_script("window.__hits = []; window.__xss = n => window.__hits.push(n);")
    urls = _fill(alice)
    sign_in(page.context, live_server, alice)
    problems = []
    for url in urls:
        page.goto(url)
        page.wait_for_load_state("networkidle")
        hits = page.evaluate("window.__hits")
        live = page.evaluate(LIVE_MARKUP)
        if hits or live:
            problems.append(f"{url}: ran {hits}, live markup {live}")
    assert not problems, "\n".join(problems)
    # the payloads are shown as text, not dropped
    page.goto("/stories/")
    assert "<img src=x onerror=__xss(2)>" in page.locator("main").inner_text()
