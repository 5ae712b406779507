"""Content on the pages: pay estimates per level, related guides that exist, the SDE guide's
common questions, and example answers that open only after a first attempt."""

from __future__ import annotations

import pytest

from loopcoach.web.guides.models import Guide
from loopcoach.web.questions.models import Question
from tests.web.practice.conftest import ANSWER

pytestmark = pytest.mark.django_db
SDE = "/guides/amazon/software-development-engineer/"


def test_the_guide_shows_pay_estimates_per_level_with_their_source(client, amazon_guide):
    assert [level["level"] for level in amazon_guide.pay_levels] == ["L5", "L6", "L7"]
    page = client.get(amazon_guide.get_absolute_url()).content.decode()
    assert "Estimated yearly pay by level" in page and "An estimate from published figures" in page
    assert "$360,000" in page and "Levels.fyi" in page and "as of 2024-06" in page


def test_related_guides_link_to_guides_that_exist(client, amazon_guide):
    page = client.get(amazon_guide.get_absolute_url()).content.decode()
    assert f'href="{SDE}"' in page
    assert "Not in this installation yet" not in page and "Lyft" not in page


def test_the_sde_guide_has_common_questions_with_coding(client, amazon_guide):
    guide = Guide.objects.get(role_slug="software-development-engineer")
    assert guide.questions.filter(category=Question.Category.CODING).exists()
    page = client.get(SDE).content.decode()
    common = page.split('id="common-questions"')[1].split("</section>")[0]
    assert "Coding" in common and common.count('class="question-item"') >= 5


def _with_example() -> Question:
    return Question.objects.exclude(example_answer="").order_by("id").first()


def test_the_example_answer_opens_only_after_your_own_attempt(client, alice, bob):
    from loopcoach.web.practice.services import attempt_create

    question = _with_example()
    assert question.example_strengths
    client.force_login(alice)
    before = client.get(question.get_absolute_url()).content.decode()
    assert "opens here once you have" in before and "What makes it strong" not in before
    attempt_create(user=bob, question=question, answer=ANSWER)
    assert "What makes it strong" not in client.get(question.get_absolute_url()).content.decode()
    attempt_create(user=alice, question=question, answer=ANSWER)
    after = client.get(question.get_absolute_url()).content.decode()
    assert "What makes it strong" in after and question.example_strengths[0] in after
    assert 'class="sent role-action"' in after  # annotated by the analyzer


def test_pages_use_plain_words_for_where_a_question_comes_from(client, amazon_guide):
    question = amazon_guide.questions.filter(source="seed").first()
    page = client.get(question.get_absolute_url()).content.decode()
    assert "From the original guide" in page and "No candidate has reported it yet" in page
    assert "Not yet" not in page and "Source guide" not in page
