"""Unit tests of worker.py's own logic (the full-stack runs are WorkerClientsFullStackTest in bootstrap).

Run: python3 -m unittest -v test_worker   (from this folder; bootstrap's PythonWorkerUnitTest does).
"""
import http.server
import threading
import time
import unittest
import email.utils

import worker


class RetryAfterTest(unittest.TestCase):

    def test_seconds_and_http_dates_are_read_and_anything_else_is_ignored(self):
        self.assertEqual(worker._retry_after("7"), 7)
        self.assertEqual(worker._retry_after(" 2 "), 2)
        self.assertEqual(worker._retry_after("Wed, 21 Oct 2015 07:28:00 GMT"), 0.0)  # in the past: no wait
        in_a_minute = email.utils.formatdate(time.time() + 60, usegmt=True)
        self.assertTrue(50 <= worker._retry_after(in_a_minute) <= 60)
        for unreadable in (None, "", "soon", "-3", "\u00b2"):
            self.assertIsNone(worker._retry_after(unreadable), unreadable)

    def test_the_wait_is_the_longer_of_the_backoff_and_retry_after(self):
        self.assertEqual(worker.ApiError(429, None, "slow down", 5).wait(1.0, 60), 5)
        self.assertEqual(worker.ApiError(429, None, "slow down", 1).wait(4.0, 60), 4.0)
        self.assertEqual(worker.ApiError(503, None, "no header").wait(2.0, 60), 2.0)
        self.assertEqual(worker.ApiError(503, None, "a proxy's hour", 3600).wait(1.0, 10), 10)


class _TooManyRequests(http.server.BaseHTTPRequestHandler):

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        body = b'{"code": "rate_limited", "detail": "too many requests"}'
        self.send_response(429)
        self.send_header("Retry-After", "3")
        self.send_header("Content-Type", "application/problem+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class ApiErrorOverHttpTest(unittest.TestCase):

    def test_a_429_with_retry_after_becomes_a_transient_error_that_asks_for_that_wait(self):
        server = http.server.HTTPServer(("127.0.0.1", 0), _TooManyRequests)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            api = worker.WorkerApi("http://127.0.0.1:%d" % server.server_port, "token", timeout=5)
            with self.assertRaises(worker.ApiError) as raised:
                api.claim(["summarizer"], 1, 30)
        finally:
            server.shutdown()
        error = raised.exception
        self.assertEqual(error.status, 429)
        self.assertEqual(error.code, "rate_limited")
        self.assertTrue(error.transient)
        self.assertEqual(error.retry_after, 3)


if __name__ == "__main__":
    unittest.main()
