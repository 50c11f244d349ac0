-- The W3C trace context a run joins: "<trace id>-<parent span id>" of the request that started it
-- (its traceparent header). NULL: the run starts a trace of its own, whose id is the run id.
ALTER TABLE plugin_runs
    ADD COLUMN trace_context text
        CONSTRAINT plugin_runs_trace_context_check CHECK (trace_context ~ '^[0-9a-f]{32}-[0-9a-f]{16}$');
