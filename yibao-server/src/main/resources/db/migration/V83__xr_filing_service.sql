-- Cross-region filings (异地就医备案, R-XR-1) filed, changed and cancelled through insured.CrossRegionFilings.
-- Who recorded a filing, why it was cancelled, which filing a change replaced, and the referral (2501)
-- a hospital's filing came with; a change cancels the old row and points both ways.
alter table xr_filing add column recorded_by  varchar(64);
alter table xr_filing add column cancel_memo  varchar(200);
alter table xr_filing add column replaces_id  bigint references xr_filing (id);
alter table xr_filing add column referral_sn  varchar(30);
create index xr_filing_referral on xr_filing (referral_sn) where referral_sn is not null;
-- R-XR-1: one long-term filing (open-ended) in force per person at a time; the service checks it first
-- with a clear message, this keeps it true under any path.
create unique index xr_filing_one_long_term on xr_filing (psn_no) where end_date is null and cancelled_at is null;
