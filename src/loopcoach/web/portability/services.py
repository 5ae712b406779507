"""What the account page and the API call: export now or in the background, import, delete."""

from __future__ import annotations

import tempfile
from typing import IO

from django.conf import settings
from django.contrib.auth.models import User
from django.utils import timezone

from loopcoach.web.portability.exporting import export_account, export_size


def export_filename(user: User) -> str:
    return f"loopcoach-{user.get_username()}-{timezone.localdate():%Y-%m-%d}.zip"


def export_is_large(user: User) -> bool:
    return export_size(user) > settings.LOOPCOACH_EXPORT_SYNC_ROWS


def export_now(user: User) -> IO[bytes]:
    """The ZIP in a temporary file (in memory while small), rewound for reading."""
    out = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)
    export_account(user, out)
    out.seek(0)
    return out


def import_limit_bytes() -> int:
    return settings.LOOPCOACH_IMPORT_MAX_MB * 1024 * 1024
