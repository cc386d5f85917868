-- Double-entry ledger: companies, accounts in a chart, journal entries that are drafted then posted, lines.
create table companies (
  id serial primary key,
  legal_name text not null,
  country_code char(2) not null,
  currency char(3) not null,
  vat_number varchar(20),
  fiscal_year_start date not null,
  created_at timestamptz not null default now()
);

create table accounts (
  id serial primary key,
  company_id int not null references companies(id) on delete cascade,
  code varchar(10) not null check (code ~ '^[1-9][0-9]{3,9}$'),
  name varchar(120) not null,
  kind text not null check (kind in ('asset', 'liability', 'equity', 'revenue', 'expense')),
  currency char(3) not null,
  is_active boolean not null default true,
  unique (company_id, code)
);

create table journal_entries (
  id bigserial primary key,
  company_id int not null references companies(id) on delete cascade,
  reference varchar(20) not null unique,
  memo text,
  status text not null default 'draft' check (status in ('draft', 'posted', 'void')),
  entry_date date not null,
  created_at timestamptz not null default now(),
  posted_at timestamptz,
  voided_at timestamptz,
  check (posted_at is null or posted_at >= created_at),
  check (voided_at is null or voided_at >= created_at)
);

create table journal_lines (
  id bigserial primary key,
  entry_id bigint not null references journal_entries(id) on delete cascade,
  account_id int not null references accounts(id),
  debit numeric(14,2) not null default 0 check (debit >= 0),
  credit numeric(14,2) not null default 0 check (credit >= 0),
  description varchar(200),
  check ((debit = 0) <> (credit = 0))
);

create table exchange_rates (
  base_currency char(3) not null,
  quote_currency char(3) not null,
  rate_date date not null,
  rate numeric(18,8) not null check (rate > 0),
  primary key (base_currency, quote_currency, rate_date),
  check (base_currency <> quote_currency)
);
