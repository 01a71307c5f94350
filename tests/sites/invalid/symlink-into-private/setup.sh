# A page that is a link to a private teacher file: inside the site folder, but its records would
# be published as a page.
ln -s ../data/private/teachers/kuldigas-novads.yaml content/skolotaji.md
