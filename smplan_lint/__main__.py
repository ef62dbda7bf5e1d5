from smplan_lint.cli import main

main()
