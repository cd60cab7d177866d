-- The SQL behind GET /api/v1/exports/camera-counts with no filter (ExportService.cameraCountRows),
-- for psql's \copy: the floor the API's CSV export is measured against. Keep it in step.
select n.id, n.deployment_id, s.title as deployment_title, s.country_code,
       n.observed_on, n.observed_precision, n.total, n.total_qualifier,
       n.facial_recognition, n.facial_recognition_qualifier, n.plate_reading, n.plate_reading_qualifier,
       n.basis, n.scope, n.note,
       (select string_agg(distinct src.url, ' ') from citation ci join source src on src.id = ci.source_id
         where ci.claim_type = 'camera_count' and ci.claim_id = n.id) as source_urls
  from camera_count n
  join deployment_summary s on s.deployment_id = n.deployment_id
 where n.publication = 'published' and s.publication = 'published'
 order by n.deployment_id, n.observed_on desc nulls last, n.id
