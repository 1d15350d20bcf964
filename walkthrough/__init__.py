"""Training material from the flows: captioned walkthrough videos and the illustrated 操作流程 guide.

Runs the same flows as the regression suite with presentation on (outline, cursor, captions, masking
of secrets); never imports ``mock_sites`` (on the real sites there is none).
"""
