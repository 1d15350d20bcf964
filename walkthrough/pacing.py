"""How long things stay on screen: the one place that decides (normal; slow for first-time
viewers; fast when only the guide's screenshots are wanted). The presenter waits on these;
nothing in the flows waits for the video."""

from __future__ import annotations

import time
from dataclasses import dataclass

from playwright.sync_api import Page


@dataclass(frozen=True)
class Pace:
    name: str
    chapter_s: float  # a chapter card (section and part titles)
    caption_min_s: float  # a step's caption, at least
    result_s: float  # what the last action of a step leads to, before the next caption
    cursor_ms: int  # the cursor's travel to the element to use
    point_ms: int  # the element outlined, before the action
    char_ms: int  # one typed character
    typing_max_ms: int  # a whole field's typing, at most (long remarks go faster)
    sms_s: float  # the SMS card after a 不通过
    speech_wpm: int  # how fast the narration (espeak-ng -s) reads a caption

    def typing_ms(self, chars: int) -> int:
        """How long typing ``chars`` characters is shown."""
        return min(chars * self.char_ms, self.typing_max_ms)


PACES = {
    "normal": Pace("normal", chapter_s=2.5, caption_min_s=3.0, result_s=1.2, cursor_ms=450,
                   point_ms=350, char_ms=70, typing_max_ms=2500, sms_s=3.5, speech_wpm=165),
    "slow": Pace("slow", chapter_s=4.0, caption_min_s=5.0, result_s=2.5, cursor_ms=800,
                 point_ms=900, char_ms=140, typing_max_ms=5000, sms_s=6.0, speech_wpm=135),
    # Too quick to follow: to regenerate the guide's screenshots (and --compare them) after the
    # screens changed, when the video is not the point.
    "fast": Pace("fast", chapter_s=1.0, caption_min_s=1.0, result_s=0.4, cursor_ms=150,
                 point_ms=100, char_ms=15, typing_max_ms=600, sms_s=1.0, speech_wpm=220),
}


@dataclass
class Timeline:
    """Seconds since the video began (the page was created when ``origin`` was taken)."""

    origin: float

    def now(self) -> float:
        return time.perf_counter() - self.origin

    def hold_until(self, page: Page, moment: float) -> None:
        """Keep what is shown on screen until ``moment`` (video seconds)."""
        remaining = moment - self.now()
        if remaining > 0:
            page.wait_for_timeout(remaining * 1000)

    def hold(self, page: Page, seconds: float) -> None:
        self.hold_until(page, self.now() + seconds)
