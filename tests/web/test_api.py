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
    data = client.get("/api/v1/questions", {"q": "rate limiter"}).json()
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


def test_the_readme_lists_exactly_the_api_endpoints(client):
    table, section = _readme_api_table()
    assert sum(line.startswith("| `") for line in section.splitlines()) == len(table), (
        "a row of the API table stands apart from the table"
    )
    listed = set()
    for row in table:
        pending = []
        for method, path in re.findall(r"\b(GET|POST|PUT|PATCH|DELETE)\b|(/api/v1/[^`?\s]*)", row):
            if method:
                pending.append(method.lower())
            else:
                listed |= {(m, path.replace("{id}", "{pk}")) for m in pending}
                pending = []
    spec = client.get("/api/v1/openapi.json").json()
    described = {(m, path) for path, ops in spec["paths"].items() for m in ops}
    assert listed == described


def test_the_shared_api_helpers_import_no_app_router():
    """Apps import web.api's helpers; the helpers must not import the apps' api modules back."""
    import subprocess
    import sys

    code = (
        "import django; django.setup(); import sys\n"
        "import loopcoach.web.api.auth, loopcoach.web.api.errors, loopcoach.web.api.pagination\n"
        "import loopcoach.web.api.parser, loopcoach.web.api.schemas, loopcoach.web.api.middleware\n"
        "print(sorted(m for m in sys.modules if m.startswith('loopcoach.web.')"
        " and m.endswith('.api') and m != 'loopcoach.web.api'))"
    )
    env = {"DJANGO_SETTINGS_MODULE": "loopcoach.web.settings", "PATH": ""}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert result.stdout.strip() == "[]", result.stdout
