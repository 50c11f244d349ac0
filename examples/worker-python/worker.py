#!/usr/bin/env python3
"""An external Plugboard worker for the summarizer plugin, in Python 3's standard library only.

It claims runs of its plugin (POST /api/worker/runs/claim), renews each run's lease every third of the
lease on a thread of its own (POST .../{id}/heartbeat), and reports the outcome (.../complete or .../fail).
It backs off with jitter when nothing waits and, further, when the server cannot be reached; on SIGTERM or
Ctrl-C it stops claiming, lets the run in hand finish, and exits. See docs/workers.md for the protocol.

    PLUGBOARD_URL=http://localhost:8080 PLUGBOARD_TOKEN=$(./plugboard token --user worker-1 --role worker) \
        python3 examples/worker-python/worker.py

The "summary" is the text's first sentences (settings.maxSentences, default 3): put your model's call in
summarize(). It prints one line per event on standard output (claimed, completed, failed, lease lost).
"""

import argparse
import email.utils
import json
import os
import random
import re
import signal
import sys
import threading
import time
import urllib.error
import urllib.request

TRANSIENT = {0, 408, 429}


class ApiError(Exception):
    """A call that did not succeed: status 0 when no answer came; code is the problem's code."""

    def __init__(self, status, code, message, retry_after=None):
        super().__init__(message)
        self.status = status
        self.code = code
        self.retry_after = retry_after  # seconds the server asked to wait (Retry-After), or None

    def wait(self, backoff_seconds, maximum):
        """The longer of the backoff and the server's Retry-After, the latter capped at maximum seconds."""
        return max(backoff_seconds, min(self.retry_after or 0, maximum))

    @property
    def transient(self):
        return self.status in TRANSIENT or self.status >= 500

    @property
    def lease_lost(self):
        return self.status == 409 and self.code == "lease_lost"


class WorkerApi:
    """The worker API's four calls, one HTTP request each."""

    def __init__(self, base_url, token, timeout):
        self.base = base_url.rstrip("/") + "/api/worker/runs/"
        self.token = token
        self.timeout = timeout

    def claim(self, plugins, max_runs, lease_seconds):
        body = {"plugins": plugins, "max": max_runs, "leaseSeconds": lease_seconds}
        return self._post("claim", body).get("runs", [])

    def heartbeat(self, run, lease_seconds):
        self._post(run["id"] + "/heartbeat", {"leaseSeconds": lease_seconds}, run)

    def complete(self, run, output):
        self._post(run["id"] + "/complete", {"output": output}, run)

    def fail(self, run, code, message, retryable):
        self._post(run["id"] + "/fail", {"code": code, "message": message, "retryable": retryable}, run)

    def _post(self, path, body, run=None):
        headers = {"Authorization": "Bearer " + self.token, "Content-Type": "application/json",
                   "Accept": "application/json"}
        if run and run.get("traceparent"):
            headers["traceparent"] = run["traceparent"]
        request = urllib.request.Request(self.base + path, data=json.dumps(body).encode("utf-8"),
                                         headers=headers, method="POST")
        try:
            with _OPENER.open(request, timeout=self.timeout) as response:
                text = response.read().decode("utf-8")
                return json.loads(text) if text else {}
        except urllib.error.HTTPError as error:
            problem = _json_or_empty(error.read())
            raise ApiError(error.code, problem.get("code"),
                           "POST %s: %d %s: %s" % (path, error.code, problem.get("code") or "",
                                                   problem.get("detail") or error.reason),
                           _retry_after(error.headers.get("Retry-After"))) from None
        except (urllib.error.URLError, OSError) as error:
            raise ApiError(0, None, "POST %s: no answer (%s)" % (path, error)) from None


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Never follows a redirect: it would carry the worker's token to whatever address it names."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None  # the 3xx becomes an HTTPError, and so an ApiError naming it


_OPENER = urllib.request.build_opener(_NoRedirect)


