"""Guides are shared content: a user's rows point at them by company and role slugs."""

from __future__ import annotations

from loopcoach.web.guides.models import Guide, LoopRound, Principle
from loopcoach.web.portability.registry import content_ref


def _parts(ref: str, count: int) -> list[str]:
    parts = ref.split("/")
    if len(parts) != count or not all(parts):
        raise Guide.DoesNotExist(f"{ref!r} is not a reference of {count} parts")
    return parts


def _guide(ref: str) -> Guide:
    company, role = _parts(ref, 2)
    return Guide.objects.get(company__slug=company, role_slug=role)


def _principle(ref: str) -> Principle:
    company, slug = _parts(ref, 2)
    return Principle.objects.get(company__slug=company, slug=slug)


def _round(ref: str) -> LoopRound:
    company, role, slug = _parts(ref, 3)
    return LoopRound.objects.get(guide__company__slug=company, guide__role_slug=role, slug=slug)


content_ref(Guide, to_ref=lambda guide: guide.path, from_ref=_guide)
content_ref(Principle, to_ref=lambda p: f"{p.company.slug}/{p.slug}", from_ref=_principle)
content_ref(LoopRound, to_ref=lambda r: f"{r.guide.path}/{r.slug}", from_ref=_round)
