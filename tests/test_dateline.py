import pytest

from unspun.pipeline.dateline import find_dateline, resolve_date


def parts(text):
    d = find_dateline(text)
    if d is None:
        return None
    return tuple(d[k]["text"] if d[k] else None for k in ("place", "date", "agency"))


@pytest.mark.parametrize("text, expected", [
    ("BAKU, Azerbaijan, September 20. The anti-terrorist measures",
     ("BAKU, Azerbaijan", "September 20", None)),
    ("WASHINGTON (AP) — The Latest on the race", ("WASHINGTON", None, "AP")),
    ("Washington (AFP) – Donald Trump said", ("Washington", None, "AFP")),
    ("LONDON, March 3 (Reuters) - Oil prices rose", ("LONDON", "March 3", "Reuters")),
    ("KYIV, Ukraine — Russian forces", ("KYIV, Ukraine", None, None)),
    ("(CNN)Donald Trump said on Monday", (None, None, "CNN")),
    ("(CNN) — The White House", (None, None, "CNN")),
    ("HEMPSTEAD, N.Y., Sept. 26 (UPI) — Green Party", ("HEMPSTEAD, N.Y.", "Sept. 26", "UPI")),
    ("MOSCOW, September 20. /TASS/. Russia's foreign", ("MOSCOW", "September 20", "TASS")),
    ("DES MOINES, Iowa — One scathing editorial", ("DES MOINES, Iowa", None, None)),
    ("MEXICO CITY, Feb. 8 (UPI) — Count", ("MEXICO CITY", "Feb. 8", "UPI")),
    ("Kyiv, Ukraine — Officials said", ("Kyiv, Ukraine", None, None)),
    ("Paris, 3 March 2024 - The president", ("Paris", "3 March 2024", None)),
    ("Dec 29 (Reuters) - U.S. Democratic candidate", (None, "Dec 29", "Reuters")),
])
def test_dateline_forms(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize("text", [
    "Donald Trump — the candidate — said on Monday",
    "The Latest: Trump leads in Ohio",
    "Bernie Sanders is swaggering into the sixth debate.",
    "In our last epistle from the Bottomless Pit, we mocked.",
    "Sen. Ted Cruz (R-Texas) said on Monday",
    "Yesterday - something happened",
    "",
])
def test_no_dateline(text):
    assert find_dateline(text) is None


def test_dateline_span_covers_whole_credit():
    d = find_dateline("  RENO, Nev. (AP) — Republican hopeful")
    assert d["span"]["text"] == "RENO, Nev. (AP) —"
    assert d["span"]["start"] == 2


@pytest.mark.parametrize("value, published, expected", [
    ("September 20", "2023-09-20", "2023-09-20"),
    ("December 31", "2024-01-02", "2023-12-31"),
    ("Jan. 1", "2023-12-31", "2024-01-01"),
    ("Sept. 26", "2016-09-27", "2016-09-26"),
    ("3 March 2024", None, "2024-03-03"),
    ("March 3", None, None),
    ("February 30", "2023-03-01", None),
])
def test_resolve_date(value, published, expected):
    assert resolve_date(value, published) == expected


def test_resolved_date_in_record():
    import unspun

    rec = unspun.analyze("WASHINGTON, Dec. 31 (UPI) — Congress adjourned on Friday.",
                         published="2017-01-02")
    assert rec.dateline["resolved_date"] == "2016-12-31"
    assert rec.dateline["agency"]["text"] == "UPI"
