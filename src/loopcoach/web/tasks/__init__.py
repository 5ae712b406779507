"""Background jobs: slow work (transcription, the coach) run by a worker, never by the web process.

A `Job` row is what the candidate sees (status, progress, error, result); the
queue under it is django-tasks (a table in the database by default, RQ on
Redis when REDIS_URL is set). See `jobs` for the Python interface.
"""
