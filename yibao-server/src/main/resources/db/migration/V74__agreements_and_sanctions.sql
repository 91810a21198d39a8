-- Service agreements (服务协议, R-INST-1) and graded sanctions (阶梯式处罚, R-INST-4).
-- An agreement covers one year [start_date, end_date]; its stored status is APPLIED, ACTIVE or
-- TERMINATED (from terminated_from). EXPIRED, RECTIFICATION and SUSPENDED are not stored: they follow
-- from the date and the sanctions in force on it (institution.AgreementStates), so they begin and end
-- by themselves at any clock time.
create table agreement (
    id               bigint generated always as identity primary key,
    fixmedins_code   varchar(30)  not null,
    start_date       date         not null,
    end_date         date         not null,
    status           varchar(12)  not null check (status in ('APPLIED', 'ACTIVE', 'TERMINATED')),
    renews_id        bigint references agreement (id),
    terminated_from  date,
    recorded_at      timestamptz  not null,
    recorded_by      varchar(64)  not null,
    check (end_date >= start_date),
    check ((status = 'TERMINATED') = (terminated_from is not null)),
    check (terminated_from is null or terminated_from between start_date and end_date)
);
create unique index agreement_start on agreement (fixmedins_code, start_date);
create unique index agreement_renewal on agreement (renews_id);

-- Every transition of an agreement: who, when, why (append-only).
create table agreement_event (
    id              bigint generated always as identity primary key,
    agreement_id    bigint       not null references agreement (id),
    action          varchar(20)  not null,
    from_state      varchar(14),
    to_state        varchar(14)  not null,
    effective_date  date         not null,
    reason          varchar(500),
    sanction_id     bigint,
    recorded_at     timestamptz  not null,
    recorded_by     varchar(64)  not null
);
create index agreement_event_agreement on agreement_event (agreement_id, id);

-- A sanction decided by staff: RECTIFICATION until end_date (settlement allowed), SUSPENSION of
-- settlement start_date..end_date (inclusive), TERMINATION of the agreement from start_date.
create table sanction (
    id              bigint generated always as identity primary key,
    fixmedins_code  varchar(30)   not null,
    agreement_id    bigint        not null references agreement (id),
    kind            varchar(14)   not null check (kind in ('RECTIFICATION', 'SUSPENSION', 'TERMINATION')),
    decision_date   date          not null,
    start_date      date          not null,
    end_date        date,
    reason          varchar(500)  not null,
    evidence        varchar(1000) not null,
    decided_by      varchar(64)   not null,
    recorded_at     timestamptz   not null,
    check (start_date >= decision_date),
    check ((kind = 'TERMINATION' and end_date is null) or (kind <> 'TERMINATION' and end_date >= start_date))
);
create index sanction_institution on sanction (fixmedins_code, start_date);

-- Institutions registered before agreements existed settled without one: they keep settling, with the
-- yearly agreements the demo world gives its institutions (2025–2030, renewed each year). On a new
-- database there are none yet and the demo loader writes the same.
insert into agreement (fixmedins_code, start_date, end_date, status, recorded_at, recorded_by)
select i.fixmedins_code, make_date(y, 1, 1), make_date(y, 12, 31), 'ACTIVE', now(), 'system'
from (select distinct fixmedins_code from institution) i, generate_series(2025, 2030) y;
update agreement a set renews_id = p.id from agreement p
where p.fixmedins_code = a.fixmedins_code and p.end_date = a.start_date - 1;
insert into agreement_event (agreement_id, action, from_state, to_state, effective_date, reason, recorded_at, recorded_by)
select id, case when renews_id is null then 'ACTIVATE' else 'RENEW' end, null, 'ACTIVE', start_date, 'V74: existing institution', now(), 'system'
from agreement;
