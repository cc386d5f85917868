-- HR and payroll: departments, employees with managers, salaries over time, pay periods, payslips, leave.
create table departments (
  id serial primary key,
  name varchar(80) not null unique,
  cost_center char(6) not null unique check (cost_center ~ '^CC[0-9]{4}$'),
  created_on date not null
);

create table employees (
  id serial primary key,
  employee_number varchar(10) not null unique check (employee_number ~ '^E[0-9]{5,9}$'),
  department_id int not null references departments(id),
  manager_id int references employees(id),
  first_name varchar(60) not null,
  last_name varchar(60) not null,
  work_email varchar(255) not null unique,
  personal_phone varchar(20),
  job_title varchar(100) not null,
  employment_type text not null check (employment_type in ('full_time', 'part_time', 'contractor', 'intern')),
  birth_date date not null,
  hire_date date not null,
  termination_date date,
  status text not null check (status in ('active', 'on_leave', 'terminated')),
  check (hire_date >= birth_date + interval '16 years'),
  check (termination_date is null or termination_date >= hire_date),
  check (manager_id <> id)
);

create table salaries (
  id serial primary key,
  employee_id int not null references employees(id) on delete cascade,
  annual_amount numeric(12,2) not null check (annual_amount > 0),
  currency char(3) not null default 'USD',
  effective_from date not null,
  effective_to date,
  check (effective_to is null or effective_to > effective_from)
);

create table pay_periods (
  id serial primary key,
  starts_on date not null,
  ends_on date not null,
  paid_on date not null,
  check (ends_on > starts_on),
  check (paid_on >= ends_on)
);

create table payslips (
  id bigserial primary key,
  employee_id int not null references employees(id),
  pay_period_id int not null references pay_periods(id),
  gross_pay numeric(10,2) not null check (gross_pay >= 0),
  tax_withheld numeric(10,2) not null check (tax_withheld >= 0),
  net_pay numeric(10,2) not null check (net_pay >= 0),
  check (net_pay <= gross_pay),
  check (tax_withheld <= gross_pay),
  unique (employee_id, pay_period_id)
);

create table leave_requests (
  id serial primary key,
  employee_id int not null references employees(id) on delete cascade,
  approver_id int references employees(id),
  kind text not null check (kind in ('vacation', 'sick', 'parental', 'unpaid')),
  starts_on date not null,
  ends_on date not null,
  status text not null check (status in ('requested', 'approved', 'rejected', 'cancelled')),
  requested_at timestamptz not null,
  decided_at timestamptz,
  check (ends_on >= starts_on),
  check (decided_at is null or decided_at >= requested_at)
);
