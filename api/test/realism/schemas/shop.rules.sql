-- rule: addresses are added after their customer signed up
select count(*) from addresses a join customers c on c.id = a.customer_id where a.created_at < c.created_at;
-- rule: every customer with addresses has a default one
select count(*) from (select customer_id from addresses group by customer_id having count(*) filter (where is_default) <> 1) s;
-- rule: an order's shipping and billing addresses belong to the order's customer
select count(*) from orders o join addresses s on s.id = o.shipping_address_id join addresses b on b.id = o.billing_address_id where s.customer_id <> o.customer_id or b.customer_id <> o.customer_id;
-- rule: orders are placed after the customer signed up and after the shipping address was added
select count(*) from orders o join customers c on c.id = o.customer_id join addresses a on a.id = o.shipping_address_id where o.placed_at < c.created_at or o.placed_at < a.created_at;
-- rule: paid, shipped, delivered and refunded orders have paid_at; pending and canceled ones do not
select count(*) from orders where (status in ('paid', 'shipped', 'delivered', 'refunded')) <> (paid_at is not null);
-- rule: shipped and delivered orders have shipped_at, delivered ones delivered_at
select count(*) from orders where (status in ('shipped', 'delivered')) and shipped_at is null or (status = 'delivered') <> (delivered_at is not null) or (status in ('pending', 'paid', 'canceled')) and shipped_at is not null;
-- rule: canceled orders have canceled_at, and only they
select count(*) from orders where (status = 'canceled') <> (canceled_at is not null);
-- rule: line total is quantity times unit price
select count(*) from order_items where line_total <> quantity * unit_price;
-- rule: an order's subtotal is the sum of its line totals
select count(*) from orders o join (select order_id, sum(line_total) s from order_items group by order_id) i on i.order_id = o.id where o.subtotal <> i.s;
-- rule: grand total is subtotal minus discount plus shipping and tax
select count(*) from orders where grand_total <> subtotal - discount_total + shipping_total + tax_total;
-- rule: a payment is made after its order was placed, in the order's currency, for at most the order's total
select count(*) from payments p join orders o on o.id = p.order_id where p.created_at < o.placed_at or p.currency <> o.currency or p.amount > o.grand_total;
-- rule: shipments are created after their order was placed, and only for orders that shipped
select count(*) from shipments s join orders o on o.id = s.order_id where s.created_at < o.placed_at or o.status not in ('shipped', 'delivered', 'refunded');
-- rule: returns are requested after the order was delivered, for at most the quantity bought
select count(*) from returns r join order_items i on i.id = r.order_item_id join orders o on o.id = i.order_id where o.delivered_at is null or r.requested_at < o.delivered_at or r.quantity > i.quantity;
-- rule: skus look like skus
select count(*) from products where sku !~ '^[A-Z0-9]+(-[A-Z0-9]+)*$';
-- rule: currencies are ISO 4217 codes
select count(*) from (select currency c from products union all select currency from orders union all select currency from payments) s where c !~ '^[A-Z]{3}$';
-- rule: emails look like emails and are lowercase
select count(*) from customers where email !~ '^[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}$';
