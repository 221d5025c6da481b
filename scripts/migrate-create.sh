#!/usr/bin/env bash
# Writes a migration for each SQL dialect from the current collections:
#   npm run migrate:create -- add-notices
# SQLite uses a scratch file; PostgreSQL a scratch database on TEST_POSTGRES_URL's server.
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: npm run migrate:create -- <name>}
export NODE_OPTIONS="--conditions=production"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

DATABASE_URL="file:$scratch/scratch.db" npx payload migrate
DATABASE_URL="file:$scratch/scratch.db" npx payload migrate:create "$name"

admin_url=${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}
database="congtin_migrate_$$"
psql "$admin_url" -qc "CREATE DATABASE $database"
trap 'rm -rf "$scratch"; psql "$admin_url" -qc "DROP DATABASE IF EXISTS $database WITH (FORCE)"' EXIT
pg_url="${admin_url%/*}/$database"
DATABASE_URL="$pg_url" npx payload migrate
DATABASE_URL="$pg_url" npx payload migrate:create "$name"
