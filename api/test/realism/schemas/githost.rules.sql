-- rule: every organization has an owner
select count(*) from organizations o where not exists (select 1 from organization_memberships m where m.organization_id = o.id and m.role = 'owner');
-- rule: accounts belong to several organizations and organizations have several members
select case when exists (select 1 from organization_memberships group by account_id having count(*) > 1)
             and exists (select 1 from organization_memberships group by organization_id having count(*) > 1) then 0 else 1 end;
-- rule: memberships start after the organization and the account were created
select count(*) from organization_memberships m join organizations o on o.id = m.organization_id join accounts a on a.id = m.account_id where m.created_at < o.created_at or m.created_at < a.created_at;
-- rule: commits and pull requests come after their repository was created
select (select count(*) from commits c join repositories r on r.id = c.repository_id where c.committed_at < r.created_at)
     + (select count(*) from pull_requests p join repositories r on r.id = p.repository_id where p.created_at < r.created_at);
-- rule: pull requests are opened by accounts that exist at the time
select count(*) from pull_requests p join accounts a on a.id = p.author_id where p.created_at < a.created_at;
-- rule: merged pull requests were closed when merged, and closed or merged after they were last updated
select count(*) from pull_requests where (state = 'merged' and (closed_at is null or closed_at < merged_at)) or updated_at < created_at or (closed_at is not null and updated_at < closed_at);
-- rule: a merge commit is not the head commit
select count(*) from pull_requests where merge_commit_sha = head_sha;
-- rule: reviews are not by the pull request's author
select count(*) from reviews v join pull_requests p on p.id = v.pull_request_id where v.reviewer_id = p.author_id;
-- rule: reviews are submitted while the pull request is open
select count(*) from reviews v join pull_requests p on p.id = v.pull_request_id where v.submitted_at < p.created_at or (p.closed_at is not null and v.submitted_at > p.closed_at);
-- rule: releases are published after they were created
select count(*) from releases where published_at < created_at;
-- rule: the latest release is published and not a prerelease
select count(*) from releases where is_latest and (is_draft or is_prerelease);
-- rule: refs and branches look like git branches, and reviewed commits like SHAs
select (select count(*) from pull_requests where head_ref !~ '^[A-Za-z0-9][A-Za-z0-9._/-]*$' or base_ref !~ '^[A-Za-z0-9][A-Za-z0-9._/-]*$')
     + (select count(*) from repositories where default_branch !~ '^[A-Za-z0-9][A-Za-z0-9._/-]*$')
     + (select count(*) from reviews where commit_sha !~ '^[0-9a-f]{40}$');
-- rule: webhook events are event names and secrets are tokens
select count(*) from webhooks w where cardinality(w.events) = 0 or exists (select 1 from unnest(w.events) e where e !~ '^[a-z_]+([.][a-z_]+)?$') or w.secret !~ '^[A-Za-z0-9_-]{16,64}$';
-- rule: API tokens are used after they were created, their prefixes are tokens and their hashes hex
select count(*) from api_tokens where last_used_at < created_at or token_prefix !~ '^[A-Za-z0-9_]{4,12}$' or token_hash !~ '^[0-9a-f]{64}$' or jsonb_typeof(scopes) <> 'array';
-- rule: audit entries are by members of the organization, on its repositories, after it was created
select count(*) from audit_log l join organizations o on o.id = l.organization_id
  left join repositories r on r.id = l.target_repository_id
  where l.created_at < o.created_at or (r.id is not null and r.organization_id <> l.organization_id)
     or (l.actor_id is not null and not exists (select 1 from organization_memberships m where m.organization_id = l.organization_id and m.account_id = l.actor_id));
-- rule: emails, avatar URLs and user agents look like what they are
select (select count(*) from accounts where email !~* '^[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}$' or avatar_url !~ '^https?://')
     + (select count(*) from commits where author_email !~* '^[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}$')
     + (select count(*) from organizations where billing_email !~* '^[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}$')
     + (select count(*) from audit_log where user_agent !~ '^[A-Za-z][A-Za-z0-9._-]*/[0-9]');
