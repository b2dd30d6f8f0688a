CREATE TABLE "admin_sessions" (
	"id_hash" text PRIMARY KEY NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enrollment_tokens" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "enrollment_tokens_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"token_hash" text NOT NULL,
	"label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "enrollment_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "event_actors" (
	"day" date NOT NULL,
	"site" text NOT NULL,
	"action" text NOT NULL,
	"user_key" text NOT NULL,
	"install_id" uuid NOT NULL,
	CONSTRAINT "event_actors_day_site_action_user_key_install_id_pk" PRIMARY KEY("day","site","action","user_key","install_id")
);
--> statement-breakpoint
CREATE TABLE "event_counts" (
	"hour" timestamp with time zone NOT NULL,
	"site" text NOT NULL,
	"action" text NOT NULL,
	"justification" text NOT NULL,
	"category_mask" integer NOT NULL,
	"n" integer NOT NULL,
	"last_time" timestamp with time zone NOT NULL,
	CONSTRAINT "event_counts_hour_site_action_justification_category_mask_pk" PRIMARY KEY("hour","site","action","justification","category_mask")
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "events_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"time" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"install_id" uuid NOT NULL,
	"user_mode" text NOT NULL,
	"user_id" text,
	"site" text,
	"action" text NOT NULL,
	"categories" jsonb NOT NULL,
	"category_mask" integer NOT NULL,
	"detectors" text[] NOT NULL,
	"confidence" text NOT NULL,
	"justification" text,
	"dropped" integer,
	"policy_version" text NOT NULL,
	"extension_version" text NOT NULL,
	"browser" text NOT NULL,
	CONSTRAINT "events_seq_unique" UNIQUE("seq")
);
--> statement-breakpoint
CREATE TABLE "forward_state" (
	"name" text PRIMARY KEY NOT NULL,
	"cursor" bigint DEFAULT 0 NOT NULL,
	"lease_owner" text,
	"lease_until" timestamp with time zone,
	"last_success_at" timestamp with time zone,
	"last_error" text,
	"forwarded" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policies" (
	"version" integer PRIMARY KEY NOT NULL,
	"body" jsonb NOT NULL,
	"etag" text NOT NULL,
	"comment" text,
	"restored_from" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "admin_sessions_expires_idx" ON "admin_sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "events_time_idx" ON "events" USING btree ("time");--> statement-breakpoint
CREATE INDEX "events_site_time_idx" ON "events" USING btree ("site","time");--> statement-breakpoint
CREATE INDEX "events_action_time_idx" ON "events" USING btree ("action","time");