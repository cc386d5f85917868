-- Logistics SaaS: organizations (tenants) with members, warehouses, inventory, carriers, shipments
-- with a status lifecycle, their lines and tracking events.

create type member_role as enum ('owner', 'admin', 'dispatcher', 'viewer');
create type shipment_status as enum ('created', 'picked', 'in_transit', 'delivered', 'returned');

create table organizations (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  slug varchar(48) not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  billing_email text not null,
  country_code char(2) not null check (country_code ~ '^[A-Z]{2}$'),
  created_at timestamptz not null default now()
);
comment on table organizations is 'A customer account (tenant) of the platform';

create table users (
  id uuid primary key default gen_random_uuid(),
  email text not null unique,
  full_name text not null,
  phone varchar(20),
  created_at timestamptz not null default now(),
  last_login_at timestamptz,
  check (last_login_at is null or last_login_at >= created_at)
);

create table organization_members (
  organization_id uuid not null references organizations(id) on delete cascade,
  user_id uuid not null references users(id) on delete cascade,
  role member_role not null default 'viewer',
  joined_at timestamptz not null default now(),
  primary key (organization_id, user_id)
);
create unique index organization_members_one_owner on organization_members (organization_id) where role = 'owner';

create table warehouses (
  id bigint generated always as identity primary key,
  organization_id uuid not null references organizations(id) on delete cascade,
  code varchar(12) not null,
  name text not null,
  address_line1 text not null,
  city text not null,
  postal_code varchar(10) not null,
  country_code char(2) not null,
  latitude numeric(9, 6) check (latitude between -90 and 90),
  longitude numeric(9, 6) check (longitude between -180 and 180),
  is_default boolean not null default false,
  created_at timestamptz not null default now(),
  unique (organization_id, code)
);
create unique index warehouses_one_default on warehouses (organization_id) where is_default;

create table inventory_items (
  id bigint generated always as identity primary key,
  organization_id uuid not null references organizations(id) on delete cascade,
  warehouse_id bigint not null references warehouses(id),
  sku varchar(32) not null,
  barcode varchar(13) check (barcode ~ '^[0-9]{12,13}$'),
  name text not null,
  weight_grams integer not null check (weight_grams > 0),
  length_mm integer check (length_mm > 0),
  width_mm integer check (width_mm > 0),
  height_mm integer check (height_mm > 0),
  quantity_on_hand integer not null default 0 check (quantity_on_hand >= 0),
  reorder_level integer not null default 10 check (reorder_level >= 0),
  unit_cost numeric(10, 2) not null check (unit_cost >= 0),
  created_at timestamptz not null default now(),
  unique (organization_id, sku)
);

create table carriers (
  id serial primary key,
  code varchar(16) not null unique check (code ~ '^[a-z0-9_]+$'),
  name text not null,
  tracking_url_template text not null check (tracking_url_template like 'https://%{tracking_number}%'),
  support_phone varchar(20)
);

create table shipments (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations(id) on delete cascade,
  warehouse_id bigint not null references warehouses(id),
  carrier_id integer references carriers(id),
  created_by uuid not null references users(id),
  reference varchar(20) not null,
  tracking_number varchar(30),
  status shipment_status not null default 'created',
  recipient_name text not null,
  recipient_phone varchar(20),
  destination_city text not null,
  destination_postal_code varchar(10) not null,
  destination_country char(2) not null,
  total_weight_grams integer not null check (total_weight_grams > 0),
  shipping_cost numeric(10, 2) check (shipping_cost >= 0),
  currency char(3) not null default 'EUR' check (currency ~ '^[A-Z]{3}$'),
  created_at timestamptz not null default now(),
  picked_at timestamptz,
  shipped_at timestamptz,
  delivered_at timestamptz,
  returned_at timestamptz,
  unique (organization_id, reference),
  check (picked_at is null or picked_at >= created_at),
  check (shipped_at is null or shipped_at >= picked_at),
  check (delivered_at is null or delivered_at >= shipped_at),
  check (returned_at is null or returned_at >= shipped_at),
  check (status = 'created' or picked_at is not null),
  check (status not in ('in_transit', 'delivered', 'returned') or (shipped_at is not null and tracking_number is not null and carrier_id is not null))
);
comment on column shipments.reference is 'Human readable shipment number, e.g. SHP-000123';

create table shipment_items (
  shipment_id uuid not null references shipments(id) on delete cascade,
  inventory_item_id bigint not null references inventory_items(id),
  quantity integer not null check (quantity > 0),
  primary key (shipment_id, inventory_item_id)
);

create table tracking_events (
  id bigserial primary key,
  shipment_id uuid not null references shipments(id) on delete cascade,
  occurred_at timestamptz not null,
  event_code varchar(24) not null check (event_code in ('label_created', 'picked_up', 'departed_facility', 'arrived_facility', 'out_for_delivery', 'delivered', 'exception', 'returned')),
  location_city text,
  description text,
  created_at timestamptz not null default now()
);
create index on tracking_events (shipment_id, occurred_at);

create table api_keys (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations(id) on delete cascade,
  name varchar(60) not null,
  key_prefix char(8) not null unique,
  key_hash char(64) not null check (key_hash ~ '^[0-9a-f]{64}$'),
  scopes text[] not null default '{}',
  created_at timestamptz not null default now(),
  expires_at timestamptz,
  revoked_at timestamptz,
  check (expires_at is null or expires_at > created_at)
);
