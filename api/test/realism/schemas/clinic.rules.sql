-- rule: practitioners are hired on or after their clinic opened
select count(*) from practitioners p join clinics c on c.id = p.clinic_id where p.hired_on < c.opened_on;
-- rule: a patient's primary practitioner works at the patient's clinic
select count(*) from patients p join practitioners r on r.id = p.primary_practitioner_id where r.clinic_id <> p.clinic_id;
-- rule: patients are born before they register, and are at most 110 years old
select count(*) from patients where date_of_birth > created_at::date or date_of_birth < created_at::date - interval '110 years';
-- rule: an appointment's patient and practitioner belong to the appointment's clinic
select count(*) from appointments a join patients p on p.id = a.patient_id join practitioners r on r.id = a.practitioner_id where p.clinic_id <> a.clinic_id or r.clinic_id <> a.clinic_id;
-- rule: appointments are booked after the patient registered, and before they start
select count(*) from appointments a join patients p on p.id = a.patient_id where a.created_at < p.created_at or a.created_at > a.scheduled_start;
-- rule: completed appointments were checked in, then completed; scheduled ones were neither
select count(*) from appointments where completed_at < checked_in_at or (status = 'completed' and (checked_in_at is null or completed_at is null)) or (status = 'scheduled' and (checked_in_at is not null or completed_at is not null));
-- rule: no-show and cancelled appointments were never checked in
select count(*) from appointments where status in ('no_show', 'cancelled') and (checked_in_at is not null or completed_at is not null);
-- rule: cancelled appointments, and only they, have cancelled_at
select count(*) from appointments where (status = 'cancelled') <> (cancelled_at is not null);
-- rule: medical record numbers and insurance member ids are codes, not words
select count(*) from patients where mrn !~ '^[A-Z0-9-]{5,12}$' or insurance_member_id !~ '^[A-Z0-9-]{6,20}$';
-- rule: a prescription is for its appointment's patient, written by its appointment's practitioner
select count(*) from prescriptions x join appointments a on a.id = x.appointment_id where x.patient_id <> a.patient_id or x.practitioner_id <> a.practitioner_id;
-- rule: prescriptions are written at completed visits, after check-in, and expire after they are written
select count(*) from prescriptions x join appointments a on a.id = x.appointment_id where a.status <> 'completed' or x.prescribed_at < a.checked_in_at or x.expires_on <= x.prescribed_at::date;
-- rule: an invoice is for its appointment's patient
select count(*) from invoices i join appointments a on a.id = i.appointment_id where i.patient_id <> a.patient_id;
-- rule: paid invoices were issued and paid; drafts were not issued
select count(*) from invoices where (status = 'paid' and (issued_at is null or paid_at is null)) or (status = 'draft' and (issued_at is not null or paid_at is not null)) or (status = 'issued' and paid_at is not null);
-- rule: specialties are a few medical specialties, not words
select case when count(distinct specialty) between 3 and 60 and bool_and(specialty ~ '^[A-Z][a-z]+( [A-Za-z&]+)*$') then 0 else 1 end from practitioners;
-- rule: medication strengths are doses such as 500 mg
select count(*) from prescriptions where strength !~* '^[0-9]+(\.[0-9]+)? ?(mg|mcg|g|ml|units?|iu|%)(/[0-9.]* ?(ml|g|hr|actuation))?$';
-- rule: phones are phone numbers and states are US state codes
select count(*) from (select phone, state from clinics union all select phone, 'TX' from patients) x where (phone is not null and phone !~ '^\+?[0-9 ().-]{7,20}$')
  or state not in ('AL','AK','AZ','AR','CA','CO','CT','DE','DC','FL','GA','HI','ID','IL','IN','IA','KS','KY','LA','ME','MD','MA','MI','MN','MS','MO','MT','NE','NV','NH','NJ','NM','NY','NC','ND','OH','OK','OR','PA','RI','SC','SD','TN','TX','UT','VT','VA','WA','WV','WI','WY');
