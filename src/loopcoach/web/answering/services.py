"""The one workflow for an answer to a question, wherever it is given: practice, a follow-up
in a practice thread, a mock-loop round, a story, a voice answer (its transcript).

1. The text is checked once, by the analyzer's own rules and its one size limit
   (`MAX_ANSWER_CHARS`); text refused here changes nothing (`AnswerInputError`).
2. A typed answer is analysed in memory, then saved with its report in one insert, in
   the one transaction of its workflow (`attempt_prepare`, `attempt_create`): the
   analyzer never runs under a write lock. If the analyzer refuses the text
   (`AnalysisInputError`) the answer is saved and `analysis_error` says why; if it
   crashes the answer is saved too, and `attempt_analyse` (or `loopcoach manage
   reanalyse`) tries again.
3. An answer that must be saved before its analysis can run (a mock-loop round under
   its lock, a voice answer before its transcript) is saved by `attempt_save`, and
   `attempt_analyse` attaches the report after.

A follow-up answer takes the same path; `follow_up_analyse` is the one place that
decides how a follow-up answer is analysed.

An answer's `kind` (`attempt_kind`) decides its analyzer: a system-design question's answer is
a design (`analyze_design`), a writing question's answer may be written out as a narrative
(`review_narrative`, "writing mode"), anything else is a story; design and narrative text is
also refused when it is code rather than prose, or a document far past six pages.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import QuerySet

from loopcoach.analysis import (
    AnalysisInputError,
    analyze,
    analyze_design,
    analyze_follow_up,
    review_narrative,
)
from loopcoach.analysis.design.inputs import check_document
from loopcoach.analysis.validation import check_answer
from loopcoach.web.practice.models import Attempt
from loopcoach.web.questions.models import Question

logger = logging.getLogger(__name__)

MAX_FOLLOW_UP_CHARS = 1_000
ERROR_LENGTH = Attempt._meta.get_field("analysis_error").max_length
ANALYZER_FAILED = "The analyzer failed; what you wrote is saved. Try again in a moment."


Kind = Attempt.Kind
# The kinds a first answer to a question of each category may be; the first is the default.
KINDS_BY_CATEGORY: dict[str, tuple[str, ...]] = {
    Question.Category.SYSTEM_DESIGN: (Kind.DESIGN,),
    Question.Category.WRITING: (Kind.NARRATIVE, Kind.STORY),
}
STORY_KINDS = (Kind.STORY,)
# Writing questions that ask about a document the candidate wrote ("Tell me about a six-page
# narrative you wrote") are told as a story by default; the others ask for writing.
TOLD_WRITING = ("tell me", "walk me", "how do you", "how would you", "why do you")


class AnswerInputError(ValueError):
    """Input refused before anything was saved; the message is fit to show the candidate."""


def answer_kinds(question: Question) -> tuple[str, ...]:
    """The kinds an answer to `question` can be, its default first."""
    kinds = KINDS_BY_CATEGORY.get(question.category, STORY_KINDS)
    if question.category == Question.Category.WRITING and question.text.lower().startswith(
        TOLD_WRITING
    ):
        return (Kind.STORY, Kind.NARRATIVE)
    return kinds


def attempt_kind(question: Question, requested: str | None = None) -> str:
    """The kind of a first answer to `question`: the one asked for if the question allows it
    (writing mode on a writing question), else the question's default. Anything else is
    refused, so a request cannot have a design question judged as a story."""
    kinds = answer_kinds(question)
    if not requested:
        return kinds[0]
    if requested not in kinds:
        allowed = " or ".join(Kind(k).label.lower() for k in kinds)
        raise AnswerInputError(f"This question takes an answer as a {allowed}.")
    return requested


def answer_clean(answer: object, *, kind: str = Kind.STORY) -> str:
    """The answer unchanged if it can be analysed as `kind`, else AnswerInputError with the
    reason. A design or a narrative must also be prose (not code), at most nine pages."""
    try:
        if kind in (Kind.DESIGN, Kind.NARRATIVE):
            return check_document(answer, what="answer" if kind == Kind.DESIGN else "document")
        return check_answer(answer)
    except AnalysisInputError as exc:
        raise AnswerInputError(str(exc)) from None


def follow_up_clean(follow_up: object) -> str:
    """The follow-up question an answer responds to: some text, and not a whole essay."""
    text = follow_up.strip() if isinstance(follow_up, str) else ""
    if not text:
        raise AnswerInputError("Say which follow-up question you are answering.")
    if len(text) > MAX_FOLLOW_UP_CHARS:
        raise AnswerInputError(
            f"The follow-up question is too long (limit {MAX_FOLLOW_UP_CHARS:,} characters)."
        )
    return text


@dataclass(frozen=True)
class Analysis:
    """The analyzer's report, or why there is none (`error`, fit to show the candidate)."""

    report: dict | None
    error: str = ""

    @property
    def grade(self) -> int | None:
        return self.report.get("grade") if self.report else None

    @property
    def crashed(self) -> bool:
        return self.report is None and self.error == ANALYZER_FAILED


