"""The review web app: a local FastAPI app over the same tables as the review workbook.

    .venv/bin/python -m pipeline review serve [--port 8765] [--db URL]

Bound to 127.0.0.1. Reading needs nothing; every change needs the token from
the settings (``PIPELINE_REVIEW_TOKEN``; without one, ``serve`` makes one and
prints the address to open). Opening ``/?token=...`` once stores the token in
a same-site, HTTP-only cookie; scripts send it as the ``X-Review-Token`` header.

Same-site is not same-origin: a page served from another port of 127.0.0.1
is same-site, so its browser would send the cookie with a forged form post.
A change sent with the cookie must therefore come from this app's own origin
(``Origin``, or ``Referer`` when a browser sends no ``Origin``); with the
header it may come from anywhere (a browser cannot add that header to a
cross-origin request without a CORS preflight, which this app never grants).
A request whose ``Host`` is not a loopback name is refused with 400: a page
on another domain that re-resolves its name to 127.0.0.1 (DNS rebinding)
would otherwise read the queue.
"""

# No "from __future__ import annotations" here: FastAPI reads the route functions'
# annotations (Request, Form) at runtime, and they are imported inside create_app.
import secrets
from urllib.parse import urlsplit

from pipeline.audit import STATUS_FI
from pipeline.digest import highlighted_fields, template_environment
from pipeline.errors import ReviewError
from pipeline.lang_fi.flags import FLAG_NAMES_FI
from pipeline.records import STATUSES, Decision
from pipeline.review import flag_counts
from pipeline.store import goal_texts, record, review_queue, trail

COOKIE = "review_token"
HEADER = "x-review-token"
#: Host names the app answers to; any port (it is bound to 127.0.0.1 only).
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "[::1]"})
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
#: Database ids are 64-bit signed integers; a larger number in a path or form is no id of ours.
MAX_ID = 2**63 - 1


def host_name(host: str) -> str:
    """``127.0.0.1:8765`` → ``127.0.0.1``; ``[::1]:8765`` → ``[::1]``."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[: host.find("]") + 1]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def same_origin(request_host: str, scheme: str, origin: str) -> bool:
    """True when ``origin`` (an ``Origin`` value or a ``Referer`` URL) is this app's own origin."""
    parts = urlsplit(origin)
    return parts.scheme == scheme and parts.netloc.lower() == request_host.strip().lower()


NEED_TOKEN = "A review token is needed for changes: open the address that `review serve` printed (…/?token=…)."


def create_app(engine, token: str, *, reviewer: str = "analyytikko"):
    """The FastAPI app for ``engine``; changes need ``token``."""
    from typing import Annotated

    from fastapi import FastAPI, Form, HTTPException, Path, Request
    from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse
    if not token:
        raise ValueError("The review app needs a token; set PIPELINE_REVIEW_TOKEN.")
    templates = template_environment()
    app = FastAPI(title="Sitovien tavoitteiden tarkastus", docs_url=None, redoc_url=None)

    @app.middleware("http")
    async def guard(request: Request, call_next):
        host = request.headers.get("host", "")
        if host_name(host) not in LOOPBACK_HOSTS:
            return PlainTextResponse(f"Unknown Host {host[:100]!r}: the review app answers only on "
                                     f"{', '.join(sorted(LOOPBACK_HOSTS))}.", status_code=400)
        if request.method not in SAFE_METHODS:
            by_header = request.headers.get(HEADER)
            if not allowed(request):
                return PlainTextResponse(NEED_TOKEN, status_code=403)
            origin = request.headers.get("origin") or request.headers.get("referer")
            if not by_header and not (origin and same_origin(host, request.url.scheme, origin)):
                return PlainTextResponse(f"Refused a change sent from {origin or 'an unknown page'}: changes with "
                                         "the review cookie must come from the review app's own pages "
                                         "(scripts send the X-Review-Token header).", status_code=403)
        return await call_next(request)

    def allowed(request: Request) -> bool:
        given = request.headers.get(HEADER) or request.cookies.get(COOKIE) or ""
        return secrets.compare_digest(given.encode(), token.encode())

    def page(name: str, request: Request, **context) -> HTMLResponse:
        html = templates.get_template(name).render(can_edit=allowed(request), statuses=STATUSES,
                                                   status_fi=STATUS_FI, flag_fi=FLAG_NAMES_FI, **context)
        return HTMLResponse(html)

    @app.get("/", response_class=HTMLResponse)
    def review_list(request: Request, flagged: bool = False):
        token_given = request.query_params.get("token")
        items = review_queue(engine, flagged_only=flagged)
        response = page("review_list.html.j2", request, items=items, flagged=flagged, counts=flag_counts(items))
        if token_given and secrets.compare_digest(token_given.encode(), token.encode()):
            response = RedirectResponse("/", status_code=303)
            response.set_cookie(COOKIE, token, httponly=True, samesite="strict")
        return response

    @app.get("/goals/{goal_ref}", response_class=HTMLResponse)
    def review_goal(request: Request, goal_ref: Annotated[int, Path(ge=1, le=MAX_ID)]):
        items = review_queue(engine)
        refs = [i.goal_ref for i in items]
        item = next((i for i in items if i.goal_ref == goal_ref), None)
        goal = goal_texts(engine, goal_ref)
        if item is None or goal is None:
            raise HTTPException(status_code=404, detail=f"No goal {goal_ref}.")
        position = refs.index(goal_ref)
        following = refs[position + 1] if position + 1 < len(refs) else None
        fields = highlighted_fields(goal, [figure.indicator for figure in item.figures])
        return page("review_goal.html.j2", request, item=item, goal=goal, fields=fields, next_ref=following,
                    trail=trail(engine, goal_ref))

    @app.post("/goals/{goal_ref}/status")
    def set_status(goal_ref: Annotated[int, Path(ge=1, le=MAX_ID)], status: str = Form(...), comment: str = Form(""),
                   reviewer_name: str = Form("")):
        store(Decision(goal_ref, "status", "set_status", status, reviewer_name or reviewer, comment or None))
        return RedirectResponse(f"/goals/{goal_ref}", status_code=303)

    @app.post("/figures/{indicator_ref}")
    def decide_figure(indicator_ref: Annotated[int, Path(ge=1, le=MAX_ID)],
                      goal_ref: Annotated[int, Form(ge=1, le=MAX_ID)], action: str = Form(...),
                      value: str = Form(""), comment: str = Form(""), reviewer_name: str = Form("")):
        store(Decision(goal_ref, "figure", action, value or None, reviewer_name or reviewer, comment or None,
                       indicator_ref))
        return RedirectResponse(f"/goals/{goal_ref}#figure-{indicator_ref}", status_code=303)

    def store(decision: Decision) -> None:
        try:
            record(engine, [decision])
        except ReviewError as exc:
            raise HTTPException(status_code=422, detail="; ".join(exc.problems)) from exc

    return app


def serve(engine, *, token: str | None, port: int = 8765, reviewer: str = "analyytikko") -> None:
    """Run the app on 127.0.0.1 until interrupted."""
    import uvicorn

    token = token or secrets.token_urlsafe(16)
    print(f"Review app: http://127.0.0.1:{port}/?token={token}")
    uvicorn.run(create_app(engine, token, reviewer=reviewer), host="127.0.0.1", port=port, log_level="warning")
