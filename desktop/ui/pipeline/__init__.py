"""The Pipeline page's parts: the board by stage, the list, the dialogs."""
