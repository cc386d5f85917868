-- rule: vendors are created after their owner signed up
select count(*) from vendors v join users u on u.id = v.owner_id where v.created < u.created;
-- rule: listings are created after their vendor, and auctions start after the listing was created
select count(*) from listings l join vendors v on v.id = l.vendor_id where l.created < v.created or l.starts_at < l.created;
-- rule: sold listings, and only they, have sold_at, within the auction
select count(*) from listings where (status = 'sold') <> (sold_at is not null) or sold_at < starts_at or sold_at > ends_at;
-- rule: draft listings have not started
select count(*) from listings where status = 'draft' and (starts_at is not null or sold_at is not null);
-- rule: bids are placed during the auction, on listings that went live
select count(*) from bids b join listings l on l.id = b.listing_id where l.status in ('draft', 'withdrawn') or b.placed < l.starts_at or b.placed > l.ends_at;
-- rule: bids are at least the starting price
select count(*) from bids b join listings l on l.id = b.listing_id where b.amount < l.starting_price;
-- rule: a vendor's owner does not bid on the vendor's own listings
select count(*) from bids b join listings l on l.id = b.listing_id join vendors v on v.id = l.vendor_id where b.bidder_id = v.owner_id;
-- rule: an order's vendor is its listing's vendor, and orders are for sold listings
select count(*) from orders o join listings l on l.id = o.listing_id where o.vendor_id <> l.vendor_id or l.status <> 'sold';
-- rule: an order's winning bid is on its listing, by its buyer
select count(*) from orders o join bids b on b.id = o.winning_bid_id where b.listing_id <> o.listing_id or b.bidder_id <> o.buyer_id;
-- rule: orders are created after their buyer signed up, and paid after created
select count(*) from orders o join users u on u.id = o.buyer_id where o.created < u.created or o.paid < o.created;
-- rule: paid, shipped and delivered orders have paid; shipped and delivered ones have shipped and a tracking number; only delivered ones have delivered
select count(*) from orders where (status in ('paid', 'shipped', 'delivered') and paid is null) or (status in ('shipped', 'delivered') and (shipped is null or tracking_number is null)) or ((status = 'delivered') <> (delivered is not null)) or (status = 'pending_payment' and (paid is not null or shipped is not null));
-- rule: disputes are opened after the order by its buyer, and refund at most the order total
select count(*) from disputes d join orders o on o.id = d.order_id where d.opened < o.created or d.opened_by <> o.buyer_id or d.refund_amount > o.total;
-- rule: resolved disputes have resolved; open ones do not
select count(*) from disputes where (status like 'resolved%') <> (resolved is not null);
-- rule: watchlist is many-to-many, and items are added after the user signed up
select case when (select count(*) from (select user_id from watchlist group by user_id having count(*) > 1) s) > 0
             and (select count(*) from (select listing_id from watchlist group by listing_id having count(*) > 1) s) > 0
             and not exists (select 1 from watchlist w join users u on u.id = w.user_id where w.added < u.created) then 0 else 1 end;
-- rule: IBANs, BICs, handles and user agents look like what they are
select (select count(*) from payout_accounts where iban !~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}$' or (bic is not null and bic !~ '^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$'))
     + (select count(*) from users u left join bids b on b.bidder_id = u.id where u.handle !~ '^[a-z0-9][a-z0-9_.-]*$' or (b.user_agent is not null and b.user_agent !~ '^[A-Za-z]+/[0-9]'));
-- rule: store and category names are capitalised names, and a vendor's slug is its store name's
select (select count(*) from vendors where store_name !~ '^[A-Z0-9]' or slug !~ '^[a-z0-9]+(-[a-z0-9]+)*$' or slug not like lower(regexp_replace(split_part(store_name, ' ', 1), '[^A-Za-z0-9]+', '-', 'g')) || '%')
     + (select count(*) from categories where name !~ '^[A-Z]');
-- rule: bids are placed after the bidder signed up, and orders after the buyer did
select (select count(*) from bids b join users u on u.id = b.bidder_id where b.placed < u.created)
     + (select count(*) from orders o join users u on u.id = o.buyer_id where o.created < u.created);
