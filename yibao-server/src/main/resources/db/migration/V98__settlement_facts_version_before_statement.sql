-- The facts' version (V97) moves before each statement that writes a fact table, no longer after it.
--
-- After the statement, a writer already held the rows it had written when it asked for the version row. So two writers
-- whose rows crossed deadlocked: A (version row held since its first statement) waited for a row B had just written,
-- while B, holding that row, waited for the version row (SettlementFactsVersionTest). Before the statement, a writer
-- takes the version row before any row of its own statement, so B waits for A with nothing locked, and A goes on.
-- What a reader sees is unchanged: the version still moves in the writer's transaction, with its rows.
do $$
declare
    fact_table text;
begin
    for fact_table in select c.relname from pg_trigger t join pg_class c on c.oid = t.tgrelid
                      where t.tgname = 'settlement_facts_changed' and c.relname <> 'personal_account' loop
        execute format('drop trigger settlement_facts_changed on %I', fact_table);
        execute format('create trigger settlement_facts_changed before insert or update or delete or truncate on %I '
                       'for each statement execute function settlement_facts_changed()', fact_table);
    end loop;
end $$;
drop trigger settlement_facts_changed on personal_account;
create trigger settlement_facts_changed before insert or update of psn_no or delete or truncate on personal_account
    for each statement execute function settlement_facts_changed();
