"""How a mock loop's debrief decides: each interviewer's vote, the Bar Raiser's veto, the outcome.

The rules, in the order the debrief explains them:

1. **A question's grade** is the analyzer's 1-4 grade of the answer; a
   follow-up answer graded 1 (the story did not hold up when the interviewer
   dug in) takes one point off it (`question_grade`). A question left
   unanswered — time ran out, or the candidate ended the loop early — counts
   as a 1: the interviewer has no evidence, and "no evidence" is how a real
   debrief treats it. So does an answer that does not answer the question asked (the analyzer's
   `relevance.answers_question` is false): a polished story about something
   else tells the interviewer nothing about what they were sent to probe.
2. **An interviewer's vote** comes from the mean grade of the round's questions:
   mean ≥ 3.5 with no 1 → strong hire; mean ≥ 2.75 → hire; mean ≥ 2 → no hire;
   below 2 → strong no hire. Boundaries belong to the upper band (a mean of
   exactly 2.75 is a hire). A 1 anywhere caps the vote at hire: one answer with
   no evidence is enough to stop a strong hire. A round with no questions at
   all has nothing to go on and votes strong no hire.
3. **The Bar Raiser's veto**: a no hire or strong no hire from the Bar Raiser
   means no offer, whatever the others voted.
4. **The outcome** is an offer only when nobody vetoed, nobody voted strong no
   hire, and hire votes (hire or strong hire) are a strict majority of the
   votes. A tie is not a majority: when in doubt, the loop does not hire.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

STRONG_HIRE_MEAN = 3.5
HIRE_MEAN = 2.75
NO_HIRE_MEAN = 2.0
MISSING_GRADE = 1  # an unanswered question: no evidence


def question_grade(answer: int | None, follow_up: int | None) -> int | None:
    """The grade of a question's whole exchange: the answer's grade, one lower when the
    follow-up answer showed nothing (grade 1). A follow-up never raises the grade: it is
    there to test the story, and a good one is what the grade already assumed."""
    if answer is None:
        return None
    if follow_up == MISSING_GRADE:
        return max(MISSING_GRADE, answer - 1)
    return answer


class Vote(enum.Enum):
    STRONG_HIRE = "strong-hire"
    HIRE = "hire"
    NO_HIRE = "no-hire"
    STRONG_NO_HIRE = "strong-no-hire"

    @property
    def label(self) -> str:
        return self.value.replace("-", " ").capitalize()

    @property
    def is_hire(self) -> bool:
        return self in (Vote.STRONG_HIRE, Vote.HIRE)


class Outcome(enum.Enum):
    OFFER = "offer"
    NO_OFFER = "no-offer"

    @property
    def label(self) -> str:
        return "Offer" if self is Outcome.OFFER else "No offer"


@dataclass(frozen=True)
class RoundVerdict:
    """One interviewer's vote and what it rests on."""

    round: str
    vote: Vote
    mean: float | None
    grades: tuple[int, ...]
    missing: int
    bar_raiser: bool = False
    reason: str = ""
    off_topic: int = 0


@dataclass(frozen=True)
class Decision:
    outcome: Outcome
    vetoed: bool
    reasons: tuple[str, ...] = field(default_factory=tuple)
    hire_votes: int = 0
    votes: int = 0


