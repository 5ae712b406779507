"""The OpenAPI 3.1 description of /api/v1/, served at /api/v1/openapi.json.

Kept by hand next to the views; `tests/web/test_api_openapi.py` checks that
every API route is described here and every described path resolves.
"""

from __future__ import annotations

from loopcoach import __version__
from loopcoach.web.practice import openapi as practice_openapi

ERROR = {"$ref": "#/components/schemas/Error"}


def _json(schema: dict, description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _query(name: str, description: str, schema: dict | None = None) -> dict:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema or {"type": "string"},
    }


def _path(name: str, description: str, schema: dict | None = None) -> dict:
    return {
        "name": name,
        "in": "path",
        "required": True,
        "description": description,
        "schema": schema or {"type": "string"},
    }


SCHEMAS = {
    "Error": {
        "type": "object",
        "required": ["error", "message"],
        "properties": {"error": {"type": "string"}, "message": {"type": "string"}},
    },
    "GuideSummary": {
        "type": "object",
        "properties": {
            "id": {"type": "string", "examples": ["amazon/engineering-manager"]},
            "company": {"type": "object"},
            "role": {"type": "object"},
            "title": {"type": "string"},
            "tagline": {"type": "string"},
            "url": {"type": "string"},
        },
    },
    "Guide": {
        "allOf": [
            {"$ref": "#/components/schemas/GuideSummary"},
            {
                "type": "object",
                "properties": {
                    "sections": {
                        "type": "object",
                        "description": "overview, getting_ready, deep_dives, responsibilities, "
                        "requirements, faq, tips, summary, compensation, related",
                    },
                    "process": {
                        "type": "object",
                        "description": "stages (the timeline) and loop (round length, rounds)",
                    },
                    "principles": {"type": "array", "items": {"type": "object"}},
                    "question_count": {"type": "integer"},
                },
            },
        ]
    },
    "Question": {
        "type": "object",
        "properties": {
            "id": {"type": "integer"},
            "key": {"type": "string"},
            "text": {"type": "string"},
            "guide": {"type": "string"},
            "category": {
                "type": "string",
                "enum": ["behavioral", "system-design", "management", "execution", "writing"],
            },
            "category_name": {"type": "string"},
            "principles": {"type": "array", "items": {"type": "string"}},
            "round": {"type": ["string", "null"]},
            "deep_dive": {"type": ["string", "null"]},
            "source": {"type": "string", "enum": ["seed", "editorial", "candidate"]},
            "source_name": {"type": "string"},
            "guidance": {"type": "string"},
            "times_reported": {"type": "integer"},
            "last_reported": {"type": ["string", "null"], "format": "date"},
            "url": {"type": "string"},
        },
    },
    "QuestionPage": {
        "type": "object",
        "properties": {
            "count": {"type": "integer"},
            "page": {"type": "integer"},
            "pages": {"type": "integer"},
            "next": {"type": ["integer", "null"]},
            "previous": {"type": ["integer", "null"]},
            "results": {"type": "array", "items": {"$ref": "#/components/schemas/Question"}},
        },
    },
    # Story bank and mock loops (issue 5)
    "StoryInput": {
        "type": "object",
        "required": ["title"],
        "properties": {
            "title": {"type": "string", "maxLength": 200},
            "when": {"type": "string", "maxLength": 120},
            "situation": {"type": "string"},
            "task": {"type": "string"},
            "action": {"type": "string"},
            "result": {"type": "string"},
            "reflection": {"type": "string"},
            "principles": {
                "type": "array",
                "items": {"type": "string"},
                "description": "Confirmed principle slugs",
            },
        },
    },
    "Story": {
        "allOf": [
            {"$ref": "#/components/schemas/StoryInput"},
            {
                "type": "object",
                "properties": {
                    "id": {"type": "integer"},
                    "grade": {"type": ["integer", "null"], "minimum": 1, "maximum": 4},
                    "suggested_principles": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "properties": {
                                "slug": {"type": "string"},
                                "name": {"type": "string"},
                                "score": {"type": "number"},
                            },
                        },
                    },
                    "feedback": {
                        "type": "object",
                        "description": "strengths, improvements, follow_ups, error",
                    },
                    "url": {"type": "string"},
                    "created_at": {"type": "string", "format": "date-time"},
                    "updated_at": {"type": "string", "format": "date-time"},
                },
            },
        ]
    },
    "StoryCoverage": {
        "type": "object",
        "properties": {
            "principles": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "slug": {"type": "string"},
                        "name": {"type": "string"},
                        "stories": {"type": "array", "items": {"type": "integer"}},
                        "gap": {"type": "boolean"},
                    },
                },
            },
            "stories": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "id": {"type": "integer"},
                        "title": {"type": "string"},
                        "principles": {"type": "array"},
                        "uses": {"type": "integer"},
                        "stretched": {"type": "boolean"},
                        "overused": {"type": "boolean"},
                    },
                },
            },
            "gaps": {"type": "array", "items": {"type": "string"}},
            "covered": {"type": "integer"},
        },
    },
    "LoopQuestion": {
        "type": "object",
        "properties": {
            "question_id": {"type": "integer"},
            "text": {"type": "string"},
            "principles": {"type": "array", "items": {"type": "string"}},
            "state": {"type": "string", "enum": ["unanswered", "follow-up", "done"]},
            "answer": {"type": ["string", "null"]},
            "grade": {"type": ["integer", "null"]},
            "follow_up": {"type": ["string", "null"]},
            "follow_up_answer": {"type": ["string", "null"]},
            "final_grade": {"type": ["integer", "null"]},
        },
    },
    "Loop": {
        "type": "object",
        "properties": {
            "id": {"type": "integer"},
            "guide": {"type": "string"},
            "status": {"type": "string", "enum": ["in-progress", "finished"]},
            "seed": {"type": "integer"},
            "round_minutes": {"type": "integer"},
            "rounds": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "order": {"type": "integer"},
                        "slug": {"type": "string"},
                        "name": {"type": "string"},
                        "interviewer": {"type": "string"},
                        "bar_raiser": {"type": "boolean"},
                        "principles": {"type": "array", "items": {"type": "string"}},
                        "state": {
                            "type": "string",
                            "enum": ["not-started", "running", "paused", "finished"],
                        },
                        "seconds_left": {"type": "integer"},
                        "questions": {
                            "type": "array",
                            "items": {"$ref": "#/components/schemas/LoopQuestion"},
                        },
                    },
                },
            },
        },
    },
    "Debrief": {
        "type": "object",
        "properties": {
            "decision": {
                "type": "object",
                "properties": {
                    "outcome": {"type": "string", "enum": ["offer", "no-offer"]},
                    "vetoed": {"type": "boolean"},
                    "reasons": {"type": "array", "items": {"type": "string"}},
                },
            },
            "rounds": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "name": {"type": "string"},
                        "bar_raiser": {"type": "boolean"},
                        "vote": {
                            "type": "string",
                            "enum": ["strong-hire", "hire", "no-hire", "strong-no-hire"],
                        },
                        "mean_grade": {"type": ["number", "null"]},
                        "reason": {"type": "string"},
                        "evidence": {
                            "type": "array",
                            "description": "Per principle: the answers' grades and quotes",
                        },
                    },
                },
            },
            "gaps": {
                "type": "array",
                "description": "The three principles with the weakest evidence",
            },
            "next_steps": {"type": "array", "items": {"type": "string"}},
        },
    },
}

