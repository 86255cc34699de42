import type { Migration } from '../types';

// The complete record of domain.md §2: new columns on the thin slice's tables, a table per
// repeating part (team, consented sites, goals, diagnostic blocks, devices, outcomes,
// complications, follow-ups, allergies), warning acknowledgements and service settings.
// Booleans are 0/1 and code lists JSON arrays, both CHECKed so a bad write cannot land.
export const migration0002: Migration = {
  version: 2,
  name: 'complete-record',
  up(db) {
    db.exec(`
      ALTER TABLE patient ADD COLUMN sex TEXT;
      ALTER TABLE patient ADD COLUMN nhs_number_absent_reason TEXT;
      ALTER TABLE patient ADD COLUMN nhs_number_verified TEXT;
      ALTER TABLE patient ADD COLUMN local_mrn TEXT;
      ALTER TABLE patient ADD COLUMN weight_kg REAL;
      ALTER TABLE patient ADD COLUMN aetiology TEXT;
      ALTER TABLE patient ADD COLUMN affected_side TEXT;
      ALTER TABLE patient ADD COLUMN ambulant INTEGER CHECK (ambulant IN (0, 1));
      ALTER TABLE patient ADD COLUMN allergy_status TEXT;
      ALTER TABLE patient ADD COLUMN cold_contraindications TEXT CHECK (json_valid(cold_contraindications));
      ALTER TABLE patient ADD COLUMN implanted_devices TEXT CHECK (json_valid(implanted_devices));
      ALTER TABLE patient ADD COLUMN implanted_device_note TEXT;
      ALTER TABLE patient ADD COLUMN pregnancy_status TEXT;
      CREATE TABLE allergy (
        id TEXT PRIMARY KEY NOT NULL,
        patient_id TEXT NOT NULL REFERENCES patient (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL CHECK (seq >= 1),
        allergen TEXT,
        detail TEXT,
        reaction TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (patient_id, seq)
      ) STRICT;
      ALTER TABLE session ADD COLUMN status_reason TEXT;
      ALTER TABLE session ADD COLUMN ended_at TEXT;
      ALTER TABLE session ADD COLUMN location TEXT;
      ALTER TABLE session ADD COLUMN ods_code TEXT;
      ALTER TABLE session ADD COLUMN setting TEXT;
      ALTER TABLE session ADD COLUMN consent_type TEXT;
      ALTER TABLE session ADD COLUMN consent_date TEXT;
      ALTER TABLE session ADD COLUMN consent_taker TEXT;
      ALTER TABLE session ADD COLUMN leaflet_given INTEGER CHECK (leaflet_given IN (0, 1));
      ALTER TABLE session ADD COLUMN capacity_assessed INTEGER CHECK (capacity_assessed IN (0, 1));
      ALTER TABLE session ADD COLUMN anticoagulant TEXT;
      ALTER TABLE session ADD COLUMN anticoagulant_action TEXT;
      ALTER TABLE session ADD COLUMN inr_value REAL;
      ALTER TABLE session ADD COLUMN inr_date TEXT;
      ALTER TABLE session ADD COLUMN inr_source TEXT;
      ALTER TABLE session ADD COLUMN inr_target_low REAL;
      ALTER TABLE session ADD COLUMN inr_target_high REAL;
      ALTER TABLE session ADD COLUMN pre_analgesia_taken INTEGER CHECK (pre_analgesia_taken IN (0, 1));
      ALTER TABLE session ADD COLUMN pre_analgesia_note TEXT;
      ALTER TABLE session ADD COLUMN baseline_pain_nrs INTEGER;
      ALTER TABLE session ADD COLUMN first_treatment INTEGER CHECK (first_treatment IN (0, 1));
      ALTER TABLE session ADD COLUMN sign_in_done INTEGER CHECK (sign_in_done IN (0, 1));
      ALTER TABLE session ADD COLUMN sign_in_time TEXT;
      ALTER TABLE session ADD COLUMN sign_in_by TEXT;
      ALTER TABLE session ADD COLUMN patient_id_confirmed INTEGER CHECK (patient_id_confirmed IN (0, 1));
      ALTER TABLE session ADD COLUMN procedures_match_consent INTEGER CHECK (procedures_match_consent IN (0, 1));
      ALTER TABLE session ADD COLUMN site_marked TEXT;
      ALTER TABLE session ADD COLUMN site_marked_reason TEXT;
      ALTER TABLE session ADD COLUMN allergies_reconfirmed INTEGER CHECK (allergies_reconfirmed IN (0, 1));
      ALTER TABLE session ADD COLUMN anticoag_reconfirmed INTEGER CHECK (anticoag_reconfirmed IN (0, 1));
      ALTER TABLE session ADD COLUMN equipment_checked INTEGER CHECK (equipment_checked IN (0, 1));
      ALTER TABLE session ADD COLUMN time_out_time TEXT;
      ALTER TABLE session ADD COLUMN time_out_by TEXT;
      ALTER TABLE session ADD COLUMN sign_out_done INTEGER CHECK (sign_out_done IN (0, 1));
      ALTER TABLE session ADD COLUMN sign_out_time TEXT;
      ALTER TABLE session ADD COLUMN sign_out_by TEXT;
      ALTER TABLE session ADD COLUMN pain_nrs_post INTEGER;
      ALTER TABLE session ADD COLUMN tolerance TEXT;
      ALTER TABLE session ADD COLUMN functional_observation TEXT;
      ALTER TABLE session ADD COLUMN complications_answer TEXT;
      ALTER TABLE session ADD COLUMN aftercare_advice_given INTEGER CHECK (aftercare_advice_given IN (0, 1));
      ALTER TABLE session ADD COLUMN aftercare_topics TEXT CHECK (json_valid(aftercare_topics));
      ALTER TABLE session ADD COLUMN analgesia_plan TEXT;
      ALTER TABLE session ADD COLUMN therapy_plan TEXT;
      ALTER TABLE session ADD COLUMN gp_letter INTEGER CHECK (gp_letter IN (0, 1));
      ALTER TABLE session ADD COLUMN falls_advice INTEGER CHECK (falls_advice IN (0, 1));
      ALTER TABLE session ADD COLUMN repeat_treatment_note TEXT;
      ALTER TABLE session ADD COLUMN notes TEXT;
      CREATE TABLE team_member (
        id TEXT PRIMARY KEY NOT NULL,
        session_id TEXT NOT NULL REFERENCES session (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL CHECK (seq >= 1),
        role TEXT,
        name TEXT,
        profession TEXT,
        registration_body TEXT,
        registration_number TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (session_id, seq)
      ) STRICT;
      CREATE TABLE consent_site (
        id TEXT PRIMARY KEY NOT NULL,
        session_id TEXT NOT NULL REFERENCES session (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL CHECK (seq >= 1),
        region TEXT,
        side TEXT,
        nerve TEXT,
        note TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (session_id, seq)
      ) STRICT;
      CREATE TABLE goal (
        id TEXT PRIMARY KEY NOT NULL,
        session_id TEXT NOT NULL REFERENCES session (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL CHECK (seq >= 1),
        goal_text TEXT,
        importance INTEGER,
        difficulty INTEGER,
        baseline_level INTEGER,
        follow_up_level INTEGER,
        follow_up_date TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (session_id, seq)
      ) STRICT;
      CREATE TABLE diagnostic_block (
        id TEXT PRIMARY KEY NOT NULL,
        session_id TEXT NOT NULL REFERENCES session (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL CHECK (seq >= 1),
        block_date TEXT,
        nerve TEXT,
        branch TEXT,
        side TEXT,
        agent TEXT,
        volume_ml REAL,
        guidance_us INTEGER CHECK (guidance_us IN (0, 1)),
        guidance_stim INTEGER CHECK (guidance_stim IN (0, 1)),
        result TEXT,
        mas_pre TEXT,
        mas_post TEXT,
        notes TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (session_id, seq)
      ) STRICT;
      CREATE TABLE device (
        id TEXT PRIMARY KEY NOT NULL,
        session_id TEXT NOT NULL REFERENCES session (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL CHECK (seq >= 1),
        system_type TEXT,
        manufacturer TEXT,
        model TEXT,
        serial_number TEXT,
        udi_raw TEXT,
        probe_gtin TEXT,
        probe_lot TEXT,
        lot_unreadable INTEGER CHECK (lot_unreadable IN (0, 1)),
        lot_unreadable_reason TEXT,
        probe_serial TEXT,
        probe_expiry TEXT,
        probe_gauge INTEGER,
        probe_length_mm INTEGER,
        planned_freeze_s INTEGER,
        gas_lot TEXT,
        stimulator_model TEXT,
        la_batch TEXT,
        la_expiry TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (session_id, seq)
      ) STRICT;
      ALTER TABLE freeze_cycle ADD COLUMN site_no INTEGER;
      ALTER TABLE freeze_cycle ADD COLUMN started_at TEXT;
      ALTER TABLE freeze_cycle ADD COLUMN ended_at TEXT;
      ALTER TABLE freeze_cycle ADD COLUMN thaw_type TEXT;
      ALTER TABLE freeze_cycle ADD COLUMN thaw_s INTEGER;
      ALTER TABLE freeze_cycle ADD COLUMN ice_ball_seen INTEGER CHECK (ice_ball_seen IN (0, 1));
      ALTER TABLE freeze_cycle ADD COLUMN ice_ball_mm REAL;
      ALTER TABLE freeze_cycle ADD COLUMN pain_nrs INTEGER;
      ALTER TABLE freeze_cycle ADD COLUMN outcome TEXT;
      ALTER TABLE freeze_cycle ADD COLUMN abort_reason TEXT;
      ALTER TABLE freeze_cycle ADD COLUMN abort_note TEXT;
      CREATE TABLE outcome (
        id TEXT PRIMARY KEY NOT NULL,
        session_id TEXT NOT NULL REFERENCES session (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL CHECK (seq >= 1),
        muscle_group TEXT,
        side TEXT,
        mas_pre TEXT,
        mas_post TEXT,
        angle_convention TEXT,
        test_position TEXT,
        tardieu_v TEXT,
        tardieu_r1pre INTEGER,
        tardieu_r1post INTEGER,
        tardieu_r2pre INTEGER,
        tardieu_r2post INTEGER,
        tardieu_xpre TEXT,
        tardieu_xpost TEXT,
        prom_pre INTEGER,
        prom_post INTEGER,
        arom_pre INTEGER,
        arom_post INTEGER,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (session_id, seq)
      ) STRICT;
      CREATE TABLE complication (
        id TEXT PRIMARY KEY NOT NULL,
        session_id TEXT NOT NULL REFERENCES session (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL CHECK (seq >= 1),
        type TEXT,
        onset TEXT,
        onset_at TEXT,
        severity TEXT,
        action TEXT,
        action_note TEXT,
        resolved INTEGER CHECK (resolved IN (0, 1)),
        resolved_date TEXT,
        incident_ref TEXT,
        note TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (session_id, seq)
      ) STRICT;
      CREATE TABLE follow_up (
        id TEXT PRIMARY KEY NOT NULL,
        session_id TEXT NOT NULL REFERENCES session (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL CHECK (seq >= 1),
        date TEXT,
        kind TEXT,
        with_whom TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (session_id, seq)
      ) STRICT;
      ALTER TABLE target ADD COLUMN device_id TEXT REFERENCES device (id) ON DELETE SET NULL;
      ALTER TABLE target ADD COLUMN clinical_pattern TEXT;
      ALTER TABLE target ADD COLUMN patient_position TEXT;
      ALTER TABLE target ADD COLUMN approach TEXT;
      ALTER TABLE target ADD COLUMN depth_mm INTEGER;
      ALTER TABLE target ADD COLUMN intended_outcome TEXT;
      ALTER TABLE target ADD COLUMN la_agent TEXT;
      ALTER TABLE target ADD COLUMN la_conc_pct REAL;
      ALTER TABLE target ADD COLUMN la_volume_ml REAL;
      ALTER TABLE target ADD COLUMN us_used INTEGER CHECK (us_used IN (0, 1));
      ALTER TABLE target ADD COLUMN us_nerve_visualised INTEGER CHECK (us_nerve_visualised IN (0, 1));
      ALTER TABLE target ADD COLUMN stim_used INTEGER CHECK (stim_used IN (0, 1));
      ALTER TABLE target ADD COLUMN stim_via TEXT;
      ALTER TABLE target ADD COLUMN stim_threshold_ma REAL;
      ALTER TABLE target ADD COLUMN stim_pulse_width_ms REAL;
      ALTER TABLE target ADD COLUMN stim_frequency_hz REAL;
      ALTER TABLE target ADD COLUMN motor_response_seen INTEGER CHECK (motor_response_seen IN (0, 1));
      ALTER TABLE target ADD COLUMN muscle_responding TEXT;
      ALTER TABLE target ADD COLUMN paraesthesia_reported INTEGER CHECK (paraesthesia_reported IN (0, 1));
      ALTER TABLE target ADD COLUMN post_freeze_restim TEXT;
      ALTER TABLE target ADD COLUMN stop_moment_done INTEGER CHECK (stop_moment_done IN (0, 1));
      ALTER TABLE target ADD COLUMN stop_moment_time TEXT;
      ALTER TABLE target ADD COLUMN stop_moment_by_1 TEXT;
      ALTER TABLE target ADD COLUMN stop_moment_by_2 TEXT;
      ALTER TABLE target ADD COLUMN wrong_site_declared INTEGER CHECK (wrong_site_declared IN (0, 1));
      ALTER TABLE target ADD COLUMN wrong_site_incident_ref TEXT;

      -- Warning acknowledgements (domain.md §2.12): who accepted which warning, when, and why.
      -- Append-only evidence: rows are never updated.
      CREATE TABLE acknowledgement (
        id TEXT PRIMARY KEY NOT NULL,
        session_id TEXT NOT NULL REFERENCES session (id) ON DELETE CASCADE,
        rule_id TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        field TEXT,
        reason TEXT,
        acknowledged_by TEXT NOT NULL,
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX acknowledgement_session ON acknowledgement (session_id);

      -- Service settings (the rules' thresholds, once the clinical lead signs them off); every
      -- change is also in audit_log with who and when.
      CREATE TABLE setting (
        key TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL CHECK (json_valid(value)),
        updated_by TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      ALTER TABLE audit_log ADD COLUMN actor TEXT;

    `);
  },
};
