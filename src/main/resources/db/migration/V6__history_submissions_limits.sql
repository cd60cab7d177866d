-- Localities become editable records like the others: published or retracted (never deleted),
-- versioned for optimistic locking.
alter table locality
    add column publication       text not null default 'published' check (publication in ('draft', 'published', 'retracted')),
    add column retracted_at      timestamptz,
    add column retracted_by      text,
    add column retraction_reason text,
    add column version           integer not null default 0,
    add column created_at        timestamptz not null default now(),
    add column updated_at        timestamptz not null default now(),
    add constraint retraction_recorded check ((publication = 'retracted') = (retracted_at is not null and retraction_reason is not null));
create trigger locality_never_deleted before delete on locality
    for each row execute function record_is_never_deleted();
create trigger locality_never_truncated before truncate on locality
    for each statement execute function record_is_never_deleted();

-- as_of reads find the newest revision of a record up to a time, and the change feed reads in order.
create index revision_recorded_idx on revision (entity_type, recorded_at, id);

-- Tips and corrections from anyone, waiting for a reviewer. No client address is stored; contact
-- details only when the submitter chose to give them. Kept after review (accepted or rejected,
-- with who, when and why); never deleted.
create table submission (
    id               uuid primary key,
    kind             text not null check (kind in ('tip', 'correction')),
    entity_type      text check (entity_type in ('deployment', 'vendor', 'source', 'locality')),
    entity_id        uuid,
    message          text not null check (length(message) between 1 and 10000),
    proposed_change  jsonb,
    source_urls      text[] not null default '{}',
    contact_name     text check (length(contact_name) <= 200),
    contact_email    text check (length(contact_email) <= 320),
    state            text not null default 'pending' check (state in ('pending', 'accepted', 'rejected')),
    received_at      timestamptz not null default now(),
    reviewed_at      timestamptz,
    reviewed_by      text,
    review_note      text,
    resulting_revision bigint,
    version          integer not null default 0,
    check ((entity_type is null) = (entity_id is null)),
    check (kind = 'tip' or entity_id is not null),
    check (proposed_change is null or jsonb_typeof(proposed_change) = 'object'),
    check ((state = 'pending') = (reviewed_at is null)),
    check (state = 'pending' or (reviewed_by is not null and review_note is not null))
);
create index submission_state_idx on submission (state, received_at, id);
create trigger submission_never_deleted before delete on submission
    for each row execute function record_is_never_deleted();
create trigger submission_never_truncated before truncate on submission
    for each statement execute function record_is_never_deleted();

-- Fixed-window request counters for rate limits, shared by every replica. A cache, not data:
-- windows older than ten minutes are purged. Buckets are keyed hashes of a client address or an
-- API key (HMAC with the secret below), never the address or key itself.
create table rate_limit_window (
    bucket        text not null check (bucket ~ '^[ak]:[0-9a-f]{32}$'),
    window_start  timestamptz not null,
    hits          bigint not null check (hits >= 0),
    primary key (bucket, window_start)
);

-- The HMAC secret for bucket names, made by the first replica that starts and shared by all.
create table rate_limit_secret (
    id      integer primary key check (id = 1),
    secret  text not null check (secret ~ '^[0-9a-f]{64}$')
);
