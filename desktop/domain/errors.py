"""Errors services raise with a message a user can read."""

from __future__ import annotations


class DomainError(Exception):
    """Base class: the message is shown to the user as it is."""


class NotFoundError(DomainError):
    pass


class ValidationError(DomainError):
    """One or more fields are wrong: ``errors`` maps field -> message."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = errors
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))


class PermissionDeniedError(DomainError):
    pass
