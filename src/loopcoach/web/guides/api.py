"""/api/v1/guides: the interview guides, and `GuidePath`, how other bodies name a guide."""

from __future__ import annotations

from typing import Annotated

from django.http import Http404, HttpRequest
from ninja import Router, Schema
from pydantic import AfterValidator, Field

from loopcoach.web.api.errors import ErrorOut, not_found
from loopcoach.web.api.pagination import Page, PageNumber, paginate
from loopcoach.web.guides.models import Guide, GuideItem, LoopRound, Principle
from loopcoach.web.guides.selectors import guide_deep_dives, guide_get
from loopcoach.web.questions.api import QuestionSummaryOut, question_summary_out

router = Router(tags=["guides"])


def guide_by_path(path: str) -> Guide | None:
    company, _, role = path.partition("/")
    return (
        Guide.objects.select_related("company")
        .filter(company__slug=company, role_slug=role)
        .first()
    )


def _existing_guide(path: str) -> str:
    if guide_by_path(path) is None:
        raise ValueError(f"no guide '{path[:80]}'")
    return path


GuidePath = Annotated[
    str,
    AfterValidator(_existing_guide),
    Field(
        pattern=r"^[a-z0-9-]+/[a-z0-9-]+$",
        description="A guide's id, company/role",
        examples=["amazon/engineering-manager"],
    ),
]


class Named(Schema):
    slug: str
    name: str


class GuideSummaryOut(Schema):
    id: str = Field(description="company/role")
    company: Named
    role: Named
    title: str
    tagline: str
    url: str


class ItemOut(Schema):
    slug: str
    title: str
    body: str


class TitledOut(Schema):
    title: str
    body: str


class DeepDiveOut(Schema):
    slug: str
    area: str
    title: str
    intro: str
    be_ready_for: list[TitledOut]
    example_questions: list[QuestionSummaryOut]


class IntroItemsOut(Schema):
    intro: str
    items: list[ItemOut]


class GettingReadyOut(Schema):
    intro: str
    areas: list[ItemOut]


class FaqOut(Schema):
    question: str
    answer: str


class CompensationOut(Schema):
    intro: str
    vesting: list[int | float] = Field(description="Percent of the grant vesting each year")
    notes: list[ItemOut]


class RelatedOut(Schema):
    title: str
    blurb: str


class SectionsOut(Schema):
    overview: str
    getting_ready: GettingReadyOut
    deep_dives: list[DeepDiveOut]
    responsibilities: str
    requirements: IntroItemsOut
    faq: list[FaqOut]
    tips: list[ItemOut]
    summary: str
    compensation: CompensationOut
    related: list[RelatedOut]


class StageOut(Schema):
    slug: str
    name: str
    when: str
    body: str


class GuideRoundOut(Schema):
    slug: str
    name: str
    interviewer: str
    focus: str
    bar_raiser: bool
    principles: list[str]


class GuideLoopOut(Schema):
    intro: str
    round_minutes: list[int] = Field(description="[shortest, longest]")
    rounds: list[GuideRoundOut]


class ProcessOut(Schema):
    intro: str
    stages: list[StageOut]
    loop: GuideLoopOut


class PrincipleOut(Schema):
    slug: str
    name: str
    summary: str
    description: str
    listen_for: list[str]
    pitfalls: list[str]


class GuideOut(GuideSummaryOut):
    sections: SectionsOut
    process: ProcessOut
    principles: list[PrincipleOut]
    question_count: int


def principle_out(principle: Principle) -> dict:
    return {
        "slug": principle.slug,
        "name": principle.name,
        "summary": principle.summary,
        "description": principle.description,
        "listen_for": principle.listen_for,
        "pitfalls": principle.pitfalls,
    }


def guide_summary_out(guide: Guide) -> dict:
    return {
        "id": guide.path,
        "company": {"slug": guide.company.slug, "name": guide.company.name},
        "role": {"slug": guide.role_slug, "name": guide.role_name},
        "title": guide.title,
        "tagline": guide.tagline,
        "url": guide.get_absolute_url(),
    }


def _items(guide: Guide, kind: str) -> list[dict]:
    return [
        {"slug": item.slug, "title": item.title, "body": item.body} for item in guide.items_of(kind)
    ]


def round_out(loop_round: LoopRound) -> dict:
    return {
        "slug": loop_round.slug,
        "name": loop_round.name,
        "interviewer": loop_round.interviewer,
        "focus": loop_round.focus,
        "bar_raiser": loop_round.is_bar_raiser,
        "principles": [principle.slug for principle in loop_round.principles.all()],
    }


def _sections(guide: Guide) -> dict:
    kinds = GuideItem.Kind
    return {
        "overview": guide.overview,
        "getting_ready": {"intro": guide.getting_ready_intro, "areas": _items(guide, kinds.AREA)},
        "deep_dives": [
            {
                "slug": dive.item.slug,
                "area": dive.item.group,
                "title": dive.item.title,
                "intro": dive.item.body,
                "be_ready_for": [{"title": p.title, "body": p.body} for p in dive.points],
                "example_questions": [question_summary_out(q) for q in dive.questions],
            }
            for dive in guide_deep_dives(guide)
        ],
        "responsibilities": guide.responsibilities,
        "requirements": {
            "intro": guide.requirements_intro,
            "items": _items(guide, kinds.REQUIREMENT),
        },
        "faq": [
            {"question": item["title"], "answer": item["body"]} for item in _items(guide, kinds.FAQ)
        ],
        "tips": _items(guide, kinds.TIP),
        "summary": guide.summary,
        "compensation": {
            "intro": guide.compensation_intro,
            "vesting": guide.vesting,
            "notes": _items(guide, kinds.COMPENSATION_NOTE),
        },
        "related": [
            {"title": item["title"], "blurb": item["body"]} for item in _items(guide, kinds.RELATED)
        ],
    }


def guide_out(guide: Guide) -> dict:
    return {
        **guide_summary_out(guide),
        "sections": _sections(guide),
        "process": {
            "intro": guide.process_intro,
            "stages": [
                {"slug": s.slug, "name": s.name, "when": s.when, "body": s.body}
                for s in guide.stages.all()
            ],
            "loop": {
                "intro": guide.loop_intro,
                "round_minutes": [guide.round_minutes_min, guide.round_minutes_max],
                "rounds": [round_out(loop_round) for loop_round in guide.rounds.all()],
            },
        },
        "principles": [principle_out(p) for p in guide.company.principles.all()],
        "question_count": guide.questions.active().count(),
    }


@router.get("/guides", response={200: Page[GuideSummaryOut], 400: ErrorOut, 404: ErrorOut})
def guide_list(request: HttpRequest, page: PageNumber = 1) -> dict:
    guides = Guide.objects.select_related("company").order_by("company__name", "role_name")
    return paginate(guides, page, guide_summary_out)


@router.get("/guides/{slug:company}/{slug:role}", response={200: GuideOut, 404: ErrorOut})
def guide_detail(request: HttpRequest, company: str, role: str) -> dict:
    """A whole guide: its sections, the interview process and loop, the company's principles."""
    try:
        guide = guide_get(company=company, role=role)
    except Http404:
        raise not_found(f"No guide '{company}/{role}'.") from None
    return guide_out(guide)
