CREATE TABLE "kennisbank_version" (
	"id" integer PRIMARY KEY NOT NULL,
	"version" integer NOT NULL
);
