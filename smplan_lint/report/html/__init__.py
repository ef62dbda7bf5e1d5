"""The HTML report's parts: one module per page section, and the style sheet, script and
icon sheet as package files, so each can be read and edited as what it is.

Every verdict the page shows (a goal "not specific", a mission "missing") is a finding
the rules raised; the plan's facts only list what exists (goals, accounts, networks).
"""
