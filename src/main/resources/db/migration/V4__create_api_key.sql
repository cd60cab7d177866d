-- API keys for writers. Only a SHA-256 of the secret is stored (secrets are 256 random bits, so
-- a fast hash is enough); the secret is shown once, at creation. Keys are revoked, never deleted.
create table api_key (
    id                  uuid primary key,
    name                text not null check (length(name) between 1 and 200),
    role                text not null check (role in ('contributor', 'editor', 'reviewer', 'admin')),
    secret_sha256       text not null unique check (secret_sha256 ~ '^[0-9a-f]{64}$'),
    created_at          timestamptz not null default now(),
    created_by          uuid references api_key (id),
    last_used_at        timestamptz,
    revoked_at          timestamptz,
    revoked_by          uuid references api_key (id),
    revocation_reason   text,
    check ((revoked_at is null) = (revocation_reason is null))
);

create trigger api_key_never_deleted before delete on api_key
    for each row execute function record_is_never_deleted();
create trigger api_key_never_truncated before truncate on api_key
    for each statement execute function record_is_never_deleted();
