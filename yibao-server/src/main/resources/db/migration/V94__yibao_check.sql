-- An assertion inside a statement: raises the message when the condition is not true. A settlement's statement
-- checks with it that every personal account it moves exists, so the statement can be sent with the call's
-- reply row and commit in one round trip (DeferredWrites) and still fail, rolling everything back, when not.
create function yibao_check(ok boolean, message text) returns boolean
    language plpgsql as
$$
begin
    if ok is not true then
        raise exception '%', message using errcode = 'P0001';
    end if;
    return true;
end
$$;
