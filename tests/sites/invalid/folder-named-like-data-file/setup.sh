# A folder named like a data file: its events were dropped without a word.
mkdir data/events.yaml
mv data/events/kurzeme.yaml data/events.yaml/kurzeme.yaml
