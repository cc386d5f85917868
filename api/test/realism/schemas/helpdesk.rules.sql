-- rule: teams are created after their organization
select count(*) from teams t join organizations o on o.id = t.organization_id where t.created_at < o.created_at;
-- rule: agents are created after their organization
select count(*) from agents a join organizations o on o.id = a.organization_id where a.created_at < o.created_at;
-- rule: an agent's team belongs to the agent's organization
select count(*) from agents a join teams t on t.id = a.team_id where t.organization_id <> a.organization_id;
-- rule: one owner per organization
select count(*) from organizations o where (select count(*) from agents a where a.organization_id = o.id and a.role = 'owner') > 1;
-- rule: a ticket's customer belongs to the ticket's organization
select count(*) from tickets t join customers c on c.id = t.customer_id where c.organization_id <> t.organization_id;
-- rule: a ticket's team belongs to the ticket's organization
select count(*) from tickets t join teams m on m.id = t.team_id where m.organization_id <> t.organization_id;
-- rule: a ticket's assignee belongs to the ticket's organization
select count(*) from tickets t join agents a on a.id = t.assignee_id where a.organization_id <> t.organization_id;
-- rule: tickets are created after their customer
select count(*) from tickets t join customers c on c.id = t.customer_id where t.created_at < c.created_at;
-- rule: resolved and closed tickets have resolved_at; open and pending ones do not
select count(*) from tickets where (status in ('resolved', 'closed')) <> (resolved_at is not null);
-- rule: closed tickets have closed_at, and only they
select count(*) from tickets where (status = 'closed') <> (closed_at is not null);
-- rule: closed after resolved
select count(*) from tickets where closed_at < resolved_at;
-- rule: replies come after their ticket
select count(*) from ticket_replies r join tickets t on t.id = r.ticket_id where r.created_at < t.created_at;
-- rule: a reply's agent belongs to the ticket's organization
select count(*) from ticket_replies r join tickets t on t.id = r.ticket_id join agents a on a.id = r.agent_id where a.organization_id <> t.organization_id;
-- rule: a ticket's tags belong to the ticket's organization
select count(*) from ticket_tags x join tickets t on t.id = x.ticket_id join tags g on g.id = x.tag_id where g.organization_id <> t.organization_id;
-- rule: ticket_tags is many-to-many (tickets with several tags exist, and tags used by several tickets)
select case when (select count(*) from (select ticket_id from ticket_tags group by ticket_id having count(*) > 1) s) > 0
             and (select count(*) from (select tag_id from ticket_tags group by tag_id having count(*) > 1) s) > 0 then 0 else 1 end;
-- rule: organization domains look like domains
select count(*) from organizations where domain !~ '^[a-z0-9-]+(\.[a-z0-9-]+)+$';
-- rule: slugs are slugs
select count(*) from organizations where slug !~ '^[a-z0-9]+(-[a-z0-9]+)*$';
-- rule: emails look like emails
select count(*) from (select email from agents union all select email from customers) e where email !~ '^[^@\s]+@[^@\s]+\.[a-z]{2,}$';
-- rule: phones are phone numbers
select count(*) from (select phone from agents union all select phone from customers) p where phone is not null and phone !~ '^\+?[0-9 ().-]{7,20}$';