def _retry_after(value):
    """Retry-After as delay-seconds or an HTTP date (RFC 9110), in seconds; None when absent or unreadable."""
    if not value or not value.strip():
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():
        return int(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _json_or_empty(raw):
    try:
        return json.loads(raw.decode("utf-8")) or {}
    except (ValueError, UnicodeDecodeError):
        return {}


class Backoff:
    """Exponential backoff with equal jitter: a wait between half and all of a step that doubles up to a maximum."""

    def __init__(self, initial, maximum):
        self.initial, self.maximum, self.step = initial, maximum, initial

    def next(self):
        wait = self.step / 2 + random.random() * self.step / 2
        self.step = min(self.step * 2, self.maximum)
        return min(wait, self.maximum)

    def reset(self):
        self.step = self.initial


class LeaseKeeper(threading.Thread):
    """Renews one run's lease every third of the lease until stopped; notes when the server took the run back."""

    def __init__(self, api, run, lease_seconds):
        super().__init__(name="lease-" + run["id"], daemon=True)
        self.api, self.claimed, self.lease_seconds = api, run, lease_seconds
        self.done = threading.Event()
        self.lost = threading.Event()

    def run(self):
        while not self.done.wait(self.lease_seconds / 3):
            try:
                self.api.heartbeat(self.claimed, self.lease_seconds)
            except ApiError as error:
                if error.lease_lost:
                    log("lease-lost", self.claimed["id"], str(error))
                    self.lost.set()
                    return
                log("heartbeat-failed", self.claimed["id"], str(error))  # two more chances before the lease ends


def summarize(run, work_seconds):
    """The plugin's work: the first sentences of the text. Replace with a call to your model."""
    text = run["input"]["text"]
    settings = run.get("settings") or {}
    count = int(settings.get("maxSentences", 3))
    if work_seconds:
        time.sleep(work_seconds)  # stands in for a slow model call
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]
    return {"summary": " ".join(sentences[:count])}


def log(event, run_id="", detail=""):
    print(" ".join(part for part in (event, run_id, detail) if part), flush=True)


def report(api, run, keeper, call, tries=3):
    """Sends the outcome, trying again while the server cannot be reached; a lost lease means report nothing."""
    backoff = Backoff(1.0, 10.0)
    for attempt in range(1, tries + 1):
        if keeper.lost.is_set():
            log("discarded", run["id"], "its lease was lost")
            return
        try:
            call()
            return
        except ApiError as error:
            if error.lease_lost or not error.transient or attempt == tries:
                log("report-failed", run["id"], str(error))
                return
            time.sleep(error.wait(backoff.next(), backoff.maximum))


def work_on(api, run, options):
    keeper = LeaseKeeper(api, run, options.lease)
    keeper.start()
    try:
        output = summarize(run, options.work_seconds)
    except Exception as error:  # any bug of ours: a retryable failure, the plugin's retry policy decides
        keeper.done.set()
        report(api, run, keeper, lambda: api.fail(run, "HANDLER_ERROR", repr(error), True))
        log("failed", run["id"], repr(error))
        return
    keeper.done.set()
    report(api, run, keeper, lambda: api.complete(run, output))
    log("completed", run["id"])


def main(argv=None):
    parser = argparse.ArgumentParser(description="A Plugboard worker for the summarizer plugin.")
    parser.add_argument("--url", default=os.environ.get("PLUGBOARD_URL", "http://localhost:8080"))
    parser.add_argument("--plugin", default="summarizer", help="the external plugin whose runs to claim")
    parser.add_argument("--lease", type=int, default=30, help="lease in seconds, 5 to 3600 (renewed every third)")
    parser.add_argument("--work-seconds", type=float, default=0.0, help="pretend each run takes this long")
    parser.add_argument("--max-idle", type=float, default=5.0, help="longest wait between claims when idle")
    options = parser.parse_args(argv)
    token = os.environ.get("PLUGBOARD_TOKEN")
    if not token:
        parser.error("set PLUGBOARD_TOKEN to a token with role worker: ./plugboard token --user worker-1 --role worker")
    if not 5 <= options.lease <= 3600:
        parser.error("--lease must be 5 to 3600 seconds, got %d" % options.lease)

    api = WorkerApi(options.url, token, timeout=10)
    stopping = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stopping.set())
    idle, errors = Backoff(0.25, options.max_idle), Backoff(1.0, 60.0)
    log("started", "", "%s at %s" % (options.plugin, options.url))
    while not stopping.is_set():
        try:
            runs = api.claim([options.plugin], 1, options.lease)
            errors.reset()
        except ApiError as error:
            log("claim-failed", "", str(error))
            stopping.wait(error.wait(errors.next(), errors.maximum))
            continue
        if not runs:
            stopping.wait(idle.next())
            continue
        idle.reset()
        for run in runs:
            log("claimed", run["id"], "attempt %s" % run.get("attempt"))
            work_on(api, run, options)  # a signal now waits for this run: the graceful part of the shutdown
    log("stopped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