def _guarded(run: Callable[[], dict], what: str) -> Analysis:
    try:
        return Analysis(run())
    except AnalysisInputError as exc:
        return Analysis(None, str(exc)[:ERROR_LENGTH])
    except Exception:  # the text is saved; say so and let the candidate retry
        logger.exception("analysis of %s failed", what)
        return Analysis(None, ANALYZER_FAILED)


def answer_analyse(
    *,
    answer: str,
    question: str | None = None,
    principle: str | None = None,
    asked: Sequence[str] = (),
    what: str = "text",
) -> Analysis:
    """Analyse an answer to a question, or a story told on its own (no question); `asked` holds
    the follow-up questions already asked in its thread, which its follow-ups never repeat."""
    return _guarded(
        lambda: analyze(answer, question=question, principle=principle, asked=asked).to_dict(),
        what,
    )


def follow_up_analyse(
    *, answer: str, follow_up: str, story: str, question: str, what: str
) -> Analysis:
    """Analyse the answer to an interviewer's follow-up to `story`: judged as a follow-up answer
    (did it answer what was asked, concretely), not as a story of its own."""
    return _guarded(
        lambda: analyze_follow_up(
            answer, follow_up=follow_up, story=story, question=question
        ).to_dict(),
        what,
    )


def design_analyse(*, answer: str, question: str, what: str = "text") -> Analysis:
    """Analyse a system-design answer against its rubric and the question's expectations."""
    return _guarded(lambda: analyze_design(answer, question=question).to_dict(), what)


def narrative_analyse(*, text: str, what: str = "text") -> Analysis:
    """Review a written narrative or writing sample."""
    return _guarded(lambda: review_narrative(text).to_dict(), what)


def thread_asked(attempt: Attempt) -> list[str]:
    """The follow-up questions already asked in `attempt`'s thread: under it, under the
    versions it revises, and deeper down, oldest first and each once."""
    if not attempt.pk and attempt.revision_of is None:
        return []  # a first answer not saved yet: nothing is under it
    roots: list[int] = []
    version: Attempt | None = attempt
    while version is not None:
        roots.append(version.pk)
        version = version.revision_of
    asked: dict[str, None] = {}
    frontier = roots
    while frontier:
        rows = list(
            Attempt.objects.filter(user_id=attempt.user_id, parent_id__in=frontier)
            .order_by("created_at", "id")
            .values_list("pk", "follow_up")
        )
        asked |= {text.strip(): None for _, text in rows if text.strip()}
        frontier = [pk for pk, _ in rows]
    return list(asked)


def asked_principle(question: Question) -> str | None:
    """The principle a question asks about: the first one its pack lists (read once per
    instance; a question from `question_to_answer` brings it from the cache)."""
    return question.asked_principle


def attempt_build(
    *,
    user: User,
    question: Question,
    answer: str,
    parent: Attempt | None = None,
    follow_up: str = "",
    revision_of: Attempt | None = None,
    duration_seconds: int | None = None,
    loop_question_id: int | None = None,
    kind: str | None = None,
) -> Attempt:
    """Check an answer and make its attempt, not saved nor analysed yet: a first answer, a
    follow-up answer (`parent` and the `follow_up` question it answers) or a new version of
    either (`revision_of`, which keeps its kind). `kind` asks for writing mode on a writing
    question (`attempt_kind`)."""
    if revision_of is not None:
        if revision_of.user_id != user.pk or revision_of.question_id != question.pk:
            raise AnswerInputError("That attempt is not yours to revise.")
        parent, follow_up = revision_of.parent, revision_of.follow_up
        kind = revision_of.kind
    elif parent is not None:
        if parent.user_id != user.pk or parent.question_id != question.pk:
            raise AnswerInputError("That attempt is not yours.")
        follow_up = follow_up_clean(follow_up)
        kind = Kind.FOLLOW_UP
    else:
        kind = attempt_kind(question, kind)
    answer = answer_clean(answer, kind=kind)
    return Attempt(
        user=user,
        question=question,
        answer=answer,
        kind=kind,
        parent=parent,
        follow_up=follow_up,
        revision_of=revision_of,
        version=revision_of.version + 1 if revision_of else 1,
        duration_seconds=duration_seconds,
        loop_question_id=loop_question_id or (parent.loop_question_id if parent else None),
    )


