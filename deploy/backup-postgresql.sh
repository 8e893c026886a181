#!/usr/bin/env bash
# One backup of $DATABASE in pg_dump's custom format (compressed; pg_restore can restore
# one table or the whole), checked by listing its contents, then backups older than
# $KEEP_DAYS days are deleted. Run by shaoxian-backup.service or by hand:
#   DATABASE=shaoxian BACKUP_DIR=/var/backups/shaoxian deploy/backup-postgresql.sh
# Connection: libpq's variables (PGHOST, PGPORT, PGUSER), default the local socket.
set -euo pipefail

: "${DATABASE:?which database}"
BACKUP_DIR=${BACKUP_DIR:-/var/backups/shaoxian}
KEEP_DAYS=${KEEP_DAYS:-14}

mkdir -p "$BACKUP_DIR"
target="$BACKUP_DIR/$DATABASE-$(date -u +%Y%m%dT%H%M%SZ).dump"
pg_dump --format=custom --no-owner --file="$target.partial" "$DATABASE"
pg_restore --list "$target.partial" >/dev/null  # a dump that cannot be read is no backup
mv "$target.partial" "$target"
find "$BACKUP_DIR" -name "$DATABASE-*.dump" -mtime "+$KEEP_DAYS" -delete
echo "backup written: $target ($(du -h "$target" | cut -f1))"
