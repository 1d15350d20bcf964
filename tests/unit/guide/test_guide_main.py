"""python -m walkthrough.guide：不是录制输出目录时给出清楚的中文提示，且不启动浏览器"""

from __future__ import annotations

from guide_support import make_run

from walkthrough.guide.__main__ import main


def test_a_folder_without_a_run_is_named(tmp_path, capsys):
    assert main([str(tmp_path)]) == 2
    assert "不是一次演示录制的输出目录" in capsys.readouterr().err


def test_a_previous_folder_without_a_run_is_named(tmp_path, capsys):
    make_run(tmp_path / "run")
    assert main([str(tmp_path / "run"), "--compare", str(tmp_path / "nothing")]) == 2
    assert "nothing" in capsys.readouterr().err
