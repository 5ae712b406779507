"""Compensation data points as typed in a form or read from an editor's CSV.

A CSV is checked whole before anything is stored: `parse_csv` returns every
row or raises `CsvImportError` with all the problems, each as
"row 7: base: …" where row 1 is the header line.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from datetime import date
from decimal import Decimal

from loopcoach.offers.bands import DataPoint
from loopcoach.offers.money import cents, parse_decimal

CSV_COLUMNS = ["company", "level", "location", "year", "base", "stock_per_year", "bonus"]
MAX_TEXT = {"company": 120, "level": 40, "location": 120}
MAX_BASE = Decimal("10000000")
MAX_STOCK_PER_YEAR = Decimal("25000000")
MAX_BONUS = Decimal("10000000")
FIRST_YEAR = 2000
MAX_ROWS = 10_000
MAX_CSV_BYTES = 2_000_000


class DataPointError(ValueError):
    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        super().__init__("; ".join(f"{name}: {message}" for name, message in errors.items()))


class CsvImportError(ValueError):
    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


def _text(data: Mapping, name: str, errors: dict[str, str]) -> str:
    value = " ".join(str(data.get(name) or "").split())
    if not value:
        errors[name] = "is required"
    elif len(value) > MAX_TEXT[name]:
        errors[name] = f"at most {MAX_TEXT[name]} characters"
    return value


def _amount(
    data: Mapping, name: str, maximum: Decimal, errors: dict[str, str], *, required: bool
) -> Decimal:
    raw = data.get(name)
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        if required:
            errors[name] = "is required"
        return cents(Decimal(0))
    try:
        value = parse_decimal(raw)
    except ValueError as problem:
        errors[name] = str(problem)
        return cents(Decimal(0))
    if value < 0:
        errors[name] = "cannot be negative"
    elif required and value == 0:
        errors[name] = "must be more than zero"
    elif value > maximum:
        errors[name] = f"above {maximum:,} is not plausible; check for an extra zero"
    # 1e308 cannot even be rounded to cents (past Decimal's precision): keep zero for a refusal.
    return cents(Decimal(0)) if name in errors else cents(value)


def _year(data: Mapping, errors: dict[str, str], today: date) -> int:
    raw = str(data.get("year") or "").strip()
    if not raw:
        errors["year"] = "is required"
    elif not raw.isdigit() or not FIRST_YEAR <= int(raw) <= today.year:
        errors["year"] = f"must be a year from {FIRST_YEAR} to {today.year}"
    else:
        return int(raw)
    return 0


def parse_data_point(data: Mapping, *, today: date) -> DataPoint:
    """One data point, or DataPointError with every field's problem."""
    errors: dict[str, str] = {}
    point = DataPoint(
        company=_text(data, "company", errors),
        level=_text(data, "level", errors).upper(),
        location=_text(data, "location", errors),
        year=_year(data, errors, today),
        base=_amount(data, "base", MAX_BASE, errors, required=True),
        stock=_amount(data, "stock_per_year", MAX_STOCK_PER_YEAR, errors, required=False),
        bonus=_amount(data, "bonus", MAX_BONUS, errors, required=False),
    )
    if errors:
        raise DataPointError(errors)
    return point


def parse_csv(text: str, *, today: date) -> list[DataPoint]:
    """Every row of a CSV with the CSV_COLUMNS header, or CsvImportError listing each bad row."""
    if len(text.encode("utf-8", errors="replace")) > MAX_CSV_BYTES:
        raise CsvImportError([f"the file is larger than {MAX_CSV_BYTES // 1_000_000} MB; split it"])
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = [name.strip().lower() for name in reader.fieldnames or []]
    missing = [name for name in CSV_COLUMNS if name not in header]
    if missing:
        raise CsvImportError(
            [f"row 1: the header lacks {', '.join(missing)} (expected: {','.join(CSV_COLUMNS)})"]
        )
    reader.fieldnames = header
    points, problems = [], []
    for row in reader:
        line = reader.line_num
        if line > MAX_ROWS + 1:
            problems.append(f"more than {MAX_ROWS} rows; split the file")
            break
        if None in row:
            problems.append(f"row {line}: more cells than the header has columns")
            continue
        if all(not (value or "").strip() for value in row.values()):
            continue  # blank line
        try:
            points.append(parse_data_point(row, today=today))
        except DataPointError as error:
            problems.extend(
                f"row {line}: {name}: {message}" for name, message in error.errors.items()
            )
    if problems:
        raise CsvImportError(problems)
    if not points:
        raise CsvImportError(["the file has a header but no rows"])
    return points
