"""The Visits area's widgets: week calendar, agenda model, planning and report dialogs."""
