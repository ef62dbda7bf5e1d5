"""What a cell means: profile URLs, yes/no words, audit decisions, dates and names.

Teams type these by hand in every form and language, so each reader accepts the
common spellings and hands anything else back unchanged: the validator then
reports it at its cell, rather than the reader guessing.
"""

from __future__ import annotations

import datetime
import re
from typing import Any
from urllib.parse import urlsplit

HOSTS = {
    "instagram.com": "instagram", "instagr.am": "instagram", "x.com": "x", "twitter.com": "x",
    "facebook.com": "facebook", "fb.com": "facebook", "linkedin.com": "linkedin",
    "tiktok.com": "tiktok", "youtube.com": "youtube", "pinterest.com": "pinterest",
    "threads.net": "threads", "threads.com": "threads", "bsky.app": "bluesky",
    "snapchat.com": "snapchat", "reddit.com": "reddit", "twitch.tv": "twitch",
}
NETWORK_NAMES = {"twitter": "x", "x (twitter)": "x", "x / twitter": "x", "twitter / x": "x",
                 "x (formerly twitter)": "x", "fb": "facebook", "ig": "instagram",
                 "yt": "youtube", "linked in": "linkedin", "tik tok": "tiktok"}
# Path segments that come before the handle on some networks (linkedin.com/company/acme).
_PREFIXES = {"company", "in", "school", "showcase", "user", "c", "channel", "r", "u", "add",
             "pages", "people"}

YES = {"y", "yes", "true", "1", "x", "✓", "✔", "ja", "j", "sí", "si", "s", "oui", "o",
       "verified", "verifiziert", "verificado", "vérifié", "verifie"}
NO = {"n", "no", "false", "0", "nein", "non", "-", "not verified", "unverified"}
PENDING = {"request submitted", "requested", "pending", "submitted", "beantragt",
           "solicitado", "solicitud enviada", "demandé", "demande envoyée"}

STATUS = {
    "keep": "keep", "behalten": "keep", "mantener": "keep", "garder": "keep",
    "conserver": "keep", "ok": "keep", "active": "keep",
    "update": "update", "aktualisieren": "update", "actualizar": "update",
    "mettre à jour": "update", "fix": "update", "improve": "update",
    "delete": "delete", "deactivate": "delete", "remove": "delete", "close": "delete",
    "löschen": "delete", "deaktivieren": "delete", "eliminar": "delete",
    "desactivar": "delete", "supprimer": "delete", "désactiver": "delete",
}
SHUTDOWN = {True: "reported", False: "unreviewed"}
ERROR_LITERALS = frozenset({"#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!",
                            "#GETTING_DATA", "#SPILL!", "#CALC!", "Err:502", "Err:504"})

_DAY_FIRST = re.compile(r"(\d{1,2})[./](\d{1,2})[./](\d{2,4})")
_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_EXCEL_EPOCH = datetime.date(1899, 12, 30)
_TEXT_DATES = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y")


def text(value: Any) -> str:
    """A cell as text: numbers without a spurious `.0`, dates in ISO form."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return str(value).strip()


def profile(url: str) -> tuple[str, str] | None:
    """(network, handle) of a profile address, with or without scheme and `www.`."""
    raw = url.strip()
    if not raw or " " in raw:
        return None
    parts = urlsplit(raw if "//" in raw else "//" + raw)
    host = (parts.hostname or "").removeprefix("www.").removeprefix("m.")
    network = HOSTS.get(host)
    if network is None:
        return None
    segments = [s for s in parts.path.split("/") if s]
    while len(segments) > 1 and segments[0].lower() in _PREFIXES:
        segments = segments[1:]
    if not segments:
        return None
    return network, segments[0].removeprefix("@")


def network(value: str) -> str:
    """Network names as the format writes them: lower case, one name for X/Twitter."""
    lowered = " ".join(value.lower().split())
    return NETWORK_NAMES.get(lowered, lowered)


def handle(value: str) -> str:
    """A handle cell may hold `@acme` or the whole profile address."""
    found = profile(value)
    return found[1] if found else value.strip().removeprefix("@")


def yes_no(value: Any) -> Any:
    """True, False, None for "Request submitted" (not verified yet), or the value unchanged."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return bool(value) if value in (0, 1) else value
    word = text(value).lower()
    if word in YES:
        return True
    if word in NO or word in PENDING:
        return False
    return value


def status(value: Any) -> Any:
    """keep / update / delete from "Keep / Deactivate / Delete" in several languages."""
    word = text(value).lower()
    return STATUS.get(word, word or value)


def day(value: Any) -> Any:
    """A date from a date cell, a serial number, ISO text, `15.09.2026`, `Sept 15, 2026`;
    anything else is returned unchanged for the validator to report."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool) and 20000 < value < 80000:
        return _EXCEL_EPOCH + datetime.timedelta(days=int(value))
    raw = text(value)
    try:
        if found := _ISO.fullmatch(raw):
            return datetime.date(*map(int, found.groups()))
        if found := _DAY_FIRST.fullmatch(raw):
            first, second, year = map(int, found.groups())
            year += 2000 if year < 100 else 0
            return _day_or_month_first(first, second, year)
    except ValueError:
        return raw
    raw = re.sub(r"\bSept\b", "Sep", raw)
    for form in _TEXT_DATES:
        try:
            return datetime.datetime.strptime(raw, form).date()
        except ValueError:
            continue
    return raw


def _day_or_month_first(first: int, second: int, year: int) -> datetime.date:
    """`15.09.2026` is day first; `09/15/2026` can only be month first."""
    if second > 12:
        return datetime.date(year, first, second)
    return datetime.date(year, second, first)


def count(value: Any) -> Any:
    """Follower counts: `1,200`, `1.2k`, `3M`, or a number cell."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if not isinstance(value, str):
        return value
    raw = value.strip().lower().replace(",", "").replace(" ", "")
    scale = {"k": 1_000, "m": 1_000_000}.get(raw[-1:], 1)
    try:
        return int(float(raw[:-1] if scale > 1 else raw) * scale)
    except ValueError:
        return value


def words(value: Any) -> list[str]:
    """A list cell: `acme, acmecoffee; acme_coffee` or one item per line."""
    return [part.strip() for part in re.split(r"[,;\n]", text(value)) if part.strip()]


def slug(name: str) -> str:
    """A person id from a name: `Maria López` -> `maria-lopez`."""
    import unicodedata

    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or name.strip().lower()
