"""Does the story answer the question asked? (LABELS.md `answers_question`)

A polished story about something else is the commonest way a strong candidate
fails a round, and it is invisible to every other part of the analyzer. This
reads what the question asks for (`situations.question_asks`) and looks for that
situation in the story — whole-word evidence, in the whole story and in what the
speaker did and what came of it — together with how strongly the story model
sees the asked principle in the story and how many of the question's own
content words come back. A small logistic model, trained on labelled
question/story pairs, turns these into a probability; the threshold is chosen
by cross-validation so that false alarms stay rare (`relevance.json`).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from loopcoach.analysis import cues, deeds, premises, situations
from loopcoach.analysis.hypothetical import hypothetical_probability
from loopcoach.analysis.linear import normalised, shipped_model, sigmoid
from loopcoach.analysis.principles import NAMES, stem, terms

DEFAULT_THRESHOLD = 0.5
# Below this, a story the model lets through is not clearly about what was asked: the reason
# names the question's situation and claims nothing about the story.
CLEARLY_ANSWERS = 0.5
# How sure the story model must be before the reason names the principle an off-question story
# shows instead: a wrong name there corrects the candidate with something untrue.
NAMES_OTHER_PRINCIPLE = 0.9

_CONTENT = re.compile(r"[a-z]{4,}")
_STOP = frozenset(
    """the and but for with from was were been being this that these those had has have did
    does done would could should will can just also very really into out about after before
    when while which who what how our their them they then than there its his her him she
    you your are not all any some one two get got""".split()
)
_OPINION = re.compile(
    r"\b(?:i think|i believe|i feel|for me|in my opinion|is (?:so |really |very )?important|"
    r"is the (?:key|basis|foundation)|i(?:'m| am) (?:a|someone|naturally|very)|my (?:strength|"
    r"approach|philosophy)|i (?:always|usually|normally|generally))\b",
    re.I,
)
# How I usually work, not what I did once: "what I always do is…", "I make sure…", "whenever".
_HABITUAL = re.compile(
    r"\b(?:i (?:always|usually|normally|generally|typically|tend to|try to|like to|make sure)|"
    r"what i (?:always |usually |normally )?do|whenever|every time (?:i|we)|in any team|"
    r"my (?:rule|habit|style|way)|i(?:'m| am) someone who)\b",
    re.I,
)
_QUESTION_FILLER = frozenset(
    """tell time about give example describe when where what which that this your with have
    were from into them they their there then than some something someone would could should
    made make making ever been being most more very really just also only even anyway
    situation walk through specific happened particular recent first team days work project
    company people someone""".split()
)


@dataclass(frozen=True, slots=True)
class Relevance:
    answers_question: bool
    score: float
    reason: str
    ask: str | None = None  # the code of the ask the verdict is about

    def to_dict(self) -> dict[str, object]:
        return {
            "answers_question": self.answers_question,
            "score": round(self.score, 3),
            "reason": self.reason,
        }


def story_words(sentences: Sequence[str], roles: Sequence[str]) -> dict[str, float]:
    """Words and word pairs of the story (`principles.terms`), sublinear counts, plus the same
    of its focus (prefix "f:"): the scene and task sentences, which say what situation the
    story is in, and the first action, where it turns. Each block is scaled to unit length.

    Pairs catch what single words miss ("my manager", "first week", "let go"); the focus
    keeps a long account of the fix from hiding what the story was about."""
    focus = [s for s, r in zip(sentences, roles, strict=True) if r in ("situation", "task")]
    first_action = next((s for s, r in zip(sentences, roles, strict=True) if r == "action"), "")
    bag = _sublinear(terms(" ".join(sentences)), "")
    bag.update(_sublinear(terms(" ".join([*focus, first_action])), "f:"))
    return bag


def _sublinear(counts: Mapping[str, int], prefix: str) -> dict[str, float]:
    scaled = normalised({k: math.log1p(c) for k, c in counts.items()})
    return {prefix + k: v for k, v in scaled.items()}


def situation_probabilities(sentences: Sequence[str], roles: Sequence[str]) -> dict[str, float]:
    """How likely the story is about each ask that has a word model (`asks.json`, one logistic
    regression per ask, learned from the stories told for questions that name it)."""
    model = shipped_model("asks")
    if model is None:
        return {}
    scores = model.scores(story_words(sentences, roles))
    return {c: sigmoid(v) for c, v in zip(model.classes, scores, strict=True)}


def relevance_features(
    question: str,
    sentences: Sequence[str],
    roles: Sequence[str],
    story_probs: Mapping[str, float],
    asked: Mapping[str, float],
    situation_probs: Mapping[str, float] | None = None,
    hypothetical: float | None = None,
    premise: premises.PremiseReading | None = None,
    deed: deeds.DeedReading | None = None,
) -> dict[str, float]:
    """Answer-level features for the relevance model (the same at training and run time).

    `situation_probs` are the per-ask word model's probabilities (`situation_probabilities`);
    training passes ones from a model that did not see the story. `hypothetical` is the
    answer's hypothetical probability when the caller has it already. Evidence is scanned for the
    question's own asks only: one regular-expression pass each."""
    text = " ".join(sentences)
    acted = " ".join(s for s, r in zip(sentences, roles, strict=True) if r in ("action", "result"))
    asks = situations.question_asks(question)
    n = max(1, len(sentences))
    words = len(text.split())
    feats: dict[str, float] = {
        # Not a story at all ("I always…", "I think…") answers no question about a time you did.
        "hypothetical": (
            hypothetical if hypothetical is not None else hypothetical_probability(list(sentences))
        ),
        "past_i_share": sum(cues.past_i_cue(s) for s in sentences) / n,
        "opinion_share": sum(bool(_OPINION.search(s)) for s in sentences) / n,
        "habitual_share": sum(bool(_HABITUAL.search(s)) for s in sentences) / n,
        "no_past_i": float(not any(cues.past_i_cue(s) for s in sentences)),
        "short": float(words < 70),
        "generic": float(situations.is_generic(question)),
        "no_ask": float(not asks),
        "asked_story_p": sum(p * story_probs.get(s, 0.0) for s, p in asked.items()),
        "asked_story_rank_top3": sum(p for s, p in asked.items() if s in _top(story_probs, 3)),
        "word_overlap": _word_overlap(question, text),
        # Sidestepping the premise, telling it the other way round, leaving out the person.
        **(premise or premises.read_premise(question, sentences)).features(),
        # The other end of the deed, weeks for "quickly", one's own team for "without authority".
        **(deed or deeds.read_deeds(question, text)).features(),
    }
    if asks:
        starts, pos = [], 0
        for sentence in sentences:
            starts.append(pos)
            pos += len(sentence) + 1
        found = [situations.evidence(a, text) for a in asks]
        counts = [len(f) for f in found]
        deed_counts = [len(situations.evidence(a, acted)) for a in asks]
        per_sentence = [len({bisect_right(starts, m.start()) for m in f}) / n for f in found]
        learned = (
            situation_probs
            if situation_probs is not None
            else situation_probabilities(sentences, roles)
        )
        first = asks[0].code
        if first in learned:
            named = {a.code for a in asks}
            others = [p for c, p in learned.items() if c not in named]
            feats["first_ask_model"] = learned[first]
            # A very particular situation the word model does not see is the clearest miss.
            feats["strict_ask_model"] = learned[first] * (first in situations.STRICT)
            # Ahead of the story's likeliest other situation, or behind it?
            feats["first_ask_model_lead"] = learned[first] - max(others, default=0.0)
            # Where the asked situation ranks among all the story could be about (0 = first).
            rank = sum(p > learned[first] for p in learned.values()) / max(1, len(learned) - 1)
            feats["first_ask_model_rank"] = rank
            feats["named_ask_model_max"] = max(learned.get(c, 0.0) for c in named)
        feats.update(
            {
                "first_ask_evidence": math.log1p(counts[0]),
                "first_ask_deeds": math.log1p(deed_counts[0]),
                "first_ask_share": per_sentence[0],
                "first_ask_none": float(counts[0] == 0),
                "strict_ask_none": float(counts[0] == 0 and first in situations.STRICT),
                "strict_ask": float(first in situations.STRICT),
                "all_asks_found": float(all(counts)),
                "asks_found_share": sum(bool(c) for c in counts) / len(counts),
                "best_ask_share": max(per_sentence),
            }
        )
    return feats


