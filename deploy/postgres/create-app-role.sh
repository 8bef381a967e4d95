#!/bin/bash
# Runs once when the PostgreSQL volume is created: the login role the app uses. It owns nothing and cannot
# bypass row-level security; the app's migrations grant it read/write on the tables.
set -e
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<-SQL
  CREATE ROLE sidig_app LOGIN PASSWORD '${SIDIG_APP_PASSWORD}' NOSUPERUSER NOBYPASSRLS;
  GRANT CONNECT ON DATABASE ${POSTGRES_DB} TO sidig_app;
SQL
