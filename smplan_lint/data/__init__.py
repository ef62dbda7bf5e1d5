"""Data files shipped inside the package: word lists, generated indexes, starters.

Read by path beside this module rather than through importlib.resources, whose
imports cost a few milliseconds of every cold start; the package is always
installed as files.
"""

from pathlib import Path

FOLDER = Path(__file__).parent


def read_text(name: str) -> str:
    return (FOLDER / name).read_text(encoding="utf-8")
