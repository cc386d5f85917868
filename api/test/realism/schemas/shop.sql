-- E-commerce: customers with address books, a product catalog, orders with items, payments,
-- shipments and returns.
create type order_status as enum ('pending', 'paid', 'shipped', 'delivered', 'canceled', 'refunded');

create table customers (
  id uuid primary key default gen_random_uuid(),
  email varchar(255) not null unique,
  first_name varchar(60) not null,
  last_name varchar(60) not null,
  phone varchar(20),
  accepts_marketing boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (updated_at >= created_at)
);

create table addresses (
  id bigserial primary key,
  customer_id uuid not null references customers(id) on delete cascade,
  recipient_name varchar(120) not null,
  line1 varchar(200) not null,
  line2 varchar(200),
  city varchar(100) not null,
  region varchar(100),
  postal_code varchar(12) not null,
  country_code char(2) not null check (country_code ~ '^[A-Z]{2}$'),
  is_default boolean not null default false,
  created_at timestamptz not null default now()
);
create unique index addresses_one_default_per_customer on addresses (customer_id) where is_default;

create table products (
  id bigserial primary key,
  sku varchar(32) not null unique,
  name varchar(200) not null,
  description text,
  price numeric(12,2) not null check (price > 0),
  currency char(3) not null default 'USD',
  weight_grams integer check (weight_grams > 0),
  is_active boolean not null default true,
  created_at timestamptz not null default now()
);

create table orders (
  id uuid primary key default gen_random_uuid(),
  order_number varchar(20) not null unique,
  customer_id uuid not null references customers(id),
  shipping_address_id bigint not null references addresses(id),
  billing_address_id bigint not null references addresses(id),
  status order_status not null default 'pending',
  currency char(3) not null,
  subtotal numeric(12,2) not null check (subtotal >= 0),
  discount_total numeric(12,2) not null default 0 check (discount_total >= 0),
  shipping_total numeric(12,2) not null default 0 check (shipping_total >= 0),
  tax_total numeric(12,2) not null default 0 check (tax_total >= 0),
  grand_total numeric(12,2) not null check (grand_total >= 0),
  notes text,
  placed_at timestamptz not null default now(),
  paid_at timestamptz,
  shipped_at timestamptz,
  delivered_at timestamptz,
  canceled_at timestamptz,
  check (discount_total <= subtotal),
  check (paid_at is null or paid_at >= placed_at),
  check (shipped_at is null or shipped_at >= placed_at),
  check (delivered_at is null or delivered_at >= shipped_at),
  check (canceled_at is null or canceled_at >= placed_at)
);
create index orders_customer_id_idx on orders (customer_id);

create table order_items (
  id bigserial primary key,
  order_id uuid not null references orders(id) on delete cascade,
  product_id bigint not null references products(id),
  quantity integer not null check (quantity > 0),
  unit_price numeric(12,2) not null check (unit_price >= 0),
  line_total numeric(12,2) not null check (line_total >= 0),
  unique (order_id, product_id)
);

create table payments (
  id uuid primary key default gen_random_uuid(),
  order_id uuid not null references orders(id),
  provider text not null check (provider in ('stripe', 'paypal', 'adyen', 'klarna')),
  provider_reference varchar(64) not null unique,
  amount numeric(12,2) not null check (amount > 0),
  currency char(3) not null,
  status text not null check (status in ('authorized', 'captured', 'failed', 'refunded')),
  failure_reason varchar(120),
  created_at timestamptz not null default now(),
  captured_at timestamptz,
  check (captured_at is null or captured_at >= created_at)
);

create table shipments (
  id bigserial primary key,
  order_id uuid not null references orders(id),
  carrier text not null check (carrier in ('ups', 'fedex', 'dhl', 'usps')),
  tracking_number varchar(40) not null unique,
  status text not null default 'label_created' check (status in ('label_created', 'in_transit', 'delivered', 'returned')),
  created_at timestamptz not null default now(),
  shipped_at timestamptz,
  delivered_at timestamptz,
  check (shipped_at is null or shipped_at >= created_at),
  check (delivered_at is null or delivered_at >= shipped_at)
);

create table returns (
  id bigserial primary key,
  order_item_id bigint not null references order_items(id),
  rma_number varchar(16) not null unique,
  quantity integer not null check (quantity > 0),
  reason text not null check (reason in ('damaged', 'wrong_item', 'not_as_described', 'no_longer_needed', 'other')),
  status text not null default 'requested' check (status in ('requested', 'approved', 'received', 'refunded', 'rejected')),
  customer_comment text,
  refund_amount numeric(12,2) check (refund_amount >= 0),
  requested_at timestamptz not null default now(),
  received_at timestamptz,
  refunded_at timestamptz,
  check (received_at is null or received_at >= requested_at),
  check (refunded_at is null or refunded_at >= requested_at)
);
