from smplan_lint.console import entry

entry()
