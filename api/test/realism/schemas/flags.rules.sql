-- rule: members are invited after their org was created
select count(*) from org_members m join orgs o on o.id = m.org_id where m.invited_at < o.created_at;
-- rule: projects are created after their org, environments after their project, and named like deployment environments
select (select count(*) from projects p join orgs o on o.id = p.org_id where p.created_at < o.created_at)
     + (select count(*) from environments e join projects p on p.id = e.project_id where e.created_at < p.created_at)
     + (select count(*) from environments where name !~* '^(prod|production|staging|stage|dev|development|test|testing|qa|preview|sandbox|demo|uat|canary|local)');
-- rule: an API key's project belongs to the key's org
select count(*) from api_keys k join projects p on p.id = k.project_id where p.org_id <> k.org_id;
-- rule: API keys are used after they were created, and not after they were revoked or expired
select count(*) from api_keys where last_used_at < created_at or last_used_at > revoked_at or last_used_at > expires_at;
-- rule: key prefixes are short tags such as ff_live_ or sk_A1b2
select count(*) from api_keys where prefix !~ '^[a-z]+_[A-Za-z0-9_]*$';
-- rule: a flag's environments belong to the flag's project, and flag_environments is many-to-many
select (select count(*) from flag_environments x join feature_flags f on f.id = x.flag_id join environments e on e.id = x.environment_id where f.project_id <> e.project_id)
     + case when (select count(*) from (select flag_id from flag_environments group by flag_id having count(*) > 1) s) > 0
             and (select count(*) from (select environment_id from flag_environments group by environment_id having count(*) > 1) s) > 0 then 0 else 1 end;
-- rule: rollout flags, and only they, have a rollout percentage
select count(*) from feature_flags where (kind = 'rollout') <> (rollout_percentage is not null);
-- rule: minimum SDK versions are semver
select count(*) from feature_flags where min_sdk_version !~ '^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$';
-- rule: identifiers look like identifiers, not words: distinct ids, audit target ids, webhook signing secrets
select (select count(*) from events where distinct_id ~ ' ') + (select count(*) from audit_log where target_id ~ ' ')
     + (select count(*) from webhooks where signing_secret !~ '^[A-Za-z0-9_]{16,}$');
-- rule: an event's environment belongs to the event's project, and events occur after the environment was created
select count(*) from events v join environments e on e.id = v.environment_id where e.project_id <> v.project_id or v.occurred_at < e.created_at;
-- rule: event names look like event names (snake_case, noun.verb or Title Case)
select count(*) from events where event_name !~ '^([a-z][a-z0-9]*([_.:][a-z0-9]+)*|[A-Z][a-z]+( [A-Z]?[a-z]+)*)$';
-- rule: user agents look like user agents
select count(*) from events where user_agent is not null and user_agent !~ '^[A-Za-z][A-Za-z-]*/[0-9]';
-- rule: a delivery's event is of its webhook's project, sent after the event was received and after the webhook was created
select count(*) from webhook_deliveries d join webhooks w on w.id = d.webhook_id join events v on v.id = d.event_id where v.project_id <> w.project_id or d.sent_at < v.received_at or d.sent_at < w.created_at;
-- rule: delivery status codes are HTTP status codes, 2xx exactly when the delivery succeeded
select count(*) from webhook_deliveries where status_code not between 100 and 599 or (not succeeded and status_code between 200 and 299);
-- rule: audit log actions look like noun.verb or verb_noun, after the org was created
select count(*) from audit_log a join orgs o on o.id = a.org_id where a.action !~ '^[a-z]+([._][a-z]+)+$' or a.created_at < o.created_at;
-- rule: events are received within a day of occurring, and nothing happens in the future
select count(*) from events where received_at > occurred_at + interval '1 day' or received_at > now() or occurred_at > now();
