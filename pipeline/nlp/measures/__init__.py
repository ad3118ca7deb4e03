"""Laboratory counts (total white-blood-cell counts for now), normalised to 10^9/L."""
