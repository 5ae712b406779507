"""The bank's matcher: reported or searched wordings ranked against every active question.

Built once per process from the active questions, their reported variants
(and the packs' concept map), and rebuilt when a question is added, edited or
retired or a variant is added: the key is the number of active questions, the
last time one changed and the newest variant, read with two small queries.
"""

from __future__ import annotations

from functools import lru_cache

from django.db.models import Count, Max

from loopcoach.content import PACKS_DIR
from loopcoach.content.concepts import all_concepts
from loopcoach.search.concepts import ConceptMap
from loopcoach.search.matcher import QuestionMatcher
from loopcoach.web.questions.models import Question, QuestionVariant

_built: dict[tuple, QuestionMatcher] = {}


@lru_cache(maxsize=1)
def bank_concepts() -> ConceptMap:
    """The concept maps of every company's pack, read once per process."""
    return all_concepts(PACKS_DIR)


def bank_matcher() -> QuestionMatcher:
    """A matcher over the active questions: `rank(text, k)` gives `[(question id, similarity)]`."""
    active = Question.objects.active()
    variants = QuestionVariant.objects.filter(question__retired=False)
    version = (
        *active.aggregate(count=Count("id"), changed=Max("updated_at")).values(),
        *variants.aggregate(count=Count("id"), newest=Max("id")).values(),
    )
    if version not in _built:
        _built.clear()
        wordings = [*active.values_list("id", "text"), *variants.values_list("question_id", "text")]
        _built[version] = QuestionMatcher(wordings, bank_concepts())
    return _built[version]
