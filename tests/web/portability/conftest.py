"""A busy account: something of every portable kind, and rows that point at each other."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from loopcoach.web.accounts.services import api_token_create
from loopcoach.web.loops import services as loops
from loopcoach.web.offers.services import data_point_create, saved_offer_create
from loopcoach.web.planner.services import plan_create
from loopcoach.web.practice import services as practice
from loopcoach.web.practice.models import Draft
from loopcoach.web.stories import services as stories
from tests.scripted_answers import STRONG


def fill_account(user, guide) -> dict:
    question = guide.questions.order_by("id").first()
    first = practice.attempt_create(user=user, question=question, answer=STRONG)
    revised = practice.attempt_create(
        user=user, question=question, answer=STRONG + " I measured it.", revision_of=first
    )
    practice.attempt_follow_up_create(
        user=user, parent=first, follow_up="What would you do differently?", answer=STRONG
    )
    practice.draft_save(
        user=user, question=question, slot=Draft.revise_slot(revised.pk), text="Half"
    )
    story = stories.story_create(
        user=user,
        data={"title": "The payments outage", "situation": "Payments failed.", "action": STRONG},
        principles=["ownership", "dive-deep"],
    )
    loop = loops.loop_start(user=user, guide=guide, minutes=15, seed=2)
    drawn = loop.rounds.get(order=1).questions.first()
    loops.loop_question_answer(loop_question=drawn, text=STRONG)
    plan = plan_create(
        owner=user,
        guide=guide,
        loop_date=timezone.localdate() + timedelta(days=30),
        phone_screen=None,
        weekly=False,
        today=timezone.localdate(),
    )
    saved_offer_create(
        owner=user, fields={"name": "Amazon L6", "base_salary": "200000", "vesting": "amazon"}
    )
    data_point_create(
        submitted_by=user,
        fields={
            "company": "Amazon",
            "level": "L6",
            "location": "Seattle",
            "year": "2025",
            "base": "200000",
        },
    )
    api_token_create(user=user, name="laptop")
    return {"question": question, "attempt": first, "story": story, "loop": loop, "plan": plan}


@pytest.fixture
def busy_alice(alice, amazon_guide):
    return fill_account(alice, amazon_guide)
