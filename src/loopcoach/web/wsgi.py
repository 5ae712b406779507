"""WSGI entry point, used by `loopcoach serve` (waitress) and any WSGI server."""

from __future__ import annotations

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "loopcoach.web.settings")
application = get_wsgi_application()
