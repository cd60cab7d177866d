-- Idempotency answers now expire (oversight.idempotency.keep-for, 24 hours by default): a claim
-- takes over an expired answer, and a scheduled purge deletes expired ones by their age.
create index idempotency_record_created_at on idempotency_record (created_at);

comment on table idempotency_record is
    'Answers to creates sent with an Idempotency-Key, kept for oversight.idempotency.keep-for and then deleted. A cache of answers, not registry data.';
comment on table rate_limit_window is
    'Fixed-window request counters shared by every replica; only the current and the previous minute are kept. Buckets are HMACs of an address or key, never the value itself.';
