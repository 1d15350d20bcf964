#!/usr/bin/env bash
# 安装本项目所需的一切（幂等；已具备的步骤会跳过）。由 `make setup` 调用。
# Installs everything this project needs (idempotent; steps already done are skipped).
# Called by `make setup`.
#
#   1. Debian packages: firefox-esr, fonts-wqy-microhei (CJK font), xvfb, xauth, tesseract-ocr
#      (+ chi-sim: scanned proofs, walkthrough frames), espeak-ng (narration), libreoffice-calc-nogui
#      (worksheet round trip); node + npm
#      (as root: apt-get install; otherwise: print the exact sudo command and stop)
#   2. .venv (Python 3.11) with the project installed editable, test extra included
#   3. an ffmpeg where Playwright's video recorder looks for it
#      ($PLAYWRIGHT_BROWSERS_PATH or ~/.cache/ms-playwright)/ffmpeg-<rev>/ffmpeg-linux
#   4. the Allure 3 report generator from npm into .tools/ (so reports build offline later)
#   then: the TCP_NODELAY shim for firefox-esr (browser/nodelay.py; gcc installed as root if absent)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"

ALLURE_VERSION="3.18.0"     # npm package "allure" (Allure Report 3, Node only, no Java)
# tesseract-ocr + chi-sim: OCR of scanned proofs and of walkthrough frames (no secret readable);
# espeak-ng: the walkthrough's offline Mandarin narration (voice cmn-latn-pinyin).
APT_PACKAGES=(firefox-esr fonts-wqy-microhei xvfb xauth tesseract-ocr tesseract-ocr-chi-sim espeak-ng)
# LibreOffice Calc without its GUI (~190 MB, installed without recommends): the review e2e tests
# round-trip a worksheet through `soffice --headless --convert-to`, as a reviewer's Calc saves it.
LEAN_APT_PACKAGES=(libreoffice-calc-nogui)
VENV="$ROOT/.venv"
TOOLS="$ROOT/.tools"

step() { printf '\n==> %s\n' "$*"; }
info() { printf '    %s\n' "$*"; }
skip() { printf '    [已完成，跳过 skipped: already done] %s\n' "$*"; }
die()  { printf '\n[错误 ERROR] %s\n' "$*" >&2; exit 1; }

T0=$SECONDS

# --------------------------------------------------------------------------------------------
step "1/4 系统软件包 Debian packages: ${APT_PACKAGES[*]} + node/npm"
missing=()
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
for pkg in "${APT_PACKAGES[@]}"; do
    installed "$pkg" || missing+=("$pkg")
done
lean_missing=()
# Calc with its GUI (libreoffice-calc) does as well: the two conflict, keep whichever is there.
if ! installed libreoffice-calc-nogui && ! installed libreoffice-calc; then
    lean_missing=("${LEAN_APT_PACKAGES[@]}")
fi
if ! command -v node >/dev/null 2>&1; then
    missing+=(nodejs npm)
elif ! command -v npm >/dev/null 2>&1; then
    missing+=(npm)
fi

