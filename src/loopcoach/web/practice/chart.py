"""The grades-over-time chart: coordinates for a server-rendered SVG (no chart library)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

WIDTH, HEIGHT = 640, 220
LEFT, RIGHT, TOP, BOTTOM = 44, 16, 14, 34
ROLLING = 5  # attempts in the moving average
# The latest answers plotted: 640 pixels hold no more dots, and rendering 1,000 of them
# took most of the dashboard's time for a candidate with 1,000 answers.
MAX_POINTS = 200


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    grade: int
    label: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    dots: list[Dot]
    trend: str  # SVG polyline points of the moving average
    gridlines: list[tuple[int, float]]  # (grade, y)
    x_labels: list[tuple[float, str]]
    left: int = LEFT
    right_edge: int = WIDTH - RIGHT
    bottom_edge: int = HEIGHT - BOTTOM


def _y(grade: float) -> float:
    return round(TOP + (4 - grade) / 3 * (HEIGHT - TOP - BOTTOM), 1)


def grades_chart(points: list[tuple[datetime, int]]) -> Chart | None:
    if not points:
        return None
    points = points[-MAX_POINTS:]
    span = WIDTH - LEFT - RIGHT
    step = span / (len(points) - 1) if len(points) > 1 else 0

    def x(index: int) -> float:
        return round(LEFT + (index * step if len(points) > 1 else span / 2), 1)

    dots = [
        Dot(x(i), _y(grade), grade, f"{timezone.localtime(when):%-d %b %Y}: grade {grade}")
        for i, (when, grade) in enumerate(points)
    ]
    averages = []
    for i in range(len(points)):
        window = [grade for _, grade in points[max(0, i - ROLLING + 1) : i + 1]]
        averages.append(f"{x(i)},{_y(sum(window) / len(window))}")
    first, last = timezone.localtime(points[0][0]), timezone.localtime(points[-1][0])
    labels = [(x(0), f"{first:%-d %b}")]
    if len(points) > 1:
        labels.append((x(len(points) - 1), f"{last:%-d %b}"))
    return Chart(
        WIDTH, HEIGHT, dots, " ".join(averages), [(g, _y(g)) for g in (1, 2, 3, 4)], labels
    )
