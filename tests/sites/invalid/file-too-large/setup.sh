# An events file of 65 MiB (sparse: no disk space is used): reported from its size, not read.
truncate -s 65M data/events/national.json
