"""Presenter mode: the documented steps as a viewer sees them.

A :class:`Presenter` is a :class:`flows.runner.StepObserver`: a chapter card when a section or
part begins, then each step's caption (number, title, note from :mod:`flows.steps`). While
:func:`presenting` is active, Playwright's own action methods (``Locator.click``, ``fill``,
``check``, …) are wrapped for that page only: before each action the element the page object acts
on is outlined and numbered, the cursor moves onto it and the ACTION shot is taken; typing is shown
character by character; the flow's own call then runs unchanged. So the element comes from the page
object's locator, not from a second list, and with presentation off nothing is wrapped.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import wraps
from pathlib import Path
from typing import Any

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Keyboard, Locator, Page

from flows import steps
from flows.steps import Step
from pages.secrets import known_secrets

from .manifest import ACTION, RESULT, Shot, StepCapture
from .pacing import Pace, Timeline

log = logging.getLogger("jcjy.walkthrough")

OVERLAY_JS = (Path(__file__).with_name("overlay.js")).read_text(encoding="utf-8")
MASK_COLOR = "#374151"
SECRET_FIELDS = "[data-secret]"  # tagged by pages.secrets.fill_secret
#: A clock time as the sites print it (申请时间, 审核时间): covered in the shots, so that two runs'
#: shots differ only where the screens changed (``--compare``), not where the clock moved.
CLOCK_TIME = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}")

#: Playwright's Locator actions and what a person does, in Chinese (check: see _verb).
VERBS = {
    "click": "点击", "dblclick": "双击", "tap": "点击", "fill": "输入", "type": "输入",
    "press_sequentially": "输入", "check": "勾选", "uncheck": "取消勾选", "set_checked": "勾选",
    "select_option": "选择", "press": "按键", "set_input_files": "上传",
}
TYPED = ("fill", "type", "press_sequentially")
#: Steps whose end screen the procedure document shows (dialog opened, grants saved, 已保存).
RESULT_AFTER = frozenset({
    steps.OPEN_MEMBERS.key, steps.GRANT_REVIEW_PERMISSION.key, steps.CONFIRM_AND_NEXT.key,
})
#: Steps whose screen just before the first click is a result too (the dialog ticked).
RESULT_BEFORE_CLICK = frozenset({steps.GRANT_REVIEW_PERMISSION.key})
#: Steps after which the student may have been sent an SMS (a 不通过).
SMS_AFTER = frozenset({steps.CONFIRM_AND_NEXT.key})
SMS_TARGET = "学生收到的短信"
SMS_WHO = "短信 · 发给申请学生（手机号不显示）"

# The element's visible label or accessible name (never its value), then the outline and cursor.
_POINT = """async (el, [marker, ms]) => {
  const clean = t => (t || '').replace(/[*＊]/g, '').replace(/\\s+/g, ' ').trim();
  let name = clean(el.getAttribute('aria-label'));
  const by = el.getAttribute('aria-labelledby');
  if (!name && by) name = clean(by.split(/\\s+/).map(id => {
    const x = document.getElementById(id); return x ? x.innerText : ''; }).join(' '));
  if (!name && el.labels && el.labels.length) name = clean(el.labels[0].innerText);
  if (!name && /^(BUTTON|A|SUMMARY|LABEL)$/.test(el.tagName)) name = clean(el.innerText);
  if (!name && el.tagName === 'INPUT' && /^(submit|button|reset)$/.test(el.type)) name = clean(el.value);
  if (!name) name = clean(el.title || el.placeholder || '');
  let r = el.getBoundingClientRect();
  if (!r.width || !r.height) return null;
  if (r.top < 0 || r.bottom > innerHeight) { el.scrollIntoView({block: 'center'}); }
  const box = await window.__wt.point(el, marker, ms);
  return {name, tag: el.tagName.toLowerCase(), type: (el.type || '').toLowerCase(), box};
}"""
# Drawn only: no input event, so the page's own scripts see just the flow's fill.
# Prefix i of the value from (i-1)·ms/n to i·ms/n, then the field emptied.
_TYPE_VALUE = """(el, [v, ms]) => new Promise(done => {
  const n = v.length, pause = ms / n;
  let i = 1;
  const next = () => {
    if (i >= n) { el.value = ''; done(); return; }
    el.value = v.slice(0, i++);
    setTimeout(next, pause);
  };
  next();
})"""
_NOT_TYPED = frozenset({"checkbox", "radio", "file", "submit", "button", "reset", "range", "color"})


@dataclass
class _Open:
    """The step on screen now."""

    step: Step
    start: float
    shots: list[Shot] = field(default_factory=list)
    markers: int = 0
    clicked: bool = False
    sms_seen: int = 0


class Presenter:
    """Captions, chapter cards, outline, cursor and shots for one recorded page."""

    def __init__(
        self, page: Page, shots_dir: Path, pace: Pace, timeline: Timeline,
        narration: Callable[[str], float] | None = None,
        sms_outbox: Callable[[], list[dict]] | None = None,
    ) -> None:
        self.page = page
        self.shots_dir = shots_dir
        self.pace = pace
        self.timeline = timeline
        self.narration = narration or (lambda text: 0.0)
        self.sms_outbox = sms_outbox
        self.captures: list[StepCapture] = []
        self._open: _Open | None = None
        self._part: tuple[str, str] | None = None
        self._caption: dict | None = None
        self._secrets: frozenset[str] = frozenset()
        self._shot_count = 0
        self.busy = False

    # --- the page's overlay -----------------------------------------------------------------
    def install(self) -> None:
        """The overlay in this document and in every document the page loads from now on."""
        self.page.context.add_init_script(OVERLAY_JS)
        self.page.evaluate(OVERLAY_JS)
        self.render()

    def _sync_secrets(self) -> None:
        """New secrets typed: masked wherever a page shows them, from a document's first paint."""
        current = known_secrets()
        if current != self._secrets:
            self._secrets = current
            self.page.context.add_init_script(f"window.__wtSecrets = {json.dumps(sorted(current))};")

    def render(self, fresh: bool = False) -> None:
        self._sync_secrets()
        if not self._call("() => !!window.__wt", None):
            self._call(OVERLAY_JS, None)  # a document loaded before the init script was added
        state = {"caption": self._caption, "secrets": sorted(self._secrets), "fresh": fresh}
        self._call("state => window.__wt.render(state)", state)

    def _call(self, script: str, arg: object) -> object:
        """Evaluate in the page; a page that is navigating misses one drawing, not the step."""
        try:
            return self.page.evaluate(script, arg)
        except PlaywrightError as exc:
            log.debug("overlay: %s", exc)
            return None

    # --- StepObserver -------------------------------------------------------------------------
    def step_started(self, step: Step, page: Page | None) -> None:
        if (step.section, step.part) != self._part:
            self._chapter_card(step)
        caption = {"part": f"{step.section} {step.part}", "number": step.number,
                   "title": step.title, "note": step.note}
        self._caption = caption
        self.render(fresh=True)
        self._open = _Open(step, self.timeline.now())
        if step.key in SMS_AFTER and self.sms_outbox is not None:
            self._open.sms_seen = len(self.sms_outbox())

    def step_finished(self, step: Step, page: Page | None, seconds: float) -> None:
        opened = self._open
        if opened is None:
            return
        self.timeline.hold(self.page, self.pace.result_s)
        if step.key in RESULT_AFTER:
            self._shoot(RESULT, "", "")
        if step.key in SMS_AFTER:
            self._show_sms(opened)
        self.timeline.hold_until(
            self.page, opened.start + max(self.pace.caption_min_s, self.narration(caption_text(step))))
        self._close(opened)

    def step_failed(self, step: Step, page: Page | None, seconds: float, error: BaseException) -> None:
        if self._open is not None:
            self._close(self._open)

    def _close(self, opened: _Open) -> None:
        self.captures.append(
            StepCapture(opened.step.key, round(opened.start, 3), round(self.timeline.now(), 3),
                        tuple(opened.shots)))
        self._open = None

    def _chapter_card(self, step: Step) -> None:
        """Section and part titles, full screen, as the procedure document heads them."""
        self._part = (step.section, step.part)
        started = self.timeline.now()
        self._call("card => window.__wt.card(card)",
                   {"system": step.system, "section": step.section, "part": step.part})
        self.timeline.hold_until(
            self.page, started + max(self.pace.chapter_s, self.narration(chapter_text(step.section, step.part))))
        self._call("() => window.__wt.card(null)", None)

    def _show_sms(self, opened: _Open) -> None:
        if self.sms_outbox is None:
            return
        new = self.sms_outbox()[opened.sms_seen:]
        if not new:
            return
        self._call("m => window.__wt.sms(m)", {"who": SMS_WHO, "text": new[-1]["text"]})
        self.timeline.hold(self.page, self.pace.sms_s / 2)
        self._shoot(RESULT, "", SMS_TARGET)
        self.timeline.hold(self.page, self.pace.sms_s / 2)
        self._call("() => window.__wt.sms(null)", None)

    # --- shots ----------------------------------------------------------------------------------
    def _shoot(self, kind: str, action: str, target: str, marker: int | None = None,
               box: tuple[float, float, float, float] | None = None) -> None:
        opened = self._open
        if opened is None:
            return
        self._shot_count += 1
        suffix = f"{marker}" if marker is not None else "result"
        name = f"{self._shot_count:03d}-{opened.step.key}-{suffix}.png"
        self.shots_dir.mkdir(parents=True, exist_ok=True)
        self._call("() => window.__wt.tick()", None)  # masks where the secrets are now
        try:
            self.page.screenshot(path=self.shots_dir / name,
                                 mask=[self.page.locator(SECRET_FIELDS), self.page.get_by_text(CLOCK_TIME)],
                                 mask_color=MASK_COLOR)
        except PlaywrightError as exc:  # a shot never hides the step's own outcome
            log.warning("截图失败：%s", exc)
            return
        opened.shots.append(Shot(f"shots/{name}", kind, action, target, marker, box))

    # --- actions ----------------------------------------------------------------------------------
    def before_action(self, locator: Locator, method: str, args: tuple, kwargs: dict) -> dict | None:
        """Outline and number the element, move the cursor, take the ACTION shot. Returns what
        was learnt of the element (None: nothing shown, e.g. not there yet)."""
        opened = self._open
        if opened is None:
            return None
        self._sync_secrets()
        self._call("() => window.__wt.address(null)", None)
        if method == "click" and opened.step.key in RESULT_BEFORE_CLICK and not opened.clicked:
            self._shoot(RESULT, "", "")
        opened.clicked = opened.clicked or method == "click"
        try:
            info = locator.evaluate(_POINT, [opened.markers + 1, self.pace.cursor_ms])
            if info is None:  # not shown yet (a dialog opening): wait as the action would
                locator.wait_for(state="visible")
                info = locator.evaluate(_POINT, [opened.markers + 1, self.pace.cursor_ms])
        except PlaywrightError as exc:  # the action itself will say what is wrong
            log.debug("presenter: %s", exc)
            return None
        if info is None:
            return None
        opened.markers += 1
        target = info["name"]
        if any(secret in target for secret in self._secrets):
            target = "（已隐藏）"
        self._shoot(ACTION, _verb(method, info, args, kwargs), target, opened.markers,
                    tuple(round(v, 1) for v in info["box"]))
        self.timeline.hold(self.page, self.pace.point_ms / 1000)
        if method in ("click", "dblclick", "tap", "check", "uncheck", "set_checked"):
            self._call("() => window.__wt.press()", None)
        return info

    def type_visibly(self, locator: Locator, value: str) -> None:
        """Show ``value`` going in at a readable speed (growing prefixes, drawn only); the field
        is emptied again, so the flow's own fill that follows acts as it would unpresented.
        The page animates it (one round trip, so the speed is the pace's, not the browser's)."""
        if not value:
            return
        self._call("() => window.__wt.tick()", None)
        try:
            locator.evaluate(_TYPE_VALUE, [value, self.pace.typing_ms(len(value))])
        except PlaywrightError as exc:
            log.debug("presenter: %s", exc)

    def after_action(self) -> None:
        self._call("() => window.__wt.unpoint()", None)
        self.render()

    def before_address(self, url: str) -> None:
        if self._open is None:
            return
        self._call("u => window.__wt.address(u)", url)
        self.timeline.hold(self.page, (self.pace.cursor_ms + self.pace.point_ms) / 1000)

    def after_address(self, url: str) -> None:
        self.render()
        self._call("u => window.__wt.address(u)", url)

    def before_key(self) -> None:
        """A key press (→ in the 预览 dialog): what is shown stays a moment first."""
        if self._open is not None:
            self.timeline.hold(self.page, self.pace.result_s)


