-- The insured portal (网上服务大厅, issue 5): persons sign in, see their own insurance and settlements,
-- bind family members for mutual aid (R-INS-1) and take an electronic credential (R-INS-7).

-- A person's portal password (one per person, only as a DelegatingPasswordEncoder hash, e.g. {bcrypt}…).
create table portal_credential (
    psn_no         varchar(30)  primary key,
    password_hash  varchar(200) not null,
    enabled        boolean      not null default true,
    set_at         timestamptz  not null,
    set_by         varchar(64)  not null
);

-- Electronic medical-insurance credentials (医保电子凭证, mdtrt_cert_type 01), issued in the portal: a
-- random token valid until expires_at. A token is never reused; old ones stay as the record of issue.
create table e_credential (
    token       varchar(64) primary key,
    psn_no      varchar(30) not null,
    issued_at   timestamptz not null,
    expires_at  timestamptz not null,
    check (expires_at > issued_at)
);
create index e_credential_psn on e_credential (psn_no, issued_at);

-- "Who used my account": a binder's mutual-aid payments are read by binder.
create index settlement_mutual_aid_binder on settlement_mutual_aid (binder_psn_no);