def round_vote(
    grades: Sequence[int | float | None],
    *,
    round_slug: str = "",
    bar_raiser: bool = False,
    off_topic: Sequence[bool] = (),
) -> RoundVerdict:
    """The vote of one interviewer from the grades of that round's questions (None = unanswered).

    `off_topic[i]` marks an answer that did not answer question i; it counts as a 1 (rule 1).
    """
    missing = sum(1 for grade in grades if grade is None)
    strays = sum(
        1 for grade, stray in zip(grades, off_topic, strict=False) if stray and grade is not None
    )
    raw = [
        float(MISSING_GRADE) if grade is None or stray else float(grade)
        for grade, stray in zip(grades, _padded(off_topic, len(grades)), strict=True)
    ]
    if not raw:
        return RoundVerdict(
            round_slug, Vote.STRONG_NO_HIRE, None, (), 0, bar_raiser, "No questions were asked."
        )
    counted = tuple(round_half_up(grade) for grade in raw)
    mean = sum(raw) / len(raw)
    has_one = min(raw) < 1.5
    if mean >= STRONG_HIRE_MEAN and not has_one:
        vote, why = (
            Vote.STRONG_HIRE,
            f"mean grade {mean:.2f} ≥ {STRONG_HIRE_MEAN} with no answer graded 1",
        )
    elif mean >= HIRE_MEAN:
        vote, why = Vote.HIRE, f"mean grade {mean:.2f} ≥ {HIRE_MEAN}"
        if mean >= STRONG_HIRE_MEAN:
            why += ", held back from strong hire by an answer graded 1"
    elif mean >= NO_HIRE_MEAN:
        vote, why = Vote.NO_HIRE, f"mean grade {mean:.2f} is below {HIRE_MEAN}"
    else:
        vote, why = Vote.STRONG_NO_HIRE, f"mean grade {mean:.2f} is below {NO_HIRE_MEAN}"
    if missing:
        why += f"; {_count(missing, 'unanswered question')} counted as 1"
    if strays:
        why += f"; {_count(strays, 'answer')} that did not answer the question counted as 1"
    return RoundVerdict(
        round_slug,
        vote,
        round(mean, 2),
        counted,
        missing,
        bar_raiser,
        why[0].upper() + why[1:] + ".",
        strays,
    )


def _padded(flags: Sequence[bool], length: int) -> list[bool]:
    return [*flags[:length], *([False] * (length - len(flags)))]


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' if n > 1 else ''}"


def round_half_up(grade: float) -> int:
    return int(grade + 0.5)


def loop_decision(verdicts: Sequence[RoundVerdict]) -> Decision:
    """The overall decision from every interviewer's vote; see the module's rules 3 and 4."""
    votes = len(verdicts)
    hires = sum(1 for verdict in verdicts if verdict.vote.is_hire)
    vetoes = [v for v in verdicts if v.bar_raiser and not v.vote.is_hire]
    strong_no = [v for v in verdicts if v.vote is Vote.STRONG_NO_HIRE and not v.bar_raiser]
    reasons: list[str] = []
    if vetoes:
        reasons.append(
            f"The Bar Raiser voted {vetoes[0].vote.label.lower()}: that is a veto, "
            "so there is no offer whatever the other interviewers voted."
        )
    if strong_no:
        names = ", ".join(v.round for v in strong_no)
        reasons.append(f"A strong no hire ({names}) stops an offer on its own.")
    majority = votes > 0 and hires * 2 > votes
    if not majority:
        tie = " (a tie is not a majority)" if hires * 2 == votes and votes else ""
        reasons.append(f"{hires} of {votes} interviewers voted hire: not a majority{tie}.")
    if vetoes and majority and not strong_no:
        reasons.append(
            f"{hires} of {votes} interviewers voted hire: "
            "without the veto, that would have been an offer."
        )
    if vetoes or strong_no or not majority:
        return Decision(Outcome.NO_OFFER, bool(vetoes), tuple(reasons), hires, votes)
    reasons.append(
        f"{hires} of {votes} interviewers voted hire, nobody voted strong no hire, "
        "and the Bar Raiser did not veto."
    )
    return Decision(Outcome.OFFER, False, tuple(reasons), hires, votes)


@dataclass(frozen=True)
class Gap:
    principle: str
    mean: float | None  # None: no question probed it
    answers: int


def biggest_gaps(
    evidence: Mapping[str, Iterable[int | float | None]], order: Sequence[str], count: int = 3
) -> list[Gap]:
    """The principles with the weakest evidence, weakest first.

    `evidence` maps a principle slug to the grades of the answers that probed it
    (None for unanswered); `order` lists every principle. A principle no answer
    probed is weakest of all; ties go to the principle with fewer answers, then
    to its place in `order`, so the result never depends on dict order.
    """
    gaps = []
    for place, slug in enumerate(order):
        grades = [MISSING_GRADE if g is None else float(g) for g in evidence.get(slug, ())]
        mean = sum(grades) / len(grades) if grades else None
        gaps.append(
            (mean if mean is not None else 0.0, len(grades), place, Gap(slug, mean, len(grades)))
        )
    gaps.sort(key=lambda item: item[:3])
    return [gap for *_, gap in gaps[:count]]
