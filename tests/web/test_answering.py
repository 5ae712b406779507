"""The answering workflow: one limit, the text saved first, refusals kept with their reason,
follow-ups through the same path, re-analysis by command."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from loopcoach.analysis import AnalysisInputError
from loopcoach.analysis.validation import MAX_ANSWER_CHARS, check_answer
from loopcoach.web.answering import services as answering
from loopcoach.web.answering.forms import AnswerForm
from loopcoach.web.answering.services import AnswerInputError
from loopcoach.web.loops import services as loops
from loopcoach.web.practice.models import Attempt
from loopcoach.web.stories import services as stories
from loopcoach.web.stories.models import MAX_PART_LENGTH, TEXT_FIELDS
from tests.scripted_answers import STRONG, STRONG_FOLLOW_UP

pytestmark = pytest.mark.django_db


@pytest.fixture
def question(amazon_guide):
    return amazon_guide.questions.filter(principles__slug="dive-deep").order_by("id").first()


def _refuse(*args, **kwargs):
    raise AnalysisInputError("The analyzer cannot read this answer.")


def test_one_limit_for_the_analyzer_the_workflow_the_forms_and_stories(alice, question):
    longest = "x" * MAX_ANSWER_CHARS
    assert check_answer(longest) == longest
    assert AnswerForm({"answer": longest}).is_valid()
    assert not AnswerForm({"answer": longest + "x"}).is_valid()
    assert f'maxlength="{MAX_ANSWER_CHARS}"' in str(AnswerForm()["answer"])
    with pytest.raises(AnswerInputError, match="too long"):
        answering.attempt_create(user=alice, question=question, answer=longest + "x")
    assert not Attempt.objects.exists()
    assert MAX_PART_LENGTH * (len(TEXT_FIELDS) + 1) <= MAX_ANSWER_CHARS


def test_an_answer_the_analyzer_refuses_is_kept_with_the_reason(alice, question, monkeypatch):
    monkeypatch.setattr(answering, "analyze", _refuse)
    attempt = answering.attempt_create(user=alice, question=question, answer=STRONG)
    attempt.refresh_from_db()
    assert attempt.answer == STRONG and attempt.analysis is None and attempt.grade is None
    assert attempt.analysis_error == "The analyzer cannot read this answer."


def test_an_answer_whose_analyzer_crashes_is_saved_all_the_same(alice, question, monkeypatch):
    def analyze(answer, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(answering, "analyze", analyze)
    attempt = answering.attempt_create(user=alice, question=question, answer=STRONG)
    attempt.refresh_from_db()
    assert attempt.answer == STRONG and attempt.analysis_error == answering.ANALYZER_FAILED


def test_the_analyzer_runs_outside_the_answers_one_write(alice, question, monkeypatch):
    depth = len(connection.atomic_blocks)  # the test's own transaction
    seen = []
    real = answering.analyze

    def analyze(answer, **kwargs):
        seen.append(len(connection.atomic_blocks))  # no write lock is held while it runs
        return real(answer, **kwargs)

    monkeypatch.setattr(answering, "analyze", analyze)
    with CaptureQueriesContext(connection) as queries:
        attempt = answering.attempt_create(user=alice, question=question, answer=STRONG)
    writes = [q["sql"].split()[0] for q in queries if q["sql"].startswith(("INSERT", "UPDATE"))]
    assert seen == [depth] and writes == ["INSERT"]  # the answer and its report, one insert
    assert attempt.grade is not None


def test_a_follow_up_answer_takes_the_same_path(alice, question, monkeypatch):
    parent = answering.attempt_create(user=alice, question=question, answer=STRONG)
    calls = []
    real = answering.follow_up_analyse

    def spy(**kwargs):
        calls.append(kwargs)
        return real(**kwargs)

    monkeypatch.setattr(answering, "follow_up_analyse", spy)
    child = answering.attempt_create(
        user=alice,
        question=question,
        answer=STRONG_FOLLOW_UP,
        parent=parent,
        follow_up="How did you measure it?",
    )
    assert child.parent == parent and child.analysis and child.grade
    assert calls[0]["story"] == STRONG and calls[0]["follow_up"] == "How did you measure it?"
    with pytest.raises(AnswerInputError, match="which follow-up"):
        answering.attempt_create(
            user=alice, question=question, answer=STRONG, parent=parent, follow_up=" "
        )


def test_a_follow_up_answer_is_judged_as_one_not_as_a_story(alice, question):
    parent = answering.attempt_create(user=alice, question=question, answer=STRONG)
    child = answering.attempt_create(
        user=alice,
        question=question,
        answer=STRONG_FOLLOW_UP,
        parent=parent,
        follow_up="How did you measure it?",
    )
    assert child.analysis["kind"] == "follow_up" and child.analysis["intent"] == "measurement"
    assert "star" not in child.analysis and child.grade == child.analysis["grade"]


def test_a_thread_story_never_asks_again_what_its_thread_asked(alice, question, monkeypatch):
    parent = answering.attempt_create(user=alice, question=question, answer=STRONG)
    first = parent.analysis["follow_ups"][0]
    answering.attempt_create(
        user=alice, question=question, answer=STRONG_FOLLOW_UP, parent=parent, follow_up=first
    )
    revised = answering.attempt_create(
        user=alice, question=question, answer=STRONG, revision_of=parent
    )
    assert answering.thread_asked(revised) == [first]
    assert first not in revised.analysis["follow_ups"]
    answering.attempt_analyse(attempt=parent)
    assert first not in parent.analysis["follow_ups"]


def test_nobody_answers_in_another_candidates_thread(alice, bob, question):
    parent = answering.attempt_create(user=alice, question=question, answer=STRONG)
    with pytest.raises(AnswerInputError, match="not yours"):
        answering.attempt_create(
            user=bob, question=question, answer=STRONG, parent=parent, follow_up="Why?"
        )
    assert Attempt.objects.count() == 1


def test_a_crash_on_reanalysis_keeps_the_last_report(alice, question, monkeypatch):
    attempt = answering.attempt_create(user=alice, question=question, answer=STRONG)
    report = attempt.analysis
    monkeypatch.setattr(answering, "analyze", lambda *a, **k: 1 / 0)
    counts = answering.attempts_reanalyse(attempts=Attempt.objects.all())
    attempt.refresh_from_db()
    assert counts.failed == 1 and attempt.analysis == report


def test_a_story_is_analysed_the_same_way(alice, monkeypatch):
    monkeypatch.setattr(answering, "analyze", _refuse)
    story = stories.story_create(user=alice, data={"title": "Mine", "action": STRONG})
    story.refresh_from_db()
    assert story.action == STRONG and story.analysis is None
    assert story.analysis_error == "The analyzer cannot read this answer."


def _reanalyse(*args: str) -> str:
    out = StringIO()
    call_command("reanalyse", *args, stdout=out)
    return out.getvalue()


def test_the_reanalyse_command_fills_in_missing_analyses(
    alice, question, amazon_guide, monkeypatch
):
    monkeypatch.setattr(answering, "analyze", lambda *a, **k: 1 / 0)
    practice = answering.attempt_create(user=alice, question=question, answer=STRONG)
    loop = loops.loop_start(user=alice, guide=amazon_guide, minutes=15, seed=1)
    loops.loop_question_answer(loop_question=loop.rounds.first().questions.first(), text=STRONG)
    stories.story_create(user=alice, data={"title": "Mine", "action": STRONG})
    monkeypatch.undo()
    assert _reanalyse() == (
        "answers: 2 analysed, 0 refused, 0 failed\nstories: 1 analysed, 0 refused, 0 failed\n"
    )
    practice.refresh_from_db()
    assert practice.grade and not practice.analysis_error
    assert _reanalyse().startswith("answers: 0 analysed")
    assert _reanalyse("--all", "--batch-size", "1").startswith("answers: 2 analysed")
    assert _reanalyse("--since", "2000-01-01").startswith("answers: 2 analysed")
    assert _reanalyse("--since", "2999-01-01").startswith("answers: 0 analysed")


def test_the_reanalyse_command_refuses_a_bad_date():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="--since takes a date"):
        _reanalyse("--since", "yesterday")


def test_every_answer_box_takes_its_limit_from_the_field(client, alice, question):
    client.force_login(alice)
    attempt = answering.attempt_create(user=alice, question=question, answer=STRONG)
    for url in (f"/practice/questions/{question.pk}/", f"/practice/attempts/{attempt.pk}/"):
        page = client.get(url).content.decode()
        boxes = page.count("<textarea")
        assert boxes and page.count(f'maxlength="{MAX_ANSWER_CHARS}"') == boxes


def test_each_practice_box_says_what_it_answers(client, alice, question):
    client.force_login(alice)
    assert "Get feedback" in client.get(f"/practice/questions/{question.pk}/").content.decode()
    attempt = answering.attempt_create(user=alice, question=question, answer=STRONG)
    page = client.get(f"/practice/attempts/{attempt.pk}/").content.decode()
    assert "Your revised answer" in page and "Resubmit" in page
    assert "Your answer to the follow-up" in page and "Submit follow-up" in page
