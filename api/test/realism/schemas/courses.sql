-- Courses and enrolments: instructors, courses with prices, lessons, students enrolled in many courses, progress.
create table instructors (
  id serial primary key,
  full_name text not null,
  email varchar(255) not null unique,
  headline varchar(120),
  bio text,
  joined_at timestamptz not null default now()
);

create table courses (
  id serial primary key,
  instructor_id int not null references instructors(id),
  title varchar(160) not null,
  slug varchar(180) not null unique,
  description text not null,
  level text not null check (level in ('beginner', 'intermediate', 'advanced')),
  language char(2) not null default 'en',
  list_price numeric(8,2) not null check (list_price >= 0),
  sale_price numeric(8,2) check (sale_price >= 0),
  status text not null default 'draft' check (status in ('draft', 'published', 'retired')),
  created_at timestamptz not null default now(),
  published_at timestamptz,
  check (sale_price is null or sale_price <= list_price),
  check (published_at is null or published_at >= created_at)
);

create table lessons (
  id serial primary key,
  course_id int not null references courses(id) on delete cascade,
  position int not null check (position > 0),
  title varchar(160) not null,
  duration_seconds int not null check (duration_seconds between 30 and 14400),
  video_url text,
  unique (course_id, position)
);

create table students (
  id bigserial primary key,
  first_name varchar(60) not null,
  last_name varchar(60) not null,
  email varchar(255) not null unique,
  country_code char(2),
  signed_up_at timestamptz not null default now()
);

create table enrolments (
  student_id bigint not null references students(id) on delete cascade,
  course_id int not null references courses(id) on delete cascade,
  enrolled_at timestamptz not null default now(),
  status text not null default 'active' check (status in ('active', 'completed', 'refunded')),
  progress_percent smallint not null default 0 check (progress_percent between 0 and 100),
  completed_at timestamptz,
  price_paid numeric(8,2) not null check (price_paid >= 0),
  primary key (student_id, course_id),
  check (completed_at is null or completed_at >= enrolled_at)
);

create table reviews (
  id bigserial primary key,
  student_id bigint not null references students(id) on delete cascade,
  course_id int not null references courses(id) on delete cascade,
  rating smallint not null check (rating between 1 and 5),
  comment text,
  created_at timestamptz not null default now(),
  unique (student_id, course_id)
);
