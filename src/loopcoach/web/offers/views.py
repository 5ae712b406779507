"""The offer calculator, saved offers, and the market bands page."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render, resolve_url
from django.urls import reverse
from django.views.decorators.http import require_POST
from django.views.decorators.vary import vary_on_headers

from loopcoach.offers import (
    FIELDS,
    MAX_OFFERS,
    MIN_POINTS,
    DataPointError,
    OfferInputError,
    calculate,
    compare,
    parse_offer,
)
from loopcoach.offers.inputs import PRICE_SCENARIOS, SIGN_ON_PAYMENTS, VESTING_CHOICES
from loopcoach.offers.vesting import FREQUENCIES, SCHEDULES
from loopcoach.web.core.requests import AuthenticatedRequest, HtmxRequest
from loopcoach.web.offers.chart import LETTERS, offers_chart
from loopcoach.web.offers.models import CompensationDataPoint, SavedOffer
from loopcoach.web.offers.selectors import bands_list
from loopcoach.web.offers.services import SavedOfferLimit, data_point_create, saved_offer_create

DEFAULTS = {
    "vesting": "amazon",
    "sign_on_payment": "monthly",
    "price_scenario": "flat",
    "custom_frequency": "annual",
}


@dataclass
class OfferForm:
    index: int
    values: dict[str, str]
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def letter(self) -> str:
        return LETTERS[self.index]

    @property
    def prefix(self) -> str:
        return f"o{self.index + 1}-"

    @classmethod
    def from_data(cls, index: int, data: Mapping[str, object]) -> OfferForm:
        prefix = f"o{index + 1}-"
        values = {name: str(data.get(prefix + name, "")).strip()[:200] for name in FIELDS}
        for name, default in DEFAULTS.items():
            values[name] = values[name] or default
        values["name"] = values["name"] or f"Offer {LETTERS[index]}"
        return cls(index, values)


def _count(raw: str | None) -> int:
    return min(max(int(raw), 1), MAX_OFFERS) if raw and raw.isdigit() else 1


def _saved_forms(request: HttpRequest, ids: list[str]) -> list[OfferForm]:
    """Saved offers named in ?load=…; someone else's id is a 404, exactly like a missing one."""
    forms = []
    for index, pk in enumerate(ids[:MAX_OFFERS]):
        if not request.user.is_authenticated or not pk.isdigit():
            raise Http404("No such saved offer.")
        saved = get_object_or_404(SavedOffer, pk=pk, owner=request.user)
        forms.append(
            OfferForm.from_data(index, {f"o{index + 1}-{k}": v for k, v in saved.fields.items()})
        )
    return forms


def _results(forms: list[OfferForm]) -> list | None:
    """The results when every offer is valid; otherwise the errors go onto the forms and None."""
    results = []
    for form in forms:
        try:
            results.append(calculate(parse_offer(form.values)))
        except OfferInputError as error:
            form.errors = error.errors
    return None if any(form.errors for form in forms) else results


def _save(request: HttpRequest, form: OfferForm) -> None:
    if not request.user.is_authenticated:
        messages.warning(request, "Log in to save offers.")
        return
    try:
        saved = saved_offer_create(owner=request.user, fields=form.values)
    except SavedOfferLimit as limit:
        messages.error(request, str(limit))
    except OfferInputError as error:
        form.errors = error.errors
    else:
        messages.success(request, f"Saved “{saved.name}”. Only you can see it.")


