-- Custom SQL migration file, put your code below! --
-- Trigram matching for the kennisbank search (kennisbank_words). Trusted since PostgreSQL 13: a database owner may
-- create it; PGlite needs the extension passed to its constructor (db/client.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
