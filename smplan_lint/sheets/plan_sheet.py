"""The optional "Plan" sheet: key and value rows for what a table can't hold.

    Brand terms      | acme, acmecoffee
    Target networks  | Instagram, LinkedIn, TikTok
    Competitor       | Bean There | instagram.com/beantherecoffee
    Last audit       | 15.09.2026
    Review interval  | 90 days
    Objective        | online-sales | Grow online bean subscriptions to 5,000 by 2027.
"""

from __future__ import annotations

import re
from typing import Any

from smplan_lint.sheets import ROW_NOT_READ, values
from smplan_lint.sheets.columns import header_words
from smplan_lint.sheets.grid import Sheet

KEYS = {
    ("organisation", "name"): ("organisation", "organization", "company", "brand", "business",
                               "business name", "unternehmen", "marke", "empresa", "marca",
                               "entreprise", "marque"),
    ("organisation", "brand_terms"): ("brand terms", "brand names", "brand term", "markenbegriffe",
                                      "términos de marca", "terminos de marca",
                                      "termes de marque"),
    ("organisation", "website"): ("website", "web site", "site", "webseite", "sitio web",
                                  "site web"),
    ("organisation", "target_networks"): ("target networks", "target network", "networks",
                                          "zielnetzwerke", "redes objetivo", "réseaux cibles"),
    ("organisation", "competitors"): ("competitor", "competitors", "wettbewerber",
                                      "konkurrent", "competidor", "competidores",
                                      "concurrent", "concurrents"),
    ("audit", "last_reviewed"): ("last audit", "last audit date", "last reviewed", "audit date",
                                 "last review", "letzte prüfung", "letztes audit",
                                 "última auditoría", "ultima auditoria", "dernier audit"),
    ("audit", "review_every_days"): ("review interval", "review every days", "review every",
                                     "audit interval", "prüfintervall",
                                     "intervalo de revisión", "intervalle de révision"),
    ("audit", "reviewer"): ("reviewer", "auditor", "prüfer", "revisor", "réviseur"),
    ("objectives", ""): ("objective", "objectives", "business objective", "geschäftsziel",
                         "objetivo de negocio", "objectif commercial"),
    ("lint-ignore", ""): ("lint ignore", "lint-ignore"),
}
_LOOKUP = {header_words(word): target for target, words in KEYS.items() for word in words}
_UNITS = {"day": 1, "days": 1, "tage": 1, "días": 1, "jours": 1, "week": 7, "weeks": 7,
          "wochen": 7, "semanas": 7, "semaines": 7, "month": 30, "months": 30, "monate": 30,
          "meses": 30, "mois": 30}
_WORDS = {"monthly": 30, "quarterly": 91, "yearly": 365, "annually": 365, "weekly": 7}


def read_plan_sheet(book: Any, people: Any, sheet: Sheet) -> None:
    """Each row: a key in the first filled cell, its value(s) in the cells after it."""
    for row, cells in enumerate(sheet.rows):
        filled = [(column, cell) for column, cell in enumerate(cells) if values.text(cell)]
        if len(filled) < 2:
            if filled and row > 0:
                book.problem(ROW_NOT_READ, "", sheet.name, row, filled[0][0],
                             f"row {row + 1} of the Plan sheet has a key but no value")
            continue
        (key_column, key), *rest = filled
        target: tuple[str, str | None] | None = _LOOKUP.get(header_words(key))
        if target is None:
            if row == 0 and header_words(key) in ("key", "setting", "field", "name"):
                continue  # a header row over the key/value pairs
            target = (header_words(key).replace(" ", "_"), None)
        place = (sheet.name, row, rest[0][0])
        pointer = _store(book.plan, target, [cell for _, cell in rest], people, place)
        book.mark("/" + pointer.split("/")[1], sheet.name, row, key_column)
        book.mark(pointer, sheet.name, row, rest[0][0])


def _store(plan: dict, target: tuple[str, str | None], cells: list[Any], people: Any,
           place: tuple[str, int, int]) -> str:
    """Put the value where the format keeps it; returns its pointer."""
    section, key = target
    if key is None:  # a key the format does not define: kept at the top, like YAML
        plan[section] = values.text(cells[0])
        return f"/{section}"
    if section == "objectives":
        objectives = plan.setdefault("objectives", [])
        statement = values.text(cells[-1])
        ident = values.text(cells[0]) if len(cells) > 1 else values.slug(statement)[:40]
        objectives.append({"id": ident, "statement": statement})
        return f"/objectives/{len(objectives) - 1}"
    if section == "lint-ignore":
        rule, _, reason = values.text(cells[0]).partition(":")
        plan.setdefault("lint-ignore", {})[rule.strip()] = reason.strip() or values.text(cells[-1])
        return f"/lint-ignore/{rule.strip()}"
    holder = plan.setdefault(section, {})
    if key == "competitors":
        competitors = holder.setdefault("competitors", [])
        competitors.extend(_competitors(cells))
        return f"/{section}/competitors/{len(competitors) - 1}"
    holder[key] = _value(key, cells, people, place)
    return f"/{section}/{key}"


def _value(key: str, cells: list[Any], people: Any, place: tuple[str, int, int]) -> Any:
    if key == "brand_terms":
        return [term for cell in cells for term in values.words(cell)]
    if key == "target_networks":
        return [values.network(name) for cell in cells for name in values.words(cell)]
    if key == "last_reviewed":
        return values.day(cells[0])
    if key == "review_every_days":
        return _days(cells[0])
    if key == "reviewer":
        return people.resolve(values.text(cells[0]), *place)
    return values.text(cells[0])


def _days(value: Any) -> Any:
    """`90`, `90 days`, `12 weeks`, `3 months`, `quarterly`."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return int(value)
    raw = values.text(value).lower()
    if raw in _WORDS:
        return _WORDS[raw]
    found = re.fullmatch(r"(\d+)\s*(\w*)", raw)
    if found and (found[2] in _UNITS or not found[2]):
        return int(found[1]) * _UNITS.get(found[2], 1)
    return raw


def _competitors(cells: list[Any]) -> list[dict[str, Any]]:
    """`Bean There | instagram.com/beanthere` or `Bean There, Roastify` (names only)."""
    if len(cells) == 1:
        return [{"name": name} for name in values.words(cells[0])]
    handles = {}
    for cell in cells[1:]:
        found = values.profile(values.text(cell))
        if found:
            handles[found[0]] = found[1]
    entry: dict[str, Any] = {"name": values.text(cells[0])}
    if handles:
        entry["handles"] = handles
    return [entry]
