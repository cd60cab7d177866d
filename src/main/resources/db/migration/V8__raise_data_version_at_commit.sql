-- The data version (V2) is raised once per writing transaction, at its commit, instead of by every
-- write statement. Raising it takes the one data_version row's lock until commit; taken at the
-- first write, it made every writing transaction wait for the one before it from start to end,
-- however little they shared. Now a write statement only notes its transaction (an unlogged row,
-- no shared lock), and a deferred trigger raises the version when the transaction commits, so the
-- lock is held from the commit's start to its end. A reader still never sees a version before
-- the data that produced it: the raise commits with the data.
create unlogged table data_version_pending (
    tx  xid8 primary key default pg_current_xact_id()
);

create or replace function bump_data_version() returns trigger language plpgsql as $$
begin
    insert into data_version_pending default values on conflict do nothing;
    return null;
end $$;

create function raise_data_version() returns trigger language plpgsql as $$
begin
    update data_version set version = version + 1, changed_at = now();
    delete from data_version_pending where tx = NEW.tx;
    return null;
end $$;

create constraint trigger data_version_at_commit after insert on data_version_pending
    deferrable initially deferred for each row execute function raise_data_version();
