"""Fetch: case reports from PubMed, PMC and Europe PMC into a folder ``caselit extract`` reads.

``Fetcher(out_dir, FetchSettings.from_env(...)).fetch(pmids=..., pmcids=..., dois=...,
query=...)`` saves one XML file per article (open full text when there is one, else the
PubMed record) and returns what was saved and what failed. Requests go through
``HttpClient``: rate limit, retries with backoff, timeouts, on-disk cache.
"""
from pipeline.fetch.client import FetchError, HttpClient, RateLimiter
from pipeline.fetch.reports import Fetcher, FetchResult, FetchSettings, parse_ids

__all__ = ["FetchError", "FetchResult", "FetchSettings", "Fetcher", "HttpClient", "RateLimiter", "parse_ids"]
