"""回款: the account's Receivables tab and its dialogs."""
