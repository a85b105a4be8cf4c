CREATE TYPE "public"."staff_role" AS ENUM('admin', 'manager', 'staff', 'collector', 'installer', 'api');--> statement-breakpoint
CREATE TYPE "public"."api_credential_kind" AS ENUM('simpler', 'crm');--> statement-breakpoint
CREATE TYPE "public"."audit_surface" AS ENUM('graphql', 'soap', 'rest', 'jaze', 'crm', 'm4', 'cli', 'seed', 'worker');--> statement-breakpoint
CREATE TYPE "public"."access_state" AS ENUM('active', 'pending', 'pending_approval', 'rejected', 'expired', 'blocked', 'blacklisted', 'suspended', 'terminated', 'deleted');--> statement-breakpoint
CREATE TYPE "public"."customer_account_type" AS ENUM('customer_business', 'customer_home', 'reseller', 'partner', 'supplier', 'competitor', 'gov');--> statement-breakpoint
CREATE TYPE "public"."invoice_send_method" AS ENUM('mail', 'pdf', 'both', 'none');--> statement-breakpoint
CREATE TYPE "public"."ip_type" AS ENUM('public', 'private');--> statement-breakpoint
CREATE TYPE "public"."monitor_mode" AS ENUM('monitor', 'no_monitor', 'monitor_sms', 'monitor_no_alert');--> statement-breakpoint
CREATE TYPE "public"."payment_method" AS ENUM('cash', 'cheque', 'credit_card', 'debit_card', 'direct_debit', 'online_transfer', 'standing_order');--> statement-breakpoint
CREATE TYPE "public"."referral_fee_status" AS ENUM('no_fee', 'due', 'pre_paid', 'paid');--> statement-breakpoint
CREATE TYPE "public"."tax_mode" AS ENUM('default', 'fixed', 'multi');--> statement-breakpoint
CREATE TYPE "public"."sand_status" AS ENUM('override', 'default', 'off', 'deferred');--> statement-breakpoint
CREATE TYPE "public"."sales_role" AS ENUM('value_added_reseller', 'master_agent', 'regional_sales_manager', 'salesman');--> statement-breakpoint
CREATE TYPE "public"."custom_field_scope" AS ENUM('customer', 'equipment', 'customer_custom_table');--> statement-breakpoint
CREATE TYPE "public"."custom_field_type" AS ENUM('textfield', 'textarea', 'number', 'date', 'checkbox', 'select');--> statement-breakpoint
CREATE TYPE "public"."service_account_kind" AS ENUM('voip', 'email', 'ftp');--> statement-breakpoint
CREATE TYPE "public"."assignment_purpose" AS ENUM('management', 'collection');--> statement-breakpoint
CREATE TYPE "public"."plan_connectivity" AS ENUM('wireless', 'fibre', 'hotspot');--> statement-breakpoint
CREATE TYPE "public"."plan_kind" AS ENUM('service', 'fee', 'hardware');--> statement-breakpoint
CREATE TYPE "public"."plan_period_unit" AS ENUM('day', 'month', 'year');--> statement-breakpoint
CREATE TYPE "public"."plan_protocol" AS ENUM('pppoe', 'ipoe', 'leased_line');--> statement-breakpoint
CREATE TYPE "public"."bank_account_type" AS ENUM('checking', 'savings', 'default');--> statement-breakpoint
CREATE TYPE "public"."sepa_sequence_type" AS ENUM('frst', 'rcur', 'ooff', 'fnal', 'na');--> statement-breakpoint
CREATE TYPE "public"."billing_issue_status" AS ENUM('open', 'closed');--> statement-breakpoint
CREATE TYPE "public"."credit_card_type" AS ENUM('visa', 'mastercard', 'american_express', 'discover', 'other');--> statement-breakpoint
CREATE TYPE "public"."invoice_kind" AS ENUM('new', 'recurring', 'manual');--> statement-breakpoint
CREATE TYPE "public"."invoice_status" AS ENUM('open', 'partially_paid', 'paid', 'void');--> statement-breakpoint
CREATE TYPE "public"."payment_collection_method" AS ENUM('cash', 'cheque', 'credit_card', 'debit_card');--> statement-breakpoint
CREATE TYPE "public"."payment_collection_status" AS ENUM('requested', 'cash_collected', 'not_available', 'already_paid', 'approved', 'disapproved');--> statement-breakpoint
CREATE TYPE "public"."plan_change_timing" AS ENUM('immediately', 'previous_billing_cycle', 'next_billing_cycle', 'custom_date');--> statement-breakpoint
CREATE TYPE "public"."subscription_rounding" AS ENUM('default', 'up', 'down', 'arithmetic');--> statement-breakpoint
CREATE TYPE "public"."subscription_type" AS ENUM('recurring', 'overage', 'reconnection');--> statement-breakpoint
CREATE TYPE "public"."reseller_invoice_by" AS ENUM('isp', 'reseller');--> statement-breakpoint
CREATE TYPE "public"."reseller_payment_by" AS ENUM('isp', 'reseller', 'isp_and_reseller');--> statement-breakpoint
CREATE TYPE "public"."reseller_type" AS ENUM('reseller', 'franchisee');--> statement-breakpoint
CREATE TYPE "public"."wallet_txn_code" AS ENUM('invoice', 'payment', 'topup', 'settlement', 'adj');--> statement-breakpoint
CREATE TYPE "public"."interface_role" AS ENUM('canopy', 'public', 'customer', 'private');--> statement-breakpoint
CREATE TYPE "public"."site_maintenance_interval" AS ENUM('none', 'quarterly', 'semi_annually', 'annually');--> statement-breakpoint
CREATE TYPE "public"."site_status" AS ENUM('potential', 'production', 'decommissioned', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."site_type" AS ENUM('network', 'warehouse', 'installer');--> statement-breakpoint
CREATE TYPE "public"."tower_type" AS ENUM('building', 'grain', 'guided_tower', 'lattice', 'monopole', 'pole', 'water_tower');--> statement-breakpoint
CREATE TYPE "public"."equipment_status" AS ENUM('stock', 'use');--> statement-breakpoint
CREATE TYPE "public"."override_reset" AS ENUM('always', 'data', 'upload_download');--> statement-breakpoint
CREATE TYPE "public"."override_reset_every" AS ENUM('daily', 'weekly', 'monthly', 'never', 'billing');--> statement-breakpoint
CREATE TYPE "public"."override_reset_unit" AS ENUM('mb', 'gb');--> statement-breakpoint
CREATE TYPE "public"."radius_attribute_kind" AS ENUM('check', 'reply');--> statement-breakpoint
CREATE TYPE "public"."maintenance_status" AS ENUM('open', 'closed', 'waiting_for_customer');--> statement-breakpoint
CREATE TYPE "public"."installer_tracking_status" AS ENUM('open', 'paid');--> statement-breakpoint
CREATE TYPE "public"."message_channel" AS ENUM('sms', 'email');--> statement-breakpoint
CREATE TYPE "public"."attachment_right" AS ENUM('billing_information', 'maintenance', 'network_information', 'sales_tracking');--> statement-breakpoint
CREATE TYPE "public"."background_job_status" AS ENUM('queued', 'running', 'succeeded', 'failed');--> statement-breakpoint
CREATE TABLE "operators" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "operators_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"name" text NOT NULL,
	"currency" char(3) DEFAULT 'EUR' NOT NULL,
	"timezone" text DEFAULT 'UTC' NOT NULL,
	"api_enabled" boolean DEFAULT true NOT NULL,
	"api_get_enabled" boolean DEFAULT true NOT NULL,
	"m4_api_secret" text,
	"invoicing_id_prefix" text DEFAULT '' NOT NULL,
	"invoicing_id_next" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "staff_users" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "staff_users_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"email" text,
	"phone" text,
	"role" "staff_role" DEFAULT 'staff' NOT NULL,
	"password_hash" text,
	"show_only_assigned_customers" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_login_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "api_credentials" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "api_credentials_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"staff_user_id" integer NOT NULL,
	"kind" "api_credential_kind" NOT NULL,
	"identifier" text NOT NULL,
	"secret_hash" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "api_tokens_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"staff_user_id" integer NOT NULL,
	"label" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "ip_access_rules" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "ip_access_rules_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"api_credential_id" integer,
	"network" "cidr" NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"staff_user_id" integer,
	"surface" "audit_surface" NOT NULL,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" integer,
	"changes" jsonb,
	"request_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "customers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"name" text NOT NULL,
	"nickname" text NOT NULL,
	"invoicing_id" text NOT NULL,
	"company_name" text,
	"account_type" "customer_account_type" DEFAULT 'customer_home' NOT NULL,
	"status" text DEFAULT 'potential' NOT NULL,
	"sub_status" text,
	"access_state" "access_state" DEFAULT 'active' NOT NULL,
	"customer_tracking" text,
	"importance" smallint,
	"folder" text,
	"order_number" text,
	"note" text,
	"private_note" text,
	"timezone" text,
	"init_date" date,
	"start_date" date,
	"install_date" date,
	"activated_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"phone" text,
	"alt_phone" text,
	"fax" text,
	"email" text,
	"accounts_email" text,
	"support_email" text,
	"website" text,
	"street1" text,
	"street2" text,
	"town" text,
	"county" text,
	"postcode" text,
	"state" text,
	"country" text,
	"install_street1" text,
	"install_street2" text,
	"install_town" text,
	"install_county" text,
	"install_postcode" text,
	"install_state" text,
	"installation_area" text,
	"latitude" numeric(9, 6),
	"longitude" numeric(9, 6),
	"area_id" integer,
	"street_id" integer,
	"building_id" integer,
	"portal_username" text,
	"portal_password_hash" text,
	"portal_terms_accepted" boolean DEFAULT false NOT NULL,
	"marketing_code" text,
	"marketing_emails" boolean DEFAULT false NOT NULL,
	"community_code_id" integer,
	"reference_text" text,
	"referrer_customer_id" integer,
	"referral_fee_status" "referral_fee_status",
	"referral_fee_amount" numeric(14, 2),
	"reseller_id" integer,
	"value_added_reseller_id" integer,
	"master_agent_id" integer,
	"regional_sales_manager_id" integer,
	"salesman_id" integer,
	"invoicing_enabled" boolean DEFAULT true NOT NULL,
	"billing_frequency_months" smallint DEFAULT 1 NOT NULL,
	"invoicing_day" smallint,
	"payment_method" "payment_method",
	"invoice_send_method" "invoice_send_method" DEFAULT 'pdf' NOT NULL,
	"send_receipt" boolean DEFAULT false NOT NULL,
	"credit_days" integer,
	"setup_fees" numeric(14, 2),
	"vat_exempt" boolean DEFAULT false NOT NULL,
	"vat_exemption_reference" text,
	"vat_exemption_date" date,
	"tax_zone_id" integer,
	"tax_mode" "tax_mode",
	"tax_rate" numeric(7, 4),
	"overage" numeric(14, 2),
	"overage_formula" text,
	"overage_id" integer,
	"free_service" boolean DEFAULT false NOT NULL,
	"service_plan_id" integer,
	"bucket_id" integer,
	"gateway_id" integer,
	"voip_enabled" boolean DEFAULT false NOT NULL,
	"monitor" "monitor_mode",
	"tcp_ports" text,
	"udp_ports" text,
	"p2p_allowed" boolean,
	"sites" text,
	"ip_type" "ip_type",
	"ip_count" smallint,
	"connection_limit" integer,
	"equipment_graphs" boolean DEFAULT false NOT NULL,
	"auto_provision_nat" boolean DEFAULT false NOT NULL,
	"auto_provision_radius_credentials" boolean DEFAULT false NOT NULL,
	"auto_provision_activate_cpe" boolean DEFAULT false NOT NULL,
	"auto_provision_radius_dynamic_ip" boolean DEFAULT false NOT NULL,
	"auto_provision_pppoe" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customers_nickname_check" CHECK ("customers"."nickname" ~ '^[A-Za-z0-9_]+$'),
	CONSTRAINT "customers_importance_check" CHECK ("customers"."importance" between 1 and 5),
	CONSTRAINT "customers_billing_frequency_check" CHECK ("customers"."billing_frequency_months" > 0)
);
--> statement-breakpoint
CREATE TABLE "customer_sand_settings" (
	"customer_id" integer PRIMARY KEY NOT NULL,
	"operator_id" integer NOT NULL,
	"invoice_status" "sand_status",
	"invoice_email_from" text,
	"invoice_email_bcc" text,
	"invoice_billing_issue_date" text,
	"invoice_email_date1" text,
	"invoice_email_date2" text,
	"invoice_disconnection_date" text,
	"invoice_throttling_date" text,
	"invoice_deferred_to" date,
	"lodgement_failure_email2" text,
	"lodgement_failure_email3" text,
	"lodgement_failure_disconnection" text,
	"traffic_limit_gb" integer,
	"traffic_status" "sand_status",
	"traffic_email_from" text,
	"traffic_email_to" text,
	"traffic_email_bcc" text,
	"traffic_email_threshold1" smallint,
	"traffic_email_threshold2" smallint,
	"traffic_disconnection_threshold" smallint,
	"traffic_overage_threshold" smallint,
	"traffic_do_not_prorate" smallint,
	"traffic_do_not_carry_overage" smallint,
	"traffic_deferred_to" date,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_contacts" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "customer_contacts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"customer_id" integer NOT NULL,
	"position" smallint DEFAULT 0 NOT NULL,
	"name" text NOT NULL,
	"phone" text,
	"role" text,
	"email" text
);
--> statement-breakpoint
CREATE TABLE "customer_notes" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "customer_notes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"customer_id" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"author_staff_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_statuses" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "customer_statuses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"name" text NOT NULL,
	"label" text NOT NULL,
	"sub_status_label" text,
	"sub_status_default" text,
	"position" smallint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_sub_statuses" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "customer_sub_statuses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"status_id" integer NOT NULL,
	"value" text NOT NULL,
	"position" smallint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_subaccounts" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "customer_subaccounts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"master_customer_id" integer NOT NULL,
	"sub_customer_id" integer NOT NULL,
	"master_display_subaccount_invoices" boolean DEFAULT false NOT NULL,
	"master_display_subaccount_usage" boolean DEFAULT false NOT NULL,
	"subaccount_display_master_invoices" boolean DEFAULT false NOT NULL,
	"sync_customer_status" boolean DEFAULT false NOT NULL,
	"sync_usage_allowance" boolean DEFAULT false NOT NULL,
	"master_allow_portal_relogin" boolean DEFAULT false NOT NULL,
	"invoice_from_master" boolean DEFAULT false NOT NULL,
	"invoice_from_master_prorate" smallint DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_subaccounts_not_self_check" CHECK ("customer_subaccounts"."master_customer_id" <> "customer_subaccounts"."sub_customer_id"),
	CONSTRAINT "customer_subaccounts_prorate_check" CHECK ("customer_subaccounts"."invoice_from_master_prorate" between 1 and 3)
);
--> statement-breakpoint
CREATE TABLE "community_codes" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "community_codes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sales_people" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "sales_people_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"role" "sales_role" NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"phone" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "custom_field_values" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "custom_field_values_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"field_id" integer NOT NULL,
	"customer_id" integer,
	"equipment_id" integer,
	"value" text NOT NULL,
	CONSTRAINT "custom_field_values_one_owner_check" CHECK (num_nonnulls("custom_field_values"."customer_id", "custom_field_values"."equipment_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "custom_fields" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "custom_fields_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"scope" "custom_field_scope" NOT NULL,
	"custom_table_id" integer,
	"label" text NOT NULL,
	"type" "custom_field_type" DEFAULT 'textfield' NOT NULL,
	"options" text,
	"note" text,
	"max_length" integer,
	"default_value" text,
	"mandatory" boolean DEFAULT false NOT NULL,
	"locked" boolean DEFAULT false NOT NULL,
	"position" smallint DEFAULT 0 NOT NULL,
	CONSTRAINT "custom_fields_table_scope_check" CHECK (("custom_fields"."scope" = 'customer_custom_table') = ("custom_fields"."custom_table_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "custom_table_cells" (
	"row_id" integer NOT NULL,
	"column_id" integer NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "custom_table_rows" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "custom_table_rows_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"table_id" integer NOT NULL,
	"customer_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "custom_tables" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "custom_tables_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_group_members" (
	"group_id" integer NOT NULL,
	"customer_id" integer NOT NULL,
	CONSTRAINT "customer_group_members_group_id_customer_id_pk" PRIMARY KEY("group_id","customer_id")
);
--> statement-breakpoint
CREATE TABLE "customer_groups" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "customer_groups_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_accounts" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "service_accounts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"customer_id" integer NOT NULL,
	"kind" "service_account_kind" NOT NULL,
	"username" text NOT NULL,
	"address" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_customer_assignments" (
	"operator_id" integer NOT NULL,
	"staff_user_id" integer NOT NULL,
	"customer_id" integer NOT NULL,
	"purpose" "assignment_purpose" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_customer_assignments_staff_user_id_customer_id_purpose_pk" PRIMARY KEY("staff_user_id","customer_id","purpose")
);
--> statement-breakpoint
CREATE TABLE "bandwidth_templates" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "bandwidth_templates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"name" text NOT NULL,
	"download_kbps" integer NOT NULL,
	"upload_kbps" integer NOT NULL,
	"mikrotik_rate_limit" text,
	"burst_download_kbps" integer,
	"burst_upload_kbps" integer,
	"burst_threshold_download_kbps" integer,
	"burst_threshold_upload_kbps" integer,
	"burst_time_seconds" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bandwidth_templates_rates_check" CHECK ("bandwidth_templates"."download_kbps" >= 0 and "bandwidth_templates"."upload_kbps" >= 0),
	CONSTRAINT "bandwidth_templates_burst_check" CHECK (coalesce("bandwidth_templates"."burst_download_kbps", 0) >= 0 and coalesce("bandwidth_templates"."burst_upload_kbps", 0) >= 0
        and coalesce("bandwidth_templates"."burst_threshold_download_kbps", 0) >= 0 and coalesce("bandwidth_templates"."burst_threshold_upload_kbps", 0) >= 0
        and coalesce("bandwidth_templates"."burst_time_seconds", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "buckets" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "buckets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"name" text NOT NULL,
	"traffic_limit_gb" numeric(12, 3),
	"radius_group" text,
	"bandwidth_template_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "buckets_traffic_limit_gb_check" CHECK ("buckets"."traffic_limit_gb" is null or "buckets"."traffic_limit_gb" >= 0)
);
--> statement-breakpoint
CREATE TABLE "overage_allowances" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "overage_allowances_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"customer_id" integer NOT NULL,
	"traffic_limit_gb" numeric(12, 3) NOT NULL,
	"used_gb" numeric(12, 3),
	"method" text,
	"invoice_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "overage_allowances_traffic_limit_gb_check" CHECK ("overage_allowances"."traffic_limit_gb" >= 0),
	CONSTRAINT "overage_allowances_used_gb_check" CHECK ("overage_allowances"."used_gb" is null or "overage_allowances"."used_gb" >= 0)
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "plans_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"reseller_id" integer,
	"kind" "plan_kind" DEFAULT 'service' NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"protocol" "plan_protocol",
	"connectivity" "plan_connectivity",
	"period" integer,
	"period_unit" "plan_period_unit",
	"location_code" text,
	"sub_location_code" text,
	"enabled" boolean DEFAULT true NOT NULL,
	"data_carryover" boolean DEFAULT false NOT NULL,
	"hide_bandwidth_limit" boolean DEFAULT false NOT NULL,
	"limit1_gb" numeric(12, 3),
	"bw1_download_kbps" integer,
	"bw1_upload_kbps" integer,
	"bw2_download_kbps" integer,
	"bw2_upload_kbps" integer,
	"bandwidth_template_id" integer,
	"radius_group" text,
	"price" numeric(14, 2),
	"frequency_months" integer,
	"tax_rate" numeric(7, 4),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plans_period_check" CHECK ("plans"."period" is null or "plans"."period" > 0),
	CONSTRAINT "plans_frequency_months_check" CHECK ("plans"."frequency_months" is null or "plans"."frequency_months" > 0),
	CONSTRAINT "plans_limit1_gb_check" CHECK ("plans"."limit1_gb" is null or "plans"."limit1_gb" >= 0),
	CONSTRAINT "plans_bandwidth_check" CHECK (coalesce("plans"."bw1_download_kbps", 0) >= 0 and coalesce("plans"."bw1_upload_kbps", 0) >= 0
        and coalesce("plans"."bw2_download_kbps", 0) >= 0 and coalesce("plans"."bw2_upload_kbps", 0) >= 0),
	CONSTRAINT "plans_tax_rate_check" CHECK ("plans"."tax_rate" is null or ("plans"."tax_rate" >= 0 and "plans"."tax_rate" <= 100))
);
--> statement-breakpoint
CREATE TABLE "sub_plans" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "sub_plans_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"plan_id" integer NOT NULL,
	"name" text NOT NULL,
	"units" integer DEFAULT 1 NOT NULL,
	"price" numeric(14, 2) NOT NULL,
	"portal" boolean DEFAULT false NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sub_plans_units_check" CHECK ("sub_plans"."units" > 0),
	CONSTRAINT "sub_plans_price_check" CHECK ("sub_plans"."price" >= 0)
);
--> statement-breakpoint
CREATE TABLE "tax_zones" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "tax_zones_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"name" text NOT NULL,
	"rate" numeric(7, 4) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tax_zones_rate_check" CHECK ("tax_zones"."rate" >= 0 and "tax_zones"."rate" <= 100)
);
--> statement-breakpoint
CREATE TABLE "bank_accounts" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "bank_accounts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"customer_id" integer NOT NULL,
	"token" text NOT NULL,
	"last4" char(4) NOT NULL,
	"sort_code" text,
	"online_ref" text,
	"account_name" text,
	"account_type" "bank_account_type" DEFAULT 'default' NOT NULL,
	"auto_payment" boolean DEFAULT false NOT NULL,
	"preferred" boolean DEFAULT false NOT NULL,
	"details_changed" boolean DEFAULT false NOT NULL,
	"module_id" integer,
	"sepa_sequence_type" "sepa_sequence_type",
	"sepa_bic" text,
	"iban_last4" char(4),
	"iban_country" char(2),
	"sepa_debtor_name" text,
	"sepa_country" text,
	"sepa_remittance_data" text,
	"sepa_signature_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bank_accounts_last4_check" CHECK ("bank_accounts"."last4" ~ '^[0-9]{4}$'),
	CONSTRAINT "bank_accounts_iban_last4_check" CHECK ("bank_accounts"."iban_last4" is null or "bank_accounts"."iban_last4" ~ '^[0-9A-Z]{4}$'),
	CONSTRAINT "bank_accounts_iban_country_check" CHECK ("bank_accounts"."iban_country" is null or "bank_accounts"."iban_country" ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
CREATE TABLE "billing_issues" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "billing_issues_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"customer_id" integer NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"status" "billing_issue_status" DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "billing_issues_closed_check" CHECK (("billing_issues"."status" = 'closed') = ("billing_issues"."closed_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "credit_cards" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "credit_cards_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"customer_id" integer NOT NULL,
	"token" text NOT NULL,
	"last4" char(4) NOT NULL,
	"module_id" integer NOT NULL,
	"exp_month" smallint,
	"exp_year" smallint,
	"card_type" "credit_card_type",
	"auto_payment" boolean DEFAULT false NOT NULL,
	"preferred" boolean DEFAULT false NOT NULL,
	"holder_name" text,
	"first_name" text,
	"last_name" text,
	"street1" text,
	"street2" text,
	"city" text,
	"county" text,
	"zip" text,
	"state" text,
	"country" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "credit_cards_last4_check" CHECK ("credit_cards"."last4" ~ '^[0-9]{4}$'),
	CONSTRAINT "credit_cards_exp_month_check" CHECK ("credit_cards"."exp_month" is null or "credit_cards"."exp_month" between 1 and 12),
	CONSTRAINT "credit_cards_exp_year_check" CHECK ("credit_cards"."exp_year" is null or "credit_cards"."exp_year" between 2000 and 2999)
);
--> statement-breakpoint
CREATE TABLE "grace_periods" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "grace_periods_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"customer_id" integer NOT NULL,
	"days" integer NOT NULL,
	"previous_expires_at" timestamp with time zone,
	"new_expires_at" timestamp with time zone NOT NULL,
	"created_by_staff_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grace_periods_days_check" CHECK ("grace_periods"."days" > 0)
);
--> statement-breakpoint
CREATE TABLE "invoice_lines" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "invoice_lines_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"invoice_id" integer NOT NULL,
	"subscription_id" integer,
	"description" text NOT NULL,
	"quantity" numeric(12, 4) DEFAULT '1' NOT NULL,
	"unit_price" numeric(14, 2) NOT NULL,
	"discount" numeric(7, 4) DEFAULT '0' NOT NULL,
	"tax_rate" numeric(7, 4) DEFAULT '0' NOT NULL,
	"net" numeric(14, 2) NOT NULL,
	"tax" numeric(14, 2) DEFAULT '0' NOT NULL,
	"total" numeric(14, 2) NOT NULL,
	CONSTRAINT "invoice_lines_total_check" CHECK ("invoice_lines"."total" = "invoice_lines"."net" + "invoice_lines"."tax"),
	CONSTRAINT "invoice_lines_discount_check" CHECK ("invoice_lines"."discount" >= 0 and "invoice_lines"."discount" <= 100),
	CONSTRAINT "invoice_lines_tax_rate_check" CHECK ("invoice_lines"."tax_rate" >= 0 and "invoice_lines"."tax_rate" <= 100)
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "invoices_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"number" integer NOT NULL,
	"customer_id" integer NOT NULL,
	"kind" "invoice_kind" NOT NULL,
	"status" "invoice_status" DEFAULT 'open' NOT NULL,
	"issue_date" date DEFAULT current_date NOT NULL,
	"due_date" date NOT NULL,
	"period_start" date,
	"period_end" date,
	"subtotal" numeric(14, 2) NOT NULL,
	"tax_total" numeric(14, 2) DEFAULT '0' NOT NULL,
	"total" numeric(14, 2) NOT NULL,
	"amount_paid" numeric(14, 2) DEFAULT '0' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoices_total_check" CHECK ("invoices"."total" = "invoices"."subtotal" + "invoices"."tax_total"),
	CONSTRAINT "invoices_amount_paid_check" CHECK ("invoices"."amount_paid" >= 0 and "invoices"."amount_paid" <= "invoices"."total"),
	CONSTRAINT "invoices_paid_status_check" CHECK ("invoices"."status" <> 'paid' or "invoices"."amount_paid" = "invoices"."total"),
	CONSTRAINT "invoices_partially_paid_status_check" CHECK ("invoices"."status" <> 'partially_paid' or ("invoices"."amount_paid" > 0 and "invoices"."amount_paid" < "invoices"."total")),
	CONSTRAINT "invoices_due_date_check" CHECK ("invoices"."due_date" >= "invoices"."issue_date"),
	CONSTRAINT "invoices_period_check" CHECK ("invoices"."period_start" is null or "invoices"."period_end" is null or "invoices"."period_end" >= "invoices"."period_start")
);
--> statement-breakpoint
CREATE TABLE "payment_collections" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "payment_collections_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"customer_id" integer NOT NULL,
	"status" "payment_collection_status" DEFAULT 'requested' NOT NULL,
	"amount" numeric(14, 2),
	"method" "payment_collection_method",
	"bank" text,
	"cheque_number" text,
	"cheque_date" date,
	"card_last4" char(4),
	"card_expiration" text,
	"notes" text,
	"bring_change_for" text,
	"collector_staff_id" integer,
	"decided_by_staff_id" integer,
	"decided_at" timestamp with time zone,
	"payment_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_collections_amount_check" CHECK ("payment_collections"."amount" is null or "payment_collections"."amount" > 0),
	CONSTRAINT "payment_collections_card_last4_check" CHECK ("payment_collections"."card_last4" is null or "payment_collections"."card_last4" ~ '^[0-9]{4}$'),
	CONSTRAINT "payment_collections_decided_check" CHECK (("payment_collections"."status" in ('approved', 'disapproved')) = ("payment_collections"."decided_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "payments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"customer_id" integer NOT NULL,
	"invoice_id" integer,
	"amount" numeric(14, 2) NOT NULL,
	"payment_date" date DEFAULT current_date NOT NULL,
	"method" "payment_method" NOT NULL,
	"narrative" text,
	"reference" text,
	"recorded_by_staff_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payments_amount_check" CHECK ("payments"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "plan_changes" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "plan_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"customer_id" integer NOT NULL,
	"from_plan_id" integer,
	"to_plan_id" integer NOT NULL,
	"timing" "plan_change_timing" NOT NULL,
	"effective_at" timestamp with time zone NOT NULL,
	"clear_data_usage" boolean DEFAULT false NOT NULL,
	"clear_policies" boolean DEFAULT false NOT NULL,
	"move_billing" boolean DEFAULT false NOT NULL,
	"applied_at" timestamp with time zone,
	"created_by_staff_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "renewals" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "renewals_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"customer_id" integer NOT NULL,
	"previous_plan_id" integer,
	"present_plan_id" integer,
	"renewal_period" text,
	"amount" numeric(14, 2) NOT NULL,
	"plan_rate" numeric(14, 2),
	"tax_amount" numeric(14, 2),
	"type" smallint,
	"order_id" integer,
	"order_active_until" timestamp with time zone,
	"active_since" date,
	"active_until" date,
	"notes" text,
	"performed_by" text,
	"deleted" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "renewals_amount_check" CHECK ("renewals"."amount" >= 0),
	CONSTRAINT "renewals_active_range_check" CHECK ("renewals"."active_since" is null or "renewals"."active_until" is null or "renewals"."active_until" >= "renewals"."active_since")
);
--> statement-breakpoint
CREATE TABLE "subscriptions" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "subscriptions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"customer_id" integer NOT NULL,
	"plan_id" integer NOT NULL,
	"sub_plan_id" integer,
	"type" "subscription_type" DEFAULT 'recurring' NOT NULL,
	"quantity" integer DEFAULT 1 NOT NULL,
	"discount" numeric(7, 4) DEFAULT '0' NOT NULL,
	"rounding" "subscription_rounding" DEFAULT 'default' NOT NULL,
	"premium" numeric(14, 2) DEFAULT '0' NOT NULL,
	"price" numeric(14, 2),
	"price_overridden" boolean DEFAULT false NOT NULL,
	"description" text,
	"description_overridden" boolean DEFAULT false NOT NULL,
	"valid_from" date DEFAULT current_date NOT NULL,
	"valid_to" date,
	"cycles" integer,
	"cycles_billed" integer DEFAULT 0 NOT NULL,
	"frequency_months" integer DEFAULT 1 NOT NULL,
	"tax_zone_id" integer,
	"tax_mode" "tax_mode" DEFAULT 'default' NOT NULL,
	"tax_rate" numeric(7, 4),
	"overage" numeric(14, 2),
	"formula" text,
	"overage_id" integer,
	"free_service" boolean DEFAULT false NOT NULL,
	"next_billing_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	CONSTRAINT "subscriptions_quantity_check" CHECK ("subscriptions"."quantity" > 0),
	CONSTRAINT "subscriptions_discount_check" CHECK ("subscriptions"."discount" >= 0 and "subscriptions"."discount" <= 100),
	CONSTRAINT "subscriptions_tax_rate_check" CHECK ("subscriptions"."tax_rate" is null or ("subscriptions"."tax_rate" >= 0 and "subscriptions"."tax_rate" <= 100)),
	CONSTRAINT "subscriptions_frequency_months_check" CHECK ("subscriptions"."frequency_months" > 0),
	CONSTRAINT "subscriptions_cycles_check" CHECK ("subscriptions"."cycles_billed" >= 0 and ("subscriptions"."cycles" is null or ("subscriptions"."cycles" > 0 and "subscriptions"."cycles_billed" <= "subscriptions"."cycles"))),
	CONSTRAINT "subscriptions_valid_range_check" CHECK ("subscriptions"."valid_to" is null or "subscriptions"."valid_to" >= "subscriptions"."valid_from"),
	CONSTRAINT "subscriptions_price_overridden_check" CHECK (not "subscriptions"."price_overridden" or "subscriptions"."price" is not null),
	CONSTRAINT "subscriptions_description_overridden_check" CHECK (not "subscriptions"."description_overridden" or "subscriptions"."description" is not null)
);
--> statement-breakpoint
CREATE TABLE "resellers" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "resellers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"type" "reseller_type" NOT NULL,
	"name" text NOT NULL,
	"code" text NOT NULL,
	"address" text,
	"mobile" text NOT NULL,
	"email" text NOT NULL,
	"state" text,
	"country" text,
	"invoice_by" "reseller_invoice_by" NOT NULL,
	"payment_by" "reseller_payment_by" NOT NULL,
	"commission_percent" numeric(7, 4),
	"credit_limit" numeric(14, 2),
	"wallet_balance" numeric(14, 2) DEFAULT '0' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "resellers_commission_percent_check" CHECK ("resellers"."commission_percent" is null or ("resellers"."commission_percent" >= 0 and "resellers"."commission_percent" <= 100)),
	CONSTRAINT "resellers_credit_limit_check" CHECK ("resellers"."credit_limit" is null or "resellers"."credit_limit" >= 0),
	CONSTRAINT "resellers_franchisee_terms_check" CHECK ("resellers"."type" <> 'franchisee' or ("resellers"."commission_percent" is not null and "resellers"."credit_limit" is not null))
);
--> statement-breakpoint
CREATE TABLE "reseller_wallet_transactions" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "reseller_wallet_transactions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"reseller_id" integer NOT NULL,
	"txn_code" "wallet_txn_code" NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"balance_after" numeric(14, 2) NOT NULL,
	"service_id" integer,
	"note" text,
	"created_by_staff_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reseller_wallet_transactions_amount_check" CHECK ("reseller_wallet_transactions"."amount" <> 0)
);
--> statement-breakpoint
CREATE TABLE "gateways" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "gateways_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"name" text NOT NULL,
	"wib_number" integer NOT NULL,
	"ip_address" "inet",
	"nas_ip_address" "inet",
	"coa_port" integer DEFAULT 3799 NOT NULL,
	"coa_secret" text,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gateways_coa_port_check" CHECK ("gateways"."coa_port" between 1 and 65535)
);
--> statement-breakpoint
CREATE TABLE "interfaces" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "interfaces_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"gateway_id" integer NOT NULL,
	"name" text NOT NULL,
	"role" "interface_role" NOT NULL,
	"label" text,
	"network" "cidr" NOT NULL,
	"gateway_address" "inet",
	"start_ip" "inet",
	"number_of_ips" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "interfaces_number_of_ips_check" CHECK ("interfaces"."number_of_ips" > 0),
	CONSTRAINT "interfaces_start_ip_in_network_check" CHECK ("interfaces"."start_ip" <<= "interfaces"."network"),
	CONSTRAINT "interfaces_gateway_address_in_network_check" CHECK ("interfaces"."gateway_address" <<= "interfaces"."network")
);
--> statement-breakpoint
CREATE TABLE "customer_ips" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "customer_ips_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"customer_id" integer NOT NULL,
	"ip" "inet",
	"mac" "macaddr",
	"mac_restrict" boolean DEFAULT false NOT NULL,
	"label" text,
	"is_public" boolean DEFAULT false NOT NULL,
	"dhcp_options" text,
	"radius_username" text,
	"gateway_id" integer,
	"interface_id" integer,
	"update_mac_on_portal_login" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_ips_ip_or_mac_check" CHECK ("customer_ips"."ip" is not null or "customer_ips"."mac" is not null)
);
--> statement-breakpoint
CREATE TABLE "sites" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "sites_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"name" text NOT NULL,
	"wib_number" integer,
	"contact_name" text,
	"access_info" text,
	"latitude" numeric(9, 6),
	"longitude" numeric(9, 6),
	"phone" text,
	"email" text,
	"access_hours" text,
	"maintenance_interval" "site_maintenance_interval" DEFAULT 'none' NOT NULL,
	"status" "site_status" DEFAULT 'potential' NOT NULL,
	"site_type" "site_type",
	"maintenance_enabled" boolean DEFAULT false NOT NULL,
	"frequency" numeric,
	"height" numeric,
	"min_stock_level" text,
	"common" text,
	"owner" text,
	"reference" text,
	"ml_duration" text,
	"tower_type" "tower_type",
	"sub_status" text,
	"po_number" text,
	"compliance_number" text,
	"height_allocation" text,
	"access_latitude" numeric(9, 6),
	"access_longitude" numeric(9, 6),
	"next_maintenance_date" date,
	"street1" text,
	"street2" text,
	"city" text,
	"county" text,
	"zip" text,
	"state" text,
	"country" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sites_latitude_check" CHECK ("sites"."latitude" between -90 and 90 and "sites"."access_latitude" between -90 and 90),
	CONSTRAINT "sites_longitude_check" CHECK ("sites"."longitude" between -180 and 180 and "sites"."access_longitude" between -180 and 180)
);
--> statement-breakpoint
CREATE TABLE "equipment" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "equipment_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"nickname" text NOT NULL,
	"ip_address" "inet",
	"description" text,
	"serial_number" text,
	"mac" "macaddr",
	"status" "equipment_status" DEFAULT 'stock' NOT NULL,
	"inv_details" text,
	"parent_id" integer,
	"type" text,
	"type_label" text,
	"snmp_community" text,
	"value" numeric(14, 2),
	"site_id" integer,
	"maint_email" text,
	"dhcp_options" text,
	"equipment_data" text,
	"supplier" text,
	"supplier_order_no" text,
	"receive_by" text,
	"receive_date" date,
	"internal_group_no" text,
	"port" text,
	"note" text,
	"imsi" text,
	"ki" text,
	"opcode" text,
	"msisdn" text,
	"sqn" text,
	"pin1" text,
	"pin2" text,
	"puk1" text,
	"adm1" text,
	"iccid" text,
	"date_added" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "equipment_not_own_parent_check" CHECK ("equipment"."parent_id" <> "equipment"."id")
);
--> statement-breakpoint
CREATE TABLE "equipment_logins" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "equipment_logins_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"equipment_id" integer NOT NULL,
	"username" text NOT NULL,
	"password" text,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cpes" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "cpes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"equipment_id" integer NOT NULL,
	"customer_id" integer NOT NULL,
	"latitude" numeric(9, 6),
	"longitude" numeric(9, 6),
	"distance" numeric,
	"colour" text,
	"frequency" text,
	"installed_by" text,
	"dish_installed" boolean DEFAULT false NOT NULL,
	"grounding_completed" boolean DEFAULT false NOT NULL,
	"additional_info" text[],
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cpes_latitude_check" CHECK ("cpes"."latitude" between -90 and 90),
	CONSTRAINT "cpes_longitude_check" CHECK ("cpes"."longitude" between -180 and 180)
);
--> statement-breakpoint
CREATE TABLE "basestations" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "basestations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"equipment_id" integer NOT NULL,
	"site_id" integer NOT NULL,
	"sector" text,
	"direction" text,
	"colour" text,
	"frequency" numeric,
	"installed" text,
	"note" text,
	"gateway_id" integer,
	"monitor" "monitor_mode" DEFAULT 'monitor' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "radcheck" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "radcheck_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"customer_id" integer NOT NULL,
	"username" text DEFAULT '' NOT NULL,
	"attribute" text DEFAULT '' NOT NULL,
	"op" varchar(2) DEFAULT '==' NOT NULL,
	"value" text DEFAULT '' NOT NULL,
	CONSTRAINT "radcheck_op_check" CHECK ("radcheck"."op" in ('=', ':=', '==', '+=', '!=', '>', '>=', '<', '<=', '=~', '!~', '=*', '!*'))
);
--> statement-breakpoint
CREATE TABLE "radreply" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "radreply_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"customer_id" integer NOT NULL,
	"username" text DEFAULT '' NOT NULL,
	"attribute" text DEFAULT '' NOT NULL,
	"op" varchar(2) DEFAULT '=' NOT NULL,
	"value" text DEFAULT '' NOT NULL,
	CONSTRAINT "radreply_op_check" CHECK ("radreply"."op" in ('=', ':=', '==', '+=', '!=', '>', '>=', '<', '<=', '=~', '!~', '=*', '!*'))
);
--> statement-breakpoint
CREATE TABLE "radgroupcheck" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "radgroupcheck_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"groupname" text DEFAULT '' NOT NULL,
	"attribute" text DEFAULT '' NOT NULL,
	"op" varchar(2) DEFAULT '==' NOT NULL,
	"value" text DEFAULT '' NOT NULL,
	CONSTRAINT "radgroupcheck_op_check" CHECK ("radgroupcheck"."op" in ('=', ':=', '==', '+=', '!=', '>', '>=', '<', '<=', '=~', '!~', '=*', '!*'))
);
--> statement-breakpoint
CREATE TABLE "radgroupreply" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "radgroupreply_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"groupname" text DEFAULT '' NOT NULL,
	"attribute" text DEFAULT '' NOT NULL,
	"op" varchar(2) DEFAULT '=' NOT NULL,
	"value" text DEFAULT '' NOT NULL,
	CONSTRAINT "radgroupreply_op_check" CHECK ("radgroupreply"."op" in ('=', ':=', '==', '+=', '!=', '>', '>=', '<', '<=', '=~', '!~', '=*', '!*'))
);
--> statement-breakpoint
CREATE TABLE "radusergroup" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "radusergroup_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"customer_id" integer NOT NULL,
	"username" text DEFAULT '' NOT NULL,
	"groupname" text DEFAULT '' NOT NULL,
	"priority" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "radacct" (
	"radacctid" bigint PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "radacct_radacctid_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"operator_id" integer,
	"customer_id" integer,
	"acctsessionid" text NOT NULL,
	"acctuniqueid" text NOT NULL,
	"username" text,
	"realm" text,
	"nasipaddress" "inet" NOT NULL,
	"nasportid" text,
	"nasporttype" text,
	"acctstarttime" timestamp with time zone,
	"acctupdatetime" timestamp with time zone,
	"acctstoptime" timestamp with time zone,
	"acctinterval" bigint,
	"acctsessiontime" bigint,
	"acctauthentic" text,
	"connectinfo_start" text,
	"connectinfo_stop" text,
	"acctinputoctets" bigint,
	"acctoutputoctets" bigint,
	"calledstationid" text,
	"callingstationid" text,
	"acctterminatecause" text,
	"servicetype" text,
	"framedprotocol" text,
	"framedipaddress" "inet",
	"framedipv6address" "inet",
	"framedipv6prefix" "inet",
	"framedinterfaceid" text,
	"delegatedipv6prefix" "inet",
	"class" text
);
--> statement-breakpoint
CREATE TABLE "nas" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "nas_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"nasname" text NOT NULL,
	"shortname" text NOT NULL,
	"type" text DEFAULT 'other' NOT NULL,
	"ports" integer,
	"secret" text NOT NULL,
	"server" text,
	"community" text,
	"description" text
);
--> statement-breakpoint
CREATE TABLE "radius_accounts" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "radius_accounts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"customer_id" integer NOT NULL,
	"username" text NOT NULL,
	"password" text,
	"priority" integer,
	"exclude_from_auto_group_from_bucket" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bandwidth_overrides" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "bandwidth_overrides_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"customer_id" integer NOT NULL,
	"restriction_on" boolean DEFAULT false NOT NULL,
	"reset" "override_reset",
	"reset_limit" numeric,
	"reset_unit" "override_reset_unit",
	"reset_every" "override_reset_every",
	"reset_every_value" smallint,
	"reset_every_day" smallint,
	"bandwidth_template_id" integer NOT NULL,
	"reset2" "override_reset",
	"bandwidth_template2_id" integer,
	"exclude_upload" boolean DEFAULT false NOT NULL,
	"carry_forward_previous_data" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bandwidth_overrides_reset_every_value_check" CHECK ("bandwidth_overrides"."reset_every_value" between 1 and 31),
	CONSTRAINT "bandwidth_overrides_reset_every_day_check" CHECK ("bandwidth_overrides"."reset_every_day" between 0 and 6),
	CONSTRAINT "bandwidth_overrides_reset2_check" CHECK ("bandwidth_overrides"."reset2" = 'always'),
	CONSTRAINT "bandwidth_overrides_reset_limit_check" CHECK ("bandwidth_overrides"."reset_limit" > 0),
	CONSTRAINT "bandwidth_overrides_reset_complete_check" CHECK ("bandwidth_overrides"."reset" is null or "bandwidth_overrides"."reset" = 'always' or ("bandwidth_overrides"."reset_limit" is not null and "bandwidth_overrides"."reset_unit" is not null and "bandwidth_overrides"."reset_every" is not null))
);
--> statement-breakpoint
CREATE TABLE "vendor_attribute_override_items" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "vendor_attribute_override_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"override_id" integer NOT NULL,
	"set" smallint DEFAULT 1 NOT NULL,
	"kind" "radius_attribute_kind" NOT NULL,
	"vendor" text NOT NULL,
	"attribute" text NOT NULL,
	"op" text NOT NULL,
	"value" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vendor_attribute_override_items_set_check" CHECK ("vendor_attribute_override_items"."set" in (1, 2)),
	CONSTRAINT "vendor_attribute_override_items_op_check" CHECK ("vendor_attribute_override_items"."op" in ('=', ':=', '==', '+=', '!=', '>', '>=', '<', '<=', '=~', '!~', '=*', '!*'))
);
--> statement-breakpoint
CREATE TABLE "vendor_attribute_overrides" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "vendor_attribute_overrides_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"customer_id" integer NOT NULL,
	"restriction_on" boolean DEFAULT false NOT NULL,
	"reset" "override_reset",
	"reset_limit" numeric,
	"reset_unit" "override_reset_unit",
	"reset_every" "override_reset_every",
	"reset_every_value" smallint,
	"reset_every_day" smallint,
	"reset2" "override_reset",
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vendor_attribute_overrides_reset_every_value_check" CHECK ("vendor_attribute_overrides"."reset_every_value" between 1 and 31),
	CONSTRAINT "vendor_attribute_overrides_reset_every_day_check" CHECK ("vendor_attribute_overrides"."reset_every_day" between 0 and 6),
	CONSTRAINT "vendor_attribute_overrides_reset2_check" CHECK ("vendor_attribute_overrides"."reset2" = 'always'),
	CONSTRAINT "vendor_attribute_overrides_reset_limit_check" CHECK ("vendor_attribute_overrides"."reset_limit" > 0),
	CONSTRAINT "vendor_attribute_overrides_reset_complete_check" CHECK ("vendor_attribute_overrides"."reset" is null or "vendor_attribute_overrides"."reset" = 'always' or ("vendor_attribute_overrides"."reset_limit" is not null and "vendor_attribute_overrides"."reset_unit" is not null and "vendor_attribute_overrides"."reset_every" is not null))
);
--> statement-breakpoint
CREATE TABLE "areas" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "areas_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"name" text NOT NULL,
	"internal" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "streets" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "streets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"area_id" integer NOT NULL,
	"name" text NOT NULL,
	"internal" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "buildings" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "buildings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"street_id" integer NOT NULL,
	"name" text NOT NULL,
	"internal" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "maintenance_subtypes" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "maintenance_subtypes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"type_id" integer NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "maintenance_subtypes_type_id_key" UNIQUE("type_id","id")
);
--> statement-breakpoint
CREATE TABLE "maintenance_types" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "maintenance_types_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "maintenance_tickets" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "maintenance_tickets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"customer_id" integer,
	"date_reported" date DEFAULT now() NOT NULL,
	"reported_by" text,
	"type_id" integer,
	"subtype_id" integer,
	"title" text NOT NULL,
	"description" text,
	"resolution" text,
	"priority" smallint,
	"status" "maintenance_status" DEFAULT 'open' NOT NULL,
	"date_closed" date,
	"closed_by" text,
	"hours_spent" numeric,
	"site_id" integer,
	"equipment_id" integer,
	"email_recipients" text,
	"updated_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "installer_tracking" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "installer_tracking_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"maintenance_ticket_id" integer NOT NULL,
	"installer_staff_id" integer,
	"date_opened" date,
	"date_closed" date,
	"status" "installer_tracking_status" DEFAULT 'open' NOT NULL,
	"installer_fee" numeric(14, 2),
	"note" text,
	"due_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "salesman_tasks" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "salesman_tasks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"customer_id" integer NOT NULL,
	"date_reported" date NOT NULL,
	"description" text NOT NULL,
	"type" text NOT NULL,
	"date_closed" date,
	"hours_spent" numeric,
	"value" numeric(14, 2),
	"priority" smallint,
	"status" "maintenance_status" DEFAULT 'open' NOT NULL,
	"value_added_reseller_id" integer,
	"regional_sales_manager_id" integer,
	"master_agent_id" integer,
	"salesman_id" integer,
	"resolution" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "salesman_tasks_priority_check" CHECK ("salesman_tasks"."priority" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "messages_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"customer_id" integer NOT NULL,
	"channel" "message_channel" NOT NULL,
	"template" text,
	"template_params" jsonb,
	"maintenance_ticket_id" integer,
	"recipient" text NOT NULL,
	"subject" text,
	"body" text NOT NULL,
	"status_code" smallint DEFAULT 201 NOT NULL,
	"error_message" text,
	"transport" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "attachments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"customer_id" integer,
	"maintenance_ticket_id" integer,
	"filename" text NOT NULL,
	"storage_path" text NOT NULL,
	"description" text,
	"rights" "attachment_right"[],
	"mode" text,
	"size_bytes" bigint,
	"date_added" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attachments_one_owner_check" CHECK (num_nonnulls("attachments"."customer_id", "attachments"."maintenance_ticket_id") = 1),
	CONSTRAINT "attachments_size_bytes_check" CHECK ("attachments"."size_bytes" >= 0)
);
--> statement-breakpoint
CREATE TABLE "background_jobs" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "background_jobs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operator_id" integer NOT NULL,
	"kind" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" "background_job_status" DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"result" jsonb,
	"error" text,
	"requested_by_staff_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "staff_users" ADD CONSTRAINT "staff_users_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_credentials" ADD CONSTRAINT "api_credentials_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_credentials" ADD CONSTRAINT "api_credentials_staff_user_id_staff_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."staff_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_staff_user_id_staff_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."staff_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ip_access_rules" ADD CONSTRAINT "ip_access_rules_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ip_access_rules" ADD CONSTRAINT "ip_access_rules_api_credential_id_api_credentials_id_fk" FOREIGN KEY ("api_credential_id") REFERENCES "public"."api_credentials"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_staff_user_id_staff_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_street_id_streets_id_fk" FOREIGN KEY ("street_id") REFERENCES "public"."streets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_community_code_id_community_codes_id_fk" FOREIGN KEY ("community_code_id") REFERENCES "public"."community_codes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_referrer_customer_id_customers_id_fk" FOREIGN KEY ("referrer_customer_id") REFERENCES "public"."customers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_reseller_id_resellers_id_fk" FOREIGN KEY ("reseller_id") REFERENCES "public"."resellers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_value_added_reseller_id_sales_people_id_fk" FOREIGN KEY ("value_added_reseller_id") REFERENCES "public"."sales_people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_master_agent_id_sales_people_id_fk" FOREIGN KEY ("master_agent_id") REFERENCES "public"."sales_people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_regional_sales_manager_id_sales_people_id_fk" FOREIGN KEY ("regional_sales_manager_id") REFERENCES "public"."sales_people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_salesman_id_sales_people_id_fk" FOREIGN KEY ("salesman_id") REFERENCES "public"."sales_people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_tax_zone_id_tax_zones_id_fk" FOREIGN KEY ("tax_zone_id") REFERENCES "public"."tax_zones"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_service_plan_id_plans_id_fk" FOREIGN KEY ("service_plan_id") REFERENCES "public"."plans"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_bucket_id_buckets_id_fk" FOREIGN KEY ("bucket_id") REFERENCES "public"."buckets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_gateway_id_gateways_id_fk" FOREIGN KEY ("gateway_id") REFERENCES "public"."gateways"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_sand_settings" ADD CONSTRAINT "customer_sand_settings_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_sand_settings" ADD CONSTRAINT "customer_sand_settings_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_contacts" ADD CONSTRAINT "customer_contacts_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_contacts" ADD CONSTRAINT "customer_contacts_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_notes" ADD CONSTRAINT "customer_notes_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_notes" ADD CONSTRAINT "customer_notes_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_notes" ADD CONSTRAINT "customer_notes_author_staff_id_staff_users_id_fk" FOREIGN KEY ("author_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_statuses" ADD CONSTRAINT "customer_statuses_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_sub_statuses" ADD CONSTRAINT "customer_sub_statuses_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_sub_statuses" ADD CONSTRAINT "customer_sub_statuses_status_id_customer_statuses_id_fk" FOREIGN KEY ("status_id") REFERENCES "public"."customer_statuses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_subaccounts" ADD CONSTRAINT "customer_subaccounts_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_subaccounts" ADD CONSTRAINT "customer_subaccounts_master_customer_id_customers_id_fk" FOREIGN KEY ("master_customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_subaccounts" ADD CONSTRAINT "customer_subaccounts_sub_customer_id_customers_id_fk" FOREIGN KEY ("sub_customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_codes" ADD CONSTRAINT "community_codes_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_people" ADD CONSTRAINT "sales_people_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_field_values" ADD CONSTRAINT "custom_field_values_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_field_values" ADD CONSTRAINT "custom_field_values_field_id_custom_fields_id_fk" FOREIGN KEY ("field_id") REFERENCES "public"."custom_fields"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_field_values" ADD CONSTRAINT "custom_field_values_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_field_values" ADD CONSTRAINT "custom_field_values_equipment_id_equipment_id_fk" FOREIGN KEY ("equipment_id") REFERENCES "public"."equipment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_fields" ADD CONSTRAINT "custom_fields_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_fields" ADD CONSTRAINT "custom_fields_custom_table_id_custom_tables_id_fk" FOREIGN KEY ("custom_table_id") REFERENCES "public"."custom_tables"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_table_cells" ADD CONSTRAINT "custom_table_cells_row_id_custom_table_rows_id_fk" FOREIGN KEY ("row_id") REFERENCES "public"."custom_table_rows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_table_cells" ADD CONSTRAINT "custom_table_cells_column_id_custom_fields_id_fk" FOREIGN KEY ("column_id") REFERENCES "public"."custom_fields"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_table_rows" ADD CONSTRAINT "custom_table_rows_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_table_rows" ADD CONSTRAINT "custom_table_rows_table_id_custom_tables_id_fk" FOREIGN KEY ("table_id") REFERENCES "public"."custom_tables"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_table_rows" ADD CONSTRAINT "custom_table_rows_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_tables" ADD CONSTRAINT "custom_tables_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_group_members" ADD CONSTRAINT "customer_group_members_group_id_customer_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."customer_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_group_members" ADD CONSTRAINT "customer_group_members_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_groups" ADD CONSTRAINT "customer_groups_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_accounts" ADD CONSTRAINT "service_accounts_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_accounts" ADD CONSTRAINT "service_accounts_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_customer_assignments" ADD CONSTRAINT "staff_customer_assignments_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_customer_assignments" ADD CONSTRAINT "staff_customer_assignments_staff_user_id_staff_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."staff_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_customer_assignments" ADD CONSTRAINT "staff_customer_assignments_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bandwidth_templates" ADD CONSTRAINT "bandwidth_templates_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buckets" ADD CONSTRAINT "buckets_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buckets" ADD CONSTRAINT "buckets_bandwidth_template_id_bandwidth_templates_id_fk" FOREIGN KEY ("bandwidth_template_id") REFERENCES "public"."bandwidth_templates"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overage_allowances" ADD CONSTRAINT "overage_allowances_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overage_allowances" ADD CONSTRAINT "overage_allowances_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overage_allowances" ADD CONSTRAINT "overage_allowances_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_reseller_id_resellers_id_fk" FOREIGN KEY ("reseller_id") REFERENCES "public"."resellers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_bandwidth_template_id_bandwidth_templates_id_fk" FOREIGN KEY ("bandwidth_template_id") REFERENCES "public"."bandwidth_templates"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sub_plans" ADD CONSTRAINT "sub_plans_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sub_plans" ADD CONSTRAINT "sub_plans_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tax_zones" ADD CONSTRAINT "tax_zones_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_accounts" ADD CONSTRAINT "bank_accounts_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_accounts" ADD CONSTRAINT "bank_accounts_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_issues" ADD CONSTRAINT "billing_issues_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_issues" ADD CONSTRAINT "billing_issues_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_cards" ADD CONSTRAINT "credit_cards_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_cards" ADD CONSTRAINT "credit_cards_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grace_periods" ADD CONSTRAINT "grace_periods_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grace_periods" ADD CONSTRAINT "grace_periods_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grace_periods" ADD CONSTRAINT "grace_periods_created_by_staff_id_staff_users_id_fk" FOREIGN KEY ("created_by_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_subscription_id_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."subscriptions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_collections" ADD CONSTRAINT "payment_collections_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_collections" ADD CONSTRAINT "payment_collections_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_collections" ADD CONSTRAINT "payment_collections_collector_staff_id_staff_users_id_fk" FOREIGN KEY ("collector_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_collections" ADD CONSTRAINT "payment_collections_decided_by_staff_id_staff_users_id_fk" FOREIGN KEY ("decided_by_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_collections" ADD CONSTRAINT "payment_collections_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_recorded_by_staff_id_staff_users_id_fk" FOREIGN KEY ("recorded_by_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_changes" ADD CONSTRAINT "plan_changes_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_changes" ADD CONSTRAINT "plan_changes_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_changes" ADD CONSTRAINT "plan_changes_from_plan_id_plans_id_fk" FOREIGN KEY ("from_plan_id") REFERENCES "public"."plans"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_changes" ADD CONSTRAINT "plan_changes_to_plan_id_plans_id_fk" FOREIGN KEY ("to_plan_id") REFERENCES "public"."plans"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_changes" ADD CONSTRAINT "plan_changes_created_by_staff_id_staff_users_id_fk" FOREIGN KEY ("created_by_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renewals" ADD CONSTRAINT "renewals_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renewals" ADD CONSTRAINT "renewals_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renewals" ADD CONSTRAINT "renewals_previous_plan_id_plans_id_fk" FOREIGN KEY ("previous_plan_id") REFERENCES "public"."plans"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renewals" ADD CONSTRAINT "renewals_present_plan_id_plans_id_fk" FOREIGN KEY ("present_plan_id") REFERENCES "public"."plans"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_sub_plan_id_sub_plans_id_fk" FOREIGN KEY ("sub_plan_id") REFERENCES "public"."sub_plans"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_tax_zone_id_tax_zones_id_fk" FOREIGN KEY ("tax_zone_id") REFERENCES "public"."tax_zones"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resellers" ADD CONSTRAINT "resellers_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reseller_wallet_transactions" ADD CONSTRAINT "reseller_wallet_transactions_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reseller_wallet_transactions" ADD CONSTRAINT "reseller_wallet_transactions_reseller_id_resellers_id_fk" FOREIGN KEY ("reseller_id") REFERENCES "public"."resellers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reseller_wallet_transactions" ADD CONSTRAINT "reseller_wallet_transactions_service_id_subscriptions_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."subscriptions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reseller_wallet_transactions" ADD CONSTRAINT "reseller_wallet_transactions_created_by_staff_id_staff_users_id_fk" FOREIGN KEY ("created_by_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gateways" ADD CONSTRAINT "gateways_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interfaces" ADD CONSTRAINT "interfaces_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interfaces" ADD CONSTRAINT "interfaces_gateway_id_gateways_id_fk" FOREIGN KEY ("gateway_id") REFERENCES "public"."gateways"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_ips" ADD CONSTRAINT "customer_ips_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_ips" ADD CONSTRAINT "customer_ips_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_ips" ADD CONSTRAINT "customer_ips_gateway_id_gateways_id_fk" FOREIGN KEY ("gateway_id") REFERENCES "public"."gateways"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_ips" ADD CONSTRAINT "customer_ips_interface_id_interfaces_id_fk" FOREIGN KEY ("interface_id") REFERENCES "public"."interfaces"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sites" ADD CONSTRAINT "sites_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equipment" ADD CONSTRAINT "equipment_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equipment" ADD CONSTRAINT "equipment_parent_id_equipment_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."equipment"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equipment" ADD CONSTRAINT "equipment_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equipment_logins" ADD CONSTRAINT "equipment_logins_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equipment_logins" ADD CONSTRAINT "equipment_logins_equipment_id_equipment_id_fk" FOREIGN KEY ("equipment_id") REFERENCES "public"."equipment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cpes" ADD CONSTRAINT "cpes_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cpes" ADD CONSTRAINT "cpes_equipment_id_equipment_id_fk" FOREIGN KEY ("equipment_id") REFERENCES "public"."equipment"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cpes" ADD CONSTRAINT "cpes_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "basestations" ADD CONSTRAINT "basestations_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "basestations" ADD CONSTRAINT "basestations_equipment_id_equipment_id_fk" FOREIGN KEY ("equipment_id") REFERENCES "public"."equipment"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "basestations" ADD CONSTRAINT "basestations_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "basestations" ADD CONSTRAINT "basestations_gateway_id_gateways_id_fk" FOREIGN KEY ("gateway_id") REFERENCES "public"."gateways"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "radcheck" ADD CONSTRAINT "radcheck_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "radcheck" ADD CONSTRAINT "radcheck_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "radreply" ADD CONSTRAINT "radreply_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "radreply" ADD CONSTRAINT "radreply_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "radgroupcheck" ADD CONSTRAINT "radgroupcheck_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "radgroupreply" ADD CONSTRAINT "radgroupreply_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "radusergroup" ADD CONSTRAINT "radusergroup_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "radusergroup" ADD CONSTRAINT "radusergroup_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "radacct" ADD CONSTRAINT "radacct_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "radacct" ADD CONSTRAINT "radacct_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nas" ADD CONSTRAINT "nas_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "radius_accounts" ADD CONSTRAINT "radius_accounts_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "radius_accounts" ADD CONSTRAINT "radius_accounts_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bandwidth_overrides" ADD CONSTRAINT "bandwidth_overrides_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bandwidth_overrides" ADD CONSTRAINT "bandwidth_overrides_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bandwidth_overrides" ADD CONSTRAINT "bandwidth_overrides_bandwidth_template_id_bandwidth_templates_id_fk" FOREIGN KEY ("bandwidth_template_id") REFERENCES "public"."bandwidth_templates"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bandwidth_overrides" ADD CONSTRAINT "bandwidth_overrides_bandwidth_template2_id_bandwidth_templates_id_fk" FOREIGN KEY ("bandwidth_template2_id") REFERENCES "public"."bandwidth_templates"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_attribute_override_items" ADD CONSTRAINT "vendor_attribute_override_items_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_attribute_override_items" ADD CONSTRAINT "vendor_attribute_override_items_override_id_vendor_attribute_overrides_id_fk" FOREIGN KEY ("override_id") REFERENCES "public"."vendor_attribute_overrides"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_attribute_overrides" ADD CONSTRAINT "vendor_attribute_overrides_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_attribute_overrides" ADD CONSTRAINT "vendor_attribute_overrides_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "areas" ADD CONSTRAINT "areas_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "streets" ADD CONSTRAINT "streets_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "streets" ADD CONSTRAINT "streets_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buildings" ADD CONSTRAINT "buildings_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buildings" ADD CONSTRAINT "buildings_street_id_streets_id_fk" FOREIGN KEY ("street_id") REFERENCES "public"."streets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maintenance_subtypes" ADD CONSTRAINT "maintenance_subtypes_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maintenance_subtypes" ADD CONSTRAINT "maintenance_subtypes_type_id_maintenance_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."maintenance_types"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maintenance_types" ADD CONSTRAINT "maintenance_types_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maintenance_tickets" ADD CONSTRAINT "maintenance_tickets_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maintenance_tickets" ADD CONSTRAINT "maintenance_tickets_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maintenance_tickets" ADD CONSTRAINT "maintenance_tickets_type_id_maintenance_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."maintenance_types"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maintenance_tickets" ADD CONSTRAINT "maintenance_tickets_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maintenance_tickets" ADD CONSTRAINT "maintenance_tickets_equipment_id_equipment_id_fk" FOREIGN KEY ("equipment_id") REFERENCES "public"."equipment"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maintenance_tickets" ADD CONSTRAINT "maintenance_tickets_subtype_fk" FOREIGN KEY ("type_id","subtype_id") REFERENCES "public"."maintenance_subtypes"("type_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "installer_tracking" ADD CONSTRAINT "installer_tracking_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "installer_tracking" ADD CONSTRAINT "installer_tracking_maintenance_ticket_id_maintenance_tickets_id_fk" FOREIGN KEY ("maintenance_ticket_id") REFERENCES "public"."maintenance_tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "installer_tracking" ADD CONSTRAINT "installer_tracking_installer_staff_id_staff_users_id_fk" FOREIGN KEY ("installer_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "salesman_tasks" ADD CONSTRAINT "salesman_tasks_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "salesman_tasks" ADD CONSTRAINT "salesman_tasks_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "salesman_tasks" ADD CONSTRAINT "salesman_tasks_value_added_reseller_id_sales_people_id_fk" FOREIGN KEY ("value_added_reseller_id") REFERENCES "public"."sales_people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "salesman_tasks" ADD CONSTRAINT "salesman_tasks_regional_sales_manager_id_sales_people_id_fk" FOREIGN KEY ("regional_sales_manager_id") REFERENCES "public"."sales_people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "salesman_tasks" ADD CONSTRAINT "salesman_tasks_master_agent_id_sales_people_id_fk" FOREIGN KEY ("master_agent_id") REFERENCES "public"."sales_people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "salesman_tasks" ADD CONSTRAINT "salesman_tasks_salesman_id_sales_people_id_fk" FOREIGN KEY ("salesman_id") REFERENCES "public"."sales_people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_maintenance_ticket_id_maintenance_tickets_id_fk" FOREIGN KEY ("maintenance_ticket_id") REFERENCES "public"."maintenance_tickets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_maintenance_ticket_id_maintenance_tickets_id_fk" FOREIGN KEY ("maintenance_ticket_id") REFERENCES "public"."maintenance_tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "background_jobs" ADD CONSTRAINT "background_jobs_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "background_jobs" ADD CONSTRAINT "background_jobs_requested_by_staff_id_staff_users_id_fk" FOREIGN KEY ("requested_by_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "operators_code_key" ON "operators" USING btree ("code");--> statement-breakpoint
CREATE INDEX "operators_active_idx" ON "operators" USING btree ("id") WHERE "operators"."deleted_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "staff_users_operator_username_key" ON "staff_users" USING btree ("operator_id","username");--> statement-breakpoint
CREATE INDEX "staff_users_operator_role_idx" ON "staff_users" USING btree ("operator_id","role");--> statement-breakpoint
CREATE UNIQUE INDEX "api_credentials_operator_kind_identifier_key" ON "api_credentials" USING btree ("operator_id","kind","identifier");--> statement-breakpoint
CREATE INDEX "api_credentials_staff_user_idx" ON "api_credentials" USING btree ("staff_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "api_tokens_staff_user_idx" ON "api_tokens" USING btree ("staff_user_id");--> statement-breakpoint
CREATE INDEX "api_tokens_operator_idx" ON "api_tokens" USING btree ("operator_id");--> statement-breakpoint
CREATE INDEX "ip_access_rules_operator_idx" ON "ip_access_rules" USING btree ("operator_id");--> statement-breakpoint
CREATE INDEX "ip_access_rules_credential_idx" ON "ip_access_rules" USING btree ("api_credential_id");--> statement-breakpoint
CREATE INDEX "audit_log_operator_created_idx" ON "audit_log" USING btree ("operator_id","created_at");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_staff_user_idx" ON "audit_log" USING btree ("staff_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "customers_operator_nickname_key" ON "customers" USING btree ("operator_id","nickname");--> statement-breakpoint
CREATE UNIQUE INDEX "customers_operator_invoicing_id_key" ON "customers" USING btree ("operator_id","invoicing_id");--> statement-breakpoint
CREATE UNIQUE INDEX "customers_operator_portal_username_key" ON "customers" USING btree ("operator_id","portal_username");--> statement-breakpoint
CREATE INDEX "customers_operator_lower_name_idx" ON "customers" USING btree ("operator_id",lower("name"));--> statement-breakpoint
CREATE INDEX "customers_operator_lower_email_idx" ON "customers" USING btree ("operator_id",lower("email"));--> statement-breakpoint
CREATE INDEX "customers_operator_phone_idx" ON "customers" USING btree ("operator_id","phone");--> statement-breakpoint
CREATE INDEX "customers_operator_status_idx" ON "customers" USING btree ("operator_id","status");--> statement-breakpoint
CREATE INDEX "customers_operator_access_state_idx" ON "customers" USING btree ("operator_id","access_state");--> statement-breakpoint
CREATE INDEX "customers_operator_postcode_idx" ON "customers" USING btree ("operator_id","postcode");--> statement-breakpoint
CREATE INDEX "customers_operator_updated_idx" ON "customers" USING btree ("operator_id","updated_at");--> statement-breakpoint
CREATE INDEX "customers_operator_created_idx" ON "customers" USING btree ("operator_id","created_at");--> statement-breakpoint
CREATE INDEX "customers_operator_service_plan_idx" ON "customers" USING btree ("operator_id","service_plan_id");--> statement-breakpoint
CREATE INDEX "customers_service_plan_idx" ON "customers" USING btree ("service_plan_id");--> statement-breakpoint
CREATE INDEX "customers_reseller_idx" ON "customers" USING btree ("reseller_id");--> statement-breakpoint
CREATE INDEX "customers_referrer_idx" ON "customers" USING btree ("referrer_customer_id");--> statement-breakpoint
CREATE INDEX "customers_community_code_idx" ON "customers" USING btree ("community_code_id");--> statement-breakpoint
CREATE INDEX "customers_area_idx" ON "customers" USING btree ("area_id");--> statement-breakpoint
CREATE INDEX "customers_street_idx" ON "customers" USING btree ("street_id");--> statement-breakpoint
CREATE INDEX "customers_building_idx" ON "customers" USING btree ("building_id");--> statement-breakpoint
CREATE INDEX "customers_tax_zone_idx" ON "customers" USING btree ("tax_zone_id");--> statement-breakpoint
CREATE INDEX "customers_bucket_idx" ON "customers" USING btree ("bucket_id");--> statement-breakpoint
CREATE INDEX "customers_gateway_idx" ON "customers" USING btree ("gateway_id");--> statement-breakpoint
CREATE INDEX "customers_value_added_reseller_idx" ON "customers" USING btree ("value_added_reseller_id");--> statement-breakpoint
CREATE INDEX "customers_master_agent_idx" ON "customers" USING btree ("master_agent_id");--> statement-breakpoint
CREATE INDEX "customers_regional_sales_manager_idx" ON "customers" USING btree ("regional_sales_manager_id");--> statement-breakpoint
CREATE INDEX "customers_salesman_idx" ON "customers" USING btree ("salesman_id");--> statement-breakpoint
CREATE INDEX "customer_sand_settings_operator_idx" ON "customer_sand_settings" USING btree ("operator_id");--> statement-breakpoint
CREATE INDEX "customer_contacts_operator_idx" ON "customer_contacts" USING btree ("operator_id");--> statement-breakpoint
CREATE INDEX "customer_contacts_customer_idx" ON "customer_contacts" USING btree ("customer_id","position");--> statement-breakpoint
CREATE INDEX "customer_notes_operator_idx" ON "customer_notes" USING btree ("operator_id");--> statement-breakpoint
CREATE INDEX "customer_notes_customer_created_idx" ON "customer_notes" USING btree ("customer_id","created_at");--> statement-breakpoint
CREATE INDEX "customer_notes_author_idx" ON "customer_notes" USING btree ("author_staff_id");--> statement-breakpoint
CREATE UNIQUE INDEX "customer_statuses_operator_name_key" ON "customer_statuses" USING btree ("operator_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "customer_sub_statuses_status_value_key" ON "customer_sub_statuses" USING btree ("status_id","value");--> statement-breakpoint
CREATE INDEX "customer_sub_statuses_operator_idx" ON "customer_sub_statuses" USING btree ("operator_id");--> statement-breakpoint
CREATE UNIQUE INDEX "customer_subaccounts_sub_key" ON "customer_subaccounts" USING btree ("sub_customer_id");--> statement-breakpoint
CREATE INDEX "customer_subaccounts_master_idx" ON "customer_subaccounts" USING btree ("master_customer_id");--> statement-breakpoint
CREATE INDEX "customer_subaccounts_operator_idx" ON "customer_subaccounts" USING btree ("operator_id");--> statement-breakpoint
CREATE UNIQUE INDEX "community_codes_operator_code_key" ON "community_codes" USING btree ("operator_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "sales_people_operator_role_name_key" ON "sales_people" USING btree ("operator_id","role","name");--> statement-breakpoint
CREATE INDEX "sales_people_operator_name_idx" ON "sales_people" USING btree ("operator_id","name");--> statement-breakpoint
CREATE INDEX "custom_field_values_operator_idx" ON "custom_field_values" USING btree ("operator_id");--> statement-breakpoint
CREATE UNIQUE INDEX "custom_field_values_field_customer_key" ON "custom_field_values" USING btree ("field_id","customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "custom_field_values_field_equipment_key" ON "custom_field_values" USING btree ("field_id","equipment_id");--> statement-breakpoint
CREATE INDEX "custom_field_values_customer_idx" ON "custom_field_values" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "custom_field_values_equipment_idx" ON "custom_field_values" USING btree ("equipment_id");--> statement-breakpoint
CREATE INDEX "custom_fields_operator_scope_idx" ON "custom_fields" USING btree ("operator_id","scope");--> statement-breakpoint
CREATE INDEX "custom_fields_custom_table_idx" ON "custom_fields" USING btree ("custom_table_id");--> statement-breakpoint
CREATE UNIQUE INDEX "custom_table_cells_row_column_key" ON "custom_table_cells" USING btree ("row_id","column_id");--> statement-breakpoint
CREATE INDEX "custom_table_cells_column_idx" ON "custom_table_cells" USING btree ("column_id");--> statement-breakpoint
CREATE INDEX "custom_table_rows_operator_idx" ON "custom_table_rows" USING btree ("operator_id");--> statement-breakpoint
CREATE INDEX "custom_table_rows_table_customer_idx" ON "custom_table_rows" USING btree ("table_id","customer_id");--> statement-breakpoint
CREATE INDEX "custom_table_rows_customer_idx" ON "custom_table_rows" USING btree ("customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "custom_tables_operator_name_key" ON "custom_tables" USING btree ("operator_id","name");--> statement-breakpoint
CREATE INDEX "customer_group_members_customer_idx" ON "customer_group_members" USING btree ("customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "customer_groups_operator_name_key" ON "customer_groups" USING btree ("operator_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "service_accounts_operator_kind_username_key" ON "service_accounts" USING btree ("operator_id","kind","username");--> statement-breakpoint
CREATE INDEX "service_accounts_customer_idx" ON "service_accounts" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "staff_customer_assignments_operator_idx" ON "staff_customer_assignments" USING btree ("operator_id");--> statement-breakpoint
CREATE INDEX "staff_customer_assignments_customer_idx" ON "staff_customer_assignments" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "bandwidth_templates_operator_name_idx" ON "bandwidth_templates" USING btree ("operator_id","name");--> statement-breakpoint
CREATE INDEX "buckets_operator_name_idx" ON "buckets" USING btree ("operator_id","name");--> statement-breakpoint
CREATE INDEX "buckets_bandwidth_template_idx" ON "buckets" USING btree ("bandwidth_template_id");--> statement-breakpoint
CREATE INDEX "overage_allowances_customer_created_idx" ON "overage_allowances" USING btree ("customer_id","created_at");--> statement-breakpoint
CREATE INDEX "overage_allowances_operator_created_idx" ON "overage_allowances" USING btree ("operator_id","created_at");--> statement-breakpoint
CREATE INDEX "overage_allowances_invoice_idx" ON "overage_allowances" USING btree ("invoice_id");--> statement-breakpoint
CREATE INDEX "plans_operator_name_idx" ON "plans" USING btree ("operator_id","name");--> statement-breakpoint
CREATE INDEX "plans_operator_kind_idx" ON "plans" USING btree ("operator_id","kind");--> statement-breakpoint
CREATE INDEX "plans_operator_protocol_idx" ON "plans" USING btree ("operator_id","protocol");--> statement-breakpoint
CREATE INDEX "plans_operator_connectivity_idx" ON "plans" USING btree ("operator_id","connectivity");--> statement-breakpoint
CREATE INDEX "plans_operator_period_idx" ON "plans" USING btree ("operator_id","period_unit","period");--> statement-breakpoint
CREATE INDEX "plans_operator_location_code_idx" ON "plans" USING btree ("operator_id","location_code");--> statement-breakpoint
CREATE INDEX "plans_operator_sub_location_code_idx" ON "plans" USING btree ("operator_id","sub_location_code");--> statement-breakpoint
CREATE INDEX "plans_operator_limit1_gb_idx" ON "plans" USING btree ("operator_id","limit1_gb");--> statement-breakpoint
CREATE INDEX "plans_operator_bw1_download_idx" ON "plans" USING btree ("operator_id","bw1_download_kbps");--> statement-breakpoint
CREATE INDEX "plans_operator_bw1_upload_idx" ON "plans" USING btree ("operator_id","bw1_upload_kbps");--> statement-breakpoint
CREATE INDEX "plans_operator_created_idx" ON "plans" USING btree ("operator_id","created_at");--> statement-breakpoint
CREATE INDEX "plans_operator_radius_group_idx" ON "plans" USING btree ("operator_id","radius_group");--> statement-breakpoint
CREATE INDEX "plans_reseller_idx" ON "plans" USING btree ("reseller_id");--> statement-breakpoint
CREATE INDEX "plans_bandwidth_template_idx" ON "plans" USING btree ("bandwidth_template_id");--> statement-breakpoint
CREATE INDEX "sub_plans_plan_units_idx" ON "sub_plans" USING btree ("plan_id","units");--> statement-breakpoint
CREATE INDEX "sub_plans_operator_name_idx" ON "sub_plans" USING btree ("operator_id","name");--> statement-breakpoint
CREATE INDEX "sub_plans_operator_units_idx" ON "sub_plans" USING btree ("operator_id","units");--> statement-breakpoint
CREATE INDEX "sub_plans_operator_price_idx" ON "sub_plans" USING btree ("operator_id","price");--> statement-breakpoint
CREATE INDEX "sub_plans_operator_created_idx" ON "sub_plans" USING btree ("operator_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "tax_zones_operator_name_key" ON "tax_zones" USING btree ("operator_id","name");--> statement-breakpoint
CREATE INDEX "bank_accounts_operator_idx" ON "bank_accounts" USING btree ("operator_id");--> statement-breakpoint
CREATE INDEX "bank_accounts_customer_idx" ON "bank_accounts" USING btree ("customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "bank_accounts_customer_preferred_key" ON "bank_accounts" USING btree ("customer_id") WHERE "bank_accounts"."preferred";--> statement-breakpoint
CREATE INDEX "billing_issues_operator_status_idx" ON "billing_issues" USING btree ("operator_id","status");--> statement-breakpoint
CREATE INDEX "billing_issues_customer_idx" ON "billing_issues" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "credit_cards_operator_idx" ON "credit_cards" USING btree ("operator_id");--> statement-breakpoint
CREATE INDEX "credit_cards_customer_idx" ON "credit_cards" USING btree ("customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "credit_cards_customer_preferred_key" ON "credit_cards" USING btree ("customer_id") WHERE "credit_cards"."preferred";--> statement-breakpoint
CREATE INDEX "grace_periods_operator_idx" ON "grace_periods" USING btree ("operator_id");--> statement-breakpoint
CREATE INDEX "grace_periods_customer_idx" ON "grace_periods" USING btree ("customer_id","created_at");--> statement-breakpoint
CREATE INDEX "grace_periods_created_by_staff_idx" ON "grace_periods" USING btree ("created_by_staff_id");--> statement-breakpoint
CREATE INDEX "invoice_lines_operator_idx" ON "invoice_lines" USING btree ("operator_id");--> statement-breakpoint
CREATE INDEX "invoice_lines_invoice_idx" ON "invoice_lines" USING btree ("invoice_id");--> statement-breakpoint
CREATE INDEX "invoice_lines_subscription_idx" ON "invoice_lines" USING btree ("subscription_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_operator_number_key" ON "invoices" USING btree ("operator_id","number");--> statement-breakpoint
CREATE INDEX "invoices_customer_issue_date_idx" ON "invoices" USING btree ("customer_id","issue_date");--> statement-breakpoint
CREATE INDEX "invoices_operator_issue_date_idx" ON "invoices" USING btree ("operator_id","issue_date");--> statement-breakpoint
CREATE INDEX "invoices_operator_status_due_date_idx" ON "invoices" USING btree ("operator_id","status","due_date");--> statement-breakpoint
CREATE INDEX "payment_collections_operator_status_created_idx" ON "payment_collections" USING btree ("operator_id","status","created_at");--> statement-breakpoint
CREATE INDEX "payment_collections_customer_idx" ON "payment_collections" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "payment_collections_collector_staff_idx" ON "payment_collections" USING btree ("collector_staff_id");--> statement-breakpoint
CREATE INDEX "payment_collections_decided_by_staff_idx" ON "payment_collections" USING btree ("decided_by_staff_id");--> statement-breakpoint
CREATE INDEX "payment_collections_payment_idx" ON "payment_collections" USING btree ("payment_id");--> statement-breakpoint
CREATE INDEX "payments_operator_payment_date_idx" ON "payments" USING btree ("operator_id","payment_date");--> statement-breakpoint
CREATE INDEX "payments_customer_idx" ON "payments" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "payments_invoice_idx" ON "payments" USING btree ("invoice_id");--> statement-breakpoint
CREATE INDEX "payments_recorded_by_staff_idx" ON "payments" USING btree ("recorded_by_staff_id");--> statement-breakpoint
CREATE INDEX "plan_changes_operator_applied_effective_idx" ON "plan_changes" USING btree ("operator_id","applied_at","effective_at");--> statement-breakpoint
CREATE INDEX "plan_changes_customer_idx" ON "plan_changes" USING btree ("customer_id","created_at");--> statement-breakpoint
CREATE INDEX "plan_changes_from_plan_idx" ON "plan_changes" USING btree ("from_plan_id");--> statement-breakpoint
CREATE INDEX "plan_changes_to_plan_idx" ON "plan_changes" USING btree ("to_plan_id");--> statement-breakpoint
CREATE INDEX "plan_changes_created_by_staff_idx" ON "plan_changes" USING btree ("created_by_staff_id");--> statement-breakpoint
CREATE INDEX "renewals_operator_created_idx" ON "renewals" USING btree ("operator_id","created_at");--> statement-breakpoint
CREATE INDEX "renewals_customer_idx" ON "renewals" USING btree ("customer_id","created_at");--> statement-breakpoint
CREATE INDEX "renewals_previous_plan_idx" ON "renewals" USING btree ("previous_plan_id");--> statement-breakpoint
CREATE INDEX "renewals_present_plan_idx" ON "renewals" USING btree ("present_plan_id");--> statement-breakpoint
CREATE INDEX "subscriptions_operator_customer_idx" ON "subscriptions" USING btree ("operator_id","customer_id");--> statement-breakpoint
CREATE INDEX "subscriptions_customer_idx" ON "subscriptions" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "subscriptions_plan_idx" ON "subscriptions" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "subscriptions_sub_plan_idx" ON "subscriptions" USING btree ("sub_plan_id");--> statement-breakpoint
CREATE INDEX "subscriptions_tax_zone_idx" ON "subscriptions" USING btree ("tax_zone_id");--> statement-breakpoint
CREATE INDEX "subscriptions_operator_next_billing_date_idx" ON "subscriptions" USING btree ("operator_id","next_billing_date");--> statement-breakpoint
CREATE UNIQUE INDEX "resellers_operator_code_key" ON "resellers" USING btree ("operator_id","code") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "resellers_operator_type_idx" ON "resellers" USING btree ("operator_id","type");--> statement-breakpoint
CREATE INDEX "resellers_operator_name_idx" ON "resellers" USING btree ("operator_id","name");--> statement-breakpoint
CREATE INDEX "resellers_operator_state_idx" ON "resellers" USING btree ("operator_id","state");--> statement-breakpoint
CREATE INDEX "resellers_operator_invoice_by_idx" ON "resellers" USING btree ("operator_id","invoice_by");--> statement-breakpoint
CREATE INDEX "resellers_operator_payment_by_idx" ON "resellers" USING btree ("operator_id","payment_by");--> statement-breakpoint
CREATE INDEX "resellers_operator_wallet_balance_idx" ON "resellers" USING btree ("operator_id","wallet_balance");--> statement-breakpoint
CREATE INDEX "resellers_operator_created_idx" ON "resellers" USING btree ("operator_id","created_at");--> statement-breakpoint
CREATE INDEX "reseller_wallet_transactions_operator_created_idx" ON "reseller_wallet_transactions" USING btree ("operator_id","created_at");--> statement-breakpoint
CREATE INDEX "reseller_wallet_transactions_reseller_created_idx" ON "reseller_wallet_transactions" USING btree ("reseller_id","created_at");--> statement-breakpoint
CREATE INDEX "reseller_wallet_transactions_txn_code_idx" ON "reseller_wallet_transactions" USING btree ("txn_code");--> statement-breakpoint
CREATE INDEX "reseller_wallet_transactions_service_idx" ON "reseller_wallet_transactions" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "reseller_wallet_transactions_created_by_staff_idx" ON "reseller_wallet_transactions" USING btree ("created_by_staff_id");--> statement-breakpoint
CREATE UNIQUE INDEX "gateways_operator_wib_number_key" ON "gateways" USING btree ("operator_id","wib_number");--> statement-breakpoint
CREATE INDEX "gateways_nas_ip_address_idx" ON "gateways" USING btree ("nas_ip_address");--> statement-breakpoint
CREATE INDEX "interfaces_gateway_idx" ON "interfaces" USING btree ("gateway_id");--> statement-breakpoint
CREATE INDEX "interfaces_operator_role_idx" ON "interfaces" USING btree ("operator_id","role");--> statement-breakpoint
CREATE UNIQUE INDEX "customer_ips_operator_ip_key" ON "customer_ips" USING btree ("operator_id","ip") WHERE "customer_ips"."ip" is not null;--> statement-breakpoint
CREATE INDEX "customer_ips_customer_idx" ON "customer_ips" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "customer_ips_operator_mac_idx" ON "customer_ips" USING btree ("operator_id","mac");--> statement-breakpoint
CREATE INDEX "customer_ips_radius_username_idx" ON "customer_ips" USING btree ("radius_username");--> statement-breakpoint
CREATE INDEX "customer_ips_gateway_idx" ON "customer_ips" USING btree ("gateway_id");--> statement-breakpoint
CREATE INDEX "customer_ips_interface_idx" ON "customer_ips" USING btree ("interface_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sites_operator_name_key" ON "sites" USING btree ("operator_id","name");--> statement-breakpoint
CREATE INDEX "sites_operator_wib_number_idx" ON "sites" USING btree ("operator_id","wib_number");--> statement-breakpoint
CREATE UNIQUE INDEX "equipment_operator_nickname_key" ON "equipment" USING btree ("operator_id","nickname");--> statement-breakpoint
CREATE INDEX "equipment_operator_type_idx" ON "equipment" USING btree ("operator_id","type");--> statement-breakpoint
CREATE INDEX "equipment_operator_ip_address_idx" ON "equipment" USING btree ("operator_id","ip_address");--> statement-breakpoint
CREATE INDEX "equipment_operator_mac_idx" ON "equipment" USING btree ("operator_id","mac");--> statement-breakpoint
CREATE INDEX "equipment_operator_serial_number_idx" ON "equipment" USING btree ("operator_id","serial_number");--> statement-breakpoint
CREATE INDEX "equipment_parent_idx" ON "equipment" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "equipment_site_idx" ON "equipment" USING btree ("site_id");--> statement-breakpoint
CREATE UNIQUE INDEX "equipment_logins_equipment_username_key" ON "equipment_logins" USING btree ("equipment_id","username");--> statement-breakpoint
CREATE INDEX "equipment_logins_operator_idx" ON "equipment_logins" USING btree ("operator_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cpes_equipment_key" ON "cpes" USING btree ("equipment_id");--> statement-breakpoint
CREATE INDEX "cpes_customer_idx" ON "cpes" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "cpes_operator_idx" ON "cpes" USING btree ("operator_id");--> statement-breakpoint
CREATE UNIQUE INDEX "basestations_equipment_key" ON "basestations" USING btree ("equipment_id");--> statement-breakpoint
CREATE INDEX "basestations_site_idx" ON "basestations" USING btree ("site_id");--> statement-breakpoint
CREATE INDEX "basestations_gateway_idx" ON "basestations" USING btree ("gateway_id");--> statement-breakpoint
CREATE INDEX "basestations_operator_idx" ON "basestations" USING btree ("operator_id");--> statement-breakpoint
CREATE INDEX "radcheck_username_attribute_idx" ON "radcheck" USING btree ("username","attribute");--> statement-breakpoint
CREATE INDEX "radcheck_customer_idx" ON "radcheck" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "radcheck_operator_idx" ON "radcheck" USING btree ("operator_id");--> statement-breakpoint
CREATE INDEX "radreply_username_attribute_idx" ON "radreply" USING btree ("username","attribute");--> statement-breakpoint
CREATE INDEX "radreply_customer_idx" ON "radreply" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "radreply_operator_idx" ON "radreply" USING btree ("operator_id");--> statement-breakpoint
CREATE INDEX "radgroupcheck_groupname_attribute_idx" ON "radgroupcheck" USING btree ("groupname","attribute");--> statement-breakpoint
CREATE INDEX "radgroupcheck_operator_idx" ON "radgroupcheck" USING btree ("operator_id");--> statement-breakpoint
CREATE INDEX "radgroupreply_groupname_attribute_idx" ON "radgroupreply" USING btree ("groupname","attribute");--> statement-breakpoint
CREATE INDEX "radgroupreply_operator_idx" ON "radgroupreply" USING btree ("operator_id");--> statement-breakpoint
CREATE INDEX "radusergroup_username_idx" ON "radusergroup" USING btree ("username");--> statement-breakpoint
CREATE INDEX "radusergroup_groupname_idx" ON "radusergroup" USING btree ("groupname");--> statement-breakpoint
CREATE INDEX "radusergroup_customer_idx" ON "radusergroup" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "radusergroup_operator_idx" ON "radusergroup" USING btree ("operator_id");--> statement-breakpoint
CREATE UNIQUE INDEX "radacct_acctuniqueid_key" ON "radacct" USING btree ("acctuniqueid");--> statement-breakpoint
CREATE INDEX "radacct_username_acctstarttime_idx" ON "radacct" USING btree ("username","acctstarttime");--> statement-breakpoint
CREATE INDEX "radacct_customer_idx" ON "radacct" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "radacct_operator_acctstarttime_idx" ON "radacct" USING btree ("operator_id","acctstarttime");--> statement-breakpoint
CREATE INDEX "radacct_nasipaddress_idx" ON "radacct" USING btree ("nasipaddress");--> statement-breakpoint
CREATE INDEX "radacct_open_sessions_idx" ON "radacct" USING btree ("nasipaddress","acctstarttime") WHERE "radacct"."acctstoptime" is null;--> statement-breakpoint
CREATE INDEX "radacct_framedipaddress_idx" ON "radacct" USING btree ("framedipaddress");--> statement-breakpoint
CREATE UNIQUE INDEX "nas_nasname_key" ON "nas" USING btree ("nasname");--> statement-breakpoint
CREATE INDEX "nas_operator_idx" ON "nas" USING btree ("operator_id");--> statement-breakpoint
CREATE UNIQUE INDEX "radius_accounts_username_key" ON "radius_accounts" USING btree ("username");--> statement-breakpoint
CREATE INDEX "radius_accounts_customer_idx" ON "radius_accounts" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "radius_accounts_operator_idx" ON "radius_accounts" USING btree ("operator_id");--> statement-breakpoint
CREATE UNIQUE INDEX "bandwidth_overrides_customer_key" ON "bandwidth_overrides" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "bandwidth_overrides_operator_idx" ON "bandwidth_overrides" USING btree ("operator_id");--> statement-breakpoint
CREATE INDEX "bandwidth_overrides_bandwidth_template_idx" ON "bandwidth_overrides" USING btree ("bandwidth_template_id");--> statement-breakpoint
CREATE INDEX "bandwidth_overrides_bandwidth_template2_idx" ON "bandwidth_overrides" USING btree ("bandwidth_template2_id");--> statement-breakpoint
CREATE INDEX "vendor_attribute_override_items_override_idx" ON "vendor_attribute_override_items" USING btree ("override_id","set");--> statement-breakpoint
CREATE INDEX "vendor_attribute_override_items_operator_idx" ON "vendor_attribute_override_items" USING btree ("operator_id");--> statement-breakpoint
CREATE UNIQUE INDEX "vendor_attribute_overrides_customer_key" ON "vendor_attribute_overrides" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "vendor_attribute_overrides_operator_idx" ON "vendor_attribute_overrides" USING btree ("operator_id");--> statement-breakpoint
CREATE UNIQUE INDEX "areas_operator_name_key" ON "areas" USING btree ("operator_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "streets_area_name_key" ON "streets" USING btree ("area_id","name");--> statement-breakpoint
CREATE INDEX "streets_operator_idx" ON "streets" USING btree ("operator_id");--> statement-breakpoint
CREATE UNIQUE INDEX "buildings_street_name_key" ON "buildings" USING btree ("street_id","name");--> statement-breakpoint
CREATE INDEX "buildings_operator_idx" ON "buildings" USING btree ("operator_id");--> statement-breakpoint
CREATE UNIQUE INDEX "maintenance_subtypes_type_name_key" ON "maintenance_subtypes" USING btree ("type_id","name");--> statement-breakpoint
CREATE INDEX "maintenance_subtypes_operator_idx" ON "maintenance_subtypes" USING btree ("operator_id");--> statement-breakpoint
CREATE UNIQUE INDEX "maintenance_types_operator_name_key" ON "maintenance_types" USING btree ("operator_id","name");--> statement-breakpoint
CREATE INDEX "maintenance_tickets_operator_status_idx" ON "maintenance_tickets" USING btree ("operator_id","status");--> statement-breakpoint
CREATE INDEX "maintenance_tickets_customer_idx" ON "maintenance_tickets" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "maintenance_tickets_site_idx" ON "maintenance_tickets" USING btree ("site_id");--> statement-breakpoint
CREATE INDEX "maintenance_tickets_equipment_idx" ON "maintenance_tickets" USING btree ("equipment_id");--> statement-breakpoint
CREATE INDEX "maintenance_tickets_type_subtype_idx" ON "maintenance_tickets" USING btree ("type_id","subtype_id");--> statement-breakpoint
CREATE INDEX "installer_tracking_maintenance_ticket_idx" ON "installer_tracking" USING btree ("maintenance_ticket_id");--> statement-breakpoint
CREATE INDEX "installer_tracking_installer_staff_idx" ON "installer_tracking" USING btree ("installer_staff_id");--> statement-breakpoint
CREATE INDEX "installer_tracking_operator_status_idx" ON "installer_tracking" USING btree ("operator_id","status");--> statement-breakpoint
CREATE INDEX "salesman_tasks_customer_idx" ON "salesman_tasks" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "salesman_tasks_operator_status_idx" ON "salesman_tasks" USING btree ("operator_id","status");--> statement-breakpoint
CREATE INDEX "salesman_tasks_value_added_reseller_idx" ON "salesman_tasks" USING btree ("value_added_reseller_id");--> statement-breakpoint
CREATE INDEX "salesman_tasks_regional_sales_manager_idx" ON "salesman_tasks" USING btree ("regional_sales_manager_id");--> statement-breakpoint
CREATE INDEX "salesman_tasks_master_agent_idx" ON "salesman_tasks" USING btree ("master_agent_id");--> statement-breakpoint
CREATE INDEX "salesman_tasks_salesman_idx" ON "salesman_tasks" USING btree ("salesman_id");--> statement-breakpoint
CREATE INDEX "messages_customer_channel_created_idx" ON "messages" USING btree ("customer_id","channel","created_at");--> statement-breakpoint
CREATE INDEX "messages_pending_idx" ON "messages" USING btree ("created_at") WHERE "messages"."status_code" = 201;--> statement-breakpoint
CREATE INDEX "messages_operator_created_idx" ON "messages" USING btree ("operator_id","created_at");--> statement-breakpoint
CREATE INDEX "messages_maintenance_ticket_idx" ON "messages" USING btree ("maintenance_ticket_id");--> statement-breakpoint
CREATE UNIQUE INDEX "attachments_customer_filename_key" ON "attachments" USING btree ("customer_id","filename") WHERE "attachments"."customer_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "attachments_maintenance_ticket_filename_key" ON "attachments" USING btree ("maintenance_ticket_id","filename") WHERE "attachments"."maintenance_ticket_id" is not null;--> statement-breakpoint
CREATE INDEX "attachments_operator_idx" ON "attachments" USING btree ("operator_id");--> statement-breakpoint
CREATE INDEX "background_jobs_status_created_idx" ON "background_jobs" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "background_jobs_operator_kind_idx" ON "background_jobs" USING btree ("operator_id","kind");--> statement-breakpoint
CREATE INDEX "background_jobs_requested_by_staff_idx" ON "background_jobs" USING btree ("requested_by_staff_id");