"""The Quotes area's widgets: the editor, its item models and pickers."""
