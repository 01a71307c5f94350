# Links out of the site in the folders the theme is read from (read once the data is valid).
mkdir -p ../outside templates themes/default/static
printf 'OUTSIDE-SECRET {{title}}\n' >../outside/page.mustache
printf 'body{content:"OUTSIDE-SECRET"}\n' >../outside/evil.css
ln -s ../../outside/page.mustache templates/page.mustache
ln -s ../../../../outside/evil.css themes/default/static/evil.css
