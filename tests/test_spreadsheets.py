"""Audit spreadsheets linted like YAML plans: cells as locations, every format, import."""

from __future__ import annotations

import datetime
import json
import shutil
import subprocess

import pytest
from conftest import FIXTURES, TODAY, run_cli, sarif_validator

from smplan_lint.engine import backend
from smplan_lint.lint import lint_bytes
from smplan_lint.load import READERS, load_bytes, reader_for
from smplan_lint.packs import compile_packs, core_pack
from smplan_lint.sheets import values
from smplan_lint.sheets.export import to_yaml

SHEETS = FIXTURES / "spreadsheets"
XLSX = SHEETS / "audit.smplan.xlsx"
DAY = ("--today", TODAY.isoformat())
COMPILED = compile_packs([core_pack()])
SHEET_RULES = {"SMP011", "SMP012", "SMP013", "SMP014"}


def _lint(data: bytes, path: str):
    return lint_bytes(data, path, COMPILED, backend("python"), TODAY).findings


def _cells(findings) -> set[tuple[str, str | None, int, int]]:
    return {(f.rule, f.sheet, f.line, f.column) for f in findings}


def _csv(text: str) -> bytes:
    return text.encode("utf-8")


# --- the template workbook, in every format ---------------------------------------------

def test_template_workbook_findings_sit_at_their_cells():
    found = _cells(_lint(XLSX.read_bytes(), str(XLSX)))
    assert {
        ("SMP201", "Accounts", 7, 3),        # TikTok: blank Channel Owner cell C7
        ("SMP011", "Accounts", 7, 8),        # #REF! in Most Recent Post
        ("SMP206", "Accounts", 8, 9),        # X: Deactivate (so no purpose or post is due)
        ("SMP501", "Impostors", 2, 2),       # acme_c0ffee, Shutdown N
        ("SMP012", "Instagram", 3, 11),      # Followers merged over J3:K3
        ("SMP013", "Accounts", 10, 11),      # a note beside the table
        ("SMP014", "Instructions", 1, 1),
    } <= found


@pytest.mark.parametrize("name", ["audit.smplan.ods", "audit.smplan.xls",
                                  "libreoffice.smplan.xlsx"])
def test_every_workbook_format_gives_the_same_plan_findings(name):
    """Merged cells and error cells exist only in the xlsx; everything else agrees."""
    def plan_findings(path):
        return {c for c in _cells(_lint(path.read_bytes(), str(path)))
                if c[0] not in SHEET_RULES | {"SMP205"}}
    assert plan_findings(SHEETS / name) == plan_findings(XLSX)


def test_csv_is_one_sheet_named_after_the_file():
    path = SHEETS / "accounts.smplan.csv"
    found = _cells(_lint(path.read_bytes(), str(path)))
    assert ("SMP201", "accounts", 7, 3) in found


def test_text_report_names_the_cell():
    result = run_cli(str(XLSX), "--no-color", *DAY)
    out = result.stdout.decode()
    assert result.returncode == 1
    assert "audit.smplan.xlsx:Accounts!C7" in out and "account-no-owner" in out


def test_json_gives_row_column_and_sheet_and_the_plan_pointer():
    data = json.loads(run_cli(str(XLSX), "--format", "json", *DAY).stdout)
    owner = next(f for f in data["findings"] if f["rule"] == "SMP201")
    assert (owner["sheet"], owner["line"], owner["column"]) == ("Accounts", 7, 3)
    assert owner["path"] == "/accounts/2" and owner["subject"] == "tiktok-acmecoffee"


def test_sarif_has_the_row_as_line_and_the_cell_as_a_logical_location():
    sarif = json.loads(run_cli(str(XLSX), "--format", "sarif", *DAY).stdout)
    sarif_validator().validate(sarif)
    result = next(r for r in sarif["runs"][0]["results"] if r["ruleId"] == "SMP201")
    location = result["locations"][0]
    assert location["physicalLocation"]["region"] == {"startLine": 7, "startColumn": 3}
    assert {"name": "Accounts!C7", "kind": "sheetCell"} in location["logicalLocations"]


