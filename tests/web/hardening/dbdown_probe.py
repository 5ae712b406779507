"""Run as a script with the database unreachable: print each page's status, type and body as JSON.

A separate process, since the test run's own database connection must stay up.
"""

import json

import django

PAGES = [
    "/",
    "/questions/",
    "/guides/amazon/engineering-manager/",
    "/practice/",
    "/stories/",
    "/accounts/login/",
    "/admin/",
    "/api/v1/questions",
    "/api/v1/stories",
    "/healthz",
]


def main() -> None:
    django.setup()
    from django.conf import settings
    from django.test import Client

    # The manifest storage needs `collectstatic`; serve from the apps as the tests do.
    static = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    settings.STORAGES = {**settings.STORAGES, "staticfiles": static}
    client = Client(raise_request_exception=False)
    client.cookies["sessionid"] = "s" * 32  # a returning visitor: the session is read too
    answers = {}
    for path in PAGES:
        response = client.get(path)
        answers[path] = [response.status_code, response["Content-Type"], response.content.decode()]
    response = client.post("/api/v1/stories", {"title": "x"}, content_type="application/json")
    answers["POST /api/v1/stories"] = [
        response.status_code,
        response["Content-Type"],
        response.content.decode(),
    ]
    print(json.dumps(answers))


if __name__ == "__main__":
    main()
