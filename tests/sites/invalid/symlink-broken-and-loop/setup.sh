# A link to nothing was skipped silently; a link to the folder above would be walked for ever.
ln -s no-such-file.yaml data/olympiads/2027-2028.yaml
ln -s .. content/loop
