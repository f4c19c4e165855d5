"""French: spaCy's fr_core_news_sm (``backend.py``), attribution cues, places, technique
and frame lexicons as data."""
