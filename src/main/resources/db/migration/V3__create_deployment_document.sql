-- The rendered JSON of each deployment, as the API serves it, so a read is one indexed lookup.
--
-- A document is valid only while its revision equals its deployment's summary revision. Every
-- write that changes what the document shows refreshes the summary (row triggers, V2 and below),
-- and each refresh raises the revision, so a stale document is never served: it is simply not
-- valid any more, on every replica at once. The application renders a missing or stale document
-- on read and stores it with the revision it read before rendering (a write that commits during
-- the render raises the revision past it, so that document is never valid).

alter table deployment_summary add column revision bigint not null default 1;

create table deployment_document (
    deployment_id   uuid primary key references deployment (id),
    revision        bigint not null,
    body            text not null
);
comment on table deployment_document is 'a cache: rows may be deleted at any time and are rendered again';

-- Same as V2's function, plus the revision: 1 for a new summary, one more on every refresh.
create or replace function refresh_deployment_summary(target uuid) returns void language plpgsql as $$
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
                  array_to_string(d.public_spaces, ' '))), 'C'),
           1
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
        locality_ids = excluded.locality_ids, updated_at = excluded.updated_at, search = excluded.search,
        revision = deployment_summary.revision + 1;
end $$;

-- The deployment a claim belongs to (null for claims outside deployments: vendors, findings).
create function claim_deployment(claim_type text, claim_id uuid) returns uuid language sql stable as $$
    select case claim_type
        when 'deployment' then claim_id
        when 'deployment_vendor' then (select deployment_id from deployment_vendor where id = claim_id)
        when 'status_event' then (select deployment_id from status_event where id = claim_id)
        when 'camera_count' then (select deployment_id from camera_count where id = claim_id)
        when 'deployment_capability' then (select deployment_id from deployment_capability where id = claim_id)
        when 'financing' then (select deployment_id from financing where id = claim_id)
        when 'oversight_criterion' then (select a.deployment_id from oversight_criterion c
                                          join oversight_assessment a on a.id = c.assessment_id where c.id = claim_id)
    end
$$;

-- What a deployment document shows beyond the tables V2 follows: its citations, the cited
-- sources, and financing's external IDs.
create function summary_follows_citation() returns trigger language plpgsql as $$
declare
    target uuid;
begin
    if TG_OP <> 'DELETE' then
        target := claim_deployment(NEW.claim_type, NEW.claim_id);
        if target is not null then
            perform refresh_deployment_summary(target);
        end if;
    end if;
    if TG_OP <> 'INSERT' then
        target := claim_deployment(OLD.claim_type, OLD.claim_id);
        if target is not null then
            perform refresh_deployment_summary(target);
        end if;
    end if;
    return null;
end $$;
create trigger citation_refreshes_summary after insert or update or delete on citation
    for each row execute function summary_follows_citation();

create function summary_follows_source() returns trigger language plpgsql as $$
begin
    perform refresh_deployment_summary(x.deployment_id)
       from (select distinct claim_deployment(c.claim_type, c.claim_id) as deployment_id
               from citation c where c.source_id = NEW.id) x
      where x.deployment_id is not null;
    return null;
end $$;
create trigger source_refreshes_summary after update on source
    for each row execute function summary_follows_source();

create function summary_follows_external_id() returns trigger language plpgsql as $$
begin
    perform refresh_deployment_summary(f.deployment_id)
       from financing f where f.id = coalesce(NEW.financing_id, OLD.financing_id);
    return null;
end $$;
create trigger financing_external_id_refreshes_summary after insert or update or delete on financing_external_id
    for each row execute function summary_follows_external_id();
