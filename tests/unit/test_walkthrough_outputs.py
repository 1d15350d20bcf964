"""The walkthrough's outputs made from a run: subtitles, chapters, ffmpeg arguments, pinyin,
the narration track, the manifest's timing."""

from __future__ import annotations

import re
import wave
from array import array
from pathlib import Path

import pytest

from flows import steps
from walkthrough.chapters import CLIP_SECTIONS, chapters, clip_ranges, ffmetadata
from walkthrough.ffmpeg import clip_args, mp4_args, webm_args
from walkthrough.manifest import ACTION, Manifest, Shot, StepCapture
from walkthrough.narration import espeak_args, mix, to_pinyin, wav_seconds
from walkthrough.pacing import PACES
from walkthrough.presenter import caption_text
from walkthrough.subtitles import srt, vtt

RUN = (
    StepCapture(steps.REGISTER.key, 2.5, 10.0,
                (Shot("shots/001-register-1.png", ACTION, "输入", "手机号", 1, (1, 2, 3, 4)),)),
    StepCapture(steps.FILL_PERSONAL_INFO.key, 10.1, 20.0),
    StepCapture(steps.LOGIN_AGAIN.key, 23.0, 30.0),
    StepCapture(steps.CLICK_STAFF_LOGIN.key, 33.0, 36.0),
    StepCapture(steps.CHOOSE_RESULT.key, 36.1, 40.0),
    StepCapture(steps.CHOOSE_RESULT.key, 40.1, 44.5),
)
MANIFEST = Manifest("all", "研究生", "normal", (1280, 720), RUN)


def test_srt_has_one_cue_per_step_in_order_with_titles_and_notes():
    text = srt(RUN)
    blocks = text.strip().split("\n\n")
    assert len(blocks) == len(RUN)
    for i, (block, capture) in enumerate(zip(blocks, RUN, strict=True), start=1):
        lines = block.splitlines()
        assert lines[0] == str(i)
        assert re.fullmatch(r"\d\d:\d\d:\d\d,\d{3} --> \d\d:\d\d:\d\d,\d{3}", lines[1])
        assert capture.step.title in block
    assert "00:00:02,500 --> 00:00:10,000" in text
    assert steps.CHOOSE_RESULT.note in text  # the document's note goes with its step


def test_vtt_header_dot_times_and_offset_for_a_clip():
    text = vtt(RUN[3:], offset=33.0)
    assert text.startswith("WEBVTT\n\n")
    assert "00:00:00.000 --> 00:00:03.000" in text
    assert text.count(" --> ") == 3
    assert caption_text(steps.CLICK_STAFF_LOGIN) in text


def test_chapters_tile_the_video_one_per_part():
    found = chapters(MANIFEST, duration=46.0)
    assert [c.part for c in found] == [steps.PART_REGISTER, steps.PART_AUTHORIZE, steps.PART_REVIEW]
    assert found[0].start == 0.0 and found[-1].end == 46.0
    assert all(a.end == b.start for a, b in zip(found, found[1:], strict=False))
    assert found[1].steps == (steps.LOGIN_AGAIN.key,)
    assert found[2].steps == (steps.CLICK_STAFF_LOGIN.key, steps.CHOOSE_RESULT.key,
                              steps.CHOOSE_RESULT.key)
    ranges = clip_ranges(found)
    assert set(ranges) == set(CLIP_SECTIONS)
    assert ranges["office"] == (0.0, 30.0) and ranges["jcjy"] == (30.0, 46.0)


def test_ffmetadata_chapters_in_milliseconds_escaped_and_shifted():
    found = chapters(MANIFEST, duration=46.0)
    text = ffmetadata(found, "标题=一;二", offset=0.0)
    assert text.startswith(";FFMETADATA1\ntitle=标题\\=一\\;二\n")
    assert text.count("[CHAPTER]") == 3
    assert "START=0\nEND=20000\n" in text and "START=30000\nEND=46000\n" in text
    shifted = ffmetadata(found[2:], "t", offset=30.0)
    assert "START=0\nEND=16000\n" in shifted


