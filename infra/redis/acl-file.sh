#!/bin/sh
# Writes a Redis ACL file from acl-rules.conf and one password per user.
#   acl-file.sh <rules file> <password dir> > users.acl
# <password dir> holds "default" (the default user's password) and one file per user named in
# the rules (e.g. "herald-user"), each holding that user's password. The ACL file stores only
# SHA-256 hashes of the passwords. POSIX sh + awk + sha256sum, so that it runs in the Redis
# container (compose) as well as in start.sh.
set -euf  # -f: the patterns hold * and must never be expanded as file names
rules=$1
passwords=$2

hash() {
  printf '%s' "$(cat "$passwords/$1")" | sha256sum | cut -d' ' -f1
}

echo "user default on #$(hash default) ~* &* +@all"
awk '
  /^[[:space:]]*#/ || /^[[:space:]]*$/ { next }
  /^[^[:space:]]/ { if (name != "") print name "\t" rules; name = $1; $1 = ""; rules = $0; next }
  { rules = rules " " $0 }
  END { if (name != "") print name "\t" rules }
' "$rules" | {
  commands=""
  while IFS="$(printf '\t')" read -r name rules; do
    rules=$(echo $rules)
    if [ "$name" = COMMANDS ]; then
      commands=$rules
      continue
    fi
    echo "user $name on #$(hash "$name") $commands $rules"
  done
}
