"""`loopcoach manage create_api_token USERNAME [--name NAME]`: print a new personal API token."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from loopcoach.web.accounts.services import TokenLimitReached, api_token_create


class Command(BaseCommand):
    help = "Create a personal API token for USERNAME and print it (it is shown only once)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="command line", help="what the token is for")

    def handle(self, *args: Any, username: str, name: str, **options: Any) -> None:
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user '{username}'.")
        try:
            _, raw = api_token_create(user=user, name=name)
        except TokenLimitReached as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(raw)
