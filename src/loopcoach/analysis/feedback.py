"""Strengths and improvements for a story, each from a small gated rule tied to its words.

Every rule has a stable code, the reason it exists and a gate: it fires only
when what it says is true of this answer (an interviewer reading the remark
next to the answer must agree). Each remark carries the span or sentence that
made it fire, so the interface can point at it. The rules are tried in the
order of `RULES`; the first few that fire of each kind are kept, so the most
important remark — "this story does not answer the question" — comes first.
Follow-up questions come from `probes.py`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property

from loopcoach.analysis import cues, probes, quotes, redirect, situations, told
from loopcoach.analysis.fillers import own_hedges
from loopcoach.analysis.linear import LinearModel
from loopcoach.analysis.outcomes import outcome_spans
from loopcoach.analysis.principles import NAMES, PrincipleScore, principle_evidence, stem
from loopcoach.analysis.pronouns import own_deed, speaker_verbs, subject_counts, we_deeds
from loopcoach.analysis.relevance import Relevance
from loopcoach.analysis.report import WORDS_PER_MINUTE, FollowUp, Remark, Sentence
from loopcoach.analysis.spans import Span

MAX_STRENGTHS = 3
MAX_IMPROVEMENTS = 4
# Below this probability the question model spreads over several principles (a generic
# question): no remark tells the candidate to re-centre the story on one of them.
ONE_PRINCIPLE_ASKED = 0.5
# "Your story also shows X" only when the story model reads X clearly: spread over several
# principles, it names none the candidate could act on.
CLEARLY_SHOWN = 0.5
# ...and only when it is clearly ahead of the asked principle. On the training answers where
# the remark fired (123), it was true (the labelled principle is not the asked one and X is among
# those labelled) 86 times (0.70); with X at least this far ahead of the asked principle, 38 of
# 44 (0.86). In-sample scores flatter the model, so the bar is set above LABELS' 4 in 5, as for
# the mismatch claim.
ALSO_MARGIN = 0.6
SHORT_WORDS = 90
LONG_WORDS = 450
GOOD_LENGTH = (150, 380)
# The span of minutes the praise names, whole minutes around GOOD_LENGTH at WORDS_PER_MINUTE, so
# the minutes it states always lie inside it (150–380 words: 1.1–2.7 minutes, "1–3 minutes").
_MINUTES_FROM = math.floor(GOOD_LENGTH[0] / WORDS_PER_MINUTE)
_MINUTES_TO = math.ceil(GOOD_LENGTH[1] / WORDS_PER_MINUTE)
_GOOD_MINUTES = f"{_MINUTES_FROM}–{_MINUTES_TO} minutes"
LOW_ACTION_SHARE = 0.25
BACKGROUND_SHARE = 0.4  # share of words spent on the scene before "trim the background" is true
BACKGROUND_MIN_WORDS = 200  # a short answer has no background to trim
TASK_MIN_WORDS = 120
SPEECH_RATE = 0.015  # fillers or hedges per word before they are worth a remark

# An opener that places the story: who the speaker was, where, when.
_SCENE_OPENER = re.compile(
    r"\b(?:my time as|when i was|i was (?:an?|the)|i'm an?|i am an?|as an?|at my (?:last|first|"
    r"previous|current|old)|goes back|this one|last (?:year|spring|summer|autumn|fall|winter)|"
    r"in 20\d\d|years? ago)\b",
    re.I,
)
# A goal said in passing ("I had to…", "the goal was…") is a task, even when no sentence is
# labelled one; only an answer with none of these lacks a yardstick for its actions.
_GOAL = re.compile(
    r"\b(?:my (?:goal|job|task|role|aim|mandate|responsibility|brief|mission)|"
    r"the (?:goal|aim|task|ask) was|i (?:was|got|am|get) (?:asked|tasked|brought in|hired|"
    r"responsible)|i (?:needed|had|wanted|set out|decided|have|need|want|must) to|i've got to|"
    r"i needed (?:a|an|the|her|his|their|our|my)\b|"
    r"i owned|(?:was|were) responsible for|i was the \w+ (?:for|on|responsible)|"
    # The speaker's post names what they answer for: "I am the on-call IT manager for…".
    r"i(?: was| am|'m) (?:the|a|an) (?:[\w-]+ ){0,3}(?:manager|lead|owner|officer|head|director|"
    r"supervisor|coordinator|captain|administrator|architect) (?:for|on|of|in charge)|"
    r"we (?:needed|had) to|our goal|(?:needed|had) to (?:get|make|find|fix|decide|deliver|ship|"
    r"reduce|cut|bring))\b",
    re.I,
)

# Verbs of looking, reading and working out: the deed of Dive Deep, Are Right and Learn and Be
# Curious, but for any other principle the step before the deed that shows it ("I noticed the
# logs showed…" is not Ownership; "I took the on-call rota myself" is).
_OBSERVING = frozenset(
    stem(w)
    for w in """notice noticed see saw seen find found realise realised realize realized look
    looked read analyse analysed analyze analyzed check checked investigate investigated dig dug
    trace traced compare compared measure measured listen listened watch watched observe observed
    learn learned learnt discover discovered understand understood study studied explore
    explored examine examined research researched monitor monitored spot spotted think thought
    wonder wondered""".split()
)
_OBSERVING_PRINCIPLES = frozenset({"dive-deep", "are-right-a-lot", "learn-and-be-curious"})
QUOTE_LIMIT = 110  # a quote inside a remark's sentence; longer ones are cut at a phrase
# Where a clause starts inside a sentence, for a quote that must begin at one.
_CLAUSE_BREAK = re.compile(r"[,;:]\s+(?:(?:and|but|so|then)\s+)?|\s(?:and|but|so|then)\s", re.I)


@dataclass(frozen=True)
class Context:
    """Everything a rule may look at, for one answer."""

    text: str
    sentences: Sequence[Sentence]
    metrics: Sequence[Span]
    per_sentence_metrics: Sequence[Sequence[Span]]
    ownership: str
    hypothetical: bool
    fillers: Sequence[Span]
    hedges: Sequence[Span]
    principles: Sequence[PrincipleScore]
    asked: str | None
    word_count: int
    action_share: float
    relevance: Relevance | None
    mismatch_confident: bool
    story_model: LinearModel | None = None  # whose weights say which sentence shows a principle
    asked_share: float = 1.0  # how sure the question model is of `asked` (a generic one spreads)

    @cached_property
    def told(self) -> told.StoryReading:
        """What the story already says: the same reading the follow-up questions gate on."""
        return told.read_story(self.text, self.sentences)

    @property
    def roles(self) -> list[str]:
        return [s.role for s in self.sentences]

    @property
    def off_topic(self) -> bool:
        return self.relevance is not None and not self.relevance.answers_question


@dataclass(frozen=True)
class Rule:
    code: str
    kind: str  # "strength" or "improvement"
    reason: str  # why an interviewer cares; what the gate checks
    check: Callable[[Context], Remark | None]  # the gate and the remark; None when not true here


def build(
    *,
    text: str,
    sentences: Sequence[Sentence],
    metrics: Sequence[Span],
    per_sentence_metrics: Sequence[Sequence[Span]],
    ownership: str,
    hypothetical: bool,
    fillers: Sequence[Span],
    hedges: Sequence[Span],
    principles: Sequence[PrincipleScore],
    asked: str | None,
    word_count: int,
    action_share: float,
    relevance: Relevance | None = None,
    question: str | None = None,
    asked_follow_ups: Sequence[str] = (),
    mismatch_confident: bool = False,
    story_model: LinearModel | None = None,
    asked_share: float = 1.0,
) -> tuple[list[Remark], list[FollowUp]]:
    """The remarks (strengths then improvements) and the follow-up questions for one story."""
    ctx = Context(
        text,
        sentences,
        metrics,
        per_sentence_metrics,
        ownership,
        hypothetical,
        fillers,
        hedges,
        principles,
        asked,
        word_count,
        action_share,
        relevance,
        mismatch_confident,
        story_model,
        asked_share,
    )
    fired = [(rule, rule.check(ctx)) for rule in RULES]
    strengths = [r for rule, r in fired if r and rule.kind == "strength"][:MAX_STRENGTHS]
    improvements = [r for rule, r in fired if r and rule.kind == "improvement"][:MAX_IMPROVEMENTS]
    evidence = probes.StoryEvidence(
        text, sentences, per_sentence_metrics, ownership, hypothetical, question, ctx.told
    )
    follow_ups = [
        f
        for f in probes.pick_follow_ups(evidence, asked_follow_ups)
        if f.intent != "measurement"
        or f.sentence_index is None
        or _outcome_for_the_ask(relevance, sentences[f.sentence_index])
    ]
    if ctx.off_topic:
        # Redirect to the question's situation instead of deep-diving a story about another.
        ask = situations.headline_ask(question)
        follow_ups = redirect.off_question_follow_ups(
            follow_ups, question, ask.label if ask else None, asked_follow_ups
        )
    return strengths + improvements, follow_ups


# ---- helpers -------------------------------------------------------------------------------------


def quote(s: str, limit: int = QUOTE_LIMIT) -> str:
    """`s` whole, or cut short at a clause boundary near `limit`, with "…" (`quotes.quote`)."""
    return quotes.quote(s, limit)


def _quote_showing(s: str, needle: str, limit: int = QUOTE_LIMIT) -> str:
    """A quote of `s` that holds `needle` (the number or the lesson a remark names): the clause
    that holds it, when the start of `s` does not reach it within `limit`."""
    whole = quote(s, limit)
    at = s.find(needle)
    if needle in whole.rstrip("…") or at < 0:
        return whole
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(s, 0, at)]
    start = breaks[-1] if breaks else at
    return "…" + quote(s[start:], limit)


def _remark(
    kind: str,
    code: str,
    text: str,
    sentence: Sentence | None = None,
    index: int | None = None,
    span: Span | None = None,
) -> Remark:
    if span is not None:
        return Remark(kind, code, text, span.start, span.end, index, span.text)
    if sentence is not None:
        return Remark(kind, code, text, sentence.start, sentence.end, index, sentence.text)
    return Remark(kind, code, text)


def _first(ctx: Context, role: str) -> tuple[int, Sentence] | None:
    for i, s in enumerate(ctx.sentences):
        if s.role == role:
            return i, s
    return None


def _past_i_actions(ctx: Context) -> list[tuple[int, Sentence]]:
    return [
        (i, s)
        for i, s in enumerate(ctx.sentences)
        if s.role == "action" and cues.past_i_cue(s.text)
    ]


def _own_actions(ctx: Context) -> list[tuple[int, Sentence]]:
    """The speaker's past deeds ("I rewrote…", "Traced it…"), not a need ("I had to…") nor the
    team's ("we split the work…")."""
    return [(i, s) for i, s in _past_i_actions(ctx) if own_deed(s.text)]


