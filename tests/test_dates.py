"""One check for every since/until: a bad date is a coded error (U119) everywhere."""
import pytest

import unspun
from unspun.dates import check_date_filter
from unspun.errors import UnspunError
from test_server_api_support import serve
from test_store_support import corpus as store_corpus


@pytest.mark.parametrize("value, expected", [("2023", "2023"), ("2023-09", "2023-09"),
                                             (" 2024-02-29 ", "2024-02-29"), ("", None),
                                             (None, None)])
def test_good_dates(value, expected):
    assert check_date_filter(value, "since") == expected


@pytest.mark.parametrize("value, reason", [("2023-13-45", "no month 13"),
                                           ("2023-02-29", "2023-02 has no day 29"),
                                           ("2023-00", "no month 00"), ("0000", "no year 0"),
                                           ("2023/01/01", "not a date"),
                                           ("yesterday", "not a date"),
                                           ("2023-1-5", "not a date")])
def test_bad_dates(value, reason):
    with pytest.raises(UnspunError) as info:
        check_date_filter(value, "--until")
    assert info.value.code == "U119"
    assert reason in str(info.value) and "--until" in str(info.value)


def test_store_search_refuses_a_bad_date(tmp_path):
    with unspun.open_store(str(tmp_path / "s.db")) as store:
        store.add(store_corpus())
        with pytest.raises(UnspunError) as info:
            store.search(None, since="2023-13-45")
    assert "[U119]" in str(info.value)


def test_api_answers_400_with_the_code(tmp_path):
    db = str(tmp_path / "api.db")
    with unspun.open_store(db) as store:
        store.add(store_corpus())
    with serve(db) as srv:
        for path, params in [("/api/articles", {"since": "2023-13-45"}),
                             ("/api/search", {"q": "vote", "until": "2023-02-30"}),
                             ("/api/articles", {"until": "last week"})]:
            resp = srv.get(path, params=params)
            assert resp.status_code == 400, resp.text
            assert "[U119]" in resp.json()["error"]["message"]
        assert srv.get("/api/articles", params={"since": "2023-09"}).status_code == 200
