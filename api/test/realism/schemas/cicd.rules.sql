-- rule: a build's pipeline belongs to the build's repository
select count(*) from builds b join pipelines p on p.id = b.pipeline_id where p.repository_id <> b.repository_id;
-- rule: builds come after their pipeline was created
select count(*) from builds b join pipelines p on p.id = b.pipeline_id where b.queued_at < p.created_at;
-- rule: queued builds have not started
select count(*) from builds where status = 'queued' and (started_at is not null or finished_at is not null);
-- rule: running builds have started and not finished
select count(*) from builds where status = 'running' and (started_at is null or finished_at is not null);
-- rule: finished builds have finished_at and a duration
select count(*) from builds where status in ('success', 'failed') and (finished_at is null or duration_ms is null);
-- rule: a build's duration is its run time
select count(*) from builds where duration_ms is not null and finished_at is not null and abs(duration_ms - extract(epoch from finished_at - started_at) * 1000) > 1000;
-- rule: jobs run within their build
select count(*) from jobs j join builds b on b.id = j.build_id where j.started_at < b.started_at or j.started_at < b.queued_at;
-- rule: deployments come after their build
select count(*) from deployments d join builds b on b.id = d.build_id where d.created_at < b.queued_at;
-- rule: finished deployments have finished_at, pending ones do not
select count(*) from deployments where (status in ('succeeded', 'failed', 'rolled_back') and finished_at is null) or (status = 'pending' and finished_at is not null);
-- rule: branches look like git branches
select count(*) from builds where branch !~ '^[a-z0-9][a-z0-9._/-]*$';
-- rule: clone URLs are git URLs
select count(*) from repositories where clone_url !~ '^(https://|git@|ssh://)';
-- rule: a gitlab_url is a GitLab URL
select count(*) from repositories where gitlab_url is not null and gitlab_url !~ '^https://gitlab\.com/';
-- rule: runner labels look like labels
select count(*) from jobs where runner_label !~ '^[a-z0-9][a-z0-9._-]*$';
-- rule: artifact paths are paths
select count(*) from artifacts where path !~ '^[A-Za-z0-9._/-]+$';
-- rule: content types are mime types
select count(*) from artifacts where content_type !~ '^[a-z]+/[a-z0-9.+-]+$';
-- rule: deployers are logins
select count(*) from deployments where deployed_by !~ '^[a-z0-9][a-z0-9-]*$';