def _quotable(ctx: Context, s: Sentence, limit: int) -> bool:
    return _whole_sentence(ctx.text, s) and len(" ".join(s.text.split())) <= limit


def _words_in(ctx: Context, role: str) -> int:
    return sum(len(s.text.split()) for s in ctx.sentences if s.role == role)


# ---- strengths -----------------------------------------------------------------------------------


def quantified_result(ctx: Context) -> Remark | None:
    if ctx.hypothetical:
        return None
    for i, s in enumerate(ctx.sentences):
        # Not a threshold, a target, an accepted delay, a plan's staffing or a scope cut; and
        # for a question about a person, not the project's numbers.
        counts = s.role == "result" and _outcome_for_the_ask(ctx.relevance, s)
        found = outcome_spans(s, ctx.per_sentence_metrics[i]) if counts else []
        if found:
            names = ", ".join(f"“{m.text}”" for m in found[:3])
            # A chunk of a spoken run ("again and we lost maybe forty orders…") is not quoted.
            said = (
                f": “{_quote_showing(s.text, found[0].text)}”"
                if _whole_sentence(ctx.text, s)
                else "."
            )
            return _remark(
                "strength",
                "quantified-result",
                f"You put numbers on the outcome ({names}){said}",
                s,
                i,
            )
    return None


