-- Rules the database enforces itself, beyond what the table definitions express.

-- Reseller wallet ledger is append-only (src/resellers/wallet-transaction.table.ts).
-- A correction is a new `adj` row, never an edit. Two changes still have to pass, because
-- PostgreSQL makes them itself while running a foreign-key action (so they arrive nested inside
-- the referential-integrity trigger, pg_trigger_depth() > 1):
--   * ON DELETE SET NULL of service_id / created_by_staff_id when a subscription or staff user
--     is deleted: only those columns may change, and only to null;
--   * ON DELETE CASCADE from operators when a whole tenant is removed: the operator row is
--     already gone when its ledger rows are deleted.
-- Anything else raises. Idempotent; PostgreSQL 15 and PGlite.
create or replace function reseller_wallet_transactions_append_only()
returns trigger
language plpgsql
as $$
begin
  if tg_op = 'UPDATE' then
    if pg_trigger_depth() > 1
      and (to_jsonb(new) - 'service_id' - 'created_by_staff_id')
        = (to_jsonb(old) - 'service_id' - 'created_by_staff_id')
      and (new.service_id is null or new.service_id = old.service_id)
      and (new.created_by_staff_id is null or new.created_by_staff_id = old.created_by_staff_id)
    then
      return new;
    end if;
  elsif tg_op = 'DELETE' then
    if pg_trigger_depth() > 1
      and not exists (select 1 from operators o where o.id = old.operator_id)
    then
      return old;
    end if;
  end if;
  raise exception 'reseller_wallet_transactions is append-only: % of row % refused', tg_op, old.id
    using errcode = 'restrict_violation',
          hint = 'Record a correction as a new adj transaction.';
end;
$$;
--> statement-breakpoint
drop trigger if exists reseller_wallet_transactions_append_only on reseller_wallet_transactions;
--> statement-breakpoint
create trigger reseller_wallet_transactions_append_only
  before update or delete on reseller_wallet_transactions
  for each row execute function reseller_wallet_transactions_append_only();
--> statement-breakpoint
-- FreeRADIUS writes accounting rows with its stock queries, which know nothing of tenants.
-- Attribute each new session to the customer (and so the operator) that owns the RADIUS
-- username; radius_accounts.username is unique across operators, so the match is unambiguous.
create or replace function radacct_attribute_owner()
returns trigger
language plpgsql
as $$
begin
  if new.customer_id is null or new.operator_id is null then
    select ra.customer_id, ra.operator_id
      into new.customer_id, new.operator_id
      from radius_accounts ra
     where ra.username = new.username;
  end if;
  return new;
end;
$$;
--> statement-breakpoint
drop trigger if exists radacct_attribute_owner on radacct;
--> statement-breakpoint
create trigger radacct_attribute_owner
  before insert on radacct
  for each row execute function radacct_attribute_owner();
