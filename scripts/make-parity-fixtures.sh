#!/bin/sh
# Regenerates the parity fixtures (test/fixtures/parity): from each hand-written .md resume, a .txt (pandoc plain
# text), a .docx (pandoc) and a .pdf (LibreOffice from that .docx). The outputs are committed, so tests and CI need
# neither tool; run this after editing a .md. Needs pandoc and LibreOffice Writer
# (Debian: apt-get install pandoc libreoffice-writer-nogui).
set -eu
cd "$(dirname "$0")/../test/fixtures/parity"
export SOURCE_DATE_EPOCH=1735689600 # fixed dates inside the .docx, so a rerun changes nothing it need not
filter=../../../scripts/parity-columns.lua
for md in *.md; do
  name=${md%.md}
  pandoc "$md" -f markdown -t plain --wrap=none --lua-filter "$filter" -o "$name.txt"
  pandoc "$md" -f markdown -t docx --lua-filter "$filter" -o "$name.docx"
done
# One soffice run for every file (it starts slowly); a private profile keeps it off the user's settings.
profile=$(mktemp -d)
soffice -env:UserInstallation="file://$profile" --headless --convert-to pdf --outdir . ./*.docx >/dev/null
rm -rf "$profile"
ls -l ./*.txt ./*.docx ./*.pdf