# Questions about a person (developing someone, a low performer): the outcome that counts is
# the person's, not the project's ("she was promoted", not "failed bookings dropped").
PEOPLE_ASKS = frozenset({"develop-people", "low-performer"})
_ABOUT_A_PERSON = re.compile(
    r"\b(?:she|he|her|him|his|hers|himself|herself)\b|\bpromot\w*|\bmentor\w*|\bcoach\w*", re.I
)


def _outcome_for_the_ask(relevance: Relevance | None, s: Sentence) -> bool:
    """Whether a result sentence's numbers are the outcome the question asks about."""
    if relevance is None or relevance.ask not in PEOPLE_ASKS:
        return True
    return bool(_ABOUT_A_PERSON.search(s.text))


def personal_action(ctx: Context) -> Remark | None:
    """Counts and quotes only the speaker's own deeds. The example is the longest that fits a
    quote whole, else the longest whole sentence cut at a phrase; a chunk of a spoken run is
    never quoted (the remark then names no example)."""
    actions = _own_actions(ctx)
    if ctx.hypothetical or ctx.ownership == "we" or len(actions) < 2:
        return None
    said = f"Your own part is clear: {len(actions)} sentences say what you did"
    whole = [(i, s) for i, s in actions if _whole_sentence(ctx.text, s)]
    if not whole:
        return _remark("strength", "personal-action", said + ".")
    short = [(i, s) for i, s in whole if _quotable(ctx, s, QUOTE_LIMIT)]
    i, s = max(short or whole, key=lambda p: len(p[1].text))
    return _remark("strength", "personal-action", f"{said}, e.g. “{quote(s.text)}”", s, i)


