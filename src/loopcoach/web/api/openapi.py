"""The OpenAPI 3.1 description of /api/v1/, served at /api/v1/openapi.json.

Kept by hand next to the views; `tests/web/test_api_openapi.py` checks that
every API route is described here and every described path resolves.
"""
from __future__ import annotations

from loopcoach import __version__

ERROR = {"$ref": "#/components/schemas/Error"}


def _json(schema: dict, description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _query(name: str, description: str, schema: dict | None = None) -> dict:
    return {"name": name, "in": "query", "required": False, "description": description,
            "schema": schema or {"type": "string"}}


def _path(name: str, description: str, schema: dict | None = None) -> dict:
    return {"name": name, "in": "path", "required": True, "description": description,
            "schema": schema or {"type": "string"}}


SCHEMAS = {
    "Error": {"type": "object", "required": ["error", "message"],
              "properties": {"error": {"type": "string"}, "message": {"type": "string"}}},
    "GuideSummary": {"type": "object", "properties": {
        "id": {"type": "string", "examples": ["amazon/engineering-manager"]},
        "company": {"type": "object"}, "role": {"type": "object"},
        "title": {"type": "string"}, "tagline": {"type": "string"}, "url": {"type": "string"}}},
    "Guide": {"allOf": [{"$ref": "#/components/schemas/GuideSummary"}, {"type": "object", "properties": {
        "sections": {"type": "object", "description": "overview, getting_ready, deep_dives, responsibilities, "
                     "requirements, faq, tips, summary, compensation, related"},
        "process": {"type": "object", "description": "stages (the timeline) and loop (round length, rounds)"},
        "principles": {"type": "array", "items": {"type": "object"}},
        "question_count": {"type": "integer"}}}]},
    "Question": {"type": "object", "properties": {
        "id": {"type": "integer"}, "key": {"type": "string"}, "text": {"type": "string"},
        "guide": {"type": "string"},
        "category": {"type": "string", "enum": ["behavioral", "system-design", "management", "execution", "writing"]},
        "category_name": {"type": "string"},
        "principles": {"type": "array", "items": {"type": "string"}},
        "round": {"type": ["string", "null"]}, "deep_dive": {"type": ["string", "null"]},
        "source": {"type": "string", "enum": ["seed", "editorial", "candidate"]},
        "source_name": {"type": "string"}, "guidance": {"type": "string"},
        "times_reported": {"type": "integer"}, "last_reported": {"type": ["string", "null"], "format": "date"},
        "url": {"type": "string"}}},
    "QuestionPage": {"type": "object", "properties": {
        "count": {"type": "integer"}, "page": {"type": "integer"}, "pages": {"type": "integer"},
        "next": {"type": ["integer", "null"]}, "previous": {"type": ["integer", "null"]},
        "results": {"type": "array", "items": {"$ref": "#/components/schemas/Question"}}}},
}

PATHS: dict[str, dict] = {
    "/api/v1/guides": {"get": {
        "summary": "List the guides (company × role)", "operationId": "listGuides",
        "responses": {"200": _json({"type": "object", "properties": {"results": {
            "type": "array", "items": {"$ref": "#/components/schemas/GuideSummary"}}}}, "The guides")}}},
    "/api/v1/guides/{company}/{role}": {"get": {
        "summary": "One guide with every section, its principles, process stages and loop rounds",
        "operationId": "getGuide",
        "parameters": [_path("company", "Company slug, e.g. amazon"),
                       _path("role", "Role slug, e.g. engineering-manager")],
        "responses": {"200": _json({"$ref": "#/components/schemas/Guide"}, "The guide"),
                      "404": _json(ERROR, "No such guide")}}},
    "/api/v1/questions": {"get": {
        "summary": "Search and filter the question bank (paged)", "operationId": "listQuestions",
        "parameters": [
            _query("q", "Full-text search (stemmed; the last word matches as a prefix)"),
            _query("category", "behavioral, system-design, management, execution or writing"),
            _query("principle", "A principle slug, e.g. dive-deep"),
            _query("round", "A loop round slug, e.g. bar-raiser"),
            _query("guide", "A guide id, e.g. amazon/engineering-manager"),
            _query("source", "seed, editorial or candidate"),
            _query("page", "Page number, from 1", {"type": "integer", "minimum": 1})],
        "responses": {"200": _json({"$ref": "#/components/schemas/QuestionPage"}, "One page of questions"),
                      "400": _json(ERROR, "A malformed parameter"),
                      "404": _json(ERROR, "A page past the last one")}}},
    "/api/v1/questions/{id}": {"get": {
        "summary": "One question", "operationId": "getQuestion",
        "parameters": [_path("id", "Question id", {"type": "integer"})],
        "responses": {"200": _json({"$ref": "#/components/schemas/Question"}, "The question"),
                      "404": _json(ERROR, "No such question")}}},
}


def openapi_document() -> dict:
    return {
        "openapi": "3.1.0",
        "info": {"title": "loopcoach API", "version": __version__,
                 "description": "Guides, questions and answer feedback of a self-hosted loopcoach."},
        "servers": [{"url": "/"}],
        "paths": PATHS,
        "components": {"schemas": SCHEMAS},
    }
