from smplan_lint.cli import entry

entry()
