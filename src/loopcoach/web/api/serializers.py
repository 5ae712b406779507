"""Plain dicts for the JSON API: what each resource looks like on the wire."""

from __future__ import annotations

from loopcoach.web.guides.models import Guide, GuideItem, LoopRound, Principle
from loopcoach.web.guides.selectors import guide_deep_dives
from loopcoach.web.questions.models import Question


def principle_dict(principle: Principle, *, full: bool = False) -> dict:
    data = {"slug": principle.slug, "name": principle.name}
    if full:
        data.update(
            summary=principle.summary,
            description=principle.description,
            listen_for=principle.listen_for,
            pitfalls=principle.pitfalls,
        )
    return data


def guide_summary_dict(guide: Guide) -> dict:
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


def round_dict(loop_round: LoopRound) -> dict:
    return {
        "slug": loop_round.slug,
        "name": loop_round.name,
        "interviewer": loop_round.interviewer,
        "focus": loop_round.focus,
        "bar_raiser": loop_round.is_bar_raiser,
        "principles": [principle.slug for principle in loop_round.principles.all()],
    }


def guide_dict(guide: Guide) -> dict:
    kinds = GuideItem.Kind
    return {
        **guide_summary_dict(guide),
        "sections": {
            "overview": guide.overview,
            "getting_ready": {
                "intro": guide.getting_ready_intro,
                "areas": _items(guide, kinds.AREA),
            },
            "deep_dives": [
                {
                    "slug": dive.item.slug,
                    "area": dive.item.group,
                    "title": dive.item.title,
                    "intro": dive.item.body,
                    "be_ready_for": [{"title": p.title, "body": p.body} for p in dive.points],
                    "example_questions": [question_summary_dict(q) for q in dive.questions],
                }
                for dive in guide_deep_dives(guide)
            ],
            "responsibilities": guide.responsibilities,
            "requirements": {
                "intro": guide.requirements_intro,
                "items": _items(guide, kinds.REQUIREMENT),
            },
            "faq": [
                {"question": item["title"], "answer": item["body"]}
                for item in _items(guide, kinds.FAQ)
            ],
            "tips": _items(guide, kinds.TIP),
            "summary": guide.summary,
            "compensation": {
                "intro": guide.compensation_intro,
                "vesting": guide.vesting,
                "notes": _items(guide, kinds.COMPENSATION_NOTE),
            },
            "related": [
                {"title": item["title"], "blurb": item["body"]}
                for item in _items(guide, kinds.RELATED)
            ],
        },
        "process": {
            "intro": guide.process_intro,
            "stages": [
                {"slug": s.slug, "name": s.name, "when": s.when, "body": s.body}
                for s in guide.stages.all()
            ],
            "loop": {
                "intro": guide.loop_intro,
                "round_minutes": [guide.round_minutes_min, guide.round_minutes_max],
                "rounds": [round_dict(loop_round) for loop_round in guide.rounds.all()],
            },
        },
        "principles": [principle_dict(p, full=True) for p in guide.company.principles.all()],
        "question_count": guide.questions.active().count(),
    }


def question_summary_dict(question: Question) -> dict:
    return {
        "id": question.pk,
        "text": question.text,
        "category": question.category,
        "principles": [principle.slug for principle in question.principles.all()],
        "url": question.get_absolute_url(),
    }


def question_dict(question: Question) -> dict:
    return {
        **question_summary_dict(question),
        "key": question.key,
        "guide": question.guide.path,
        "category_name": question.get_category_display(),
        "round": question.round.slug if question.round else None,
        "deep_dive": question.deep_dive or None,
        "source": question.source,
        "source_name": question.get_source_display(),
        "guidance": question.guidance,
        "times_reported": question.times_reported,
        "last_reported": question.last_reported.isoformat() if question.last_reported else None,
    }
