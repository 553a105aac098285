"""Widgets shared by the targets, complaints and reports pages."""
