PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`auth_method` text NOT NULL,
	`provider` text,
	`region` text NOT NULL,
	`sso_region` text,
	`start_url` text,
	`encrypted_credentials` text NOT NULL,
	`profile_arn` text,
	`machine_id` text,
	`proxy_url` text,
	`email` text,
	`plan` text,
	`entitlements` text,
	`allowed_models` text,
	`disabled` integer DEFAULT false NOT NULL,
	`health_state` text DEFAULT 'healthy' NOT NULL,
	`consecutive_errors` integer DEFAULT 0 NOT NULL,
	`error_count` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`last_error_at` integer,
	`cooldown_until` integer,
	`cooldown_reason` text,
	`quarantined` integer DEFAULT false NOT NULL,
	`quarantine_reason` text,
	`usage_used` real,
	`usage_limit` real,
	`usage_detail` text,
	`usage_synced_at` integer,
	`usage_resets_at` integer,
	`pool_state` text,
	`last_used_at` integer,
	`use_count` integer DEFAULT 0 NOT NULL,
	`weight` integer DEFAULT 1 NOT NULL,
	`concurrency_cap` integer,
	`health_check_enabled` integer DEFAULT true NOT NULL,
	`health_check_model` text,
	`last_health_check_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "accounts_auth_method_check" CHECK(auth_method in ('social', 'builder-id', 'idc', 'api-key', 'external-idp')),
	CONSTRAINT "accounts_health_state_check" CHECK(health_state in ('healthy', 'recovering', 'unhealthy'))
);
--> statement-breakpoint
INSERT INTO `__new_accounts`("id", "name", "auth_method", "provider", "region", "sso_region", "encrypted_credentials", "profile_arn", "machine_id", "proxy_url", "email", "plan", "entitlements", "allowed_models", "disabled", "health_state", "consecutive_errors", "error_count", "last_error", "last_error_at", "cooldown_until", "cooldown_reason", "quarantined", "quarantine_reason", "usage_used", "usage_limit", "usage_detail", "usage_synced_at", "usage_resets_at", "pool_state", "last_used_at", "use_count", "weight", "concurrency_cap", "health_check_enabled", "health_check_model", "last_health_check_at", "created_at", "updated_at") SELECT "id", "name", "auth_method", "provider", "region", "sso_region", "encrypted_credentials", "profile_arn", "machine_id", "proxy_url", "email", "plan", "entitlements", "allowed_models", "disabled", "health_state", "consecutive_errors", "error_count", "last_error", "last_error_at", "cooldown_until", "cooldown_reason", "quarantined", "quarantine_reason", "usage_used", "usage_limit", "usage_detail", "usage_synced_at", "usage_resets_at", "pool_state", "last_used_at", "use_count", "weight", "concurrency_cap", "health_check_enabled", "health_check_model", "last_health_check_at", "created_at", "updated_at" FROM `accounts`;--> statement-breakpoint
DROP TABLE `accounts`;--> statement-breakpoint
ALTER TABLE `__new_accounts` RENAME TO `accounts`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
ALTER TABLE `request_logs` ADD `error_message` text;--> statement-breakpoint
ALTER TABLE `request_logs` ADD `attempt_log` text;