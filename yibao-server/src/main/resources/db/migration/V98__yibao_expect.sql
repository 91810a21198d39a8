-- An expectation inside a statement: raises serialization_failure (40001) when the condition is not true. A
-- national-interface call that computed its answer from what the platform remembers of a visit (rather than
-- from a read in a round trip of its own) sends its writes behind statements that check, under the visit's
-- lock, that the visit is still as remembered; when it is not, the whole call is rolled back and the gateway
-- runs it again on the reading path, as it does after any serialization failure.
-- yibao_check (V94) and yibao_expect differ only in the SQLSTATE raised: both call yibao_assert.
create function yibao_assert(ok boolean, message text, sqlstate text) returns boolean
    language plpgsql as
$$
begin
    if ok is not true then
        raise exception '%', message using errcode = sqlstate;
    end if;
    return true;
end
$$;

create or replace function yibao_check(ok boolean, message text) returns boolean
    language sql as 'select yibao_assert(ok, message, ''P0001'')';

create function yibao_expect(ok boolean, message text) returns boolean
    language sql as 'select yibao_assert(ok, message, ''40001'')';
