-- A settlement marks its fee lines (fee_line.setl_id). That update was never a HOT update (heap-only tuple:
-- the new row version on the same page, no new index entries), for two reasons:
-- - the partial index fee_line_unsettled has setl_id in its predicate, so every marked line took a new entry
--   in the primary key as well as its new row version. That index also cost an entry per uploaded line. Its
--   readers (a visit's unsettled lines) find them by the primary key, whose first column is mdtrt_id.
-- - a visit's lines fill their page, so a new version found no room beside the old one. New pages now keep
--   30 % of their room (about a visit's ten lines) for them.
drop index fee_line_unsettled;
alter table fee_line set (fillfactor = 70);
