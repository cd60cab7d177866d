-- Values the sources need and the schema lacked (issue 11: data a journalist can publish from).
--
--  * A status for a system that was only considered: an interest is not a purchase.
--  * A restriction type for an exclusion from telecommunication networks (Australia's 2018 5G
--    guidance excluded vendors from 5G networks, not from its market).
--  * A camera count given as a range ("6,200-7,000"): total is its lower end, total_upper its
--    upper end, and total_qualifier is 'range'.
--  * The date a finding's figure refers to, beside the date it was made: a forecast made in 2018
--    for 2021 is observed in 2018 and targets 2021.
--  * The version of a dataset a source cites.

alter table status_event drop constraint status_event_status_check;
alter table status_event add constraint status_event_status_check check (status in ('considered', 'announced',
    'contracted', 'installing', 'operational', 'expanded', 'suspended', 'decommissioned', 'cancelled'));

alter table vendor_restriction drop constraint vendor_restriction_kind_check;
alter table vendor_restriction add constraint vendor_restriction_kind_check check (kind in ('entity_list',
    'procurement_ban', 'market_ban', 'network_exclusion', 'sanction', 'security_designation', 'other'));

alter table camera_count add column total_upper integer;
alter table camera_count drop constraint camera_count_total_qualifier_check;
alter table camera_count add constraint camera_count_total_qualifier_check check (total_qualifier in ('exact',
    'at_least', 'over', 'approximately', 'planned', 'range'));
alter table camera_count add constraint camera_count_range check (
    (total_qualifier = 'range') = (total_upper is not null) and (total_upper is null or total_upper > total));
comment on column camera_count.total_upper is 'the upper end when the source gives a range; total is then its lower end';

alter table finding add column target_on date;
alter table finding add column target_precision text check (target_precision in ('day', 'month', 'year'));
alter table finding add constraint finding_target_dated check ((target_on is null) = (target_precision is null));
comment on column finding.observed_on is 'when the source made or observed the statement';
comment on column finding.target_on is 'the date a forecast or plan refers to (a market size "by 2021")';

alter table source add column dataset_version text check (length(dataset_version) between 1 and 100);
comment on column source.dataset_version is 'the version of a dataset, as its publisher names it';

-- Capabilities the region's sources name that the taxonomy lacked (codes are data, not an enumeration).
insert into capability (code, name, description) values
    ('traffic_monitoring', 'Traffic monitoring', 'Cameras that watch traffic flow and incidents, where the sources do not say that they issue fines.'),
    ('vehicle_mounted_cameras', 'Vehicle-mounted cameras', 'Cameras or video equipment mounted on police or other vehicles.');

-- The rendered documents gain total_upper: render them again.
delete from deployment_document;
