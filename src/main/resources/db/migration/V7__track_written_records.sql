-- Which records a transaction changed, so the history renders exactly those at the end of the
-- write instead of scanning whole tables for the rows the transaction touched. Triggers fill it,
-- whatever code path writes (the API, the seed, SQL by hand); the writing transaction reads and
-- empties its own rows before it appends revisions. Unlogged: a row never outlives its
-- transaction, and rows of transactions that never asked for history (a bulk load) are purged by
-- the history's background job once those transactions have ended.
create unlogged table written_record (
    tx           xid8 not null default pg_current_xact_id(),
    entity_type  text not null,
    entity_id    uuid not null,
    primary key (tx, entity_type, entity_id)
);

create function note_written(kind text, id uuid) returns void language sql as $$
    insert into written_record (entity_type, entity_id) select kind, id where id is not null
    on conflict do nothing
$$;

-- A record's own row.
create function written_follows_row() returns trigger language plpgsql as $$
begin
    perform note_written(TG_ARGV[0], NEW.id);
    return null;
end $$;
create trigger source_is_written after insert or update on source
    for each row execute function written_follows_row('source');
create trigger vendor_is_written after insert or update on vendor
    for each row execute function written_follows_row('vendor');
create trigger locality_is_written after insert or update on locality
    for each row execute function written_follows_row('locality');

-- A deployment shows everything its summary follows (V2, V3), so a refreshed summary is a
-- written deployment.
create function written_follows_summary() returns trigger language plpgsql as $$
begin
    perform note_written('deployment', NEW.deployment_id);
    return null;
end $$;
create trigger deployment_summary_is_written after insert or update on deployment_summary
    for each row execute function written_follows_summary();

-- Parts a vendor shows: its aliases, restrictions and findings.
create function written_follows_vendor_part() returns trigger language plpgsql as $$
begin
    if TG_OP <> 'DELETE' then
        perform note_written('vendor', NEW.vendor_id);
    end if;
    if TG_OP <> 'INSERT' then
        perform note_written('vendor', OLD.vendor_id);
    end if;
    return null;
end $$;
create trigger vendor_alias_is_written after insert or update or delete on vendor_alias
    for each row execute function written_follows_vendor_part();
create trigger vendor_restriction_is_written after insert or update or delete on vendor_restriction
    for each row execute function written_follows_vendor_part();
create trigger finding_is_written after insert or update or delete on finding
    for each row execute function written_follows_vendor_part();

-- The vendor a claim about a vendor belongs to (a vendor, one of its restrictions or findings).
create function claim_vendor(kind text, claim uuid) returns uuid language sql stable as $$
    select case kind
        when 'vendor' then claim
        when 'vendor_restriction' then (select r.vendor_id from vendor_restriction r where r.id = claim)
        when 'finding' then (select f.vendor_id from finding f where f.id = claim)
    end
$$;

-- A citation changes its source (how often it is cited) and the vendor whose claim it supports
-- (deployments follow through their summaries).
create function written_follows_citation() returns trigger language plpgsql as $$
begin
    if TG_OP <> 'DELETE' then
        perform note_written('source', NEW.source_id);
        perform note_written('vendor', claim_vendor(NEW.claim_type, NEW.claim_id));
    end if;
    if TG_OP <> 'INSERT' then
        perform note_written('source', OLD.source_id);
        perform note_written('vendor', claim_vendor(OLD.claim_type, OLD.claim_id));
    end if;
    return null;
end $$;
create trigger citation_is_written after insert or update or delete on citation
    for each row execute function written_follows_citation();

-- A vendor shows the sources its claims cite: a changed source changes those vendors.
create function written_follows_cited_source() returns trigger language plpgsql as $$
begin
    perform note_written('vendor', claim_vendor(c.claim_type, c.claim_id))
       from citation c
      where c.source_id = NEW.id and c.claim_type in ('vendor', 'vendor_restriction', 'finding');
    return null;
end $$;
create trigger source_changes_citing_vendors after update on source
    for each row execute function written_follows_cited_source();
