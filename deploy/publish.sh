#!/usr/bin/env bash
# A publishing job any CI can call (GitLab CI, GitHub Actions, Jenkins, cron): builds the site
# and uploads the output to the web server only when the build succeeded.
#
#   deploy/publish.sh SITE_DIR DESTINATION
#
# DESTINATION is anything rsync takes: `deploy@www.example.lv:/var/www/metodika/` over SSH, or a
# local folder. The build uses the site's own `as_of` (site.yaml); a site without one is built
# for the day the job runs (SOURCE_DATE_EPOCH, unless the job sets it). Files are precompressed
# for nginx's gzip_static (deploy/nginx/metodika.conf).
#
# When the data has an error the build prints every error as file:line:col, exits 1, and nothing
# is uploaded: the public site stays as it was. rsync --delay-updates puts the new files in place
# together at the end of the transfer, and --delete-after removes pages the site no longer has
# only after that, so a visitor never meets a page whose stylesheet is not there yet.
#
# Environment: METODIKA (default: metodika on the PATH), OUT (the output folder, default a
# temporary one; keep one between runs for incremental builds), RSYNC_OPTIONS (extra options,
# e.g. "-e 'ssh -i key'").
set -euo pipefail
if [[ $# -ne 2 ]]; then
  echo "usage: $0 SITE_DIR DESTINATION" >&2
  exit 2
fi
site=$1
dest=$2
metodika=${METODIKA:-metodika}
out=${OUT:-}
if [[ -z $out ]]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  out=$tmp/output
fi
if ! grep -qsE '^as_of:|"as_of"' "$site"/site.yaml "$site"/site.yml "$site"/site.json && [[ -z ${SOURCE_DATE_EPOCH:-} ]]; then
  SOURCE_DATE_EPOCH=$(date -u +%s)
  export SOURCE_DATE_EPOCH
fi

status=0
"$metodika" build "$site" --out "$out" --precompress || status=$?
if [[ $status -ne 0 ]]; then
  echo "publish: the build failed (exit $status); nothing was uploaded, $dest is unchanged" >&2
  exit "$status"
fi
# shellcheck disable=SC2086  # RSYNC_OPTIONS is a list of options
eval rsync -a --delay-updates --delete-after --exclude=/.metodika-output ${RSYNC_OPTIONS:-} \
  '"$out/"' '"$dest"'
echo "publish: $out uploaded to $dest"
