-- Subscription billing: customers with payment methods, plans, coupons, subscriptions with a
-- trial/active/past_due/canceled lifecycle, invoices with lines, and payments against invoices.
create type subscription_status as enum ('trialing', 'active', 'past_due', 'canceled');
create type billing_interval as enum ('month', 'year');

create table customers (
  id bigserial primary key,
  external_id varchar(64) not null unique,
  email varchar(255) not null,
  name varchar(150) not null,
  country_code char(2) not null,
  currency char(3) not null default 'USD',
  tax_id varchar(32),
  created_at timestamptz not null default now()
);

create table payment_methods (
  id bigserial primary key,
  customer_id bigint not null references customers(id) on delete cascade,
  type text not null check (type in ('card', 'sepa_debit', 'us_bank_account')),
  card_brand text check (card_brand in ('visa', 'mastercard', 'amex', 'discover')),
  last4 char(4) not null check (last4 ~ '^[0-9]{4}$'),
  exp_month smallint check (exp_month between 1 and 12),
  exp_year smallint check (exp_year between 2000 and 2100),
  is_default boolean not null default false,
  created_at timestamptz not null default now()
);
create unique index payment_methods_one_default on payment_methods (customer_id) where is_default;

create table plans (
  id serial primary key,
  code varchar(40) not null unique check (code ~ '^[a-z0-9_]+$'),
  name varchar(80) not null,
  billing_interval billing_interval not null,
  price numeric(12,2) not null check (price >= 0),
  currency char(3) not null,
  trial_days integer not null default 0 check (trial_days between 0 and 90),
  is_active boolean not null default true,
  created_at timestamptz not null default now()
);

create table coupons (
  id serial primary key,
  code varchar(32) not null unique check (code ~ '^[A-Z0-9]+$'),
  percent_off numeric(5,2) check (percent_off > 0 and percent_off <= 100),
  amount_off numeric(12,2) check (amount_off > 0),
  duration text not null check (duration in ('once', 'repeating', 'forever')),
  duration_in_months integer check (duration_in_months > 0),
  max_redemptions integer check (max_redemptions > 0),
  redeem_by timestamptz,
  created_at timestamptz not null default now(),
  check ((percent_off is null) <> (amount_off is null)),
  check ((duration = 'repeating') = (duration_in_months is not null))
);

create table subscriptions (
  id uuid primary key default gen_random_uuid(),
  customer_id bigint not null references customers(id),
  plan_id integer not null references plans(id),
  coupon_id integer references coupons(id),
  status subscription_status not null,
  quantity integer not null default 1 check (quantity > 0),
  trial_ends_at timestamptz,
  current_period_start timestamptz not null,
  current_period_end timestamptz not null,
  cancel_at_period_end boolean not null default false,
  canceled_at timestamptz,
  ended_at timestamptz,
  created_at timestamptz not null default now(),
  check (current_period_end > current_period_start),
  check (trial_ends_at is null or trial_ends_at > created_at),
  check (canceled_at is null or canceled_at >= created_at),
  check (ended_at is null or ended_at >= created_at)
);

create table invoices (
  id uuid primary key default gen_random_uuid(),
  number varchar(24) not null unique,
  customer_id bigint not null references customers(id),
  subscription_id uuid references subscriptions(id),
  status text not null check (status in ('draft', 'open', 'paid', 'void', 'uncollectible')),
  currency char(3) not null,
  subtotal numeric(12,2) not null,
  discount_amount numeric(12,2) not null default 0 check (discount_amount >= 0),
  tax_amount numeric(12,2) not null default 0 check (tax_amount >= 0),
  total numeric(12,2) not null,
  amount_paid numeric(12,2) not null default 0 check (amount_paid >= 0),
  period_start timestamptz not null,
  period_end timestamptz not null,
  created_at timestamptz not null default now(),
  issued_at timestamptz,
  due_at timestamptz,
  paid_at timestamptz,
  voided_at timestamptz,
  check (period_end > period_start),
  check (discount_amount <= subtotal),
  check (amount_paid <= total),
  check (issued_at is null or issued_at >= created_at),
  check (due_at is null or due_at >= issued_at),
  check (paid_at is null or paid_at >= issued_at)
);

create table invoice_lines (
  id bigserial primary key,
  invoice_id uuid not null references invoices(id) on delete cascade,
  description varchar(255) not null,
  quantity integer not null default 1 check (quantity > 0),
  unit_amount numeric(12,2) not null,
  amount numeric(12,2) not null
);

create table payments (
  id uuid primary key default gen_random_uuid(),
  invoice_id uuid not null references invoices(id),
  payment_method_id bigint not null references payment_methods(id),
  amount numeric(12,2) not null check (amount > 0),
  currency char(3) not null,
  status text not null check (status in ('pending', 'succeeded', 'failed', 'refunded')),
  failure_code varchar(40),
  created_at timestamptz not null default now(),
  check ((status = 'failed') = (failure_code is not null))
);
