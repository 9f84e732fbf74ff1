CREATE TABLE `accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`auth_method` text NOT NULL,
	`provider` text,
	`region` text NOT NULL,
	`sso_region` text,
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
	`last_used_at` integer,
	`use_count` integer DEFAULT 0 NOT NULL,
	`weight` integer DEFAULT 1 NOT NULL,
	`concurrency_cap` integer,
	`health_check_enabled` integer DEFAULT true NOT NULL,
	`health_check_model` text,
	`last_health_check_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "accounts_auth_method_check" CHECK(auth_method in ('social', 'builder-id', 'idc', 'api-key')),
	CONSTRAINT "accounts_health_state_check" CHECK(health_state in ('healthy', 'recovering', 'unhealthy'))
);
--> statement-breakpoint
CREATE TABLE `api_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`key_hash` text NOT NULL,
	`display_prefix` text NOT NULL,
	`last4` text NOT NULL,
	`name` text NOT NULL,
	`user_id` text,
	`daily_request_limit` integer,
	`rate_limit_per_minute` integer,
	`allowed_models` text,
	`expires_at` integer,
	`active` integer DEFAULT true NOT NULL,
	`total_requests` integer DEFAULT 0 NOT NULL,
	`requests_today` integer DEFAULT 0 NOT NULL,
	`requests_day` text,
	`total_input_tokens` integer DEFAULT 0 NOT NULL,
	`total_output_tokens` integer DEFAULT 0 NOT NULL,
	`last_used_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_key_hash_unique` ON `api_keys` (`key_hash`);--> statement-breakpoint
CREATE INDEX `api_keys_user_id_index` ON `api_keys` (`user_id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`created_at` integer NOT NULL,
	`actor_user_id` text,
	`actor_ip` text,
	`action` text NOT NULL,
	`target_type` text,
	`target_id` text,
	`details` text
);
--> statement-breakpoint
CREATE INDEX `audit_log_created_at_index` ON `audit_log` (`created_at`);--> statement-breakpoint
CREATE INDEX `audit_log_target_index` ON `audit_log` (`target_type`,`target_id`);--> statement-breakpoint
CREATE TABLE `oauth_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`state` text,
	`encrypted_secrets` text,
	`details` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`error` text,
	`result_account_id` text,
	`expires_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`result_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "oauth_sessions_kind_check" CHECK(kind in ('social', 'builder-id', 'idc')),
	CONSTRAINT "oauth_sessions_status_check" CHECK(status in ('pending', 'completed', 'failed', 'expired', 'cancelled'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `oauth_sessions_state_unique` ON `oauth_sessions` (`state`);--> statement-breakpoint
CREATE INDEX `oauth_sessions_expires_at_index` ON `oauth_sessions` (`expires_at`);--> statement-breakpoint
CREATE TABLE `request_logs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`created_at` integer NOT NULL,
	`request_id` text,
	`api_key_id` text,
	`user_id` text,
	`account_id` text,
	`route` text NOT NULL,
	`model_requested` text,
	`model_sent` text,
	`stream` integer NOT NULL,
	`status` integer NOT NULL,
	`error_class` text,
	`error_code` text,
	`input_tokens` integer DEFAULT 0 NOT NULL,
	`output_tokens` integer DEFAULT 0 NOT NULL,
	`cache_read_tokens` integer DEFAULT 0 NOT NULL,
	`cache_write_tokens` integer DEFAULT 0 NOT NULL,
	`credits` real,
	`latency_ms` integer NOT NULL,
	`first_byte_ms` integer,
	`attempts` integer DEFAULT 1 NOT NULL,
	`client_ip` text,
	`user_agent` text
);
--> statement-breakpoint
CREATE INDEX `request_logs_created_at_index` ON `request_logs` (`created_at`);--> statement-breakpoint
CREATE INDEX `request_logs_api_key_index` ON `request_logs` (`api_key_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `request_logs_account_index` ON `request_logs` (`account_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `request_logs_user_index` ON `request_logs` (`user_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`token_hash` text NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`idle_expires_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`revoked_at` integer,
	`client_ip` text,
	`user_agent` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sessions_token_hash_unique` ON `sessions` (`token_hash`);--> statement-breakpoint
CREATE INDEX `sessions_user_id_index` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`username` text NOT NULL,
	`username_key` text NOT NULL,
	`role` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`must_change_password` integer DEFAULT false NOT NULL,
	`password_hash` text NOT NULL,
	`password_changed_at` integer NOT NULL,
	`last_login_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "users_role_check" CHECK(role in ('admin', 'user'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_key_unique` ON `users` (`username_key`);