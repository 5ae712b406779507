"""What the coach said about a candidate's answers, in an export (to read and keep).

Export only: a review is a cache of one model's reply, checked when it came (every number
of the rewrite looked up in the answer). An imported one would skip that check and show
text no model on this server wrote; asking this server's coach again makes a real one.
"""

from __future__ import annotations

from loopcoach.web.coach.models import CoachReview
from loopcoach.web.portability.registry import portable

portable(
    CoachReview,
    owner="user",
    name="coach_reviews",
    fields=("attempt", "model", "result", "created_at", "updated_at"),
    export_only=True,
)