PATHS: dict[str, dict] = {
    "/api/v1/guides": {
        "get": {
            "summary": "List the guides (company × role)",
            "operationId": "listGuides",
            "responses": {
                "200": _json(
                    {
                        "type": "object",
                        "properties": {
                            "results": {
                                "type": "array",
                                "items": {"$ref": "#/components/schemas/GuideSummary"},
                            }
                        },
                    },
                    "The guides",
                )
            },
        }
    },
    "/api/v1/guides/{company}/{role}": {
        "get": {
            "summary": "One guide with every section, its "
            "principles, process stages and loop rounds",
            "operationId": "getGuide",
            "parameters": [
                _path("company", "Company slug, e.g. amazon"),
                _path("role", "Role slug, e.g. engineering-manager"),
            ],
            "responses": {
                "200": _json({"$ref": "#/components/schemas/Guide"}, "The guide"),
                "404": _json(ERROR, "No such guide"),
            },
        }
    },
    "/api/v1/questions": {
        "get": {
            "summary": "Search and filter the question bank (paged)",
            "operationId": "listQuestions",
            "parameters": [
                _query("q", "Full-text search (stemmed; the last word matches as a prefix)"),
                _query("category", "behavioral, system-design, management, execution or writing"),
                _query("principle", "A principle slug, e.g. dive-deep"),
                _query("round", "A loop round slug, e.g. bar-raiser"),
                _query("guide", "A guide id, e.g. amazon/engineering-manager"),
                _query("source", "seed, editorial or candidate"),
                _query("page", "Page number, from 1", {"type": "integer", "minimum": 1}),
            ],
            "responses": {
                "200": _json(
                    {"$ref": "#/components/schemas/QuestionPage"}, "One page of questions"
                ),
                "400": _json(ERROR, "A malformed parameter"),
                "404": _json(ERROR, "A page past the last one"),
            },
        }
    },
    "/api/v1/questions/{id}": {
        "get": {
            "summary": "One question",
            "operationId": "getQuestion",
            "parameters": [_path("id", "Question id", {"type": "integer"})],
            "responses": {
                "200": _json({"$ref": "#/components/schemas/Question"}, "The question"),
                "404": _json(ERROR, "No such question"),
            },
        }
    },
    # Story bank and mock loops (issue 5): private to the signed-in user or the API token's owner;
    # another user's id answers 404 like a missing one.
    "/api/v1/stories": {
        "get": {
            "summary": "Your stories",
            "operationId": "listStories",
            "responses": {
                "200": _json(
                    {
                        "type": "object",
                        "properties": {
                            "results": {
                                "type": "array",
                                "items": {"$ref": "#/components/schemas/Story"},
                            }
                        },
                    },
                    "Your stories",
                ),
                "401": _json(ERROR, "Not signed in"),
            },
        },
        "post": {
            "summary": "Write a story; the analyzer suggests principles",
            "operationId": "createStory",
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/StoryInput"}}
                },
            },
            "responses": {
                "201": _json({"$ref": "#/components/schemas/Story"}, "The new story"),
                "400": _json(ERROR, "A missing title, a bad field or an unknown principle"),
                "401": _json(ERROR, "Not signed in"),
            },
        },
    },
    "/api/v1/stories/coverage": {
        "get": {
            "summary": "The principles × stories matrix: gaps, stretched and overused stories",
            "operationId": "storyCoverage",
            "responses": {
                "200": _json({"$ref": "#/components/schemas/StoryCoverage"}, "Coverage"),
                "401": _json(ERROR, "Not signed in"),
            },
        }
    },
    "/api/v1/stories/{id}": {
        "parameters": [_path("id", "Story id", {"type": "integer"})],
        "get": {
            "summary": "One story with its feedback",
            "operationId": "getStory",
            "responses": {
                "200": _json({"$ref": "#/components/schemas/Story"}, "The story"),
                "404": _json(ERROR, "No such story of yours"),
            },
        },
        "put": {
            "summary": "Replace a story (fields left out become empty)",
            "operationId": "replaceStory",
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/StoryInput"}}
                },
            },
            "responses": {
                "200": _json({"$ref": "#/components/schemas/Story"}, "The story"),
                "400": _json(ERROR, "A bad field"),
                "404": _json(ERROR, "No such story of yours"),
            },
        },
        "patch": {
            "summary": "Change some fields of a story",
            "operationId": "updateStory",
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/StoryInput"}}
                },
            },
            "responses": {
                "200": _json({"$ref": "#/components/schemas/Story"}, "The story"),
                "400": _json(ERROR, "A bad field"),
                "404": _json(ERROR, "No such story of yours"),
            },
        },
        "delete": {
            "summary": "Delete a story",
            "operationId": "deleteStory",
            "responses": {
                "200": _json({"type": "object"}, "Deleted"),
                "404": _json(ERROR, "No such story of yours"),
            },
        },
    },
    "/api/v1/loops": {
        "get": {
            "summary": "Your mock loops",
            "operationId": "listLoops",
            "responses": {
                "200": _json({"type": "object"}, "Your loops"),
                "401": _json(ERROR, "Not signed in"),
            },
        },
        "post": {
            "summary": "Start a mock loop: rounds, assigned principles and drawn questions",
            "operationId": "startLoop",
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {
                        "schema": {
                            "type": "object",
                            "required": ["guide"],
                            "properties": {
                                "guide": {
                                    "type": "string",
                                    "examples": ["amazon/engineering-manager"],
                                },
                                "length": {
                                    "type": "string",
                                    "enum": ["practice", "real"],
                                    "default": "practice",
                                },
                                "seed": {
                                    "type": "integer",
                                    "description": "Fixes the question draw",
                                },
                            },
                        }
                    }
                },
            },
            "responses": {
                "201": _json({"$ref": "#/components/schemas/Loop"}, "The new loop"),
                "400": _json(ERROR, "An unknown guide or a bad field"),
                "409": _json(ERROR, "Too many unfinished loops"),
            },
        },
    },
    "/api/v1/loops/{id}": {
        "get": {
            "summary": "A mock loop's rounds, timers and questions",
            "operationId": "getLoop",
            "parameters": [_path("id", "Loop id", {"type": "integer"})],
            "responses": {
                "200": _json({"$ref": "#/components/schemas/Loop"}, "The loop"),
                "404": _json(ERROR, "No such loop of yours"),
            },
        }
    },
    "/api/v1/loops/{id}/answers": {
        "post": {
            "summary": "Answer a drawn question; posting "
            "again to the same question answers its follow-up",
            "operationId": "answerLoopQuestion",
            "parameters": [_path("id", "Loop id", {"type": "integer"})],
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {
                        "schema": {
                            "type": "object",
                            "required": ["question_id", "answer"],
                            "properties": {
                                "question_id": {"type": "integer"},
                                "answer": {"type": "string"},
                            },
                        }
                    }
                },
            },
            "responses": {
                "201": _json(
                    {
                        "allOf": [
                            {"$ref": "#/components/schemas/LoopQuestion"},
                            {
                                "type": "object",
                                "properties": {
                                    "analysis": {"type": ["object", "null"]},
                                    "loop_status": {"type": "string"},
                                },
                            },
                        ]
                    },
                    "The analysed answer",
                ),
                "400": _json(ERROR, "An empty, too long or non-text answer"),
                "404": _json(ERROR, "No such loop of yours, or the question is not in it"),
                "409": _json(ERROR, "Already answered, or the round's time is up"),
            },
        }
    },
    "/api/v1/loops/{id}/end": {
        "post": {
            "summary": "End the loop now (unanswered questions "
            "count as no evidence) and return the debrief",
            "operationId": "endLoop",
            "parameters": [_path("id", "Loop id", {"type": "integer"})],
            "responses": {
                "200": _json({"$ref": "#/components/schemas/Debrief"}, "The debrief"),
                "404": _json(ERROR, "No such loop of yours"),
            },
        }
    },
    "/api/v1/loops/{id}/debrief": {
        "get": {
            "summary": "Each interviewer's vote and evidence, "
            "the Bar Raiser's veto, the decision, the gaps",
            "operationId": "getLoopDebrief",
            "parameters": [_path("id", "Loop id", {"type": "integer"})],
            "responses": {
                "200": _json({"$ref": "#/components/schemas/Debrief"}, "The debrief"),
                "404": _json(ERROR, "No such loop of yours"),
                "409": _json(ERROR, "The loop is not over yet"),
            },
        }
    },
}