def assess(
    question: str | None,
    sentences: Sequence[str],
    roles: Sequence[str],
    story_probs: Mapping[str, float],
    asked: Mapping[str, float],
    hypothetical: float | None = None,
) -> Relevance | None:
    """The verdict for one story, or None without a question (nothing to answer)."""
    if not question or not question.strip():
        return None
    premise = premises.read_premise(question, sentences)
    deed = deeds.read_deeds(question, " ".join(sentences))
    feats = relevance_features(
        question,
        sentences,
        roles,
        story_probs,
        asked,
        hypothetical=hypothetical,
        premise=premise,
        deed=deed,
    )
    model = shipped_model("relevance")
    if model is None:
        score = _fallback_score(feats)
        threshold = DEFAULT_THRESHOLD
    else:
        raw = model.bias[0] + sum(model.weights.get(k, [0.0])[0] * v for k, v in feats.items())
        score = sigmoid(raw)
        threshold = float(model.extra.get("threshold", DEFAULT_THRESHOLD))
        # A reading that is right on its own nine times in ten was outweighed, as one feature
        # among twenty, by a story full of the question's words: it caps the score instead.
        caps = model.extra.get("caps", {})
        for reading in decisive_readings(question, premise, feats):
            score = min(score, float(caps.get(reading, 1.0)))
    asks = situations.question_asks(question)
    ask = situations.headline_ask(question)
    answers = score >= threshold
    if ask is not None and asks and ask.code != asks[0].code:
        # The features read the first ask found; whether the story comes to the named one is
        # read again.
        feats = {
            **feats,
            "first_ask_none": float(not situations.evidence(ask, " ".join(sentences))),
        }
    mentions = ask_mentions(ask, sentences, roles) if ask is not None else None
    return Relevance(
        answers_question=answers,
        score=score,
        reason=_reason(
            answers,
            score,
            ask,
            story_probs,
            feats,
            premise.miss() or deed.miss(),
            mentions,
            asked,
        ),
        ask=ask.code if ask else None,
    )