def complete_star(ctx: Context) -> Remark | None:
    """Quotes "your goal" only from a sentence that says what had to be achieved (a target, a
    deadline, a must: "my job was to…", "I had to…"), else from a task sentence that names the
    speaker's charge ("I was brought in to…"); never a dilemma ("I had a choice, I could…")
    nor a phrase in passing ("not my job"). The quote holds the words that say the goal."""
    if ctx.hypothetical or not all(
        r in ctx.roles for r in ("situation", "task", "action", "result")
    ):
        return None
    found = _goal_sentence(ctx)
    if found is None:
        return _remark("strength", "complete-star", "All four STAR parts are there.")
    i, s, said = found
    return _remark(
        "strength",
        "complete-star",
        f"All four STAR parts are there, and you state your goal: “{_quote_showing(s.text, said)}”",
        s,
        i,
    )


# What had to be achieved: a target, a deadline, a must. A post or a mandate ("I was brought
# in…", "I was the project lead for…") names a charge, not the goal, and is quoted only when
# no sentence says the goal itself.
_TARGET = re.compile(
    r"\b(?:(?:my|our|the) (?:goal|aim|target|task|job|brief|mission|objective|mandate) "
    r"(?:was|is) (?:to|that|getting|making|a\b)|(?:it|this) was my (?:job|task|responsibility) to|"
    r"(?:i|we) (?:had|needed|have|need|must|wanted|set out) to|"
    r"i needed (?:a|an|the|her|his|their|our|my)|(?:i|we) (?:was|were) "
    r"(?:asked|tasked|told) to|had to be|must be|deadline|target of)\b",
    re.I,
)
_DILEMMA = re.compile(
    r"\b(?:i had (?:a|two) (?:choice|options?)|the (?:choice|question|dilemma) was|"
    r"i could (?:either )?\w+(?: \S+)* or\b|either\b.*\bor\b)",
    re.I,
)


def _goal_sentence(ctx: Context) -> tuple[int, Sentence, str] | None:
    """(index, sentence, the words that say the goal): task sentences first, a target before a
    charge."""
    ranked = []
    for i, s in enumerate(ctx.sentences):
        if _DILEMMA.search(s.text):
            continue
        target = _TARGET.search(s.text)
        # A charge counts only in a sentence the role model reads as the task: in the scene it
        # is the speaker's post ("my job was really the heavy maintenance schedule").
        charges = list(_GOAL.finditer(s.text)) if s.role == "task" else []
        if target is None and not charges:
            continue
        said = target.group(0) if target else charges[-1].group(0)
        ranked.append(((target is None, s.role != "task", i), i, s, said))
    if not ranked:
        return None
    _, i, s, said = min(ranked, key=lambda r: r[0])
    return i, s, said


def on_principle(ctx: Context) -> Remark | None:
    """Praise for fitting the principle only for a real story that answers the question."""
    asked = ctx.asked
    if (
        not asked
        or ctx.hypothetical
        or ctx.off_topic
        or not ctx.principles
        or ctx.principles[0].slug != asked
    ):
        return None
    best = _sentence_for_principle(ctx, asked)
    name = NAMES[asked]
    if best is None:
        return _remark(
            "strength",
            "on-principle",
            f"The story fits {name}, the principle the question asks about.",
        )
    i, s = best
    return _remark(
        "strength",
        "on-principle",
        f"The story fits {name}, the principle asked about; "
        f"this sentence shows it best: “{quote(s.text, RESULT_QUOTE_LIMIT)}”",
        s,
        i,
    )


