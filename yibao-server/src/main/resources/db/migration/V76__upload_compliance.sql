-- R-INST-3 real-time data upload (信息报送): the daily evaluation per institution and the settlement
-- suspensions it caused. See docs/upload-compliance.md.

-- A call refused because the institution may not settle (SettlementPermission) is not a data error:
-- it is kept out of the error rate.
alter table fsi_message add column not_permitted boolean not null default false;
create index fsi_message_received on fsi_message (received_at);
create index fee_line_uploaded on fee_line (uploaded_at);

-- One row per institution and evaluated day (receipt day, China Standard Time); written once.
create table upload_compliance_day (
    fixmedins_code  varchar(30)  not null,
    day             date         not null,
    records         integer      not null,   -- fee lines (2204/2301) and settlements (2207/2304) received
    late_records    integer      not null,   -- of those, received more than 24 h after they occurred
    submitted       integer      not null,   -- 2204/2301/2207/2304 messages (accepted or rejected)
    rejected        integer      not null,   -- of those, answered infcode -1 (not counting permission refusals)
    error_rate      numeric(7,4),            -- rejected / submitted; null below 20 submitted
    breach          boolean      not null,
    cause           varchar(300),            -- Chinese, null without breach
    evaluated_at    timestamptz  not null,
    evaluated_by    varchar(60)  not null,
    primary key (fixmedins_code, day),
    check (late_records <= records and rejected <= submitted),
    check (breach = (cause is not null))
);

-- A breach on breach_day suspends settlement from starts_on (the next day) until resumes_on (exclusive,
-- the start of the 4th or 6th working day after the breach). Lifts by itself: date-derived.
create table upload_compliance_suspension (
    fixmedins_code  varchar(30)  not null,
    breach_day      date         not null,
    starts_on       date         not null,
    resumes_on      date         not null,
    working_days    smallint     not null check (working_days in (3, 5)),
    cause           varchar(300) not null,
    recorded_at     timestamptz  not null,
    primary key (fixmedins_code, breach_day),
    foreign key (fixmedins_code, breach_day) references upload_compliance_day (fixmedins_code, day),
    check (starts_on = breach_day + 1 and resumes_on > starts_on)
);
create index upload_compliance_suspension_in_force on upload_compliance_suspension (fixmedins_code, resumes_on);