def _verb(method: str, info: dict, args: tuple, kwargs: dict) -> str:
    if method == "set_checked":
        checked = args[0] if args else kwargs.get("checked", True)
        if not checked:
            return VERBS["uncheck"]
    if method in ("check", "set_checked") and info.get("type") == "radio":
        return "选择"
    return VERBS[method]


def caption_text(step: Step) -> str:
    """What a step's caption says (and its narration reads)."""
    return f"{step.number} {step.title}" + (f"\n{step.note}" if step.note else "")


def chapter_text(section: str, part: str) -> str:
    """What the chapter card of a part says (and its narration reads)."""
    return f"{section}\n{part}"


# --- wrapping Playwright's actions while presenting -------------------------------------------
_active: list[Presenter] = []


def _wrap_locator_action(method: str, original: Callable[..., Any]) -> Callable[..., Any]:
    @wraps(original)
    def action(locator: Locator, *args: object, **kwargs: object) -> object:
        presenter = _active[-1] if _active else None
        if presenter is None or presenter.busy or locator.page != presenter.page:
            return original(locator, *args, **kwargs)
        presenter.busy = True
        try:
            info = presenter.before_action(locator, method, args, kwargs)
            if method == "fill" and info and info["type"] not in _NOT_TYPED and info["tag"] != "select":
                presenter.type_visibly(locator, args[0] if args else kwargs.get("value", ""))
            result = original(locator, *args, **kwargs)
        finally:
            presenter.busy = False
        presenter.after_action()
        return result

    return action


