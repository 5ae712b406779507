"""/api/v1/loops: start a mock loop, answer its
questions, read the debrief. Private to the owner."""

from __future__ import annotations

from django.http import JsonResponse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from loopcoach.web.api.auth import BadRequest, api_error, api_login_required, json_body
from loopcoach.web.core.requests import AuthenticatedRequest
from loopcoach.web.guides.models import Guide
from loopcoach.web.loops import selectors, services
from loopcoach.web.loops.debrief import Debrief, loop_debrief
from loopcoach.web.loops.models import PRACTICE_MINUTES, LoopRoundSession, MockLoop
from loopcoach.web.loops.selectors import AskedQuestion, loop_question_of


def _answer_dict(answer: AskedQuestion) -> dict:
    return {
        "question_id": answer.question_id,
        "text": answer.text,
        "principles": answer.principles,
        "state": answer.state,
        "answer": answer.answer,
        "grade": answer.grade,
        "follow_up": answer.follow_up,
        "follow_up_answer": answer.follow_up_answer,
        "final_grade": answer.final_grade,
    }


def _round_dict(session: LoopRoundSession) -> dict:
    return {
        "order": session.order,
        "slug": session.slug,
        "name": session.name,
        "interviewer": session.interviewer,
        "bar_raiser": session.is_bar_raiser,
        "principles": session.principle_slugs,
        "uncovered_principles": session.uncovered_slugs,
        "minutes": session.minutes,
        "state": session.state,
        "seconds_left": session.seconds_left(),
        "questions": [_answer_dict(a) for a in selectors.round_questions(session)],
    }


def loop_dict(loop: MockLoop) -> dict:
    sessions = selectors.rounds_of(loop)
    return {
        "id": loop.pk,
        "guide": loop.guide.path,
        "status": loop.current_status,
        "seed": loop.seed,
        "round_minutes": loop.round_minutes,
        "created_at": loop.created_at.isoformat(),
        "finished_at": loop.finished_at.isoformat() if loop.finished_at else None,
        "rounds": [_round_dict(session) for session in sessions],
        "url": loop.get_absolute_url(),
    }


def debrief_dict(debrief: Debrief) -> dict:
    decision = debrief.decision
    return {
        "loop": debrief.loop.pk,
        "decision": {
            "outcome": decision.outcome.value,
            "vetoed": decision.vetoed,
            "reasons": list(decision.reasons),
            "hire_votes": decision.hire_votes,
            "votes": decision.votes,
        },
        "rounds": [
            {
                "order": r.session.order,
                "slug": r.session.slug,
                "name": r.session.name,
                "bar_raiser": r.session.is_bar_raiser,
                "vote": r.verdict.vote.value,
                "mean_grade": r.verdict.mean,
                "reason": r.verdict.reason,
                "evidence": [
                    {
                        "principle": pe.principle.slug,
                        "items": [
                            {
                                "question_id": item.answer.question_id,
                                "grade": item.grade,
                                "quote": item.quote or None,
                            }
                            for item in pe.items
                        ],
                    }
                    for pe in r.principles
                ],
            }
            for r in debrief.rounds
        ],
        "gaps": [
            {
                "principle": g.principle.slug,
                "name": g.principle.name,
                "mean_grade": g.gap.mean,
                "answers": g.gap.answers,
                "questions_url": g.questions_url,
                "practice_url": g.practice_url,
            }
            for g in debrief.gaps
        ],
        "next_steps": debrief.next_steps,
    }


def _own_loop(request: AuthenticatedRequest, pk: int) -> MockLoop | None:
    return (
        MockLoop.objects.select_related("guide__company").filter(user=request.user, pk=pk).first()
    )


def _guide(value: object) -> Guide:
    if not isinstance(value, str) or value.count("/") != 1:
        raise BadRequest("'guide' must be a guide id like 'amazon/engineering-manager'.")
    company, role = value.split("/")
    guide = Guide.objects.filter(company__slug=company, role_slug=role).first()
    if guide is None:
        raise BadRequest(f"No guide '{value}'.")
    return guide


