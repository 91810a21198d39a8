-- One agreement per institution and start date, counting only agreements that were ever in force: a
-- renewal terminated before its first day (terminated_from = start_date, when the agreement before it
-- was terminated) must not stop the institution from applying again for the same period. Before this
-- index, such an application passed the overlap check and then failed on the unique index (HTTP 500).
drop index agreement_start;
create unique index agreement_start on agreement (fixmedins_code, start_date)
    where not (status = 'TERMINATED' and terminated_from = start_date);
