-- Read models kept current by the database itself, whatever code path writes.

-- A counter that every committed write raises. Transactional (a row, not a sequence), so a
-- reader never sees a version before the data that produced it. ETags and the stats cache
-- key on it: a write invalidates them at its commit, on every replica.
create table data_version (
    singleton   boolean primary key default true check (singleton),
    version     bigint not null,
    changed_at  timestamptz not null default now()
);
insert into data_version (version) values (1);

create function bump_data_version() returns trigger language plpgsql as $$
begin
    update data_version set version = version + 1, changed_at = now();
    return null;
end $$;

do $$
declare
    t text;
begin
    foreach t in array array['country', 'locality', 'source', 'vendor', 'vendor_alias', 'vendor_restriction',
                             'deployment', 'deployment_locality', 'deployment_vendor', 'status_event',
                             'camera_count', 'deployment_capability', 'financing', 'financing_external_id',
                             'oversight_assessment', 'oversight_criterion', 'finding', 'citation'] loop
        execute format('create trigger %I after insert or update or delete on %I '
                       'for each statement execute function bump_data_version()', t || '_bumps_data_version', t);
    end loop;
end $$;

-- One row per deployment with what lists filter, sort and count on: the current status, the
-- years, the latest camera observation, the derived oversight label, financing, vendors,
-- capabilities, places, and a full-text document. Derived, never written by the application.
create table deployment_summary (
    deployment_id                   uuid primary key references deployment (id),
    publication                     text not null,
    country_code                    text not null,
    program_type                    text not null,
    title                           text not null,
    status                          text not null,
    announced_year                  integer,
    operational_year                integer,
    latest_observed_on              date,
    cameras                         integer,
    cameras_qualifier               text,
    facial_recognition              integer,
    facial_recognition_qualifier    text,
    plate_reading                   integer,
    oversight_label                 text not null,
    financed                        boolean not null,
    financing_usd                   numeric(18, 2),
    lenders                         text[] not null,
    vendor_ids                      uuid[] not null,
    vendor_roles                    text[] not null,
    vendor_role_pairs               text[] not null,
    capability_codes                text[] not null,
    locality_ids                    uuid[] not null,
    updated_at                      timestamptz not null,
    search                          tsvector not null
);
comment on column deployment_summary.announced_year is 'year of the earliest dated lifecycle event (the first public trace)';
comment on column deployment_summary.operational_year is 'year of the earliest dated operational event';
comment on column deployment_summary.cameras is 'total of the latest published camera observation';
comment on column deployment_summary.vendor_role_pairs is 'vendor_id:role, for the vendor and vendor_role filters together';

create index deployment_summary_country_idx on deployment_summary (country_code, deployment_id);
create index deployment_summary_title_idx on deployment_summary (title, deployment_id);
create index deployment_summary_updated_idx on deployment_summary (updated_at, deployment_id);
create index deployment_summary_cameras_idx on deployment_summary ((coalesce(cameras, -1)), deployment_id);
create index deployment_summary_status_idx on deployment_summary (status);
create index deployment_summary_label_idx on deployment_summary (oversight_label);
create index deployment_summary_program_idx on deployment_summary (program_type);
create index deployment_summary_announced_idx on deployment_summary (announced_year);
create index deployment_summary_operational_idx on deployment_summary (operational_year);
create index deployment_summary_search_idx on deployment_summary using gin (search);
create index deployment_summary_vendors_idx on deployment_summary using gin (vendor_ids);
create index deployment_summary_roles_idx on deployment_summary using gin (vendor_role_pairs);
create index deployment_summary_capabilities_idx on deployment_summary using gin (capability_codes);
create index deployment_summary_localities_idx on deployment_summary using gin (locality_ids);
create index deployment_summary_lenders_idx on deployment_summary using gin (lenders);

