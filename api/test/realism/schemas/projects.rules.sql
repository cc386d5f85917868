-- rule: every workspace has exactly one owner
select count(*) from workspaces w where (select count(*) from workspace_members m where m.workspace_id = w.id and m.role = 'owner') <> 1;
-- rule: members join after the workspace and their user account were created
select count(*) from workspace_members m join workspaces w on w.id = m.workspace_id join users u on u.id = m.user_id where m.joined_at < w.created_at or m.joined_at < u.created_at;
-- rule: users belong to several workspaces and workspaces have several members
select case when exists (select 1 from workspace_members group by user_id having count(*) > 1)
             and exists (select 1 from workspace_members group by workspace_id having count(*) > 1) then 0 else 1 end;
-- rule: a project's lead is a member of the project's workspace
select count(*) from projects p where p.lead_id is not null and not exists (select 1 from workspace_members m where m.workspace_id = p.workspace_id and m.user_id = p.lead_id);
-- rule: archived projects have archived_at, and only they
select count(*) from projects where is_archived <> (archived_at is not null);
-- rule: a task's reporter and assignee are members of the task's workspace
select count(*) from tasks t join projects p on p.id = t.project_id where not exists (select 1 from workspace_members m where m.workspace_id = p.workspace_id and m.user_id = t.reporter_id) or (t.assignee_id is not null and not exists (select 1 from workspace_members m where m.workspace_id = p.workspace_id and m.user_id = t.assignee_id));
-- rule: tasks are created after their project
select count(*) from tasks t join projects p on p.id = t.project_id where t.created_at < p.created_at;
-- rule: a subtask belongs to its parent's project and is created after it
select count(*) from tasks t join tasks parent on parent.id = t.parent_task_id where parent.project_id <> t.project_id or t.created_at < parent.created_at;
-- rule: done tasks have completed_at; open ones (backlog, todo, in progress, in review) do not
select count(*) from tasks where status = 'done' and completed_at is null or status in ('backlog', 'todo', 'in_progress', 'in_review') and completed_at is not null;
-- rule: tasks in progress, in review or done have started_at; backlog and todo ones do not
select count(*) from tasks where (status in ('in_progress', 'in_review', 'done')) and started_at is null or status in ('backlog', 'todo') and started_at is not null;
-- rule: a task is completed after it was started
select count(*) from tasks where completed_at < started_at;
-- rule: comments come after their task, by members of its workspace
select count(*) from comments c join tasks t on t.id = c.task_id join projects p on p.id = t.project_id where c.created_at < t.created_at or not exists (select 1 from workspace_members m where m.workspace_id = p.workspace_id and m.user_id = c.author_id);
-- rule: time entries are logged after the task was created, and their duration matches start and end
select count(*) from time_entries e join tasks t on t.id = e.task_id where e.started_at < t.created_at or abs(extract(epoch from e.ended_at - e.started_at) / 60 - e.duration_minutes) > 1;
-- rule: a time entry lasts less than a day
select count(*) from time_entries where ended_at - started_at > interval '24 hours';
-- rule: a task's labels are from the task's workspace, and task_labels is many-to-many
select (select count(*) from task_labels x join tasks t on t.id = x.task_id join projects p on p.id = t.project_id join labels l on l.id = x.label_id where l.workspace_id <> p.workspace_id)
     + case when exists (select 1 from task_labels group by task_id having count(*) > 1) and exists (select 1 from task_labels group by label_id having count(*) > 1) then 0 else 1 end;
-- rule: emails, avatar urls and timezones look like what they are
select count(*) from users where email !~ '^[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}$' or avatar_url !~ '^https?://' or timezone !~ '^(UTC|[A-Z][a-z]+(/[A-Za-z_+-]+)+)$';
