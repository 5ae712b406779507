"""The yardstick of `loopcoach bench load`: one bare Django view, served like the app.

`python -m loopcoach.web.bench.bare --port P --threads T` runs Django with no database,
no middleware and one view answering "ok", under waitress on a reusable port, so the
bench can say what share of the plain framework's speed each page reaches on this machine.
"""

from __future__ import annotations

import argparse

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import path


def ok(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("", ok)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--threads", type=int, default=8)
    args = parser.parse_args()
    settings.configure(ROOT_URLCONF=__name__, ALLOWED_HOSTS=["*"], SECRET_KEY="bench-only")
    import django
    from django.core.wsgi import get_wsgi_application

    from loopcoach.web.commands import serve_on

    django.setup()
    serve_on(get_wsgi_application(), "127.0.0.1", args.port, args.threads, reuse_port=True)


if __name__ == "__main__":
    main()
