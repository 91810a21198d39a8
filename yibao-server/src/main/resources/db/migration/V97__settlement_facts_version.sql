-- The person's settlement facts (Persons.settlementFacts: the person, the account's existence, identities,
-- chronic recognitions, the family-doctor contract, mutual-aid bindings, cross-region filings and the pooling
-- region) are read three times per outpatient visit, from eight tables. The platform remembers what it read
-- together with this version, and later reads only the version: when it is unchanged, so are the facts.
--
-- Every statement that writes one of those tables moves the version in its own transaction, so a reader sees
-- the new version exactly when it can see the new rows. The numbers come from a sequence, which never hands out
-- a number twice, even when the transaction that drew it rolls back: a version seen once names one state.
-- Settlement's balance updates of personal_account do not move it (only the account's existence is a fact).
create sequence settlement_facts_version_seq;

create table settlement_facts_version (
    id       boolean primary key default true check (id),
    version  bigint  not null
);
insert into settlement_facts_version (version) values (nextval('settlement_facts_version_seq'));

create function settlement_facts_changed() returns trigger language plpgsql as $$
begin
    update settlement_facts_version set version = nextval('settlement_facts_version_seq');
    return null;
end $$;

do $$
declare
    fact_table text;
begin
    foreach fact_table in array array['person', 'person_identity', 'chronic_recognition', 'family_doctor_contract',
                                       'mutual_aid_binding', 'xr_filing', 'region'] loop
        execute format('create trigger settlement_facts_changed after insert or update or delete or truncate on %I '
                       'for each statement execute function settlement_facts_changed()', fact_table);
    end loop;
end $$;
create trigger settlement_facts_changed after insert or update of psn_no or delete or truncate on personal_account
    for each statement execute function settlement_facts_changed();
