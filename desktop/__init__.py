"""Fieldbook: the offline-first desktop client for key-account managers."""

__version__ = "0.1.0"