# Answer analysis, attempts and reviews (issue 4) are described next to their views.
PATHS.update(practice_openapi.PATHS)
SCHEMAS.update(practice_openapi.SCHEMAS)


# Offers, market bands and preparation plans (issue 6). Money is a string of
# dollars with two decimals ("185000.00") so that no client rounds it as a float.
MONEY = {"type": "string", "pattern": r"^-?\d+\.\d{2}$", "examples": ["185000.00"]}
_AMOUNT = {"type": ["number", "string"], "description": 'US dollars; "$185,000" is accepted too'}
_YEAR_ROW = {
    "type": "object",
    "properties": {
        "year": {"type": "integer"},
        "base": MONEY,
        "bonus": MONEY,
        "sign_on": MONEY,
        "stock": MONEY,
        "total": MONEY,
    },
}
SCHEMAS.update(
    {
        "OfferInput": {
            "type": "object",
            "required": ["base_salary"],
            "properties": {
                "name": {"type": "string", "maxLength": 80},
                "base_salary": {
                    **_AMOUNT,
                    "description": "Yearly base salary, more than 0 and at most 10,000,000",
                },
                "raise_percent": {
                    **_AMOUNT,
                    "description": "Yearly raise in percent, compounding at each anniversary",
                },
                "bonus_percent": {
                    **_AMOUNT,
                    "description": "Annual target bonus, percent of base, paid at each anniversary",
                },
                "sign_on_year1": _AMOUNT,
                "sign_on_year2": _AMOUNT,
                "sign_on_payment": {
                    "type": "string",
                    "enum": ["monthly", "upfront"],
                    "default": "monthly",
                },
                "grant_value": {
                    **_AMOUNT,
                    "description": "RSU grant's total value, at most 100,000,000",
                },
                "grant_units": {
                    "type": ["integer", "string"],
                    "description": "Instead of grant_value: units × share_price",
                },
                "share_price": {
                    **_AMOUNT,
                    "description": "Share price at grant; required with grant_units",
                },
                "vesting": {
                    "type": "string",
                    "enum": ["amazon", "amazon-quarterly", "even-cliff", "custom"],
                    "default": "amazon",
                },
                "custom_percents": {
                    "type": ["array", "string"],
                    "items": {"type": ["number", "string"]},
                    "description": "For vesting=custom: percent "
                    "per year (1–4 years), adding up to 100",
                },
                "custom_frequency": {
                    "type": "string",
                    "enum": ["annual", "semiannual", "quarterly", "monthly"],
                },
                "price_scenario": {
                    "type": "string",
                    "enum": ["flat", "growing", "falling"],
                    "default": "flat",
                },
                "price_change_percent": {
                    **_AMOUNT,
                    "description": "Yearly change of the share price, 0–100",
                },
            },
        },
        "OfferResult": {
            "type": "object",
            "properties": {
                "offer": {
                    "type": "object",
                    "description": "The offer as understood, amounts rounded to cents",
                },
                "schedule": {
                    "type": "object",
                    "properties": {
                        "slug": {"type": "string"},
                        "label": {"type": "string"},
                        "description": {"type": "string"},
                        "vests": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "properties": {
                                    "month": {"type": "integer"},
                                    "percent": {"type": "string"},
                                },
                            },
                        },
                    },
                },
                "years": {"type": "array", "items": _YEAR_ROW},
                "total": {
                    "type": "object",
                    "description": "Four-year sums: base, bonus, sign_on, stock, total",
                },
                "months": {
                    "type": "array",
                    "description": "48 months: base, bonus, sign_on, stock, total, and "
                    "share_price and shares when the share price is known",
                    "items": {"type": "object"},
                },
                "claw_back": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {
                            "after_month": {"type": "integer"},
                            "received": MONEY,
                            "owe": MONEY,
                        },
                    },
                },
            },
        },
        "FieldErrors": {
            "type": "object",
            "required": ["error", "message", "fields"],
            "properties": {
                "error": {"type": "string", "examples": ["invalid"]},
                "message": {"type": "string"},
                "fields": {
                    "type": "object",
                    "additionalProperties": {"type": "string"},
                    "examples": [
                        {
                            "base_salary": "is required",
                            "offers.1.custom_percents": "add up to 90%, not 100%",
                        }
                    ],
                },
            },
        },
        "MarketBand": {
            "type": "object",
            "properties": {
                "company": {"type": "string"},
                "level": {"type": "string"},
                "location": {"type": "string"},
                "count": {"type": "integer", "minimum": 5},
                "years": {"type": "array", "items": {"type": "integer"}},
                **{
                    metric: {
                        "type": "object",
                        "properties": {"p25": MONEY, "p50": MONEY, "p75": MONEY},
                    }
                    for metric in ("total", "base", "stock", "bonus")
                },
            },
        },
        "PlanInput": {
            "type": "object",
            "required": ["loop_date"],
            "properties": {
                "loop_date": {
                    "type": "string",
                    "format": "date",
                    "description": "After today, within a year",
                },
                "phone_screen": {
                    "type": ["string", "null"],
                    "format": "date",
                    "description": "Before the loop",
                },
                "guide": {"type": ["string", "null"], "examples": ["amazon/engineering-manager"]},
                "weekly": {"type": "boolean", "default": False},
            },
        },
        "Plan": {
            "type": "object",
            "properties": {
                "id": {"type": "integer"},
                "guide": {"type": ["string", "null"]},
                "loop_date": {"type": "string", "format": "date"},
                "phone_screen": {"type": ["string", "null"], "format": "date"},
                "starts_on": {"type": "string", "format": "date"},
                "weekly": {"type": "boolean"},
                "revision": {"type": "integer"},
                "progress": {
                    "type": "object",
                    "properties": {
                        "done": {"type": "integer"},
                        "total": {"type": "integer"},
                        "percent": {"type": "integer"},
                        "overdue": {"type": "array", "items": {"type": "string"}},
                    },
                },
                "days": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {
                            "date": {"type": "string", "format": "date"},
                            "items": {
                                "type": "array",
                                "items": {
                                    "type": "object",
                                    "properties": {
                                        "key": {"type": "string"},
                                        "title": {"type": "string"},
                                        "detail": {"type": "string"},
                                        "kind": {
                                            "type": "string",
                                            "enum": [
                                                "story",
                                                "design",
                                                "practice",
                                                "reviews",
                                                "mock",
                                                "phone-prep",
                                                "rest",
                                                "phone-screen",
                                                "loop",
                                            ],
                                        },
                                        "event": {"type": "boolean"},
                                        "done": {"type": "boolean"},
                                        "links": {"type": "array", "items": {"type": "object"}},
                                    },
                                },
                            },
                        },
                    },
                },
                "url": {"type": "string"},
                "ics_url": {"type": "string"},
            },
        },
    }
)
_FIELD_ERRORS = {"$ref": "#/components/schemas/FieldErrors"}
_PLAN_ID = _path("id", "Plan id", {"type": "integer"})
_PRIVATE = (
    "Plans are private: send the session cookie or `Authorization: Bearer <API token>`; another "
    "user's plan answers 404 exactly like a missing one."
)
PATHS.update(
    {
        "/api/v1/offers/calculate": {
            "post": {
                "summary": (
                    "Calculate one offer, or compare up to three: "
                    "yearly and monthly pay over four years"
                ),
                "description": (
                    'Stateless; nothing is stored. Send one offer object, or {"offers": [up to 3]} '
                    "to get each result and a year-by-year comparison."
                ),
                "operationId": "calculateOffer",
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": {
                                "oneOf": [
                                    {"$ref": "#/components/schemas/OfferInput"},
                                    {
                                        "type": "object",
                                        "required": ["offers"],
                                        "properties": {
                                            "offers": {
                                                "type": "array",
                                                "minItems": 1,
                                                "maxItems": 3,
                                                "items": {
                                                    "$ref": "#/components/schemas/OfferInput"
                                                },
                                            }
                                        },
                                    },
                                ]
                            }
                        }
                    },
                },
                "responses": {
                    "200": _json(
                        {
                            "oneOf": [
                                {"$ref": "#/components/schemas/OfferResult"},
                                {
                                    "type": "object",
                                    "properties": {
                                        "offers": {
                                            "type": "array",
                                            "items": {"$ref": "#/components/schemas/OfferResult"},
                                        },
                                        "comparison": {
                                            "type": "array",
                                            "items": {
                                                "type": "object",
                                                "properties": {
                                                    "label": {"type": "string"},
                                                    "values": {"type": "array", "items": MONEY},
                                                    "best": {"type": "integer"},
                                                },
                                            },
                                        },
                                    },
                                },
                            ]
                        },
                        "The breakdown",
                    ),
                    "400": _json(
                        _FIELD_ERRORS,
                        "Bad or implausible fields, e.g. a schedule not adding up to 100%",
                    ),
                    "415": _json(ERROR, "The body is not application/json"),
                },
            }
        },
        "/api/v1/market-bands": {
            "get": {
                "summary": "p25/p50/p75 of yearly pay per company, "
                "level and location (≥ 5 data points each)",
                "operationId": "listMarketBands",
                "parameters": [
                    _query("company", "Company name or slug, e.g. amazon"),
                    _query("level", "Level, e.g. L6 (exact, any case)"),
                    _query("location", "Part of the location, e.g. Seattle"),
                ],
                "responses": {
                    "200": _json(
                        {
                            "type": "object",
                            "properties": {
                                "min_points": {"type": "integer"},
                                "results": {
                                    "type": "array",
                                    "items": {"$ref": "#/components/schemas/MarketBand"},
                                },
                            },
                        },
                        "The bands",
                    )
                },
            }
        },
        "/api/v1/plans": {
            "post": {
                "summary": "Make a preparation plan from today to the loop",
                "description": _PRIVATE,
                "operationId": "createPlan",
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/PlanInput"}}
                    },
                },
                "responses": {
                    "201": _json({"$ref": "#/components/schemas/Plan"}, "The new plan"),
                    "400": _json(
                        _FIELD_ERRORS, "A loop date in the past, a phone screen after the loop, …"
                    ),
                    "401": _json(ERROR, "Not logged in"),
                    "409": _json(ERROR, "Too many plans"),
                    "415": _json(ERROR, "The body is not application/json"),
                },
            }
        },
        "/api/v1/plans/{id}": {
            "get": {
                "summary": "One of your plans: its days, items and progress",
                "description": _PRIVATE,
                "operationId": "getPlan",
                "parameters": [_PLAN_ID],
                "responses": {
                    "200": _json({"$ref": "#/components/schemas/Plan"}, "The plan"),
                    "401": _json(ERROR, "Not logged in"),
                    "404": _json(ERROR, "No such plan of yours"),
                },
            }
        },
        "/api/v1/plans/{id}.ics": {
            "get": {
                "summary": "One of your plans as iCalendar: "
                "all-day events to import into a calendar app",
                "description": _PRIVATE,
                "operationId": "getPlanCalendar",
                "parameters": [_PLAN_ID],
                "responses": {
                    "200": {
                        "description": "The calendar",
                        "content": {"text/calendar": {"schema": {"type": "string"}}},
                    },
                    "401": _json(ERROR, "Not logged in"),
                    "404": _json(ERROR, "No such plan of yours"),
                },
            }
        },
    }
)


def openapi_document() -> dict:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "loopcoach API",
            "version": __version__,
            "description": "Guides, questions and answer feedback of a self-hosted loopcoach.",
        },
        "servers": [{"url": "/"}],
        "paths": PATHS,
        "components": {"schemas": SCHEMAS, "securitySchemes": practice_openapi.SECURITY_SCHEMES},
    }
