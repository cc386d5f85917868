-- rule: completed enrolments have completed_at and progress 100
select count(*) from enrolments where status = 'completed' and (completed_at is null or progress_percent <> 100);
-- rule: only completed enrolments have completed_at
select count(*) from enrolments where status <> 'completed' and completed_at is not null;
-- rule: students enrol after signing up
select count(*) from enrolments e join students s on s.id = e.student_id where e.enrolled_at < s.signed_up_at;
-- rule: students enrol after the course was created
select count(*) from enrolments e join courses c on c.id = e.course_id where e.enrolled_at < c.created_at;
-- rule: enrolments is many-to-many
select case when (select count(*) from (select student_id from enrolments group by 1 having count(*) > 1) s) > 0
             and (select count(*) from (select course_id from enrolments group by 1 having count(*) > 1) s) > 0 then 0 else 1 end;
-- rule: nobody pays more than the list price
select count(*) from enrolments e join courses c on c.id = e.course_id where e.price_paid > c.list_price;
-- rule: courses come after their instructor joined
select count(*) from courses c join instructors i on i.id = c.instructor_id where c.created_at < i.joined_at;
-- rule: published and retired courses have published_at, drafts do not
select count(*) from courses where (status in ('published', 'retired')) <> (published_at is not null);
-- rule: reviews come after the enrolment
select count(*) from reviews r join enrolments e on e.student_id = r.student_id and e.course_id = r.course_id where r.created_at < e.enrolled_at;
-- rule: lessons of a course are numbered 1..n
select count(*) from (select course_id, max(position) m, count(*) n from lessons group by 1) s where m <> n;
-- rule: course slugs are slugs
select count(*) from courses where slug !~ '^[a-z0-9]+(-[a-z0-9]+)*$';
-- rule: languages are ISO 639-1 codes
select count(*) from courses where language !~ '^[a-z]{2}$';
-- rule: video URLs are URLs
select count(*) from lessons where video_url is not null and video_url !~ '^https?://';