def test_standard_input_is_recognised_as_a_workbook():
    assert reader_for("-", XLSX.read_bytes()) is READERS["spreadsheet"]
    assert reader_for("-", (SHEETS / "audit.smplan.xls").read_bytes()) is READERS["spreadsheet"]
    result = run_cli("-", "--format", "json", *DAY, input=XLSX.read_bytes())
    assert any(f["sheet"] == "Accounts" for f in json.loads(result.stdout)["findings"])


def test_folder_search_picks_up_smplan_spreadsheets_only(tmp_path):
    shutil.copy(XLSX, tmp_path / "audit.smplan.xlsx")
    shutil.copy(XLSX, tmp_path / "budget.xlsx")
    data = json.loads(run_cli(str(tmp_path), "--format", "json", *DAY).stdout)
    assert {f["file"].rpartition("/")[2] for f in data["findings"]} == {"audit.smplan.xlsx"}


# --- bad input ------------------------------------------------------------------------

@pytest.mark.parametrize("data, words", [
    (b"PK\x03\x04" + b"\0" * 64, "cannot read the workbook"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64 + "EncryptedPackage".encode("utf-16-le"),
     "protected by a password"),
])
def test_corrupt_or_protected_workbook_is_an_input_error(tmp_path, data, words):
    path = tmp_path / "audit.xlsx"
    path.write_bytes(data)
    result = run_cli(str(path), "--format", "json", *DAY)
    report = json.loads(result.stdout)
    assert result.returncode == 2 and b"Traceback" not in result.stderr
    assert words in report["errors"][0]["message"]


def test_a_sheet_without_a_header_names_what_was_looked_for_and_found():
    found = _lint(_csv("Kanalname;Zuständigkeit\nacme;Maria\n"), "audit.csv")
    message = next(f.message for f in found if f.rule == "SMP014")
    assert "Network, Handle" in message and "found Kanalname, Zuständigkeit" in message


def test_no_row_is_dropped_in_silence():
    found = _lint(_csv("Network,Handle\ninstagram,acme\n,,see the brand book\n"
                       ",just a handle-less note\n"), "audit.csv")
    rules = {(f.rule, f.line) for f in found}
    assert ("SMP013", 3) in rules            # values only beside the table
    assert ("SMP006", 4) in rules            # a row in the table without a network: kept


# --- reading headers and values ------------------------------------------------------

@pytest.mark.parametrize("header", [
    "Netzwerk;Benutzername;Verantwortlich;Aktion",
    "Red social;Usuario;Responsable;Acción",
    "Réseau;Compte;Responsable;Statut",
    "  NETWORK ; handle;Channel   Owner;Keep / Deactivate",
])
def test_headers_in_any_case_spacing_and_language(header):
    data = _csv(f"Audit 2026\n\n{header}\nInstagram;@acme;Ana Ruiz;Delete\n")
    plan = load_bytes(data, "audit.csv").data
    assert plan["accounts"] == [{"id": "instagram-acme", "network": "instagram",
                                 "handle": "acme", "owner": "ana-ruiz", "status": "delete"}]
    assert plan["people"] == [{"id": "ana-ruiz", "name": "Ana Ruiz"}]


@pytest.mark.parametrize("url, expected", [
    ("https://www.instagram.com/acme/", ("instagram", "acme")),
    ("x.com/acme", ("x", "acme")), ("facebook.com/acme", ("facebook", "acme")),
    ("linkedin.com/company/acme", ("linkedin", "acme")),
    ("tiktok.com/@acme", ("tiktok", "acme")), ("https://youtube.com/@acme", ("youtube", "acme")),
    ("acme", None), ("https://example.com/acme", None),
])
def test_profile_urls_give_network_and_handle(url, expected):
    assert values.profile(url) == expected


def test_cell_values_are_understood():
    assert [values.yes_no(v) for v in ("Y", "N", "Request submitted", "ja", 1.0)] == [
        True, False, False, True, True]
    assert [values.status(v) for v in ("Keep", "Deactivate", "Delete", "Update")] == [
        "keep", "delete", "delete", "update"]
    day = datetime.date(2026, 9, 15)
    assert [values.day(v) for v in (day, datetime.datetime(2026, 9, 15, 8), 46280.0,
                                    "2026-09-15", "15.09.2026", "09/15/2026",
                                    "Sept 15, 2026", "15 September 2026")] == [day] * 8
    assert values.day("soon") == "soon"


