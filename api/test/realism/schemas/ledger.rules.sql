-- rule: a line's account belongs to the entry's company
select count(*) from journal_lines l join journal_entries e on e.id = l.entry_id join accounts a on a.id = l.account_id where a.company_id <> e.company_id;
-- rule: posted entries have posted_at, drafts do not
select count(*) from journal_entries where (status = 'posted') <> (posted_at is not null);
-- rule: void entries have voided_at, and only they
select count(*) from journal_entries where (status = 'void') <> (voided_at is not null);
-- rule: entries are created after their company
select count(*) from journal_entries e join companies c on c.id = e.company_id where e.created_at < c.created_at;
-- rule: account codes are numeric codes
select count(*) from accounts where code !~ '^[1-9][0-9]{3,9}$';
-- rule: currencies are ISO 4217 codes
select count(*) from (select currency c from companies union all select currency from accounts union all select base_currency from exchange_rates) s where c !~ '^[A-Z]{3}$';
-- rule: an account's currency is its company's currency
select count(*) from accounts a join companies c on c.id = a.company_id where a.currency <> c.currency;
-- rule: a company's currency fits its country
select count(*) from companies where (country_code, currency) not in (values ('US','USD'),('GB','GBP'),('DE','EUR'),('FR','EUR'),('ES','EUR'),('IT','EUR'),('NL','EUR'),('IE','EUR'),('AT','EUR'),('BE','EUR'),('FI','EUR'),('PT','EUR'),('JP','JPY'),('CA','CAD'),('AU','AUD'),('CH','CHF'),('SE','SEK'),('NO','NOK'),('DK','DKK'),('PL','PLN'),('IN','INR'),('BR','BRL'),('MX','MXN'),('CN','CNY'),('SG','SGD'),('NZ','NZD'),('ZA','ZAR'),('KR','KRW'),('CZ','CZK'),('HU','HUF'),('RO','RON'),('TR','TRY'),('IL','ILS'),('AE','AED'),('SA','SAR'),('HK','HKD'),('AR','ARS'),('CL','CLP'),('CO','COP'),('ID','IDR'),('TH','THB'),('MY','MYR'),('PH','PHP'),('VN','VND'),('EG','EGP'),('NG','NGN'),('KE','KES'),('UA','UAH'),('RU','RUB'));
-- rule: entry references look like references, not words
select count(*) from journal_entries where reference !~ '^[A-Z]{2,4}-?[0-9]{4,}';
