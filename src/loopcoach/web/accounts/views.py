"""Sign up, the account page and its API tokens. Log
in/out and passwords use Django's auth views."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from loopcoach.web.accounts import services
from loopcoach.web.accounts.forms import SignupForm, TokenForm
from loopcoach.web.accounts.models import ApiToken
from loopcoach.web.core.requests import AuthenticatedRequest
from loopcoach.web.guides.models import Guide


def signup(request: HttpRequest) -> HttpResponse:
    if not settings.SIGNUP_OPEN:
        raise Http404("Sign-up is closed on this server.")
    if request.user.is_authenticated:
        return redirect("practice:hub")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect("accounts:welcome")
    return render(
        request, "accounts/signup.html", {"form": form}, status=400 if form.errors else 200
    )


@login_required
def welcome(request: AuthenticatedRequest) -> HttpResponse:
    """First run after sign-up: the guide and the loop date that make a plan (planner:new)."""
    guides = Guide.objects.select_related("company").order_by("company__name", "role_name")
    context = {"guides": guides, "values": {}, "errors": {}, "today": timezone.localdate()}
    return render(request, "accounts/welcome.html", context)


@login_required
def account(request: AuthenticatedRequest) -> HttpResponse:
    form = TokenForm(request.POST or None)
    new_token = None
    if request.method == "POST" and form.is_valid():
        try:
            token, new_token = services.api_token_create(
                user=request.user, name=form.cleaned_data["name"]
            )
        except services.TokenLimitReached as exc:
            form.add_error(None, str(exc))
    tokens = ApiToken.objects.filter(user=request.user)
    return render(
        request, "accounts/account.html", {"form": form, "tokens": tokens, "new_token": new_token}
    )


@login_required
@require_POST
def token_revoke(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    if not services.api_token_revoke(user=request.user, token_id=pk):
        raise Http404("No such token.")
    messages.success(request, "The token is revoked: it no longer works.")
    return redirect("accounts:account")
