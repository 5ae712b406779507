"""Mock loops, their rounds and drawn questions in an export (the answers are attempts)."""

from __future__ import annotations

from loopcoach.web.loops.models import LoopQuestion, LoopRoundSession, MockLoop
from loopcoach.web.portability.registry import portable

portable(MockLoop, owner="user", name="mock_loops")
portable(LoopRoundSession, owner="loop__user", name="loop_rounds")
portable(LoopQuestion, owner="session__loop__user", name="loop_questions")
