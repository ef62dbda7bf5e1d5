"""Audit spreadsheets (xlsx, xls, ods, csv) read as plans, and written back as YAML.

- `grid`: workbook bytes -> sheets of cells (python-calamine, csv);
- `columns`: which table a sheet holds, from its header row;
- `values`: what a cell means (profile URLs, Y/N, Keep/Delete, dates);
- `rows`, `plan_sheet`: rows -> plan items, each marked by its cell;
- `build`: the workbook -> a `Document` like a YAML plan's;
- `export`: that plan -> commented YAML (`smplan-lint import`).
"""

# The rules (rules/file.yaml) for what a sheet itself gets wrong.
FORMULA_ERROR = "SMP011"
MISSING_HEADER = "SMP012"
ROW_NOT_READ = "SMP013"
SHEET_NOT_READ = "SMP014"
