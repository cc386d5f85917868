-- rule: every organization has exactly one owner
select count(*) from organizations o where (select count(*) from organization_members m where m.organization_id = o.id and m.role = 'owner') <> 1;
-- rule: users belong to several organizations and organizations have several members
select case when exists (select 1 from organization_members group by user_id having count(*) > 1)
             and exists (select 1 from organization_members group by organization_id having count(*) > 1) then 0 else 1 end;
-- rule: members join after the organization and their user account were created
select count(*) from organization_members m join organizations o on o.id = m.organization_id join users u on u.id = m.user_id where m.joined_at < o.created_at or m.joined_at < u.created_at;
-- rule: every organization with warehouses has exactly one default warehouse
select count(*) from organizations o where exists (select 1 from warehouses w where w.organization_id = o.id) and (select count(*) from warehouses w where w.organization_id = o.id and w.is_default) <> 1;
-- rule: an inventory item is stored in a warehouse of its organization
select count(*) from inventory_items i join warehouses w on w.id = i.warehouse_id where w.organization_id <> i.organization_id;
-- rule: a shipment leaves from a warehouse of its organization and is created by one of its members
select count(*) from shipments s join warehouses w on w.id = s.warehouse_id where w.organization_id <> s.organization_id or not exists (select 1 from organization_members m where m.organization_id = s.organization_id and m.user_id = s.created_by);
-- rule: a shipment's items are the organization's inventory
select count(*) from shipment_items x join shipments s on s.id = x.shipment_id join inventory_items i on i.id = x.inventory_item_id where i.organization_id <> s.organization_id;
-- rule: shipments are created after their warehouse and by a user who had signed up
select count(*) from shipments s join warehouses w on w.id = s.warehouse_id join users u on u.id = s.created_by where s.created_at < w.created_at or s.created_at < u.created_at;
-- rule: a shipment's timestamps follow its status (created, picked, in transit, delivered, returned)
select count(*) from shipments where
     (status = 'created' and (picked_at is not null or shipped_at is not null or delivered_at is not null or returned_at is not null))
  or (status = 'picked' and (picked_at is null or shipped_at is not null or delivered_at is not null or returned_at is not null))
  or (status = 'in_transit' and (shipped_at is null or delivered_at is not null or returned_at is not null))
  or (status = 'delivered' and (delivered_at is null or returned_at is not null))
  or (status = 'returned' and returned_at is null);
-- rule: tracking events happen after their shipment was created
select count(*) from tracking_events e join shipments s on s.id = e.shipment_id where e.occurred_at < s.created_at;
-- rule: shipments have several tracking events
select case when exists (select 1 from tracking_events group by shipment_id having count(*) > 2) then 0 else 1 end;
-- rule: SKUs are upper-case codes and barcodes are 12 or 13 digits
select count(*) from inventory_items where sku !~ '^[A-Z0-9][A-Z0-9-]{2,31}$' or barcode !~ '^[0-9]{12,13}$';
-- rule: tracking numbers and shipment references are upper-case codes
select (select count(*) from shipments where tracking_number is not null and tracking_number !~ '^[A-Z0-9]{8,30}$')
     + (select count(*) from shipments where reference !~ '^[A-Z0-9][A-Z0-9-]*[0-9]$');
-- rule: phones, emails and countries look like what they are
select (select count(*) from shipments where recipient_phone !~ '^\+?[0-9][0-9 ().-]{6,19}$' or destination_country !~ '^[A-Z]{2}$')
     + (select count(*) from users where email !~ '^[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}$' or phone !~ '^\+?[0-9][0-9 ().-]{6,19}$')
     + (select count(*) from organizations where billing_email !~ '^[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}$');
-- rule: carriers' tracking URLs are https URL templates
select count(*) from carriers where tracking_url_template !~ '^https://[a-z0-9.-]+\.[a-z]{2,}/\S*\{tracking_number\}';
-- rule: API keys are revoked after they were created, and their prefixes are tokens
select count(*) from api_keys where revoked_at < created_at or key_prefix !~ '^[A-Za-z0-9_]{8}$';
