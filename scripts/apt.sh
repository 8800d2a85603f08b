# Sourced by scripts/system_deps.sh and scripts/test.sh: install Debian packages with apt when we
# are root; otherwise say what to install and stop. `AGAIN` names the command to run afterwards.
say() { printf '\n==> %s\n' "$*"; }
is_root() { [ "$(id -u)" = 0 ]; }
apt_install() {
  if is_root; then
    [ -n "${APT_UPDATED:-}" ] || { apt-get update -qq; APT_UPDATED=1; }
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    echo "Missing: $*. Install it (as root: apt-get install $*) and run ${AGAIN:-the command} again." >&2
    exit 1
  fi
}
