"""The Accounts page's parts: list model, filter bar, detail pane and dialogs."""
