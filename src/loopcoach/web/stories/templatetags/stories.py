"""`{% best_stories question %}`: the signed-in candidate's stories that fit a question."""

from __future__ import annotations

from django import template
from django.conf import settings
from django.template import Context

from loopcoach.web.questions.models import Question
from loopcoach.web.stories.selectors import best_stories as best_stories_for

register = template.Library()


@register.inclusion_tag("stories/_best_stories.html", takes_context=True)
def best_stories(context: Context, question: Question) -> dict:
    user = context["request"].user
    if not user.is_authenticated:
        return {
            "signed_in": False,
            "question": question,
            "request": context["request"],
            "login_url": settings.LOGIN_URL,
        }
    return {
        "signed_in": True,
        "question": question,
        "matches": best_stories_for(user=user, question=question),
        "has_stories": user.stories.exists(),
    }
