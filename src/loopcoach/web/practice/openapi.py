"""OpenAPI of the analyze, attempts and reviews endpoints; merged into /api/v1/openapi.json."""

from __future__ import annotations

ERROR = {"$ref": "#/components/schemas/Error"}
AUTH: list[dict[str, list[str]]] = [{"bearerToken": []}, {"session": []}]
UNAUTHORIZED = {
    "401": {
        "description": "No valid API token or session",
        "content": {"application/json": {"schema": ERROR}},
    }
}


def _json(schema: dict, description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _body(schema: dict) -> dict:
    return {"required": True, "content": {"application/json": {"schema": schema}}}


ID = {
    "name": "id",
    "in": "path",
    "required": True,
    "description": "Attempt id",
    "schema": {"type": "integer"},
}

SCHEMAS = {
    "Analysis": {
        "type": "object",
        "description": "The analyzer's report (analysis JSON, schema version 1)",
        "required": ["schema_version", "sentences", "star", "grade"],
        "properties": {
            "schema_version": {"type": "integer"},
            "word_count": {"type": "integer"},
            "speaking_seconds": {"type": "integer"},
            "sentences": {"type": "array", "items": {"type": "object"}},
            "star": {"type": "object"},
            "metrics": {"type": "array"},
            "pronouns": {"type": "object"},
            "ownership": {"type": "string"},
            "hypothetical": {"type": "boolean"},
            "fillers": {"type": "array"},
            "hedges": {"type": "array"},
            "principles": {"type": "array", "items": {"type": "object"}},
            "grade": {"type": "integer", "minimum": 1, "maximum": 4},
            "strengths": {"type": "array", "items": {"type": "string"}},
            "improvements": {"type": "array", "items": {"type": "string"}},
            "follow_ups": {"type": "array", "items": {"type": "string"}},
        },
    },
    "Attempt": {
        "type": "object",
        "properties": {
            "id": {"type": "integer"},
            "question": {"type": "object"},
            "answer": {"type": "string"},
            "version": {"type": "integer"},
            "revision_of": {"type": ["integer", "null"]},
            "parent": {
                "type": ["integer", "null"],
                "description": "For a follow-up answer: the answer it follows",
            },
            "follow_up": {"type": ["string", "null"]},
            "grade": {"type": ["integer", "null"]},
            "analysis": {"oneOf": [{"$ref": "#/components/schemas/Analysis"}, {"type": "null"}]},
            "analysis_error": {"type": ["string", "null"]},
            "duration_seconds": {"type": ["integer", "null"]},
            "created_at": {"type": "string", "format": "date-time"},
            "url": {"type": "string"},
            "follow_ups": {
                "type": "array",
                "items": {"$ref": "#/components/schemas/Attempt"},
                "description": "Only on a single attempt: the follow-up answers given to it",
            },
        },
    },
    "ReviewCard": {
        "type": "object",
        "properties": {
            "id": {"type": "integer"},
            "question": {"type": "object"},
            "due": {"type": "string", "format": "date-time"},
            "last_rating": {
                "type": ["integer", "null"],
                "description": "1 Again, 2 Hard, 3 Good, 4 Easy",
            },
            "last_rating_name": {"type": ["string", "null"]},
            "rating_overridden": {"type": "boolean"},
            "reviews": {"type": "integer"},
            "last_attempt": {"type": ["integer", "null"]},
        },
    },
}

SECURITY_SCHEMES = {
    "bearerToken": {
        "type": "http",
        "scheme": "bearer",
        "description": "A personal API token from the account page or "
        "`loopcoach manage create_api_token USERNAME`",
    },
    "session": {
        "type": "apiKey",
        "in": "cookie",
        "name": "sessionid",
        "description": "A browser session; writes also need the X-CSRFToken header",
    },
}

PATHS = {
    "/api/v1/analyze": {
        "post": {
            "summary": "Analyse one answer (no login; rate-limited per client address)",
            "operationId": "analyze",
            "requestBody": _body(
                {
                    "type": "object",
                    "required": ["answer"],
                    "properties": {
                        "answer": {"type": "string"},
                        "question": {"type": "string"},
                        "principle": {
                            "type": "string",
                            "description": "The principle asked about, e.g. dive-deep",
                        },
                    },
                }
            ),
            "responses": {
                "200": _json({"$ref": "#/components/schemas/Analysis"}, "The analysis"),
                "400": _json(ERROR, "Not JSON, no answer, an empty or too long answer"),
                "429": _json(ERROR, "Too many analyses from this address this minute"),
            },
        }
    },
    "/api/v1/attempts": {
        "get": {
            "summary": "Your attempts, newest first (paged)",
            "operationId": "listAttempts",
            "security": AUTH,
            "parameters": [
                {
                    "name": "question_id",
                    "in": "query",
                    "required": False,
                    "schema": {"type": "integer"},
                    "description": "Only the attempts at this question",
                },
                {
                    "name": "page",
                    "in": "query",
                    "required": False,
                    "schema": {"type": "integer", "minimum": 1},
                    "description": "Page number, from 1",
                },
            ],
            "responses": {
                "200": _json(
                    {
                        "type": "object",
                        "properties": {
                            "count": {"type": "integer"},
                            "page": {"type": "integer"},
                            "pages": {"type": "integer"},
                            "results": {
                                "type": "array",
                                "items": {"$ref": "#/components/schemas/Attempt"},
                            },
                        },
                    },
                    "One page of attempts",
                ),
                "400": _json(ERROR, "A malformed parameter"),
                **UNAUTHORIZED,
            },
        },
        "post": {
            "summary": "Answer a question: saved, analysed, and its review card scheduled",
            "operationId": "createAttempt",
            "security": AUTH,
            "requestBody": _body(
                {
                    "type": "object",
                    "required": ["question_id", "answer"],
                    "properties": {
                        "question_id": {"type": "integer"},
                        "answer": {"type": "string"},
                    },
                }
            ),
            "responses": {
                "201": _json(
                    {"$ref": "#/components/schemas/Attempt"}, "The attempt and its analysis"
                ),
                "400": _json(ERROR, "Not JSON, a missing field, an empty or too long answer"),
                "403": _json(ERROR, "A session write without the CSRF token"),
                "404": _json(ERROR, "No such question"),
                **UNAUTHORIZED,
            },
        },
    },
    "/api/v1/attempts/{id}": {
        "get": {
            "summary": "One of your attempts with its follow-up answers",
            "operationId": "getAttempt",
            "security": AUTH,
            "parameters": [ID],
            "responses": {
                "200": _json({"$ref": "#/components/schemas/Attempt"}, "The attempt"),
                "404": _json(ERROR, "No such attempt (or not yours)"),
                **UNAUTHORIZED,
            },
        }
    },
    "/api/v1/attempts/{id}/follow-ups": {
        "post": {
            "summary": "Answer a follow-up question in the attempt's thread (analysed too)",
            "operationId": "createFollowUp",
            "security": AUTH,
            "parameters": [ID],
            "requestBody": _body(
                {
                    "type": "object",
                    "required": ["follow_up", "answer"],
                    "properties": {
                        "follow_up": {
                            "type": "string",
                            "description": "The follow-up question, e.g. one of the analysis's",
                        },
                        "answer": {"type": "string"},
                    },
                }
            ),
            "responses": {
                "201": _json({"$ref": "#/components/schemas/Attempt"}, "The follow-up answer"),
                "400": _json(ERROR, "Not JSON, a missing field, an empty or too long answer"),
                "404": _json(ERROR, "No such attempt (or not yours)"),
                **UNAUTHORIZED,
            },
        }
    },
    "/api/v1/reviews/due": {
        "get": {
            "summary": "Your review cards due today (spaced repetition)",
            "operationId": "listDueReviews",
            "security": AUTH,
            "responses": {
                "200": _json(
                    {
                        "type": "object",
                        "properties": {
                            "count": {"type": "integer"},
                            "results": {
                                "type": "array",
                                "items": {"$ref": "#/components/schemas/ReviewCard"},
                            },
                        },
                    },
                    "Due cards",
                ),
                **UNAUTHORIZED,
            },
        }
    },
}
