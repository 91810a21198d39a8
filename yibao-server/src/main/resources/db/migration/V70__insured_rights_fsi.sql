-- Insured persons' rights through the national interface (issue 5): 2501/2502 referrals, 2503/2504
-- chronic recognitions, 2505/2506 designated institutions (R-INS-2, R-INS-3, R-INS-5).

-- The serial (trt_dcla_detl_sn) every filing reply carries, whichever kind of filing it is.
create sequence trt_dcla_seq;

-- 2502: why the sending institution withdrew the referral.
alter table referral add column cancel_memo varchar(200);

-- 2503 replies with a serial the institution later names in 2504; rows of the demo world have none.
alter table chronic_recognition
    add column trt_dcla_detl_sn varchar(30) unique,
    add column channel          varchar(12),
    add column cancel_memo      varchar(200);

-- R-INS-2 designated institutions (定点医疗机构选择): one row per choice, never overwritten. A new choice
-- for a slot (fix_srt_no) ends the one it replaces the day before the new one begins; cancelling the new choice
-- (2506) gives the replaced one back its old end. A choice counts as a change (the yearly limit of the
-- region's policy) when the person already had a designated institution when it was made.
create table designated_institution (
    id                 bigserial    primary key,
    trt_dcla_detl_sn   varchar(30)  not null unique,
    psn_no             varchar(30)  not null,
    fix_srt_no         smallint     not null check (fix_srt_no between 1 and 9),
    fixmedins_code     varchar(30)  not null,
    begin_date         date         not null,
    end_date           date,
    counts_as_change   boolean      not null,
    replaces_id        bigint       references designated_institution (id),
    replaced_end_date  date,
    channel            varchar(12)  not null check (channel in ('FSI', 'PORTAL', 'CONSOLE')),
    recorded_by        varchar(64)  not null,   -- the operator, person or staff user
    recorded_via       varchar(30),             -- the institution whose HIS filed it (FSI)
    recorded_on        date         not null,   -- the day it was made (platform time zone): the year it counts in
    recorded_at        timestamptz  not null,
    cancelled_at       timestamptz,
    cancelled_by       varchar(64),
    cancel_memo        varchar(200),
    -- end_date = begin_date - 1: replaced on the day it began, never applied.
    check (end_date is null or end_date >= begin_date - 1)
);
create index designated_institution_person on designated_institution (psn_no, fix_srt_no);
