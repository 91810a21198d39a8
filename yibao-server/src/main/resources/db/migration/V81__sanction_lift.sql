-- Lifting a sanction early (R-INST-4): a rectification accepted as done before its deadline, or a
-- suspension ended early (or withdrawn before it began). The decided period stays as it was decided;
-- lifted_from is the first day on which the sanction no longer applies. A termination is not lifted:
-- the institution applies for a new agreement.
alter table sanction
    add column lifted_from  date,
    add column lift_reason  varchar(500),
    add column lifted_by    varchar(64),
    add column lifted_at    timestamptz,
    add constraint sanction_lift_complete check ((lifted_from is null) = (lift_reason is null)
        and (lifted_from is null) = (lifted_by is null) and (lifted_from is null) = (lifted_at is null)),
    add constraint sanction_lift_kind check (lifted_from is null or kind <> 'TERMINATION'),
    add constraint sanction_lift_period check (lifted_from is null or lifted_from between start_date and end_date);
