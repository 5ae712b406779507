"""The shipped linear models as read into memory: each distinct weight held once."""

from __future__ import annotations

import json
import math
from importlib import resources

from loopcoach.analysis.linear import MODELS_PACKAGE, load_model


def weights_of(model) -> list[float]:
    return [weight for row in model.weights.values() for weight in row]


def test_a_model_holds_each_distinct_weight_once_and_reads_them_as_written():
    model = load_model("asks")
    weights = weights_of(model)
    assert len(weights) > 100_000
    # 0.0 and -0.0 are equal numbers but two values, written differently
    values = {(weight, math.copysign(1.0, weight)) for weight in weights}
    assert len({id(weight) for weight in weights}) == len(values)
    raw = json.loads(resources.files(MODELS_PACKAGE).joinpath("asks.json").read_text())
    assert model.weights == raw["weights"] and list(model.bias) == raw["bias"]


def test_the_follow_up_models_are_read_once_per_process(monkeypatch):
    from loopcoach.analysis import followup, linear

    story = "I led the migration of our billing service and cut failed payments by 12%."

    def answer(text: str, follow_up: str):
        return followup.analyze_follow_up(text, follow_up=follow_up, story=story)

    answer("I would ship it in two steps, behind a flag.", "What would you do differently?")

    def unreadable(package):
        raise AssertionError(f"{package} read again")

    monkeypatch.setattr(linear.resources, "files", unreadable)
    assert answer("I learnt to ask the finance team early.", "What did you learn?").grade


def test_preloading_reads_every_shipped_model():
    from loopcoach.analysis import linear

    linear.preload_shipped_models()
    names = {e.name.removesuffix(".json") for e in resources.files(MODELS_PACKAGE).iterdir()}
    names.discard("__init__.py")
    assert all(linear.shipped_model(name) is not None for name in names)
    assert len(names) >= 10 and linear.shipped_model.cache_info().currsize >= len(names)