def _wrap_goto(original: Callable[..., Any]) -> Callable[..., Any]:
    @wraps(original)
    def goto(page: Page, url: str, *args: object, **kwargs: object) -> object:
        presenter = _active[-1] if _active else None
        if presenter is None or page != presenter.page:
            return original(page, url, *args, **kwargs)
        presenter.before_address(url)
        response = original(page, url, *args, **kwargs)
        presenter.after_address(url)
        return response

    return goto


def _wrap_key(original: Callable[..., Any]) -> Callable[..., Any]:
    @wraps(original)
    def press(keyboard: Keyboard, *args: object, **kwargs: object) -> object:
        presenter = _active[-1] if _active else None
        if presenter is not None and not presenter.busy:
            presenter.before_key()
        return original(keyboard, *args, **kwargs)

    return press


@contextmanager
def presenting(presenter: Presenter) -> Iterator[Presenter]:
    """Wrap Playwright's actions for ``presenter``'s page until the block ends."""
    originals: list[tuple[type, str, Any]] = []
    for method in VERBS:
        originals.append((Locator, method, getattr(Locator, method)))
    originals.append((Page, "goto", Page.goto))
    originals.append((Keyboard, "press", Keyboard.press))
    for cls, name, original in originals:
        if cls is Locator:
            setattr(cls, name, _wrap_locator_action(name, original))
        elif cls is Page:
            setattr(cls, name, _wrap_goto(original))
        else:
            setattr(cls, name, _wrap_key(original))
    _active.append(presenter)
    try:
        presenter.install()
        yield presenter
    finally:
        _active.remove(presenter)
        for cls, name, original in originals:
            setattr(cls, name, original)
