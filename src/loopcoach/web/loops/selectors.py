"""Reads of a candidate's mock loops, as data for the pages and the API (no page writes)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, QuerySet

from loopcoach.web.loops.models import LoopQuestion, LoopRoundSession, MockLoop
from loopcoach.web.practice.models import Attempt
from loopcoach.web.voice.selectors import recording_of


def rounds_of(loop: MockLoop) -> QuerySet[LoopRoundSession]:
    """The loop's rounds in order, each with its drawn questions and their answers."""
    return loop.rounds.order_by("order").prefetch_related(
        Prefetch("questions", queryset=questions_of_round()),
    )


def questions_of_round() -> QuerySet[LoopQuestion]:
    # An answer given out loud brings its recording (the player, the delivery figures).
    attempts = Attempt.objects.select_related("recording__job")
    return LoopQuestion.objects.select_related("question").prefetch_related(
        Prefetch("attempts", queryset=attempts)
    )


def loop_question_of(loop: MockLoop, question_id: int) -> LoopQuestion | None:
    """The loop's drawn question for a bank question, or None when the loop did not draw it."""
    return LoopQuestion.objects.filter(session__loop=loop, question_id=question_id).first()


@dataclass(frozen=True)
class AskedQuestion:
    """A drawn question as the candidate sees it: what was asked, answered and graded."""

    pk: int
    number: int
    question_id: int
    text: str
    principles: list[str]
    state: LoopQuestion.State
    answer: str | None
    grade: int | None
    follow_up: str | None
    follow_up_answer: str | None
    final_grade: int | None
    analysis: dict | None  # of the latest answer: the follow-up's once given
    off_topic: bool = False
    off_topic_reason: str = ""
    depth: str = ""  # what the follow-up answer showed, once given
    category: str = ""  # the question's: a system-design question is answered as a design
    recording: Any = None  # the voice Recording of the first answer, when it was spoken
    follow_up_recording: Any = None

    @property
    def delivery(self) -> dict | None:
        return self.recording.delivery if self.recording is not None else None

    @property
    def follow_up_delivery(self) -> dict | None:
        return self.follow_up_recording.delivery if self.follow_up_recording is not None else None

    @property
    def answered(self) -> bool:
        return self.answer is not None

    @property
    def improvement(self) -> str:
        """The first thing to fix, from the latest answer's analysis."""
        improvements = (self.analysis or {}).get("improvements") or []
        return improvements[0] if improvements else ""


def asked_question(drawn: LoopQuestion, *, number: int = 0) -> AskedQuestion:
    answer, follow_up_answer = drawn.answer, drawn.follow_up_answer
    latest = follow_up_answer or answer
    return AskedQuestion(
        pk=drawn.pk,
        number=number or drawn.order,
        question_id=drawn.question_id,
        text=drawn.question.text,
        principles=drawn.principle_slugs,
        state=drawn.state,
        answer=answer.answer if answer else None,
        grade=answer.grade if answer else None,
        follow_up=drawn.follow_up or None,
        follow_up_answer=follow_up_answer.answer if follow_up_answer else None,
        final_grade=drawn.final_grade,
        analysis=latest.analysis if latest else None,
        off_topic=drawn.off_topic,
        off_topic_reason=str(drawn.relevance.get("reason") or "") if drawn.off_topic else "",
        depth=depth_of(follow_up_answer.analysis if follow_up_answer else None),
        category=drawn.question.category,
        recording=recording_of(answer) if answer else None,
        follow_up_recording=recording_of(follow_up_answer) if follow_up_answer else None,
    )


def depth_of(analysis: dict | None) -> str:
    """What a follow-up answer showed, in words: depth under the story, not evidence of it."""
    if not analysis or analysis.get("kind") != "follow_up":
        return ""
    if analysis.get("direct") and analysis.get("specific"):
        return "answered the follow-up directly and with specifics"
    if analysis.get("direct"):
        return "answered the follow-up, but without specifics"
    return "did not answer the follow-up directly"


def round_questions(session: LoopRoundSession) -> list[AskedQuestion]:
    if "questions" in getattr(session, "_prefetched_objects_cache", {}):
        drawn = session.questions.all()  # prefetched by rounds_of
    else:
        drawn = questions_of_round().filter(session=session)
    return [asked_question(q, number=n) for n, q in enumerate(drawn, start=1)]
