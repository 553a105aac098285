"""Qt-free domain: the schema (SQLAlchemy models), business rules and services."""
