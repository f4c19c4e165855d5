"""`unspun serve`: the web UI and REST API over a store."""
from __future__ import annotations

import os
import socket

import click

from .group import cli
from .pipeopts import check_pipeline, pipeline_options
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
@click.option("--allowed-host", "allowed_hosts", multiple=True, metavar="HOST",
              help="A host name clients may use in the Host header (repeatable; '*' allows "
              "any). Default: the --host address and localhost; any host when --host is "
              "0.0.0.0 or ::. Other Host headers get 400 (DNS-rebinding protection).")
@click.option("--max-analyze-chars", type=click.IntRange(1), default=100_000,
              show_default=True, help="Characters of text POST /api/analyze accepts (413 "
              "above; a body that cannot fit is refused before it is read).")
@click.option("--analyze-workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Analysis processes per server process, shared by POST /api/analyze and "
              "/api/articles (each loads the pipeline, about 300 MB).")
@pipeline_options
@click.option("--analyze-queue", type=click.IntRange(0, 1000), default=8, show_default=True,
              help="Analysis requests that may wait for a worker; more get 503 with "
              "Retry-After.")
@click.option("--analyze-timeout", type=click.FloatRange(1, 3600), default=30.0,
              show_default=True, help="Seconds an analysis request may take, waiting "
              "included; past it the worker is killed and replaced and the client gets 504.")
@click.option("--header-timeout", type=click.FloatRange(0.5, 600), default=10.0,
              show_default=True, help="Seconds a connection has to send a complete request "
              "head; slower or silent connections are closed.")
@click.option("--log-level", type=click.Choice(["critical", "error", "warning", "info",
                                                "debug"]), default="info", show_default=True,
              help="How much the server logs (info logs one line per request).")
def serve(db: str, host: str, port: int, cors: tuple[str, ...], workers: int, pool: int,
          allowed_hosts: tuple[str, ...], max_analyze_chars: int, analyze_workers: int,
          enable: tuple[str, ...], models: tuple[str, ...], analyze_queue: int, analyze_timeout: float, header_timeout: float,
          log_level: str) -> None:
    """Serve the web UI and REST API for a database and print its address.

    Pages: search with filters, each article with quotes coloured by speaker
    and techniques underlined, speakers and entities, outlets compared over
    time. API: /api/... (JSON), described at /openapi.json and /api/docs.

    The server is read-only unless the environment variable UNSPUN_TOKEN is
    set; then POST /api/articles stores articles sent with the header
    "Authorization: Bearer $UNSPUN_TOKEN". An empty or missing SQLite
    database is created, and the start page says how to ingest.

    Hostile clients: POST /api/analyze needs no token, so every analysis
    runs in a bounded pool of worker processes (--analyze-workers), with a
    queue bound (503 with Retry-After when full), a time limit per request
    (504; the worker is killed and replaced) and a character limit (413);
    read requests never wait behind analysis. Connections must send their
    request head within --header-timeout, and the Host header must be an
    allowed host (--allowed-host).

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

    from ..server.config import default_hosts
    from ..server.protocol import ENV as HEADER_ENV

    hosts = list(allowed_hosts) or default_hosts(host)
    check_pipeline(None, enable, models)
    models = tuple(os.path.abspath(m) for m in models)
    settings = Settings(db=db, token=os.environ.get("UNSPUN_TOKEN") or None,
                        cors_origins=list(cors), pool_size=pool,
                        max_analyze_chars=max_analyze_chars, analyze_workers=analyze_workers,
                        analyze_queue=analyze_queue, analyze_timeout=analyze_timeout,
                        allowed_hosts=hosts, enable=list(enable), models=list(models))
    os.environ[HEADER_ENV] = str(header_timeout)
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
                  timeout_graceful_shutdown=5,
                  http="unspun.server.protocol:GuardedH11Protocol")
    if workers == 1:
        uvicorn.Server(uvicorn.Config(app, **common)).run()
        return
    os.environ.update({"UNSPUN_DB": db, "UNSPUN_POOL": str(pool),
                       "UNSPUN_CORS": ",".join(cors), "UNSPUN_ALLOWED_HOSTS": ",".join(hosts),
                       "UNSPUN_ANALYZE_CHARS": str(max_analyze_chars),
                       "UNSPUN_ANALYZE_WORKERS": str(analyze_workers),
                       "UNSPUN_ANALYZE_QUEUE": str(analyze_queue),
                       "UNSPUN_ANALYZE_TIMEOUT": str(analyze_timeout),
                       "UNSPUN_ENABLE": ",".join(enable),
                       "UNSPUN_MODELS": os.pathsep.join(models)})
    uvicorn.run("unspun.server:app_from_env", factory=True, workers=workers, **common)
