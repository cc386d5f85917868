-- Outpatient clinics: practitioners and their weekly hours, patients, appointments through
-- check-in to completion, prescriptions written at a visit, invoices split between insurer and patient.
CREATE TYPE appointment_status AS ENUM ('scheduled', 'checked_in', 'completed', 'no_show', 'cancelled');
CREATE TYPE invoice_status AS ENUM ('draft', 'issued', 'paid', 'void');
CREATE TYPE administrative_sex AS ENUM ('female', 'male', 'other', 'unknown');

CREATE TABLE clinics (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name            TEXT NOT NULL,
    npi             CHAR(10) NOT NULL UNIQUE CHECK (npi ~ '^[0-9]{10}$'),
    phone           VARCHAR(20) NOT NULL,
    fax             VARCHAR(20),
    address_line1   TEXT NOT NULL,
    address_line2   TEXT,
    city            TEXT NOT NULL,
    state           CHAR(2) NOT NULL,
    postal_code     VARCHAR(10) NOT NULL,
    timezone        TEXT NOT NULL DEFAULT 'America/Chicago',
    opened_on       DATE NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
COMMENT ON COLUMN clinics.npi IS 'National Provider Identifier of the organization';

CREATE TABLE practitioners (
    id                      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    clinic_id               BIGINT NOT NULL REFERENCES clinics (id),
    first_name              TEXT NOT NULL,
    last_name               TEXT NOT NULL,
    credentials             VARCHAR(8) NOT NULL CHECK (credentials IN ('MD', 'DO', 'NP', 'PA', 'RN', 'LCSW')),
    specialty               TEXT NOT NULL,
    npi                     CHAR(10) NOT NULL UNIQUE CHECK (npi ~ '^[0-9]{10}$'),
    email                   TEXT NOT NULL UNIQUE,
    is_accepting_patients   BOOLEAN NOT NULL DEFAULT TRUE,
    hired_on                DATE NOT NULL,
    created_at              TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- weekly hours: one row per practitioner and weekday (0 = Sunday)
CREATE TABLE practitioner_hours (
    practitioner_id BIGINT NOT NULL REFERENCES practitioners (id) ON DELETE CASCADE,
    weekday         SMALLINT NOT NULL CHECK (weekday BETWEEN 0 AND 6),
    starts_at       TIME NOT NULL,
    ends_at         TIME NOT NULL,
    PRIMARY KEY (practitioner_id, weekday),
    CHECK (ends_at > starts_at)
);

CREATE TABLE patients (
    id                          UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    clinic_id                   BIGINT NOT NULL REFERENCES clinics (id),
    mrn                         VARCHAR(12) NOT NULL,
    first_name                  TEXT NOT NULL,
    last_name                   TEXT NOT NULL,
    date_of_birth               DATE NOT NULL CHECK (date_of_birth > DATE '1900-01-01'),
    sex                         administrative_sex NOT NULL DEFAULT 'unknown',
    email                       TEXT,
    phone                       VARCHAR(20),
    emergency_contact_name      TEXT,
    emergency_contact_phone     VARCHAR(20),
    insurance_member_id         VARCHAR(20),
    allergies                   TEXT[] NOT NULL DEFAULT '{}',
    primary_practitioner_id     BIGINT REFERENCES practitioners (id),
    created_at                  TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (clinic_id, mrn)
);
COMMENT ON COLUMN patients.mrn IS 'Medical record number, unique within the clinic';

CREATE TABLE appointments (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    clinic_id           BIGINT NOT NULL REFERENCES clinics (id),
    patient_id          UUID NOT NULL REFERENCES patients (id),
    practitioner_id     BIGINT NOT NULL REFERENCES practitioners (id),
    status              appointment_status NOT NULL DEFAULT 'scheduled',
    reason_for_visit    TEXT,
    scheduled_start     TIMESTAMPTZ NOT NULL,
    scheduled_end       TIMESTAMPTZ NOT NULL,
    checked_in_at       TIMESTAMPTZ,
    completed_at        TIMESTAMPTZ,
    cancelled_at        TIMESTAMPTZ,
    cancellation_reason TEXT,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT appointment_ends_after_start CHECK (scheduled_end > scheduled_start),
    CONSTRAINT cancelled_has_time CHECK (status <> 'cancelled' OR cancelled_at IS NOT NULL)
);
CREATE INDEX appointments_practitioner_start_idx ON appointments (practitioner_id, scheduled_start);

CREATE TABLE prescriptions (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    appointment_id      BIGINT NOT NULL REFERENCES appointments (id),
    patient_id          UUID NOT NULL REFERENCES patients (id),
    practitioner_id     BIGINT NOT NULL REFERENCES practitioners (id),
    medication_name     TEXT NOT NULL,
    strength            VARCHAR(20) NOT NULL,
    sig                 TEXT NOT NULL,
    quantity            INTEGER NOT NULL CHECK (quantity > 0),
    refills             SMALLINT NOT NULL DEFAULT 0 CHECK (refills BETWEEN 0 AND 11),
    prescribed_at       TIMESTAMPTZ NOT NULL,
    expires_on          DATE NOT NULL
);
COMMENT ON COLUMN prescriptions.strength IS 'dose strength, e.g. 500 mg';
COMMENT ON COLUMN prescriptions.sig IS 'directions for the patient';

CREATE TABLE invoices (
    id                      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    invoice_number          VARCHAR(16) NOT NULL UNIQUE CHECK (invoice_number ~ '^INV-[0-9]{6,}$'),
    appointment_id          BIGINT NOT NULL UNIQUE REFERENCES appointments (id),
    patient_id              UUID NOT NULL REFERENCES patients (id),
    status                  invoice_status NOT NULL DEFAULT 'draft',
    currency                CHAR(3) NOT NULL DEFAULT 'USD',
    amount_cents            INTEGER NOT NULL CHECK (amount_cents >= 0),
    insurance_covered_cents INTEGER NOT NULL DEFAULT 0 CHECK (insurance_covered_cents >= 0),
    patient_due_cents       INTEGER GENERATED ALWAYS AS (amount_cents - insurance_covered_cents) STORED,
    issued_at               TIMESTAMPTZ,
    due_on                  DATE,
    paid_at                 TIMESTAMPTZ,
    voided_at               TIMESTAMPTZ,
    created_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (insurance_covered_cents <= amount_cents),
    CHECK (paid_at IS NULL OR paid_at >= issued_at)
);
