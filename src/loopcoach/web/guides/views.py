"""The guide page and the principle pages."""

from __future__ import annotations

from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string

from loopcoach.web.core.pagecache import cached_fragment, public_page
from loopcoach.web.guides.models import Company, Guide, GuideItem, Principle
from loopcoach.web.guides.selectors import (
    guide_common_questions,
    guide_deep_dives,
    guide_get,
    guide_related,
)
from loopcoach.web.reports.selectors import guide_most_reported


@public_page
def guide_detail(request: HttpRequest, company: str, role: str) -> HttpResponse:
    # The page around the body is only its title: the body, the same for everyone, is
    # rendered once per content version.
    guide = get_object_or_404(
        Guide.objects.select_related("company").only("id", "title", "tagline", "company__slug"),
        company__slug=company,
        role_slug=role,
    )
    body = cached_fragment(
        request,
        "guide",
        guide.pk,
        render=lambda: render_to_string(
            "guides/_guide_body.html", guide_body_context(company, role), request
        ),
    )
    return render(request, "guides/guide_detail.html", {"guide": guide, "body": body})


def guide_body_context(company: str, role: str) -> dict:
    guide = guide_get(company=company, role=role)
    return {
        "guide": guide,
        "areas": guide.items_of(GuideItem.Kind.AREA),
        "deep_dives": guide_deep_dives(guide),
        "requirements": guide.items_of(GuideItem.Kind.REQUIREMENT),
        "faq": guide.items_of(GuideItem.Kind.FAQ),
        "tips": guide.items_of(GuideItem.Kind.TIP),
        "compensation_notes": guide.items_of(GuideItem.Kind.COMPENSATION_NOTE),
        "related": guide_related(guide),
        "most_reported": guide_most_reported(guide),
        "common_from_seed": guide.questions.active().filter(source="seed").exists(),
        "common_questions": guide_common_questions(guide),
        "question_count": guide.questions.active().count(),
        "vesting": vesting_bars(guide.vesting),
        "principles": guide.company.principles.all(),
    }


VESTING_CHART_HEIGHT = 110  # pixels for 100%; the SVG's baseline sits at y=140


def vesting_bars(percents: list[float]) -> list[dict]:
    """Bar geometry for the guide's small vesting chart (one bar per year)."""
    tallest = max(percents, default=0) or 1
    bars = []
    for index, percent in enumerate(percents):
        height = round(VESTING_CHART_HEIGHT * percent / tallest)
        bars.append(
            {
                "year": index + 1,
                "percent": f"{percent:g}",
                "x": 40 + index * 90,
                "y": 140 - height,
                "height": height,
                "label_y": 132 - height,
            }
        )
    return bars


@public_page
def principle_list(request: HttpRequest, company: str) -> HttpResponse:
    company_obj = get_object_or_404(Company, slug=company)
    principles = company_obj.principles.annotate(
        question_count=Count("questions", filter=Q(questions__retired=False))
    )
    return render(
        request, "guides/principle_list.html", {"company": company_obj, "principles": principles}
    )


@public_page
def principle_detail(request: HttpRequest, company: str, slug: str) -> HttpResponse:
    principle = get_object_or_404(
        Principle.objects.select_related("company"), company__slug=company, slug=slug
    )
    questions = (
        principle.questions.active()
        .select_related("guide__company", "round")
        .prefetch_related("principles")
        .order_by("category", "id")
    )
    siblings = list(principle.company.principles.all())
    index = siblings.index(principle)
    context = {
        "principle": principle,
        "questions": questions,
        "rounds": principle.rounds.select_related("guide"),
        "previous": siblings[index - 1] if index > 0 else None,
        "next": siblings[index + 1] if index + 1 < len(siblings) else None,
    }
    return render(request, "guides/principle_detail.html", context)
