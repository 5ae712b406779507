"""loopcoach: self-hosted interview preparation."""

__version__ = "0.1.0"
