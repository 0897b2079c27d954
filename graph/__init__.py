"""geograph: a geopolitical relationship graph explorer."""
