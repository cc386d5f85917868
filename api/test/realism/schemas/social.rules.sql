-- rule: posts come after their author signed up
select count(*) from posts p join users u on u.id = p.author_id where p.created_at < u.created_at;
-- rule: comments come after their post
select count(*) from comments c join posts p on p.id = c.post_id where c.created_at < p.created_at;
-- rule: comments come after their author signed up
select count(*) from comments c join users u on u.id = c.author_id where c.created_at < u.created_at;
-- rule: a reply is on the same post as the comment it answers
select count(*) from comments c join comments p on p.id = c.parent_id where p.post_id <> c.post_id;
-- rule: a reply comes after the comment it answers
select count(*) from comments c join comments p on p.id = c.parent_id where c.created_at < p.created_at;
-- rule: likes come after the post
select count(*) from likes l join posts p on p.id = l.post_id where l.created_at < p.created_at;
-- rule: follows is many-to-many
select case when (select count(*) from (select follower_id from follows group by 1 having count(*) > 1) s) > 0
             and (select count(*) from (select followee_id from follows group by 1 having count(*) > 1) s) > 0 then 0 else 1 end;
-- rule: likes is many-to-many
select case when (select count(*) from (select user_id from likes group by 1 having count(*) > 1) s) > 0
             and (select count(*) from (select post_id from likes group by 1 having count(*) > 1) s) > 0 then 0 else 1 end;
-- rule: usernames look like handles
select count(*) from users where username !~ '^[a-z0-9_.]{3,30}$';
-- rule: password hashes are bcrypt or argon2 hashes
select count(*) from users where password_hash !~ '^\$(2[aby]\$[0-9]{2}\$[./A-Za-z0-9]{53}|argon2id?\$.+)$';
-- rule: timezones are IANA names
select count(*) from users where timezone !~ '^(UTC|[A-Z][A-Za-z_]+(/[A-Za-z_+-]+)+)$';
-- rule: locales are language tags
select count(*) from users where locale !~ '^[a-z]{2}(-[A-Z]{2})?$';
-- rule: websites and avatars are URLs
select count(*) from profiles where (website is not null and website !~ '^https?://') or (avatar_url is not null and avatar_url !~ '^https?://');
-- rule: birth dates are of adults, in the past
select count(*) from profiles where birth_date > now() - interval '13 years' or birth_date < now() - interval '110 years';
