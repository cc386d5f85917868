-- rule: an article's author writes for the article's site
select count(*) from articles a join authors w on w.id = a.author_id where w.site_id <> a.site_id;
-- rule: articles come after their author joined
select count(*) from articles a join authors w on w.id = a.author_id where a.created_at < w.created_at;
-- rule: published and archived articles have published_at, drafts do not
select count(*) from articles where (status in ('published', 'archived')) <> (published_at is not null);
-- rule: archived articles have archived_at, and only they
select count(*) from articles where (status = 'archived') <> (archived_at is not null);
-- rule: slugs are slugs
select count(*) from (select slug from articles union all select slug from categories) s where slug !~ '^[a-z0-9]+(-[a-z0-9]+)*$';
-- rule: an article's slug comes from its title
select count(*) from articles where slug <> trim(both '-' from regexp_replace(lower(title), '[^a-z0-9]+', '-', 'g'));
-- rule: revisions come after their article
select count(*) from article_revisions r join articles a on a.id = r.article_id where r.created_at < a.created_at;
-- rule: a revision's editor works on the article's site
select count(*) from article_revisions r join articles a on a.id = r.article_id join authors w on w.id = r.editor_id where w.site_id <> a.site_id;
-- rule: an article's categories belong to its site
select count(*) from article_categories x join articles a on a.id = x.article_id join categories c on c.id = x.category_id where c.site_id <> a.site_id;
-- rule: at most one primary category per article
select count(*) from (select article_id from article_categories where is_primary group by 1 having count(*) > 1) s;
-- rule: one owner per site at most
select count(*) from (select site_id from authors where role = 'owner' group by 1 having count(*) > 1) s;
-- rule: hostnames are hostnames
select count(*) from sites where hostname !~ '^[a-z0-9-]+(\.[a-z0-9-]+)+$';
-- rule: sha256 is 64 hex digits
select count(*) from media where sha256 !~ '^[0-9a-f]{64}$';
-- rule: mime types are mime types
select count(*) from media where mime_type !~ '^[a-z]+/[a-z0-9.+-]+$';
-- rule: file names have an extension
select count(*) from media where file_name !~ '^[^/]+\.[a-z0-9]{2,5}$';