create function refresh_deployment_summary(target uuid) returns void language plpgsql as $$
begin
    insert into deployment_summary
    select d.id, d.publication, d.country_code, d.program_type, d.title,
           coalesce((select e.status from status_event e
                      where e.deployment_id = d.id and e.publication = 'published'
                      order by e.sequence desc limit 1), 'unknown'),
           (select extract(year from min(e.occurred_on))::integer from status_event e
             where e.deployment_id = d.id and e.publication = 'published'),
           (select extract(year from min(e.occurred_on))::integer from status_event e
             where e.deployment_id = d.id and e.publication = 'published' and e.status = 'operational'),
           latest.observed_on, latest.total, latest.total_qualifier,
           latest.facial_recognition, latest.facial_recognition_qualifier, latest.plate_reading,
           coalesce((select l.label from oversight_assessment a
                       join oversight_assessment_label l on l.assessment_id = a.id
                      where a.deployment_id = d.id and a.publication = 'published'
                      order by a.as_of desc limit 1), 'not_assessed'),
           exists (select 1 from financing f where f.deployment_id = d.id and f.publication = 'published'),
           (select sum(f.amount_usd) from financing f
             where f.deployment_id = d.id and f.publication = 'published' and f.tranche_of is null),
           coalesce((select array_agg(distinct f.lender order by f.lender) from financing f
                      where f.deployment_id = d.id and f.publication = 'published' and f.lender is not null), '{}'),
           coalesce((select array_agg(distinct dv.vendor_id) from deployment_vendor dv
                      where dv.deployment_id = d.id and dv.publication = 'published'), '{}'),
           coalesce((select array_agg(distinct dv.role) from deployment_vendor dv
                      where dv.deployment_id = d.id and dv.publication = 'published'), '{}'),
           coalesce((select array_agg(distinct dv.vendor_id || ':' || dv.role) from deployment_vendor dv
                      where dv.deployment_id = d.id and dv.publication = 'published'), '{}'),
           coalesce((select array_agg(distinct k.capability_code order by k.capability_code) from deployment_capability k
                      where k.deployment_id = d.id and k.publication = 'published'), '{}'),
           coalesce((select array_agg(dl.locality_id) from deployment_locality dl where dl.deployment_id = d.id), '{}'),
           d.updated_at,
           setweight(to_tsvector('simple', d.title), 'A')
           || setweight(to_tsvector('simple', coalesce((
                  select string_agg(concat_ws(' ', l.name_en, l.name_local, array_to_string(l.aliases, ' ')), ' ')
                    from deployment_locality dl join locality l on l.id = dl.locality_id
                   where dl.deployment_id = d.id), '')), 'A')
           || setweight(to_tsvector('simple', coalesce((
                  select string_agg(concat_ws(' ', v.name,
                             (select string_agg(va.alias, ' ') from vendor_alias va where va.vendor_id = v.id)), ' ')
                    from deployment_vendor dv join vendor v on v.id = dv.vendor_id
                   where dv.deployment_id = d.id and dv.publication = 'published'), '')), 'B')
           || setweight(to_tsvector('simple', concat_ws(' ', c.name, c.code, c.alpha3)), 'B')
           || setweight(to_tsvector('simple', concat_ws(' ', d.summary, d.operator_agency,
                  array_to_string(d.public_spaces, ' '))), 'C')
      from deployment d
      join country c on c.code = d.country_code
      left join lateral (
          select n.* from camera_count n
           where n.deployment_id = d.id and n.publication = 'published'
           order by n.observed_on desc nulls last, n.id
           limit 1) latest on true
     where d.id = target
    on conflict (deployment_id) do update set
        publication = excluded.publication, country_code = excluded.country_code,
        program_type = excluded.program_type, title = excluded.title, status = excluded.status,
        announced_year = excluded.announced_year, operational_year = excluded.operational_year,
        latest_observed_on = excluded.latest_observed_on, cameras = excluded.cameras,
        cameras_qualifier = excluded.cameras_qualifier, facial_recognition = excluded.facial_recognition,
        facial_recognition_qualifier = excluded.facial_recognition_qualifier,
        plate_reading = excluded.plate_reading, oversight_label = excluded.oversight_label,
        financed = excluded.financed, financing_usd = excluded.financing_usd, lenders = excluded.lenders,
        vendor_ids = excluded.vendor_ids, vendor_roles = excluded.vendor_roles,
        vendor_role_pairs = excluded.vendor_role_pairs, capability_codes = excluded.capability_codes,
        locality_ids = excluded.locality_ids, updated_at = excluded.updated_at, search = excluded.search;
