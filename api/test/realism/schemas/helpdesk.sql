-- Helpdesk: organisations, their agents and customers, tickets with a status lifecycle, replies.
create table organizations (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  slug varchar(64) not null unique,
  domain varchar(255) not null,
  plan text not null default 'free' check (plan in ('free', 'team', 'business', 'enterprise')),
  created_at timestamptz not null default now()
);

create table teams (
  id bigserial primary key,
  organization_id uuid not null references organizations(id) on delete cascade,
  name varchar(80) not null,
  created_at timestamptz not null default now(),
  unique (organization_id, name)
);

create table agents (
  id bigserial primary key,
  organization_id uuid not null references organizations(id) on delete cascade,
  team_id bigint not null references teams(id),
  full_name text not null,
  email varchar(255) not null unique,
  role text not null check (role in ('owner', 'admin', 'agent')),
  phone varchar(20),
  is_active boolean not null default true,
  created_at timestamptz not null default now()
);

create table customers (
  id bigserial primary key,
  organization_id uuid not null references organizations(id) on delete cascade,
  first_name varchar(60) not null,
  last_name varchar(60) not null,
  email varchar(255) not null,
  phone varchar(20),
  company_name text,
  created_at timestamptz not null default now(),
  unique (organization_id, email)
);

create table tickets (
  id bigserial primary key,
  organization_id uuid not null references organizations(id) on delete cascade,
  customer_id bigint not null references customers(id),
  team_id bigint not null references teams(id),
  assignee_id bigint references agents(id),
  number varchar(16) not null unique check (number ~ '^TCK-[0-9]{6,}$'),
  subject varchar(200) not null,
  description text not null,
  priority text not null default 'normal' check (priority in ('low', 'normal', 'high', 'urgent')),
  status text not null default 'open' check (status in ('open', 'pending', 'resolved', 'closed')),
  channel text not null check (channel in ('email', 'web', 'chat', 'phone')),
  created_at timestamptz not null default now(),
  first_response_at timestamptz,
  resolved_at timestamptz,
  closed_at timestamptz,
  updated_at timestamptz not null default now(),
  check (first_response_at is null or first_response_at >= created_at),
  check (resolved_at is null or resolved_at >= created_at),
  check (closed_at is null or closed_at >= created_at),
  check (updated_at >= created_at)
);

create table ticket_replies (
  id bigserial primary key,
  ticket_id bigint not null references tickets(id) on delete cascade,
  agent_id bigint references agents(id),
  body text not null,
  is_internal boolean not null default false,
  created_at timestamptz not null default now()
);

create table tags (
  id serial primary key,
  organization_id uuid not null references organizations(id) on delete cascade,
  name varchar(40) not null,
  color char(7) not null check (color ~ '^#[0-9a-f]{6}$'),
  unique (organization_id, name)
);

create table ticket_tags (
  ticket_id bigint not null references tickets(id) on delete cascade,
  tag_id int not null references tags(id) on delete cascade,
  primary key (ticket_id, tag_id)
);
