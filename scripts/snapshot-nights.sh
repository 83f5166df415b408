#!/usr/bin/env bash
# Writes the three nights of the README's "Nightly full exports" into DIR, for jobs/catalog-snapshot.yml:
#   night-1.xml  the whole catalogue of N items
#   night-2.xml  1% of them changed, 0.3% new, 0.5% gone
#   night-3.xml  night 2 cut off after its first 30% (a well-formed file: only the guard can tell)
# The same rules as the tests' ExportNights. Usage: scripts/snapshot-nights.sh DIR [N=10000]
set -euo pipefail
dir=${1:?usage: scripts/snapshot-nights.sh DIR [N]}
n=${2:-10000}
mkdir -p "$dir"
night() { # which -> the items of that night, one per line
  awk -v n="$n" -v night="$1" 'BEGIN {
    for (i = 1; i <= n; i++) {
      if (night == 1) { print i, 100 + i; continue }
      if (i % 200 == 0) continue
      print i, 100 + i + (i % 100 == 1 ? 1000 : 0)
    }
    if (night > 1) for (i = n + 1; i <= n + int(n * 3 / 1000); i++) print i, 100 + i
  }'
}
xml() { # items on stdin -> an export
  echo '<?xml version="1.0" encoding="UTF-8"?>'
  echo '<catalog>'
  awk '{ printf "  <item id=\"IT-%07d\"><name>Item IT-%07d</name><price>%d.50</price></item>\n", $1, $1, $2 }'
  echo '</catalog>'
}
night 1 | xml > "$dir/night-1.xml"
night 2 | xml > "$dir/night-2.xml"
items=$(night 2 | wc -l)
night 2 | head -n $(( items * 3 / 10 )) | xml > "$dir/night-3.xml"
echo "wrote $dir/night-1.xml ($n items), night-2.xml ($items), night-3.xml ($(( items * 3 / 10 )))"
