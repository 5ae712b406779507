"""Questions are shared content: a user's answers point at one by its guide and pack key."""

from __future__ import annotations

from loopcoach.web.portability.registry import content_ref
from loopcoach.web.questions.models import Question


def _question(ref: str) -> Question:
    company, role, key = (ref.split("/") + ["", "", ""])[:3]
    if not (company and role and key) or ref.count("/") != 2:
        raise Question.DoesNotExist(f"{ref!r} is not a question reference")
    return Question.objects.get(guide__company__slug=company, guide__role_slug=role, key=key)


content_ref(
    Question,
    to_ref=lambda q: f"{q.guide.company.slug}/{q.guide.role_slug}/{q.key}",
    from_ref=_question,
)
