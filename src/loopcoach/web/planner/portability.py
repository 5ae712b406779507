from __future__ import annotations

from loopcoach.web.planner.models import Plan
from loopcoach.web.portability.registry import portable

portable(Plan, owner="owner", name="plans")
