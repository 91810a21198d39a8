-- The nightly upload-compliance run reads a day of fee lines and messages by their receipt time. Both
-- tables are written in receipt order, so a BRIN index (one summary per block range) finds the day as
-- well as a B-tree would, at a fraction of the cost on every insert: the settlement path writes ten
-- fee lines and three messages per visit.
drop index fsi_message_received;
drop index fee_line_uploaded;
create index fsi_message_received_brin on fsi_message using brin (received_at);
create index fee_line_uploaded_brin on fee_line using brin (uploaded_at);
