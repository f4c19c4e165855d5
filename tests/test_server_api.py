"""The REST API through HTTP against a real `unspun serve` process, on SQLite and PostgreSQL."""
from __future__ import annotations

import pytest

import unspun
from test_server_api_support import EVIL_SOURCE, EVIL_SPEAKER, corpus, serve
from test_store_support import BACKENDS, db_target, drop_schema

TOKEN = "s3cret-token-for-tests"


@pytest.fixture(scope="module", params=BACKENDS)
def server(request, tmp_path_factory):
    """A server with write access (token) over the test corpus, one per backend."""
    url, schema = db_target(request.param, tmp_path_factory.mktemp(request.param))
    with unspun.open_store(url) as store:
        store.add(corpus())
    try:
        with serve(url, token=TOKEN) as srv:
            srv.backend = request.param
            yield srv
    finally:
        if schema:
            drop_schema(schema)


def items(resp):
    assert resp.status_code == 200, resp.text
    return resp.json()["items"]


def ids_of(resp):
    return {h["article_id"] for h in items(resp)}


def error(resp, status, code):
    assert resp.status_code == status, resp.text
    assert resp.headers["content-type"].startswith("application/json")
    body = resp.json()["error"]
    assert body["code"] == code and body["message"]
    return body["message"]


RECS = {r.source + r.published: r for r in corpus()}


def rid(source, published):
    return RECS[source + published].id


def test_health_and_listing_filters(server):
    health = server.get("/api/health").json()
    assert health == {"status": "ok", "backend": {"sqlite": "sqlite",
                                                  "postgres": "postgresql"}[server.backend],
                      "articles": 5, "writable": True}
    newest_first = [h["article_id"] for h in items(server.get("/api/articles"))]
    assert newest_first[0] == rid("Gotham Gazette", "2024-01-05")
    assert len(newest_first) == 5
    assert ids_of(server.get("/api/articles", params={"source": "Daily Planet"})) == {
        rid("Daily Planet", "2023-09-20"), rid("Daily Planet", "2023-10-02")}
    assert ids_of(server.get("/api/articles", params={"since": "2023-10", "until": "2023-10"})) \
        == {rid("Daily Planet", "2023-10-02"), rid("Gotham Gazette", "2023-10-15")}
    assert ids_of(server.get("/api/articles", params={"speaker": "lois"})) == {
        rid("Daily Planet", "2023-09-20"), rid("Gotham Gazette", "2023-10-15")}
    assert ids_of(server.get("/api/articles", params={"technique": "exaggeration",
                                                      "voice": "quoted"})) == {
        rid("Daily Planet", "2023-10-02")}
    assert ids_of(server.get("/api/articles", params={"technique": "exaggeration",
                                                      "voice": "author"})) == set()
    assert ids_of(server.get("/api/articles", params={"frame": "economic"})) == {
        rid("Daily Planet", "2023-09-20"), rid("Gotham Gazette", "2023-10-15")}
    assert ids_of(server.get("/api/articles", params={"source": ["Daily Planet",
                                                                 "Gotham Gazette"],
                                                      "entity": "wayne"})) == {
        rid("Gotham Gazette", "2024-01-05")}


def test_pagination_walks_every_article_once(server):
    seen, offset = [], 0
    while offset is not None:
        page = server.get("/api/articles", params={"limit": 2, "offset": offset}).json()
        assert len(page["items"]) <= 2
        seen += [h["article_id"] for h in page["items"]]
        offset = page["next_offset"]
    assert sorted(seen) == sorted(r.id for r in corpus())


def test_full_record_and_missing_article(server):
    rec = corpus()[1]
    got = server.get(f"/api/articles/{rec.id}")
    assert got.status_code == 200
    assert got.json() == rec.to_dict()
    assert "nope-0" in error(server.get("/api/articles/nope-0"), 404, "not_found")
    page = server.get("/articles/nope-0")  # pages answer with an HTML error page
    assert page.status_code == 404 and "text/html" in page.headers["content-type"]
    assert "no article with id nope-0" in page.text


def test_search_articles_and_quotes_with_snippets(server):
    hits = items(server.get("/api/search", params={"q": "budget"}))
    assert {h["article_id"] for h in hits} == {rid("Daily Planet", "2023-10-02"),
                                               rid("Gotham Gazette", "2023-10-15")}
    assert all("**" in h["snippet"] and "budget" in h["snippet"].lower() for h in hits)
    quotes = items(server.get("/api/search", params={"q": "trains", "kind": "quote"}))
    assert [(q["speaker"], q["content"]) for q in quotes] == [("Bruce Wayne",
                                                               "the city needs trains")]
    # query syntax characters are plain words, never SQL or FTS operators
    assert items(server.get("/api/search", params={"q": "'; DROP TABLE articles; --"})) == []
    assert server.get("/api/health").json()["articles"] == 5


