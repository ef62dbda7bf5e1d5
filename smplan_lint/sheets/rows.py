"""Table rows -> accounts, discovered profiles, goals and people, each marked by cell."""

from __future__ import annotations

from typing import Any

from smplan_lint.findings import Issue
from smplan_lint.load.tree import escape
from smplan_lint.sheets import FORMULA_ERROR, ROW_NOT_READ, values
from smplan_lint.sheets.columns import Header
from smplan_lint.sheets.grid import Sheet, cell_name

NETWORKS = frozenset(values.HOSTS.values()) | frozenset(values.NETWORK_NAMES.values())
_AT = {"mission": "purpose", "metric": "metrics/0/name", "target": "metrics/0/target",
       "baseline": "metrics/0/baseline", "per": "metrics/0/per", "shutdown": "status"}
_CONVERT = {
    "network": lambda v: values.network(values.text(v)),
    "handle": lambda v: values.handle(values.text(v)),
    "verified": values.yes_no, "last_post": values.day, "created": values.day,
    "deadline": values.day, "followers": values.count, "target": values.count,
    "baseline": values.count,
}
_LEFT = {"left", "gone", "former", "inactive", "no", "n", "ausgeschieden", "inaktiv",
         "se fue", "inactivo", "parti", "partie", "inactif", "false"}


class People:
    """Owner names -> person ids: from the People sheet when there is one, else each
    distinct name is a person of its own."""

    def __init__(self) -> None:
        self.listed = False
        self.ids: dict[str, str] = {}            # lower-case name or id -> id
        self.seen: dict[str, tuple[str, str, int, int]] = {}  # id -> (name, sheet, row, col)

    def resolve(self, name: str, sheet: str, row: int, column: int) -> str:
        found = self.ids.get(name.lower())
        if found is not None or self.listed:
            return found or name
        person = values.slug(name)
        self.ids[name.lower()] = person
        self.seen.setdefault(person, (name, sheet, row, column))
        return person


