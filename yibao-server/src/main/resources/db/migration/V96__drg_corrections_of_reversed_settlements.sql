-- DRG corrections of settlements reversed after their month's run (R-PAY-2): a case of a month already run
-- whose settlement was reversed (2208/2305/2601) is, in the month's next corrections round, either withdrawn
-- (no settlement in force any more: its result becomes "no longer settled", reason REVERSED, and the DRG
-- adjustment it got is taken back) or paid again on the settlement the stay has now (settled again). The case
-- keeps its key (the run's setl_id); the settlement its result was worked out from is stored beside it.

-- The settlement in force the result was worked out from: the case's own setl_id, another one when the stay
-- was reversed and settled again, null when the stay has no settlement in force (the result "no longer
-- settled"). Every row stored before this migration was worked out from the case's own settlement.
alter table drg_correction_case add column current_setl_id varchar(30);
update drg_correction_case set current_setl_id = setl_id;
alter table drg_correction_case add check (current_setl_id is not null or reason = 'REVERSED');

-- The difference is what the round adds to the DRG adjustment posted for the case (the item-based fund payment
-- follows the settlement and its reversal): new adjustment − the adjustment of the result it replaces. For a
-- correction of the case record on the same settlement this equals the change of the DRG fund payment, as the
-- rows stored before this migration have it.
alter table drg_correction_case add column previous_adjustment numeric(16,2);
update drg_correction_case set previous_adjustment = previous_drg_fund_pay - item_fund_pay;
alter table drg_correction_case alter column previous_adjustment set not null;
-- V93's checks were named by PostgreSQL (the one LIKE copied from drg_payment_case comes first): found by what they say.
do $$
declare
    c record;
    dropped integer := 0;
begin
    for c in select conname from pg_constraint where conrelid = 'drg_correction_case'::regclass and contype = 'c'
                 and (pg_get_constraintdef(oid) like '%difference = (drg_fund_pay - previous_drg_fund_pay)%'
                      or pg_get_constraintdef(oid) = 'CHECK ((case_record_msgid IS NOT NULL))') loop
        execute format('alter table drg_correction_case drop constraint %I', c.conname);
        dropped := dropped + 1;
    end loop;
    if dropped <> 2 then
        raise exception 'expected V93''s two checks of drg_correction_case, found %', dropped;
    end if;
end
$$;
alter table drg_correction_case add check (difference = adjustment - previous_adjustment);
-- A withdrawn stay may have had no case record.
alter table drg_correction_case add check (case_record_msgid is not null or current_setl_id is distinct from setl_id);

-- A stay belongs to the month whose run paid it first: a later month's run leaves it (a settlement again after
-- a reversal is paid in that month's corrections round, not a second time), which it looks up by stay.
create index drg_payment_case_visit on drg_payment_case (mdtrt_id);