def test_speakers_and_entities(server):
    speakers = {s["speaker"]: s for s in items(server.get("/api/speakers"))}
    assert speakers["Lois Lane"]["quotes"] == 2 and speakers["Lois Lane"]["sources"] == 2
    who = server.get("/api/speakers/Lois Lane").json()
    assert sorted((q["source"], q["content"]) for q in who["quotes"]) == [
        ("Daily Planet", "the bridge will open in May"),
        ("Gotham Gazette", "the budget is a mess")]
    assert {r["source"]: r["quotes"] for r in who["quotes_by_source"]} == {
        "Daily Planet": 1, "Gotham Gazette": 1}
    ent = server.get("/api/entities", params={"name": "wayne"}).json()
    assert ent["matched_names"] == ["bruce wayne"]
    assert server.get("/api/entities/Bruce Wayne").json()["mentions"][0]["context"].count(
        "**Bruce Wayne**") == 1


def test_outlet_statistics_and_trends(server):
    recs = corpus()
    rows = {r["source"]: r for r in items(server.get("/api/outlets"))}
    planet_words = sum(len(r.text.split()) for r in recs if r.source == "Daily Planet")
    assert rows["Daily Planet"]["articles"] == 2 and rows["Daily Planet"]["words"] == planet_words
    one = server.get("/api/outlets/Daily Planet").json()
    assert one["months"] == ["2023-09", "2023-10", "2023-11", "2024-01"]
    assert one["series"]["articles"] == [1, 1, 0, 0]
    sept_words = len(recs[0].text.split())
    assert one["series"]["author_per_1k"][0] == round(1000 / sept_words, 2)
    assert one["series"]["quoted_per_1k"] == [0.0, round(1000 / len(recs[1].text.split()), 2),
                                              0.0, 0.0]
    assert [s["speaker"] for s in one["top_speakers"]] in (["Lois Lane", "Perry White"],
                                                            ["Perry White", "Lois Lane"])
    error(server.get("/api/outlets/Nobody"), 404, "not_found")
    tech = server.get("/api/techniques").json()
    labels = {t["technique"]: t for t in tech["items"]}
    assert labels["loaded_language"]["author"] == 2 and labels["exaggeration"]["quoted"] == 1
    assert tech["months"] == one["months"]
    oct_words = len(recs[1].text.split()) + len(recs[2].text.split())
    assert tech["per_month"]["author_per_1k"][1] == round(1000 * 1 / oct_words, 2)
    frames = server.get("/api/frames").json()
    assert frames["per_month"]["economic"] == [1, 1, 0, 0]
    facets = server.get("/api/facets").json()
    assert set(facets["source"]) == {"Daily Planet", "Gotham Gazette", EVIL_SOURCE}
    assert server.get("/api/stats", params={"by": "month"}).json()["items"][0]["month"] == \
        "2023-09"


@pytest.mark.parametrize("path, params, status, code", [
    ("/api/articles", {"limit": 101}, 400, "bad_request"),
    ("/api/articles", {"limit": 0}, 400, "bad_request"),
    ("/api/articles", {"offset": 10**6}, 400, "bad_request"),
    ("/api/articles", {"voice": "narrator"}, 400, "bad_request"),
    ("/api/articles", {"since": "last week"}, 400, "bad_request"),
    ("/api/search", {"q": "word " * 200}, 400, "bad_request"),
    ("/api/search", {"q": "-only -excluded"}, 400, "bad_search"),
    ("/api/search", {"kind": "people"}, 400, "bad_request"),
    ("/api/speakers", {"limit": 5000}, 400, "bad_request"),
    ("/api/stats", {"by": "weather"}, 400, "bad_request"),
])
def test_over_limit_and_bad_requests_get_clear_json_errors(server, path, params, status, code):
    error(server.get(path, params=params), status, code)


def test_url_and_body_caps(server):
    error(server.get("/api/search", params={"q": "x" * 5000}), 414, "too_large")
    big = {"text": "word " * 250_000}
    error(server.post("/api/analyze", json=big), 413, "too_large")
    error(server.post("/api/analyze", content=b"{not json", headers={
        "content-type": "application/json"}), 400, "bad_request")
    error(server.post("/api/analyze", json={"text": ""}), 400, "bad_request")

    def chunks():  # no Content-Length: the cap applies while the body streams in
        yield b'{"text": "'
        for _ in range(40):
            yield b"word " * 10_000
        yield b'"}'
    error(server.post("/api/analyze", content=chunks(),
                      headers={"content-type": "application/json"}), 413, "too_large")
    error(server.post("/api/analyze", json={"text": "x", "colour": "red"}), 400, "bad_request")


def test_security_headers_and_no_cors_by_default(server):
    for path in ("/", "/api/articles", f"/articles/{corpus()[0].id}", "/api/nope"):
        resp = server.get(path, headers={"Origin": "https://evil.example"})
        csp = resp.headers["content-security-policy"]
        script_src = next(p for p in csp.split(";") if p.strip().startswith("script-src"))
        assert "'self'" in script_src and "unsafe" not in script_src
        assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert resp.headers["x-content-type-options"] == "nosniff"
        assert not any(h.lower().startswith("access-control-") for h in resp.headers)
    pre = server.http.options("/api/articles", headers={
        "Origin": "https://evil.example", "Access-Control-Request-Method": "GET"})
    assert "access-control-allow-origin" not in pre.headers


