"""What runs of the procedure against the mock sites need besides the flows: the client of the
mocks' ``/__mock__/`` control surface (SMS outbox, faults, reset) and made-up staff members.

Above ``flows`` (a staff member is a ``flows.models.StaffMember``), below the CLI, the benchmarks
and the tests that use it.
"""
