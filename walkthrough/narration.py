"""Offline Mandarin narration: each caption read by Debian's espeak-ng.

Its ``cmn-latn-pinyin`` voice speaks tone-numbered pinyin ("shu1 ru4 wang3 zhi3") with tones; its
plain ``cmn`` voice reads tone digits as English (espeak-ng issues #1028, #1370). pypinyin makes
the pinyin. Nothing is downloaded. One WAV per text; the track puts each at its cue's start.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import wave
from array import array
from collections.abc import Iterable
from pathlib import Path

from pypinyin import Style, lazy_pinyin, load_phrases_dict

VOICE = "cmn-latn-pinyin"
#: Words pypinyin reads otherwise: 弹出 (a dialog) is tán chū, not dàn chū (a bullet); 一 before
#: a fourth tone is said yí, which espeak-ng does not do by itself.
READINGS = {"弹出": [["tán"], ["chū"]], "下一位": [["xià"], ["yí"], ["wèi"]]}
load_phrases_dict(READINGS)
DIGITS = dict(zip("0123456789", "零一二三四五六七八九", strict=True))
PAUSE, FULL_STOP = ",", "。"  # espeak-ng pauses ≈ 0.19 s at the one, ≈ 0.35 s at the other (an ASCII "." makes none)
_SENTENCE_END = re.compile(r"[。！？!?\n]")
#: How captions write what is read aloud otherwise: 6′ (a step the document does not list).
SPOKEN = {"′": "补", "“": "", "”": "", "（": "，", "）": "，", "、": "，"}


def spoken(text: str) -> str:
    """Digits as Chinese numerals, quotation marks dropped, brackets as pauses."""
    text = re.sub(r"\d", lambda m: DIGITS[m[0]], text)
    for mark, said in SPOKEN.items():
        text = text.replace(mark, said)
    return text


def to_pinyin(text: str) -> str:
    """``"1 输入网址，注册账户。"`` → ``"yi1 , shu1 ru4 wang3 zhi3 , zhu4 ce4 zhang4 hu4 。"``: tone
    numbers (5 for the neutral tone); a sentence's end as a full stop, other punctuation and
    spaces (after a step's number) as a shorter pause; anything else left out."""

    def other(chars: str) -> list[str]:
        if _SENTENCE_END.search(chars):
            return [FULL_STOP]
        return [PAUSE] if re.search(r"[^\w]", chars) else []

    words = lazy_pinyin(spoken(text), style=Style.TONE3, neutral_tone_with_five=True, errors=other)
    out: list[str] = []
    for word in words:
        if word in (PAUSE, FULL_STOP):
            if not out:
                continue
            if out[-1] in (PAUSE, FULL_STOP):  # one pause, the longer one
                out[-1] = FULL_STOP if FULL_STOP in (word, out[-1]) else PAUSE
                continue
        out.append(word)
    return " ".join(out)


def espeak_args(pinyin: str, target: Path, words_per_minute: int) -> list[str]:
    return ["-v", VOICE, "-s", str(words_per_minute), "-w", str(target), pinyin]


def espeak_exe() -> str:
    found = shutil.which("espeak-ng")
    if found is None:
        raise RuntimeError("朗读需要 espeak-ng：请运行 `make setup`（或以 root 执行 apt-get install -y espeak-ng）")
    return found


def wav_seconds(path: Path) -> float:
    with wave.open(str(path), "rb") as w:
        return w.getnframes() / w.getframerate()


class Narrator:
    """Speaks texts into WAV files (cached by text) and says how long each lasts."""

    def __init__(self, folder: Path, words_per_minute: int) -> None:
        self.folder = folder
        self.words_per_minute = words_per_minute
        self._seconds: dict[str, float] = {}

    def clip(self, text: str) -> Path:
        digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
        return self.folder / f"{digest}.wav"

    def prepare(self, texts: Iterable[str]) -> None:
        """Speak every text now, so that nothing waits for espeak while the video records."""
        for text in texts:
            self.seconds(text)

    def seconds(self, text: str) -> float:
        if text not in self._seconds:
            self.folder.mkdir(parents=True, exist_ok=True)
            path = self.clip(text)
            subprocess.run([espeak_exe(), *espeak_args(to_pinyin(text), path, self.words_per_minute)],
                           check=True, capture_output=True)
            self._seconds[text] = wav_seconds(path)
        return self._seconds[text]


def mix(cues: Iterable[tuple[float, Path]], duration: float, target: Path) -> Path:
    """One mono track of ``duration`` seconds with each clip starting at its time (a later clip
    cuts an earlier one short rather than talking over it)."""
    cues = sorted(cues)
    rate, width = 22050, 2
    if cues:
        with wave.open(str(cues[0][1]), "rb") as w:
            rate, width = w.getframerate(), w.getsampwidth()
    track = array("h", bytes(int(duration * rate) * width))
    for start, clip in cues:
        with wave.open(str(clip), "rb") as w:
            samples = array("h", w.readframes(w.getnframes()))
        at = int(start * rate)
        samples = samples[: max(0, len(track) - at)]
        track[at:at + len(samples)] = samples
    with wave.open(str(target), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(width)
        out.setframerate(rate)
        out.writeframes(track.tobytes())
    return target