@vary_on_headers("HX-Request")
def calculator(request: HtmxRequest) -> HttpResponse:
    data = request.POST if request.method == "POST" else request.GET
    action = data.get("action", "calculate")
    loaded = request.GET.getlist("load")
    if loaded:
        forms = _saved_forms(request, loaded)
    else:
        forms = [OfferForm.from_data(index, data) for index in range(_count(data.get("count")))]
    results = None
    if action == "add" and len(forms) < MAX_OFFERS:
        forms.append(OfferForm.from_data(len(forms), {}))
    elif action.startswith("remove-") and len(forms) > 1:
        removed = int(action.removeprefix("remove-")) if action[7:].isdigit() else -1
        kept = [form for form in forms if form.index != removed]
        forms = [
            OfferForm.from_data(i, {f"o{i + 1}-{k}": v for k, v in form.values.items()})
            for i, form in enumerate(kept)
        ]
    elif request.method == "POST" or loaded:
        results = _results(forms)
        if results is not None and action.startswith("save-") and action[5:].isdigit():
            index = int(action[5:])
            if index < len(forms):
                _save(request, forms[index])
    context = {
        "forms": forms,
        "results": results,
        "pairs": list(zip(forms, results, strict=True)) if results else [],
        "comparison": compare(results) if results and len(results) > 1 else None,
        "chart": offers_chart(results) if results else None,
        "can_add": len(forms) < MAX_OFFERS,
        "error_count": sum(len(form.errors) for form in forms),
        "saved": SavedOffer.objects.filter(owner=request.user)
        if request.user.is_authenticated
        else [],
        "option_sets": {
            "vesting": VESTING_CHOICES,
            "sign_on_payment": SIGN_ON_PAYMENTS,
            "price_scenario": PRICE_SCENARIOS,
            "custom_frequency": {k: k.title() for k in FREQUENCIES},
        },
        "schedules": SCHEDULES.values(),
        "login_url": resolve_url(settings.LOGIN_URL),
    }
    # htmx swaps only 2xx answers, so it gets the form
    # with its errors as a 200; a plain POST gets the 400.
    invalid = request.method == "POST" and any(form.errors for form in forms)
    status = 400 if invalid and not request.htmx else 200
    template = "offers/_calculator.html" if request.htmx else "offers/calculator.html"
    return render(request, template, context, status=status)


@login_required
@require_POST
def saved_offer_delete(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    saved = get_object_or_404(SavedOffer, pk=pk, owner=request.user)
    saved.delete()
    messages.success(request, f"Deleted “{saved.name}”.")
    return redirect("offers:calculator")


POINT_FIELDS = [
    ("company", "Company", "Amazon"),
    ("level", "Level", "L6"),
    ("location", "Location", "Seattle, WA"),
    ("year", "Year", "2025"),
    ("base", "Base salary", "200,000"),
    ("stock_per_year", "Stock per year", "100,000"),
    ("bonus", "Bonus per year", "0"),
]


def _market_context(request: HttpRequest) -> dict:
    filters = {
        name: request.GET.get(name, "").strip()[:120] for name in ("company", "level", "location")
    }
    bands = bands_list(**filters)
    mine = (
        CompensationDataPoint.objects.filter(submitted_by=request.user).order_by("-created")[:50]
        if request.user.is_authenticated
        else []
    )
    return {
        "filters": filters,
        "bands": bands,
        "min_points": MIN_POINTS,
        "mine": mine,
        "login_url": resolve_url(settings.LOGIN_URL),
        "point_count": CompensationDataPoint.objects.count(),
        "values": {},
        "errors": {},
        "point_fields": POINT_FIELDS,
    }


def market(request: HttpRequest) -> HttpResponse:
    return render(request, "offers/market.html", _market_context(request))


@login_required
@require_POST
def market_add(request: AuthenticatedRequest) -> HttpResponse:
    try:
        point = data_point_create(submitted_by=request.user, fields=request.POST)
    except DataPointError as error:
        context = _market_context(request)
        context.update(values=request.POST, errors=error.errors)
        return render(request, "offers/market.html", context, status=400)
    messages.success(
        request,
        f"Thank you: added {point}. Bands appear once {MIN_POINTS} people report "
        "the same company, level and location.",
    )
    return redirect(reverse("offers:market") + "#your-data")


@login_required
@require_POST
def market_point_delete(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    point = get_object_or_404(CompensationDataPoint, pk=pk, submitted_by=request.user)
    point.delete()
    messages.success(request, "Deleted your data point.")
    return redirect(reverse("offers:market") + "#your-data")
