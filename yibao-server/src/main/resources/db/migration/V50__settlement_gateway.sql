-- The national interface (NATIONAL_INTERFACE.md), visits, fee lines, settlements, accumulators and
-- the fund ledger (issue 4). Money numeric(16,2), quantities (16,4), unit prices (16,6), ratios (5,4).

-- Every processed message: the idempotency record (same institution + msgid + body → this reply).
create table fsi_message (
    fixmedins_code  varchar(30) not null,
    msgid           varchar(40) not null,
    infno           varchar(6)  not null,
    body_sha256     bytea       not null,
    infcode         smallint    not null,
    reply           bytea       not null,
    received_at     timestamptz not null,
    primary key (fixmedins_code, msgid)
);

-- 9001/9002 sign-in and sign-out.
create table fsi_sign_in (
    sign_no         varchar(30) primary key,
    fixmedins_code  varchar(30) not null,
    opter_no        varchar(30) not null,
    mac             varchar(60),
    ip              varchar(60),
    signed_in_at    timestamptz not null,
    signed_out_at   timestamptz
);

create sequence visit_seq;
create sequence settlement_seq;

-- A visit (就诊): outpatient registered by 2201, inpatient admitted by 2401.
create table visit (
    mdtrt_id              varchar(30) primary key,
    fixmedins_code        varchar(30) not null,
    psn_no                varchar(30) not null,
    insutype              char(3)     not null,
    insured_admdvs        char(6)     not null,   -- the person's pooling region (policy, ledger)
    treatment_admdvs      char(6)     not null,   -- the institution's region (catalogue)
    kind                  varchar(10) not null check (kind in ('OUTPATIENT', 'INPATIENT')),
    status                varchar(12) not null check (status in ('REGISTERED', 'ADMITTED', 'DISCHARGED', 'SETTLED', 'CANCELLED')),
    med_type              varchar(6),
    begntime              timestamp   not null,
    endtime               timestamp,
    ipt_otp_no            varchar(30),
    mdtrt_cert_type       char(2),
    mdtrt_cert_no         varchar(100),
    dise_codg             varchar(30),
    dise_name             varchar(200),
    atddr_no              varchar(30),
    dr_name               varchar(50),
    dept_code             varchar(30),
    dept_name             varchar(100),
    dscg_way              varchar(2),
    details               jsonb,                  -- the remaining fields of 2201/2203/2401/2402/2403, as sent
    stay_deductible_used  numeric(16,2) not null default 0,   -- mid-settlements of one stay share a deductible
    created_msgid         varchar(40) not null,
    created_at            timestamptz not null,
    updated_at            timestamptz not null
);
create index visit_psn on visit (psn_no, begntime);
create index visit_institution on visit (fixmedins_code, begntime);

-- Diagnoses of a visit (2203 diseinfo, 2401/2402/2403 diseinfo); the latest upload replaces the set.
create table visit_diagnosis (
    mdtrt_id       varchar(30)  not null references visit (mdtrt_id),
    seq            smallint     not null,
    diag_type      varchar(3),
    diag_srt_no    integer,
    diag_code      varchar(30)  not null,
    diag_name      varchar(200),
    maindiag_flag  boolean      not null default false,
    stage          varchar(10)  not null check (stage in ('VISIT', 'ADMISSION', 'DISCHARGE')),
    primary key (mdtrt_id, stage, seq)
);

