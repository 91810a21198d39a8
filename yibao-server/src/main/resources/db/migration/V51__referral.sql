-- Two-way referrals (双向转诊, R-INS-5): recorded by 2501 or staff (issue 5); consumed by the first
-- matching admission (kinds 1, 2) or outpatient registration (kinds 2, 3) at the receiving institution.
create table referral (
    id                    bigserial    primary key,
    trt_dcla_detl_sn      varchar(30)  not null unique,
    psn_no                varchar(30)  not null,
    from_fixmedins_code   varchar(30)  not null,
    to_fixmedins_code     varchar(30)  not null,
    refl_type             char(1)      not null check (refl_type in ('1', '2', '3')),
    diag_code             varchar(30),
    begndate              date         not null,
    enddate               date         not null,
    hosp_agre_refl_flag   boolean      not null default false,
    channel               varchar(12)  not null,
    recorded_at           timestamptz  not null,
    cancelled_at          timestamptz,
    consumed_by_mdtrt_id  varchar(30)
);
create index referral_person on referral (psn_no, to_fixmedins_code);
