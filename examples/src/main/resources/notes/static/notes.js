// Nothing needed yet: the pages work without scripts.
