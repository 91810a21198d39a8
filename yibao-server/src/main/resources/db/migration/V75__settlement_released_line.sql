-- A reversal releases its settlement's fee lines (fee_line.setl_id back to null) so that they can be
-- settled again; which lines the reversed settlement covered is kept here, so that the settlement and
-- its reversal still show their lines (and supervision can still point at them). The normal settlement
-- path writes nothing extra: a line's current settlement stays in fee_line.setl_id.
create table settlement_released_line (
    setl_id     varchar(30) not null references settlement (setl_id),
    mdtrt_id    varchar(30) not null,
    feedetl_sn  varchar(30) not null,
    primary key (setl_id, mdtrt_id, feedetl_sn),
    foreign key (mdtrt_id, feedetl_sn) references fee_line (mdtrt_id, feedetl_sn)
);

-- Every settlement's fee lines, whether still settled by it or released by its reversal.
create view settlement_fee_line as
    select setl_id, mdtrt_id, feedetl_sn from fee_line where setl_id is not null
    union all
    select setl_id, mdtrt_id, feedetl_sn from settlement_released_line;
