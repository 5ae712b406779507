"""The question bank."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.functional import cached_property

from loopcoach.content import CATEGORIES
from loopcoach.search import document_terms
from loopcoach.web.guides.models import Guide, LoopRound, Principle


class QuestionQuerySet(models.QuerySet):
    def active(self) -> QuestionQuerySet:
        return self.filter(retired=False)


class Question(models.Model):
    class Category(models.TextChoices):
        BEHAVIORAL = "behavioral", CATEGORIES["behavioral"]
        SYSTEM_DESIGN = "system-design", CATEGORIES["system-design"]
        MANAGEMENT = "management", CATEGORIES["management"]
        EXECUTION = "execution", CATEGORIES["execution"]
        WRITING = "writing", CATEGORIES["writing"]
        CODING = "coding", CATEGORIES["coding"]

    class Source(models.TextChoices):
        SEED = "seed", "From the original guide"
        EDITORIAL = "editorial", "Written by our editors"
        CANDIDATE = "candidate", "Reported by a candidate"

    guide = models.ForeignKey(Guide, on_delete=models.CASCADE, related_name="questions")
    key = models.SlugField(max_length=120, help_text="Stable id from the content pack")
    text = models.TextField()
    category = models.CharField(max_length=32, choices=Category.choices)
    principles = models.ManyToManyField(Principle, related_name="questions", blank=True)
    round = models.ForeignKey(
        LoopRound, on_delete=models.SET_NULL, null=True, blank=True, related_name="questions"
    )
    deep_dive = models.SlugField(
        blank=True, help_text="Slug of the guide's deep dive this question illustrates"
    )
    source = models.CharField(max_length=16, choices=Source.choices, default=Source.EDITORIAL)
    guidance = models.TextField(blank=True, help_text="Markdown: what a strong answer covers")
    example_answer = models.TextField(
        blank=True, help_text="A strong example answer, shown after a first attempt"
    )
    example_strengths = models.JSONField(
        default=list, blank=True, help_text="What makes the example strong: a list of strings"
    )
    times_reported = models.PositiveIntegerField(
        default=0, help_text="How often candidates reported being asked it"
    )
    last_reported = models.DateField(null=True, blank=True)
    retired = models.BooleanField(
        default=False, help_text="Dropped from its pack: hidden from the bank, history kept"
    )
    search_document = models.TextField(blank=True, editable=False)
    pack_fingerprint = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["guide", "id"]
        constraints = [models.UniqueConstraint(fields=["guide", "key"], name="unique_question_key")]

    def __str__(self) -> str:
        return self.text

    def get_absolute_url(self) -> str:
        return reverse("questions:detail", args=[self.pk])

    @cached_property
    def asked_principle(self) -> str | None:
        """The slug of the principle the question asks about: the first one its pack lists."""
        first = (
            Question.principles.through.objects.filter(question=self)
            .order_by("id")
            .select_related("principle")
            .first()
        )
        return first.principle.slug if first else None

    def build_search_document(self) -> str:
        """Stems of the text, guidance, principles and category, for full-text search.

        The question's own words come twice: both databases rank by how often a
        word occurs, and a question about recommendations must outrank one whose
        guidance only mentions "recommend" in passing.
        """
        parts = [self.text, self.text, self.guidance, self.get_category_display()]
        parts += [principle.name for principle in self.principles.all()]
        return document_terms(" ".join(parts))


class QuestionVariant(models.Model):
    """Another wording of a bank question, as a candidate reported it (typos fixed).

    It carries no reporter and no report: it is part of the bank, matched against
    like the question's own text, and never shown as anyone's words.
    """

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="variants")
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["question", "id"]

    def __str__(self) -> str:
        return self.text
