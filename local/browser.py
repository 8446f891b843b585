"""Debian's headless Chromium driven over the DevTools protocol: one browser, one tab, reused.

Enough for the preview's browser test and ``make screenshots``: load a page at a window size,
collect console errors and uncaught exceptions, evaluate JavaScript, click, screenshot. Runs
its own asyncio loop in a thread so callers stay synchronous.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import itertools
import json
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import websockets

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--remote-debugging-port=0",
)


def chromium_path() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


class Browser:
    """One Chromium process and one page target; ``close()`` ends the process."""

    def __init__(self, executable: str) -> None:
        self._profile = tempfile.TemporaryDirectory(prefix="preview-chromium-")
        self._process = subprocess.Popen(  # noqa: S603 - the system's chromium, fixed flags
            [executable, *CHROMIUM_FLAGS, f"--user-data-dir={self._profile.name}", "about:blank"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            self._attach()
        except BaseException:
            self.close()
            raise

    def _attach(self) -> None:
        port_file = Path(self._profile.name) / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while not port_file.exists() or not port_file.read_text().strip():
            if self._process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("chromium did not start its DevTools endpoint")
            time.sleep(0.05)
        port = port_file.read_text().split()[0]
        targets = httpx.get(f"http://127.0.0.1:{port}/json/list", timeout=10).json()
        page = next(target for target in targets if target["type"] == "page")
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()
        self._ids = itertools.count(1)
        self._pending: dict[int, asyncio.Future[Any]] = {}
        self.console_errors: list[str] = []
        self._loaded = threading.Event()
        self._socket = self._run(self._connect(page["webSocketDebuggerUrl"]))
        self._reader = asyncio.run_coroutine_threadsafe(self._read(), self._loop)
        for domain in ("Page.enable", "Runtime.enable", "Log.enable"):
            self.send(domain)

    # --- protocol ---------------------------------------------------------------------------

    @staticmethod
    async def _connect(url: str) -> Any:
        return await websockets.connect(url, max_size=None)

    def _run(self, coroutine: Any, timeout: float = 60) -> Any:
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(timeout)

    async def _read(self) -> None:
        async for raw in self._socket:
            message = json.loads(raw)
            if "id" in message and message["id"] in self._pending:
                self._pending.pop(message["id"]).set_result(message)
            elif message.get("method") == "Page.loadEventFired":
                self._loaded.set()
            elif message.get("method") == "Runtime.exceptionThrown":
                details = message["params"]["exceptionDetails"]
                self.console_errors.append(
                    details.get("exception", {}).get("description") or details["text"]
                )
            elif message.get("method") == "Runtime.consoleAPICalled":
                if message["params"]["type"] in ("error", "assert"):
                    args = message["params"]["args"]
                    self.console_errors.append(
                        " ".join(str(a.get("value", a.get("description"))) for a in args)
                    )
            elif message.get("method") == "Log.entryAdded":
                entry = message["params"]["entry"]
                if entry["level"] == "error":
                    self.console_errors.append(
                        f"{entry['source']}: {entry['text']} {entry.get('url', '')}"
                    )

    async def _call(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        call_id = next(self._ids)
        future: asyncio.Future[Any] = self._loop.create_future()
        self._pending[call_id] = future
        await self._socket.send(json.dumps({"id": call_id, "method": method, "params": params}))
        return await future

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        answer = self._run(self._call(method, params))
        if "error" in answer:
            raise RuntimeError(f"{method}: {answer['error']}")
        return answer.get("result", {})

    # --- what the tests do ------------------------------------------------------------------

    def open(self, url: str, width: int, height: int = 900, *, mobile: bool = False) -> None:
        self.send(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=mobile,
        )
        self._loaded.clear()
        self.send("Page.navigate", url=url)
        if not self._loaded.wait(30):
            raise RuntimeError(f"{url} did not finish loading")

    def evaluate(self, expression: str) -> Any:
        result = self.send(
            "Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True
        )
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression[:60]}...: {result['exceptionDetails']}")
        return result["result"].get("value")

    def click(self, selector: str) -> None:
        """Clicks the first element matching selector; a click that submits waits for the load."""
        self._loaded.clear()
        found = self.evaluate(
            f"(() => {{ const e = document.querySelector({json.dumps(selector)});"
            " if (!e) return false; e.scrollIntoView(); e.click(); return true; })()"
        )
        if not found:
            raise AssertionError(f"nothing matches {selector}")

    def wait_for_load(self, timeout: float = 30) -> bool:
        return self._loaded.wait(timeout)

    def screenshot(self, path: Path) -> None:
        height = int(self.evaluate("document.documentElement.scrollHeight"))
        width = int(self.evaluate("document.documentElement.clientWidth"))
        shot = self.send(
            "Page.captureScreenshot",
            format="png",
            captureBeyondViewport=True,
            clip={"x": 0, "y": 0, "width": width, "height": min(height, 1800), "scale": 1},
        )
        path.write_bytes(base64.b64decode(shot["data"]))

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self._run(self._socket.close(), timeout=5)
        with contextlib.suppress(Exception):
            self._loop.call_soon_threadsafe(self._loop.stop)
        self._process.terminate()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
        with contextlib.suppress(OSError):
            self._profile.cleanup()