@api_login_required
@require_http_methods(["GET", "POST"])
def loop_collection(request: AuthenticatedRequest) -> JsonResponse:
    if request.method == "GET":
        loops = (
            MockLoop.objects.filter(user=request.user)
            .select_related("guide__company")
            .prefetch_related("rounds")
        )
        return JsonResponse(
            {
                "results": [
                    {
                        "id": loop.pk,
                        "guide": loop.guide.path,
                        "status": loop.current_status,
                        "created_at": loop.created_at.isoformat(),
                        "url": loop.get_absolute_url(),
                    }
                    for loop in loops
                ]
            }
        )
    try:
        data = json_body(request)
        guide = _guide(data.get("guide"))
        length = data.get("length", "practice")
        if length not in ("practice", "real"):
            raise BadRequest(
                "'length' is 'practice' (15 minutes a round) or 'real' (the guide's length)."
            )
        seed = data.get("seed")
        if seed is not None and (
            not isinstance(seed, int) or isinstance(seed, bool) or not 0 <= seed < 2**31
        ):
            raise BadRequest("'seed' must be a non-negative integer.")
        minutes = guide.round_minutes_max if length == "real" else PRACTICE_MINUTES
        loop = services.loop_start(user=request.user, guide=guide, minutes=minutes, seed=seed)
    except BadRequest as error:
        return api_error(400, "bad_request", str(error))
    except services.LoopError as error:
        return api_error(409, "conflict", str(error))
    return JsonResponse(loop_dict(loop), status=201)


@api_login_required
@require_GET
def loop_item(request: AuthenticatedRequest, pk: int) -> JsonResponse:
    loop = _own_loop(request, pk)
    if loop is None:
        return api_error(404, "not_found", f"No loop {pk}.")
    return JsonResponse(loop_dict(loop))


@api_login_required
@require_POST
def loop_answer(request: AuthenticatedRequest, pk: int) -> JsonResponse:
    loop = _own_loop(request, pk)
    if loop is None:
        return api_error(404, "not_found", f"No loop {pk}.")
    try:
        data = json_body(request)
        question_id, text = data.get("question_id"), data.get("answer")
        if not isinstance(question_id, int) or isinstance(question_id, bool):
            raise BadRequest("'question_id' must be the id of one of the loop's questions.")
        if not isinstance(text, str):
            raise BadRequest("'answer' must be a string.")
    except BadRequest as error:
        return api_error(400, "bad_request", str(error))
    drawn = loop_question_of(loop, question_id)
    if drawn is None:
        return api_error(404, "not_found", f"Question {question_id} is not in loop {pk}.")
    try:
        answered = selectors.asked_question(
            services.loop_question_answer(loop_question=drawn, text=text)
        )
    except services.AnswerInvalid as error:
        return api_error(400, "bad_request", str(error))
    except services.LoopError as error:
        return api_error(409, "conflict", str(error))
    loop.refresh_from_db()
    return JsonResponse(
        {
            **_answer_dict(answered),
            "analysis": answered.analysis,
            "loop_status": loop.current_status,
        },
        status=201,
    )


@api_login_required
@require_POST
def loop_end(request: AuthenticatedRequest, pk: int) -> JsonResponse:
    loop = _own_loop(request, pk)
    if loop is None:
        return api_error(404, "not_found", f"No loop {pk}.")
    services.loop_finish(loop=loop)
    return JsonResponse(debrief_dict(loop_debrief(loop)))


@api_login_required
@require_GET
def loop_debrief_view(request: AuthenticatedRequest, pk: int) -> JsonResponse:
    loop = _own_loop(request, pk)
    if loop is None:
        return api_error(404, "not_found", f"No loop {pk}.")
    if not loop.is_finished:
        return api_error(
            409,
            "conflict",
            "The loop is not over: answer every question and follow-up, "
            f"or end it with POST /api/v1/loops/{pk}/end.",
        )
    return JsonResponse(debrief_dict(loop_debrief(loop)))
