"""The Fieldbook sync server (FastAPI, Qt-free): auth, scope, push, pull, attachments."""
