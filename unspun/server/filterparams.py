"""The API's search filters, built from the filter specification at app build time.

:func:`filters_dependency` makes a FastAPI dependency whose query parameters
are the filters of :func:`unspun.store.filters.filter_specs` (types, choices,
length limits and descriptions from each spec), so a registered filter is an
API parameter (and in the OpenAPI document) with no change here.
:func:`search_router` serves the two endpoints that take them.

This module does not use ``from __future__ import annotations``: the route
signatures hold the dependency built at run time, and FastAPI must see them
as objects, not as names to look up.
"""
import inspect
from typing import Annotated, Any, Callable, Literal, Optional

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from ..dates import check_date_filter
from ..errors import UnspunError
from ..store.filters import FilterSpec, filter_specs
from .api import Text, fast_json, pool
from .config import MAX_OFFSET, MAX_PAGE, MAX_QUERY
from .errors import ApiError

DATE_HELP = "YYYY, YYYY-MM or YYYY-MM-DD (else 400, U119)"
MAX_REPEATS = 20  # values of a repeatable filter in one request


class ApiFilters:
    """The validated filters of one request (``values``), with ``limit`` and ``offset``."""

    def __init__(self, values: dict[str, Any]):
        self.values = values


def _annotation(spec: FilterSpec) -> Any:
    if spec.repeatable:
        return Annotated[Optional[list[str]], Query(max_length=MAX_REPEATS,
                                                    description=spec.api_help)]
    if spec.type == "choice":
        kind = Optional[Literal[spec.choices]]  # type: ignore[valid-type]
        return Annotated[kind, Query(description=spec.api_help)] if spec.api_help else kind
    helptext = spec.api_help or (DATE_HELP if spec.type == "date" else None)
    return Annotated[Optional[str], Query(max_length=spec.max_length, description=helptext)]


def _check(spec: FilterSpec, value: Any) -> Any:
    if spec.repeatable:
        if value and any(len(v) > MAX_QUERY for v in value):
            raise ApiError(400, "bad_request", f"{spec.name} names are limited to {MAX_QUERY} "
                           "characters")
        return value or None
    if spec.type == "date":
        try:  # the check every date filter goes through (CLI, API, store)
            return check_date_filter(value, spec.name)
        except UnspunError as exc:
            raise ApiError(400, "bad_request", str(exc)) from None
    return value or None


def filters_dependency() -> Callable[..., ApiFilters]:
    """A dependency taking every filter (as the specification stands now), limit and offset."""
    specs = filter_specs()
    kw = inspect.Parameter.KEYWORD_ONLY
    params = [inspect.Parameter(s.name, kw, default=None, annotation=_annotation(s))
              for s in specs]
    params += [inspect.Parameter("limit", kw, default=20,
                                 annotation=Annotated[int, Query(ge=1, le=MAX_PAGE)]),
               inspect.Parameter("offset", kw, default=0,
                                 annotation=Annotated[int, Query(ge=0, le=MAX_OFFSET)])]

    def dependency(**given: Any) -> ApiFilters:
        values = {s.name: _check(s, given.get(s.name)) for s in specs}
        return ApiFilters({**values, "limit": given["limit"], "offset": given["offset"]})

    dependency.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    return dependency


def _page(items: list, f: ApiFilters) -> Response:
    limit, offset = f.values["limit"], f.values["offset"]
    return fast_json({"items": items, "limit": limit, "offset": offset,
                      "next_offset": offset + len(items) if len(items) == limit else None})


def search_router() -> APIRouter:
    """``GET /api/articles`` and ``GET /api/search`` with the filters registered now."""
    router = APIRouter(prefix="/api")
    Filters = Annotated[ApiFilters, Depends(filters_dependency())]

    @router.get("/articles", summary="List and filter articles", tags=["articles"])
    def list_articles(request: Request, f: Filters, q: Text = None) -> Response:
        """Articles matching the filters (and the optional query ``q``), newest first without
        ``q``, ranked with it; each item has id, date, outlet, title and a snippet."""
        with pool(request).reader() as store:
            return _page(store.search(q or None, kind="article", **f.values), f)

    @router.get("/search", summary="Full-text search of articles or quotes", tags=["articles"])
    def search(request: Request, f: Filters, q: Text = None,
               kind: Literal["article", "quote"] = "article") -> Response:
        """Web-search syntax (words, "phrases", OR, -word, word*); snippets mark matches with
        ``**``. ``kind=quote`` returns one hit per quote with its speaker."""
        with pool(request).reader() as store:
            return _page(store.search(q or None, kind=kind, **f.values), f)

    return router
