-- The balance check after an insert into ledger_entry summed the touched postings with a join the
-- planner could not estimate (a transition table has no statistics), so it scanned the whole ledger:
-- about a millisecond per settlement at a few thousand postings, growing with the ledger. The same
-- rule, now looked up per touched posting through the primary key (posting_id, line).
create or replace function ledger_entries_balance() returns trigger language plpgsql as $$
declare
    unbalanced bigint;
begin
    select n.posting_id into unbalanced
      from (select distinct posting_id from new_entries) n
     where (select sum(e.amount) from ledger_entry e where e.posting_id = n.posting_id) <> 0
     limit 1;
    if unbalanced is not null then
        raise exception 'ledger posting % does not balance', unbalanced;
    end if;
    return null;
end $$;
