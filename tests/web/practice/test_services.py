"""Practice services: save first, analyse, schedule; revisions, follow-ups, overrides, drafts."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from loopcoach.web.answering import services as answering
from loopcoach.web.answering.services import AnswerInputError
from loopcoach.web.practice import selectors, services
from loopcoach.web.practice.models import Attempt, Draft, ReviewCard
from loopcoach.web.practice.services import PracticeInputError
from tests.web.practice.conftest import ANSWER

pytestmark = pytest.mark.django_db


def test_it_saves_and_analyses_an_answer(attempt, alice, question):
    assert attempt.answer == ANSWER and attempt.user == alice and attempt.version == 1
    assert attempt.analysis["schema_version"] == 1
    assert attempt.grade == attempt.analysis["grade"] in (1, 2, 3, 4)
    assert attempt.analysis["asked_principle"] == answering.asked_principle(question)


def test_it_schedules_a_review_card_from_the_grade(attempt, alice, question):
    card = ReviewCard.objects.get(user=alice, question=question)
    assert card.last_rating == attempt.grade and not card.rating_overridden
    assert card.last_attempt == attempt and card.reviews == 1
    assert card.due > timezone.now()


def test_the_candidate_can_override_the_rating(attempt, alice, question):
    card = ReviewCard.objects.get(user=alice, question=question)
    again = services.review_card_rate(card=card, rating=1)
    assert again.last_rating == 1 and again.rating_overridden and again.reviews == 1
    easy = services.review_card_rate(card=again, rating=4)
    assert easy.due > again.due  # the same review redone, not a second one
    assert easy.reviews == 1


def test_an_override_must_be_a_rating(attempt, alice, question):
    card = ReviewCard.objects.get(user=alice, question=question)
    with pytest.raises(PracticeInputError):
        services.review_card_rate(card=card, rating=5)


def test_a_second_attempt_reviews_the_card_again(attempt, alice, question):
    services.attempt_create(user=alice, question=question, answer=ANSWER)
    assert ReviewCard.objects.get(user=alice, question=question).reviews == 2


def test_a_revision_keeps_every_version_and_leaves_the_schedule(attempt, alice, question):
    card_before = ReviewCard.objects.get(user=alice, question=question)
    second = services.attempt_create(
        user=alice, question=question, answer=ANSWER + " I would do it again.", revision_of=attempt
    )
    third = services.attempt_create(
        user=alice, question=question, answer=ANSWER, revision_of=second
    )
    assert [a.version for a in selectors.versions_of(third)] == [1, 2, 3]
    assert Attempt.objects.filter(user=alice).count() == 3
    assert ReviewCard.objects.get(user=alice, question=question).due == card_before.due


def test_nobody_revises_another_candidates_attempt(attempt, bob, question):
    with pytest.raises(AnswerInputError):
        services.attempt_create(user=bob, question=question, answer=ANSWER, revision_of=attempt)


def test_a_follow_up_is_answered_in_the_thread_and_analysed(attempt, alice):
    follow_up = (
        attempt.analysis["follow_ups"][0]
        if attempt.analysis["follow_ups"]
        else "What did you measure?"
    )
    child = services.attempt_follow_up_create(
        user=alice,
        parent=attempt,
        follow_up=follow_up,
        answer="I measured p99 latency per endpoint with our tracing.",
    )
    assert child.parent == attempt and child.follow_up == follow_up and child.analysis
    node = selectors.thread(attempt)
    assert any(n.attempt == child for box in node.boxes for n in box.nodes)
    assert ReviewCard.objects.get(user=alice).reviews == 1  # follow-ups do not review the card


@pytest.mark.parametrize(
    "answer, message",
    [
        ("", "empty"),
        ("   \n ", "empty"),
        ("x " * 20_000, "too long"),
        ("a\x00b", "not text"),
        (None, "text"),
    ],
)
def test_bad_answers_are_refused_and_nothing_is_saved(alice, question, answer, message):
    with pytest.raises(AnswerInputError, match=message):
        services.attempt_create(user=alice, question=question, answer=answer)
    assert not Attempt.objects.exists() and not ReviewCard.objects.exists()


def test_the_due_queue_holds_cards_due_today(attempt, alice, bob, question):
    assert not selectors.cards_due(alice).exists()
    later = timezone.now() + timedelta(days=60)
    assert list(selectors.cards_due(alice, now=later)) == [ReviewCard.objects.get(user=alice)]
    assert not selectors.cards_due(bob, now=later).exists()


def test_an_again_rating_brings_the_card_back_tomorrow(attempt, alice):
    card = services.review_card_rate(card=ReviewCard.objects.get(user=alice), rating=1)
    tomorrow = timezone.now() + timedelta(days=1, hours=1)
    assert selectors.cards_due(alice, now=tomorrow).get() == card


def test_drafts_are_kept_per_box_and_dropped_on_submit(alice, question):
    services.draft_save(user=alice, question=question, slot="answer", text="In 2022 I")
    services.draft_save(user=alice, question=question, slot="answer", text="In 2022 I led")
    assert Draft.objects.get(user=alice).text == "In 2022 I led"
    services.attempt_create(user=alice, question=question, answer=ANSWER)
    assert not Draft.objects.exists()


@pytest.mark.parametrize("slot", ["", "../x", "answer; drop", "follow-x-1"])
def test_a_draft_needs_a_known_box(alice, question, slot):
    with pytest.raises(PracticeInputError):
        services.draft_save(user=alice, question=question, slot=slot, text="hello")


def test_progress_counts_coverage_and_averages(attempt, alice, question):
    progress = selectors.progress(alice)
    assert progress.attempts == 1 and progress.questions == 1 and progress.average == attempt.grade
    dive_deep = next(c for c in progress.principles if c.slug == "dive-deep")
    assert dive_deep.practised == 1 and dive_deep.average == attempt.grade and dive_deep.total >= 1
    category = next(c for c in progress.categories if c.slug == question.category)
    assert category.practised == 1
    assert progress.next_up
