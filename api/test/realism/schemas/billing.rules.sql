-- rule: every customer with payment methods has exactly one default
select count(*) from (select customer_id from payment_methods group by customer_id having count(*) filter (where is_default) <> 1) s;
-- rule: cards have a brand and an expiry; bank accounts have neither
select count(*) from payment_methods where (type = 'card') <> (card_brand is not null and exp_month is not null and exp_year is not null) or type <> 'card' and (card_brand is not null or exp_month is not null);
-- rule: subscriptions start after their customer signed up and after their plan existed
select count(*) from subscriptions s join customers c on c.id = s.customer_id join plans p on p.id = s.plan_id where s.created_at < c.created_at or s.created_at < p.created_at;
-- rule: trialing subscriptions have trial_ends_at, on a plan with a trial
select count(*) from subscriptions s join plans p on p.id = s.plan_id where s.status = 'trialing' and (s.trial_ends_at is null or p.trial_days = 0);
-- rule: canceled subscriptions have canceled_at and ended_at; live ones have no ended_at
select count(*) from subscriptions where status = 'canceled' and (canceled_at is null or ended_at is null) or status <> 'canceled' and ended_at is not null;
-- rule: a subscription's current period is one billing interval of its plan
select count(*) from subscriptions s join plans p on p.id = s.plan_id where (p.billing_interval = 'month' and s.current_period_end - s.current_period_start not between interval '28 days' and interval '31 days') or (p.billing_interval = 'year' and s.current_period_end - s.current_period_start not between interval '365 days' and interval '366 days');
-- rule: the current period does not start before the subscription was created
select count(*) from subscriptions where current_period_start < created_at;
-- rule: an invoice's subscription belongs to the invoice's customer, and the invoice is in the customer's currency
select count(*) from invoices i join customers c on c.id = i.customer_id left join subscriptions s on s.id = i.subscription_id where (s.id is not null and s.customer_id <> i.customer_id) or i.currency <> c.currency;
-- rule: invoices are created after their customer signed up
select count(*) from invoices i join customers c on c.id = i.customer_id where i.created_at < c.created_at;
-- rule: draft invoices are not issued; the others are
select count(*) from invoices where (status = 'draft') <> (issued_at is null);
-- rule: paid invoices have paid_at and are paid in full; void ones have voided_at
select count(*) from invoices where (status = 'paid') <> (paid_at is not null) or status = 'paid' and amount_paid <> total or (status = 'void') <> (voided_at is not null);
-- rule: a line's amount is quantity times unit amount
select count(*) from invoice_lines where amount <> quantity * unit_amount;
-- rule: an invoice's subtotal is the sum of its lines, and its total is subtotal minus discount plus tax
select count(*) from invoices i left join (select invoice_id, sum(amount) s from invoice_lines group by invoice_id) l on l.invoice_id = i.id where coalesce(l.s, 0) <> i.subtotal or i.total <> i.subtotal - i.discount_amount + i.tax_amount;
-- rule: a payment's method belongs to the invoice's customer, in the invoice's currency
select count(*) from payments p join invoices i on i.id = p.invoice_id join payment_methods m on m.id = p.payment_method_id where m.customer_id <> i.customer_id or p.currency <> i.currency;
-- rule: succeeded payments do not add up to more than the invoice total
select count(*) from (select p.invoice_id, sum(p.amount) s from payments p where p.status = 'succeeded' group by p.invoice_id) x join invoices i on i.id = x.invoice_id where x.s > i.total;
-- rule: currencies and countries are ISO codes, emails are emails, invoice numbers are numbers
select (select count(*) from customers where currency !~ '^[A-Z]{3}$' or country_code !~ '^[A-Z]{2}$' or email !~ '^[^@\s]+@[^@\s]+\.[a-z]{2,}$')
     + (select count(*) from plans where currency !~ '^[A-Z]{3}$')
     + (select count(*) from invoices where number !~ '^[A-Z0-9]{2,}-[0-9A-Z-]*[0-9]{3,}$');
