"""Which table a sheet holds and which column is which, from its header row.

Templates put a title block above the header and name columns in many ways and
languages, so a header is the row (among the first few) that names the most
known columns, in any case and spacing. Columns of commentary the format has no
place for (KPIs, Top Content, Notes, Bio, Hashtags) are known and skipped; any
other column is kept under its own name, as an unknown YAML key would be.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from smplan_lint.sheets.values import text

HEADER_ROWS = 25
"""The header is looked for in this many rows from the top."""

_ACCOUNT_LIKE = {
    "network": ("network", "social network", "platform", "channel", "site", "netzwerk",
                "soziales netzwerk", "plattform", "kanal", "red social", "red", "plataforma",
                "canal", "réseau", "réseau social", "plateforme"),
    "handle": ("handle", "username", "user name", "account", "account name", "profile name",
               "benutzername", "konto", "nutzername", "usuario", "nombre de usuario", "cuenta",
               "nom d utilisateur", "compte", "identifiant", "pseudo"),
    "url": ("url", "link", "profile", "profile url", "profile link", "address", "profil",
            "profil url", "enlace", "perfil", "url del perfil", "lien", "lien du profil",
            "adresse"),
    "id": ("id", "account id", "key"),
    "followers": ("followers", "follower count", "follower", "fans", "follower anzahl",
                  "seguidores", "abonnés", "abonnes"),
    "created": ("created", "date created", "created on", "erstellt", "creado", "créé le"),
    "verified": ("verified", "verified y n", "verified y n request submitted", "verifiziert",
                 "verificado", "vérifié", "verifie", "blue check"),
    "lint-ignore": ("lint ignore", "lint-ignore", "suppress", "ignore"),
}
TABLES: dict[str, dict[str, tuple[str, ...]]] = {
    "accounts": {
        **_ACCOUNT_LIKE,
        "owner": ("channel owner", "owner", "responsible", "managed by", "run by",
                  "verantwortlich", "zuständig", "inhaber", "responsable", "propietario",
                  "encargado", "propriétaire", "gestionnaire"),
        "purpose": ("purpose", "zweck", "propósito", "objectif du compte", "raison d être"),
        "mission": ("mission statement", "mission", "leitbild", "mission statement satz",
                    "declaración de misión", "misión", "énoncé de mission"),
        "status": ("keep deactivate", "keep deactivate delete", "keep update delete", "status",
                   "action", "decision", "aktion", "entscheidung", "acción", "estado",
                   "decisión", "statut", "décision"),
        "last_post": ("most recent post", "last post", "latest post", "last posted",
                      "date of last post", "letzter beitrag", "letzter post",
                      "última publicación", "ultima publicacion", "dernière publication",
                      "dernier post"),
        "agency": ("agency", "agentur", "agencia", "agence"),
    },
    "discovered": {
        **_ACCOUNT_LIKE,
        "shutdown": ("shutdown y n", "shutdown", "shut down", "reported", "taken down",
                     "gemeldet", "abgeschaltet", "denunciado", "cerrado", "signalé", "fermé"),
        "display_name": ("display name", "name", "profile name shown", "anzeigename",
                         "nombre visible", "nom affiché"),
        "bio": ("bio", "description", "beschreibung", "descripción", "biographie"),
        "note": ("notes", "note", "owner", "comments", "notizen", "notas", "remarques"),
        "status": ("status", "action", "estado", "statut"),
    },
    "goals": {
        "id": ("id", "goal id"),
        "statement": ("goal", "goals", "goal statement", "smart goal", "ziel", "ziele",
                      "objetivo", "meta", "objectif", "but"),
        "network": ("network", "platform", "channel", "netzwerk", "plattform", "red social",
                    "plataforma", "réseau", "plateforme"),
        "account": ("account", "account id", "konto", "cuenta", "compte"),
        "objective": ("objective", "business objective", "geschäftsziel", "objetivo de negocio",
                      "objectif commercial"),
        "metric": ("metric", "kpi", "measure", "kennzahl", "métrica", "indicateur"),
        "target": ("target", "zielwert", "objetivo numérico", "cible", "valeur cible"),
        "baseline": ("baseline", "current", "ausgangswert", "valor actual", "valeur actuelle"),
        "per": ("per", "period", "zeitraum", "periodo", "période"),
        "deadline": ("deadline", "due", "due date", "by", "frist", "fecha límite", "échéance"),
        "owner": ("owner", "responsible", "verantwortlich", "responsable"),
        "lint-ignore": ("lint ignore", "lint-ignore", "suppress", "ignore"),
    },
    "people": {
        "id": ("id", "person id"),
        "name": ("name", "full name", "person", "nombre", "nom"),
        "role": ("role", "rolle", "rol", "rôle", "position", "title"),
        "email": ("email", "e mail", "mail", "correo", "courriel"),
        "active": ("active", "active or left", "status", "aktiv", "activo", "actif"),
    },
}
SKIPPED = frozenset((
    "notes", "note", "comments", "kpis", "kpi", "top content", "hashtags", "bio",
    "link in profile", "website in bio", "notizen", "notas", "remarques", "kommentare",
))
"""Commentary columns of the account sheets that the format has no field for."""

SHEET_NAMES = {
    "discovered": ("impostor", "imposter", "fake", "impersonat", "fälschung", "suplant",
                   "usurpa", "faux"),
    "goals": ("goal", "ziel", "objetivo", "objectif", "meta"),
    "people": ("people", "team", "personen", "equipo", "équipe", "owners"),
}
PLAN_SHEET_NAMES = ("plan", "settings", "einstellungen", "configuración", "paramètres")
REQUIRED = {"accounts": ("network", "handle", "url"), "discovered": ("handle", "url"),
            "goals": ("statement",), "people": ("name",)}


def header_words(value: Any) -> str:
    """`Keep / Deactivate` -> `keep deactivate`: case, spacing and punctuation ignored."""
    return " ".join(re.sub(r"[^\w]+", " ", text(value).lower()).split())


_LOOKUP = {kind: {header_words(word): name for name, words in fields.items() for word in words}
           for kind, fields in TABLES.items()}


@dataclass
class Header:
    """The table a sheet holds: its kind, header row and which field each column is."""

    kind: str
    row: int
    fields: dict[int, str] = field(default_factory=dict)     # column -> field
    extra: dict[int, str] = field(default_factory=dict)      # column -> key of its own
    skipped: set[int] = field(default_factory=set)           # commentary columns


def find_header(sheet_name: str, rows: list[list[Any]]) -> Header | None:
    """The best header among the first rows, or None when no row names enough columns."""
    best: tuple[int, Header] | None = None
    for number, row in enumerate(rows[:HEADER_ROWS]):
        for kind in TABLES:
            header = _match(kind, number, row)
            if header is None:
                continue
            score = len(header.fields) + 2 * _named_for(sheet_name, kind)
            if "shutdown" in header.fields.values():
                score += 2 if kind == "discovered" else 0
            if best is None or score > best[0]:
                best = (score, header)
    return best[1] if best else None


def _named_for(sheet_name: str, kind: str) -> bool:
    lowered = sheet_name.lower()
    return any(word in lowered for word in SHEET_NAMES.get(kind, ()))


def _match(kind: str, number: int, row: list[Any]) -> Header | None:
    lookup = _LOOKUP[kind]
    header = Header(kind, number)
    for column, cell in enumerate(row):
        words = header_words(cell)
        name = lookup.get(words)
        if name is not None and name not in header.fields.values():
            header.fields[column] = name
        elif words in SKIPPED:
            header.skipped.add(column)
        elif words and name is None:
            header.extra[column] = words.replace(" ", "_")
    known = set(header.fields.values())
    if len(known) < 2 or not known & set(REQUIRED[kind]):
        return None
    return header


LOOKED_FOR = ("Network", "Handle", "URL", "Channel Owner", "Verified", "Mission Statement",
              "Most Recent Post", "Keep / Deactivate", "Goal", "Shutdown Y/N", "Name")
"""What a message says the reader looks for: the template's names (synonyms also work)."""


def is_plan_sheet(sheet_name: str) -> bool:
    """An optional sheet of key and value rows for what a table can't hold."""
    return sheet_name.strip().lower() in PLAN_SHEET_NAMES
