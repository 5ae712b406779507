"""Loading content packs into the database.

`content_load` is the one way in, used by `loopcoach content load` and by
`loopcoach serve`'s setup: it reads and validates every pack first and
loads nothing if any has a problem. `pack_load` upserts one parsed pack
inside a transaction. It is idempotent:
every row remembers the fingerprint of the pack entry it came from, and a
row whose entry did not change is left alone (keeping an editor's admin
edits). Questions missing from the pack are retired, never deleted.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from loopcoach.content import PACKS_DIR, Pack, read_packs
from loopcoach.content.schema import fingerprint as fingerprint_of
from loopcoach.web.core.pagecache import content_changes
from loopcoach.web.guides.models import (
    Company,
    Guide,
    GuideItem,
    LoopRound,
    Principle,
    ProcessStage,
)
from loopcoach.web.questions.models import Question


@dataclass
class LoadReport:
    pack: str
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    retired: list[str] = field(default_factory=list)
    unchanged: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.retired)

    def summary(self) -> str:
        return (
            f"{self.pack}: {len(self.created)} created, {len(self.updated)} updated, "
            f"{len(self.retired)} retired, {self.unchanged} unchanged"
        )


class ContentInvalid(Exception):
    """The packs have problems (`file:line: message` each); nothing was loaded."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(f"{len(problems)} problem(s) in the content packs")
        self.problems = problems


@transaction.atomic
def content_load(*, root: Path = PACKS_DIR) -> list[LoadReport]:
    """Validate every pack under `root`, then upsert them all, or raise ContentInvalid."""
    packs, problems = read_packs(root)
    if problems:
        raise ContentInvalid(problems)
    with content_changes():  # one new content version for the whole load
        return [pack_load(pack=pack) for pack in packs]


@transaction.atomic
def pack_load(*, pack: Pack) -> LoadReport:
    report = LoadReport(pack=pack.label)
    company = _upsert_company(pack, report)
    principles = _upsert_principles(company, pack, report)
    guide = _upsert_guide(company, principles, pack, report)
    _upsert_questions(guide, principles, pack, report)
    return report


def _upsert_company(pack: Pack, report: LoadReport) -> Company:
    spec = pack.company
    company, created = Company.objects.get_or_create(
        slug=spec.slug, defaults={"name": spec.name, "principles_name": spec.principles_name}
    )
    if created:
        report.created.append(f"company {spec.slug}")
    return company


def _upsert_principles(company: Company, pack: Pack, report: LoadReport) -> dict[str, Principle]:
    existing = {principle.slug: principle for principle in company.principles.all()}
    for order, spec in enumerate(pack.company.principles, start=1):
        fingerprint = fingerprint_of({**spec.__dict__, "order": order})
        principle = existing.get(spec.slug) or Principle(company=company, slug=spec.slug)
        if principle.pk and principle.pack_fingerprint == fingerprint:
            report.unchanged += 1
            continue
        (report.updated if principle.pk else report.created).append(f"principle {spec.slug}")
        principle.name, principle.order, principle.summary = spec.name, order, spec.summary
        principle.description, principle.listen_for, principle.pitfalls = (
            spec.description,
            spec.listen_for,
            spec.pitfalls,
        )
        principle.pack_fingerprint = fingerprint
        principle.save()
        existing[spec.slug] = principle
    return existing


def _upsert_guide(
    company: Company, principles: dict[str, Principle], pack: Pack, report: LoadReport
) -> Guide:
    spec = pack.guide
    fingerprint = pack.guide_fingerprint()
    guide = Guide.objects.filter(company=company, role_slug=spec.role_slug).first()
    if guide and guide.pack_fingerprint == fingerprint:
        report.unchanged += 1
        return guide
    (report.updated if guide else report.created).append(f"guide {pack.label}")
    guide = guide or Guide(company=company, role_slug=spec.role_slug)
    for name in (
        "role_name",
        "title",
        "tagline",
        "overview",
        "getting_ready_intro",
        "process_intro",
        "loop_intro",
        "responsibilities",
        "requirements_intro",
        "summary",
        "compensation_intro",
        "vesting",
    ):
        setattr(guide, name, getattr(spec, name))
    guide.round_minutes_min, guide.round_minutes_max = spec.round_minutes
    guide.pay_levels = [asdict(level) for level in spec.compensation_levels]
    guide.pack_fingerprint, guide.loaded_at = fingerprint, timezone.now()
    guide.save()
    _replace_guide_parts(guide, principles, pack)
    return guide


