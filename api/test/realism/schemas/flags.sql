-- Feature flags & product analytics SaaS.
-- orgs -> projects -> environments; API keys (prefix + sha256 of the secret); flags with targeting
-- rules per environment; ingested events; outgoing webhooks with their delivery attempts; audit log.

CREATE TABLE orgs (
  id            bigserial PRIMARY KEY,
  name          varchar(120) NOT NULL,
  slug          varchar(48)  NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  plan          varchar(16)  NOT NULL DEFAULT 'free' CHECK (plan IN ('free', 'team', 'business', 'enterprise')),
  billing_email varchar(254),
  data_retention interval    NOT NULL DEFAULT interval '90 days',
  created_at    timestamp    NOT NULL DEFAULT now(),
  deleted_at    timestamp,
  CHECK (deleted_at IS NULL OR deleted_at > created_at)
);

CREATE TABLE org_members (
  org_id      bigint       NOT NULL REFERENCES orgs ON DELETE CASCADE,
  email       varchar(254) NOT NULL,
  role        varchar(16)  NOT NULL CHECK (role IN ('owner', 'admin', 'developer', 'viewer')),
  invited_at  timestamp    NOT NULL,
  joined_at   timestamp,
  PRIMARY KEY (org_id, email),
  CHECK (joined_at IS NULL OR joined_at >= invited_at)
);
CREATE UNIQUE INDEX org_members_one_owner ON org_members (org_id) WHERE role = 'owner';

CREATE TABLE projects (
  id          serial       PRIMARY KEY,
  org_id      bigint       NOT NULL REFERENCES orgs ON DELETE CASCADE,
  name        varchar(80)  NOT NULL,
  key         varchar(10)  NOT NULL CHECK (key ~ '^[A-Z][A-Z0-9]{1,9}$'),
  created_at  timestamp    NOT NULL DEFAULT now(),
  UNIQUE (org_id, key)
);

CREATE TABLE environments (
  id          serial       PRIMARY KEY,
  project_id  int          NOT NULL REFERENCES projects ON DELETE CASCADE,
  name        varchar(32)  NOT NULL,
  client_sdk_key char(36)  NOT NULL UNIQUE,
  color       char(7)      CHECK (color ~ '^#[0-9a-f]{6}$'),
  created_at  timestamp    NOT NULL DEFAULT now(),
  UNIQUE (project_id, name)
);

CREATE TABLE api_keys (
  id            bigserial    PRIMARY KEY,
  org_id        bigint       NOT NULL REFERENCES orgs,
  project_id    int          REFERENCES projects,
  label         varchar(64)  NOT NULL,
  prefix        char(8)      NOT NULL UNIQUE,       -- shown in the UI, e.g. 'ff_live_'
  secret_hash   char(64)     NOT NULL CHECK (secret_hash ~ '^[0-9a-f]{64}$'),
  scopes        text[]       NOT NULL DEFAULT '{read}',
  created_at    timestamp    NOT NULL DEFAULT now(),
  last_used_at  timestamp,
  last_used_ip  inet,
  expires_at    timestamp,
  revoked_at    timestamp,
  CHECK (expires_at IS NULL OR expires_at > created_at),
  CHECK (revoked_at IS NULL OR revoked_at >= created_at)
);
COMMENT ON COLUMN api_keys.secret_hash IS 'sha256 of the secret, hex';

CREATE TABLE feature_flags (
  id                  bigserial    PRIMARY KEY,
  project_id          int          NOT NULL REFERENCES projects ON DELETE CASCADE,
  key                 varchar(64)  NOT NULL CHECK (key ~ '^[a-z][a-z0-9_.-]*$'),
  description         text,
  kind                varchar(16)  NOT NULL DEFAULT 'boolean' CHECK (kind IN ('boolean', 'multivariate', 'rollout')),
  rollout_percentage  smallint     CHECK (rollout_percentage BETWEEN 0 AND 100),
  variants            jsonb        NOT NULL DEFAULT '[]',
  min_sdk_version     varchar(20),
  maintainer_email    varchar(254),
  archived            boolean      NOT NULL DEFAULT false,
  created_at          timestamp    NOT NULL DEFAULT now(),
  updated_at          timestamp    NOT NULL DEFAULT now(),
  UNIQUE (project_id, key),
  CHECK (updated_at >= created_at)
);

-- a flag's state per environment
CREATE TABLE flag_environments (
  flag_id         bigint    NOT NULL REFERENCES feature_flags ON DELETE CASCADE,
  environment_id  int       NOT NULL REFERENCES environments ON DELETE CASCADE,
  enabled         boolean   NOT NULL DEFAULT false,
  targeting       jsonb     NOT NULL DEFAULT '{}',
  updated_at      timestamp NOT NULL DEFAULT now(),
  PRIMARY KEY (flag_id, environment_id)
);

CREATE TABLE events (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  project_id      int          NOT NULL REFERENCES projects,
  environment_id  int          NOT NULL REFERENCES environments,
  event_name      varchar(80)  NOT NULL,
  distinct_id     varchar(200) NOT NULL,
  session_id      uuid,
  properties      jsonb        NOT NULL DEFAULT '{}',
  ip              inet,
  user_agent      text,
  referrer        text,
  occurred_at     timestamp    NOT NULL,
  received_at     timestamp    NOT NULL DEFAULT now(),
  CHECK (received_at >= occurred_at)
);

CREATE TABLE webhooks (
  id          uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id  int          NOT NULL REFERENCES projects ON DELETE CASCADE,
  url         text         NOT NULL CHECK (url ~ '^https://'),
  signing_secret varchar(64) NOT NULL,
  event_types text[]       NOT NULL DEFAULT '{}',
  is_active   boolean      NOT NULL DEFAULT true,
  created_at  timestamp    NOT NULL DEFAULT now()
);

CREATE TABLE webhook_deliveries (
  id            bigserial    PRIMARY KEY,
  webhook_id    uuid         NOT NULL REFERENCES webhooks ON DELETE CASCADE,
  event_id      bigint       NOT NULL REFERENCES events,
  attempt       smallint     NOT NULL DEFAULT 1 CHECK (attempt BETWEEN 1 AND 10),
  status_code   smallint,
  succeeded     boolean      NOT NULL,
  response_time_ms integer   CHECK (response_time_ms >= 0),
  error         text,
  sent_at       timestamp    NOT NULL,
  next_retry_at timestamp,
  UNIQUE (webhook_id, event_id, attempt),
  CHECK (NOT succeeded OR status_code BETWEEN 200 AND 299),
  CHECK (next_retry_at IS NULL OR next_retry_at > sent_at)
);

CREATE TABLE audit_log (
  id           bigserial    PRIMARY KEY,
  org_id       bigint       NOT NULL REFERENCES orgs,
  actor_email  varchar(254),
  action       varchar(64)  NOT NULL,
  target_type  varchar(32)  NOT NULL,
  target_id    varchar(64)  NOT NULL,
  metadata     jsonb,
  ip_address   inet,
  created_at   timestamp    NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_org_created ON audit_log (org_id, created_at DESC);
