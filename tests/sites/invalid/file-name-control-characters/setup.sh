# Content files whose names hold a line break, an ESC sequence (it would clear a terminal's
# screen) and bytes that are not UTF-8: reported with each shown as an escape, never sent to the
# terminal as they are.
printf -- '---\ntitle: A\n---\nA\n' >"content/$(printf 'new\nline').md"
printf -- '---\ntitle: B\n---\nB\n' >"content/$(printf 'clear\033[2Jscreen').md"
printf -- '---\ntitle: C\n---\nC\n' >"content/$(printf 'bad\377\376name').md"
