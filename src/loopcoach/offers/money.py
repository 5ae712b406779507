"""Money as Decimal: parsing what people type, and rounding to cents at the edges.

Amounts are US dollars. Inside the calculator they keep full Decimal
precision; they are rounded to cents, half up, only where they enter (the
inputs) and where they leave (every figure of a result).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")
ZERO = Decimal("0")
HUNDRED = Decimal("100")


def cents(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def parse_decimal(raw: object) -> Decimal:
    """A finite Decimal from a JSON number or typed text ("$185,000", "4.5 %").

    Raises ValueError with a message meant for the person who typed it.
    """
    if isinstance(raw, bool) or raw is None:
        raise ValueError("must be a number")
    if isinstance(raw, Decimal | int):
        value = Decimal(raw)
    elif isinstance(raw, float):
        value = Decimal(str(raw))  # the number as written in the JSON, not its binary approximation
    elif isinstance(raw, str):
        text = (
            raw.strip()
            .replace(",", "")
            .replace("_", "")
            .removeprefix("$")
            .removesuffix("%")
            .strip()
        )
        if not text:
            raise ValueError("must be a number")
        try:
            value = Decimal(text)
        except InvalidOperation:
            raise ValueError(f"“{raw.strip()[:40]}” is not a number") from None
    else:
        raise ValueError("must be a number")
    if not value.is_finite():
        raise ValueError("must be a finite number")
    return value


def format_usd(amount: Decimal, *, whole: bool = False) -> str:
    """$1,234.56 (or $1,235 with whole=True); negative amounts as −$1,234.56."""
    rounded = amount.quantize(Decimal("1") if whole else CENT, rounding=ROUND_HALF_UP)
    sign = "−" if rounded < 0 else ""
    return f"{sign}${abs(rounded):,}"
