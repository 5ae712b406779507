"""The story bank pages and services: write, analyse, tag, cover, match, export and import."""

from __future__ import annotations

import pytest

from loopcoach.web.stories import services
from loopcoach.web.stories.models import Story
from loopcoach.web.stories.selectors import best_stories, user_coverage
from tests.scripted_answers import STRONG

pytestmark = pytest.mark.django_db

STORY = {
    "title": "Cut checkout latency by 70%",
    "when": "2022, payments",
    "situation": STRONG.split(". ")[0] + ".",
    "task": "Bring p99 under 300 ms in six weeks.",
    "action": "I profiled the service and found an N+1 query. I wrote the cache design.",
    "result": "p99 fell from 900 ms to 210 ms and conversion rose 1.2%.",
    "reflection": "Measure first.",
}


@pytest.fixture
def story(alice, amazon_guide):
    return services.story_create(
        user=alice, data=STORY, principles=["dive-deep", "deliver-results"]
    )


def test_it_creates_a_story_from_the_form_and_analyses_it(client, alice, amazon_guide):
    client.force_login(alice)
    response = client.post("/stories/new/", STORY)
    story = Story.objects.get(user=alice)
    assert response.status_code == 302 and response.url == story.get_absolute_url()
    assert story.analysis["grade"] in (1, 2, 3, 4) and story.suggested_principles()
    page = client.get(story.get_absolute_url()).content.decode()
    assert "Feedback" in page and "suggested" in page


def test_the_form_needs_a_title_and_some_story(client, alice, amazon_guide):
    client.force_login(alice)
    response = client.post("/stories/new/", {"title": "Empty"})
    assert response.status_code == 200 and "at least one part" in response.content.decode()
    assert not Story.objects.exists()


def test_it_confirms_principles(client, alice, story):
    client.force_login(alice)
    client.post(f"/stories/{story.pk}/principles/", {"principles": ["ownership", "earn-trust"]})
    assert sorted(p.slug for p in story.principles.all()) == ["earn-trust", "ownership"]


def test_unknown_principles_are_refused(client, alice, story):
    client.force_login(alice)
    client.post(f"/stories/{story.pk}/principles/", {"principles": ["telepathy"]})
    assert sorted(p.slug for p in story.principles.all()) == ["deliver-results", "dive-deep"]


def test_it_edits_and_reanalyses(client, alice, story):
    client.force_login(alice)
    response = client.post(
        f"/stories/{story.pk}/edit/", {**STORY, "title": "Renamed", "result": "It worked."}
    )
    story.refresh_from_db()
    assert response.status_code == 302 and story.title == "Renamed" and story.result == "It worked."
    assert story.principles.count() == 2  # editing the text keeps the confirmed tags


def test_it_deletes_after_confirming(client, alice, story):
    client.force_login(alice)
    assert "Delete" in client.get(f"/stories/{story.pk}/delete/").content.decode()
    client.post(f"/stories/{story.pk}/delete/")
    assert not Story.objects.exists()


def test_coverage_shows_gaps_and_stretched_stories(client, alice, story):
    services.story_create(
        user=alice,
        data={**STORY, "title": "Everything"},
        principles=["dive-deep", "ownership", "think-big", "frugality", "earn-trust"],
    )
    view = user_coverage(alice)
    dive = next(row for row in view.coverage.rows if row.slug == "dive-deep")
    assert not dive.is_gap and len(view.coverage.gaps) == 15
    assert len(view.coverage.stretched) == 1
    client.force_login(alice)
    page = client.get("/stories/coverage/").content.decode()
    assert "Gaps (15)" in page and "is tagged with 5 principles" in page


def test_a_story_told_in_many_loop_answers_is_overused(alice, story, amazon_guide):
    from loopcoach.web.loops import services as loops

    loop = loops.loop_start(user=alice, guide=amazon_guide, minutes=15, seed=1)
    drawn = [q for s in loop.rounds.all() for q in s.questions.all()][:3]
    for question in drawn:
        loops.loop_question_answer(
            loop_question=question, text=f"{STORY['action']} {STORY['result']}"
        )
    view = user_coverage(alice)
    assert view.uses[story.pk] == 3 and view.coverage.overused == [story.pk]


def test_best_stories_for_a_question(alice, story, amazon_guide):
    question = amazon_guide.questions.filter(principles__slug="dive-deep").first()
    services.story_create(
        user=alice,
        data={
            **STORY,
            "title": "Hiring",
            "action": "I hired two engineers.",
            "result": "Both were promoted.",
        },
        principles=["hire-and-develop-the-best"],
    )
    matches = best_stories(user=alice, question=question)
    assert matches[0].story == story and matches[0].shared_principles[0].slug == "dive-deep"


def test_the_question_page_shows_best_stories_to_their_owner_only(
    client, alice, bob, story, amazon_guide
):
    question = amazon_guide.questions.filter(principles__slug="dive-deep").first()
    client.force_login(alice)
    assert story.title in client.get(question.get_absolute_url()).content.decode()
    client.force_login(bob)
    page = client.get(question.get_absolute_url()).content.decode()
    assert story.title not in page and "story bank" in page
    client.logout()
    assert "Sign in" in client.get(question.get_absolute_url()).content.decode()


def test_markdown_export_and_import_round_trip(client, alice, bob, story):
    services.story_create(
        user=alice, data={"title": "# Tricky", "action": "### not a heading\n\\# nor this"}
    )
    client.force_login(alice)
    exported = client.get("/stories/export.md")
    assert exported["Content-Type"].startswith("text/markdown")
    text = exported.content.decode()
    assert "## Cut checkout latency by 70%" in text
    result = services.stories_import(user=bob, text=text)
    assert result.created == 2
    assert services.stories_export(user=bob) == text
    again = services.stories_import(user=bob, text=text)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)


def test_import_updates_by_title_and_reports_unknown_principles(client, alice, story):
    client.force_login(alice)
    text = (
        "## Cut checkout latency by 70%\n- Principles: dive-deep, telepathy\n\n"
        "### Result\nNew result.\n"
    )
    response = client.post("/stories/import/", {"text": text}, follow=True)
    story.refresh_from_db()
    assert story.result == "New result." and [p.slug for p in story.principles.all()] == [
        "dive-deep"
    ]
    assert "telepathy" in response.content.decode()


def test_a_malformed_import_changes_nothing(client, alice, story):
    client.force_login(alice)
    response = client.post("/stories/import/", {"text": "## A\n### Epilogue\nx"})
    assert "Nothing was imported: line 2" in response.content.decode()
    assert Story.objects.count() == 1


def test_an_uploaded_file_that_is_not_utf8_is_refused(client, alice):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(alice)
    response = client.post(
        "/stories/import/", {"file": SimpleUploadedFile("s.md", b"\xff\xfe\x00bad")}
    )
    assert "not UTF-8" in response.content.decode()
