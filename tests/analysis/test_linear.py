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
