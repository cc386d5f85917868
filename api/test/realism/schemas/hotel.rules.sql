-- rule: a booking's room is in the booking's hotel
select count(*) from bookings b join rooms r on r.id = b.room_id where r.hotel_id <> b.hotel_id;
-- rule: a room's type belongs to the room's hotel
select count(*) from rooms r join room_types t on t.id = r.room_type_id where t.hotel_id <> r.hotel_id;
-- rule: a booking is paid in its hotel's currency
select count(*) from bookings b join hotels h on h.id = b.hotel_id where b.currency <> h.currency;
-- rule: a payment is in its booking's currency
select count(*) from payments p join bookings b on b.id = p.booking_id where p.currency <> b.currency;
-- rule: cancelled bookings have cancelled_at, and only they
select count(*) from bookings where (status = 'cancelled') <> (cancelled_at is not null);
-- rule: bookings are made before the stay starts
select count(*) from bookings where booked_at::date > check_in;
-- rule: guests were registered before they booked
select count(*) from bookings b join guests g on g.id = b.guest_id where b.booked_at < g.created_at;
-- rule: stays are a plausible length (1 to 30 nights)
select count(*) from bookings where check_out - check_in > 30;
-- rule: payments are made after the booking
select count(*) from payments p join bookings b on b.id = p.booking_id where p.paid_at < b.booked_at;
-- rule: card payments carry card digits, others do not
select count(*) from payments where (method = 'card') <> (card_last4 is not null);
-- rule: the party fits the room type
select count(*) from bookings b join rooms r on r.id = b.room_id join room_types t on t.id = r.room_type_id where b.adults + b.children > t.max_occupancy;
-- rule: a hotel's currency fits its country
select count(*) from hotels where (country_code, currency) not in (values ('US','USD'),('GB','GBP'),('DE','EUR'),('FR','EUR'),('ES','EUR'),('IT','EUR'),('NL','EUR'),('IE','EUR'),('AT','EUR'),('BE','EUR'),('FI','EUR'),('PT','EUR'),('GR','EUR'),('JP','JPY'),('CA','CAD'),('AU','AUD'),('CH','CHF'),('SE','SEK'),('NO','NOK'),('DK','DKK'),('PL','PLN'),('IN','INR'),('BR','BRL'),('MX','MXN'),('CN','CNY'),('SG','SGD'),('NZ','NZD'),('ZA','ZAR'),('KR','KRW'),('CZ','CZK'),('HU','HUF'),('TR','TRY'),('AE','AED'),('TH','THB'),('ID','IDR'),('MY','MYR'),('HK','HKD'),('AR','ARS'),('VN','VND'),('PH','PHP'),('EG','EGP'),('MA','MAD'),('HR','EUR'));
-- rule: room numbers look like room numbers
select count(*) from rooms where room_number !~ '^[0-9]{1,4}[A-Z]?$';
-- rule: phones are phone numbers
select count(*) from (select phone from hotels union all select phone from guests) p where phone is not null and phone !~ '^\+?[0-9 ().-]{7,20}$';
