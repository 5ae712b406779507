"""What the practice answer boxes say: a first answer, a revision, a follow-up answer."""

from __future__ import annotations

from dataclasses import dataclass

from loopcoach.web.answering.forms import AnswerForm
from loopcoach.web.practice.design_feedback import HEADINGS, RUBRIC

STORY_HINT = "Situation, task, the actions you took yourself, and the result, with numbers."
DESIGN_HINT = (
    "Requirements first, then estimates, the API, the data model, the design, how it scales, "
    "the trade-offs and how you run it. Headings are optional."
)
NARRATIVE_HINT = (
    "Paste or write the document: purpose up front, the problem with data, the proposal, "
    "alternatives, FAQ. Up to six pages."
)


@dataclass(frozen=True)
class Wording:
    label: str
    rows: int
    placeholder: str
    button: str


@dataclass(frozen=True)
class Wordings:
    answer: Wording = Wording("Your answer", 12, STORY_HINT, "Get feedback")
    revise: Wording = Wording("Your revised answer", 12, STORY_HINT, "Resubmit")
    follow_up: Wording = Wording(
        "Your answer to the follow-up",
        7,
        "Answer as you would in the room: what exactly did you do, and why?",
        "Submit follow-up",
    )

    design: Wording = Wording("Your design", 22, DESIGN_HINT, "Get feedback")
    narrative: Wording = Wording("Your document", 24, NARRATIVE_HINT, "Review my writing")

    def of(self, *, parent: object = None, revision_of: object = None, kind: str = "") -> Wording:
        """The wording of a box answering a follow-up (`parent`), revising, or answering (a
        design or a document has its own, larger box)."""
        if parent is not None:
            return self.follow_up
        if kind == "design":
            return self.design
        if kind == "narrative":
            return self.narrative
        return self.revise if revision_of is not None else self.answer


WORDINGS = Wordings()


def answer_boxes() -> dict:
    """What every page with answer boxes passes to them: the form (its field sets the limit)
    and the wordings, which each box picks by what it answers."""
    return {
        "answer_form": AnswerForm(),
        "wording": WORDINGS,
        "design_headings": HEADINGS,
        "design_rubric": [(key, name) for key, (name, _) in RUBRIC.items()],
    }