def test_people_sheet_impostors_goals_and_plan_sheet():
    plan = load_bytes(XLSX.read_bytes(), str(XLSX)).data
    assert plan["organisation"]["brand_terms"] == ["acme", "acmecoffee"]
    assert plan["organisation"]["competitors"] == [
        {"name": "Bean There", "handles": {"instagram": "beantherecoffee"}}]
    assert plan["audit"] == {"last_reviewed": datetime.date(2026, 9, 15),
                             "review_every_days": 90}
    assert [d["status"] for d in plan["discovered"]] == ["unreviewed", "reported", "unreviewed"]
    assert plan["goals"][0]["metrics"] == [{"name": "web_referrals", "target": 400}]
    # the Instagram sheet fills in the summary's account rather than repeating it
    assert [a["id"] for a in plan["accounts"]].count("instagram-acmecoffee") == 1
    data = _csv("People\nName,Role,Active or Left\nAna Ruiz,Lead,Left\n\n")
    people = load_bytes(data, "people.csv").data["people"]
    assert people == [{"id": "ana-ruiz", "name": "Ana Ruiz", "role": "Lead", "active": False}]


def test_fingerprints_survive_reordered_rows():
    header = "Network,Handle,Channel Owner\n"
    rows = ["instagram,acme,\n", "x,acme_x,\n"]
    goals = "Goal,Network\nGet more followers.,x\nMore likes.,instagram\n"
    first = _lint(_csv(header + "".join(rows)), "a.csv") + _lint(_csv(goals), "g.csv")
    second = _lint(_csv(header + "".join(reversed(rows))), "a.csv") + _lint(
        _csv("Goal,Network\nMore likes.,instagram\nGet more followers.,x\n"), "g.csv")
    assert {f.fingerprint for f in first} == {f.fingerprint for f in second}
    lines = {f.fingerprint: f.line for f in first}
    assert any(lines[f.fingerprint] != f.line for f in second)  # the rows did move


# --- import ----------------------------------------------------------------------------

def test_import_lints_like_the_workbook(tmp_path):
    """The round trip: the same findings, at the matching items, but the sheet's own."""
    target = tmp_path / "plan.smplan.yaml"
    result = run_cli("import", str(XLSX), "-o", str(target))
    assert result.returncode == 0, result.stderr
    text = target.read_text(encoding="utf-8")
    assert "# from Accounts row 5; Instagram row 4" in text

    def items(findings):
        return sorted((f.rule, f.path, f.subject, f.message) for f in findings
                      if f.rule not in SHEET_RULES)
    workbook = _lint(XLSX.read_bytes(), str(XLSX))
    imported = _lint(target.read_bytes(), str(target))
    assert items(imported) == items(workbook)


def test_import_refuses_to_overwrite_without_force(tmp_path):
    target = tmp_path / "plan.smplan.yaml"
    target.write_text("keep me\n")
    refused = run_cli("import", str(XLSX), "-o", str(target))
    assert refused.returncode == 2 and b"--force" in refused.stderr
    assert target.read_text() == "keep me\n"
    assert run_cli("import", str(XLSX), "-o", str(target), "--force").returncode == 0


def test_export_names_where_items_came_from():
    document = load_bytes(_csv("Network,Handle\ninstagram,acme\n"), "a.csv")
    assert "  # from a row 2\n  - id: instagram-acme" in to_yaml(document)


# --- LibreOffice ------------------------------------------------------------------------

@pytest.mark.slow
def test_libreoffice_round_trip(tmp_path):
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-calc-nogui)")
    for kind in ("ods", "xlsx"):
        subprocess.run([office, "--headless", f"-env:UserInstallation=file://{tmp_path}/u",
                        "--convert-to", kind, "--outdir", str(tmp_path / kind), str(XLSX)],
                       check=True, capture_output=True, timeout=300)
        saved = tmp_path / kind / f"audit.smplan.{kind}"
        again = {c for c in _cells(_lint(saved.read_bytes(), str(saved)))
                 if c[0] != "SMP012"}  # ods keeps no merged ranges
        assert again >= {c for c in _cells(_lint(XLSX.read_bytes(), str(XLSX)))
                         if c[0] not in ("SMP012", "SMP011", "SMP205")}
