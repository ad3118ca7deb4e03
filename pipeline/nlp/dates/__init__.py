"""Calendar dates of clinical events, as ISO strings with the precision written."""
