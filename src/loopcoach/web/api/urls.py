from django.urls import path

from loopcoach.web.api import offer_views, views
from loopcoach.web.loops import api as loops_api
from loopcoach.web.practice import api as practice_api
from loopcoach.web.stories import api as stories_api

app_name = "api"
urlpatterns = [
    path("openapi.json", views.openapi, name="openapi"),
    path("guides", views.guide_list, name="guides"),
    path("guides/<slug:company>/<slug:role>", views.guide_detail, name="guide"),
    path("questions", views.question_list, name="questions"),
    path("questions/<int:pk>", views.question_detail, name="question"),
    path("offers/calculate", offer_views.offers_calculate, name="offers_calculate"),
    path("market-bands", offer_views.market_bands, name="market_bands"),
    path("plans", offer_views.plans_create, name="plans"),
    path("plans/<int:pk>", offer_views.plan_detail, name="plan"),
    path("plans/<int:pk>.ics", offer_views.plan_ics, name="plan_ics"),
    path("analyze", practice_api.analyze_answer, name="analyze"),
    path("attempts", practice_api.attempt_collection, name="attempts"),
    path("attempts/<int:pk>", practice_api.attempt_item, name="attempt"),
    path(
        "attempts/<int:pk>/follow-ups", practice_api.follow_up_collection, name="attempt_follow_ups"
    ),
    path("reviews/due", practice_api.reviews_due, name="reviews_due"),
    path("stories", stories_api.story_collection, name="stories"),
    path("stories/coverage", stories_api.story_coverage, name="story_coverage"),
    path("stories/<int:pk>", stories_api.story_item, name="story"),
    path("loops", loops_api.loop_collection, name="loops"),
    path("loops/<int:pk>", loops_api.loop_item, name="loop"),
    path("loops/<int:pk>/answers", loops_api.loop_answer, name="loop_answers"),
    path("loops/<int:pk>/end", loops_api.loop_end, name="loop_end"),
    path("loops/<int:pk>/debrief", loops_api.loop_debrief_view, name="loop_debrief"),
]