def _sentence_for_principle(ctx: Context, slug: str) -> tuple[int, Sentence] | None:
    """The speaker's own deed that the story model reads as the principle most: an action or
    task sentence where "I" (or a note without a subject) acts, never a result, the scene or
    someone else's deed. For a principle whose deed is not looking into things, a step that
    only observes or analyses ("I noticed the logs showed…") is quoted only when no other deed
    points to it. Never a chunk of a spoken run ("like four times, and I called her… and she
    showed me on"); a long sentence may be the best one, quoted up to a clause (`quotes.quote`),
    so the deed is not passed over for a shorter, weaker one."""
    scored = [
        (principle_evidence(s.text, ctx.story_model).get(slug, 0), i, s)
        for i, s in enumerate(ctx.sentences)
        if s.role in {"action", "task"} and own_deed(s.text) and _whole_sentence(ctx.text, s)
    ]
    scored = [x for x in scored if x[0] > 0]
    if slug not in _OBSERVING_PRINCIPLES:
        scored = [x for x in scored if not _observes_only(x[2].text)] or scored
    if not scored:
        return None
    _, i, s = max(scored, key=lambda x: x[0])
    return i, s


def _observes_only(sentence: str) -> bool:
    verbs = [stem(v) for v in speaker_verbs(sentence)]
    return bool(verbs) and all(v in _OBSERVING for v in verbs)


def lesson(ctx: Context) -> Remark | None:
    if ctx.hypothetical:
        return None
    for i, s in enumerate(ctx.sentences):
        if s.role == "result" and i in ctx.told.learned:
            said = _quote_showing(s.text, told.lesson_phrase(s.text))
            return _remark("strength", "lesson", f"You close with what you learned: “{said}”", s, i)
    return None


def good_length(ctx: Context) -> Remark | None:
    low, high = GOOD_LENGTH
    if ctx.hypothetical or ctx.off_topic or not low <= ctx.word_count <= high:
        return None
    minutes = ctx.word_count / WORDS_PER_MINUTE
    return _remark(
        "strength",
        "length",
        f"At {ctx.word_count} words (about {minutes:.1f} minutes spoken) it is within the "
        f"{_GOOD_MINUTES} an interviewer expects.",
    )


# ---- improvements --------------------------------------------------------------------------------


def off_topic(ctx: Context) -> Remark | None:
    if not ctx.off_topic or ctx.relevance is None:
        return None
    return _remark(
        "improvement",
        "off-topic",
        f"{ctx.relevance.reason} However good the story, it does not answer this question: "
        "pick one where that situation is the point.",
    )


def hypothetical(ctx: Context) -> Remark | None:
    if not ctx.hypothetical:
        return None
    for i, s in enumerate(ctx.sentences):
        if cues.would_cue(s.text) or cues.habit_cue(s.text):
            return _remark(
                "improvement",
                "hypothetical",
                f"This describes what you would do or usually do (“{quote(s.text, 80)}”), not one "
                "real event. Pick a specific time, tell it in the past tense, "
                "and say what happened.",
                s,
                i,
            )
    return _remark(
        "improvement",
        "hypothetical",
        "This is general, not one real event. Tell one specific time, in the past tense.",
    )


def _shows_other(ctx: Context) -> tuple[str, str] | None:
    """(asked, shown) when a real, on-topic story ranks another principle first."""
    if not ctx.asked or not ctx.principles or ctx.hypothetical or ctx.off_topic:
        return None
    shown = ctx.principles[0].slug
    return None if shown == ctx.asked else (ctx.asked, shown)


def principle_mismatch(ctx: Context) -> Remark | None:
    """Stated as fact only when the principle model is confident (Report's mismatch flag)."""
    pair = _shows_other(ctx)
    if pair is None or not ctx.mismatch_confident:
        return None
    asked, shown = pair
    return _remark(
        "improvement",
        "principle-mismatch",
        f"Your story shows {NAMES[shown]} more than {NAMES[asked]}, the principle the question "
        f"asks about. Make what you did for {NAMES[asked]} explicit, or choose a story where it "
        "is the point.",
    )


def _score_of(ctx: Context, slug: str) -> float:
    return next((p.score for p in ctx.principles if p.slug == slug), 0.0)


def principle_also(ctx: Context) -> Remark | None:
    """Below the confidence threshold the analyzer only says what else the story shows."""
    pair = _shows_other(ctx)
    # A generic question ("a time you failed") asks about no one principle: nothing to re-centre.
    if pair is None or ctx.mismatch_confident or ctx.asked_share < ONE_PRINCIPLE_ASKED:
        return None
    asked, shown = pair
    top = ctx.principles[0].score
    if top < CLEARLY_SHOWN or top - _score_of(ctx, asked) < ALSO_MARGIN:
        return None
    return _remark(
        "improvement",
        "principle-also",
        f"Your story also shows {NAMES[shown]}. Keep what the question asks about at the centre "
        "of what you did.",
    )