-- Fee lines (2204/2301) with the split the upload reply gave; cancelled lines stay, marked.
create table fee_line (
    mdtrt_id             varchar(30)   not null references visit (mdtrt_id),
    feedetl_sn           varchar(30)   not null,
    chrg_bchno           varchar(30),
    init_feedetl_sn      varchar(30),
    med_list_codg        varchar(50)   not null,
    medins_list_codg     varchar(50),
    fee_ocur_time        timestamp     not null,
    cnt                  numeric(16,4) not null,
    pric                 numeric(16,6) not null,
    det_item_fee_sumamt  numeric(16,2) not null,
    prd_days             integer,
    hosp_appr_flag       boolean       not null default false,
    memo                 varchar(200),
    bilg_dept_codg       varchar(30),
    bilg_dr_codg         varchar(30),
    pric_uplmt_amt       numeric(16,6),
    selfpay_prop         numeric(5,4)  not null,
    fulamt_ownpay_amt    numeric(16,2) not null,
    overlmt_amt          numeric(16,2) not null,
    preselfpay_amt       numeric(16,2) not null,
    inscp_scp_amt        numeric(16,2) not null,
    chrgitm_lv           char(2),
    lmt_used_flag        boolean       not null,
    result_memo          varchar(300),
    cancelled            boolean       not null default false,
    setl_id              varchar(30),
    uploaded_msgid       varchar(40)   not null,
    uploaded_at          timestamptz   not null,   -- receipt time (R-INST-3)
    primary key (mdtrt_id, feedetl_sn),
    check (det_item_fee_sumamt = fulamt_ownpay_amt + overlmt_amt + preselfpay_amt + inscp_scp_amt)
);
create index fee_line_unsettled on fee_line (mdtrt_id) where setl_id is null and not cancelled;

-- Settlements (结算) and their reversals (mirror rows with negative amounts), never updated but for
-- the pointer to the reversal.
create table settlement (
    setl_id             varchar(30)   primary key,
    mdtrt_id            varchar(30)   not null references visit (mdtrt_id),
    psn_no              varchar(30)   not null,
    fixmedins_code      varchar(30)   not null,
    insured_admdvs      char(6)       not null,
    treatment_admdvs    char(6)       not null,
    insutype            char(3)       not null,
    psn_type            char(4)       not null,
    med_type            varchar(6)    not null,
    clr_type            char(2)       not null,
    setl_time           timestamp     not null,
    year                smallint      not null,
    mid_setl_flag       boolean       not null default false,
    reverses_setl_id    varchar(30)   unique references settlement (setl_id),
    reversed_by         varchar(30),
    medfee_sumamt       numeric(16,2) not null,
    fulamt_ownpay_amt   numeric(16,2) not null,
    overlmt_selfpay     numeric(16,2) not null,
    preselfpay_amt      numeric(16,2) not null,
    inscp_scp_amt       numeric(16,2) not null,
    act_pay_dedc        numeric(16,2) not null,
    hifp_pay            numeric(16,2) not null,
    pool_prop_selfpay   numeric(5,4)  not null,
    cvlserv_pay         numeric(16,2) not null,
    hifes_pay           numeric(16,2) not null,
    hifmi_pay           numeric(16,2) not null,
    hifob_pay           numeric(16,2) not null,
    maf_pay             numeric(16,2) not null,
    oth_pay             numeric(16,2) not null,
    fund_pay_sumamt     numeric(16,2) not null,
    psn_part_amt        numeric(16,2) not null,
    acct_pay            numeric(16,2) not null,
    psn_cash_pay        numeric(16,2) not null,
    hosp_part_amt       numeric(16,2) not null,
    balc                numeric(16,2) not null,
    acct_mulaid_pay     numeric(16,2) not null,
    medins_setl_id      varchar(40)   not null,   -- the request msgid
    invono              varchar(60),
    setl_proc_info      text          not null,
    recorded_at         timestamptz   not null,
    check (medfee_sumamt = fulamt_ownpay_amt + overlmt_selfpay + preselfpay_amt + inscp_scp_amt),
    check (fund_pay_sumamt = hifp_pay + cvlserv_pay + hifes_pay + hifmi_pay + hifob_pay + maf_pay + oth_pay),
    check (psn_part_amt = medfee_sumamt - fund_pay_sumamt - hosp_part_amt),
    check (psn_part_amt = acct_pay + psn_cash_pay)
);
create index settlement_visit on settlement (mdtrt_id);
create index settlement_psn on settlement (psn_no, year);
create index settlement_institution on settlement (fixmedins_code, setl_time);

-- setldetail rows.
create table settlement_fund (
    setl_id             varchar(30)   not null references settlement (setl_id),
    seq                 smallint      not null,
    fund_pay_type       char(6)       not null,
    inscp_scp_amt       numeric(16,2) not null,
    crt_payb_lmt_amt    numeric(16,2),
    fund_payamt         numeric(16,2) not null,
    fund_pay_type_name  varchar(60)   not null,
    setl_proc_info      text          not null,
    primary key (setl_id, seq)
);

