"""Data files shipped inside the package: word lists, generated indexes, starters.

Read by path beside this module rather than through importlib.resources, whose
imports cost a few milliseconds of every cold start; the package is always
installed as files.
"""

import os

FOLDER = os.path.dirname(__file__)


def read_text(name: str) -> str:
    with open(os.path.join(FOLDER, name), encoding="utf-8") as handle:
        return handle.read()