def test_write_needs_the_bearer_token(server):
    article = {"text": "LONDON (Reuters) - Parliament approved the budget on Tuesday. "
                       '"This is a historic day," said Jane Smith, the finance minister.',
               "source": "Wire Test", "published": "2024-02-01", "title": "Budget passes"}
    body = {"articles": [article]}
    before = server.get("/api/health").json()["articles"]
    resp = server.post("/api/articles", json=body)
    error(resp, 401, "unauthorized")
    assert resp.headers["www-authenticate"].startswith("Bearer")
    error(server.post("/api/articles", json=body,
                      headers={"Authorization": "Bearer " + TOKEN[:-1] + "X"}),
          401, "unauthorized")
    error(server.post("/api/articles", json=body, headers={"Authorization": TOKEN}),
          401, "unauthorized")
    # the token is checked before the body is even parsed
    error(server.post("/api/articles", content=b"garbage"), 401, "unauthorized")
    assert server.get("/api/health").json()["articles"] == before

    analysed = server.post("/api/analyze", json=article)
    assert analysed.status_code == 200, analysed.text
    rec = analysed.json()
    assert rec["dateline"]["agency"]["text"] == "Reuters"
    assert any(q["speaker"] and "Jane Smith" in q["speaker"]["name"] for q in rec["quotes"])
    assert server.get("/api/health").json()["articles"] == before  # analyse stores nothing

    ok = server.post("/api/articles", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert ok.status_code == 201, ok.text
    assert ok.json()["added"] == [rec["id"]]
    stored = server.get(f"/api/articles/{rec['id']}").json()
    assert stored["text"] == article["text"] and stored["source"] == "Wire Test"
    again = server.post("/api/articles", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert again.json()["skipped"] == [rec["id"]]
    assert rec["id"] in ids_of(server.get("/api/search", params={"q": "historic"}))
    assert server.get("/api/health").json()["articles"] == before + 1


def test_posted_group_speakers_are_judged_when_stored(server):
    """Which posted speakers are groups is judged after the write (readers never tag)."""
    import time

    article = {"text": "OSLO (Reuters) - The harbour bridge closed on Monday for repairs. "
                       '"The work will take a year," officials said.',
               "source": "Harbour Wire", "published": "2024-03-01", "title": "Bridge shut"}
    ok = server.post("/api/articles", json={"articles": [article]},
                     headers={"Authorization": f"Bearer {TOKEN}"})
    assert ok.status_code == 201 and ok.json()["added"], ok.text
    every: list[str] = []
    for _ in range(100):  # judged right after the response
        every = [s["speaker"] for s in items(server.get("/api/speakers",
                                                        params={"unresolved": "true"}))]
        if "group (officials)" in every:
            break
        time.sleep(0.1)
    assert "group (officials)" in every
    assert not {"officials", "group (officials)"} & {
        s["speaker"] for s in items(server.get("/api/speakers"))}


def test_openapi_documents_every_endpoint(server):
    doc = server.get("/openapi.json").json()
    expected = {"/api/health", "/api/articles", "/api/articles/{article_id}", "/api/search",
                "/api/speakers", "/api/speakers/{name}", "/api/entities",
                "/api/entities/{name}", "/api/outlets", "/api/outlets/{source}", "/api/stats",
                "/api/techniques", "/api/frames", "/api/facets", "/api/analyze"}
    assert set(doc["paths"]) == expected
    assert set(doc["paths"]["/api/articles"]) == {"get", "post"}
    limit = next(p for p in doc["paths"]["/api/articles"]["get"]["parameters"]
                 if p["name"] == "limit")
    assert limit["schema"]["maximum"] == 100
    page = server.get("/api/docs")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    for path in expected:
        assert path in page.text
    assert "http://" not in page.text.replace(server.url, "") and "https://" not in page.text


def test_pages_escape_untrusted_text(server):
    evil = corpus()[-1]
    page = server.get(f"/articles/{evil.id}").text
    assert "<script>window" not in page and "<img src=x" not in page and "<svg" not in page
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page
    assert "&amp;amp; chips &amp;lt;b&amp;gt;" in page  # entities shown as typed, not decoded
    assert 'href="javascript:' not in page
    assert "&lt;/span&gt;&lt;script&gt;" in page  # technique evidence, escaped in the attribute
    for path, params in (("/", {"q": "markup"}), ("/who", {"name": "Mallory"}),
                         ("/outlets", {}), (f"/outlets/{EVIL_SOURCE}", {})):
        resp = server.get(path, params=params)
        assert resp.status_code == 200, (path, resp.text[:300])
        assert "<script>window" not in resp.text and "<img src=x" not in resp.text
    assert EVIL_SPEAKER not in server.get("/who", params={"name": "Mallory"}).text
