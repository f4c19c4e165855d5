"""`unspun serve`: the web UI and REST API over a store."""
from __future__ import annotations

import os

import click

from .group import cli
from .storeopts import db_option


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. The default answers this machine only; use 0.0.0.0 "
              "to open it to the network (then set UNSPUN_TOKEN only over a trusted link).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="TCP port (0 picks a free one).")
@click.option("--cors-origin", "cors", multiple=True, metavar="ORIGIN",
              help="Allow browser pages from ORIGIN (e.g. https://example.org) to call the API "
              "(repeatable). Without it no CORS headers are sent.")
@click.option("--pool", type=click.IntRange(1, 64), default=4, show_default=True,
              help="Database connections kept open for reading.")
@click.option("--log-level", type=click.Choice(["critical", "error", "warning", "info",
                                                "debug"]), default="info", show_default=True,
              help="How much the server logs (info logs one line per request).")
def serve(db: str, host: str, port: int, cors: tuple[str, ...], pool: int,
          log_level: str) -> None:
    """Serve the web UI and REST API for a database and print its address.

    Pages: search with filters, each article with quotes coloured by speaker
    and techniques underlined, speakers and entities, outlets compared over
    time. API: /api/... (JSON), described at /openapi.json and /api/docs.

    The server is read-only unless the environment variable UNSPUN_TOKEN is
    set; then POST /api/articles stores articles sent with the header
    "Authorization: Bearer $UNSPUN_TOKEN". An empty or missing SQLite
    database is created, and the start page says how to ingest.

    \b
    Examples:
      unspun serve --db news.db
      UNSPUN_TOKEN=$(openssl rand -hex 16) unspun serve --db news.db --port 8080
    """
    try:
        import uvicorn

        from ..server import Settings, create_app
    except ImportError as exc:
        raise click.ClickException(f"the web server needs extra packages ({exc.name}): "
                                   "pip install 'unspun[web]'") from None
    from ..store import StoreError

    settings = Settings(db=db, token=os.environ.get("UNSPUN_TOKEN") or None,
                        cors_origins=list(cors), pool_size=pool)
    try:
        app = create_app(settings)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    config = uvicorn.Config(app, host=host, port=port, log_level=log_level,
                            server_header=False, timeout_graceful_shutdown=5)
    server = uvicorn.Server(config)
    mode = "read-write (token set)" if settings.token else "read-only (no UNSPUN_TOKEN)"

    original = server.startup

    async def startup(sockets=None) -> None:  # print the real address once listening
        await original(sockets=sockets)
        for srv in getattr(server, "servers", []):
            for sock in srv.sockets:
                h, p = sock.getsockname()[:2]
                shown = f"[{h}]" if ":" in h else h
                click.echo(f"unspun serving {db} at http://{shown}:{p}/ ({mode}); "
                           "Ctrl-C stops it", err=False)
        click.get_text_stream("stdout").flush()

    server.startup = startup  # type: ignore[method-assign]
    server.run()
