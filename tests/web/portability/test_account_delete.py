"""Deleting an account leaves no row of it in any table: found by walking every model's
foreign keys from the user, so a model added later is covered without a change here."""

from __future__ import annotations

from collections import defaultdict

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, User
from django.contrib.sessions.models import Session
from django.db import models

from loopcoach.web.cohorts import services as cohorts
from loopcoach.web.cohorts.models import Cohort, Comment
from loopcoach.web.portability.deletion import WrongPassword, account_delete
from loopcoach.web.practice.models import Attempt
from loopcoach.web.stories.models import Story
from tests.conftest import make_user
from tests.web.portability.conftest import fill_account

pytestmark = pytest.mark.django_db


def rows_reached_from(user: User) -> dict[type[models.Model], set[int]]:
    """Every row that points at the user, or at such a row, through any chain of foreign keys."""
    reached: dict[type[models.Model], set[int]] = defaultdict(set)
    reached[User].add(user.pk)
    grew = True
    while grew:
        grew = False
        for model in apps.get_models(include_auto_created=True):
            for field in model._meta.concrete_fields:
                target = field.related_model if field.is_relation else None
                if target is None or not reached.get(target):
                    continue
                pks = set(
                    model._default_manager.filter(
                        **{f"{field.attname}__in": reached[target]}
                    ).values_list("pk", flat=True)
                )
                if pks - reached[model]:
                    reached[model] |= pks
                    grew = True
    return reached


def _in_a_cohort(candidate, coach, items: dict) -> None:
    coach.groups.add(Group.objects.get(name="coach"))
    cohort = cohorts.cohort_create(coach=coach, name=f"Cohort of {coach.username}")
    cohorts.cohort_join(candidate=candidate, token=cohort.invite_token)
    share, _ = cohorts.share_create(
        candidate=candidate, cohort=cohort, kind="story", item_id=items["story"].pk
    )
    cohorts.comment_add(author=coach, share=share, body="Numbers?")
    cohorts.comment_add(author=candidate, share=share, body="Added.")


def test_no_row_of_the_user_survives_in_any_table(client, alice, bob, amazon_guide):
    alices = fill_account(alice, amazon_guide)
    bobs = fill_account(bob, amazon_guide)
    _in_a_cohort(alice, bob, alices)  # bob coaches alice
    _in_a_cohort(bob, alice, bobs)  # and alice coaches bob
    client.force_login(alice)
    client.get("/accounts/")  # a session row of alice's
    before = rows_reached_from(alice)
    assert len([model for model, pks in before.items() if pks]) >= 12
    bobs_before = {model: len(pks) for model, pks in rows_reached_from(bob).items()}
    account_delete(user=alice, password="alice-Passw0rd!")
    for model, pks in before.items():
        left = model._default_manager.filter(pk__in=pks).count()
        assert left == 0, f"{model._meta.label}: {left} rows of alice's left"
    assert not any(
        str(s.get_decoded().get("_auth_user_id")) == str(before[User].copy().pop())
        for s in Session.objects.all()
    )
    bobs_after = {model: len(pks) for model, pks in rows_reached_from(bob).items()}
    # bob keeps all of his own and the cohort he coaches; his share in alice's cohort went
    # with it, and the comments on alice's share in his cohort with her share
    assert bobs_after[Attempt] == bobs_before[Attempt]
    assert bobs_after[Story] == bobs_before[Story]
    assert bobs_after[Cohort] == 1 and bobs_after.get(Comment, 0) == 0


def test_the_wrong_password_deletes_nothing(alice, amazon_guide):
    fill_account(alice, amazon_guide)
    for password in ("", "wrong", "bob-Passw0rd!"):
        with pytest.raises(WrongPassword):
            account_delete(user=alice, password=password)
    assert User.objects.filter(pk=alice.pk).exists() and Attempt.objects.filter(user=alice).exists()


def test_a_second_candidate_is_untouched(alice, amazon_guide):
    bob = make_user("bob")
    fill_account(bob, amazon_guide)
    account_delete(user=alice, password="alice-Passw0rd!")
    assert Attempt.objects.filter(user=bob).count() == 4


def test_deleting_removes_the_audio_and_the_counts_the_reports_made(
    alice, bob, amazon_guide, django_capture_on_commit_callbacks
):
    from loopcoach.web.reports.services import question_merge

    alices = fill_account(alice, amazon_guide)
    bobs = fill_account(bob, amazon_guide)
    moderator = make_user("mona")
    moderator.groups.add(Group.objects.get(name="moderator"))
    question = amazon_guide.questions.order_by("id").last()
    for report in (alices["report"], bobs["report"]):
        question_merge(
            moderator=moderator, report_id=report.pk, position=0, question_id=question.pk
        )
    question.refresh_from_db()
    assert question.times_reported == 2
    audio = alices["recording"].audio_path
    assert audio.is_file()
    with django_capture_on_commit_callbacks(execute=True):  # files go once rows are gone
        account_delete(user=alice, password="alice-Passw0rd!")
    question.refresh_from_db()
    assert question.times_reported == 1  # bob's report still counts, alice's no longer
    assert not audio.exists() and bobs["recording"].audio_path.is_file()
