"""smplan-lint: a linter for social media marketing plans."""

__version__ = "0.1.0"
