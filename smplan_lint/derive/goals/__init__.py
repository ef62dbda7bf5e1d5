"""Read goal sentences the way a marketer would.

Teams often write goals as bare sentences ("Post three photos a week on Instagram
with at least 30 likes each"), so the SMART checks (rules/goals.yaml) need to know
what such a sentence measures, whether it has a real target, a deadline or a
cadence, and which networks it names. This package answers that in English,
German, Spanish and French. All vocabulary and patterns live in
``smplan_lint/data/goal_language.yaml``; they are loaded on first use, so
importing this package stays cheap.

Statements longer than MAX_STATEMENT_LENGTH (2,000) characters are read up to
that length only, and their reading is marked ``truncated``.

Modules, in the order a sentence meets them:

- :mod:`.text`: words, spans and masking, shared by every stage;
- :mod:`.prefilter`: what a sentence must contain for a term to match;
- :mod:`.index`: named term groups, compiled for the terms a sentence can match;
- :mod:`.lexicon`: the data file as named groups and patterns;
- :mod:`.dates`: dates and the last day each allows;
- :mod:`.mentions`: language, metrics, negation, networks and @handles;
- :mod:`.reader`: the reading of a sentence, and of a structured metric name;
- :mod:`.builder`: loading the vocabulary and building its generated index.
"""

from ..answers import METRIC_FAMILIES, GoalReading, vanity_only
from .builder import DATA_FILE, INDEX_FILE, build_index
from .reader import MAX_STATEMENT_LENGTH, classify_metric, read_all, read_goal

__all__ = [
    "DATA_FILE",
    "INDEX_FILE",
    "MAX_STATEMENT_LENGTH",
    "METRIC_FAMILIES",
    "GoalReading",
    "build_index",
    "classify_metric",
    "read_all",
    "read_goal",
    "vanity_only",
]