def _replace_guide_parts(guide: Guide, principles: dict[str, Principle], pack: Pack) -> None:
    """Rewrite a changed guide's items and stages; rounds
    are updated in place (questions point at them)."""
    spec = pack.guide
    guide.items.all().delete()
    guide.stages.all().delete()
    items = [
        GuideItem(
            guide=guide,
            kind=GuideItem.Kind.AREA,
            slug=area.slug,
            title=area.title,
            body=area.body,
            order=order,
        )
        for order, area in enumerate(spec.areas)
    ]
    for order, dive in enumerate(spec.deep_dives):
        items.append(
            GuideItem(
                guide=guide,
                kind=GuideItem.Kind.DEEP_DIVE,
                slug=dive.slug,
                group=dive.area,
                title=dive.title,
                body=dive.intro,
                order=order,
            )
        )
        items += [
            GuideItem(
                guide=guide,
                kind=GuideItem.Kind.BE_READY,
                slug=point.slug,
                group=dive.slug,
                title=point.title,
                body=point.body,
                order=position,
            )
            for position, point in enumerate(dive.be_ready_for)
        ]
    for kind, entries in (
        (GuideItem.Kind.REQUIREMENT, spec.requirements),
        (GuideItem.Kind.FAQ, spec.faq),
        (GuideItem.Kind.TIP, spec.tips),
        (GuideItem.Kind.COMPENSATION_NOTE, spec.compensation_notes),
    ):
        items += [
            GuideItem(
                guide=guide,
                kind=kind,
                slug=entry.slug,
                title=entry.title,
                body=entry.body,
                order=order,
            )
            for order, entry in enumerate(entries)
        ]
    items += [
        GuideItem(
            guide=guide,
            kind=GuideItem.Kind.RELATED,
            slug=str(order + 1),
            title=f"{related.company} × {related.role}",
            body=related.blurb,
            order=order,
        )
        for order, related in enumerate(spec.related)
    ]
    GuideItem.objects.bulk_create(items)
    ProcessStage.objects.bulk_create(
        [
            ProcessStage(
                guide=guide,
                slug=stage.slug,
                name=stage.name,
                when=stage.when,
                body=stage.body,
                order=order,
            )
            for order, stage in enumerate(spec.stages)
        ]
    )
    _upsert_rounds(guide, principles, pack)


def _upsert_rounds(guide: Guide, principles: dict[str, Principle], pack: Pack) -> None:
    existing = {loop_round.slug: loop_round for loop_round in guide.rounds.all()}
    for order, spec in enumerate(pack.guide.rounds):
        loop_round = existing.pop(spec.slug, None) or LoopRound(guide=guide, slug=spec.slug)
        loop_round.name, loop_round.interviewer, loop_round.focus = (
            spec.name,
            spec.interviewer,
            spec.focus,
        )
        loop_round.is_bar_raiser, loop_round.order = spec.bar_raiser, order
        loop_round.save()
        loop_round.principles.set([principles[slug] for slug in spec.principles])
    for stale in existing.values():
        stale.delete()


def _upsert_questions(
    guide: Guide, principles: dict[str, Principle], pack: Pack, report: LoadReport
) -> None:
    existing = {question.key: question for question in guide.questions.all()}
    rounds = {loop_round.slug: loop_round for loop_round in guide.rounds.all()}
    examples = {example.key: example for example in pack.examples}
    for spec in pack.questions:
        question = existing.pop(spec.key, None)
        example = examples.get(spec.key)
        # The example is part of the entry: a changed example reloads the question.
        fingerprint = fingerprint_of(
            {"question": spec.fingerprint(), "example": asdict(example) if example else None}
        )
        if question and question.pack_fingerprint == fingerprint and not question.retired:
            report.unchanged += 1
            continue
        (report.updated if question else report.created).append(f"question {spec.key}")
        question = question or Question(guide=guide, key=spec.key)
        question.text, question.category, question.source = spec.text, spec.category, spec.source
        question.deep_dive, question.guidance = spec.deep_dive, spec.guidance
        question.round = rounds.get(spec.round)
        question.example_answer = example.answer.strip() if example else ""
        question.example_strengths = example.strengths if example else []
        question.retired, question.pack_fingerprint = False, fingerprint
        question.save()
        question.principles.set([principles[slug] for slug in spec.principles])
        question_refresh_search(question=question)
    for dropped in existing.values():
        if not dropped.retired:
            dropped.retired = True
            dropped.save(update_fields=["retired", "updated_at"])
            report.retired.append(f"question {dropped.key}")


def question_refresh_search(*, question: Question) -> None:
    """Rebuild the question's search document (after its text, guidance or principles changed)."""
    question.search_document = question.build_search_document()
    Question.objects.filter(pk=question.pk).update(search_document=question.search_document)
