"""Linear models scored in pure Python from the JSON that `loopcoach analysis train` writes.

No numpy at run time: a model is a bias per class and a weight row per
feature name, so scoring is a few dictionary look-ups per feature.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

MODELS_PACKAGE = "loopcoach.analysis.models"


@dataclass(frozen=True)
class LinearModel:
    classes: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, list[float]]
    extra: dict[str, Any]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LinearModel:
        return cls(
            classes=tuple(data["classes"]),
            bias=tuple(data["bias"]),
            weights=data["weights"],
            extra={k: v for k, v in data.items() if k not in {"classes", "bias", "weights"}},
        )

    def scores(self, features: dict[str, float]) -> list[float]:
        out = list(self.bias)
        weights = self.weights
        for name, value in features.items():
            row = weights.get(name)
            if row is not None:
                out = [o + w * value for o, w in zip(out, row, strict=True)]
        return out

    def probabilities(self, features: dict[str, float]) -> list[float]:
        return softmax(self.scores(features))


def softmax(scores: list[float]) -> list[float]:
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


def sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-x)) if x >= 0 else math.exp(x) / (1 + math.exp(x))


MODEL_NAMES = (
    "roles",
    "question_principle",
    "story_principle",
    "hypothetical",
    "ownership",
    "grade",
)


@dataclass(frozen=True)
class Models:
    """Every model the analyzer scores with; None where a model has not been trained.

    The analyzer takes them as an argument (training passes freshly fitted ones), and
    `shipped_models()` reads the ones in the package.
    """

    roles: LinearModel | None = None
    question_principle: LinearModel | None = None
    story_principle: LinearModel | None = None
    hypothetical: LinearModel | None = None
    ownership: LinearModel | None = None
    grade: LinearModel | None = None

    @classmethod
    def from_dicts(cls, data: dict[str, dict[str, Any]], base: Models | None = None) -> Models:
        """Models from their JSON dicts; names missing from `data` come from `base`."""
        built = {name: LinearModel.from_dict(d) for name, d in data.items() if name in MODEL_NAMES}
        fallback = base or cls()
        return cls(**{name: built.get(name, getattr(fallback, name)) for name in MODEL_NAMES})


def load_model(name: str) -> LinearModel | None:
    """The model `name`.json shipped in the package; None if not trained."""
    try:
        raw = resources.files(MODELS_PACKAGE).joinpath(f"{name}.json").read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        return None
    # One float object per distinct number: the shipped weights are rounded to five decimals,
    # so the 290,000 of all the models take 24,000 values, and a float each cost 6 MB. The
    # dict's own (C) lookup parses each number; Python code runs only for a number first seen.
    return LinearModel.from_dict(json.loads(raw, parse_float=_Floats().__getitem__))


class _Floats(dict[str, float]):
    def __missing__(self, text: str) -> float:
        value = self[text] = float(text)
        return value


@cache
def shipped_model(name: str) -> LinearModel | None:
    """The model `name`.json shipped in the package, read once per process: parsing the JSON
    of a word model (18 ms for the follow-up intents) costs far more than scoring with it."""
    return load_model(name)


@cache
def shipped_models() -> Models:
    """The models shipped in the package, read once per process."""
    return Models(**{name: shipped_model(name) for name in MODEL_NAMES})


def preload_shipped_models() -> None:
    """Read every model shipped in the package now: a web process calls this before it serves,
    so no request waits for the files to be parsed, and their weights are allocated together
    with the rest of what the process keeps (and frozen with it, see `settle`)."""
    shipped_models()
    for entry in resources.files(MODELS_PACKAGE).iterdir():
        if entry.name.endswith(".json"):
            shipped_model(entry.name.removesuffix(".json"))


def normalised(features: dict[str, float]) -> dict[str, float]:
    """Scale a bag of features to unit length so long and short sentences weigh alike."""
    norm = math.sqrt(sum(v * v for v in features.values())) or 1.0
    return {k: v / norm for k, v in features.items()}
