#!/usr/bin/env bash
# The PostGIS views as GIS users open them: GDAL's ogrinfo (the reader behind QGIS) reads current_hospitals and
# state_summaries of a real ingest as WGS 84 points, with as many features as the store holds.
# Usage: postgis_views_in_gdal.sh HCI_BINARY SNAPSHOT_DIR PG_URI_FILE   (the `postgres` ctest fixture's server)
set -euo pipefail
hci=$1 snapshot=$2
admin_uri=$(cat "$3")
database="hci_gdal_$$"
fail() { echo "FAIL: $*" >&2; exit 1; }

psql -q "$admin_uri" -c "CREATE DATABASE $database"
trap 'psql -q "$admin_uri" -c "DROP DATABASE IF EXISTS $database WITH (FORCE)"' EXIT
uri="${admin_uri%/*}/$database"
"$hci" --db "$uri" ingest --source-dir "$snapshot" --report-dir "$(mktemp -d)" > /dev/null

# postgresql://USER@HOST:PORT/DB as GDAL's connection string
authority=${uri#postgresql://}; authority=${authority%%/*}
user=${authority%@*} host_port=${authority#*@}
gdal_source="PG:host=${host_port%:*} port=${host_port#*:} user=$user dbname=$database"

for view in current_hospitals state_summaries; do
  stored=$(psql -tA "$uri" -c "SELECT count(*) FROM $view")
  summary=$(ogrinfo -ro -so "$gdal_source" "$view")
  features=$(sed -n 's/^Feature Count: //p' <<< "$summary")
  [ "$features" = "$stored" ] || fail "ogrinfo reads $features features of $view, the store holds $stored"
  grep -q '^Geometry: Point' <<< "$summary" || fail "ogrinfo does not read $view as points: $summary"
  grep -q 'WGS 84' <<< "$summary" || fail "ogrinfo finds no WGS 84 coordinate system on $view: $summary"
  echo "ok: ogrinfo reads $view: $features point features"
done
hospitals=$(psql -tA "$uri" -c "SELECT hospital_count FROM datasets WHERE is_current")
[ "$(psql -tA "$uri" -c "SELECT count(*) FROM current_hospitals")" = "$hospitals" ] \
  || fail "current_hospitals does not hold the current version's $hospitals hospitals"
echo "ok: current_hospitals holds the current version's $hospitals hospitals"
