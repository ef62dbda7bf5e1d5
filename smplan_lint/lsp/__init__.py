"""The language server (`smplan-lint lsp`): findings as the plan's author types.

One concept per module:
- `server`: pygls wiring, the open documents and when they are linted;
- `linting`: the same setup and verdict as the command line, for text in memory;
- `settings`: what the editor may change (`smplanLint.*`);
- `diagnostics`: a finding or an unusable plan as an LSP diagnostic;
- `hover`: `explain`'s text for a rule id or a finding's line;
- `actions`: mechanical fixes as text edits that keep comments and layout;
- `text`: where keys, values and flow collections are in the plan's text.

pygls is an optional dependency (`pip install 'smplan-lint[lsp]'`); only
`server` and the modules that build LSP types import it.
"""
