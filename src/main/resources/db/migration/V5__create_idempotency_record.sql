-- Idempotency-Key on POST: the first response to (key holder, key) is kept with a hash of its
-- request, so a retry gets the same answer and writes nothing twice. A cache of answers, not
-- registry data: rows may be purged after a day.
create table idempotency_record (
    api_key_id      uuid not null references api_key (id),
    key             text not null check (length(key) between 1 and 200),
    request_sha256  text not null check (request_sha256 ~ '^[0-9a-f]{64}$'),
    status          integer,
    location        text,
    body            text,
    created_at      timestamptz not null default now(),
    primary key (api_key_id, key)
);
