"""English: the spaCy backend (backend.py) and data files; see docs/languages.md."""