@dataclass(frozen=True, slots=True)
class AskMentions:
    """Where the story names the situation the question asks about (`situations.evidence`)."""

    words: tuple[str, ...]  # the words that name it, in story order
    sentences: int  # how many sentences name it
    in_deeds: int  # how many of those say what the speaker did or what came of it


def ask_mentions(
    ask: situations.Ask, sentences: Sequence[str], roles: Sequence[str]
) -> AskMentions:
    words: list[str] = []
    named = deeds_named = 0
    for sentence, role in zip(sentences, roles, strict=True):
        found = [m.group(0) for m in situations.evidence(ask, sentence)]
        words += found
        named += bool(found)
        deeds_named += bool(found) and role in ("action", "result")
    return AskMentions(tuple(words), named, deeds_named)


def decisive_readings(
    question: str, premise: premises.PremiseReading, feats: Mapping[str, float]
) -> list[str]:
    """The readings that may decide the verdict alone, where they fire: the premise reading
    ("premise": the story runs the other way, never names the person asked about, or sidesteps
    a hard premise) and, per very particular situation, no word of it anywhere in the story
    ("absent:hiring": a hiring question, and nobody is interviewed, hired or recruited; the
    `strict_ask_none` feature, so the story is not scanned twice). Training keeps a cap for
    those that are right often enough on the labelled pairs."""
    found = ["premise"] if premise.says_it_misses else []
    # Who did what to whom, how fast, on whose authority (`deeds.DeedReading`).
    found += [name for name, feat in _DEED_READINGS.items() if feats.get(feat)]
    if feats.get("strict_ask_none"):
        found.append("absent:" + situations.question_asks(question)[0].code)
    return found


