"""The Amazon EM question bank holds what the foundation issue asks for."""

from __future__ import annotations

import pytest

from loopcoach.web.questions.models import Question

pytestmark = pytest.mark.django_db

SEED_QUESTIONS = [
    (
        "Tell me about a time you had to make a decision with incomplete data.",
        "behavioral",
        {"bias-for-action"},
    ),
    (
        "Describe a situation where you had to manage a "
        "low-performing employee. What was the outcome?",
        "behavioral",
        {"hire-and-develop-the-best"},
    ),
    (
        "Tell me about a time you failed to meet a commitment. How did you handle it?",
        "behavioral",
        {"earn-trust"},
    ),
    ("Design a system like Instagram or Twitter.", "system-design", set()),
    ("How would you re-architect a legacy monolith into microservices?", "system-design", set()),
    ("Design a rate limiter for a high-traffic API.", "system-design", set()),
    (
        "Tell me about a time you invented something new to solve a customer problem.",
        "behavioral",
        {"invent-and-simplify"},
    ),
    (
        "Give me an example of a time you took a calculated risk and it failed.",
        "behavioral",
        {"are-right-a-lot", "bias-for-action"},
    ),
    (
        "Tell me about a time you had to dive deep into "
        "a technical issue your team couldn't solve.",
        "behavioral",
        {"dive-deep"},
    ),
    (
        "Describe a time you refused to compromise on quality standards.",
        "behavioral",
        {"insist-on-the-highest-standards"},
    ),
    (
        "Tell me about a time you mentored a high-performer to the next level.",
        "behavioral",
        {"hire-and-develop-the-best"},
    ),
    ("Design a URL shortening service like Bit.ly.", "system-design", set()),
    ("How would you design a leaderboard for a massive online game?", "system-design", set()),
    ("Design a distributed key-value store.", "system-design", set()),
    (
        "How would you handle a sudden spike in traffic for an e-commerce checkout system?",
        "system-design",
        set(),
    ),
    (
        "How do you handle a disagreement between two senior engineers on your team?",
        "management",
        set(),
    ),
    (
        "You have a strict deadline, but the feature is not ready for production. What do you do?",
        "management",
        set(),
    ),
    ("How do you prioritize technical debt against new feature development?", "management", set()),
]


@pytest.mark.parametrize(("text", "category", "principles"), SEED_QUESTIONS)
def test_every_seed_question_is_in_the_bank(amazon_guide, text, category, principles):
    question = amazon_guide.questions.get(text=text)
    assert question.source == Question.Source.SEED
    assert question.category == category
    assert principles <= {p.slug for p in question.principles.all()}


def test_the_bank_meets_its_size_targets(amazon_guide):
    questions = amazon_guide.questions.active()
    assert questions.count() >= 150
    for category, minimum in {"system-design": 20, "management": 20, "execution": 10}.items():
        assert questions.filter(category=category).count() >= minimum, category
    for principle in amazon_guide.company.principles.all():
        assert questions.filter(principles=principle).count() >= 6, principle.slug


def test_every_question_names_its_source(amazon_guide):
    assert set(amazon_guide.questions.values_list("source", flat=True)) <= {
        "seed",
        "editorial",
        "candidate",
    }
