"""The read API of guides and questions, and its OpenAPI description."""

from __future__ import annotations

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

pytestmark = pytest.mark.django_db


def test_it_lists_guides(client, amazon_guide):
    results = client.get("/api/v1/guides").json()["results"]
    assert {"id": "amazon/engineering-manager"}.items() <= results[0].items()


def test_it_returns_a_whole_guide(client, amazon_guide):
    data = client.get("/api/v1/guides/amazon/engineering-manager").json()
    assert set(data["sections"]) >= {
        "overview",
        "getting_ready",
        "deep_dives",
        "responsibilities",
        "requirements",
        "faq",
        "tips",
        "summary",
        "compensation",
        "related",
    }
    assert len(data["principles"]) == 16
    assert [stage["slug"] for stage in data["process"]["stages"]][0] == "recruiter-screen"
    rounds = data["process"]["loop"]["rounds"]
    assert len(rounds) == 5 and sum(r["bar_raiser"] for r in rounds) == 1
    assert data["sections"]["compensation"]["vesting"] == [5, 15, 40, 40]


def test_an_unknown_guide_is_a_json_404(client, amazon_guide):
    response = client.get("/api/v1/guides/amazon/astronaut")
    assert response.status_code == 404
    assert response.json()["error"] == "not_found"


def test_it_pages_and_filters_questions(client, amazon_guide):
    data = client.get("/api/v1/questions", {"principle": "dive-deep"}).json()
    assert data["count"] >= 6
    assert all("dive-deep" in q["principles"] for q in data["results"])
    second = client.get("/api/v1/questions", {"page": 2}).json()
    assert second["previous"] == 1


def test_it_searches_questions(client, amazon_guide):
    # Both Amazon guides ask for a rate limiter; rank within one guide.
    params = {"q": "rate limiter", "guide": "amazon/engineering-manager"}
    data = client.get("/api/v1/questions", params).json()
    assert data["results"][0]["text"] == "Design a rate limiter for a high-traffic API."


@pytest.mark.parametrize("params", [{"page": "0"}, {"page": "abc"}, {"category": "trivia"}])
def test_bad_parameters_are_400(client, amazon_guide, params):
    response = client.get("/api/v1/questions", params)
    assert response.status_code == 400
    assert response.json()["message"]


def test_a_page_past_the_end_is_404(client, amazon_guide):
    assert client.get("/api/v1/questions", {"page": 999}).status_code == 404


def test_it_returns_one_question(client, amazon_guide):
    question = amazon_guide.questions.first()
    data = client.get(f"/api/v1/questions/{question.pk}").json()
    assert data["text"] == question.text and data["guide"] == "amazon/engineering-manager"
    assert client.get("/api/v1/questions/999999").status_code == 404


def test_the_api_rejects_writes_to_read_endpoints(client, amazon_guide):
    assert client.post("/api/v1/guides").status_code == 405


def _api_routes(patterns, prefix: str = "") -> set[str]:
    routes = set()
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            routes |= _api_routes(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern) and route.startswith("api/v1/"):
            routes.add("/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route))
    return routes


def test_openapi_describes_every_api_route(client):
    described = set(client.get("/api/v1/openapi.json").json()["paths"])
    # ninja's own: the description, its docs page, and a root that is a 404 to find its prefix.
    own = {"/api/v1/openapi.json", "/api/v1/docs", "/api/v1/"}
    routes = _api_routes(get_resolver().url_patterns) - own
    assert routes == described


def test_every_operation_documents_its_errors(client):
    spec = client.get("/api/v1/openapi.json").json()
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            statuses = set(operation["responses"])
            assert any(s.startswith("2") for s in statuses), (method, path)
            assert any(s.startswith("4") for s in statuses), (method, path)


def test_the_docs_page_works_offline(client):
    page = client.get("/api/v1/docs").content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert assets and all(url.startswith("/static/") for url in assets), assets
    for url in assets:
        assert client.get(url).status_code == 200, url


def _readme_api_table() -> tuple[list[str], str]:
    from pathlib import Path

    readme = (Path(__file__).parents[2] / "README.md").read_text()
    section = readme.split("## JSON API\n", 1)[1].split("\n## ", 1)[0]
    lines = section.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("| endpoint |"))
    table = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        table.append(line)
    return table, section


def test_no_row_of_the_api_table_stands_apart_from_it():
    # Which endpoints the table lists is tests/test_docs.py's; this catches rows cut off by a
    # code block, which Markdown renders as loose text.
    table, section = _readme_api_table()
    assert sum(line.startswith("| `") for line in section.splitlines()) == len(table)