_DEED_READINGS = {
    "direction": "direction_against",
    "slow": "all_times_slow",
    "authority": "authority_only_own",
}


def _reason(
    answers: bool,
    score: float,
    ask: situations.Ask | None,
    story_probs: Mapping[str, float],
    feats: Mapping[str, float],
    premise_miss: str | None,
    mentions: AskMentions | None = None,
    asked: Mapping[str, float] | None = None,
) -> str:
    if answers:
        if ask is None:
            return "The question is open; a specific story of your own answers it."
        if feats.get("hypothetical", 0.0) >= 0.5:
            # On the topic, but no story: "is about that" would praise what is missing.
            return (
                f"The question asks about {ask.label}, and the answer is on that topic, but it "
                "tells what you would do or usually do, not one time you did it."
            )
        if mentions is not None and not mentions.words and ask.code in situations.STRICT:
            # The model let it through on the story's other words; "is about that" would be a
            # claim nothing in the story backs (a star analyst for "a low performer"). Only a
            # very particular situation is missing when its words are: the words of a broad one
            # ("incomplete data": "nobody knew", "no reliable forecast") are too many to list.
            return (
                f"The question asks about {ask.label}, and no sentence of the story names that "
                "situation: say plainly where it came up and what you did about it."
            )
        if score < CLEARLY_ANSWERS:
            return f"The question asks about {ask.label}" + _passing(mentions)
        return f"The question asks about {ask.label}, and the story is about that."
    shown = max(story_probs, key=story_probs.__getitem__) if story_probs else None
    # "It shows X" says the story is about something else: not when X is what the question asks
    # (a star's development for "a low performer" shows Hire and Develop, the asked principle).
    sure = (
        shown is not None
        and story_probs[shown] >= NAMES_OTHER_PRINCIPLE
        and (asked or {}).get(shown, 0.0) < 0.5
    )
    about = f" Read as a whole, it shows {NAMES[shown]}." if sure and shown in NAMES else ""
    if ask is None:
        return "The story does not seem to be about what the question asks." + about
    found = premise_miss or (
        "never comes to it" if feats.get("first_ask_none") else "does not turn on it"
    )
    return f"The question asks about {ask.label}, and the story {found}.{about}"


def _passing(mentions: AskMentions | None) -> str:
    """What a story let through narrowly does with the asked situation, from its words alone: a
    restated question tells the candidate nothing ("The question asks about trust.")."""
    if mentions is None:
        return "."
    if not mentions.words:
        return (
            ", and the story does not make it plain: say where it came up and what you did "
            "about it."
        )
    word = f"“{mentions.words[0]}”"
    if not mentions.in_deeds:
        # Only the words are known: on the labelled pairs, a situation named in the scene alone
        # is as often answered as not (159 on-topic, 89 off), so this advises, it does not judge.
        return (
            f"; the story names it ({word}) only while setting the scene: make plain what you "
            "did about it and how it ended."
        )
    if mentions.sentences == 1:
        return (
            f"; the story names it in one sentence only ({word}): make it the centre of what "
            "you did, or choose a story where it is."
        )
    return f"; the story names it in {mentions.sentences} sentences ({word})."


def _top(probs: Mapping[str, float], k: int) -> set[str]:
    return set(sorted(probs, key=lambda s: -probs[s])[:k])


def _word_overlap(question: str, text: str) -> float:
    """Share of the question's content words (by their stems) that the story uses."""
    q = {stem(w) for w in _CONTENT.findall(question.lower()) if w not in _QUESTION_FILLER}
    if not q:
        return 0.0
    story = {stem(w) for w in _CONTENT.findall(text.lower())}
    return len(q & story) / len(q)


def _fallback_score(f: Mapping[str, float]) -> float:
    """Before a model is trained: evidence of the first ask, or the asked principle in the story."""
    if f["no_ask"] or f["generic"]:
        return 0.9
    z = 2.5 * f.get("first_ask_evidence", 0.0) + 6 * f["asked_story_p"] + 2 * f["word_overlap"]
    return sigmoid(z - 1.5)
