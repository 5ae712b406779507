"""Companies, their principles, and company × role guides.

Rows are loaded from content packs (`services.pack_load`) and editable in
the admin afterwards. `pack_fingerprint` remembers the pack entry a row was
last loaded from, so a reload only overwrites rows whose pack entry changed.
"""

from __future__ import annotations

from django.db import models
from django.urls import reverse


class Company(models.Model):
    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=120)
    principles_name = models.CharField(max_length=120, default="Principles")

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "companies"

    def __str__(self) -> str:
        return self.name


class Principle(models.Model):
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="principles")
    slug = models.SlugField()
    name = models.CharField(max_length=120)
    order = models.PositiveIntegerField(default=0)
    summary = models.CharField(max_length=500)
    description = models.TextField(help_text="Markdown")
    listen_for = models.JSONField(
        default=list, help_text="What interviewers listen for: a list of strings"
    )
    pitfalls = models.JSONField(default=list, help_text="Common pitfalls: a list of strings")
    pack_fingerprint = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        ordering = ["company", "order"]
        constraints = [
            models.UniqueConstraint(fields=["company", "slug"], name="unique_principle_slug")
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("guides:principle", args=[self.company.slug, self.slug])


class Guide(models.Model):
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="guides")
    role_slug = models.SlugField()
    role_name = models.CharField(max_length=120)
    title = models.CharField(max_length=200)
    tagline = models.CharField(max_length=300)
    overview = models.TextField(help_text="Markdown: what the role is")
    getting_ready_intro = models.TextField(help_text="Markdown")
    process_intro = models.TextField(help_text="Markdown")
    loop_intro = models.TextField(help_text="Markdown")
    round_minutes_min = models.PositiveIntegerField(default=45)
    round_minutes_max = models.PositiveIntegerField(default=60)
    responsibilities = models.TextField(help_text="Markdown")
    requirements_intro = models.TextField(blank=True, help_text="Markdown")
    summary = models.TextField(help_text="Markdown")
    compensation_intro = models.TextField(help_text="Markdown")
    vesting = models.JSONField(
        default=list, help_text="Percent of the stock grant vesting each year"
    )
    pay_levels = models.JSONField(
        default=list,
        blank=True,
        help_text="Published-figure pay estimates per level: level, title, base, "
        "stock_per_year, sign_on, total, source, as_of",
    )
    pack_fingerprint = models.CharField(max_length=64, blank=True, editable=False)
    loaded_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["company__name", "role_name"]
        constraints = [
            models.UniqueConstraint(fields=["company", "role_slug"], name="unique_guide_role")
        ]

    def __str__(self) -> str:
        return f"{self.company.name} × {self.role_name}"

    @property
    def path(self) -> str:
        """The guide's id in URLs and the API: `amazon/engineering-manager`."""
        return f"{self.company.slug}/{self.role_slug}"

    def get_absolute_url(self) -> str:
        return reverse("guides:guide", args=[self.company.slug, self.role_slug])

    def items_of(self, kind: str) -> list[GuideItem]:
        return [item for item in self.items.all() if item.kind == kind]


class GuideItem(models.Model):
    """A titled piece of a guide section: an evaluation area, a tip, an FAQ entry…"""

    class Kind(models.TextChoices):
        AREA = "area", "Evaluation area"
        DEEP_DIVE = "deep-dive", "Deep dive"
        BE_READY = "be-ready", "Deep dive: be ready to go over"
        REQUIREMENT = "requirement", "Requirement"
        FAQ = "faq", "FAQ"
        TIP = "tip", "Tip"
        COMPENSATION_NOTE = "compensation-note", "Compensation note"
        RELATED = "related", "Related guide"

    guide = models.ForeignKey(Guide, on_delete=models.CASCADE, related_name="items")
    kind = models.CharField(max_length=32, choices=Kind.choices)
    slug = models.SlugField()
    group = models.SlugField(
        blank=True,
        help_text="For a deep dive's points: the deep dive's slug; for a deep dive: its area",
    )
    title = models.CharField(max_length=300)
    body = models.TextField(help_text="Markdown")
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["guide", "kind", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["guide", "kind", "group", "slug"], name="unique_guide_item"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.title}"


class ProcessStage(models.Model):
    guide = models.ForeignKey(Guide, on_delete=models.CASCADE, related_name="stages")
    slug = models.SlugField()
    name = models.CharField(max_length=120)
    when = models.CharField(max_length=60, blank=True)
    body = models.TextField(help_text="Markdown")
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["guide", "order"]
        constraints = [models.UniqueConstraint(fields=["guide", "slug"], name="unique_stage_slug")]

    def __str__(self) -> str:
        return self.name


class LoopRound(models.Model):
    guide = models.ForeignKey(Guide, on_delete=models.CASCADE, related_name="rounds")
    slug = models.SlugField()
    name = models.CharField(max_length=120)
    interviewer = models.CharField(max_length=200)
    focus = models.TextField(help_text="Markdown")
    is_bar_raiser = models.BooleanField(default=False)
    principles = models.ManyToManyField(Principle, related_name="rounds", blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["guide", "order"]
        constraints = [models.UniqueConstraint(fields=["guide", "slug"], name="unique_round_slug")]

    def __str__(self) -> str:
        return self.name
