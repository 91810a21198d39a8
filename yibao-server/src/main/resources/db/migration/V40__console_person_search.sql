-- Staff console: search-as-you-type on insured persons by name, psn_no or certno prefix (R-REF-2).
-- The existing indexes serve equality; LIKE 'prefix%' can only use a btree built with the pattern
-- operator class when the database collation is not C, so these make the prefix search indexed
-- whatever locale the database was created with (the demo has 100,000 persons, a province millions).
create index person_name_prefix on person (name text_pattern_ops) where valid_to is null;
create index person_psn_no_prefix on person (psn_no text_pattern_ops) where valid_to is null;
create index person_certno_prefix on person (certno text_pattern_ops) where valid_to is null;
