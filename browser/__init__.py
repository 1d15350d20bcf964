"""Infrastructure under every browser run: which Firefox and how it is launched, the TCP_NODELAY
shim, secrets scrubbed from saved artifacts, artifacts attached to Allure.

Imports no other package of the project: the CLI, the tests and the benchmarks build on it.
"""
