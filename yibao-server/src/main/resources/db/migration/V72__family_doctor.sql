-- Family-doctor contracts and blood-pressure follow-ups (R-INS-4, docs/family-doctor.md).

-- Who recorded a contract and who cancelled it, why. One contract per person at a time (no two not
-- cancelled with overlapping dates) is checked by FamilyDoctors.sign under a per-person advisory lock:
-- a unique index on psn_no would also block renewing a contract that simply ran out.
alter table family_doctor_contract
    add column recorded_by   varchar(64),
    add column cancelled_by  varchar(64),
    add column cancel_reason varchar(200);

-- Monthly blood-pressure follow-ups (高血压随访) of hypertension patients by their contracted centre.
-- One per person and calendar month: a second in the same month is refused (it would not count).
create table family_doctor_follow_up (
    id               bigserial primary key,
    psn_no           varchar(30) not null,
    contract_id      bigint      not null references family_doctor_contract (id),
    fixmedins_code   varchar(30) not null,   -- the centre that recorded it
    follow_up_date   date        not null,
    follow_up_month  date        not null generated always as (date_trunc('month', follow_up_date::timestamp)::date) stored,
    systolic         smallint    not null check (systolic between 40 and 300),
    diastolic        smallint    not null check (diastolic between 20 and 200 and diastolic < systolic),
    doctor_name      varchar(50) not null,
    recorded_at      timestamptz not null,
    recorded_by      varchar(64) not null,   -- access key of the centre or staff user
    unique (psn_no, follow_up_month)
);
create index family_doctor_follow_up_centre on family_doctor_follow_up (fixmedins_code, follow_up_date);
