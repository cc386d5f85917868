-- IoT telemetry: tenants, sites, devices with firmware, sensors, readings keyed by time, alerts with a lifecycle.
create table tenants (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  api_key char(32) not null unique check (api_key ~ '^[0-9a-f]{32}$'),
  created_at timestamptz not null default now()
);

create table sites (
  id bigserial primary key,
  tenant_id uuid not null references tenants(id) on delete cascade,
  name text not null,
  city text not null,
  country_code char(2) not null,
  latitude numeric(9,6) not null check (latitude between -90 and 90),
  longitude numeric(9,6) not null check (longitude between -180 and 180),
  timezone text not null
);

create table devices (
  id bigserial primary key,
  tenant_id uuid not null references tenants(id) on delete cascade,
  site_id bigint not null references sites(id) on delete cascade,
  serial_number varchar(24) not null unique,
  model varchar(40) not null,
  firmware_version varchar(20) not null check (firmware_version ~ '^[0-9]+\.[0-9]+\.[0-9]+$'),
  mac_address macaddr not null unique,
  ip_address inet,
  status text not null check (status in ('provisioning', 'online', 'offline', 'decommissioned')),
  installed_at timestamptz not null,
  last_heartbeat_at timestamptz,
  decommissioned_at timestamptz,
  check (last_heartbeat_at is null or last_heartbeat_at >= installed_at),
  check (decommissioned_at is null or decommissioned_at >= installed_at)
);

create table sensors (
  id bigserial primary key,
  device_id bigint not null references devices(id) on delete cascade,
  kind text not null check (kind in ('temperature', 'humidity', 'pressure', 'co2', 'voltage')),
  unit varchar(8) not null,
  min_value double precision not null,
  max_value double precision not null,
  check (min_value < max_value)
);

create table readings (
  sensor_id bigint not null references sensors(id) on delete cascade,
  recorded_at timestamptz not null,
  value double precision not null,
  quality smallint not null default 100 check (quality between 0 and 100),
  primary key (sensor_id, recorded_at)
);

create table alerts (
  id bigserial primary key,
  device_id bigint not null references devices(id) on delete cascade,
  severity text not null check (severity in ('info', 'warning', 'critical')),
  status text not null check (status in ('open', 'acknowledged', 'resolved')),
  message text not null,
  opened_at timestamptz not null,
  acknowledged_at timestamptz,
  resolved_at timestamptz,
  check (acknowledged_at is null or acknowledged_at >= opened_at),
  check (resolved_at is null or resolved_at >= opened_at)
);
