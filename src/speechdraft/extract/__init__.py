"""Extract phrase-bank points from a writer's own speeches."""
