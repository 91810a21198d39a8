-- The knowledge base in force (知识库, issue 7): every uploaded version of a knowledge table, the rule
-- fingerprints in force, the rules a region's next run after settlement must re-evaluate, and why a
-- warning was withdrawn. A file never uploaded is the one shipped with the engine (version 0).

-- One uploaded version of one table; kb_version numbers the changes of the whole knowledge base.
create table supervision_knowledge_version (
    kb_version   integer       primary key check (kb_version >= 1),
    file         varchar(40)   not null,
    version      integer       not null check (version >= 1),
    text         text          not null,
    sha256       char(64)      not null,
    rows         integer       not null,
    created_by   varchar(64)   not null,
    created_at   timestamptz   not null,
    reason       text          not null,
    unique (file, version)
);

-- Per rule in force: the fingerprint of what decides its findings (its rules.tsv row and the whole text of
-- every table its evaluator reads) and the knowledge base version that made it so.
create table supervision_rule_fingerprint (
    rule_id      varchar(30)   primary key,
    fingerprint  char(64)      not null,
    kb_version   integer       not null
);

-- Rules new or changed since a region's last run: its next run re-evaluates them over the region's
-- settlements already analysed, then the row goes.
create table supervision_rule_stale (
    admdvs       char(6)       not null,
    rule_id      varchar(30)   not null,
    kb_version   integer       not null,
    primary key (admdvs, rule_id)
);

-- Why a warning was withdrawn by a knowledge base change (a reversed settlement leaves it null).
alter table supervision_warning add column withdrawn_reason text;
