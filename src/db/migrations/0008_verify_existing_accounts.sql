-- Moderator rights now need a verified e-mail address (issue 12). Accounts that exist before this migration were made
-- by an operator or by users of a trusted installation: they count as verified, so no moderator loses access.
UPDATE "user" SET "email_verified" = true WHERE "email_verified" = false;