-- What each mutual-aid binder's account paid (R-INS-1).
create table settlement_mutual_aid (
    setl_id        varchar(30)   not null references settlement (setl_id),
    binder_psn_no  varchar(30)   not null,
    amount         numeric(16,2) not null,
    balance_after  numeric(16,2) not null,
    primary key (setl_id, binder_psn_no)
);

-- Each settlement's change of the yearly accumulators (a reversal's rows are negated), so that the
-- accumulators can always be recomputed as the sum over the year's settlements.
create table settlement_accumulation (
    setl_id   varchar(30)   not null references settlement (setl_id),
    cum_key   varchar(40)   not null,
    amount    numeric(16,2) not null,
    primary key (setl_id, cum_key)
);

-- Yearly accumulators per person, pooling region and year (DOMAIN §4.3 step 10).
create table accumulator (
    psn_no    varchar(30)   not null,
    admdvs    char(6)       not null,
    year      smallint      not null,
    cum_key   varchar(40)   not null,
    amount    numeric(16,2) not null,
    primary key (psn_no, admdvs, year, cum_key)
);

-- Older settlements reversed out of order, to be noted in the person's next settlement.
create table accumulator_note (
    psn_no        varchar(30) not null,
    admdvs        char(6)     not null,
    year          smallint    not null,
    setl_id       varchar(30) not null,
    settled_on    date        not null,
    reversed_on   date        not null,
    noted_in      varchar(30),
    primary key (psn_no, admdvs, year, setl_id)
);

-- The fund ledger: double entry per region; postings are never changed, a reversal is a new posting.
create table ledger_posting (
    id                   bigserial   primary key,
    admdvs               char(6)     not null,
    posted_at            timestamptz not null,
    source_type          varchar(20) not null,
    source_id            varchar(40) not null,
    reverses_posting_id  bigint      unique references ledger_posting (id),
    memo                 varchar(200)
);
create index ledger_posting_source on ledger_posting (source_type, source_id);

create table ledger_entry (
    posting_id   bigint        not null references ledger_posting (id),
    line         smallint      not null,
    account      varchar(30)   not null,
    sub_account  varchar(30)   not null default '',
    amount       numeric(16,2) not null,   -- debit positive, credit negative; a posting sums to zero
    primary key (posting_id, line)
);
create index ledger_entry_account on ledger_entry (account, sub_account);

-- A posting's entries are inserted by one statement; after it, every posting it touched must balance.
create function ledger_entries_balance() returns trigger language plpgsql as $$
declare
    unbalanced bigint;
begin
    select e.posting_id into unbalanced
      from ledger_entry e
     where e.posting_id in (select distinct posting_id from new_entries)
     group by e.posting_id
    having sum(e.amount) <> 0
     limit 1;
    if unbalanced is not null then
        raise exception 'ledger posting % does not balance', unbalanced;
    end if;
    return null;
end $$;
create trigger ledger_entry_balanced after insert on ledger_entry
    referencing new table as new_entries for each statement execute function ledger_entries_balance();

create function ledger_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the fund ledger is append-only: % on % is not allowed', tg_op, tg_table_name;
end $$;
create trigger ledger_posting_append_only before update or delete on ledger_posting
    for each row execute function ledger_append_only();
create trigger ledger_entry_append_only before update or delete on ledger_entry
    for each row execute function ledger_append_only();

-- Files of 9101/9102 (reconciliation detail files, 3202).
create table fsi_file (
    file_qury_no    varchar(40)  primary key,
    fixmedins_code  varchar(30)  not null,
    filename        varchar(200) not null,
    content         bytea        not null,
    uploaded_at     timestamptz  not null
);

-- 4101/4101A case records (医疗保障基金结算清单): kept as sent, grouped and paid by later issues.
create table case_record (
    mdtrt_id        varchar(30)  primary key references visit (mdtrt_id),
    setl_id         varchar(30),
    psn_no          varchar(30)  not null,
    fixmedins_code  varchar(30)  not null,
    infno           varchar(6)   not null,
    record          jsonb        not null,
    uploaded_at     timestamptz  not null,
    uploaded_msgid  varchar(40)  not null
);