if ((${#missing[@]} + ${#lean_missing[@]} == 0)); then
    skip "all present: ${APT_PACKAGES[*]} ${LEAN_APT_PACKAGES[*]}, node $(node --version), npm $(npm --version)"
elif [[ $(id -u) -eq 0 ]]; then
    info "安装 installing: ${missing[*]} ${lean_missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    if ((${#missing[@]})); then
        apt-get install -y -q -o Dpkg::Use-Pty=0 "${missing[@]}"
    fi
    if ((${#lean_missing[@]})); then
        apt-get install -y -q -o Dpkg::Use-Pty=0 --no-install-recommends "${lean_missing[@]}"
    fi
else
    cmd="sudo apt-get update"
    ((${#missing[@]})) && cmd+=" && sudo apt-get install -y ${missing[*]}"
    ((${#lean_missing[@]})) && cmd+=" && sudo apt-get install -y --no-install-recommends ${lean_missing[*]}"
    die "缺少系统软件包 missing Debian packages: ${missing[*]} ${lean_missing[*]}
    请用有 sudo 权限的账号执行 / run as a user with sudo:

        $cmd

    然后重新运行 then re-run: make setup"
fi

# --------------------------------------------------------------------------------------------
step "2/4 Python 虚拟环境 virtualenv .venv + pip install -e '.[test]'"
PY=""
for cand in python3.11 python3; do
    if command -v "$cand" >/dev/null 2>&1 &&
        "$cand" -c 'import sys; sys.exit(0 if sys.version_info[:2] >= (3, 11) else 1)' 2>/dev/null; then
        PY="$(command -v "$cand")"
        break
    fi
done
[[ -n "$PY" ]] || die "需要 Python 3.11 或更高 / Python >= 3.11 is required (python3.11 not found)"

if [[ -x "$VENV/bin/python" ]] && "$VENV/bin/python" -c 'import sys; sys.exit(0 if sys.version_info[:2] >= (3, 11) else 1)' 2>/dev/null; then
    skip ".venv exists ($("$VENV/bin/python" --version))"
else
    info "创建 creating .venv with $PY ($("$PY" --version))"
    rm -rf "$VENV"
    "$PY" -m venv "$VENV"
fi

# Reinstall when pyproject.toml changes or a top-level package appears: the editable install
# maps each top-level package found at install time, so a package created later needs it.
packages=""
for init in "$ROOT"/*/__init__.py; do
    [[ -f "$init" ]] && packages+="${packages:+ }$(basename "$(dirname "$init")")"
done
want="$( { sha256sum pyproject.toml; echo "packages: $packages"; } | sha256sum | cut -d' ' -f1)"
marker="$VENV/.jcjy-installed"
if [[ -f "$marker" && "$(cat "$marker")" == "$want" ]] &&
    "$VENV/bin/python" -c 'import playwright, pytest, flask' 2>/dev/null; then
    skip "project already installed (pyproject.toml unchanged; packages: ${packages:-none})"
else
    info "安装 installing project + test extra (packages: ${packages:-none})"
    rm -f "$marker"
    # (the filter drops pip's notes about absent local file:// indexes in a machine's pip.conf)
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check -e ".[test]" 2>&1 |
        { grep -v "^WARNING: Location 'file:" || true; }
    echo "$want" >"$marker"
fi
"$VENV/bin/python" - <<'PY'
from browser.installation import check_playwright_version
print(f"    playwright {check_playwright_version()} OK")
PY

# --------------------------------------------------------------------------------------------
step "3/4 Playwright 录像用 ffmpeg / ffmpeg for Playwright's video recorder"
read -r PW_DIR FFMPEG_REV FFMPEG_EXE < <("$VENV/bin/python" - <<'PY'
import imageio_ffmpeg
from browser.installation import playwright_browsers_path, playwright_revision
print(playwright_browsers_path(), playwright_revision("ffmpeg"), imageio_ffmpeg.get_ffmpeg_exe())
PY
)
[[ "$FFMPEG_REV" != "None" ]] || die "cannot read the ffmpeg revision from playwright's browsers.json"
target="$PW_DIR/ffmpeg-$FFMPEG_REV/ffmpeg-linux"
if [[ -x "$target" ]] && "$target" -version >/dev/null 2>&1; then
    skip "$target -> $(readlink -f "$target")"
else
    info "链接 linking $target -> $FFMPEG_EXE"
    mkdir -p "$(dirname "$target")"
    ln -sfn "$FFMPEG_EXE" "$target"
    "$target" -version >/dev/null || die "linked ffmpeg does not run: $target"
fi

# --------------------------------------------------------------------------------------------
step "4/4 Allure 报告生成器 Allure Report ${ALLURE_VERSION} (npm) -> .tools/"
installed_allure="$(node -p "require('$TOOLS/node_modules/allure/package.json').version" 2>/dev/null || true)"
if [[ "$installed_allure" == "$ALLURE_VERSION" && -x "$TOOLS/node_modules/.bin/allure" ]]; then
    skip "allure $installed_allure in .tools/node_modules"
else
    info "安装 installing allure@$ALLURE_VERSION (found: ${installed_allure:-none})"
    mkdir -p "$TOOLS"
    npm install --prefix "$TOOLS" --save-exact --no-audit --no-fund --loglevel=error \
        "allure@$ALLURE_VERSION"
fi

# --------------------------------------------------------------------------------------------
step "浏览器 browser: firefox-esr + TCP_NODELAY 补丁 shim (browser/native/tcp_nodelay.c)"
# Optional speed-up (about 2x for the whole procedure): without a C compiler Firefox still works.
if ! command -v cc >/dev/null 2>&1 && ! command -v gcc >/dev/null 2>&1; then
    if [[ $(id -u) -eq 0 ]]; then
        info "安装 installing gcc libc6-dev (to build the shim)"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o Dpkg::Use-Pty=0 gcc libc6-dev ||
            info "(gcc install failed; Firefox will run without the shim, slower)"
    else
        info "没有 C 编译器 no C compiler: Firefox 将不用补丁（较慢）runs slower without the shim."
        info "    sudo apt-get install -y gcc libc6-dev && make setup"
    fi
fi
"$VENV/bin/python" -m browser.nodelay | sed 's/^/    /' || true
"$VENV/bin/python" - <<'PY' || info "(browser check failed, see above)"
from browser.launch import firefox_kind
print(f"    {firefox_kind()}")
PY

printf '\n完成 done in %ss. 下一步 next: make demo | make test\n' "$((SECONDS - T0))"
