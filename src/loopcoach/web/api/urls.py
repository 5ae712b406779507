"""The one NinjaAPI at /api/v1/: it mounts the router each app owns in its api.py.

Apps import only the shared helpers of this package (auth, errors, pagination,
parser, schemas); this module is the only one here that imports the apps.
"""

from __future__ import annotations

from django.urls import path
from ninja import NinjaAPI

from loopcoach.web.accounts.api import router as accounts
from loopcoach.web.api.errors import install_handlers
from loopcoach.web.api.parser import ApiParser
from loopcoach.web.coach.api import router as coach
from loopcoach.web.cohorts.api import router as cohorts
from loopcoach.web.guides.api import router as guides
from loopcoach.web.loops.api import router as loops
from loopcoach.web.offers.api import router as offers
from loopcoach.web.planner.api import router as planner
from loopcoach.web.practice.api import router as practice
from loopcoach.web.questions.api import router as questions
from loopcoach.web.reports.api import router as reports
from loopcoach.web.stories.api import router as stories
from loopcoach.web.tasks.api import router as tasks
from loopcoach.web.voice.api import router as voice

api = NinjaAPI(
    title="loopcoach API",
    version="1",
    description=(
        "Guides, the question bank, instant feedback on answers, and a candidate's own "
        "practice, stories, mock loops and plans. Private endpoints take a personal API token "
        "(`Authorization: Bearer lc_…`, from /accounts/) or a browser session with its CSRF "
        'token on writes. Every error is `{"error": code, "message": text}`.'
    ),
    parser=ApiParser(),
    urls_namespace="api",
)
install_handlers(api)
for router in (
    guides,
    questions,
    practice,
    coach,
    stories,
    loops,
    offers,
    planner,
    accounts,
    tasks,
    reports,
    cohorts,
    voice,
):
    api.add_router("", router)

urlpatterns = [path("", api.urls)]
