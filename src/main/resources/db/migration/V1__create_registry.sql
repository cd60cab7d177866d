-- The registry's schema. Flyway owns it; Hibernate only validates.
--
-- Conventions that hold for every table below:
--  * public IDs are UUIDs stored in the row, so they survive a dump and restore and
--    are never reused;
--  * a record that can be published carries `publication` (draft, published,
--    retracted), a retraction stays in the table with its reason, actor and time,
--    and `version` counts its updates (optimistic locking);
--  * a published claim has at least one citation (deferred constraint triggers);
--  * enumerations are text columns with CHECK constraints, so a new value is a
--    one-line migration and the values read the same in SQL, JSON and CSV;
--  * a date that is only known to the month or year is stored as its first day
--    together with its precision (day, month, year).

-- Every publishable record --------------------------------------------------

-- `publication`, retraction and bookkeeping columns, identical on every record table.
-- (Written out per table: PostgreSQL has no column mixins, and INHERITS would
-- break foreign keys and unique constraints.)

create table country (
    code        text primary key check (code ~ '^[A-Z]{2}$'),
    alpha3      text not null unique check (alpha3 ~ '^[A-Z]{3}$'),
    name        text not null check (length(name) between 1 and 200),
    region      text check (length(region) between 1 and 100)
);
comment on table country is 'ISO 3166-1 countries; region is the UN M49 sub-region where recorded';

create table locality (
    id            uuid primary key,
    country_code  text not null references country (code),
    name_en       text not null check (length(name_en) between 1 and 200),
    name_local    text check (length(name_local) between 1 and 200),
    local_script  text check (local_script ~ '^[A-Z][a-z]{3}$'),
    kind          text not null check (kind in ('city', 'district', 'region', 'site')),
    latitude      double precision check (latitude between -90 and 90),
    longitude     double precision check (longitude between -180 and 180),
    aliases       text[] not null default '{}',
    check ((latitude is null) = (longitude is null)),
    check ((name_local is null) = (local_script is null))
);
create index locality_country_idx on locality (country_code);
comment on column locality.local_script is 'ISO 15924 code of name_local, e.g. Cyrl';

