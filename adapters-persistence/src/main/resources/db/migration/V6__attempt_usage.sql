-- What each attempt used (issue 10): CPU time and peak heap, as measured inside a plugin host.
-- Null for attempts that ran elsewhere (in process, on an external worker) or before this version.
ALTER TABLE plugin_run_attempts
    ADD COLUMN cpu_millis        bigint CHECK (cpu_millis >= 0),
    ADD COLUMN peak_memory_bytes bigint CHECK (peak_memory_bytes >= 0);
