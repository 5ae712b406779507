"""Sign up, the account page and its API tokens, export, import and deletion. Log
in/out and passwords use Django's auth views."""

from __future__ import annotations

from typing import IO

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from loopcoach.web.accounts import services
from loopcoach.web.accounts.forms import DeleteAccountForm, ImportForm, SignupForm, TokenForm
from loopcoach.web.accounts.models import ApiToken
from loopcoach.web.core.requests import AuthenticatedRequest
from loopcoach.web.guides.models import Guide
from loopcoach.web.portability import background
from loopcoach.web.portability import services as portability
from loopcoach.web.portability.deletion import WrongPassword, account_delete
from loopcoach.web.portability.importing import ImportProblem, import_account


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
    return _account_page(request, form=form, new_token=new_token)


def _account_page(
    request: AuthenticatedRequest,
    *,
    form: TokenForm | None = None,
    import_form: ImportForm | None = None,
    new_token: str | None = None,
    status: int = 200,
) -> HttpResponse:
    export_job = background.latest_export_job(request.user)
    context = {
        "form": form or TokenForm(),
        "import_form": import_form or ImportForm(),
        "tokens": ApiToken.objects.filter(user=request.user),
        "new_token": new_token,
        "export_job": export_job,
        "export_ready": bool(export_job and background.export_file(export_job)),
    }
    return render(request, "accounts/account.html", context, status=status)


@login_required
@require_POST
def token_revoke(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    if not services.api_token_revoke(user=request.user, token_id=pk):
        raise Http404("No such token.")
    messages.success(request, "The token is revoked: it no longer works.")
    return redirect("accounts:account")


@login_required
@require_POST
def export(request: AuthenticatedRequest) -> HttpResponseBase:
    """The ZIP of everything the user has, as a download; a large one is built in the
    background and downloaded from the account page once ready."""
    if portability.export_is_large(request.user):
        background.export_start(request.user)
        messages.info(
            request, "Your export is large: it is being built. Download it here once ready."
        )
        return redirect("accounts:account")
    return _zip_response(portability.export_now(request.user), request.user)


def _zip_response(content: IO[bytes], user: User) -> HttpResponseBase:
    return FileResponse(
        content,
        as_attachment=True,
        filename=portability.export_filename(user),
        content_type="application/zip",
    )


@login_required
def export_download(request: AuthenticatedRequest, pk: int) -> HttpResponseBase:
    job = background.export_jobs(request.user).filter(pk=pk).first()
    path = background.export_file(job) if job else None
    if path is None:
        raise Http404("No finished export here.")
    return _zip_response(path.open("rb"), request.user)


@login_required
@require_POST
def import_archive(request: AuthenticatedRequest) -> HttpResponse:
    form = ImportForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            imported = import_account(request.user, form.cleaned_data["archive"])
        except ImportProblem as problem:
            form.add_error("archive", f"Nothing was imported. {problem}")
        else:
            skipped = sum(imported.skipped.values())
            messages.success(
                request,
                f"Imported {imported.total_created} items"
                + (f"; {skipped} you already had were left as they are." if skipped else "."),
            )
            return redirect("accounts:account")
    return _account_page(request, import_form=form, status=400)


@login_required
def delete(request: AuthenticatedRequest) -> HttpResponse:
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        username = request.user.get_username()
        try:
            account_delete(user=request.user, password=form.cleaned_data["password"])
        except WrongPassword as exc:  # the form checked it; a race with a password change
            form.add_error("password", str(exc))
        else:
            logout(request)
            messages.success(request, f"The account {username} and everything of it is deleted.")
            return redirect("/")
    return render(
        request, "accounts/delete.html", {"form": form}, status=400 if form.errors else 200
    )