create table source (
    id                  uuid primary key,
    kind                text not null check (kind in ('report', 'news', 'government_record',
                            'procurement_record', 'loan_record', 'company_statement',
                            'court_record', 'dataset')),
    title               text not null check (length(title) between 1 and 500),
    publisher           text check (length(publisher) <= 300),
    authors             text[] not null default '{}',
    published_on        date,
    published_precision text check (published_precision in ('day', 'month', 'year')),
    url                 text check (url ~ '^https?://'),
    archived_url        text check (archived_url ~ '^https?://'),
    language            text not null check (language ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$'),
    license             text,
    notes               text,
    publication         text not null default 'published' check (publication in ('draft', 'published', 'retracted')),
    retracted_at        timestamptz,
    retracted_by        text,
    retraction_reason   text,
    version             integer not null default 0,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    check ((published_on is null) = (published_precision is null)),
    constraint retraction_recorded check ((publication = 'retracted') = (retracted_at is not null and retraction_reason is not null))
);

create table vendor (
    id                  uuid primary key,
    name                text not null unique check (length(name) between 1 and 200),
    hq_country_code     text references country (code),
    ownership           text not null check (ownership in ('state_owned', 'private', 'mixed', 'unknown')),
    ownership_note      text,
    website             text check (website ~ '^https?://'),
    publication         text not null default 'published' check (publication in ('draft', 'published', 'retracted')),
    retracted_at        timestamptz,
    retracted_by        text,
    retraction_reason   text,
    version             integer not null default 0,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    constraint retraction_recorded check ((publication = 'retracted') = (retracted_at is not null and retraction_reason is not null))
);

create table vendor_alias (
    vendor_id   uuid not null references vendor (id),
    alias       text not null check (length(alias) between 1 and 200),
    language    text check (language ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$'),
    primary key (vendor_id, alias)
);

create table vendor_restriction (
    id                  uuid primary key,
    vendor_id           uuid not null references vendor (id),
    kind                text not null check (kind in ('entity_list', 'procurement_ban', 'market_ban',
                            'sanction', 'security_designation', 'other')),
    jurisdiction        text not null check (jurisdiction ~ '^[A-Z]{2}$|^EU$|^UN$'),
    authority           text,
    description         text not null,
    effective_on        date,
    effective_precision text check (effective_precision in ('day', 'month', 'year')),
    ended_on            date,
    ended_precision     text check (ended_precision in ('day', 'month', 'year')),
    publication         text not null default 'published' check (publication in ('draft', 'published', 'retracted')),
    retracted_at        timestamptz,
    retracted_by        text,
    retraction_reason   text,
    version             integer not null default 0,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    check ((effective_on is null) = (effective_precision is null)),
    check ((ended_on is null) = (ended_precision is null)),
    check (ended_on >= effective_on),
    constraint retraction_recorded check ((publication = 'retracted') = (retracted_at is not null and retraction_reason is not null))
);
create index vendor_restriction_vendor_idx on vendor_restriction (vendor_id);

create table capability (
    code        text primary key check (code ~ '^[a-z_]+$'),
    name        text not null,
    description text not null
);
-- The fixed taxonomy of DESIGN.md. It is schema, not data: a new capability is a migration.
insert into capability (code, name, description) values
    ('face_identification_realtime', 'Face identification (real-time)', 'Matching faces in live video against a watch list as people pass.'),
    ('face_identification_retrospective', 'Face identification (retrospective)', 'Matching faces in recorded footage or stills after the fact.'),
    ('face_identification_unspecified', 'Face identification (mode not stated)', 'Facial recognition where the sources do not say whether it runs live or on recordings.'),
    ('plate_recognition', 'Licence-plate recognition', 'Automatic reading of vehicle number plates.'),
    ('other_biometrics', 'Other biometric identification', 'Identification by gait, voice, iris or other body traits.'),
    ('biometric_categorisation', 'Biometric categorisation', 'Sorting people by inferred sex, age, ethnicity or other traits.'),
    ('emotion_inference', 'Emotion inference', 'Claimed detection of emotions or intent from faces or behaviour.'),
    ('behaviour_analytics', 'Behaviour analytics', 'Automated flagging of loitering, fights, abandoned objects and similar behaviour.'),
    ('predictive_policing', 'Predictive policing', 'Forecasting where crime will happen or who will commit it.'),
    ('social_media_analytics', 'Social-media analytics', 'Monitoring and analysis of social-media content and accounts.'),
    ('crowd_monitoring', 'Crowd monitoring', 'Counting and watching crowds and gatherings.'),
    ('phone_interception', 'Phone interception', 'IMSI catchers, lawful-interception gateways and similar.'),
    ('automated_traffic_enforcement', 'Automated traffic enforcement', 'Cameras that detect traffic offences and issue fines.'),
    ('integrated_command_centre', 'Integrated command centre', 'A control room fusing feeds and data across agencies.');

create table deployment (
    id                  uuid primary key,
    parent_id           uuid references deployment (id),
    title               text not null check (length(title) between 1 and 300),
    summary             text,
    program_type        text not null check (program_type in ('safe_city', 'smart_city',
                            'traffic_enforcement', 'border', 'transit', 'other')),
    country_code        text not null references country (code),
    operator_agency     text,
    public_spaces       text[] not null default '{}',
    confidence          text not null check (confidence in ('high', 'medium', 'low')),
    confidence_note     text,
    publication         text not null default 'published' check (publication in ('draft', 'published', 'retracted')),
    retracted_at        timestamptz,
    retracted_by        text,
    retraction_reason   text,
    version             integer not null default 0,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    check (parent_id <> id),
    constraint retraction_recorded check ((publication = 'retracted') = (retracted_at is not null and retraction_reason is not null))
);
create index deployment_country_idx on deployment (country_code);
create index deployment_parent_idx on deployment (parent_id);

create table deployment_locality (
    deployment_id   uuid not null references deployment (id),
    locality_id     uuid not null references locality (id),
    primary key (deployment_id, locality_id)
);
create index deployment_locality_locality_idx on deployment_locality (locality_id);

create table deployment_vendor (
    id                  uuid primary key,
    deployment_id       uuid not null references deployment (id),
    vendor_id           uuid not null references vendor (id),
    role                text not null check (role in ('supplier', 'integrator', 'operator', 'financier')),
    note                text,
    publication         text not null default 'published' check (publication in ('draft', 'published', 'retracted')),
    retracted_at        timestamptz,
    retracted_by        text,
    retraction_reason   text,
    version             integer not null default 0,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    unique (deployment_id, vendor_id, role),
    constraint retraction_recorded check ((publication = 'retracted') = (retracted_at is not null and retraction_reason is not null))
);
create index deployment_vendor_vendor_idx on deployment_vendor (vendor_id);

-- The dated lifecycle: events are appended in order (sequence), the current status is
-- the last published one, and no event is ever deleted.
create table status_event (
    id                  uuid primary key,
    deployment_id       uuid not null references deployment (id),
    sequence            integer not null check (sequence >= 1),
    status              text not null check (status in ('announced', 'contracted', 'installing',
                            'operational', 'expanded', 'suspended', 'decommissioned', 'cancelled')),
    occurred_on         date,
    occurred_precision  text check (occurred_precision in ('day', 'month', 'year')),
    note                text,
    publication         text not null default 'published' check (publication in ('draft', 'published', 'retracted')),
    retracted_at        timestamptz,
    retracted_by        text,
    retraction_reason   text,
    version             integer not null default 0,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    unique (deployment_id, sequence),
    check ((occurred_on is null) = (occurred_precision is null)),
    constraint retraction_recorded check ((publication = 'retracted') = (retracted_at is not null and retraction_reason is not null))
);

-- Dates in order along a deployment's lifecycle: a later event never has an earlier date.
create function status_event_dates_in_order() returns trigger language plpgsql as $$
begin
    if NEW.occurred_on is not null and exists (
        select 1 from status_event e
         where e.deployment_id = NEW.deployment_id and e.id <> NEW.id and e.occurred_on is not null
           and ((e.sequence < NEW.sequence and e.occurred_on > NEW.occurred_on)
             or (e.sequence > NEW.sequence and e.occurred_on < NEW.occurred_on))) then
        raise exception using errcode = '23514', constraint = 'status_event_dates_in_order',
            message = format('status event %s of deployment %s is dated out of order', NEW.sequence, NEW.deployment_id);
    end if;
    return NEW;
end $$;
create trigger status_event_dates_in_order before insert or update on status_event
    for each row execute function status_event_dates_in_order();

-- A time series of observations, never one overwritten number. Each figure carries
-- its own qualifier, as sources qualify them separately ("4,100 cameras, over 60 of them ...").
create table camera_count (
    id                              uuid primary key,
    deployment_id                   uuid not null references deployment (id),
    observed_on                     date,
    observed_precision              text check (observed_precision in ('day', 'month', 'year')),
    total                           integer check (total >= 0),
    total_qualifier                 text check (total_qualifier in ('exact', 'at_least', 'over', 'approximately', 'planned')),
    facial_recognition              integer check (facial_recognition >= 0),
    facial_recognition_qualifier    text check (facial_recognition_qualifier in ('exact', 'at_least', 'over', 'approximately', 'planned')),
    plate_reading                   integer check (plate_reading >= 0),
    plate_reading_qualifier         text check (plate_reading_qualifier in ('exact', 'at_least', 'over', 'approximately', 'planned')),
    basis                           text not null check (basis in ('official', 'vendor_claim', 'press', 'observed', 'research')),
    scope                           text,
    note                            text,
    publication         text not null default 'published' check (publication in ('draft', 'published', 'retracted')),
    retracted_at        timestamptz,
    retracted_by        text,
    retraction_reason   text,
    version             integer not null default 0,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    check ((observed_on is null) = (observed_precision is null)),
    check (coalesce(total, facial_recognition, plate_reading) is not null),
    check ((total is null) = (total_qualifier is null)),
    check ((facial_recognition is null) = (facial_recognition_qualifier is null)),
    check ((plate_reading is null) = (plate_reading_qualifier is null)),
    -- a subset can never outnumber an exact total (a lower bound may not exceed it either)
    constraint camera_count_facial_within_total check (not (total_qualifier = 'exact'
        and ((facial_recognition_qualifier in ('exact', 'at_least') and facial_recognition > total)
          or (facial_recognition_qualifier = 'over' and facial_recognition >= total)))),
    constraint camera_count_plate_within_total check (not (total_qualifier = 'exact'
        and ((plate_reading_qualifier in ('exact', 'at_least') and plate_reading > total)
          or (plate_reading_qualifier = 'over' and plate_reading >= total)))),
    constraint retraction_recorded check ((publication = 'retracted') = (retracted_at is not null and retraction_reason is not null))
);
create index camera_count_deployment_idx on camera_count (deployment_id, observed_on desc nulls last);

create table deployment_capability (
    id                  uuid primary key,
    deployment_id       uuid not null references deployment (id),
    capability_code     text not null references capability (code),
    evidence_level      text not null check (evidence_level in ('vendor_claim', 'reported', 'procured',
                            'observed', 'officially_confirmed')),
    since_on            date,
    since_precision     text check (since_precision in ('day', 'month', 'year')),
    until_on            date,
    until_precision     text check (until_precision in ('day', 'month', 'year')),
    note                text,
    publication         text not null default 'published' check (publication in ('draft', 'published', 'retracted')),
    retracted_at        timestamptz,
    retracted_by        text,
    retraction_reason   text,
    version             integer not null default 0,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    unique (deployment_id, capability_code),
    check ((since_on is null) = (since_precision is null)),
    check ((until_on is null) = (until_precision is null)),
    check (until_on >= since_on),
    constraint retraction_recorded check ((publication = 'retracted') = (retracted_at is not null and retraction_reason is not null))
);
create index deployment_capability_code_idx on deployment_capability (capability_code);

-- A financing package may be split into tranches (tranche_of), each with its own terms.
create table financing (
    id                  uuid primary key,
    deployment_id       uuid not null references deployment (id),
    tranche_of          uuid references financing (id),
    instrument          text not null check (instrument in ('loan', 'grant', 'vendor_credit', 'budget', 'ppp', 'other')),
    description         text,
    lender              text,
    lender_country_code text references country (code),
    borrower            text,
    amount              numeric(18, 2) check (amount >= 0),
    currency            text check (currency ~ '^[A-Z]{3}$'),
    amount_usd          numeric(18, 2) check (amount_usd >= 0),
    amount_qualifier    text check (amount_qualifier in ('exact', 'at_least', 'over', 'approximately', 'planned')),
    interest_rate_pct   numeric(6, 3) check (interest_rate_pct between 0 and 100),
    maturity_years      numeric(5, 2) check (maturity_years > 0),
    grace_period_years  numeric(5, 2) check (grace_period_years >= 0),
    signed_on           date,
    signed_precision    text check (signed_precision in ('day', 'month', 'year')),
    ratified_on         date,
    ratified_precision  text check (ratified_precision in ('day', 'month', 'year')),
    ratified_by         text,
    repayment_source    text,
    publication         text not null default 'published' check (publication in ('draft', 'published', 'retracted')),
    retracted_at        timestamptz,
    retracted_by        text,
    retraction_reason   text,
    version             integer not null default 0,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    check (tranche_of <> id),
    check (amount is null or currency is not null),
    check ((amount is null and amount_usd is null) or amount_qualifier is not null),
    check (grace_period_years <= maturity_years),
    check (ratified_on >= signed_on),
    check ((signed_on is null) = (signed_precision is null)),
    check ((ratified_on is null) = (ratified_precision is null)),
    constraint retraction_recorded check ((publication = 'retracted') = (retracted_at is not null and retraction_reason is not null))
);
create index financing_deployment_idx on financing (deployment_id);

create table financing_external_id (
    financing_id    uuid not null references financing (id),
    system          text not null check (system ~ '^[a-z][a-z0-9_]*$'),
    external_id     text not null,
    url             text check (url ~ '^https?://'),
    primary key (financing_id, system, external_id)
);
create index financing_external_id_lookup_idx on financing_external_id (system, external_id);

create table oversight_assessment (
    id                  uuid primary key,
    deployment_id       uuid not null references deployment (id),
    as_of               date not null,
    assessed_by         text not null,
    note                text,
    publication         text not null default 'published' check (publication in ('draft', 'published', 'retracted')),
    retracted_at        timestamptz,
    retracted_by        text,
    retraction_reason   text,
    version             integer not null default 0,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    unique (deployment_id, as_of),
    constraint retraction_recorded check ((publication = 'retracted') = (retracted_at is not null and retraction_reason is not null))
);

create table oversight_criterion (
    id                  uuid primary key,
    assessment_id       uuid not null references oversight_assessment (id),
    criterion           text not null check (criterion in ('legal_basis', 'elected_body_approval',
                            'public_notice_consultation', 'impact_assessment_published',
                            'use_policy_published', 'retention_limit', 'data_sharing_recipients_named',
                            'human_oversight_appeal', 'independent_auditor', 'periodic_public_reporting',
                            'costs_financing_disclosed', 'equity_review', 'public_register_listing')),
    score               text not null check (score in ('yes', 'partial', 'no', 'unknown', 'withheld')),
    evidence            text,
    as_of               date,
    publication         text not null default 'published' check (publication in ('draft', 'published', 'retracted')),
    retracted_at        timestamptz,
    retracted_by        text,
    retraction_reason   text,
    version             integer not null default 0,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    unique (assessment_id, criterion),
    constraint retraction_recorded check ((publication = 'retracted') = (retracted_at is not null and retraction_reason is not null))
);

-- The overall label is derived, never typed in. The rule (docs/OVERSIGHT.md) is a ladder;
-- each rung needs the one below it, and only a published 'yes' (or 'partial' where
-- named) counts, so unknown and withheld never raise a label:
--   disclosed              legal_basis, use_policy_published = yes; costs_financing_disclosed in (yes, partial)
--   consulted              + public_notice_consultation, impact_assessment_published = yes
--   approved               + elected_body_approval = yes
--   independently_overseen + independent_auditor, periodic_public_reporting, human_oversight_appeal = yes
--   none                   otherwise
create view oversight_assessment_label as
with met as (
    select a.id as assessment_id,
           coalesce(bool_or(c.criterion = 'legal_basis' and c.score = 'yes'), false) as legal_basis,
           coalesce(bool_or(c.criterion = 'use_policy_published' and c.score = 'yes'), false) as use_policy,
           coalesce(bool_or(c.criterion = 'costs_financing_disclosed' and c.score in ('yes', 'partial')), false) as costs,
           coalesce(bool_or(c.criterion = 'public_notice_consultation' and c.score = 'yes'), false) as consultation,
           coalesce(bool_or(c.criterion = 'impact_assessment_published' and c.score = 'yes'), false) as impact,
           coalesce(bool_or(c.criterion = 'elected_body_approval' and c.score = 'yes'), false) as approval,
           coalesce(bool_or(c.criterion = 'independent_auditor' and c.score = 'yes'), false) as auditor,
           coalesce(bool_or(c.criterion = 'periodic_public_reporting' and c.score = 'yes'), false) as reporting,
           coalesce(bool_or(c.criterion = 'human_oversight_appeal' and c.score = 'yes'), false) as appeal
      from oversight_assessment a
      left join oversight_criterion c on c.assessment_id = a.id and c.publication = 'published'
     group by a.id
)
select assessment_id,
       case
           when legal_basis and use_policy and costs and consultation and impact and approval
                and auditor and reporting and appeal then 'independently_overseen'
           when legal_basis and use_policy and costs and consultation and impact and approval then 'approved'
           when legal_basis and use_policy and costs and consultation and impact then 'consulted'
           when legal_basis and use_policy and costs then 'disclosed'
           else 'none'
       end as label
  from met;

-- Facts about vendors, countries or the market that are not one deployment:
-- footprints ("60 smart city programs in 20 countries"), state links, market size.
create table finding (
    id                  uuid primary key,
    kind                text not null check (kind in ('vendor_footprint', 'state_link', 'market_position',
                            'soft_power', 'criticism', 'customer_country', 'political_use', 'market_size', 'other')),
    summary             text not null check (length(summary) between 1 and 2000),
    country_code        text references country (code),
    vendor_id           uuid references vendor (id),
    observed_on         date,
    observed_precision  text check (observed_precision in ('day', 'month', 'year')),
    programs            integer check (programs >= 0),
    countries           integer check (countries >= 0),
    amount              numeric(18, 2) check (amount >= 0),
    currency            text check (currency ~ '^[A-Z]{3}$'),
    figure_qualifier    text check (figure_qualifier in ('exact', 'at_least', 'over', 'approximately', 'planned', 'projected')),
    publication         text not null default 'published' check (publication in ('draft', 'published', 'retracted')),
    retracted_at        timestamptz,
    retracted_by        text,
    retraction_reason   text,
    version             integer not null default 0,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    check ((observed_on is null) = (observed_precision is null)),
    check (amount is null or currency is not null),
    check ((programs is null and countries is null and amount is null) = (figure_qualifier is null)),
    constraint retraction_recorded check ((publication = 'retracted') = (retracted_at is not null and retraction_reason is not null))
);
create index finding_vendor_idx on finding (vendor_id);
create index finding_country_idx on finding (country_code);

-- Citations: a claim (any row of the tables named in claim_type) cites a source.
create table citation (
    id          uuid primary key,
    claim_type  text not null check (claim_type in ('deployment', 'deployment_vendor', 'status_event',
                    'camera_count', 'deployment_capability', 'financing', 'oversight_criterion',
                    'vendor', 'vendor_restriction', 'finding')),
    claim_id    uuid not null,
    source_id   uuid not null references source (id),
    quote       text,
    locator     text,
    note        text,
    created_at  timestamptz not null default now()
);
create index citation_claim_idx on citation (claim_id);
create index citation_source_idx on citation (source_id);
comment on column citation.quote is 'verbatim passage; null where the wording was not checked against the source';

-- A published claim must cite at least one source. Deferred to commit, so a claim
-- and its citations can be written in one transaction in either order.
create function claim_requires_citation() returns trigger language plpgsql as $$
begin
    if NEW.publication = 'published' and not exists (
        select 1 from citation c where c.claim_type = TG_TABLE_NAME and c.claim_id = NEW.id) then
        raise exception using errcode = '23514', constraint = 'claim_requires_citation',
            message = format('%s %s is published without a citation', TG_TABLE_NAME, NEW.id);
    end if;
    return null;
end $$;

create constraint trigger claim_requires_citation after insert or update on deployment
    deferrable initially deferred for each row execute function claim_requires_citation();
create constraint trigger claim_requires_citation after insert or update on deployment_vendor
    deferrable initially deferred for each row execute function claim_requires_citation();
create constraint trigger claim_requires_citation after insert or update on status_event
    deferrable initially deferred for each row execute function claim_requires_citation();
create constraint trigger claim_requires_citation after insert or update on camera_count
    deferrable initially deferred for each row execute function claim_requires_citation();
create constraint trigger claim_requires_citation after insert or update on deployment_capability
    deferrable initially deferred for each row execute function claim_requires_citation();
create constraint trigger claim_requires_citation after insert or update on financing
    deferrable initially deferred for each row execute function claim_requires_citation();
-- "unknown" asserts nothing, so it needs no source; every other score does.
create constraint trigger claim_requires_citation after insert or update on oversight_criterion
    deferrable initially deferred for each row when (NEW.score <> 'unknown')
    execute function claim_requires_citation();
create constraint trigger claim_requires_citation after insert or update on vendor
    deferrable initially deferred for each row execute function claim_requires_citation();
create constraint trigger claim_requires_citation after insert or update on vendor_restriction
    deferrable initially deferred for each row execute function claim_requires_citation();
create constraint trigger claim_requires_citation after insert or update on finding
    deferrable initially deferred for each row execute function claim_requires_citation();

-- A citation points at a claim that exists (a foreign key across the claim tables),
-- and removing or moving one may not leave a published claim uncited.
create function citation_integrity() returns trigger language plpgsql as $$
declare
    pub text;
    score text;
begin
    if TG_OP in ('INSERT', 'UPDATE') then
        execute format('select publication from %I where id = $1', NEW.claim_type) into pub using NEW.claim_id;
        if pub is null then
            raise exception using errcode = '23503', constraint = 'citation_claim_exists',
                message = format('citation %s cites %s %s, which does not exist', NEW.id, NEW.claim_type, NEW.claim_id);
        end if;
    end if;
    if TG_OP in ('UPDATE', 'DELETE') then
        execute format('select publication from %I where id = $1', OLD.claim_type) into pub using OLD.claim_id;
        if OLD.claim_type = 'oversight_criterion' then
            select c.score into score from oversight_criterion c where c.id = OLD.claim_id;
        end if;
        if pub = 'published' and coalesce(score, '') <> 'unknown' and not exists (
            select 1 from citation c where c.claim_type = OLD.claim_type and c.claim_id = OLD.claim_id) then
            raise exception using errcode = '23514', constraint = 'claim_requires_citation',
                message = format('%s %s would be left published without a citation', OLD.claim_type, OLD.claim_id);
        end if;
    end if;
    return null;
end $$;
create constraint trigger citation_integrity after insert or update or delete on citation
    deferrable initially deferred for each row execute function citation_integrity();

-- History: every write appends a revision. Append-only, enforced here for every role
-- and code path (the owner included), so no revision can be rewritten or removed.
create table revision (
    id            bigint generated always as identity primary key,
    entity_type   text not null,
    entity_id     text not null,
    version       integer not null,
    actor         text not null,
    recorded_at   timestamptz not null default now(),
    reason        text,
    change        jsonb not null
);
create index revision_entity_idx on revision (entity_type, entity_id, id);

create function revision_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception using errcode = '42501', message = 'revisions are append-only';
end $$;
create trigger revision_no_update before update or delete on revision
    for each row execute function revision_is_append_only();
create trigger revision_no_truncate before truncate on revision
    for each statement execute function revision_is_append_only();

-- Records are retracted (a recorded state with a reason), never deleted: no code path and
-- no role can remove one.
create function record_is_never_deleted() returns trigger language plpgsql as $$
begin
    raise exception using errcode = '42501',
        message = format('%s records are retracted, never deleted', TG_TABLE_NAME);
end $$;
do $$
declare
    t text;
begin
    foreach t in array array['source', 'vendor', 'vendor_restriction', 'deployment', 'deployment_vendor',
                             'status_event', 'camera_count', 'deployment_capability', 'financing',
                             'oversight_assessment', 'oversight_criterion', 'finding'] loop
        execute format('create trigger %I before delete on %I for each row execute function record_is_never_deleted()',
                       t || '_never_deleted', t);
        execute format('create trigger %I before truncate on %I for each statement execute function record_is_never_deleted()',
                       t || '_never_truncated', t);
    end loop;
end $$;

-- Which version of each seed file has been applied, so a start applies a file only
-- when it changed.
create table seed_file (
    name        text primary key,
    sha256      text not null check (sha256 ~ '^[0-9a-f]{64}$'),
    applied_at  timestamptz not null default now()
);
