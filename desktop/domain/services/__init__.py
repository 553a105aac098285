"""Qt-free services: functions of a session (reads) or a unit of work (writes) that
return plain data (dicts, dataclasses, ids), never live ORM objects."""
