# Sourced by infra/test.sh: installs what the suite needs when it is missing, so that the README's test command
# passes on a fresh Debian machine without reading further. Needs root (or sudo) only when something is missing:
# the PostgreSQL server binaries, Debian's Chromium (browser tests never download a browser) and a font for it.
ensure_prerequisites() {
  local missing=()
  command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
  [ -x /usr/bin/chromium ] || missing+=(chromium fonts-dejavu-core)
  if [ ${#missing[@]} -gt 0 ]; then
    local sudo=""
    if [ "$(id -u)" != 0 ]; then
      command -v sudo >/dev/null 2>&1 && sudo="sudo -n" \
        || { echo "Missing ${missing[*]}: run 'apt-get install -y ${missing[*]}' as root, or run this command as root." >&2; return 1; }
    fi
    echo "Installing what the tests need: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq && $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
      || { echo "apt-get install ${missing[*]} failed" >&2; return 1; }
  fi
  # PostgreSQL refuses to run as root: the throwaway cluster runs as this system user.
  if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then useradd --system --no-create-home postgres; fi
  command -v dotnet >/dev/null 2>&1 || { echo "The .NET 10 SDK is needed (dotnet on PATH): see README.md, Prerequisites." >&2; return 1; }
}
