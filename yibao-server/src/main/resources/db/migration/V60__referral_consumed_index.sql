-- Settlement reads the referral a visit consumed together with the visit (R-INS-5): by key, not by scan.
create index referral_consumed_by on referral (consumed_by_mdtrt_id) where consumed_by_mdtrt_id is not null;
