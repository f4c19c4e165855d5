"""Russian: natasha's sentences and named entities (``backend.py``), attribution cues,
places, technique and frame lexicons as data."""
