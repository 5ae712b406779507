"""Sign-up and a log-in form that locks out repeated failures."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm, UserCreationForm, UsernameField
from django.contrib.auth.models import User

from loopcoach.web.accounts import services
from loopcoach.web.core.ratelimit import client_ip


class SignupForm(UserCreationForm):
    email = forms.EmailField(
        required=False, help_text="Optional: only used to reset your password."
    )

    class Meta:  # UserCreationForm.Meta's, spelled out: django-stubs does not declare it
        model = User
        fields = ("username", "email")
        field_classes = {"username": UsernameField}

    def validate_password_for_user(self, user, password_field_name="password1"):
        # Django puts the password rules' errors under the confirmation field; a candidate
        # looks for them under the password they chose.
        super().validate_password_for_user(  # type: ignore[misc]  # SetPasswordMixin's, unstubbed
            user, password_field_name=password_field_name
        )


class LockoutMixin(AuthenticationForm):
    """After LOGIN_FAILURE_LIMIT failures for one username from one address, refuse for a while.

    Every login form uses it (the site's and the admin's), over one count in the database.
    """

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        assert self.request is not None  # LoginView always passes the request
        ip = client_ip(self.request)
        if services.login_locked(username=username, ip=ip):
            raise forms.ValidationError(
                f"Too many failed attempts. Try again in {settings.LOGIN_LOCKOUT_MINUTES} minutes, "
                "or reset your password.",
                code="locked",
            )
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            services.login_failed(username=username, ip=ip)
            raise
        services.login_succeeded(username=username, ip=ip)
        return cleaned


class ThrottledLoginForm(LockoutMixin):
    pass


class ThrottledAdminLoginForm(LockoutMixin, AdminAuthenticationForm):
    pass


class TokenForm(forms.Form):
    name = forms.CharField(
        max_length=80,
        label="Token name",
        widget=forms.TextInput(attrs={"placeholder": "e.g. my notes script"}),
    )


class ImportForm(forms.Form):
    archive = forms.FileField(
        label="Export ZIP", help_text="A ZIP exported from a loopcoach account page."
    )

    def clean_archive(self):
        archive = self.cleaned_data["archive"]
        limit = settings.LOOPCOACH_IMPORT_MAX_MB
        if archive.size > limit * 1024 * 1024:
            raise forms.ValidationError(f"The file is larger than {limit} MB.")
        return archive


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label="Your password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label="I understand that everything of mine is deleted and cannot be brought back",
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("That is not your password.")
        return password
