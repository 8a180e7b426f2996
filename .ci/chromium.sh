# Installs Debian's chromium and chromium-driver for the Connector Builder's browser tests, in the background while
# Maven builds; sourced by .ci/run after start_postgres (whose apt-get, if any, has finished by then: the two
# installs never run apt-get at once). The tests read SLUICE_BROWSER_INSTALL_DONE and wait for that file (it holds
# the install's exit code) before they look for the browser; under CI a browser still missing fails them.

chromium_present() {
  [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]
}

start_chromium_install() {
  SLUICE_BROWSER_INSTALL_DONE="$(mktemp -u /tmp/sluice-chromium-done.XXXXXX)"
  export SLUICE_BROWSER_INSTALL_DONE
  if chromium_present; then
    echo 0 > "$SLUICE_BROWSER_INSTALL_DONE"
    return 0
  fi
  local log="${SLUICE_BROWSER_INSTALL_DONE}.log"
  echo "Installing chromium and chromium-driver from Debian's packages in the background (log: $log)..." >&2
  (
    export DEBIAN_FRONTEND=noninteractive
    status=0
    # Wait for the dpkg lock rather than fail if another apt-get (not ours) holds it.
    apt-get -o DPkg::Lock::Timeout=600 update -qq && \
      apt-get -o DPkg::Lock::Timeout=600 install -y -qq chromium chromium-driver \
      || status=$?
    echo "$status" > "$SLUICE_BROWSER_INSTALL_DONE.tmp"
    mv "$SLUICE_BROWSER_INSTALL_DONE.tmp" "$SLUICE_BROWSER_INSTALL_DONE"
  ) > "$log" 2>&1 &
}

# Called on exit: shows the install's log if it failed. An install still running is left to finish (stopping
# dpkg half-way would leave the packages broken for the next run).
finish_chromium_install() {
  if [ -n "${SLUICE_BROWSER_INSTALL_DONE:-}" ] && [ -f "$SLUICE_BROWSER_INSTALL_DONE" ] \
      && [ "$(cat "$SLUICE_BROWSER_INSTALL_DONE")" != 0 ] && [ -f "${SLUICE_BROWSER_INSTALL_DONE}.log" ]; then
    echo "The chromium install failed:" >&2
    tail -20 "${SLUICE_BROWSER_INSTALL_DONE}.log" >&2
  fi
}
