-- Family-doctor capitation (R-PAY-6): what each centre was paid for a month, stored once with what it
-- was computed from and posted to the fund ledger in the same transaction.
create table capitation_payment (
    fixmedins_code     varchar(30)   not null,
    month              date          not null check (extract(day from month) = 1),
    contracts          integer       not null check (contracts >= 0),
    previous_year_rate numeric(5,4),
    cut_applied        boolean       not null,
    gross              numeric(16,2) not null,
    cut_amount         numeric(16,2) not null,
    net                numeric(16,2) not null,
    health_management  numeric(16,2) not null,
    medical            numeric(16,2) not null,
    ledger_posting_id  bigint        references ledger_posting (id),
    paid_at            timestamptz   not null,
    paid_by            varchar(64)   not null,
    primary key (fixmedins_code, month),
    check (net = gross - cut_amount),
    check (net = health_management + medical)
);
create index capitation_payment_month on capitation_payment (month);
