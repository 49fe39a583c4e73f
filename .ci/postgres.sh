#!/usr/bin/env bash
# Starts Debian's PostgreSQL cluster on 127.0.0.1 and makes the role and database the hub's
# PostgreSQL tests use. Idempotent: safe to run again.
set -euo pipefail
version=$(pg_lsclusters --no-header | awk 'NR==1 {print $1}')
if [ -z "$version" ]; then
  version=$(ls /usr/lib/postgresql | sort -n | tail -1)
  pg_createcluster "$version" main >/dev/null
fi
pg_ctlcluster "$version" main start 2>/dev/null || pg_ctlcluster "$version" main status >/dev/null
for _ in $(seq 1 30); do
  su postgres -c "pg_isready -q -h 127.0.0.1" && break
  sleep 1
done
su postgres -c "psql -q -v ON_ERROR_STOP=1" <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'pop') THEN CREATE ROLE pop LOGIN PASSWORD 'pop'; END IF;
END $$;
SQL
su postgres -c "psql -tAc \"SELECT 1 FROM pg_database WHERE datname = 'pop_test'\"" | grep -q 1 ||
  su postgres -c "createdb -O pop pop_test"
echo "ci: PostgreSQL $version ready on 127.0.0.1:5432 (database pop_test)"
