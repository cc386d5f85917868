-- rule: a track's position is within its album's track count
select count(*) from tracks t join albums a on a.id = t.album_id where t.position > a.total_tracks;
-- rule: tracks last like songs (30 seconds to 20 minutes)
select count(*) from tracks where duration_ms < 30000 or duration_ms > 1200000;
-- rule: plays happen after the listener signed up and after the album was released
select count(*) from plays p join users u on u.id = p.user_id join tracks t on t.id = p.track_id join albums a on a.id = t.album_id where p.played_at < u.signed_up_at or p.played_at::date < a.release_date;
-- rule: a play lasts no longer than its track
select count(*) from plays p join tracks t on t.id = p.track_id where p.ms_played > t.duration_ms;
-- rule: playlists hold several tracks and tracks are in several playlists
select case when exists (select 1 from playlist_tracks group by playlist_id having count(*) > 1)
             and exists (select 1 from playlist_tracks group by track_id having count(*) > 1) then 0 else 1 end;
-- rule: playlists are created after their owner signed up, and tracks are added after the playlist was created
select (select count(*) from playlists p join users u on u.id = p.owner_id where p.created_at < u.signed_up_at)
     + (select count(*) from playlist_tracks x join playlists p on p.id = x.playlist_id where x.added_at < p.created_at);
-- rule: only the owner adds tracks to a playlist that is not collaborative
select count(*) from playlist_tracks x join playlists p on p.id = x.playlist_id where not p.is_collaborative and x.added_by is not null and x.added_by <> p.owner_id;
-- rule: subscriptions start after the user signed up
select count(*) from subscriptions s join users u on u.id = s.user_id where s.started_at < u.signed_up_at;
-- rule: trialing subscriptions have a trial end
select count(*) from subscriptions where status = 'trialing' and trial_ends_at is null;
-- rule: the free plan costs nothing and paid plans cost something
select count(*) from subscriptions where (plan = 'free' and price_cents <> 0) or (plan <> 'free' and price_cents = 0);
-- rule: users are at least 13 years old when they sign up
select count(*) from users where birth_date > (signed_up_at - interval '13 years')::date;
-- rule: follows come after the user signed up, and users follow several artists
select (select count(*) from artist_follows f join users u on u.id = f.user_id where f.followed_at < u.signed_up_at)
     + case when exists (select 1 from artist_follows group by user_id having count(*) > 1) then 0 else 1 end;
-- rule: a track has at most one primary artist
select count(*) from tracks t where (select count(*) from track_artists x where x.track_id = t.id and x.role = 'primary') > 1;
-- rule: countries and currencies are ISO codes
select (select count(*) from users where country !~ '^[A-Z]{2}$') + (select count(*) from artists where country !~ '^[A-Z]{2}$') + (select count(*) from subscriptions where currency !~ '^[A-Z]{3}$');
-- rule: image, cover and website columns hold URLs
select (select count(*) from artists where image_url !~ '^https?://') + (select count(*) from albums where cover_url !~ '^https?://') + (select count(*) from labels where website !~ '^https?://');
-- rule: musical keys look like keys and emails like emails
select (select count(*) from tracks where musical_key !~ '^[A-G][#b]?m?$') + (select count(*) from users where email !~ '^[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}$');