class RowReader:
    """Reads the rows of each table into the plan the workbook is building."""

    def __init__(self, book: Any) -> None:
        self.book = book
        self.people = People()
        self.accounts: dict[tuple[str, str], tuple[int, str]] = {}  # -> (index, sheet)
        self.missions: dict[str, tuple[str, str, int, int]] = {}
        self.mission: tuple[str, str, int, int] | None = None  # the current row's
        self.taken: dict[str, set[str]] = {}  # section -> ids its items have

    def people_from(self, tables: list[tuple[Sheet, Header]]) -> None:
        """People sheets first, so that owners resolve to their ids."""
        for sheet, header in tables:
            self.people.listed = True
            self.read_table(sheet, header)

    def read_table(self, sheet: Sheet, header: Header) -> None:
        used = sorted([*header.fields, *header.extra])
        for row in range(header.row + 1, len(sheet.rows)):
            cells = sheet.rows[row]
            if not any(values.text(cell) for cell in cells) and not _has_error(sheet, row):
                continue
            if not any(values.text(cells[c]) for c in used if c < len(cells)) \
                    and not _has_error(sheet, row, used):
                self._not_read(sheet, header, row)
                continue
            item, where = self._item(sheet, header, row)
            self._place(sheet, header, row, item, where, used[0])

    def _item(self, sheet: Sheet, header: Header, row: int) -> tuple[dict, dict]:
        """The row's values by key, and the column each key came from."""
        item: dict[str, Any] = {}
        where: dict[str, int] = {}
        self.mission = None
        cells = sheet.rows[row]
        fields = sorted(header.fields.items(), key=lambda pair: pair[1] == "mission")
        for column, name in [*fields, *header.extra.items()]:
            at = _AT.get(name, name)
            where.setdefault(at, column)
            value = cells[column] if column < len(cells) else ""
            error = sheet.error_at(row, column)
            if error:
                self._formula_error(sheet, header, row, column, at, error)
                continue
            if values.text(value):
                self._set(item, where, header.kind, name, value, (sheet.name, row, column))
        if header.kind in ("accounts", "discovered") and "network" not in item:
            named = values.network(sheet.name)
            if named in NETWORKS:
                item["network"] = named
        if self.mission and item.get("network"):
            self.missions.setdefault(str(item["network"]), self.mission)
        return item, where

    def _set(self, item: dict, where: dict, kind: str, name: str, value: Any,
             cell: tuple[str, int, int]) -> None:
        """One cell into the item, read the way its column means it."""
        raw = values.text(value)
        if name == "url":
            found = values.profile(raw)
            if found:
                for key, part in zip(("network", "handle"), found, strict=True):
                    item.setdefault(key, part)
                    where.setdefault(key, cell[2])
            elif "/" not in raw and "." not in raw:
                item.setdefault("handle", values.handle(raw))
                where.setdefault("handle", cell[2])
                return
            item["url"] = raw
        elif name == "owner":
            item["owner"] = self.people.resolve(raw, *cell)
        elif name == "mission":
            item.setdefault("purpose", raw)
            where.setdefault("purpose", cell[2])
            self.mission = (raw, *cell)
        elif name == "status":
            item["status"] = values.status(value) if kind == "accounts" else raw.lower()
        elif name == "shutdown":
            answer = values.yes_no(value)
            item.setdefault("status", values.SHUTDOWN.get(answer, raw))
        elif name in _AT:
            metric = item.setdefault("metrics", [{}])[0]
            metric[_AT[name].rpartition("/")[2]] = _CONVERT.get(name, values.text)(value)
        elif name == "active":
            item["active"] = raw.lower() not in _LEFT
        elif name == "lint-ignore":
            item["lint-ignore"] = _suppressions(raw)
        else:
            item[name] = _CONVERT.get(name, _typed)(value)

    def _place(self, sheet: Sheet, header: Header, row: int, item: dict, where: dict,
               first: int) -> None:
        """Append the item (or fill in the account it repeats) and mark its cells."""
        section = self.book.plan.setdefault(header.kind, [])
        if header.kind == "people":
            item.setdefault("id", values.slug(str(item.get("name", row + 1))))
            self.people.ids[str(item.get("name", "")).lower()] = item["id"]
            self.people.ids[str(item["id"]).lower()] = item["id"]
        index = self._repeated(sheet, header.kind, item)
        if index is None:
            index = len(section)
            if header.kind in ("accounts", "goals") and "id" not in item:
                item = {"id": self._new_id(header.kind, item, sheet.name, row), **item}
            section.append(item)
            self.taken.setdefault(header.kind, set()).add(str(item.get("id")))
        else:
            item = {key: value for key, value in item.items() if key not in section[index]}
            section[index].update(item)
        pointer = f"/{header.kind}/{index}"
        self.book.mark(pointer, sheet.name, row, first)
        for key in item.keys() | where.keys():
            column = where.get(key, first)
            self.book.mark(f"{pointer}/{key}", sheet.name, row, column)
            if key == "lint-ignore":
                for rule in item.get(key) or {}:
                    self.book.mark(f"{pointer}/{key}/{escape(rule)}", sheet.name, row, column)

    def _new_id(self, kind: str, item: dict, sheet: str, row: int) -> str:
        """Rows have no ids, and the format needs one: `instagram-acmecoffee` for an
        account, the first words of its sentence for a goal. Built from what the row
        says, never from its place, so fingerprints survive reordered rows."""
        if kind == "accounts" and item.get("network") and item.get("handle"):
            base = values.slug(f"{item['network']} {item['handle']}")
        elif kind == "goals" and item.get("statement"):
            base = values.slug(" ".join(str(item["statement"]).split()[:6]))
        else:
            base = values.slug(f"{sheet} row {row + 1}")
        taken = self.taken.setdefault(kind, set())
        ident, number = base, 1
        while ident in taken:
            number += 1
            ident = f"{base}-{number}"
        return ident

    def _repeated(self, sheet: Sheet, kind: str, item: dict) -> int | None:
        """The index of the account a per-network sheet's row repeats, if any."""
        if kind != "accounts" or not item.get("handle") or not item.get("network"):
            return None
        key = (str(item["network"]), str(item["handle"]).lower())
        found = self.accounts.get(key)
        if found is not None and found[1] != sheet.name:
            return found[0]
        if found is None:
            self.accounts[key] = (len(self.book.plan["accounts"]), sheet.name)
        return None

    def _formula_error(self, sheet: Sheet, header: Header, row: int, column: int, at: str,
                       error: str) -> None:
        pointer = f"/{header.kind}/{len(self.book.plan.get(header.kind, []))}/{at}"
        self.book.mark(pointer, sheet.name, row, column)
        self.book.problems.append(Issue(
            FORMULA_ERROR, pointer, f"cell {cell_name(row, column)} shows the formula error "
            f"{error}; its value is not read"))

    def _not_read(self, sheet: Sheet, header: Header, row: int) -> None:
        cells = sheet.rows[row]
        column = next(c for c, cell in enumerate(cells) if values.text(cell))
        self.book.problem(ROW_NOT_READ, f"/{header.kind}", sheet.name, row, column,
                          f"row {row + 1} has values only in columns without a header, "
                          "so it is not read")

    def finish(self) -> None:
        """People named as owners (when no People sheet lists them) and missions."""
        plan = self.book.plan
        if self.people.seen and not self.people.listed:
            people = plan.setdefault("people", [])
            for person, (name, sheet, row, column) in self.people.seen.items():
                pointer = f"/people/{len(people)}"
                people.append({"id": person, "name": name})
                for at in (pointer, f"{pointer}/id", f"{pointer}/name"):
                    self.book.mark(at, sheet, row, column)
        for network, (text, sheet, row, column) in self.missions.items():
            plan.setdefault("missions", {})[network] = text
            self.book.mark("/missions", sheet, row, column)
            self.book.mark(f"/missions/{escape(network)}", sheet, row, column)


def _has_error(sheet: Sheet, row: int, only: list[int] | None = None) -> bool:
    width = len(sheet.rows[row])
    return any(sheet.error_at(row, column) for column in (only or range(width)))


def _typed(value: Any) -> Any:
    """A cell of a column the format does not define, typed as it was in the sheet."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return values.day(value) if hasattr(value, "isoformat") else values.text(value) \
        if isinstance(value, str) else value


def _suppressions(raw: str) -> dict[str, str]:
    """`SMP205: seasonal account; SMP206: closing in May` -> rule -> reason."""
    found = {}
    for part in raw.replace("\n", ";").split(";"):
        rule, _, reason = part.partition(":")
        if rule.strip():
            found[rule.strip()] = reason.strip()
    return found
