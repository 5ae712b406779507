"""Mock-loop rules, pure Python (no Django): drawing the questions and deciding the debrief.

`draw_questions` picks two or three questions per round so that every principle
assigned to the round is probed; `round_vote`, `loop_decision` and
`biggest_gaps` turn the graded answers into each interviewer's vote, the Bar
Raiser's veto, the overall decision and what to practise next.
"""

from __future__ import annotations

from loopcoach.loops.decision import (
    Decision,
    Outcome,
    RoundVerdict,
    Vote,
    biggest_gaps,
    loop_decision,
    question_grade,
    round_vote,
)
from loopcoach.loops.draw import BankQuestion, RoundDraw, RoundSpec, draw_questions

__all__ = [
    "BankQuestion",
    "Decision",
    "Outcome",
    "RoundDraw",
    "RoundSpec",
    "RoundVerdict",
    "Vote",
    "biggest_gaps",
    "draw_questions",
    "loop_decision",
    "question_grade",
    "round_vote",
]
