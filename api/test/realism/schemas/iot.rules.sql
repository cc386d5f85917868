-- rule: a device's site belongs to the device's tenant
select count(*) from devices d join sites s on s.id = d.site_id where s.tenant_id <> d.tenant_id;
-- rule: devices are installed after their tenant exists
select count(*) from devices d join tenants t on t.id = d.tenant_id where d.installed_at < t.created_at;
-- rule: decommissioned devices have decommissioned_at, and only they
select count(*) from devices where (status = 'decommissioned') <> (decommissioned_at is not null);
-- rule: devices still provisioning have no heartbeat
select count(*) from devices where status = 'provisioning' and last_heartbeat_at is not null;
-- rule: readings are taken after the device was installed
select count(*) from readings r join sensors s on s.id = r.sensor_id join devices d on d.id = s.device_id where r.recorded_at < d.installed_at;
-- rule: readings lie within the sensor's range
select count(*) from readings r join sensors s on s.id = r.sensor_id where r.value < s.min_value or r.value > s.max_value;
-- rule: alerts are opened after the device was installed
select count(*) from alerts a join devices d on d.id = a.device_id where a.opened_at < d.installed_at;
-- rule: resolved alerts have resolved_at, and only they
select count(*) from alerts where (status = 'resolved') <> (resolved_at is not null);
-- rule: acknowledged and resolved alerts were acknowledged
select count(*) from alerts where status in ('acknowledged', 'resolved') and acknowledged_at is null;
-- rule: acknowledged before resolved
select count(*) from alerts where resolved_at < acknowledged_at;
-- rule: firmware versions are semver
select count(*) from devices where firmware_version !~ '^[0-9]+\.[0-9]+\.[0-9]+$';
-- rule: country codes are ISO 3166 alpha-2
select count(*) from sites where country_code !~ '^[A-Z]{2}$';
-- rule: timezones are IANA names
select count(*) from sites where timezone !~ '^(UTC|[A-Z][A-Za-z_]+(/[A-Za-z_+-]+)+)$';
-- rule: units fit the sensor kind
select count(*) from sensors where not ((kind = 'temperature' and unit in ('°C', 'C', '°F', 'F', 'K')) or (kind = 'humidity' and unit in ('%', '%RH')) or (kind = 'pressure' and unit in ('hPa', 'Pa', 'kPa', 'bar', 'psi')) or (kind = 'co2' and unit = 'ppm') or (kind = 'voltage' and unit in ('V', 'mV')));
