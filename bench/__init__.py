"""`make bench`: speed and memory on generated data, each figure beside its floor."""
