"""Relative time expressions ("68 days after the operation", "one week later", "on the following
day"), to be resolved into dates against the events they count from (pipeline.cases.timeline)."""
