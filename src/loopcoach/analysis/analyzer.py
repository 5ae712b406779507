"""`analyze()`: runs every part over one answer and assembles the Report."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from loopcoach.analysis import feedback, relevance
from loopcoach.analysis.cues import past_i_cue
from loopcoach.analysis.fillers import find_fillers, find_hedges
from loopcoach.analysis.grading import GradeInputs, count_specific_details, grade
from loopcoach.analysis.hypothetical import hypothetical_probability
from loopcoach.analysis.linear import Models, shipped_models
from loopcoach.analysis.metrics import find_metrics
from loopcoach.analysis.principles import (
    NAMES,
    asked_distribution,
    check_principle,
    deeds_text,
    rank_story,
    story_probabilities,
)
from loopcoach.analysis.pronouns import count_pronouns, decide_ownership, i_share, subject_counts
from loopcoach.analysis.report import WORDS_PER_MINUTE, Report, Sentence
from loopcoach.analysis.roles import assign_roles
from loopcoach.analysis.sentences import split_sentences
from loopcoach.analysis.spans import Span
from loopcoach.analysis.validation import check_answer

_WORD = re.compile(r"[\w'’-]+")


def analyze(
    answer: str,
    *,
    question: str | None = None,
    principle: str | None = None,
    models: Models | None = None,
    asked: Sequence[str] = (),
) -> Report:
    """Analyse one behavioral answer. Raises AnalysisInputError for empty, huge or binary input.

    `models` defaults to the ones shipped in the package (training passes its own); `asked`
    holds the follow-up questions already asked in this thread, and the report's follow-ups
    never probe what they probed."""
    text = check_answer(answer)
    if principle is not None and principle not in NAMES:
        from loopcoach.analysis.errors import AnalysisInputError

        raise AnalysisInputError(
            f"Unknown principle {principle!r}; use one of the slugs in LABELS.md."
        )
    models = models or shipped_models()
    spans = split_sentences(text)
    metrics = find_metrics(text)
    per_sentence = _metrics_per_sentence(spans, metrics)
    roles = assign_roles([s.text for s in spans], [bool(m) for m in per_sentence], models.roles)
    sentences = [Sentence(s.text, s.start, s.end, r) for s, r in zip(spans, roles, strict=True)]
    texts = [s.text for s in spans]
    actions = [s.text for s in sentences if s.role == "action"]
    ownership = decide_ownership(actions, texts, model=models.ownership)
    hyp_p = hypothetical_probability(texts, models.hypothetical)
    asked_dist = (
        {principle: 1.0} if principle else asked_distribution(question, models.question_principle)
    )
    deeds = deeds_text(texts, roles)
    story = story_probabilities(text, deeds, models.story_principle)
    ranked = rank_story(story, asked_dist, models.story_principle)
    check = check_principle(ranked, asked_dist, models.story_principle)
    asked_slug = check.asked
    story_only = {p.slug: p.score for p in rank_story(story, {}, models.story_principle)}
    verdict = relevance.assess(question, texts, roles, story_only, asked_dist, hyp_p)
    word_count = len(_WORD.findall(text))
    fillers, hedges = find_fillers(text), find_hedges(text)
    inputs = GradeInputs(
        roles=tuple(roles),
        i_action_sentences=sum(
            1 for s in actions if subject_counts(s)[0] and (past_i_cue(s) or hyp_p < 0.5)
        ),
        metrics_total=len(metrics),
        metrics_in_results=sum(
            len(m) for m, r in zip(per_sentence, roles, strict=True) if r == "result"
        ),
        ownership=ownership,
        hypothetical_probability=hyp_p,
        word_count=word_count,
        principle_match=None if asked_slug is None else ranked[0].slug == asked_slug,
        principle_fit=None if asked_slug is None else 1.0 - check.confidence,
        i_share=i_share(texts),
        specific_details=count_specific_details(texts),
        filler_count=len(fillers),
        hedge_count=len(hedges),
        answers_question=None if verdict is None else verdict.answers_question,
        relevance_score=None if verdict is None else verdict.score,
    )
    value, _score, reasons = grade(inputs, models.grade)
    star = {r: r in roles for r in ("situation", "task", "action", "result")}
    action_share = _action_share(sentences)
    remarks, follow_ups = feedback.build(
        text=text,
        sentences=sentences,
        metrics=metrics,
        per_sentence_metrics=per_sentence,
        ownership=ownership,
        hypothetical=hyp_p >= 0.5,
        fillers=fillers,
        hedges=hedges,
        principles=ranked,
        asked=asked_slug,
        word_count=word_count,
        action_share=action_share,
        relevance=verdict,
        question=question,
        asked_follow_ups=asked,
        mismatch_confident=check.confident,
        story_model=models.story_principle,
        asked_share=asked_dist.get(asked_slug, 0.0) if asked_slug else 1.0,
    )
    return Report(
        word_count=word_count,
        speaking_seconds=round(word_count * 60 / WORDS_PER_MINUTE),
        sentences=sentences,
        star=star,
        action_share=action_share,
        metrics=metrics,
        pronouns=count_pronouns(text),
        ownership=ownership,
        hypothetical=hyp_p >= 0.5,
        fillers=fillers,
        hedges=hedges,
        principles=ranked,
        asked_principle=asked_slug,
        grade=value,
        grade_reasons=reasons,
        principle_check=check,
        grade_inputs=inputs,
        feedback=remarks,
        follow_up_items=follow_ups,
        relevance=verdict,
    )


def _metrics_per_sentence(spans: list[Span], metrics: list[Span]) -> list[list[Span]]:
    starts = [s.start for s in spans]
    out: list[list[Span]] = [[] for _ in spans]
    for m in metrics:
        i = bisect_right(starts, m.start) - 1
        if i >= 0:
            out[i].append(m)
    return out


def _action_share(sentences: list[Sentence]) -> float:
    """Share of the answer's words that are in action sentences."""
    total = sum(len(s.text.split()) for s in sentences) or 1
    return sum(len(s.text.split()) for s in sentences if s.role == "action") / total
