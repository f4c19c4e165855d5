"""`unspun serve`: the web UI and REST API over a store."""
from __future__ import annotations

import os
import socket

import click

from .group import cli
from .storeopts import db_option


def _listen(host: str, port: int) -> socket.socket:
    """A listening socket on host:port (bound here so that port 0 is resolved before start)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise click.ClickException(f"cannot listen on {host}:{port}: {exc.strerror}") from None
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


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
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Server processes sharing the port (use about one per CPU core for heavy "
              "traffic; each loads the analysis model on its first POST).")
@click.option("--pool", type=click.IntRange(1, 64), default=4, show_default=True,
              help="Database connections each process keeps open for reading.")
@click.option("--log-level", type=click.Choice(["critical", "error", "warning", "info",
                                                "debug"]), default="info", show_default=True,
              help="How much the server logs (info logs one line per request).")
def serve(db: str, host: str, port: int, cors: tuple[str, ...], workers: int, pool: int,
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
        app = create_app(settings)  # also creates and migrates a new database, once
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    sock = _listen(host, port)
    h, p = sock.getsockname()[:2]
    mode = "read-write (token set)" if settings.token else "read-only (no UNSPUN_TOKEN)"
    click.echo(f"unspun serving {db} at http://{f'[{h}]' if ':' in h else h}:{p}/ ({mode}, "
               f"{workers} process{'es' if workers > 1 else ''}); Ctrl-C stops it")
    click.get_text_stream("stdout").flush()
    common = dict(fd=sock.fileno(), log_level=log_level, server_header=False,
                  timeout_graceful_shutdown=5)
    if workers == 1:
        uvicorn.Server(uvicorn.Config(app, **common)).run()
        return
    os.environ.update({"UNSPUN_DB": db, "UNSPUN_POOL": str(pool),
                       "UNSPUN_CORS": ",".join(cors)})
    uvicorn.run("unspun.server:app_from_env", factory=True, workers=workers, **common)
