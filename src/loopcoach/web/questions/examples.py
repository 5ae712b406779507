"""The annotated example answer of a question, shown once the candidate has answered it."""

from __future__ import annotations

from functools import lru_cache

from django.contrib.auth.models import AnonymousUser, User

from loopcoach.analysis import AnalysisInputError, analyze
from loopcoach.web.practice.feedback import Feedback, build_story
from loopcoach.web.practice.models import Attempt
from loopcoach.web.questions.models import Question


def example_unlocked(user: User | AnonymousUser, question: Question) -> bool:
    """Only after a first attempt: an example read first is memorised, not learned from."""
    if not question.example_answer or not user.is_authenticated:
        return False
    return Attempt.objects.filter(user=user, question=question).exists()


@lru_cache(maxsize=256)
def _annotation(text: str, answer: str) -> dict | None:
    try:
        return analyze(answer, question=text).to_dict()
    except AnalysisInputError:
        return None


def example_feedback(question: Question) -> Feedback | None:
    """The analyzer's reading of the example: STAR roles, numbers and the principle it shows."""
    analysis = _annotation(question.text, question.example_answer)
    if analysis is None:
        return None
    return build_story(analysis, question.example_answer, anchor="example")