end $$;

-- Bulk loaders (restores, the benchmark's generator) may load with triggers off and then
-- rebuild every summary at once.
create function refresh_all_deployment_summaries() returns void language plpgsql as $$
declare
    d uuid;
begin
    for d in select id from deployment loop
        perform refresh_deployment_summary(d);
    end loop;
end $$;

-- Row triggers: which deployment a changed row belongs to.
create function summary_follows_deployment() returns trigger language plpgsql as $$
begin
    perform refresh_deployment_summary(NEW.id);
    return null;
end $$;
create trigger deployment_refreshes_summary after insert or update on deployment
    for each row execute function summary_follows_deployment();

create function summary_follows_part() returns trigger language plpgsql as $$
begin
    if TG_OP <> 'DELETE' then
        perform refresh_deployment_summary(NEW.deployment_id);
    end if;
    if TG_OP <> 'INSERT' and OLD.deployment_id is distinct from NEW.deployment_id then
        perform refresh_deployment_summary(OLD.deployment_id);
    end if;
    return null;
end $$;

do $$
declare
    t text;
begin
    foreach t in array array['status_event', 'camera_count', 'deployment_vendor', 'deployment_capability',
                             'financing', 'oversight_assessment', 'deployment_locality'] loop
        execute format('create trigger %I after insert or update or delete on %I '
                       'for each row execute function summary_follows_part()', t || '_refreshes_summary', t);
    end loop;
end $$;

create function summary_follows_criterion() returns trigger language plpgsql as $$
begin
    perform refresh_deployment_summary(a.deployment_id)
       from oversight_assessment a where a.id = coalesce(NEW.assessment_id, OLD.assessment_id);
    return null;
end $$;
create trigger oversight_criterion_refreshes_summary after insert or update or delete on oversight_criterion
    for each row execute function summary_follows_criterion();

-- Names that the search document copies: a renamed locality, vendor or country refreshes
-- every deployment that shows it.
create function summary_follows_locality() returns trigger language plpgsql as $$
begin
    perform refresh_deployment_summary(dl.deployment_id)
       from deployment_locality dl where dl.locality_id = NEW.id;
    return null;
end $$;
create trigger locality_refreshes_summary after update on locality
    for each row execute function summary_follows_locality();

create function summary_follows_vendor() returns trigger language plpgsql as $$
begin
    perform refresh_deployment_summary(x.deployment_id)
       from (select distinct dv.deployment_id from deployment_vendor dv
              where dv.vendor_id = coalesce(NEW.vendor_id, OLD.vendor_id)) x;
    return null;
end $$;
create function summary_follows_vendor_row() returns trigger language plpgsql as $$
begin
    perform refresh_deployment_summary(x.deployment_id)
       from (select distinct dv.deployment_id from deployment_vendor dv where dv.vendor_id = NEW.id) x;
    return null;
end $$;
create trigger vendor_refreshes_summary after update on vendor
    for each row execute function summary_follows_vendor_row();
create trigger vendor_alias_refreshes_summary after insert or update or delete on vendor_alias
    for each row execute function summary_follows_vendor();

create function summary_follows_country() returns trigger language plpgsql as $$
begin
    perform refresh_deployment_summary(d.id) from deployment d where d.country_code = NEW.code;
    return null;
end $$;
create trigger country_refreshes_summary after update on country
    for each row execute function summary_follows_country();

select refresh_all_deployment_summaries();
