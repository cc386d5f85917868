-- rule: versions are semantic versions
select count(*) from versions where version !~ '^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$';
-- rule: prerelease versions, and only they, have a prerelease suffix
select count(*) from versions where is_prerelease <> (version ~ '^\d+\.\d+\.\d+-');
-- rule: versions are published after their package was created, and yanked after they were published
select count(*) from versions v join packages p on p.id = v.package_id where v.published_at < p.created_at or v.yanked_at < v.published_at;
-- rule: a version is published by a maintainer of its package
select count(*) from versions v where not exists (select 1 from package_maintainers m where m.package_id = v.package_id and m.user_id = v.published_by);
-- rule: every package has exactly one owner
select count(*) from packages p where (select count(*) from package_maintainers m where m.package_id = p.id and m.role = 'owner') <> 1;
-- rule: maintainers are added after the package and their account were created
select count(*) from package_maintainers m join packages p on p.id = m.package_id join users u on u.id = m.user_id where m.added_at < p.created_at or m.added_at < u.created_at;
-- rule: package_maintainers is many-to-many (packages with several maintainers, users maintaining several packages)
select case when exists (select 1 from package_maintainers group by package_id having count(*) > 1)
             and exists (select 1 from package_maintainers group by user_id having count(*) > 1) then 0 else 1 end;
-- rule: a dist-tag points at a version of the same package
select count(*) from dist_tags t join versions v on v.id = t.version_id where v.package_id <> t.package_id;
-- rule: a version does not depend on its own package
select count(*) from dependencies d join versions v on v.id = d.version_id where d.depends_on_package_id = v.package_id;
-- rule: dependency ranges look like semver ranges
select count(*) from dependencies where version_range !~ '^(\*|latest|[\^~]?\d+(\.\d+){0,2}(-[0-9A-Za-z.-]+)?|>=\s?\d+(\.\d+){0,2}( <\d+(\.\d+){0,2})?)$';
-- rule: downloads are counted only from the day the package was created
select count(*) from daily_downloads d join packages p on p.id = d.package_id where d.day < p.created_at::date;
-- rule: integrity strings are subresource-integrity hashes
select count(*) from versions where integrity !~ '^sha(256|384|512)-[A-Za-z0-9+/]+={0,2}$';
-- rule: urls are urls
select count(*) from packages where homepage_url !~ '^https?://' or repository_url !~ '^(https?|git\+https|git)://';
-- rule: licenses are SPDX identifiers
select count(*) from packages where license !~ '^(MIT|ISC|Apache-2\.0|BSD-[23]-Clause|GPL-[23]\.0(-only|-or-later)?|LGPL-[23]\.[01](-only|-or-later)?|MPL-2\.0|Unlicense|0BSD|CC0-1\.0|UNLICENSED|AGPL-3\.0(-only|-or-later)?)$';
-- rule: a token is used only before it was revoked or expired, and its prefix is the start of a token, not a word
select count(*) from api_tokens where last_used_at > least(revoked_at, expires_at) or token_prefix !~ '^[A-Za-z0-9_]{8}$';
-- rule: emails are emails and deprecated packages say why, not in Latin
select (select count(*) from users where email !~ '^[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}$')
     + (select count(*) from packages where deprecation_message ~* '\m(lorem|ipsum|dolor|amet|consectetur|adipisci|tempora|voluptas)\M');
