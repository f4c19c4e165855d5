"""Request bodies of the write endpoints, as pydantic models (they document the OpenAPI)."""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from .config import MAX_BODY, MAX_POST_ARTICLES


class ArticleIn(BaseModel):
    """One article to analyse: its text and optional metadata."""

    model_config = ConfigDict(extra="forbid")
    text: str = Field(..., min_length=1, max_length=MAX_BODY,
                      description="The article text (plain text; HTML is not parsed here).")
    published: str | None = Field(None, max_length=40, description="ISO date, YYYY-MM-DD.")
    source: str | None = Field(None, max_length=200, description="The outlet's name.")
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=2000)


class ArticlesIn(BaseModel):
    """Articles to analyse and store (``POST /api/articles``)."""

    model_config = ConfigDict(extra="forbid")
    articles: list[ArticleIn] = Field(..., min_length=1, max_length=MAX_POST_ARTICLES)
    replace: bool = Field(False, description="Replace an article already stored with this id.")
