-- The institution portal (机构服务, R-INST-5): users belonging to one designated institution, who sign in
-- on /inst-portal and see that institution's agreement, sanctions, settlements and complaint replies.

-- An institution user: INST_ADMIN (机构管理员, also manages the staff of its institution) or INST_STAFF
-- (机构经办). The password only as a DelegatingPasswordEncoder hash ({bcrypt}…). The institution is
-- effective-dated (no single-row key), so fixmedins_code is checked by the service, not by a foreign key.
create table institution_user (
    username       varchar(64)  primary key,
    fixmedins_code varchar(30)  not null,
    password_hash  varchar(200) not null,
    role           varchar(16)  not null check (role in ('INST_ADMIN', 'INST_STAFF')),
    display_name   varchar(100) not null,
    enabled        boolean      not null default true,
    created_at     timestamptz  not null,
    created_by     varchar(100) not null,
    changed_at     timestamptz  not null,
    changed_by     varchar(100) not null
);
create index institution_user_institution on institution_user (fixmedins_code, username);

-- The portal lists the complaints about one institution.
create index complaint_subject on complaint (subject_code, received_at) where subject_kind = 'INSTITUTION';