def test_mp4_arguments_h264_yuv420p_faststart_chapters_audio_and_cut():
    args = mp4_args(Path("in.webm"), Path("out.mp4"), Path("ch.ffmeta"), Path("a.wav"), 30.0, 46.0)
    joined = " ".join(args)
    assert "-c:v libx264" in joined and "-pix_fmt yuv420p" in joined
    assert "-movflags +faststart" in joined
    assert "-map_chapters 2" in joined and "-map 1:a:0" in joined and "-c:a aac" in joined
    assert joined.count("-ss 30.000") == 2 and joined.count("-t 16.000") == 2  # video and audio
    assert args[-1] == "out.mp4"
    plain = mp4_args(Path("in.webm"), Path("out.mp4"))
    assert "-map_chapters" not in plain and "-ss" not in plain and "-c:a" not in plain


def test_clips_are_copied_from_key_frames_forced_at_their_start():
    whole = mp4_args(Path("in.webm"), Path("w.mp4"), keyframes=(0.0, 30.5))
    assert whole[whole.index("-force_key_frames") + 1] == "0.000,30.500"
    clip = clip_args(Path("w.mp4"), Path("c.mp4"), Path("m.ffmeta"), 30.5, 46.0)
    assert clip[clip.index("-ss") + 1] == "30.500" and clip[clip.index("-t") + 1] == "15.500"
    assert clip[clip.index("-c") + 1] == "copy" and "+faststart" in clip


def test_webm_keeps_the_recorded_stream_and_adds_opus_narration():
    assert webm_args(Path("i.webm"), Path("o.webm"))[-3:] == ["-c:v", "copy", "o.webm"]
    assert "libopus" in webm_args(Path("i.webm"), Path("o.webm"), Path("a.wav"))


@pytest.mark.parametrize(("text", "pinyin"), [
    ("1 输入网址，注册账户。", "yi1 , shu1 ru4 wang3 zhi3 , zhu4 ce4 zhang4 hu4 。"),
    ("3（1）点击“详情”", "san1 , yi1 , dian3 ji1 xiang2 qing2"),
    ("6′ 学校", "liu4 bu3 , xue2 xiao4"),
    ("审核结果选择。\n审核结果不通过，", "shen3 he2 jie2 guo3 xuan3 ze2 。 shen3 he2 jie2 guo3 bu4 tong1 guo4 ,"),
    ("在弹出窗口中", "zai4 tan2 chu1 chuang1 kou3 zhong1"),
    ("审核下一位学生", "shen3 he2 xia4 yi2 wei4 xue2 sheng1"),
    ("第一位", "di4 yi1 wei4"),
])
def test_pinyin_has_tone_numbers_and_pauses(text, pinyin):
    assert to_pinyin(text) == pinyin


def test_espeak_uses_the_pinyin_voice_never_plain_cmn():
    args = espeak_args("ni3 hao3", Path("x.wav"), 135)
    assert args[:2] == ["-v", "cmn-latn-pinyin"] and args[-1] == "ni3 hao3"


@pytest.mark.parametrize("pace", list(PACES.values()), ids=list(PACES))
def test_every_pace_can_be_narrated(pace):
    args = espeak_args("ni3 hao3", Path("x.wav"), pace.speech_wpm)
    assert 80 <= int(args[args.index("-s") + 1]) <= 450  # espeak-ng's range of speeds


def _tone(path: Path, seconds: float, value: int, rate: int = 1000) -> Path:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(array("h", [value] * int(seconds * rate)).tobytes())
    return path


def test_narration_track_puts_each_clip_at_its_cue(tmp_path):
    a, b = _tone(tmp_path / "a.wav", 0.5, 100), _tone(tmp_path / "b.wav", 0.5, 200)
    track = mix([(2.0, b), (0.25, a)], 3.0, tmp_path / "track.wav")
    assert wav_seconds(track) == pytest.approx(3.0)
    with wave.open(str(track), "rb") as w:
        samples = array("h", w.readframes(w.getnframes()))
    assert samples[0] == 0 and samples[300] == 100 and samples[1000] == 0 and samples[2200] == 200


def test_manifest_keeps_timing_and_shots_through_run_json(tmp_path):
    MANIFEST.save(tmp_path)
    loaded = Manifest.load(tmp_path)
    assert loaded == MANIFEST
    assert all(c.start < c.end for c in loaded.steps)
    assert all(a.end <= b.start for a, b in zip(loaded.steps, loaded.steps[1:], strict=False))


def test_typing_is_readable_but_bounded():
    normal, slow = PACES["normal"], PACES["slow"]
    assert normal.typing_ms(10) == 10 * normal.char_ms
    assert normal.typing_ms(200) == normal.typing_max_ms
    assert slow.caption_min_s > normal.caption_min_s and slow.char_ms > normal.char_ms
