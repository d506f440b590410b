"""`make serve`: MkDocs' live preview, made to work with the site's Content-Security-Policy
and to show a failed build in the browser.

MkDocs injects an inline `<script>` into every page it serves, different on every request,
which the policy (scripts/build/csp.py: no inline script unless hashed at build time) blocks: the
page never reloaded. Here the same reload logic is a script file, served by the preview
server from its own address (script-src 'self' allows it), and the page gets a
`<script src>` naming it; the published build and its policy are untouched.

While a rebuild has failed, MkDocs keeps every page request waiting for a build that never
comes. Here the preview answers every page with the build's messages (file, line and fix)
instead, and the page reloads into the site once the build works again.
"""

from __future__ import annotations

import html
import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

TEMPLATES = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"), autoescape=True, undefined=StrictUndefined
)
SCRIPT_NAME = "__preview/livereload.js"

# MkDocs' livereload logic (mkdocs/livereload/__init__.py, MkDocs 1.6), reading its two numbers
# from the script element instead of from text written into an inline script.
LIVERELOAD_JS = """(function () {
  var script = document.currentScript;
  var epoch = Number(script.dataset.epoch), requestId = Number(script.dataset.requestId);
  var base = script.dataset.base;
  var req, timeout;
  var poll = function () {
    req = new XMLHttpRequest();
    req.onloadend = function () {
      if (parseFloat(this.responseText) > epoch) {
        location.reload();
      } else {
        timeout = setTimeout(poll, this.status === 200 ? 0 : 3000);
      }
    };
    req.open("GET", base + "livereload/" + epoch + "/" + requestId);
    req.send();
  };
  var stop = function () {
    if (req) { req.abort(); }
    if (timeout) { clearTimeout(timeout); }
    req = timeout = undefined;
  };
  window.addEventListener("load", function () { if (document.visibilityState === "visible") { poll(); } });
  window.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") { poll(); } else { stop(); }
  });
  window.addEventListener("beforeunload", stop);
})();
"""


@dataclass
class PreviewState:
    error: str | None = None  # the last build's problems, or None when it worked
    messages: list[str] = field(default_factory=list)


class _Collect(logging.Handler):
    def __init__(self, messages: list[str]) -> None:
        super().__init__(logging.WARNING)
        self.messages = messages

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def script_tag(mount_path: str, epoch: int) -> str:
    request_id = round(time.monotonic() * 1000)
    return (
        f'<script src="{html.escape(mount_path + SCRIPT_NAME)}" data-epoch="{epoch}" '
        f'data-request-id="{request_id}" data-base="/"></script>'
    )


def error_page(message: str, mount_path: str, epoch: int) -> bytes:
    page = TEMPLATES.get_template("preview-error.html.j2").render(
        message=message, reload_script=script_tag(mount_path, epoch)
    )
    return page.encode("utf-8")


# MkDocs' server answers the reload script's polls itself, at this path, whatever the mount path.
POLL_PREFIX = "/livereload/"


def shows_error_page(path: str, mount_path: str) -> bool:
    """Whether a request for `path` gets the error page while the last build has failed: a page
    of the site, not a file such as a stylesheet, and not the reload script's poll, which must
    keep waiting for the next build (answered with the error page, it would come back at once,
    every three seconds, for as long as the build fails)."""
    if path.startswith(POLL_PREFIX) or not path.startswith(mount_path):
        return False
    return path.endswith(("/", ".html")) or "." not in path.rsplit("/", 1)[-1]


def install(server: Any) -> PreviewState:
    """Replace the reload script and the handling of a failed rebuild on MkDocs' LiveReloadServer."""
    state = PreviewState()
    mount_path: str = server.mount_path
    serve_files: Callable[..., Iterable[bytes]] = server.get_app()

    def inject(content: bytes, epoch: int) -> bytes:
        tag = script_tag(mount_path, epoch).encode("utf-8")
        end = content.rfind(b"</body>")
        return content + tag if end == -1 else content[:end] + tag + content[end:]

    def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if path == mount_path + SCRIPT_NAME:
            body = LIVERELOAD_JS.encode("utf-8")
            start_response("200 OK", [("Content-Type", "application/javascript"), ("Content-Length", str(len(body)))])
            return [body]
        if state.error is not None and shows_error_page(path, mount_path):
            body = error_page(state.error, mount_path, server._visible_epoch)
            # 200, not 500: MkDocs' server logs any other status as a warning, and a warning
            # logged while the next build runs (the editor's fix) fails that build in strict mode.
            start_response("200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", "no-store")])
            return [body]
        return serve_files(environ, start_response)

    build = server.builder

    def build_or_show_error(*args: Any, **kwargs: Any) -> None:
        messages: list[str] = []
        handler = _Collect(messages)
        logger = logging.getLogger("mkdocs")
        logger.addHandler(handler)
        try:
            build(*args, **kwargs)
            state.error = None
        except (Exception, SystemExit) as error:
            lines = [message for message in messages if not message.startswith("Aborted with")]
            state.error = "\n\n".join(lines) or str(error) or type(error).__name__
            logging.getLogger("mkdocs.plugins.project").error(
                "The build failed: the preview shows the problems in the browser until they are fixed."
            )
        finally:
            logger.removeHandler(handler)

    server._inject_js_into_html = inject
    server.builder = build_or_show_error
    server.set_app(app)
    return state
