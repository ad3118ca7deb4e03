"""Why a review sheet cannot be refreshed."""
from __future__ import annotations


class ReviewError(Exception):
    """The review sheet cannot be refreshed (and was left untouched); str() says why."""


class ReviewChanged(ReviewError):
    """The review (or its state file) on disk is no longer the one that was read: another
    program saved it during the refresh. Nothing was replaced; open and merge it again."""
