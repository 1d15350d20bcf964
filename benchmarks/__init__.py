"""Benchmarks of the mock sites: ``python -m benchmarks`` (``make bench``).

- ``http_procedure``: the whole documented procedure over plain HTTP (no browser), the lower
  bound the browser flows are compared with;
- ``throughput``: list / detail / decide under concurrent reviewers;
- ``browser_procedure``: the same procedure in Firefox;
- ``suite``: wall time of the end-to-end tests.
"""
