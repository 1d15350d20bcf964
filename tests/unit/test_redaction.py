"""Secrets scrubbed from kept artifacts (browser.redaction)."""

import zipfile

from browser.redaction import MASK, redact_text, redact_trace


def test_redact_text_masks_plain_and_url_encoded_forms():
    text = "password=Ab%2B12345&raw=Ab+12345&other=keep"
    assert redact_text(text, {"Ab+12345"}) == f"password={MASK}&raw={MASK}&other=keep"


def test_redact_trace_scrubs_every_text_member_of_a_trace(tmp_path):
    trace = tmp_path / "trace.zip"
    with zipfile.ZipFile(trace, "w") as z:
        z.writestr("trace.trace", '{"method":"fill","value":"Pw12345678"}')
        z.writestr("resources/a.html", "<input value='11010519491231002X'>")
        z.writestr("resources/b.jpeg", b"\xff\xd8\xff binary Pw12345678")
    redact_trace(trace, {"Pw12345678", "11010519491231002X"})
    with zipfile.ZipFile(trace) as z:
        assert "Pw12345678" not in z.read("trace.trace").decode()
        assert "11010519491231002X" not in z.read("resources/a.html").decode()
        assert z.read("resources/b.jpeg").startswith(b"\xff\xd8\xff")
