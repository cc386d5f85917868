-- Hotel bookings: hotels, room types and rooms, guests, bookings with stays and cancellations, payments.
create table hotels (
  id serial primary key,
  name text not null,
  star_rating smallint not null check (star_rating between 1 and 5),
  address_line1 text not null,
  city text not null,
  postal_code varchar(12) not null,
  country_code char(2) not null,
  phone varchar(20) not null,
  email varchar(255) not null,
  currency char(3) not null,
  check_in_time time not null default '15:00',
  check_out_time time not null default '11:00',
  opened_on date not null
);

create table room_types (
  id serial primary key,
  hotel_id int not null references hotels(id) on delete cascade,
  name varchar(60) not null,
  max_occupancy smallint not null check (max_occupancy between 1 and 8),
  base_rate numeric(10,2) not null check (base_rate > 0),
  unique (hotel_id, name)
);

create table rooms (
  id serial primary key,
  hotel_id int not null references hotels(id) on delete cascade,
  room_type_id int not null references room_types(id),
  room_number varchar(6) not null,
  floor smallint not null check (floor between 0 and 60),
  is_accessible boolean not null default false,
  unique (hotel_id, room_number)
);

create table guests (
  id bigserial primary key,
  first_name varchar(60) not null,
  last_name varchar(60) not null,
  email varchar(255) not null unique,
  phone varchar(20),
  nationality char(2),
  date_of_birth date,
  loyalty_number varchar(12) unique,
  created_at timestamptz not null default now()
);

create table bookings (
  id bigserial primary key,
  confirmation_code char(8) not null unique check (confirmation_code ~ '^[A-Z0-9]{8}$'),
  hotel_id int not null references hotels(id),
  room_id int not null references rooms(id),
  guest_id bigint not null references guests(id),
  check_in date not null,
  check_out date not null,
  adults smallint not null check (adults between 1 and 8),
  children smallint not null default 0 check (children between 0 and 6),
  status text not null check (status in ('pending', 'confirmed', 'checked_in', 'checked_out', 'cancelled', 'no_show')),
  total_amount numeric(10,2) not null check (total_amount >= 0),
  currency char(3) not null,
  booked_at timestamptz not null default now(),
  cancelled_at timestamptz,
  check (check_out > check_in),
  check (cancelled_at is null or cancelled_at >= booked_at)
);

create table payments (
  id bigserial primary key,
  booking_id bigint not null references bookings(id) on delete cascade,
  amount numeric(10,2) not null check (amount > 0),
  currency char(3) not null,
  method text not null check (method in ('card', 'cash', 'bank_transfer', 'voucher')),
  card_last4 char(4) check (card_last4 ~ '^[0-9]{4}$'),
  status text not null check (status in ('authorized', 'captured', 'refunded', 'failed')),
  paid_at timestamptz not null
);
