-- Progress of the demo history (R-DEMO, DOMAIN §2): one row per pooling region and year, moved
-- forward in the same transaction as each batch of persons it writes, so a restart resumes after the
-- last committed batch and never writes a person-year twice.
create table demo_history_progress (
    admdvs          char(6)       not null,
    year            smallint      not null,
    persons_total   integer       not null,
    persons_done    integer       not null default 0,
    last_psn_no     varchar(30),                      -- persons are taken in psn_no order
    settlements     bigint        not null default 0,
    medfee_sumamt   numeric(16,2) not null default 0,
    refused         integer       not null default 0, -- visits the engine refused (left out)
    done            boolean       not null default false,
    started_at      timestamptz,
    finished_at     timestamptz,
    primary key (admdvs, year)
);
