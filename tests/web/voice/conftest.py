import shutil
from pathlib import Path

import pytest
from django.conf import settings


@pytest.fixture(autouse=True)
def _no_recordings_left():
    """A flushed database leaves its recordings' files: start each test with none."""
    shutil.rmtree(Path(settings.VOICE_DIR), ignore_errors=True)
    yield
    shutil.rmtree(Path(settings.VOICE_DIR), ignore_errors=True)
