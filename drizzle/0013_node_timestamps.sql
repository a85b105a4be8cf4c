ALTER TABLE "operators" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "api_credentials" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "ip_access_rules" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "custom_tables" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "custom_tables" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "equipment_logins" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "radcheck" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "radcheck" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "radreply" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "radreply" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "radusergroup" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "radusergroup" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "radacct" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "radacct" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
-- createdAt/updatedAt on every GraphQL Node (src/sync/stamped.ts): the tables above join the
-- change-tracked ones in keeping `updated_at` by trigger, so every write path moves it. Rows
-- that existed before this migration report its time, except invoice lines, which take their
-- invoice's (they are written with it).
--
-- touch_updated_at now also ignores `last_used_at` (a credential's use is a record of a
-- request, not an edit, as a staff user's last login) and any columns named as the trigger's
-- arguments (an operator's next invoice serial moves with every invoice).
update "invoice_lines" l set "created_at" = i."created_at", "updated_at" = i."created_at" from "invoices" i where i."id" = l."invoice_id";
--> statement-breakpoint
create or replace function touch_updated_at()
returns trigger
language plpgsql
as $$
begin
  if new.updated_at is not distinct from old.updated_at
    and (to_jsonb(new) - 'updated_at' - 'last_login_at' - 'last_used_at' - coalesce(tg_argv, '{}'::text[]))
      is distinct from (to_jsonb(old) - 'updated_at' - 'last_login_at' - 'last_used_at' - coalesce(tg_argv, '{}'::text[]))
  then
    new.updated_at := now();
  end if;
  return new;
end;
$$;
--> statement-breakpoint
create trigger operators_touch_updated_at before update on "operators" for each row execute function touch_updated_at('invoicing_id_next');
--> statement-breakpoint
create trigger api_credentials_touch_updated_at before update on "api_credentials" for each row execute function touch_updated_at();
--> statement-breakpoint
create trigger api_tokens_touch_updated_at before update on "api_tokens" for each row execute function touch_updated_at();
--> statement-breakpoint
create trigger ip_access_rules_touch_updated_at before update on "ip_access_rules" for each row execute function touch_updated_at();
--> statement-breakpoint
create trigger custom_tables_touch_updated_at before update on "custom_tables" for each row execute function touch_updated_at();
--> statement-breakpoint
create trigger invoice_lines_touch_updated_at before update on "invoice_lines" for each row execute function touch_updated_at();
--> statement-breakpoint
create trigger equipment_logins_touch_updated_at before update on "equipment_logins" for each row execute function touch_updated_at();
--> statement-breakpoint
create trigger radcheck_touch_updated_at before update on "radcheck" for each row execute function touch_updated_at();
--> statement-breakpoint
create trigger radreply_touch_updated_at before update on "radreply" for each row execute function touch_updated_at();
--> statement-breakpoint
create trigger radusergroup_touch_updated_at before update on "radusergroup" for each row execute function touch_updated_at();
--> statement-breakpoint
create trigger radacct_touch_updated_at before update on "radacct" for each row execute function touch_updated_at();
