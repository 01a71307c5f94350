# 40 partials, each including the next twice (90 bytes in all, 2^40 × 2 bytes expanded): an error
# where the expansion crosses 1 MiB, before anything is rendered.
mkdir -p templates/partials
echo '{{> partials/b1}}' >templates/partials/head_extra.mustache
for i in $(seq 1 40); do
  echo "{{> partials/b$((i + 1))}}{{> partials/b$((i + 1))}}" >"templates/partials/b$i.mustache"
done
echo 'xx' >templates/partials/b41.mustache
