"""The device side of sync: push the outbox, pull and apply server changes (Qt-free)."""
