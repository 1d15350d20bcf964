"""Bulk review assistance: export every application with independent checks and its evidence to a
worksheet, then submit exactly the decisions a reviewer filled in, once.

Works only from what the site shows and the proofs; never imports ``mock_sites``.
"""
