from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from loopcoach.web.accounts import views
from loopcoach.web.accounts.forms import ThrottledLoginForm

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise

app_name = "accounts"


def _done(name: str) -> _StrPromise:
    return reverse_lazy(f"accounts:{name}")


def _page(name: str) -> str:
    # Our own names, not registration/…: the admin app ships templates under those
    # names, and whichever app comes first in INSTALLED_APPS would win.
    return f"accounts/{name}.html"


urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path("welcome/", views.welcome, name="welcome"),
    path(
        "login/",
        auth_views.LoginView.as_view(
            authentication_form=ThrottledLoginForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", views.account, name="account"),
    path("tokens/<int:pk>/revoke/", views.token_revoke, name="token_revoke"),
    path("export/", views.export, name="export"),
    path("export/<int:pk>/", views.export_download, name="export_download"),
    path("import/", views.import_archive, name="import"),
    path("delete/", views.delete, name="delete"),
    path(
        "password/",
        auth_views.PasswordChangeView.as_view(
            template_name=_page("password_change_form"), success_url=_done("password_change_done")
        ),
        name="password_change",
    ),
    path(
        "password/done/",
        auth_views.PasswordChangeDoneView.as_view(template_name=_page("password_change_done")),
        name="password_change_done",
    ),
    path(
        "password/reset/",
        auth_views.PasswordResetView.as_view(
            template_name=_page("password_reset_form"),
            success_url=_done("password_reset_done"),
            email_template_name="accounts/password_reset_email.txt",
            subject_template_name="accounts/password_reset_subject.txt",
        ),
        name="password_reset",
    ),
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name=_page("password_reset_done")),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name=_page("password_reset_confirm"),
            success_url=_done("password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name=_page("password_reset_complete")
        ),
        name="password_reset_complete",
    ),
]
