// The walkthrough's presentation layer, drawn in the page itself so that the video, the
// screenshots and the masks are one picture: caption, chapter card, cursor, the outlined element
// with its number, the masks over secrets, the SMS card.
// Two hosts as children of <html> (the sites swap <body>, never <html>), each with a closed
// shadow root: no Playwright query can enter them, so no caption is ever taken for the page.
// The sites' CSP allows no inline style or eval: styles go through CSSOM only.
//   data-wt="stage": caption, chapter card, cursor, address (hidden in screenshots)
//   data-wt="marks": outline + number, masks, SMS card (kept in screenshots)
(() => {
  if (window.__wt) { window.__wt.attach(); return; }
  const FONT = '"WenQuanYi Micro Hei", "Noto Sans CJK SC", "Noto Sans SC", sans-serif';
  const CSS = `
    :host { all: initial; }
    * { box-sizing: border-box; font-family: ${FONT}; }
    .caption { position: fixed; left: 2vw; right: 2vw; bottom: 1.6vw; padding: 0.9vw 1.4vw;
      background: rgba(20, 32, 56, 0.92); color: #fff; border-radius: 0.8vw; display: none;
      box-shadow: 0 0.3vw 1.2vw rgba(0,0,0,.35); }
    .caption.top { bottom: auto; top: 1.2vw; }
    .caption.on { display: block; }
    .caption .head { font-size: 2.0vw; line-height: 1.35; font-weight: bold; }
    .caption .num { display: inline-block; min-width: 2.6vw; padding: 0 0.6vw; margin-right: 0.8vw;
      border-radius: 0.4vw; background: #f59e0b; color: #1f2937; text-align: center; }
    .caption .part { font-size: 1.15vw; color: #c7d2fe; margin-bottom: 0.2vw; }
    .caption .note { font-size: 1.5vw; color: #fde68a; margin-top: 0.3vw; }
    .caption .note:empty { display: none; }
    .card { position: fixed; inset: 0; display: none; align-items: center; justify-content: center;
      background: linear-gradient(135deg, #1e3a8a, #0f172a); color: #fff; }
    .card.on { display: flex; }
    .card.on ~ .caption, .card.on ~ .cursor, .card.on ~ .address { display: none; }
    .card .box { text-align: center; max-width: 80vw; }
    .card .system { font-size: 1.6vw; color: #93c5fd; margin-bottom: 1.5vw; }
    .card .section { font-size: 3.2vw; font-weight: bold; line-height: 1.4; }
    .card .part { font-size: 2.4vw; color: #fde68a; margin-top: 1.6vw; }
    .card .part:empty { display: none; }
    .cursor { position: fixed; left: 50vw; top: 50vh; width: 2.2vw; height: 2.2vw; display: none;
      transition-property: left, top; transition-timing-function: ease-in-out; }
    .cursor.on { display: block; }
    .cursor svg { width: 100%; height: 100%; filter: drop-shadow(0 0.15vw 0.2vw rgba(0,0,0,.5)); }
    .cursor .ring { position: absolute; left: -1.2vw; top: -1.2vw; width: 2.4vw; height: 2.4vw;
      border-radius: 50%; border: 0.25vw solid #f59e0b; opacity: 0; }
    .cursor.press .ring { animation: ring 0.45s ease-out; }
    @keyframes ring { from { opacity: 1; transform: scale(0.3); } to { opacity: 0; transform: scale(1.4); } }
    .address { position: fixed; left: 20vw; right: 20vw; top: 1vw; display: none; padding: 0.6vw 1vw;
      background: #fff; color: #111827; border: 0.2vw solid #2563eb; border-radius: 2vw;
      font-size: 1.4vw; box-shadow: 0 0.3vw 1vw rgba(0,0,0,.3); }
    .address.on { display: block; }
    .address b { color: #2563eb; margin-right: 0.8vw; }
    .outline { position: fixed; display: none; border: 3px solid #f59e0b; border-radius: 6px;
      box-shadow: 0 0 0 4px rgba(245, 158, 11, .35); }
    .outline.on { display: block; }
    .outline .marker { position: absolute; left: -15px; top: -15px; width: 26px; height: 26px;
      border-radius: 50%; background: #dc2626; color: #fff; font-size: 16px; line-height: 26px;
      text-align: center; font-weight: bold; box-shadow: 0 1px 3px rgba(0,0,0,.5); }
    .mask { position: fixed; background: #374151; color: #e5e7eb; border-radius: 4px;
      display: flex; align-items: center; justify-content: center; overflow: hidden;
      font-size: 12px; white-space: nowrap; }
    .sms { position: fixed; right: 3vw; top: 8vh; width: 30vw; display: none; padding: 1.2vw;
      background: #f9fafb; color: #111827; border-radius: 1.6vw; border: 0.5vw solid #111827;
      box-shadow: 0 0.5vw 2vw rgba(0,0,0,.45); }
    .sms.on { display: block; }
    .sms .who { font-size: 1.1vw; color: #6b7280; margin-bottom: 0.8vw; }
    .sms .text { font-size: 1.35vw; line-height: 1.5; background: #e5e7eb; border-radius: 1vw;
      padding: 0.9vw; }`;

  function host(kind, html) {
    const el = document.createElement('div');
    el.setAttribute('data-wt', kind);
    el.setAttribute('aria-hidden', 'true');
    el.inert = true;
    // A manual popover: in the top layer, so that a modal <dialog> (授权管理, 预览) does not
    // cover the outline, the masks or the caption; raised again whenever a dialog opens.
    el.popover = 'manual';
    el.style.cssText = 'position:fixed;inset:0;width:100vw;height:100vh;margin:0;padding:0;border:0;'
      + 'background:transparent;overflow:visible;pointer-events:none;z-index:2147483647;';
    const root = el.attachShadow({ mode: 'closed' });
    // A constructed style sheet: the sites' Content-Security-Policy refuses inline <style>.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];
    root.innerHTML = html;
    return [el, root];
  }
  const ARROW = '<svg viewBox="0 0 24 24"><path d="M3 2 L3 20 L8 15.5 L11.5 22 L14.5 20.6 L11 14.2 L18 14.2 Z" fill="#fff" stroke="#111" stroke-width="1.4" stroke-linejoin="round"/></svg>';
  const [stage, s] = host('stage', `
    <div class="card"><div class="box"><div class="system"></div><div class="section"></div><div class="part"></div></div></div>
    <div class="caption"><div class="part"></div><div class="head"><span class="num"></span><span class="title"></span></div><div class="note"></div></div>
    <div class="address"><b>网址</b><span></span></div>
    <div class="cursor"><div class="ring"></div>${ARROW}</div>`);
  const [marks, m] = host('marks', `
    <div class="masks"></div>
    <div class="outline"><span class="marker"></span></div>
    <div class="sms"><div class="who"></div><div class="text"></div></div>`);
  const $ = (root, sel) => root.querySelector(sel);
  const tracked = new Set();  // elements tagged data-secret, also once moved out of reach
  let cursor = { x: 0, y: 0, on: false };

  let modals = -1;
  function raise(el) {
    if (!el.showPopover) return;
    if (el.matches(':popover-open')) el.hidePopover();
    el.showPopover();
  }
  function attach() {
    const html = document.documentElement;
    if (!html) return;
    if (!stage.isConnected) html.appendChild(stage);
    if (!marks.isConnected) html.appendChild(marks);
    const open = document.querySelectorAll('dialog:modal').length;
    if (open !== modals || !marks.matches(':popover-open')) {
      modals = open;
      raise(stage); raise(marks);  // marks last: nothing covers a mask
    }
  }

  function secretRects() {
    document.querySelectorAll('[data-secret]').forEach((el) => tracked.add(el));
    const rects = [];
    for (const el of tracked) {
      if (!el.isConnected) { tracked.delete(el); continue; }
      rects.push(el.getBoundingClientRect());
    }
    const secrets = (window.__wtSecrets || []).filter((v) => v && v.length >= 4);
    if (secrets.length && document.body) {
      // Any other place a secret shows: a field's value, or a text on the page.
      document.querySelectorAll('input, textarea').forEach((el) => {
        if (!tracked.has(el) && secrets.some((v) => (el.value || '').includes(v))) rects.push(el.getBoundingClientRect());
      });
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const v of secrets) {
          let at = node.data.indexOf(v);
          while (at >= 0) {
            const range = document.createRange();
            range.setStart(node, at); range.setEnd(node, at + v.length);
            for (const r of range.getClientRects()) rects.push(r);
            at = node.data.indexOf(v, at + v.length);
          }
        }
      }
    }
    return rects.filter((r) => r.width > 0 && r.height > 0);
  }

  function tick() {
    attach();
    const layer = $(m, '.masks');
    const rects = secretRects();
    while (layer.children.length < rects.length) {
      const d = document.createElement('div'); d.className = 'mask'; d.textContent = '已隐藏';
      layer.appendChild(d);
    }
    while (layer.children.length > rects.length) layer.lastChild.remove();
    rects.forEach((r, i) => {
      const d = layer.children[i].style;
      d.left = `${r.left - 3}px`; d.top = `${r.top - 3}px`;
      d.width = `${r.width + 6}px`; d.height = `${r.height + 6}px`;
    });
    return rects.length;
  }
  function loop() { try { tick(); } catch (e) { /* next frame */ } requestAnimationFrame(loop); }

  function placeCursor(ms) {
    const c = $(s, '.cursor');
    c.style.transitionDuration = `${ms}ms`;
    c.style.left = `${cursor.x}px`; c.style.top = `${cursor.y}px`;
    c.classList.toggle('on', cursor.on);
  }

  const api = {
    attach, tick,
    render(state) {
      attach();
      if (state.secrets) window.__wtSecrets = state.secrets;
      const cap = state.caption;
      const c = $(s, '.caption');
      c.classList.toggle('on', !!cap);
      if (state.fresh) c.classList.remove('top');  // a new step's caption starts at the bottom
      if (cap) {
        $(c, '.part').textContent = cap.part || '';
        $(c, '.num').textContent = cap.number;
        $(c, '.title').textContent = cap.title;
        $(c, '.note').textContent = cap.note || '';
      }
      if (state.cursor) { cursor = state.cursor; placeCursor(0); }
      try { sessionStorage.setItem('__wt_state', JSON.stringify({ caption: cap, cursor })); } catch (e) { /* opaque origin */ }
      tick();
    },
    card(card) {
      attach();
      const el = $(s, '.card');
      el.classList.toggle('on', !!card);
      if (card) {
        $(el, '.system').textContent = card.system || '';
        $(el, '.section').textContent = card.section;
        $(el, '.part').textContent = card.part || '';
      }
    },
    address(url) {
      attach();
      const el = $(s, '.address');
      el.classList.toggle('on', !!url);
      $(el, 'span').textContent = url || '';
    },
    // Outline the element, number it, move the cursor onto it; resolves when the cursor is there.
    point(el, marker, ms) {
      attach();
      const r = el.getBoundingClientRect();
      const o = $(m, '.outline');
      o.style.left = `${r.left - 5}px`; o.style.top = `${r.top - 5}px`;
      o.style.width = `${r.width + 10}px`; o.style.height = `${r.height + 10}px`;
      $(o, '.marker').textContent = String(marker);
      o.classList.add('on');
      const caption = $(s, '.caption');
      caption.classList.toggle('top', r.bottom > window.innerHeight * 0.72);
      cursor = { x: r.left + Math.min(r.width / 2, 40), y: r.top + r.height / 2, on: true };
      placeCursor(ms);
      tick();
      return new Promise((done) => setTimeout(() => done([r.left, r.top, r.width, r.height]), ms));
    },
    press() {
      const c = $(s, '.cursor');
      c.classList.remove('press'); void c.offsetWidth; c.classList.add('press');
    },
    unpoint() { $(m, '.outline').classList.remove('on'); },
    sms(message) {
      attach();
      const el = $(m, '.sms');
      el.classList.toggle('on', !!message);
      if (message) { $(el, '.who').textContent = message.who; $(el, '.text').textContent = message.text; }
    },
  };
  window.__wt = api;
  try {
    const saved = JSON.parse(sessionStorage.getItem('__wt_state') || 'null');
    if (saved) document.addEventListener('DOMContentLoaded', () => api.render(saved), { once: true });
  } catch (e) { /* opaque origin */ }
  attach();
  document.addEventListener('DOMContentLoaded', attach);
  requestAnimationFrame(loop);
})();
