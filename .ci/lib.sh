# What the .ci/*/check.sh scripts share: each sources this file, with
#   . "$(dirname "$0")/../lib.sh"
# It installs only what is missing, so a machine that has it all (a
# developer's, or CI's second run) goes straight to the check.

# node_deps installs the packages of the current directory's package.json,
# as its package-lock.json pins them, unless every module named is there.
node_deps() {
	local m
	for m in "$@"; do
		if [ ! -d "node_modules/$m" ]; then
			npm ci --no-audit --no-fund --loglevel=error >/dev/null
			return
		fi
	done
}

# apt_install installs Debian packages (its arguments are apt-get
# install's), as root or else through sudo.
apt_install() {
	local sudo=""
	[ "$(id -u)" -eq 0 ] || sudo=sudo
	$sudo apt-get update -qq >/dev/null
	$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# need_chromium installs Debian's chromium unless it is there, where the
# Playwright scripts look for it.
need_chromium() {
	[ -x /usr/bin/chromium ] || apt_install chromium
}
