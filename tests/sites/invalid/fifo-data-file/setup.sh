# A named pipe in place of the materials file: reported, and the build does not wait on it.
rm data/materials.yml
mkfifo data/materials.yml
