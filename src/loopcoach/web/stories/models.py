"""A candidate's STAR stories, tagged with the principles they show."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse

from loopcoach.analysis.validation import MAX_ANSWER_CHARS
from loopcoach.web.guides.models import Principle

STAR_FIELDS = ("situation", "task", "action", "result")
TEXT_FIELDS = (*STAR_FIELDS, "reflection")
# Five parts and the breaks between them stay within the one answer limit (5,000 each).
MAX_PART_LENGTH = MAX_ANSWER_CHARS // (len(TEXT_FIELDS) + 1)
SUGGESTIONS = 3
SUGGESTION_SHARE = 0.5  # suggest principles scoring at least half the top score


class Story(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="stories"
    )
    title = models.CharField(max_length=200)
    when = models.CharField(
        max_length=120, blank=True, help_text="When and where, e.g. '2023, payments team'"
    )
    situation = models.TextField(blank=True)
    task = models.TextField(blank=True)
    action = models.TextField(blank=True)
    result = models.TextField(blank=True)
    reflection = models.TextField(blank=True, help_text="What you learned or would do differently")
    principles = models.ManyToManyField(
        Principle,
        related_name="stories",
        blank=True,
        help_text="Principles the candidate confirmed",
    )
    analysis = models.JSONField(
        null=True, blank=True, help_text="The analyzer's report on the story's text"
    )
    analysis_error = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name_plural = "stories"

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("stories:detail", args=[self.pk])

    @property
    def text(self) -> str:
        """The story as one answer, the way it would be told:
        situation, task, action, result, reflection."""
        return "\n\n".join(
            part for part in (getattr(self, name).strip() for name in TEXT_FIELDS) if part
        )

    @property
    def grade(self) -> int | None:
        return (self.analysis or {}).get("grade")

    @property
    def missing_parts(self) -> list[str]:
        return [name for name in STAR_FIELDS if not getattr(self, name).strip()]

    def suggested_principles(self) -> list[dict]:
        """The analyzer's best principles for this story: [{slug, name, score, share}]."""
        ranked = [p for p in (self.analysis or {}).get("principles", []) if p.get("score", 0) > 0]
        if not ranked:
            return []
        top = ranked[0]["score"]
        return [
            {**p, "share": round(p["score"] / top, 2)}
            for p in ranked[:SUGGESTIONS]
            if p["score"] >= top * SUGGESTION_SHARE
        ]