def no_result(ctx: Context) -> Remark | None:
    if ctx.hypothetical or "result" in ctx.roles or len(ctx.sentences) < 3:
        return None
    i, s = len(ctx.sentences) - 1, ctx.sentences[-1]
    return _remark(
        "improvement",
        "no-result",
        f"The story stops at “{quote(s.text, 80)}” without a result. Say what came of it: what "
        "changed, for whom, and by how much.",
        s,
        i,
    )


# A closing remark ("Now we know.", "So yeah.") or a fragment of a spoken run ("after that and
# she sent us a referral,") is no sentence to quote as the result. After a full stop, "Then I
# rewrote the fix." is the speaker's next step told as a sentence of its own.
_FRAGMENT_START = re.compile(
    r"^(?:and|or|which|like|um|uh|you know|after that and)\b|^(?:but|so|then)\b(?!,?\s+i\b)",
    re.I,
)
_ENDS_SENTENCE = '.!?"”)'
RESULT_MIN_WORDS = 5
RESULT_QUOTE_LIMIT = 160


def _whole_sentence(answer: str, s: Sentence) -> bool:
    """A sentence to quote whole: not a closing remark, and not a chunk the sentence reader cut
    from a spoken run (the text before it does not end a sentence or a line, "…and our" +
    "scheduler just rounded…"), starting on a conjunction, ending on a comma or stopping on a
    dangling word ("…showed me on")."""
    before = answer[: s.start].rstrip(" \t-•*")  # a bullet's marker starts its line
    after = answer[s.end :].lstrip(" \t")
    starts_whole = not before or before[-1] in _ENDS_SENTENCE + "\n"
    ends_whole = not after or after[0] == "\n" or s.text.rstrip()[-1:] in _ENDS_SENTENCE
    if not (starts_whole and ends_whole):
        return False
    text = " ".join(s.text.split()).rstrip(".!?")
    # A full stop ends a sentence even on a word that may dangle ("…after that.", "…on each.").
    stopped = s.text.rstrip()[-1:] in ".!?"
    return (
        len(text.split()) >= RESULT_MIN_WORDS
        and not _FRAGMENT_START.match(text)
        and not text.endswith((",", ";", ":"))
        and (stopped or probes.trim_dangling(text) == text)
    )


def result_without_number(ctx: Context) -> Remark | None:
    """Not on a story that does not answer the question: its off-topic remark is the point, and
    polishing the wrong story's numbers is no help."""
    if ctx.hypothetical or ctx.off_topic or "result" not in ctx.roles:
        return None
    results = [(i, s) for i, s in enumerate(ctx.sentences) if s.role == "result"]
    if any(ctx.per_sentence_metrics[i] for i, _ in results):
        return None
    # A pair, a count, a yes/no event, or a count told earlier brought to nothing.
    if ctx.told.result_measured:
        return None
    # A lesson is not the result to measure ("Since then I always write down the ways a
    # feature can be abused…"): a failure story may end on it, its cost told earlier.
    results = [(i, s) for i, s in results if i not in ctx.told.lesson_sentences]
    if not results:
        return None
    results = [(i, s) for i, s in results if _whole_sentence(ctx.text, s)]
    if not results:
        return None
    i, s = results[0]
    what = (
        "the answer has no numbers at all"
        if not ctx.metrics
        else "none of the numbers is about the outcome"
    )
    text = " ".join(s.text.split())
    said = f"The result “{text}”" if len(text) <= RESULT_QUOTE_LIMIT else "Your result"
    return _remark(
        "improvement",
        "result-without-number",
        f"{said} has no measure, and {what}. Add one: time saved, errors, cost, users, "
        "revenue — before and after.",
        s,
        i,
    )


def we_ownership(ctx: Context) -> Remark | None:
    if ctx.hypothetical or ctx.ownership == "i":
        return None
    for i, s in enumerate(ctx.sentences):
        i_count, _ = subject_counts(s.text)
        # "I wrote down what we needed: we had 5,000 writes a second" is no "we" deed.
        if s.role == "action" and len(we_deeds(s.text)) > i_count:
            share = "mostly" if ctx.ownership == "we" else "often"
            return _remark(
                "improvement",
                "we-ownership",
                f"The actions are {share} told as “we”, e.g. “{quote(s.text, 80)}”. Say what you "
                "did yourself: which decision was yours, what you built, whom you talked to.",
                s,
                i,
            )
    return None


