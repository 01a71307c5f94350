# Links from the site's input folders to files and folders beside the site: never followed.
mkdir -p ../outside/events
printf -- '---\ntitle: Noslēpums\n---\nroot:x:0:0:OUTSIDE-SECRET\n' >../outside/secret.md
printf -- '- {id: outside-event}\n' >../outside/events/x.yaml
printf 'OUTSIDE-SECRET {{title}}\n' >../outside/page.mustache
ln -s ../../../outside/secret.md content/news/secret.md
ln -s ../../../outside/events data/events/more
mkdir -p templates
ln -s ../../outside/page.mustache templates/page.mustache
