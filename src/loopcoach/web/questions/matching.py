"""The bank's matcher: reported or searched wordings ranked against every active question.

Built once per process from the active questions, their reported variants
(and the packs' concept map), and rebuilt when a question or a variant is
added, edited or retired: the key is
the content version (`loopcoach.web.core.pagecache`), which every question
save bumps, read with one primary-key query (counting a bank of 100,000
questions on every search took longer than the search).
"""

from __future__ import annotations

import threading
from functools import lru_cache

from loopcoach.content import PACKS_DIR
from loopcoach.content.concepts import all_concepts
from loopcoach.search.concepts import ConceptMap
from loopcoach.search.matcher import QueryRepairer, QuestionMatcher
from loopcoach.web.core.pagecache import content_version
from loopcoach.web.questions.models import Question, QuestionVariant

_built: dict[int, QuestionMatcher] = {}
_repairers: dict[int, QueryRepairer] = {}
# One thread builds while the others wait: eight threads of a process building the same
# index at once took eight times the memory and the CPU.
_building = threading.Lock()


@lru_cache(maxsize=1)
def bank_concepts() -> ConceptMap:
    """The concept maps of every company's pack, read once per process."""
    return all_concepts(PACKS_DIR)


def bank_matcher() -> QuestionMatcher:
    """A matcher over the active questions: `rank(text, k)` gives `[(question id, similarity)]`."""
    active = Question.objects.active()
    version = content_version()
    with _building:
        if version not in _built:
            _built.clear()
            variants = QuestionVariant.objects.filter(question__retired=False)
            wordings = [
                *active.values_list("id", "text"),
                *variants.values_list("question_id", "text"),
            ]
            _built[version] = QuestionMatcher(wordings, bank_concepts())
        return _built[version]


def bank_repairer() -> QueryRepairer:
    """The bank's words, to repair a search's typos ("tecnical debt"), rebuilt like the matcher."""
    version = content_version()
    with _building:
        if version not in _repairers:
            _repairers.clear()
            texts = Question.objects.active().values_list("text", flat=True).iterator(2000)
            _repairers[version] = QueryRepairer(texts, bank_concepts())
        return _repairers[version]