def no_task(ctx: Context) -> Remark | None:
    """Only when nothing in the answer says what the speaker had to achieve, and no measured
    result implies it (a quantified outcome is its own yardstick)."""
    if (
        ctx.hypothetical
        or ctx.off_topic  # the wrong story's goal is no help: its off-topic remark is the point
        or any(
            ctx.per_sentence_metrics[i] for i, s in enumerate(ctx.sentences) if s.role == "result"
        )
        or "task" in ctx.roles
        or "action" not in ctx.roles
        or ctx.word_count < TASK_MIN_WORDS
        or len(ctx.sentences) < 4
        or _GOAL.search(ctx.text)
    ):
        return None
    found = _first(ctx, "action")
    i, s = found if found else (None, None)
    return _remark(
        "improvement",
        "no-task",
        "Before the first action, say what you personally had to achieve (“My goal was…”, "
        "“I was responsible for…”), so the actions have a yardstick.",
        s,
        i,
    )


def low_action_share(ctx: Context) -> Remark | None:
    """ "Trim the background" only when there is background to trim: a long scene, few actions."""
    if (
        ctx.hypothetical
        or "action" not in ctx.roles
        or ctx.action_share >= LOW_ACTION_SHARE
        or ctx.word_count < BACKGROUND_MIN_WORDS
    ):
        return None
    total = sum(len(s.text.split()) for s in ctx.sentences) or 1
    if _words_in(ctx, "situation") / total < BACKGROUND_SHARE:
        return None
    situations = [(i, s) for i, s in enumerate(ctx.sentences) if s.role == "situation"]
    i, s = max(situations, key=lambda p: len(p[1].text))
    return _remark(
        "improvement",
        "low-action-share",
        f"Only {ctx.action_share:.0%} of the answer is about your actions. Trim the background "
        f"(such as “{quote(s.text, 70)}”) and spend the time on what you did and why.",
        s,
        i,
    )


def outside_story(ctx: Context) -> Remark | None:
    """General views, not the opener that sets the scene ("this one goes back to my time as…"),
    nor the lesson at the end; never on a hypothetical answer, which its own remark covers."""
    if ctx.hypothetical:
        return None
    others = [
        (i, s)
        for i, s in enumerate(ctx.sentences)
        if s.role == "other"
        and len(s.text.split()) > 6
        and not (i == 0 and _SCENE_OPENER.search(s.text))
        and i not in ctx.told.learned
    ]
    if len(others) < 2:
        return None
    i, s = others[0]
    return _remark(
        "improvement",
        "outside-story",
        f"{len(others)} sentences are outside the story, e.g. “{quote(s.text, 80)}”. "
        "Interviewers score the event, not general views; cut them.",
        s,
        i,
    )


def too_long(ctx: Context) -> Remark | None:
    if ctx.word_count <= LONG_WORDS:
        return None
    minutes = ctx.word_count / WORDS_PER_MINUTE
    return _remark(
        "improvement",
        "too-long",
        f"At {ctx.word_count} words (about {minutes:.1f} minutes spoken) it runs long; aim for "
        "2–3 minutes and keep one sentence of background.",
    )


def too_short(ctx: Context) -> Remark | None:
    """The advice names what is missing: the steps and the outcome, or, when both are there,
    the situation and what made it hard."""
    if ctx.word_count >= SHORT_WORDS:
        return None
    # Steps are the speaker's deeds, two in one sentence as well ("I negotiated… and recruited…").
    steps = sum(len(speaker_verbs(s.text)) for _, s in _past_i_actions(ctx))
    told = steps >= 2 and "result" in ctx.roles
    add = (
        "add the situation, what was at stake and what made it hard"
        if told
        else "add the steps you took and what came of them"
    )
    return _remark(
        "improvement",
        "too-short",
        f"At {ctx.word_count} words (under a minute spoken) there is little an interviewer can "
        f"assess; {add}.",
    )