@transaction.atomic
def attempt_save(**answer: Any) -> Attempt:
    """Check and save an answer, not analysed yet (`attempt_build` says what it takes): a
    mock loop saves under its own lock and analyses afterwards."""
    attempt = attempt_build(**answer)
    attempt.save(force_insert=True)
    return attempt


def voice_attempt_save(*, user: User, question: Question) -> Attempt:
    """A spoken answer's attempt, saved before its words are known (the API answers with its
    id at once); `voice_attempt_fill` gives it the transcript, or it is deleted unheard."""
    return Attempt.objects.create(user=user, question=question, answer="")


def voice_attempt_fill(*, attempt: Attempt, transcript: str) -> Attempt:
    """Give a spoken answer its transcript, then analyse it like any typed answer."""
    attempt.answer = answer_clean(transcript)
    attempt.save(update_fields=["answer"])
    return attempt_analyse(attempt=attempt)


def attempt_analyse(*, attempt: Attempt) -> Attempt:
    """Analyse a saved answer and attach the report, or the reason there is none."""
    _attach(attempt)
    return attempt


def _attach(attempt: Attempt) -> Analysis:
    analysis = _analysis_of(attempt)
    if analysis.crashed and attempt.analysis is not None:
        return analysis  # keep the report a previous run attached; retry another time
    _fill(attempt, analysis)
    attempt.save(update_fields=["analysis", "grade", "analysis_error"])
    return analysis


def _fill(attempt: Attempt, analysis: Analysis) -> None:
    attempt.analysis, attempt.grade = analysis.report, analysis.grade
    attempt.analysis_error = analysis.error


def _analysis_of(attempt: Attempt) -> Analysis:
    question = attempt.question
    what = f"attempt {attempt.pk}" if attempt.pk else f"a new attempt by user {attempt.user_id}"
    if attempt.kind == Kind.DESIGN:
        return design_analyse(answer=attempt.answer, question=question.text, what=what)
    if attempt.kind == Kind.NARRATIVE:
        return narrative_analyse(text=attempt.answer, what=what)
    if attempt.parent_id is None:
        return answer_analyse(
            answer=attempt.answer,
            question=question.text,
            principle=asked_principle(question),
            asked=thread_asked(attempt),
            what=what,
        )
    return follow_up_analyse(
        answer=attempt.answer,
        follow_up=attempt.follow_up,
        story=attempt.parent.answer if attempt.parent else "",
        question=question.text,
        what=what,
    )


def attempt_prepare(**answer: Any) -> Attempt:
    """An answer checked and analysed, not saved yet (`attempt_build` says what it takes):
    the caller saves it in the one transaction of its workflow, so a write lock is held for
    the writes only, never while the analyzer runs. An analyzer that fails leaves its error
    on the attempt, which is saved all the same."""
    attempt = attempt_build(**answer)
    _fill(attempt, _analysis_of(attempt))
    return attempt


def attempt_create(**answer: Any) -> Attempt:
    """The whole workflow for an answer given in one step: `attempt_prepare`, then one
    insert of the answer with its report."""
    attempt = attempt_prepare(**answer)
    with transaction.atomic():
        attempt.save(force_insert=True)
    return attempt


@dataclass
class Reanalysed:
    """What a re-analysis did: how many rows got a report, were refused, or failed."""

    analysed: int = 0
    refused: int = 0
    failed: int = 0

    def count(self, error: str) -> None:
        if error == ANALYZER_FAILED:
            self.failed += 1
        elif error:
            self.refused += 1
        else:
            self.analysed += 1


def rows_reanalyse(
    *, rows: QuerySet, analyse: Callable[[Any], str], batch_size: int = 200
) -> Reanalysed:
    """Run `analyse` (which returns the row's analysis error, "" for none) over every row,
    loading `batch_size` rows at a time so a large table never sits in memory at once."""
    counts = Reanalysed()
    ids = list(rows.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), batch_size):
        for row in rows.filter(pk__in=ids[start : start + batch_size]).order_by("pk"):
            counts.count(analyse(row))
    return counts


def attempts_reanalyse(*, attempts: QuerySet[Attempt], batch_size: int = 200) -> Reanalysed:
    """Run the analyzer again over stored answers (after it changed, or where it failed)."""
    return rows_reanalyse(
        rows=attempts.select_related("question", "parent"),
        analyse=lambda attempt: _attach(attempt).error,
        batch_size=batch_size,
    )