def fillers(ctx: Context) -> Remark | None:
    found = ctx.fillers
    if len(found) < 3 or len(found) / max(1, ctx.word_count) < SPEECH_RATE:
        return None
    words = sorted({f.text.lower() for f in found})
    listed = ", ".join(f"“{w}”" for w in words[:4])
    return _remark(
        "improvement",
        "fillers",
        f"{len(found)} filler words ({listed}) in {ctx.word_count} words. "
        "A short pause sounds surer.",
        span=found[0],
    )


def hedges(ctx: Context) -> Remark | None:
    """Only the speaker's doubt about their own story: not an estimate ("maybe 5,000"), nor
    someone else's reaction ("the team agreed, somewhat reluctantly")."""
    if ctx.hypothetical:
        return None  # no story to sound unsure about: the hypothetical remark says what is missing
    found = own_hedges(ctx.text, ctx.hedges)
    if len(found) < 3 or len(found) / max(1, ctx.word_count) < SPEECH_RATE:
        return None
    words = sorted({h.text.lower() for h in found})
    listed = ", ".join(f"“{w}”" for w in words[:4])
    return _remark(
        "improvement",
        "hedges",
        f"{len(found)} hedges ({listed}) make your own story sound uncertain; state what happened.",
        span=found[0],
    )


def no_situation(ctx: Context) -> Remark | None:
    if ctx.hypothetical or "situation" in ctx.roles or len(ctx.sentences) < 3:
        return None
    return _remark(
        "improvement",
        "no-situation",
        "Open with one sentence of context: where you were, your role, and what was at stake.",
        ctx.sentences[0],
        0,
    )


RULES: tuple[Rule, ...] = (
    Rule(
        "quantified-result",
        "strength",
        "a result sentence carries an outcome number (not a threshold, target, accepted delay, "
        "a plan's staffing or a scope cut)",
        quantified_result,
    ),
    Rule(
        "personal-action",
        "strength",
        "two or more action sentences narrate the speaker's own past deeds; not a 'we' story",
        personal_action,
    ),
    Rule("complete-star", "strength", "all four STAR roles occur in a real story", complete_star),
    Rule(
        "on-principle",
        "strength",
        "a real, on-topic story ranks the asked principle first",
        on_principle,
    ),
    Rule("lesson", "strength", "a result sentence says what the speaker learned", lesson),
    Rule(
        "length",
        "strength",
        f"{GOOD_LENGTH[0]}-{GOOD_LENGTH[1]} words: {_GOOD_MINUTES} spoken, for a real story "
        "that answers the question",
        good_length,
    ),
    Rule(
        "off-topic",
        "improvement",
        "the story does not answer the question (relevance.py); said first, it outweighs all else",
        off_topic,
    ),
    Rule("hypothetical", "improvement", "what the speaker would do, not one event", hypothetical),
    Rule(
        "principle-mismatch",
        "improvement",
        "another principle ranks first and the principle model is confident of it",
        principle_mismatch,
    ),
    Rule("no-result", "improvement", "no result sentence in a real story", no_result),
    Rule(
        "we-ownership",
        "improvement",
        "ownership is 'we' or 'mixed' and an action sentence is told as 'we'",
        we_ownership,
    ),
    Rule(
        "result-without-number",
        "improvement",
        "the result sentences carry no metric",
        result_without_number,
    ),
    Rule(
        "low-action-share",
        "improvement",
        f"at least {BACKGROUND_MIN_WORDS} words, under {LOW_ACTION_SHARE:.0%} on actions and at "
        f"least {BACKGROUND_SHARE:.0%} on the scene",
        low_action_share,
    ),
    Rule("too-long", "improvement", f"over {LONG_WORDS} words (over about 3 minutes)", too_long),
    Rule("too-short", "improvement", f"under {SHORT_WORDS} words (under a minute)", too_short),
    Rule(
        "outside-story",
        "improvement",
        "two or more long sentences outside the story",
        outside_story,
    ),
    Rule(
        "no-task",
        "improvement",
        "no task sentence, no goal phrase anywhere and no measured result, "
        f"in {TASK_MIN_WORDS}+ words",
        no_task,
    ),
    Rule("fillers", "improvement", "three or more fillers, at least 1.5 per 100 words", fillers),
    Rule("hedges", "improvement", "three or more hedges, at least 1.5 per 100 words", hedges),
    Rule("no-situation", "improvement", "no sentence sets the scene", no_situation),
    Rule(
        "principle-also",
        "improvement",
        "another principle ranks first but not confidently: say what else it shows, claim nothing",
        principle_also,
    ),
)
